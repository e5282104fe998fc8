import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "./schema.js";

/** One audited operation. No field may hold a record value (PHI): keys, tables, ids and codes only. */
export interface AuditEntry {
  readonly actor: string;
  readonly operation: string;
  readonly runId?: string | null;
  readonly sourceKey?: string | null;
  readonly targetTable?: string | null;
  readonly targetId?: string | null;
  readonly outcome: string;
  readonly errorCode?: string | null;
}

const genesis = "0".repeat(64);

/**
 * Appends entries to the hash-chained audit log: each row's hash covers its content and the
 * previous row's hash, so an edited or removed row breaks the chain (see verifyAuditChain).
 * Call inside the caller's transaction so the audit row commits with the work it records.
 */
export async function appendAudit(db: Kysely<Database>, entries: readonly AuditEntry[], now = new Date()): Promise<void> {
  if (entries.length === 0) return;
  const last = await db.selectFrom("audit").select("hash").orderBy("id", "desc").limit(1).executeTakeFirst();
  let prev = last?.hash ?? genesis;
  const at = now.toISOString();
  const rows = entries.map((e) => {
    const row = {
      at,
      actor: e.actor,
      operation: e.operation,
      run_id: e.runId ?? null,
      source_key: e.sourceKey ?? null,
      target_table: e.targetTable ?? null,
      target_id: e.targetId ?? null,
      outcome: e.outcome,
      error_code: e.errorCode ?? null,
      prev_hash: prev,
    };
    const hash = hashAuditRow(row);
    prev = hash;
    return { ...row, hash };
  });
  for (let i = 0; i < rows.length; i += 500) await db.insertInto("audit").values(rows.slice(i, i + 500)).execute();
}

type AuditContent = Omit<Database["audit"], "id" | "hash">;

function hashAuditRow(row: AuditContent): string {
  const canonical = JSON.stringify([
    row.at, row.actor, row.operation, row.run_id, row.source_key, row.target_table,
    row.target_id, row.outcome, row.error_code, row.prev_hash,
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}

/** Re-computes the chain; returns the id of the first row that doesn't fit, or null when intact. */
export async function verifyAuditChain(db: Kysely<Database>): Promise<number | null> {
  let prev = genesis;
  let lastId = 0;
  for (;;) {
    const page = await db.selectFrom("audit").selectAll().where("id", ">", lastId).orderBy("id").limit(5000).execute();
    if (page.length === 0) return null;
    for (const row of page) {
      const { id, hash, ...content } = row;
      if (content.prev_hash !== prev || hashAuditRow(content) !== hash) return id;
      prev = hash;
      lastId = id;
    }
  }
}
