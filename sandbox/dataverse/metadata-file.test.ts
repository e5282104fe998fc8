import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { sep } from "node:path";
import { fileURLToPath } from "node:url";
import { startHarness } from "./test-helpers.js";

type DvErr = { status: number; code: string; message: string };
// The compiled test (dist/) reads the fixture from the source tree.
const HERE = fileURLToPath(new URL("./fixtures/org-metadata.json", import.meta.url));
const FIXTURE = existsSync(HERE) ? HERE : HERE.replace(`${sep}dist${sep}`, sep);

test("metadataFile seeds a real org's schema: custom table, custom columns, active key, relationship nav names", async () => {
  const h = await startHarness({ metadataFile: FIXTURE });
  try {
    const clinic = await h.api.retrieveEntity({ key: "LogicalName='new_clinic'", select: ["EntitySetName", "IsCustomEntity", "PrimaryNameAttribute"] });
    assert.deepEqual([clinic.EntitySetName, clinic.IsCustomEntity, clinic.PrimaryNameAttribute], ["new_clinics", true, "new_name"]);
    const clinicId = await h.api.create<object, string>({ collection: "new_clinics", data: { new_name: "North", new_beds: 12 } });
    await assert.rejects(h.api.update({ collection: "new_clinics", key: clinicId, data: { new_beds: 501 } }), (e: DvErr) => e.code === "0x8004431A");
    const id = await h.api.upsert<object, string>({
      collection: "contacts", key: "hc_mrn='M-1'",
      data: { firstname: "Ada", lastname: "L", birthdate: "1990-01-02", "new_ClinicId@odata.bind": `/new_clinics(${clinicId})`, hc_allergies: "2,5" },
    });
    const c = await h.api.retrieve({ collection: "contacts", key: "hc_mrn='M-1'", select: ["fullname", "hc_mrn", "_new_clinicid_value", "statecode", "statuscode", "hc_allergies"] });
    assert.equal(c.contactid, id);
    assert.deepEqual([c.fullname, c.hc_mrn, c._new_clinicid_value, c.statecode, c.statuscode, c.hc_allergies], ["Ada L", "M-1", clinicId, 0, 1, "2,5"]);
    await assert.rejects(h.api.create({ collection: "contacts", data: { lastname: "Dup", hc_mrn: "m-1" } }), (e: DvErr) => e.status === 412 && e.code === "0x80040237");
    await assert.rejects(h.api.create({ collection: "contacts", data: { lastname: "X", hc_mrn: "x".repeat(21) } }), (e: DvErr) => e.code === "0x80044331");
    // Options missing from the file come from the standard table.
    await assert.rejects(h.api.create({ collection: "contacts", data: { lastname: "X", gendercode: 9 } }), (e: DvErr) => e.code === "0x8004431A");
    // Columns the org doesn't have (middlename, entityimage of an unsupported type) are unknown here.
    await assert.rejects(h.api.create({ collection: "contacts", data: { lastname: "X", middlename: "Q" } }), (e: DvErr) => e.code === "0x80048d19");
    const rels = await h.fetchApi(`new_clinics(${clinicId})/new_clinic_contact?$select=lastname`);
    assert.deepEqual(((await rels.json()) as { value: { lastname: string }[] }).value.map((r) => r.lastname), ["L"]);
    // Standard tables not in the file are untouched.
    await h.api.create({ collection: "tasks", data: { subject: "still here" } });
  } finally {
    await h.sandbox.close();
  }
});
