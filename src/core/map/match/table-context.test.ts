import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { model, type ObjectDef } from "../../../model/index.js";
import { proposeFields } from "./index.js";
import { negates, qualifierConflict } from "./name-conflict.js";
import { namedObjects } from "./table-context.js";
import { ids, phones, repeated, stamps, table, unique } from "./test-fixtures.js";

const fields = (t: ReturnType<typeof table>, object: string) => proposeFields(t, model[object] as ObjectDef).map((p) => p.field);

describe("table context", () => {
  it("knows which object a column's words name", () => {
    assert.deepEqual([...namedObjects(["visit", "id"])], ["appointment"]);
    assert.deepEqual([...namedObjects(["office", "id"])], ["practice"]);
    assert.deepEqual([...namedObjects(["doctor"])], ["staff"]);
  });
  it("reads 'Client ID' in a client–location link table as the patient, not the link's own key", () => {
    const t = table("client_locations", [repeated("Client ID", ids(1, 10)), repeated("Location ID", ["1", "2"])]);
    assert.deepEqual(fields(t, "patientPracticeLink"), ["patient", "practice"]);
  });
  it("sends a provider-named column in an appointments table to the provider lookup", () => {
    const t = table("appointments", [unique("ApptNo", ids(7000)), repeated("ProvNo", ids(1, 6)), repeated("OfficeNo", ["1", "2"])]);
    assert.deepEqual(fields(t, "appointment"), ["sourceId", "provider", "practice"]);
  });
  it("keeps 'Last Visit' in a patients table off the patient's own modifiedAt", () => {
    const [proposal] = proposeFields(table("patients", [unique("Last Visit", stamps)]), model.patient as ObjectDef);
    assert.notEqual(proposal?.field, "modifiedAt");
  });
  it("gives a bare 'Date/Time' column in an appointments table the appointment's start", () => {
    const [proposal] = proposeFields(table("schedule", [unique("Date/Time", stamps)]), model.appointment as ObjectDef);
    assert.equal(proposal?.field, "start");
    assert.ok(proposal?.reasons.includes("a bare date in a appointment table is most likely its start"));
  });
});

describe("look-alike names", () => {
  it("find contradicting qualifiers and negations", () => {
    assert.deepEqual(qualifierConflict(["other", "phone"], ["phone", "work"], [["phone", "work"], ["business", "phone"]]), { column: "other", field: "work" });
    assert.equal(qualifierConflict(["cell"], ["phone", "mobile"], [["cell", "phone"]]), undefined);
    assert.equal(negates(["inactive"], [["active"], ["is", "active"]]), "inactive");
    assert.equal(negates(["active"], [["active"]]), undefined);
  });
  it("tell home, mobile and work phones apart and leave an 'other' phone alone", () => {
    const t = table("patients", [unique("PhoneWork", phones.slice(0, 4)), unique("PhoneCell", phones.slice(4, 8)), unique("OtherPhone", phones.slice(8)), unique("PhoneHome", phones.slice(2, 6))]);
    assert.deepEqual(fields(t, "patient"), ["phoneWork", "phoneMobile", null, "phoneHome"]);
  });
  it("keep a 'Full Name' column off firstName and lastName", () => {
    const [proposal] = proposeFields(table("clients", [unique("Full Name", ["Amara Quill", "Bjorn Ruiz", "Chloe Marsh", "Dmitri Okafor"])]), model.patient as ObjectDef);
    assert.equal(proposal?.field, null);
  });
  it("keep 'Inactive' off active", () => {
    assert.notEqual(fields(table("providers", [repeated("Inactive", ["Y", "N"])]), "staff")[0], "active");
  });
});
