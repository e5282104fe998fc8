import type { Context } from "../context.js";

export interface Reconciliation {
  readonly runId: string;
  readonly tables: readonly { table: string; sourceRows: number; loaded: number; flagged: number; rejected: number; skipped: number; unexplained: number }[];
  readonly unexplained: number;
  /** Rejected and skipped records with code, file, row, field and message — never values. */
  readonly exceptions: readonly { table: string; sourceKey: string; file: string | null; row: number | null; status: string; reason: string | null; field: string | null; message: string | null }[];
  /** Values left out of records that were loaded (bad email, bad date, too long…), with code and field. */
  readonly flags: readonly { table: string; sourceKey: string | null; file: string | null; row: number | null; code: string; field: string | null; message: string }[];
}

/**
 * Every source record of the run must be loaded, rejected with a reason or skipped by a named
 * rule. Source rows = rows staged by the run + duplicate and malformed rows; for a sample, the
 * rows the sample selected (records outside the slice are not part of it).
 */
export async function reconcile(ctx: Context, runId: string, unmapped: readonly { readonly table: string; readonly rows: number }[] = []): Promise<Reconciliation> {
  const run = await ctx.store.db.selectFrom("runs").select("kind").where("id", "=", runId).executeTakeFirstOrThrow();
  const outcomes = await ctx.store.db.selectFrom("record_outcomes").select(["source_table", "status"]).select((eb) => eb.fn.countAll<number>().as("n"))
    .where("run_id", "=", runId).groupBy(["source_table", "status"]).execute();
  const staged = await ctx.store.db.selectFrom("staged_records").select("source_table").select((eb) => eb.fn.countAll<number>().as("n"))
    .where("extract_run", "=", runId).groupBy("source_table").execute();
  // Rows the read met but did not stage (malformed, duplicate keys, records refused by the reader):
  // each has an outcome of its own and counts as a source row.
  const rowIssues = await ctx.store.db.selectFrom("record_outcomes as o").select("o.source_table").select((eb) => eb.fn.countAll<number>().as("n"))
    .where("o.run_id", "=", runId)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom("staged_records as s").select("s.source_key")
      .whereRef("s.source_table", "=", "o.source_table").whereRef("s.source_key", "=", "o.source_key").where("s.extract_run", "=", runId))))
    .groupBy("o.source_table").execute();
  const tables = new Map<string, { table: string; sourceRows: number; loaded: number; flagged: number; rejected: number; skipped: number; unexplained: number }>();
  const entry = (table: string) => {
    let e = tables.get(table);
    if (!e) tables.set(table, (e = { table, sourceRows: 0, loaded: 0, flagged: 0, rejected: 0, skipped: 0, unexplained: 0 }));
    return e;
  };
  for (const o of outcomes) entry(o.source_table)[o.status as "loaded"] += Number(o.n);
  if (run.kind === "sample") for (const e of tables.values()) e.sourceRows = e.loaded + e.flagged + e.rejected + e.skipped;
  else {
    for (const s of staged) entry(s.source_table).sourceRows += Number(s.n);
    for (const s of rowIssues) entry(s.source_table).sourceRows += Number(s.n);
  }
  // Tables the map holds no object for are read by nobody: their rows are skipped, by rule, as a whole.
  if (run.kind !== "sample") {
    for (const u of unmapped) {
      const e = entry(u.table);
      e.sourceRows += u.rows;
      e.skipped += u.rows;
    }
  }
  for (const e of tables.values()) e.unexplained = e.sourceRows - (e.loaded + e.flagged + e.rejected + e.skipped);
  const exceptionRows = await ctx.store.db.selectFrom("record_outcomes as o")
    .leftJoin("issues as i", (j) => j.onRef("i.run_id", "=", "o.run_id").onRef("i.source_table", "=", "o.source_table").onRef("i.source_key", "=", "o.source_key").on("i.severity", "=", "error"))
    .select(["o.source_table", "o.source_key", "o.file", "o.row", "o.status", "o.reason", "i.field", "i.message"])
    .where("o.run_id", "=", runId).where("o.status", "in", ["rejected", "skipped"]).orderBy("o.source_table").orderBy("o.row").limit(20000).execute();
  const exceptions = [
    ...(run.kind === "sample" ? [] : unmapped.map((u) => ({ table: u.table, sourceKey: "(every row)", file: null, row: null, status: "skipped", reason: "table-not-mapped", field: null, message: `${u.rows} row(s): no practice-model object was mapped for this table` }))),
    ...exceptionRows.map((r) => ({ table: r.source_table, sourceKey: r.source_key, file: r.file, row: r.row, status: r.status, reason: r.reason, field: r.field, message: r.message })),
  ];
  const flagRows = await ctx.store.db.selectFrom("issues").select(["source_table", "source_key", "file", "row", "code", "field", "message"])
    .where("run_id", "=", runId).where("severity", "=", "warning").where("code", "!=", "HO-TRN-005").orderBy("source_table").orderBy("row").limit(20000).execute();
  const flags = flagRows.map((r) => ({ table: r.source_table, sourceKey: r.source_key, file: r.file, row: r.row, code: r.code, field: r.field, message: r.message }));
  const list = [...tables.values()].sort((a, b) => a.table.localeCompare(b.table));
  return { runId, tables: list, unexplained: list.reduce((n, t) => n + t.unexplained, 0), exceptions, flags };
}
