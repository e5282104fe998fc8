import { mappingHash, type MappingFile } from "../../config/mapping-file.js";
import type { SourceCatalog } from "../../contracts/source.js";
import type { Context } from "../context.js";
import { compileMap } from "../transform/compile-map.js";
import { ruleFieldRows } from "../map/column-rule-rows.js";
import { unaffiliatedName } from "../transform/derive-links.js";
import { handoverKey } from "../transform/source-key.js";
import { sourceConventions } from "../transform/source-conventions.js";
import { loadOrder } from "./load-order.js";
import { reconcileOwners, type StaffMember } from "./owners.js";
import type { HandoverRow, Plan } from "./plan.js";
import { planSchema } from "./schema-plan.js";
import { checkCustomTables } from "./edition-limits.js";
import { checkNotes } from "./note-check.js";
import type { SchemaPlan, TargetCatalog } from "../../contracts/target.js";
import { planFieldSecurity, withFieldSecurity } from "./field-security-plan.js";
import { checkReusedColumns } from "./reused-columns.js";
import { describeLandingTables } from "../map/describe-landing-tables.js";

const roleNames: Readonly<Record<string, string>> = { primaryCare: "Primary Care", referring: "Referring Practice", other: "Other Practice" };

/**
 * The `plan` stage: reads the target's metadata and users and the source's staff, then
 * assembles the plan as data. Writes nothing to the target.
 */
export async function makePlan(ctx: Context, mapping: MappingFile, catalog: SourceCatalog): Promise<Plan> {
  const described = await describeLandingTables(ctx);
  checkReusedColumns(mapping, ctx.template, described);
  const map = compileMap(mapping, ctx.template);
  const { schema, unsecuredPhi } = secure(planSchema(mapping, ctx.template, described, catalog), mapping, ctx, described);
  // Refuse, before anything is written, a map the org's edition can't hold.
  const existingCustom = ctx.target.countCustomTables ? await ctx.target.countCustomTables() : 0;
  const customTables = checkCustomTables(ctx.config.target.kind === "dataverse" ? ctx.config.target.edition : "enterprise", existingCustom, schema.tables?.length ?? 0);

  const staff = await readStaff(ctx, mapping);
  const fallbackRule = mapping.rules.find((r) => r.id === "fallback-owner");
  const fallbackEmail = fallbackRule?.status === "confirmed" ? fallbackRule.value : null;
  const emails = [...staff.map((s) => s.email), ...(fallbackEmail ? [fallbackEmail] : [])].filter(Boolean);
  const users = await ctx.target.findUsers(emails);
  const owners = reconcileOwners(staff, users, fallbackEmail);

  const columnLimits: Record<string, Record<string, number>> = {};
  for (const t of described.tables) {
    columnLimits[t.name] = Object.fromEntries(t.columns.filter((c) => c.maxLength !== undefined).map((c) => [c.name, c.maxLength!]));
  }
  for (const c of schema.columns) if (c.maxLength !== undefined) (columnLimits[c.table] ??= {})[c.name] = c.maxLength;
  // A note's text is split into parts on the target, never left out for its length.
  for (const landing of Object.values(ctx.template.objects)) if (landing.table && landing.notes) delete columnLimits[landing.table]?.[landing.notes.text];

  const prefix = ctx.config.source.keyPrefix;
  const unaffiliated = mapping.rules.find((r) => r.id === "unaffiliated-account");
  const handoverRows: HandoverRow[] = [];
  if (unaffiliated?.status === "confirmed" && unaffiliated.value) {
    handoverRows.push({ table: ctx.template.primaryPractice.practiceTable, sourceKey: handoverKey(prefix, unaffiliatedName), fields: { [ctx.template.primaryPractice.nameColumn]: unaffiliated.value }, reason: "default account for patients with no practice" });
  }
  for (const [code, name] of ctx.template.linkRoleTable ? Object.entries(roleNames) : []) {
    handoverRows.push({ table: ctx.template.linkRoleTable!, sourceKey: handoverKey(prefix, `connectionRole-${code}`), fields: { name }, reason: `connection role for practice links with role '${code}'` });
  }
  const dateFormats: Record<string, string> = {};
  for (const t of catalog.tables) for (const c of t.columns) if (c.dateFormat) dateFormats[`${t.name}.${c.name}`] = c.dateFormat;

  const rowsPerTable = new Map<string, number>();
  for (const t of catalog.tables) {
    const target = map.tables.get(t.name)?.targetTable;
    if (target) rowsPerTable.set(target, (rowsPerTable.get(target) ?? 0) + t.rowCount);
  }
  for (const r of handoverRows) rowsPerTable.set(r.table, (rowsPerTable.get(r.table) ?? 0) + 1);
  const requests = ctx.target.estimateRequests?.([...rowsPerTable].map(([table, rows]) => ({ table, rows })), ctx.config.options.pageSize) ?? null;

  const hasNotes = [...map.tables.values()].some((t) => t.notes && t.targetTable);
  const noteLimits = hasNotes && ctx.target.noteLimits ? await ctx.target.noteLimits() : null;
  const notes = noteLimits ? await checkNotes(ctx.source, map, noteLimits, prefix, ctx.config.options.oversizeFiles) : [];

  const unwritableColumns = [...mapping.fields, ...ruleFieldRows(mapping)].flatMap((f) => {
    if (f.status !== "confirmed" || !f.target || f.target.startsWith("(") || f.target.includes(" ")) return [];
    const [table, column] = f.target.split(".") as [string, string | undefined];
    const col = described.tables.find((t) => t.name === table)?.columns.find((c) => c.name === column);
    return col && !col.validForCreate && !col.validForUpdate ? [{ table, column: column!, source: f.source }] : [];
  });

  return {
    version: 1,
    mapHash: mappingHash(mapping),
    createdAt: new Date().toISOString(),
    schema,
    owners,
    order: loadOrder(ctx.template),
    counts: catalog.tables.map((t) => ({ table: t.name, rows: t.rowCount, object: map.tables.get(t.name)?.object.name ?? "(not mapped)", target: map.tables.get(t.name)?.targetTable ?? null })),
    columnLimits,
    handoverRows,
    customTables,
    requests,
    unsecuredPhi,
    dateFormats,
    conventions: sourceConventions(ctx.config.source),
    notes,
    unwritableColumns,
  };
}

/**
 * With options.phiAccess set, every confirmed PHI row that lands in a column is secured
 * (field-level security) and a profile grants the named teams and users access.
 */
function secure(schema: SchemaPlan, mapping: MappingFile, ctx: Context, described: TargetCatalog): { schema: SchemaPlan; unsecuredPhi: { table: string; column: string }[] } {
  const access = ctx.config.options.phiAccess;
  if (!access) return { schema, unsecuredPhi: [] };
  // Columns the platform can't secure (Dataverse: first/last name, ids…) stay readable: they are
  // listed in the plan report as PHI left unsecured rather than failing schema apply.
  const securable = (table: string, name: string) =>
    described.tables.find((t) => t.name === table)?.columns.find((c) => c.name === name)?.securable !== false;
  const phiColumns = [...mapping.fields, ...ruleFieldRows(mapping)]
    .filter((f) => f.status === "confirmed" && f.phi && f.target && !f.target.startsWith("(") && !f.target.includes(" "))
    .map((f) => ({ table: f.target!.split(".")[0]!, name: f.target!.split(".")[1]!, phi: true }));
  const columns = phiColumns.filter((c) => securable(c.table, c.name));
  const unsecuredPhi = phiColumns.filter((c) => !securable(c.table, c.name)).map((c) => ({ table: c.table, column: c.name }));
  return { schema: withFieldSecurity(schema, planFieldSecurity(columns, { profileName: access.profileName, teams: access.teams, users: access.users })), unsecuredPhi };
}

/** Staff members from the source's staff table, through the confirmed map's columns. */
async function readStaff(ctx: Context, mapping: MappingFile): Promise<StaffMember[]> {
  const map = compileMap(mapping, ctx.template);
  const table = map.tableForObject("staff");
  const staffMap = table ? map.tables.get(table) : undefined;
  if (!table || !staffMap) return [];
  const col = (f: string) => staffMap.columnFor(f);
  const result: StaffMember[] = [];
  for await (const item of ctx.source.read(table)) {
    if (item.kind !== "record") continue;
    const v = item.values;
    const id = staffMap.keyColumns.map((k) => (v[k] ?? "").trim()).join("|");
    if (!id) continue;
    // A split-name rule's column holds the whole name when no column holds its parts.
    const whole = staffMap.routes.find((r) => r.rule?.kind === "split-name")?.rule?.columns[0];
    const name = (col("firstName") || col("lastName") || !whole ? [col("firstName"), col("lastName")].map((c) => (c ? v[c] ?? "" : "")).join(" ") : v[whole] ?? "").trim();
    result.push({ staffId: id, name, email: (col("email") ? v[col("email")!] ?? "" : "").trim() });
  }
  return result;
}
