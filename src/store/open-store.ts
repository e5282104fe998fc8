import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SqliteDatabase from "better-sqlite3";
import { Kysely, Migrator, SqliteDialect, sql, type LogEvent } from "kysely";
import { HandoverError } from "../contracts/handover-error.js";
import { migrations } from "./migrations/index.js";
import type { Database } from "./schema.js";

export interface Store {
  readonly db: Kysely<Database>;
  readonly path: string;
  close(): Promise<void>;
}

/**
 * Opens (creating if needed) the SQLite store at `path` and brings its schema to the latest
 * migration. WAL mode keeps readers unblocked while a run writes.
 *
 * @example
 *   const store = await openStore(".handover/state.db");
 */
export async function openStore(path: string): Promise<Store> {
  let sqlite: SqliteDatabase.Database;
  try {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    sqlite = new SqliteDatabase(path);
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = NORMAL");
    sqlite.pragma("busy_timeout = 5000");
  } catch (cause) {
    throw new HandoverError("HO-STO-001", { path, reason: (cause as Error).message }, { cause });
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), log: slowQueryLog() });
  await migrate(db, path);
  return { db, path, close: () => db.destroy() };
}

/**
 * HANDOVER_DEBUG_SQL=<ms> prints queries slower than that to stderr: the SQL text only, never
 * its parameters (they can hold PHI).
 */
function slowQueryLog(): ((event: LogEvent) => void) | undefined {
  const threshold = Number(process.env.HANDOVER_DEBUG_SQL);
  if (!Number.isFinite(threshold) || threshold <= 0) return undefined;
  return (event) => {
    if (event.queryDurationMillis >= threshold) process.stderr.write(`[sql ${event.queryDurationMillis.toFixed(0)} ms] ${event.query.sql.replace(/\s+/g, " ").slice(0, 300)}\n`);
  };
}

async function appliedMigrations(db: Kysely<Database>): Promise<string[]> {
  const exists = await sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master WHERE name = 'kysely_migration'`.execute(db);
  if (!exists.rows[0]?.n) return [];
  const rows = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(db);
  return rows.rows.map((r) => r.name);
}

async function migrate(db: Kysely<Database>, path: string): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => ({ ...migrations }) } });
  const known = Object.keys(migrations).sort();
  const applied = await appliedMigrations(db);
  const unknown = applied.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new HandoverError("HO-STO-002", { path, found: unknown.at(-1), known: known.at(-1) });
  }
  const { error } = await migrator.migrateToLatest();
  if (error) throw new HandoverError("HO-STO-001", { path, reason: (error as Error).message }, { cause: error });
}
