import assert from "node:assert/strict";
import { mkdtemp, readFile, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import type { SourceItem } from "../../src/contracts/source.js";
import { createFhirNdjsonSource } from "../../src/sources/fhir/index.js";
import { generateFhirExport, generatedTypes } from "./generate.js";

const temp = (label: string) => mkdtemp(join(tmpdir(), `fhir-gen-${label}-`));

test("the same seed and count give byte-identical files", async () => {
  const [a, b] = [await temp("a"), await temp("b")];
  await generateFhirExport({ patients: 40, seed: 11, outDir: a });
  await generateFhirExport({ patients: 40, seed: 11, outDir: b });
  const names = (await readdir(a)).filter((f) => f.endsWith(".ndjson") || f === "manifest.json").sort();
  assert.equal(names.length, generatedTypes.length + 1);
  for (const name of names) assert.deepEqual(await readFile(join(a, name)), await readFile(join(b, name)), name);
  assert.deepEqual(await readdir(join(a, "binaries")), await readdir(join(b, "binaries")));
});

test("every file reads cleanly through the NDJSON source and the manifest's counts match", async () => {
  const outDir = await temp("read");
  const { manifest, dirtCounts } = await generateFhirExport({ patients: 60, seed: 3, outDir });
  const source = createFhirNdjsonSource({ root: outDir, filesDir: await temp("files") });
  const catalog = await source.discover();
  assert.deepEqual(catalog.tables.map((t) => t.name).sort(), [...generatedTypes].sort());
  for (const table of catalog.tables) assert.equal(table.rowCount, manifest.files[`${table.name}.ndjson`]?.rows, table.name);
  for (const kind of ["near-duplicate", "bad-phone", "bad-email", "bad-date", "no-timezone", "orphan-reference", "end-before-start",
    "inactive-practitioner", "inline-attachment", "binary-attachment", "url-attachment", "large-attachment", "missing-binary"] as const) {
    assert.ok((dirtCounts[kind] ?? 0) > 0, `plants ${kind}`);
  }
  const items: SourceItem[] = [];
  for await (const item of source.read("Patient")) items.push(item);
  assert.equal(items.filter((i) => i.kind === "issue").length, 0, "no bad lines in patients");
  const ids = new Set(items.flatMap((i) => (i.kind === "record" ? [i.key] : [])));
  for (const d of manifest.dirt) if (d.kind === "near-duplicate") for (const k of d.keys) assert.ok(ids.has(k));
  const text = await readFile(join(outDir, "Patient.ndjson"), "utf8");
  assert.doesNotMatch(text, /\b\d{3}-\d{2}-\d{4}\b/, "no SSN-shaped values");
});

test("attachments come in every way the manifest says, and large ones have the configured size", async () => {
  const outDir = await temp("docs");
  const { manifest } = await generateFhirExport({ patients: 30, seed: 5, outDir, largeAttachmentBytes: 5000 });
  const lines = (await readFile(join(outDir, "DocumentReference.ndjson"), "utf8")).trim().split("\n").map((l) => JSON.parse(l));
  const byId = new Map(lines.map((r) => [r.id, r.content[0].attachment]));
  for (const d of manifest.dirt) {
    if (d.kind === "inline-attachment") assert.equal(Buffer.from(byId.get(d.key).data, "base64").length, d.bytes);
    if (d.kind === "binary-attachment") assert.match(byId.get(d.key).url, /^Binary\//);
    if (d.kind === "url-attachment") assert.match(byId.get(d.key).url, /^https:\/\//);
    if (d.kind === "large-attachment") assert.equal(d.bytes, 5000);
  }
});
