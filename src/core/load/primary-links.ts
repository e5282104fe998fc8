import { sql } from "kysely";
import type { Store } from "../../store/open-store.js";
import type { CompiledMap } from "../transform/compile-map.js";
import type { PrimaryLink } from "../transform/derive-links.js";

/** For a page of records: the primary link of each patient, or which links are primary. */
export async function primaryLinksFor(store: Store, object: string, keys: readonly string[]): Promise<{ primaryByPatient: Map<string, PrimaryLink>; primaryLinkIds: Set<string> }> {
  const primaryByPatient = new Map<string, PrimaryLink>();
  const primaryLinkIds = new Set<string>();
  if (keys.length > 0 && object === "patient") {
    const rows = await store.db.selectFrom("primary_links").selectAll().where("patient_id", "in", [...keys]).execute();
    for (const r of rows) primaryByPatient.set(r.patient_id, { linkId: r.link_id, practiceId: r.practice_id });
  } else if (keys.length > 0 && object === "patientPracticeLink") {
    const rows = await store.db.selectFrom("primary_links").select("link_id").where("link_id", "in", [...keys]).execute();
    for (const r of rows) primaryLinkIds.add(r.link_id);
  }
  return { primaryByPatient, primaryLinkIds };
}

/**
 * Chooses each patient's primary practice: among its links to practices that exist in the
 * source, the most recently modified (ties: the larger link id). Streams the links in patient
 * order through an expression index, so memory holds one patient's links at a time.
 */
export async function computePrimaryLinks(store: Store, map: CompiledMap, runId: string): Promise<number> {
  const linkTable = map.tableForObject("patientPracticeLink");
  const practiceTable = map.tableForObject("practice");
  const links = linkTable ? map.tables.get(linkTable) : undefined;
  const patientCol = links?.columnFor("patient");
  const practiceCol = links?.columnFor("practice");
  await store.db.deleteFrom("primary_links").execute();
  if (!linkTable || !practiceTable || !patientCol || !practiceCol) return 0;

  const practiceIds = new Set(
    (await store.db.selectFrom("staged_records").select("source_key").where("source_table", "=", practiceTable).where("extract_run", "=", runId).execute()).map((r) => r.source_key),
  );
  const patientExpr = `json_extract(values_json, '$."${patientCol.replace(/"/g, '""')}"')`;
  await sql.raw(`CREATE INDEX IF NOT EXISTS staged_link_patient ON staged_records(source_table, ${patientExpr})`).execute(store.db);

  let count = 0;
  let batch: { patient_id: string; link_id: string; practice_id: string }[] = [];
  type Group = { patient: string; best: { link: string; practice: string; modified: string } | null };
  const state: { current: Group | null } = { current: null };
  const finish = () => {
    const c = state.current;
    if (c?.best) batch.push({ patient_id: c.patient, link_id: c.best.link, practice_id: c.best.practice });
  };
  let lastPatient = "";
  let lastId = 0;
  for (;;) {
    const page = await sql<{ id: number; source_key: string; values_json: string; modified_at: string | null; patient: string }>`
      SELECT id, source_key, values_json, modified_at, ${sql.raw(patientExpr)} AS patient FROM staged_records
      WHERE source_table = ${linkTable} AND extract_run = ${runId}
        AND (${sql.raw(patientExpr)} > ${lastPatient} OR (${sql.raw(patientExpr)} = ${lastPatient} AND id > ${lastId}))
      ORDER BY ${sql.raw(patientExpr)}, id LIMIT 2000`.execute(store.db);
    if (page.rows.length === 0) break;
    for (const r of page.rows) {
      lastPatient = r.patient ?? "";
      lastId = r.id;
      const patient = String(r.patient ?? "").trim();
      if (state.current?.patient !== patient) {
        finish();
        state.current = { patient, best: null };
      }
      const current = state.current;
      const values = JSON.parse(r.values_json) as Record<string, string>;
      const practice = (values[practiceCol] ?? "").trim();
      if (!patient || !practiceIds.has(practice)) continue;
      // Staged with the row, read as the transform reads it (its format, the source's zone).
      const modified = r.modified_at ?? "";
      const better = !current.best || modified > current.best.modified || (modified === current.best.modified && compareIds(r.source_key, current.best.link) > 0);
      if (better) current.best = { link: r.source_key, practice, modified };
    }
    if (batch.length >= 1000) {
      count += batch.length;
      await store.db.insertInto("primary_links").values(batch).execute();
      batch = [];
    }
  }
  finish();
  if (batch.length > 0) {
    count += batch.length;
    await store.db.insertInto("primary_links").values(batch).execute();
  }
  return count;
}

/** Numeric ids compare as numbers, others as text. */
function compareIds(a: string, b: string): number {
  const [x, y] = [Number(a), Number(b)];
  return Number.isFinite(x) && Number.isFinite(y) ? x - y : a.localeCompare(b);
}
