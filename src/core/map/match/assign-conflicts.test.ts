import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readSchemaFile } from "../schema/read-schema-file.js";
import { assign, type Candidate } from "./assign.js";
import { matchSchemas } from "./match-schemas.js";
import { proposeFields } from "./propose-fields.js";
import { birthDates, table, unique } from "./test-fixtures.js";
import { model } from "../../../model/index.js";
import type { SchemaDescription } from "../schema/schema-description.js";

/** The assignment: one field per column and one column per field in a table, ties and losers. */
describe("assignment: one-to-one per table", () => {
  it("breaks a tie the same way whatever order the candidates come in: earlier column, then earlier field", () => {
    const tied: Candidate[] = [{ column: 1, field: 0, score: 0.7 }, { column: 0, field: 0, score: 0.7 }, { column: 0, field: 1, score: 0.7 }, { column: 1, field: 1, score: 0.7 }];
    for (const order of [tied, [...tied].reverse(), [tied[2]!, tied[0]!, tied[3]!, tied[1]!]]) {
      const { fieldOf, lostTo } = assign(2, order);
      assert.deepEqual(fieldOf, [0, 1]);
      assert.equal(lostTo[1]?.get(0), 0, "column 1 lost field 0 to column 0");
    }
  });

  it("cascades: a column that loses its best field can take another column's second choice away", () => {
    // Column 0 takes field 0; column 1 falls back to field 1, which column 2 also wanted less.
    const { fieldOf, lostTo } = assign(3, [
      { column: 0, field: 0, score: 0.95 }, { column: 1, field: 0, score: 0.9 }, { column: 1, field: 1, score: 0.8 },
      { column: 2, field: 1, score: 0.6 }, { column: 2, field: 2, score: 0.55 },
    ]);
    assert.deepEqual(fieldOf, [0, 1, 2]);
    assert.deepEqual([...(lostTo[1] ?? new Map())], [[0, 0]]);
    assert.deepEqual([...(lostTo[2] ?? new Map())], [[1, 1]]);
  });

  it("leaves a column with nothing rather than sharing a field, and no column ever gets two fields", () => {
    const candidates: Candidate[] = [];
    for (let column = 0; column < 5; column += 1) for (let field = 0; field < 2; field += 1) candidates.push({ column, field, score: 1 - column * 0.1 - field * 0.01 });
    const { fieldOf } = assign(5, candidates);
    const given = fieldOf.filter((f) => f !== undefined);
    assert.equal(new Set(given).size, given.length);
    assert.deepEqual(fieldOf, [0, 1, undefined, undefined, undefined]);
  });

  it("shows the loser why, and keeps the lost field among its alternatives", () => {
    const proposals = proposeFields(table("things", [unique("BirthDate", birthDates.slice(0, 5)), unique("DOB", birthDates)]), model.patient!);
    // The exact field name outscores the synonym, wherever the columns stand.
    const [winner, loser] = proposals;
    assert.equal(winner?.field, "birthDate");
    assert.equal(loser?.field, null);
    assert.equal(loser?.reasons[0], "birthDate went to column 'BirthDate', which scored higher");
    assert.ok(loser?.alternatives.some((a) => a.field === "birthDate" && a.confidence > 0.5), JSON.stringify(loser?.alternatives));
  });

  it("holds between any two schemas too: two date columns, one birth date field", () => {
    const from: SchemaDescription = { origin: "a", format: "columns-json", tables: [{ name: "people", columns: [
      { name: "DOB", type: "date", samples: birthDates },
      { name: "BirthDt", type: "date", samples: birthDates.slice(0, 4) },
    ] }] };
    const to: SchemaDescription = { origin: "b", format: "columns-json", tables: [{ name: "Patient", columns: [{ name: "birthDate", type: "date", samples: [] }, { name: "name", samples: [] }] }] };
    const columns = matchSchemas(from, to).tables[0]?.columns ?? [];
    assert.deepEqual(columns.map((c) => c.field), ["birthDate", null]);
    assert.ok(columns[1]?.reasons.includes("birthDate went to column 'DOB', which scored higher"), columns[1]?.reasons.join(" | "));
  });

  it("pairs the tables of two real schema files, each column of a pair proposed once at most", () => {
    const fixtures = new URL("../../../../../test/fixtures/schemas/", import.meta.url);
    const m = matchSchemas(readSchemaFile(new URL("legacy-clinic.sql", fixtures).pathname), readSchemaFile(new URL("fhir-r4-abridged.json", fixtures).pathname));
    for (const t of m.tables) {
      const given = t.columns.flatMap((c) => (c.field ? [c.field] : []));
      assert.equal(new Set(given).size, given.length, t.table);
    }
  });
});
