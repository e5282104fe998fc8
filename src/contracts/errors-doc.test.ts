import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { renderErrorsDoc } from "./errors-doc.js";
import { catalog } from "./errors/index.js";

test("docs/errors.md lists exactly the catalog (regenerate with node scripts/errors-doc.mjs)", () => {
  const doc = readFileSync(new URL("../../../docs/errors.md", import.meta.url), "utf8");
  assert.equal(doc, renderErrorsDoc());
});

test("every catalogued code is unique in form and no message template asks for a value", () => {
  for (const [code, spec] of Object.entries(catalog)) {
    assert.match(code, /^HO-[A-Z]{3}-\d{3}$/);
    assert.doesNotMatch(spec.message, /\{value\}/, `${code} must not carry a record value`);
  }
});
