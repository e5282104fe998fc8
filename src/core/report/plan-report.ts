import { join } from "node:path";
import type { Context } from "../context.js";
import type { Plan } from "../plan/plan.js";
import { htmlPage } from "./html-page.js";
import { defaultConventions, describeConventions } from "../transform/source-conventions.js";
import { csvCell, reportDir, writePrivate } from "./report-files.js";

/** plan.json, plan.html and the owner reconciliation (owners.csv) under .handover/reports/plan/. */
export function writePlanReport(ctx: Context, plan: Plan): string[] {
  const dir = reportDir(ctx.ws.reportsDir, "plan");
  const json = writePrivate(join(dir, "plan.json"), JSON.stringify(plan, null, 1));
  const owners = writePrivate(join(dir, "owners.csv"), ["staff_id,name,email,status,crm_user_id,owner_id,owner_via",
    ...plan.owners.rows.map((o) => [o.staffId, o.name, o.email, o.status, o.userId, o.ownerId, o.ownerVia].map(csvCell).join(","))].join("\n") + "\n");
  const html = writePrivate(join(dir, "plan.html"), htmlPage("Migration plan", null,
    [["Map hash", plan.mapHash], ["Load order", plan.order.waves.map((w) => w.join(" + ")).join(" → ")],
     ["Self-referencing (parents first)", plan.order.selfReferencing.join(", ") || "none"],
     ["Owners", `${plan.owners.counts.matched} matched, ${plan.owners.counts.unmatched} unmatched, ${plan.owners.counts.inactive} inactive`],
     ["Custom tables", `${plan.customTables.total} after this migration (${plan.customTables.existing} in the org + ${plan.customTables.planned} new); limit ${plan.customTables.limit ?? "none"}`],
     ["API requests (estimate)", plan.requests ? `${plan.requests.requests} of ${plan.requests.entitlement} per 24 h (${(plan.requests.share * 100).toFixed(1)}%); ${plan.requests.httpRequests} HTTP calls; ${Object.entries(plan.requests.breakdown).map(([k, v]) => `${k} ${v}`).join(", ")}` : "not known for this target"],
     ["Source conventions", describeConventions(plan.conventions ?? defaultConventions)],
     ["Fallback owner", plan.owners.fallback ? `${plan.owners.fallback.email}${plan.owners.fallback.active ? "" : " (not an active CRM user!)"}` : "none confirmed"]],
    [
      { title: "Record counts", columns: ["source table", "rows", "model object", "target table"], rows: plan.counts.map((c) => [c.table, c.rows, c.object, c.target ?? "(resolved to users)"]) },
      { title: "Schema to create", columns: ["table", "column", "type", "max length", "why"], rows: plan.schema.columns.map((c) => [c.table, c.name, c.type, c.maxLength ?? "", c.reason]) },
      { title: "Field-level security (secured PHI columns)", columns: ["table", "column", "profile"], rows: (plan.schema.securityProfiles ?? []).flatMap((p) => p.permissions.map((x) => [x.table, x.column, p.name])) },
      { title: "PHI columns the target cannot secure", columns: ["table", "column"], rows: plan.unsecuredPhi.map((c) => [c.table, c.column]),
        note: plan.unsecuredPhi.length ? "Field-level security can't cover these columns on this platform; restrict them with security roles." : "None." },
      { title: "Alternate keys", columns: ["table", "key", "columns"], rows: plan.schema.keys.map((k) => [k.table, k.name, k.columns.join(", ")]) },
      { title: "Lookup graph", columns: ["from", "to", "via"], rows: plan.order.edges.map((e) => [e.from, e.to, e.via]) },
      { title: "Owner reconciliation", columns: ["staff id", "name", "email", "status", "owner"], flagColumn: 5,
        rows: plan.owners.rows.map((o) => [o.staffId, o.name, o.email, o.status, o.ownerVia === "none" ? "none: records rejected" : o.ownerVia, o.ownerVia !== "none"]) },
      { title: "Notes and files", columns: ["source table", "target", "notes", "split (text over limit)", "files", "MB", "over upload limit", "files missing"],
        rows: plan.notes.map((n) => [n.table, n.target, n.notes, n.longTextCount, n.files, (n.fileBytes / 1048576).toFixed(1), n.oversizeCount, n.missingCount]),
        note: plan.notes.length ? `One note holds ${plan.notes[0]!.limits.maxTextLength.toLocaleString("en-US")} characters and a file of ${plan.notes[0]!.limits.maxFileBytes.toLocaleString("en-US")} bytes; longer texts go as numbered parts (flagged); larger files are ${plan.notes[0]!.oversizeHandling === "link" ? "linked through a document location (flagged)" : "refused (their records rejected)"}.` : "No object lands as notes." },
      { title: "Files over the upload limit and files missing (no content shown)", columns: ["source table", "key", "file", "row", "bytes", "problem"],
        rows: plan.notes.flatMap((n) => [...n.oversizeFiles.map((f) => [n.table, f.sourceKey, f.file, f.row, f.size, "over the upload limit"]), ...n.missingFiles.map((f) => [n.table, f.sourceKey, f.file, f.row, "", f.problem])]) },
      { title: "Mapped columns this org won't let us set", columns: ["table", "column", "source column"], rows: plan.unwritableColumns.map((u) => [u.table, u.column, u.source]),
        note: plan.unwritableColumns.length ? "Their values will not arrive; verify shows them as mismatches. For Salesforce CreatedDate, grant \"Set Audit Fields upon Record Creation\"." : "None." },
      { title: "Rows Handover adds", columns: ["table", "source key", "why"], rows: plan.handoverRows.map((r) => [r.table, r.sourceKey, r.reason]) },
    ]));
  return [html, json, owners];
}
