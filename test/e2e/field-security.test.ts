import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { parse, stringify } from "yaml";
import { startDataverseSandbox, type SeedUser } from "../../sandbox/dataverse/index.js";
import { generateVisualPracticeExport } from "../../sandbox/visual-practice/index.js";
import { cliJson } from "./cli.js";

type Row = Record<string, unknown>;

test("with phiAccess, schema apply secures the PHI columns it can, and only the named team reads them", async () => {
  const root = mkdtempSync(join(tmpdir(), "handover-fls-"));
  await generateVisualPracticeExport({ patients: 80, seed: 13, outDir: join(root, "export") });
  const users: SeedUser[] = [
    ...(JSON.parse(readFileSync(join(root, "export", "crm-users.json"), "utf8")) as SeedUser[]),
    { internalemailaddress: "nurse@clinic.example", fullname: "Nurse Joy", firstname: "Nurse", lastname: "Joy", isdisabled: false },
    { internalemailaddress: "sales@clinic.example", fullname: "Sam Sales", firstname: "Sam", lastname: "Sales", isdisabled: false },
  ];
  const sandbox = await startDataverseSandbox({ port: 0, users });
  const post = (path: string, body: unknown) => fetch(new URL(path, sandbox.url), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  try {
    await post("/_sandbox/seed-teams", [{ name: "Clinical Staff", members: ["nurse@clinic.example"] }]);
    const ws = join(root, "ws");
    await cliJson(["init", ws, "--export", join(root, "export"), "--url", sandbox.url, "--fallback-owner", "crm.admin@example.com"]);
    const file = join(ws, "handover.yaml");
    const config = parse(readFileSync(file, "utf8")) as { options: Record<string, unknown> };
    config.options.phiAccess = { profileName: "Clinic PHI", teams: ["Clinical Staff"], users: [] };
    writeFileSync(file, stringify(config));
    await cliJson(["-w", ws, "discover"]);
    await cliJson(["-w", ws, "map"]);
    await cliJson(["-w", ws, "map", "review", "--accept-above", "0.8", "--reject-below", "0.8", "--confirm-rules"]);
    const plan = await cliJson<{ plan: { schema: { securityProfiles?: { name: string; permissions: { table: string; column: string }[] }[] } } }>(["-w", ws, "plan"]);
    const secured = plan.plan.schema.securityProfiles?.[0]?.permissions.map((p) => `${p.table}.${p.column}`) ?? [];
    for (const c of ["contact.birthdate", "contact.emailaddress1", "contact.hc_ssn"]) assert.ok(secured.includes(c), `${c} planned secured`);
    assert.ok(!secured.includes("contact.firstname"), "a column Dataverse can't secure is not planned");
    await cliJson(["-w", ws, "schema", "apply"]);
    const run = await cliJson<{ verify: { mismatches: number; missingRows: number } }>(["-w", ws, "run"]);
    assert.equal(run.verify.mismatches + run.verify.missingRows, 0, "the migration's own identity still writes and reads everything");

    const ids = (await (await fetch(new URL("/_sandbox/snapshot", sandbox.url))).json()) as Record<string, Row[]>;
    const userId = (email: string) => ids.systemuser!.find((u) => u.internalemailaddress === email)!.systemuserid as string;
    await post("/_sandbox/caller", { token: "nurse-token", systemuserid: userId("nurse@clinic.example") });
    await post("/_sandbox/caller", { token: "sales-token", systemuserid: userId("sales@clinic.example") });
    const read = async (token: string) => ((await (await fetch(new URL("/api/data/v9.2/contacts?$select=lastname,birthdate,hc_ssn&$filter=birthdate%20ne%20null&$top=5", sandbox.url), { headers: { authorization: `Bearer ${token}` } })).json()) as { value: Row[] }).value;
    const asNurse = await read("nurse-token");
    assert.ok(asNurse.length > 0 && asNurse.every((c) => c.birthdate !== null), "the team member sees PHI");
    const asSales = await read("sales-token");
    assert.ok(asSales.every((c) => c.birthdate === null && c.hc_ssn === null && c.lastname !== null), "others get null for secured columns");
  } finally {
    await sandbox.close();
  }
});
