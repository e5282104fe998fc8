import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { SourceTable } from "../../../contracts/source.js";
import { model, type ObjectDef } from "../../../model/index.js";
import { proposeFields } from "./index.js";
import { patientPractices, patients, practices, providers } from "./test-fixtures.js";

/** The demo auto-confirms above this, so every expected mapping must clear it. */
const AUTO_CONFIRM = 0.8;

function checkTable(table: SourceTable, object: ObjectDef, expected: Readonly<Record<string, string | null>>): void {
  const proposals = proposeFields(table, object);
  assert.deepEqual(proposals.map((p) => p.column), Object.keys(expected));
  for (const proposal of proposals) {
    const want = expected[proposal.column];
    assert.equal(proposal.field, want, `${table.name}.${proposal.column}: ${proposal.reasons.join("; ")}`);
    if (want !== null) assert.ok(proposal.confidence >= AUTO_CONFIRM, `${proposal.column} confidence ${proposal.confidence}`);
  }
}

describe("a Visual Practice export", () => {
  it("maps every patients column, leaving the Custom_ ones for custom properties", () => {
    checkTable(patients, model.patient as ObjectDef, {
      PatientID: "sourceId", PatFirstName: "firstName", PatMiddleInit: "middleName", PatLastName: "lastName",
      PreferredName: "preferredName", DOB: "birthDate", Sex: "sex", SSN: "ssn", EmailAddr: "email",
      HomePhone: "phoneHome", CellPhone: "phoneMobile", Addr1: "addressLine1", Addr2: "addressLine2",
      City: "city", State: "region", Zip: "postalCode", PrimaryProviderID: "primaryProvider",
      ReferralSource: "referralSource", PreferredContact: "preferredContactMethod", MedicalAlerts: "medicalAlerts",
      PatStatus: "status", CreatedDate: "createdAt", LastModified: "modifiedAt",
      Custom_ParkingPermit: null, Custom_NewsletterOptIn: null,
    });
  });

  it("maps every practices column", () => {
    checkTable(practices, model.practice as ObjectDef, {
      PracticeID: "sourceId", PracticeName: "name", ParentPracticeID: "parent", NPI: "npi", TaxID: "taxId",
      Specialty: "specialty", Addr1: "addressLine1", Addr2: "addressLine2", City: "city", State: "region",
      Zip: "postalCode", Phone: "phone", Email: "email", Website: "website", IsActive: "active",
      CreatedDate: "createdAt", LastModified: "modifiedAt",
    });
  });

  it("maps every providers column to staff", () => {
    checkTable(providers, model.staff as ObjectDef, {
      ProviderID: "sourceId", ProvFirstName: "firstName", ProvLastName: "lastName", ProvEmail: "email",
      ProvRole: "role", ProvNPI: "npi", LicenseNo: "licenseNumber", Specialty: "specializations",
      Credentials: "credentials", HomePracticeID: "practice", Active: "active", LastModified: "modifiedAt",
    });
  });

  it("maps every patient_practices column to the link", () => {
    checkTable(patientPractices, model.patientPracticeLink as ObjectDef, {
      LinkID: "sourceId", PatientID: "patient", PracticeID: "practice", LinkRole: "role",
      StartDate: "startDate", LastModified: "modifiedAt",
    });
  });

  it("explains the patients mappings in words", () => {
    const byColumn = new Map(proposeFields(patients, model.patient as ObjectDef).map((p) => [p.column, p]));
    assert.ok(byColumn.get("DOB")?.reasons.includes("name 'DOB' matches synonym 'dob' of birthDate"));
    assert.ok(byColumn.get("DOB")?.reasons.includes("values look like dates (MM/DD/YYYY, 100% of samples)"));
    assert.ok(byColumn.get("EmailAddr")?.reasons.includes("values look like email addresses (92%)"));
    assert.ok(byColumn.get("PatFirstName")?.reasons.some((r) => r.includes("(ignoring 'Pat')")));
    assert.ok(byColumn.get("Custom_ParkingPermit")?.reasons.includes("no field scored above 0.5: will become a custom property"));
  });

  it("offers up to three alternatives, best first, without the chosen field", () => {
    for (const proposal of proposeFields(patients, model.patient as ObjectDef)) {
      assert.ok(proposal.alternatives.length <= 3);
      assert.ok(proposal.alternatives.every((a) => a.field !== proposal.field));
      const confidences = proposal.alternatives.map((a) => a.confidence);
      assert.deepEqual(confidences, [...confidences].sort((a, b) => b - a));
    }
  });

  it("gives the same proposals for the same input", () => {
    assert.deepEqual(proposeFields(patients, model.patient as ObjectDef), proposeFields(patients, model.patient as ObjectDef));
  });
});
