import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { SourceColumn } from "../../../contracts/source.js";
import { isNpi, npiCheckDigit, profileValues } from "./index.js";

function column(samples: readonly string[], extra: Partial<SourceColumn> = {}): SourceColumn {
  return { name: "X", samples, nonEmptyCount: 100, distinctCount: 90, maxLength: 40, ...extra };
}

describe("profileValues", () => {
  it("calls a column of email addresses email, with the share that fits", () => {
    const samples = [...Array.from({ length: 9 }, (_, i) => `person${i}@example.org`), "call me"];
    const profile = profileValues(column(samples));
    assert.equal(profile.kind, "email");
    assert.equal(profile.share, 0.9);
  });
  it("does not call a mixed column email when fewer than 80% fit", () => {
    const profile = profileValues(column(["a@example.org", "b@example.org", "none", "n/a", "ask"]));
    assert.notEqual(profile.kind, "email");
  });
  it("reads US, ISO and dotted European dates and names the format", () => {
    assert.deepEqual([profileValues(column(["03/14/1952", "11/02/1987"])).kind, profileValues(column(["03/14/1952"])).format], ["date", "MM/DD/YYYY"]);
    assert.equal(profileValues(column(["1952-03-14", "1987-11-02"])).format, "YYYY-MM-DD");
    assert.equal(profileValues(column(["14.03.1952", "02.11.1987"])).format, "DD.MM.YYYY");
  });
  it("prefers day-first when a day is over 12", () => {
    assert.equal(profileValues(column(["14/03/1952", "25/11/1987", "01/02/2001"])).format, "DD/MM/YYYY");
  });
  it("tells dates with times from dates", () => {
    assert.equal(profileValues(column(["03/04/2021 09:15", "2021-03-04T09:15:00Z"])).kind, "dateTime");
  });
  it("marks dates spread over decades as birth-date-like and recent stamps as not", () => {
    assert.equal(profileValues(column(["03/14/1952", "11/02/1987", "07/30/2001"])).birthDateLike, true);
    assert.equal(profileValues(column(["03/14/2021", "11/02/2023", "07/30/2024"])).birthDateLike, false);
  });
  it("uses the profile's declared date format when there are no samples", () => {
    const profile = profileValues(column([], { dateFormat: "MM/DD/YYYY" }));
    assert.equal(profile.kind, "date");
    assert.equal(profile.declaredFormat, true);
  });
  it("checks the NPI check digit with the 80840 prefix", () => {
    assert.equal(npiCheckDigit("123456789"), 3);
    assert.equal(isNpi("1234567893"), true);
    assert.equal(isNpi("1234567890"), false);
    assert.equal(profileValues(column(["1234567893", "1245319599"])).kind, "npi");
  });
  it("calls bare ten-digit numbers that fail the NPI check whole numbers, not NPIs or phones", () => {
    assert.equal(profileValues(column(["6175550110", "6175550121", "6175550132"])).kind, "int");
  });
  it("recognises SSN, tax ID, phone, ZIP and URL shapes", () => {
    assert.equal(profileValues(column(["900-12-3456", "912-44-0192"])).kind, "ssn");
    assert.equal(profileValues(column(["04-1234567", "22-3344556"])).kind, "ein");
    assert.equal(profileValues(column(["(617) 555-0110", "617.555.0111", "+1 617 555 0112"])).kind, "phone");
    assert.equal(profileValues(column(["02134", "01907-1234"])).kind, "zip");
    assert.equal(profileValues(column(["https://a.example.com", "www.b.example.org", "clinic.com"])).kind, "url");
  });
  it("tells yes/no flags from sex codes", () => {
    assert.equal(profileValues(column(["Y", "N"])).kind, "bool");
    assert.equal(profileValues(column(["true", "false"])).kind, "bool");
    assert.equal(profileValues(column(["M", "F", "U"])).kind, "sex");
  });
  it("tells money, decimals and whole numbers apart", () => {
    assert.equal(profileValues(column(["$1,200.00", "$35.50"])).kind, "money");
    assert.equal(profileValues(column(["1.5", "2.25", "3.125"])).kind, "decimal");
    assert.equal(profileValues(column(["1", "22", "333"])).kind, "int");
  });
  it("calls short repeated values codes and long varied ones free text", () => {
    assert.equal(profileValues(column(["Active", "Inactive"], { distinctCount: 2, maxLength: 8 })).kind, "code");
    assert.equal(profileValues(column(["Latex sensitivity noted at intake", "Anxious about needles"])).kind, "text");
  });
  it("says empty when there are no samples", () => {
    assert.equal(profileValues(column([], { nonEmptyCount: 0, distinctCount: 0 })).kind, "empty");
  });
});
