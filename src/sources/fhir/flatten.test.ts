import assert from "node:assert/strict";
import { test } from "node:test";
import { tableSpecFor, resourceTables } from "./resource-tables.js";
import { emptyDirectory, type Directory } from "./directory.js";
import { shapeRow } from "./table-spec.js";

const ref = (reference: string) => ({ reference });
const cc = (code: string, text?: string) => ({ coding: [{ system: "http://example.org", code, display: `${code} display` }], ...(text ? { text } : {}) });
const flat = (resource: Record<string, unknown>, directory: Directory = emptyDirectory) => {
  const spec = tableSpecFor(String(resource.resourceType));
  return shapeRow(spec, spec.flatten(resource, { directory }));
};

test("a Patient flattens to MRN, names, phones by use, home address, references and meta", () => {
  const row = flat({
    resourceType: "Patient", id: "p1", meta: { lastUpdated: "2024-03-01T10:00:00Z" }, active: true,
    identifier: [{ system: "urn:x", value: "X1" }, { type: { coding: [{ code: "MR" }] }, value: "MRN-9" }],
    name: [{ use: "old", family: "Old" }, { use: "official", family: "Doe", given: ["Ann", "B."] }],
    telecom: [{ system: "phone", use: "home", value: "555-0100" }, { system: "phone", use: "mobile", value: "555-0101" },
      { system: "phone", use: "work", value: "555-0102" }, { system: "email", value: "a@example.com" }, { system: "phone", value: "555-0199" }],
    address: [{ use: "work", city: "Elsewhere" }, { use: "home", line: ["1 Main St", "Apt 2"], city: "Springfield", state: "IL", postalCode: "62701", country: "US" }],
    birthDate: "1980-02-03", gender: "female", generalPractitioner: [ref("Practitioner/dr1")], managingOrganization: ref("Organization/o1"),
  });
  assert.deepEqual(
    Object.fromEntries(Object.entries(row).filter(([, v]) => v !== "")),
    {
      id: "p1", identifier_mrn: "MRN-9", name_family: "Doe", name_given: "Ann B.", birthDate: "1980-02-03", gender: "female",
      telecom_phone_home: "555-0100", telecom_phone_work: "555-0102", telecom_phone_mobile: "555-0101", telecom_phone: "555-0199", telecom_email: "a@example.com",
      address_line: "1 Main St, Apt 2", address_city: "Springfield", address_state: "IL", address_postalCode: "62701", address_country: "US",
      generalPractitioner: "dr1", generalPractitioner_type: "Practitioner", managingOrganization: "o1", active: "true", meta_lastUpdated: "2024-03-01T10:00:00Z",
    },
  );
});

test("every spec'd resource type flattens to exactly its declared columns", () => {
  for (const spec of Object.values(resourceTables)) {
    const row = flat({ resourceType: spec.type, id: "x" });
    assert.deepEqual(Object.keys(row), spec.columns, spec.type);
    assert.equal(row.id, "x");
  }
});

test("references lose their type prefix, history and base URL, and polymorphic ones keep the type beside", () => {
  const row = flat({
    resourceType: "Claim", id: "c1", patient: ref("https://fhir.example.org/r4/Patient/p9/_history/3"), provider: ref("Organization/o2"),
    insurer: ref("Organization/payer"), insurance: [{ coverage: ref("Coverage/cov1") }], diagnosis: [{ diagnosisCodeableConcept: cc("E11.9") }, { diagnosisCodeableConcept: cc("I10") }],
    item: [{ productOrService: cc("99213") }], total: { value: 120.5, currency: "USD" },
  });
  assert.equal(row.patient, "p9");
  assert.equal(row.provider, "o2");
  assert.equal(row.provider_type, "Organization");
  assert.equal(row.insurance_coverage, "cov1");
  assert.equal(row.diagnosis, "E11.9; I10");
  assert.equal(row.procedure, "99213");
  assert.equal(row.total_value, "120.5");
});

test("an Appointment's participants become patient, practitioner and location columns", () => {
  const row = flat({
    resourceType: "Appointment", id: "a1", status: "booked", start: "2024-05-01T09:00:00-05:00", end: "2024-05-01T09:30:00-05:00", minutesDuration: 30,
    appointmentType: cc("ROUTINE", "Routine visit"), reasonCode: [cc("cleaning", "Cleaning")], comment: "bring x-rays",
    participant: [{ actor: ref("Location/l1") }, { actor: ref("PractitionerRole/r1") }, { actor: ref("Patient/p1") }, { actor: ref("Practitioner/dr2") }],
  });
  assert.equal(row.patient, "p1");
  assert.equal(row.practitioner, "r1");
  assert.equal(row.practitioner_type, "PractitionerRole");
  assert.equal(row.location, "l1");
  assert.equal(row.appointmentType, "ROUTINE");
  assert.equal(row.appointmentType_text, "Routine visit");
  assert.equal(row.reasonCode_text, "Cleaning");
  assert.equal(row.minutesDuration, "30");
});

test("Organization partOf is the parent column; Practitioner gives NPI and qualifications; PractitionerRole links both", () => {
  const org = flat({ resourceType: "Organization", id: "o2", name: "Clinic", partOf: ref("Organization/o1"), identifier: [{ system: "http://hl7.org/fhir/sid/us-npi", value: "1234567893" }] });
  assert.equal(org.parent, "o1");
  assert.equal(org.identifier_npi, "1234567893");
  const dr = flat({ resourceType: "Practitioner", id: "dr1", active: false, identifier: [{ system: "http://hl7.org/fhir/sid/us-npi", value: "1111111112" }],
    qualification: [{ code: cc("MD") }, { code: cc("DDS") }], name: [{ family: "Who", given: ["Doc"] }] });
  assert.deepEqual([dr.identifier_npi, dr.qualification, dr.active, dr.name_family], ["1111111112", "MD; DDS", "false", "Who"]);
  const role = flat({ resourceType: "PractitionerRole", id: "r1", practitioner: ref("Practitioner/dr1"), organization: ref("Organization/o2"), specialty: [cc("1223G0001X")], code: [cc("doctor")] });
  assert.deepEqual([role.practitioner, role.organization, role.specialty, role.code], ["dr1", "o2", "1223G0001X", "doctor"]);
});

test("a DocumentReference's flattening describes its first attachment and never copies the bytes into a column", () => {
  const row = flat({
    resourceType: "DocumentReference", id: "d1", status: "current", subject: ref("Patient/p1"), date: "2024-01-02T03:04:05Z", type: cc("11502-2", "Lab report"),
    category: [cc("clinical-note")], author: [ref("Practitioner/dr1")], context: { encounter: [ref("Encounter/e1")] },
    content: [{ attachment: { contentType: "application/pdf", title: "lab.pdf", size: 3, data: "AAEC" } }, { attachment: { url: "Binary/b2" } }],
  });
  assert.equal(row.patient, "p1");
  assert.equal(row.author, "dr1");
  assert.equal(row.attachment_contentType, "application/pdf");
  assert.equal(row.attachment_filename, "lab.pdf");
  assert.equal(row.attachment_size, "3");
  assert.equal(row.content_count, "2");
  assert.equal(row.context_encounter, "e1");
  assert.ok(!Object.values(row).includes("AAEC"));
});

test("Encounter, Coverage, MedicationRequest and ServiceRequest resolve their references", () => {
  const enc = flat({ resourceType: "Encounter", id: "e1", subject: ref("Patient/p1"), participant: [{ individual: ref("Practitioner/dr1") }],
    serviceProvider: ref("Organization/o1"), location: [{ location: ref("Location/l1") }], appointment: [ref("Appointment/a1")], class: { code: "AMB" } });
  assert.deepEqual([enc.patient, enc.practitioner, enc.serviceProvider, enc.location, enc.appointment, enc.class], ["p1", "dr1", "o1", "l1", "a1", "AMB"]);
  const cov = flat({ resourceType: "Coverage", id: "c1", beneficiary: ref("Patient/p1"), payor: [ref("Organization/payer")], class: [{ type: cc("group"), value: "G-1" }] });
  assert.deepEqual([cov.patient, cov.payor, cov.payor_type, cov.class_group], ["p1", "payer", "Organization", "G-1"]);
  const med = flat({ resourceType: "MedicationRequest", id: "m1", subject: ref("Patient/p1"), requester: ref("Practitioner/dr1"), medicationCodeableConcept: cc("197361") });
  assert.deepEqual([med.patient, med.requester, med.medication], ["p1", "dr1", "197361"]);
  const sr = flat({ resourceType: "ServiceRequest", id: "s1", subject: ref("Patient/p1"), performer: [ref("Organization/o9")], occurrenceDateTime: "2024-06-01" });
  assert.deepEqual([sr.patient, sr.performer, sr.performer_type, sr.occurrence], ["p1", "o9", "Organization", "2024-06-01"]);
});

test("every reference to the patient is the `patient` column; a subject that is not a Patient is kept apart, never as one", () => {
  for (const spec of Object.values(resourceTables)) {
    const points = spec.references.filter((r) => r.tables.length === 1 && r.tables[0] === "Patient").map((r) => r.column);
    if (points.length > 0) assert.deepEqual(points, ["patient"], spec.type);
  }
  const group = flat({ resourceType: "Encounter", id: "e2", subject: ref("Group/g1") });
  assert.deepEqual([group.patient, group.subject_other, group.subject_other_type], ["", "g1", "Group"]);
  const doc = flat({ resourceType: "DocumentReference", id: "d1", subject: ref("Patient/p1") });
  assert.deepEqual([doc.patient, doc.subject_other], ["p1", ""]);
});

test("a PractitionerRole given where a staff member is meant resolves to its Practitioner when the export's roles say", () => {
  const directory: Directory = { practitionerOf: (id) => (id === "role1" ? "dr7" : undefined), organizationOfRole: () => undefined, organizationOfPractitioner: () => undefined };
  const appt = flat({ resourceType: "Appointment", id: "a1", participant: [{ actor: ref("PractitionerRole/role1") }] }, directory);
  assert.deepEqual([appt.practitioner, appt.practitioner_type], ["dr7", "Practitioner"]);
  const unknown = flat({ resourceType: "MedicationRequest", id: "m1", requester: ref("PractitionerRole/role9") }, directory);
  assert.deepEqual([unknown.requester, unknown.requester_type], ["role9", "PractitionerRole"], "an unknown role stays as it is");
  const patient = flat({ resourceType: "Patient", id: "p1", generalPractitioner: [ref("Organization/o1"), ref("PractitionerRole/role1")] }, directory);
  assert.deepEqual([patient.generalPractitioner, patient.generalPractitioner_type], ["dr7", "Practitioner"], "an Organization is a practice, not the primary provider");
});

test("a resource type without a spec still becomes a table of its simple elements", () => {
  const spec = tableSpecFor("Observation");
  const row = spec.flatten({ resourceType: "Observation", id: "ob1", status: "final", code: cc("8867-4"), subject: ref("Patient/p1"), valueQuantity: { value: 70 }, effectivePeriod: { start: "2024-01-01" } }, { directory: emptyDirectory });
  assert.deepEqual(row, { id: "ob1", status: "final", code: "8867-4", subject: "p1", effectivePeriod_start: "2024-01-01", effectivePeriod_end: "", meta_lastUpdated: "" });
});
