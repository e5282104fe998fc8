import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { expandTokens, normalizeName, splitName } from "./index.js";

describe("splitName", () => {
  it("splits PascalCase into lowercase words", () => {
    assert.deepEqual(splitName("PatFirstName"), ["pat", "first", "name"]);
  });
  it("keeps a trailing acronym whole", () => {
    assert.deepEqual(splitName("ProvNPI"), ["prov", "npi"]);
  });
  it("ends an acronym where the next word starts", () => {
    assert.deepEqual(splitName("NPIValue"), ["npi", "value"]);
  });
  it("splits digits off letters", () => {
    assert.deepEqual(splitName("Addr1"), ["addr", "1"]);
    assert.deepEqual(splitName("line2b"), ["line", "2", "b"]);
  });
  it("treats an all-caps name as one word", () => {
    assert.deepEqual(splitName("DOB"), ["dob"]);
  });
  it("splits snake, kebab, dotted and spaced names", () => {
    assert.deepEqual(splitName("pat_first-name.x y"), ["pat", "first", "name", "x", "y"]);
    assert.deepEqual(splitName("Custom_NewsletterOptIn"), ["custom", "newsletter", "opt", "in"]);
  });
  it("returns nothing for a name without letters or digits", () => {
    assert.deepEqual(splitName("__"), []);
  });
});

describe("expandTokens", () => {
  it("expands date of birth, address, phone and postal code abbreviations", () => {
    assert.deepEqual(expandTokens(["dob"]), ["date", "of", "birth"]);
    assert.deepEqual(expandTokens(["addr", "1"]), ["address", "1"]);
    assert.deepEqual(expandTokens(["home", "tel"]), ["home", "phone"]);
    assert.deepEqual(expandTokens(["ph"]), ["phone"]);
    assert.deepEqual(expandTokens(["zip"]), ["postal", "code"]);
  });
  it("expands the table prefixes, and reads number words as id", () => {
    assert.deepEqual(expandTokens(["pat", "middle", "init"]), ["patient", "middle", "initial"]);
    assert.deepEqual(expandTokens(["pt", "no"]), ["patient", "id"]);
    assert.deepEqual(expandTokens(["prov", "nbr"]), ["provider", "id"]);
    assert.deepEqual(expandTokens(["last", "mod", "dt"]), ["last", "modified", "date"]);
  });
  it("folds multi-word spellings before expanding", () => {
    assert.deepEqual(expandTokens(["e", "mail"]), ["email"]);
    assert.deepEqual(expandTokens(["zip", "code"]), ["postal", "code"]);
  });
  it("singularises so plural table names meet singular object names", () => {
    assert.deepEqual(normalizeName("patient_practices"), ["patient", "practice"]);
    assert.deepEqual(normalizeName("Specialties"), ["specialty"]);
    assert.deepEqual(normalizeName("Status"), ["status"]);
    assert.deepEqual(normalizeName("Address"), ["address"]);
  });
  it("leaves ambiguous shorthands alone", () => {
    assert.deepEqual(expandTokens(["st"]), ["st"]);
  });
});
