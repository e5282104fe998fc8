import assert from "node:assert/strict";
import { test } from "node:test";
import { VALUE_LIST_CAP } from "../../contracts/source.js";
import { ColumnStats, maxSamples } from "./column-stats.js";

test("a column with few distinct values keeps every one, counted, beyond the 20 samples", () => {
  const stats = new ColumnStats("Status");
  const codes = Array.from({ length: 30 }, (_, i) => `S${i}`);
  for (let round = 0; round < 3; round += 1) for (const [i, code] of codes.entries()) if (round < 2 || i % 2 === 0) stats.add(code);
  stats.add("");
  const column = stats.toColumn();
  assert.equal(column.samples.length, maxSamples);
  assert.equal(column.values?.length, 30);
  assert.deepEqual(column.values?.find((v) => v.value === "S0"), { value: "S0", count: 3 });
  assert.deepEqual(column.values?.find((v) => v.value === "S1"), { value: "S1", count: 2 });
  assert.equal(column.values?.reduce((n, v) => n + v.count, 0), column.nonEmptyCount, "every non-empty row counted once");
});

test("past the cap the value list is dropped: only samples and the distinct count remain", () => {
  const stats = new ColumnStats("Email");
  for (let i = 0; i <= VALUE_LIST_CAP; i += 1) stats.add(`person${i}@example.org`);
  const column = stats.toColumn();
  assert.equal(column.values, undefined);
  assert.equal(column.distinctCount, VALUE_LIST_CAP + 1);
  assert.equal(column.samples.length, maxSamples);
});

test("a column whose values don't repeat (names, dates of birth) keeps no value list, however few its rows", () => {
  const names = new ColumnStats("Name");
  for (let i = 0; i < 40; i += 1) names.add(`Person ${i}`);
  assert.equal(names.toColumn().values, undefined);
  const sex = new ColumnStats("Sex");
  for (let i = 0; i < 40; i += 1) sex.add(["F", "M", "U"][i % 3]!);
  assert.deepEqual(sex.toColumn().values?.map((v) => v.value).sort(), ["F", "M", "U"]);
});
