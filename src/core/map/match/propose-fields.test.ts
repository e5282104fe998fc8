import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { SourceColumn, SourceTable } from "../../../contracts/source.js";
import { model, type ObjectDef } from "../../../model/index.js";
import { proposeFields, proposeObjects, type FieldProposal } from "./index.js";
import {
  birthDates, emails, empty, ids, npis, patientPractices, patients, practices, providers, repeated, stamps, table, unique,
} from "./test-fixtures.js";

const patient = model.patient as ObjectDef;
const staff = model.staff as ObjectDef;
const practice = model.practice as ObjectDef;

function one(columns: readonly SourceColumn[], object: ObjectDef, extra: Partial<SourceTable> = {}): FieldProposal[] {
  return proposeFields(table("things", columns, extra), object);
}
const fieldOf = (proposals: readonly FieldProposal[], column: string) => proposals.find((p) => p.column === column)?.field;

describe("proposeFields signals", () => {
  it("maps a column by name alone when it has no samples", () => {
    assert.equal(one([empty("DOB")], patient)[0]?.field, "birthDate");
  });

  it("sends a column named 'Contact' to email when its values are email addresses", () => {
    assert.equal(one([unique("Contact", emails)], patient)[0]?.field, "email");
  });

  it("sends the same 'Contact' column to preferredContactMethod when its values are contact codes", () => {
    assert.equal(one([repeated("Contact", ["Email", "Phone", "SMS"])], patient)[0]?.field, "preferredContactMethod");
  });

  it("never puts a column of email addresses on birthDate, even when it is named BirthDate", () => {
    const proposal = one([unique("BirthDate", emails)], patient)[0];
    assert.notEqual(proposal?.field, "birthDate");
    assert.ok(proposal?.alternatives.every((a) => a.field !== "birthDate" || a.confidence < 0.35));
  });

  it("sends a meaningless 'Field7' of birth dates to birthDate at a low threshold, with low confidence", () => {
    const proposal = proposeFields(table("t", [unique("Field7", birthDates)]), patient, { threshold: 0.35 })[0];
    assert.equal(proposal?.field, "birthDate");
    assert.ok((proposal?.confidence ?? 1) < 0.6);
    assert.ok(proposal?.reasons.includes("dates spread over decades, as birth dates do"));
  });

  it("keeps a meaningless 'Field7' of birth dates as a custom property by default, birthDate its first alternative", () => {
    const proposal = one([unique("Field7", birthDates)], patient)[0];
    assert.equal(proposal?.field, null);
    assert.equal(proposal?.alternatives[0]?.field, "birthDate");
    assert.ok((proposal?.alternatives[0]?.confidence ?? 1) < 0.6);
  });

  it("leaves 'Field7' unmapped when its dates are recent stamps rather than birth dates", () => {
    assert.equal(one([unique("Field7", stamps)], patient)[0]?.field, null);
  });

  it("gives birthDate to 'DOB' and leaves a birth-date-like 'Field7' neighbour unmapped, saying why", () => {
    const proposals = proposeFields(table("things", [unique("Field7", birthDates), unique("DOB", birthDates)]), patient, { threshold: 0.35 });
    assert.equal(fieldOf(proposals, "DOB"), "birthDate");
    assert.equal(fieldOf(proposals, "Field7"), null);
    assert.ok(proposals[0]?.reasons.includes("birthDate went to column 'DOB', which scored higher"));
  });

  it("maps ten-digit values to npi only when the NPI check digit passes", () => {
    // "Value" says nothing ("Identifier" now reads as "id", a name match to sourceId). Values alone
    // stay below the default threshold, so ask at 0.35 as a reviewer's "show me more" would.
    const good = proposeFields(table("things", [unique("Value", npis(10))]), staff, { threshold: 0.35 })[0];
    assert.equal(good?.field, "npi");
    assert.ok(good?.reasons.includes("NPI check digit passes on 100% of samples"));
    const bad = npis(10).map((n) => n.slice(0, 9) + String((Number(n[9]) + 1) % 10));
    assert.notEqual(one([unique("Value", bad)], staff)[0]?.field, "npi");
  });

  it("still maps a column named NPI whose numbers fail the check digit, without claiming the check passed", () => {
    // Both are at the 0.99 ceiling now that confidence is calibrated; the reasons tell them apart.
    const bad = npis(10).map((n) => n.slice(0, 9) + String((Number(n[9]) + 1) % 10));
    const proposal = one([unique("NPI", bad)], practice)[0];
    assert.equal(proposal?.field, "npi");
    assert.ok((proposal?.confidence ?? 0) >= 0.8);
    assert.ok(proposal?.reasons.every((r) => !r.includes("check digit")));
    assert.ok(one([unique("NPI", npis(10))], practice)[0]?.reasons.includes("NPI check digit passes on 100% of samples"));
  });

  it("sends a one-letter column of M/F codes to sex", () => {
    assert.equal(one([repeated("G", ["M", "F", "F", "M"])], patient)[0]?.field, "sex");
  });

  it("raises a bool field's confidence when values are Y/N", () => {
    // Both sit at the 0.99 ceiling with so good a name; the flags are the reason it's earned.
    const flags = one([repeated("Enabled", ["Y", "N"])], practice)[0];
    const words = one([repeated("Enabled", ["Monday", "Tuesday"])], practice)[0];
    assert.equal(flags?.field, "active");
    assert.ok((flags?.confidence ?? 0) >= (words?.confidence ?? 1));
    assert.ok(flags?.reasons.includes("values look like yes/no flags (100%)"));
  });

  it("gives sourceId to the profile's key column whatever its name", () => {
    const columns = [unique("Seq", ids(1)), unique("Ref", ids(500))];
    assert.equal(fieldOf(one(columns, patient, { key: ["Seq"] }), "Seq"), "sourceId");
    assert.equal(fieldOf(one(columns, patient, { key: ["Ref"] }), "Ref"), "sourceId");
    assert.equal(fieldOf(one(columns, patient, { key: ["Ref"] }), "Seq"), null);
    assert.equal(fieldOf(one(columns, patient), "Seq"), null);
  });

  it("leaves a Custom_ column unmapped even when its name resembles a field", () => {
    assert.equal(one([unique("Custom_Nickname", ["Bo", "Jo"])], patient)[0]?.field, null);
  });

  it("honours a higher threshold", () => {
    const proposal = proposeFields(table("t", [unique("Field7", birthDates)]), patient, { threshold: 0.7 })[0];
    assert.equal(proposal?.field, null);
    assert.ok(proposal?.reasons.includes("no field scored above 0.7: will become a custom property"));
  });
});

describe("proposeFields assignment", () => {
  it("never maps two columns to one field", () => {
    const crowded = table("contacts", [
      unique("Email", emails), unique("EmailAddress", emails), unique("E_Mail", emails),
      unique("Phone", ["(617) 555-0110"]), unique("Telephone", ["(617) 555-0111"]), unique("HomeTel", ["(617) 555-0112"]),
      unique("DOB", birthDates), unique("BirthDate", birthDates), unique("ID", ids(1)), unique("Id2", ids(1)),
    ]);
    for (const [t, o] of [[crowded, patient], [patients, patient], [practices, practice], [providers, staff], [patientPractices, model.patientPracticeLink as ObjectDef]] as const) {
      const fields = proposeFields(t, o).map((p) => p.field).filter((f) => f !== null);
      assert.equal(new Set(fields).size, fields.length, `${t.name}: ${fields.join(", ")}`);
    }
  });

  it("lets the loser fall back to its next-best free field", () => {
    const proposals = one([unique("HomePhone", ["(617) 555-0110"]), unique("Phone", ["(617) 555-0111"])], patient);
    assert.equal(fieldOf(proposals, "HomePhone"), "phoneHome");
    assert.notEqual(fieldOf(proposals, "Phone"), "phoneHome");
    assert.ok(proposals[1]?.reasons.includes("phoneHome went to column 'HomePhone', which scored higher"));
  });

  it("breaks ties by column then field order, so equal columns map the same way every time", () => {
    const proposals = one([unique("Email", emails), unique("Email2", emails.slice(1))], patient);
    assert.equal(fieldOf(proposals, "Email"), "email");
  });
});

describe("reasons", () => {
  it("never contain a sample value", () => {
    const tables = [patients, practices, providers, patientPractices];
    const objects = [patient, practice, staff, model.patientPracticeLink as ObjectDef];
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    tables.forEach((t, i) => {
      for (const proposal of proposeFields(t, objects[i] as ObjectDef)) {
        const samples = t.columns.find((c) => c.name === proposal.column)?.samples ?? [];
        for (const sample of samples) {
          // Whole-word match: "M" legitimately occurs inside "MM/DD/YYYY".
          const asWord = new RegExp(`(^|[^A-Za-z0-9])${escape(sample)}($|[^A-Za-z0-9])`);
          for (const reason of proposal.reasons) assert.ok(!asWord.test(reason), `${proposal.column}: '${reason}'`);
        }
      }
    });
    const all = tables.flatMap((t) => t.columns.flatMap((c) => c.samples)).filter((s) => s.length >= 3);
    for (const proposal of proposeObjects({ sourceId: "vp", tables }, model)) {
      for (const reason of proposal.reasons) assert.ok(all.every((s) => !reason.includes(s)), reason);
    }
  });
});
