import { issue, type Issue } from "../../contracts/handover-error.js";
import { notePartKey } from "../../contracts/note-parts.js";
import type { FileContent, FileProbe, FileProblem } from "../../contracts/source.js";
import type { NoteLimits, NoteOutcome, NoteRow, NoteWriteOptions, StoredRow, TargetRow, TargetValue, WriteOutcome } from "../../contracts/target.js";
import { appendAudit, type AuditEntry } from "../../store/audit-log.js";
import type { NoteColumns } from "../map/templates/template.js";
import type { RecordResult } from "../transform/transform-record.js";
import { saveOutcomes, type OutcomeEntry } from "./outcomes.js";
import { journalIntents, recordOutcomes, type BatchDeps, type BatchItem, type BatchResult } from "./write-batch.js";

export interface NoteDeps extends BatchDeps {
  /** Reads a file a record names (a document's content), relative to the source. */
  readonly readFile?: (path: string) => Promise<FileContent>;
  /** Its size without reading it, so a file over the limit is refused before it is read. */
  readonly statFile?: (path: string) => Promise<FileProbe>;
  readonly noteOptions?: NoteWriteOptions;
  /** The target's note limits as the plan read them. */
  readonly noteLimits?: NoteLimits;
}

type Refusal = { readonly code: "HO-LOD-003"; readonly problem: string } | { readonly code: "HO-LOD-005" } | { readonly code: "HO-TRN-002" };

/** The source columns that feed the note's text and file, for messages naming the field. */
export interface NoteSources {
  readonly text?: string;
  readonly file?: string;
  readonly parent?: string;
}

const text = (v: TargetValue | undefined): string | null => (v === undefined || v === null ? null : String(v));

/**
 * Writes one batch of notes (rows of a notes object) with the same journal promises as
 * writeBatch, through the target's note path: text longer than a note holds goes as numbered
 * parts (each part journaled and crosswalked under its own key, so verify reads them and rollback
 * removes them), a file is read from the source and sent with its note. A file that can't be read
 * rejects its record before anything is sent; what the target splits or links is flagged.
 */
export async function writeNoteBatch(deps: NoteDeps, table: string, columns: NoteColumns, items: readonly BatchItem[], sources: NoteSources = {}): Promise<BatchResult> {
  if (items.length === 0) return { created: 0, updated: 0, failed: 0 };
  const { store, target, runId } = deps;
  if (!target.writeNotes) throw new Error(`target ${target.id} has no note path but the template lands notes in ${table}`);

  const ready: { item: BatchItem; note: NoteRow }[] = [];
  const refused: OutcomeEntry[] = [];
  for (const item of items) {
    const note = await toNote(item.planned.row, columns, deps);
    if ("code" in note) {
      const record = item.record;
      if (!record) continue;
      const at = { file: record.file, row: record.row, field: sources.file ?? columns.file };
      const problem = note.code === "HO-LOD-003" ? issue("HO-LOD-003", { ...at, problem: note.problem })
        : note.code === "HO-TRN-002" ? issue("HO-TRN-002", { ...at, field: sources.parent ?? `${columns.parent} (no source column is confirmed for it)` })
          : issue("HO-LOD-005", { ...at, handling: "the record is rejected" });
      refused.push({ record, status: "rejected", reason: note.code, targetTable: null, targetKey: null, issues: [...record.issues, problem] });
    } else ready.push({ item, note });
  }
  await saveOutcomes(store.db, runId, refused);
  if (ready.length === 0) return { created: 0, updated: 0, failed: refused.length };

  const keys = ready.map((r) => r.note.sourceKey);
  // The before-image holds every column this batch writes, custom ones too, so rollback restores them.
  const readColumns = [...new Set([columns.subject, columns.text, columns.fileName, columns.mimeType, ...ready.flatMap((r) => Object.keys(r.note.columns ?? {}))])];
  const existing = new Map<string, StoredRow>();
  for (const row of await target.readBack(table, keys, readColumns)) if (row.sourceKey) existing.set(row.sourceKey, row);
  // The journal keeps the intent without the file's bytes: the path says where they came from.
  const journalIds = await journalIntents(store, runId, table, ready.map((r) => r.item.planned.row), existing);

  const outcomes = await target.writeNotes(ready.map((r) => r.note), deps.noteOptions);
  const asWrites: WriteOutcome[] = outcomes.map((o) => (o.ok
    ? { ok: true, table, sourceKey: o.sourceKey, id: o.id, created: o.created }
    : { ok: false, table, sourceKey: o.sourceKey, error: o.error }));
  const flagged = ready.map(({ item }, k) => withFlags(item, outcomes[k], columns, sources));
  const result = await recordOutcomes(deps, table, flagged, asWrites, journalIds, existing);
  await recordParts(deps, table, ready.map((r) => r.item.sourceTable), outcomes);
  return { ...result, failed: result.failed + refused.length };
}

const problemText = (problem: FileProblem): string => (problem === "outside-source" ? "outside the export folder" : problem);

/** A planned row as the target's note: columns per the template, the file read from the source.
 * A file that can't be had, or (unless oversize files are linked) is over the upload limit, is
 * refused here, before anything is read or sent. */
async function toNote(row: TargetRow, columns: NoteColumns, deps: NoteDeps): Promise<NoteRow | Refusal> {
  const parent = row.lookups[columns.parent];
  // No parent: the map confirms no column for it (a mapped required column would have rejected
  // the record in transform already).
  if (!parent) return { code: "HO-TRN-002" };
  const path = text(row.fields[columns.file]);
  const createdOn = text(row.fields[columns.createdOn]);
  const subject = text(row.fields[columns.subject]) || null;
  const own = new Set([columns.subject, columns.text, columns.fileName, columns.mimeType, columns.file, columns.createdOn, columns.parent]);
  const other = Object.fromEntries(Object.entries(row.fields).filter(([column]) => !own.has(column)));
  const base = {
    table: row.table, sourceKey: row.sourceKey, parent, subject, text: text(row.fields[columns.text]), ...(createdOn ? { createdOn } : {}),
    ...(Object.keys(other).length > 0 ? { columns: other } : {}),
  };
  if (!path) return subject === null && columns.subjectWhenEmpty ? { ...base, subject: columns.subjectWhenEmpty } : base;
  const limit = deps.noteOptions?.oversizeFiles === "link" ? undefined : deps.noteLimits?.maxFileBytes;
  if (limit !== undefined && deps.statFile) {
    const probe = await deps.statFile(path);
    if (!probe.ok) return { code: "HO-LOD-003", problem: problemText(probe.problem) };
    if (probe.size > limit) return { code: "HO-LOD-005" };
  }
  const content = deps.readFile ? await deps.readFile(path) : ({ ok: false, problem: "unreadable" } as const);
  if (!content.ok) return { code: "HO-LOD-003", problem: problemText(content.problem) };
  if (limit !== undefined && content.bytes.length > limit) return { code: "HO-LOD-005" };
  const fileName = text(row.fields[columns.fileName]) ?? path.split(/[\\/]/).pop() ?? "file";
  const mimeType = text(row.fields[columns.mimeType]) ?? "application/octet-stream";
  return { ...base, subject: subject ?? (columns.subjectWhenEmpty ? fileName : null), file: { fileName, mimeType, bytes: content.bytes } };
}

/** What the target did beyond a plain write becomes a warning on the record (status flagged). */
function withFlags(item: BatchItem, outcome: NoteOutcome | undefined, columns: NoteColumns, sources: NoteSources): BatchItem {
  const record = item.record;
  if (!record || !outcome || record.status !== "ok") return item;
  const extra: Issue[] = [];
  const at = { file: record.file, row: record.row };
  const fields = item.planned.row.fields;
  if (!text(fields[columns.file]) && (text(fields[columns.fileName]) || text(fields[columns.mimeType]))) {
    extra.push(issue("HO-LOD-007", { ...at, field: sources.file ?? columns.file }, "warning"));
  }
  if (outcome.flags.includes("split") && outcome.ok) {
    extra.push(issue("HO-LOD-004", { ...at, field: sources.text ?? columns.text, parts: outcome.partIds.length + 1 }, "warning"));
  }
  if (outcome.flags.includes("file-linked")) {
    extra.push(issue("HO-LOD-005", { ...at, field: sources.file ?? columns.file, handling: "a document location was linked to the record instead, flagged" }, "warning"));
  }
  if (!outcome.ok && outcome.error.field === columns.file && /upload limit/.test(outcome.error.reason)) {
    extra.push(issue("HO-LOD-005", { ...at, field: sources.file ?? columns.file, handling: "the record is rejected" }));
  }
  if (extra.length === 0) return item;
  const flagged: RecordResult = { ...record, issues: [...record.issues, ...extra] };
  return { ...item, record: flagged };
}

/** Continuation parts: a journal row (already done), a crosswalk row and an audit row each. */
async function recordParts(deps: NoteDeps, table: string, sourceTables: readonly string[], outcomes: readonly NoteOutcome[]): Promise<void> {
  const { store, runId, actor } = deps;
  const now = new Date().toISOString();
  const parts = outcomes.flatMap((o, k) => (o.ok ? o.partIds.map((id, n) => ({ key: notePartKey(o.sourceKey, n + 2), id, sourceTable: sourceTables[k]! })) : []));
  if (parts.length === 0) return;
  const known = new Set<string>();
  for (let k = 0; k < parts.length; k += 500) {
    const rows = await store.db.selectFrom("crosswalk").select("source_key").where("target_table", "=", table).where("source_key", "in", parts.slice(k, k + 500).map((p) => p.key)).execute();
    for (const r of rows) known.add(r.source_key);
  }
  const audit: AuditEntry[] = parts.map((p) => ({ actor, operation: "upsert", runId, sourceKey: p.key, targetTable: table, targetId: p.id, outcome: known.has(p.key) ? "updated" : "created" }));
  await store.db.transaction().execute(async (trx) => {
    for (let k = 0; k < parts.length; k += 100) {
      const slice = parts.slice(k, k + 100);
      await trx.insertInto("journal").values(slice.map((p) => ({
        run_id: runId, op: "upsert" as const, target_table: table, source_key: p.key, target_id: p.id, existed_before: 0, before_image: null,
        intent: JSON.stringify({ table, sourceKey: p.key, part: true }), status: "ok" as const, vendor_code: null, created_at: now, completed_at: now,
      }))).execute();
      await trx.insertInto("crosswalk").values(slice.map((p) => ({ target_table: table, source_key: p.key, target_id: p.id, source_table: p.sourceTable, first_run: runId, last_run: runId })))
        .onConflict((oc) => oc.columns(["target_table", "source_key"]).doUpdateSet((eb) => ({ target_id: eb.ref("excluded.target_id"), last_run: eb.ref("excluded.last_run") }))).execute();
    }
    await appendAudit(trx, audit);
  });
}
