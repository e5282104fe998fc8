import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { SourceColumn } from "../../../contracts/source.js";
import { profileValues } from "./index.js";
import { isIcd10, isInternationalPhone, isMimeType, isMoney, isOpaqueId, isPostalCode, isProcedureCode } from "./value-recognisers.js";

function column(samples: readonly string[], extra: Partial<SourceColumn> = {}): SourceColumn {
  return { name: "X", samples, nonEmptyCount: 100, distinctCount: 90, maxLength: 60, ...extra };
}
const kind = (samples: readonly string[], extra: Partial<SourceColumn> = {}) => profileValues(column(samples, extra)).kind;

describe("value recognisers", () => {
  it("recognise ICD-10 diagnosis codes and reject look-alikes", () => {
    for (const v of ["K02.9", "E11.9", "I10", "Z01.20", "M54.5"]) assert.ok(isIcd10(v), v);
    for (const v of ["U07.1", "OP1", "12.5", "K0", "D0120", "MA"]) assert.ok(!isIcd10(v), v);
    assert.equal(kind(["K02.9", "E11.9", "I10", "J06.9"]), "icd10");
  });
  it("recognise CDT and lettered CPT procedure codes, leaving five plain digits to postal codes", () => {
    for (const v of ["D0120", "D2740", "0001F", "0075T"]) assert.ok(isProcedureCode(v), v);
    for (const v of ["99213", "D012", "X0120"]) assert.ok(!isProcedureCode(v), v);
    assert.equal(kind(["D0120", "D1110", "D2391"]), "procedure");
  });
  it("recognise US, UK and Canadian postal codes", () => {
    for (const v of ["02134", "01907-1234", "SW1A 1AA", "EC1V 9BD", "K1A 0B1"]) assert.ok(isPostalCode(v), v);
    for (const v of ["0213", "SW1A", "123456"]) assert.ok(!isPostalCode(v), v);
  });
  it("recognise money with currency marks in either position", () => {
    for (const v of ["$1,200.00", "$35.50", "12,50 €", "£35", "EUR 12.50", "12.50 USD", "99.00"]) assert.ok(isMoney(v), v);
    for (const v of ["12", "1.5", "USD", "$"]) assert.ok(!isMoney(v), v);
  });
  it("recognise media types and opaque record ids", () => {
    assert.ok(isMimeType("application/pdf") && isMimeType("image/jpeg") && !isMimeType("pdf"));
    assert.ok(isOpaqueId("0035g00000AbCdEfGh") && isOpaqueId("a3f9c2e1-0b4d-77aa"));
    assert.ok(!isOpaqueId("12345678901") && !isOpaqueId("Smithers") && !isOpaqueId("CH-00123"));
  });
  it("recognise international phone numbers but not bare digit runs", () => {
    assert.ok(isInternationalPhone("+49 30 1234567") && isInternationalPhone("+34 612 345 678"));
    assert.ok(!isInternationalPhone("+1 2") && !isInternationalPhone("4930123456"));
    assert.equal(kind(["+49 30 1234567", "+49 89 7654321"]), "phone");
  });
  it("read sex codes in English, Spanish and German, but not other short codes", () => {
    assert.equal(kind(["H", "M"], { distinctCount: 2 }), "sex");
    assert.equal(kind(["m", "w", "d"], { distinctCount: 3 }), "sex");
    assert.equal(kind(["Hombre", "Mujer"], { distinctCount: 2 }), "sex");
    assert.notEqual(kind(["A", "I", "D"], { distinctCount: 3 }), "sex");
  });
  it("read yes/no flags in Spanish, German and French", () => {
    assert.equal(kind(["Si", "No"], { distinctCount: 2 }), "bool");
    assert.equal(kind(["ja", "nein"], { distinctCount: 2 }), "bool");
    assert.equal(kind(["oui", "non"], { distinctCount: 2 }), "bool");
  });
  it("read compact and month-name dates and name their formats", () => {
    assert.deepEqual([kind(["19520314", "19871102", "20010730"]), profileValues(column(["19520314", "19871102"])).format], ["date", "YYYYMMDD"]);
    assert.equal(profileValues(column(["14-Mar-1952", "02-Nov-1987"])).format, "DD-MMM-YYYY");
    assert.equal(kind(["20240315143000", "20231102091500"]), "dateTime");
    assert.notEqual(kind(["30000012", "30000013"]), "date");
  });
  it("tell sentences from names and from codes", () => {
    assert.equal(kind(["Patient reports mild sensitivity on the lower left side", "Reviewed home care routine and recommended a softer brush"]), "prose");
    assert.equal(kind(["Amara Quill", "Bjorn Ruiz"]), "text");
    assert.equal(kind(["Active", "Inactive"], { distinctCount: 2, maxLength: 8 }), "code");
  });
});
