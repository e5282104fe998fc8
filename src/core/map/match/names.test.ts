import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { model, type ObjectDef } from "../../../model/index.js";
import { normalizeName, proposeFields } from "./index.js";
import { segmentWord } from "./segment.js";
import { nameSimilarity, trigramSimilarity } from "./similarity.js";
import { empty, table } from "./test-fixtures.js";

const fieldFor = (column: string, object: string, tableName = "t") =>
  proposeFields(table(tableName, [empty(column)]), model[object] as ObjectDef)[0]?.field;

describe("names in other languages and styles", () => {
  it("translate Spanish, German and French column names to the model's words", () => {
    assert.deepEqual(normalizeName("fecha_nacimiento"), ["date", "birth"]);
    assert.deepEqual(normalizeName("Geburtsdatum"), ["birth", "date"]);
    assert.deepEqual(normalizeName("Teléfono"), ["phone"]);
    assert.deepEqual(normalizeName("Straße"), ["address"]);
    assert.deepEqual(normalizeName("code_postal"), ["postal", "code"]);
    assert.deepEqual(normalizeName("segundo_nombre"), ["middle", "name"]);
  });
  it("read Spanish 'nombre' alone as the given name, but as 'name' inside a longer name", () => {
    assert.deepEqual(normalizeName("nombre"), ["first", "name"]);
    assert.deepEqual(normalizeName("nombre_clinica"), ["clinic", "name"]);
  });
  it("map common foreign patient columns by name alone", () => {
    assert.equal(fieldFor("apellido", "patient"), "lastName");
    assert.equal(fieldFor("Nachname", "patient"), "lastName");
    assert.equal(fieldFor("Vorname", "patient"), "firstName");
    assert.equal(fieldFor("fecha_nacimiento", "patient"), "birthDate");
    assert.equal(fieldFor("PLZ", "patient"), "postalCode");
    assert.equal(fieldFor("courriel", "patient"), "email");
  });
  it("split run-together legacy names and German compounds into known words", () => {
    assert.deepEqual(normalizeName("APPTDATE"), ["appointment", "date"]);
    assert.deepEqual(normalizeName("ZIPCD"), ["postal", "code", "code"]);
    assert.deepEqual(normalizeName("Mobilnummer"), ["mobile", "number"]);
    assert.deepEqual(segmentWord("geburtsdatum", (w) => ["geburt", "datum"].includes(w)), ["geburt", "datum"]);
    assert.equal(segmentWord("parkingpermit", (w) => ["park"].includes(w)), undefined);
  });
  it("read '#' and 'No' as an id", () => {
    assert.deepEqual(normalizeName("Patient #"), ["patient", "id"]);
    assert.deepEqual(normalizeName("PatientNo"), ["patient", "id"]);
  });
  it("drop a prefix most columns share and Salesforce's __c suffix", () => {
    const t = table("VP_DOCUMENT", ["VP_DOC_ID", "VP_DOC_FILE_NAME", "VP_DOC_MIME", "VP_DOC_BYTES"].map(empty));
    assert.deepEqual(proposeFields(t, model.document as ObjectDef).map((p) => p.field), ["sourceId", "fileName", "mimeType", "sizeBytes"]);
    assert.equal(fieldFor("Birthdate__c", "patient"), "birthDate");
  });
});

describe("character n-grams", () => {
  it("score typos and run-together words close, unrelated words far", () => {
    assert.ok(trigramSimilarity("birthdte", "birthdate") > 0.6);
    assert.ok(trigramSimilarity("parking", "birthdate") < 0.2);
    assert.equal(nameSimilarity(["emailaddress"], ["email", "address"]).exact, true);
  });
});
