import { test } from "node:test";
import assert from "node:assert/strict";
import { partKey, partSubject, splitText } from "./long-text.js";

test("short text stays one part", () => {
  assert.deepEqual(splitText("hello", 10), ["hello"]);
  assert.deepEqual(splitText("", 10), [""]);
});

test("long text splits into parts within the limit that join back exactly", () => {
  const text = Array.from({ length: 400 }, (_, i) => `word${i}`).join(" ");
  const parts = splitText(text, 300);
  assert.ok(parts.length > 1);
  assert.ok(parts.every((p) => p.length <= 300));
  assert.equal(parts.join(""), text);
  // Cuts after a space, not inside a word.
  assert.ok(parts.slice(0, -1).every((p) => p.endsWith(" ")));
});

test("prefers line breaks, and never splits a surrogate pair", () => {
  const lines = splitText(`${"a".repeat(50)}\n${"b".repeat(50)}`, 80);
  assert.deepEqual(lines, [`${"a".repeat(50)}\n`, "b".repeat(50)]);
  const emoji = "😀".repeat(10); // 20 code units, no spaces
  const parts = splitText(emoji, 7);
  assert.equal(parts.join(""), emoji);
  assert.ok(parts.every((p) => p.length <= 7 && !/^[\uDC00-\uDFFF]/.test(p) && !/[\uD800-\uDBFF]$/.test(p)));
});

test("the 100,000-character note limit gives numbered parts", () => {
  const parts = splitText("x".repeat(250_001), 100_000);
  assert.deepEqual(parts.map((p) => p.length), [100_000, 100_000, 50_001]);
});

test("part subjects carry (part n of m); the original is shortened, never the suffix", () => {
  assert.deepEqual(partSubject("Visit", 1, 1), { subject: "Visit", shortened: false });
  assert.deepEqual(partSubject("Visit", 2, 3), { subject: "Visit (part 2 of 3)", shortened: false });
  assert.deepEqual(partSubject(null, 1, 2), { subject: "(part 1 of 2)", shortened: false });
  const long = partSubject("s".repeat(500), 2, 3, 500);
  assert.equal(long.subject.length, 500);
  assert.ok(long.shortened && long.subject.endsWith("… (part 2 of 3)"));
});

test("part keys are stable and the first part keeps the row's key", () => {
  assert.equal(partKey("N-1", 1), "N-1");
  assert.equal(partKey("N-1", 3), "N-1#part3");
});
