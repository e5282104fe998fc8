import assert from "node:assert/strict";
import { describe, it, test } from "node:test";
import { splitFullName } from "./split-name.js";

const parts = (text: string) => {
  const p = splitFullName(text);
  return p && [p.first, p.middle, p.last, p.suffix, p.title];
};

describe("splitFullName", () => {
  it("reads 'First Last' and 'Last, First', keeping case as typed", () => {
    assert.deepEqual(parts("Jane Smith"), ["Jane", null, "Smith", null, null]);
    assert.deepEqual(parts("SMITH, Jane"), ["Jane", null, "SMITH", null, null]);
    assert.equal(splitFullName("SMITH, Jane")?.form, "last, first");
  });
  it("takes middle names and initials, titles and suffixes apart", () => {
    assert.deepEqual(parts("Dr Jane A. Smith"), ["Jane", "A.", "Smith", null, "Dr"]);
    assert.deepEqual(parts("Jane Mary Ann Smith"), ["Jane", "Mary Ann", "Smith", null, null]);
    assert.deepEqual(parts("John Smith Jr."), ["John", null, "Smith", "Jr.", null]);
    assert.deepEqual(parts("John Smith, III"), ["John", null, "Smith", "III", null]);
    assert.deepEqual(parts("Smith, Mrs Jane B"), ["Jane", "B", "Smith", null, "Mrs"]);
  });
  it("keeps family-name particles with the family name", () => {
    assert.deepEqual(parts("Ludwig van Beethoven"), ["Ludwig", null, "van Beethoven", null, null]);
    assert.deepEqual(parts("Maria de la Cruz"), ["Maria", null, "de la Cruz", null, null]);
  });
  it("reads ambiguous values as best it can and says why, instead of guessing silently", () => {
    assert.match(splitFullName("Cher")?.ambiguity ?? "", /single word/);
    assert.equal(splitFullName("Cher")?.last, "Cher");
    assert.match(splitFullName("Smith, Jane, Mary")?.ambiguity ?? "", /several commas/);
    assert.match(splitFullName("Ana Maria Luisa Garcia Lopez")?.ambiguity ?? "", /many words/);
    assert.equal(splitFullName("Jane Smith")?.ambiguity, undefined);
  });
  it("gives nothing for an empty value", () => {
    assert.equal(splitFullName("   "), null);
  });
});

test("a title or suffix on the family part comes off it; names that could be read two ways are flagged", () => {
  assert.deepEqual(parts("Dr Smith, Jane"), ["Jane", null, "Smith", null, "Dr"]);
  assert.deepEqual(parts("Smith Jr., John"), ["John", null, "Smith", "Jr.", null]);
  assert.match(splitFullName("Maria Garcia Lopez")?.ambiguity ?? "", /double family name/);
  assert.match(splitFullName("Maria Del Carmen Lopez")?.ambiguity ?? "", /particle/);
  assert.equal(splitFullName("Ludwig van Beethoven")?.ambiguity, undefined);
  assert.equal(splitFullName("Jane A. Smith")?.ambiguity, undefined);
});
