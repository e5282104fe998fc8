import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { SourceTable } from "../../../contracts/source.js";
import { model } from "../../../model/index.js";
import { proposeObjects } from "./index.js";
import { patientPractices, patients, practices, providers, repeated, table, unique } from "./test-fixtures.js";

const withoutHint = ({ modelHint: _hint, ...rest }: SourceTable): SourceTable => rest;

describe("proposeObjects", () => {
  it("trusts the vendor profile's hint and says so", () => {
    const [proposal] = proposeObjects({ sourceId: "vp", profile: "visual-practice", tables: [providers] }, model);
    assert.deepEqual(proposal, {
      table: "providers", object: "staff", confidence: 0.95, reasons: ["the Visual Practice profile says it holds staff"],
    });
  });

  it("matches table names to objects when there is no hint", () => {
    const tables = [patients, practices, providers, patientPractices].map(withoutHint);
    const proposals = proposeObjects({ sourceId: "csv", tables }, model);
    assert.deepEqual(proposals.map((p) => p.object), ["patient", "practice", "staff", "patientPracticeLink"]);
    assert.ok(proposals.every((p) => p.confidence >= 0.9));
    assert.ok(proposals[3]?.reasons.includes("table name 'patient_practices' matches synonym 'patient practices' of patientPracticeLink"));
  });

  it("falls back to names when the hint names an object the model doesn't have", () => {
    const odd = { ...withoutHint(providers), modelHint: "dentist" };
    const [proposal] = proposeObjects({ sourceId: "vp", profile: "visual-practice", tables: [odd] }, model);
    assert.equal(proposal?.object, "staff");
    assert.ok(proposal?.reasons[0]?.includes("'dentist'"));
  });

  it("recognises an oddly named table from its columns", () => {
    const t = table("tbl_0042", [
      unique("PatFirstName", ["Amara", "Bjorn"]), unique("PatLastName", ["Quill", "Ruiz"]), unique("DOB", ["03/14/1952", "11/02/1987", "07/30/2001"]),
      repeated("Sex", ["M", "F"]), unique("SSN", ["900-12-3456"]),
    ]);
    assert.equal(proposeObjects({ sourceId: "csv", tables: [t] }, model)[0]?.object, "patient");
  });

  it("proposes no object for a table that fits nothing", () => {
    const t = table("zz_audit_blob", [unique("Blob", ["q8s7d6f5g4h3j2k1", "z0x9c8v7b6n5m4"])]);
    const [proposal] = proposeObjects({ sourceId: "csv", tables: [t] }, model);
    assert.equal(proposal?.object, null);
  });
});
