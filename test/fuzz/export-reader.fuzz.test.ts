import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { HandoverError } from "../../src/contracts/handover-error.js";
import type { SourceItem } from "../../src/contracts/source.js";
import { createExportSource } from "../../src/sources/export/index.js";

/**
 * Deterministic fuzzing of the export reader: small valid exports (CSV, TSV, JSON, NDJSON) are
 * mutated thousands of times with a seeded PRNG — byte flips, truncation, inserted quotes, NULs,
 * line breaks, BOMs and invalid UTF-8, duplicated headers, fields over the record cap — and each
 * result is read. Every case must finish within its time limit, throw nothing but a catalogued
 * HO-SRC HandoverError, and — where the count is well defined (a line-per-record file without
 * quotes, in valid UTF-8) — end every data line as a record or an issue with a row.
 */

const seed = 20240611;
const casesPerBase = 900;
const caseTimeoutMs = 5000;
const maxRecordBytes = 4096;

function prng(start: number): () => number {
  let state = start >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const people = Array.from({ length: 40 }, (_, i) => ({ id: `P${i + 1}`, name: `Name ${i + 1} é`, town: ["Lyon", "Metz", "Nice", "Köln"][i % 4]!, note: `n${i}` }));
const bases: Readonly<Record<string, { ext: string; text: string; lines: boolean }>> = {
  csv: { ext: "csv", lines: true, text: `Id,Name,Town,Note\n${people.map((p) => `${p.id},${p.name},${p.town},${p.note}`).join("\n")}\n` },
  quoted: { ext: "csv", lines: false, text: `Id,Name,Note\n${people.map((p) => `${p.id},"${p.name}, ${p.town}","say ""${p.note}""\nnext"`).join("\n")}\n` },
  tsv: { ext: "tsv", lines: true, text: `Id\tName\tTown\n${people.map((p) => `${p.id}\t${p.name}\t${p.town}`).join("\n")}\n` },
  semicolon: { ext: "txt", lines: true, text: `Id;Name;Town\n${people.map((p) => `${p.id};${p.name};${p.town}`).join("\n")}\n` },
  json: { ext: "json", lines: false, text: `[\n${people.map((p) => `  {"id": "${p.id}", "name": {"full": "${p.name}"}, "towns": ["${p.town}", 1.50]}`).join(",\n")}\n]\n` },
  ndjson: { ext: "ndjson", lines: true, text: `${people.map((p) => JSON.stringify({ id: p.id, name: p.name, town: p.town })).join("\n")}\n` },
};

type Mutation = (bytes: Buffer, random: () => number) => Buffer;
const at = (bytes: Buffer, random: () => number) => Math.floor(random() * (bytes.length + 1));
const insert = (piece: Buffer | string): Mutation => (bytes, random) => {
  const i = at(bytes, random);
  return Buffer.concat([bytes.subarray(0, i), Buffer.from(piece as string), bytes.subarray(i)]);
};
const mutations: readonly Mutation[] = [
  (bytes, random) => {
    const copy = Buffer.from(bytes);
    if (copy.length > 0) copy[Math.floor(random() * copy.length)] = Math.floor(random() * 256);
    return copy;
  },
  (bytes, random) => bytes.subarray(0, at(bytes, random)),
  insert('"'),
  insert("\0"),
  insert("\n"),
  insert("\r\n"),
  insert(Buffer.from([0xef, 0xbb, 0xbf])),
  (bytes) => Buffer.concat([Buffer.from([0xff, 0xfe]), bytes]),
  insert(Buffer.from([0xff])),
  insert(Buffer.from([0xc3])),
  insert(Buffer.from([0xe2, 0x82])),
  (bytes) => {
    const text = bytes.toString("latin1");
    const firstName = /^[^,;\t\n|]+/.exec(text)?.[0] ?? "Id";
    const end = text.indexOf("\n");
    return end < 0 ? bytes : Buffer.from(`${text.slice(0, end)},${firstName}${text.slice(end)}`, "latin1");
  },
  insert("x".repeat(maxRecordBytes * 3)),
  (bytes, random) => {
    const i = at(bytes, random);
    return Buffer.concat([bytes.subarray(0, i), bytes.subarray(Math.min(bytes.length, i + 1 + Math.floor(random() * 40)))]);
  },
  (bytes, random) => {
    const lines = bytes.toString("latin1").split("\n");
    const i = Math.floor(random() * lines.length);
    lines.splice(i, 0, lines[i] ?? "");
    return Buffer.from(lines.join("\n"), "latin1");
  },
];

const isUtf8 = (bytes: Buffer) => {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/** Data lines a reader must account for, where that is well defined; else undefined. */
function expectedRows(bytes: Buffer, base: { ext: string; lines: boolean }): number | undefined {
  if (!base.lines || !isUtf8(bytes) || bytes.includes(0x22) || (bytes[0] === 0xff && bytes[1] === 0xfe)) return undefined;
  const text = bytes.toString("utf8");
  if (base.ext === "ndjson") {
    // NDJSON lines end at LF; a CR before it is dropped, any other CR is part of the line.
    return text.split("\n").filter((line) => line.replace(/\r$/, "").trim() !== "").length;
  }
  // CRLF, LF and a lone CR each end a line; empty lines are skipped; the first line left is the header.
  return Math.max(0, text.split(/\r\n|\r|\n/).filter((line) => line !== "").length - 1);
}

async function withTimeout<T>(work: Promise<T>, label: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`case ${label} took over ${caseTimeoutMs} ms`)), caseTimeoutMs)));
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}

const dir = await mkdtemp(join(tmpdir(), "export-fuzz-"));
after(() => rm(dir, { recursive: true, force: true }));
let casesRun = 0;

for (const [name, base] of Object.entries(bases)) {
  test(`fuzz: mutated ${name} exports finish, throw only HO-SRC errors and lose no row`, async () => {
    const random = prng(seed + name.length * 7919 + name.charCodeAt(0));
    const original = Buffer.from(base.text);
    for (let n = 0; n < casesPerBase; n += 1) {
      let bytes: Buffer = original;
      const count = 1 + Math.floor(random() * 3);
      for (let k = 0; k < count; k += 1) bytes = mutations[Math.floor(random() * mutations.length)]!(bytes, random);
      const folder = join(dir, `${name}-${n}`);
      await writeFile(`${folder}.${base.ext}`, bytes);
      const label = `${name}#${n}`;
      const source = createExportSource({ root: dir, maxRecordBytes, profile: { id: "fuzz", name: "Fuzz", tables: { t: { file: `${name}-${n}.${base.ext}`, key: [], modelHint: "x" } } } });
      try {
        const items: SourceItem[] = [];
        await withTimeout((async () => {
          for await (const item of source.read("t")) items.push(item);
        })(), label);
        const rows = items.filter((item) => item.kind === "record" || item.kind === "issue");
        for (const item of rows) {
          if (item.kind === "record") assert.ok(item.row > 0, `${label}: a record has a row`);
          else if (item.kind === "issue") {
            assert.match(item.issue.code, /^HO-SRC-\d{3}$/, label);
            assert.ok((item.issue.row ?? 0) > 0, `${label}: an issue has a row`);
          }
        }
        const expected = expectedRows(bytes, base);
        if (expected !== undefined) assert.equal(rows.length, expected, `${label}: every data line is a record or an issue`);
        if (base.ext === "json") {
          const parsed = tryParse(bytes);
          if (Array.isArray(parsed) && parsed.every((r) => r !== null && typeof r === "object" && !Array.isArray(r))) {
            assert.equal(rows.length, parsed.length, `${label}: valid JSON gives every record, or an issue for one over the size cap`);
          }
        }
        if (n % 10 === 0) {
          const catalog = await withTimeout(source.discover(), label);
          assert.equal(catalog.tables.find((t) => t.name === "t")?.rowCount, rows.length, `${label}: discover counts what read gives`);
        }
      } catch (error) {
        if (!(error instanceof HandoverError) || !error.code.startsWith("HO-SRC-")) {
          const kept = join(tmpdir(), `export-fuzz-failure-${label.replace("#", "-")}.${base.ext}`);
          await writeFile(kept, bytes);
          assert.fail(`${label} (file kept at ${kept}): ${error instanceof Error ? error.stack : String(error)}`);
        }
      } finally {
        await rm(`${folder}.${base.ext}`, { force: true });
      }
      casesRun += 1;
    }
  });
}

test("fuzz: cases run", () => {
  console.log(`export reader fuzz: ${casesRun} cases`);
  assert.ok(casesRun >= Object.keys(bases).length * casesPerBase);
});

function tryParse(bytes: Buffer): unknown {
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}
