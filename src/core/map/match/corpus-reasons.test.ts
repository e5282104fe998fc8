import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import type { SourceTable } from "../../../contracts/source.js";
import { model, type ObjectDef } from "../../../model/index.js";
import { proposeFields } from "./index.js";

/** The labelled corpus (test/corpus/match), found from here whether run from src or dist. */
function corpusFiles(): string[] {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  const corpus = join(dir, "test", "corpus", "match");
  return readdirSync(corpus).filter((f) => f.endsWith(".json")).map((f) => join(corpus, f));
}

interface Table { name: string; object: string | null; rowCount: number; columns: { name: string; samples: string[]; distinctCount: number }[] }
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("the labelled corpus", () => {
  it("has at least twelve schemas", () => {
    assert.ok(corpusFiles().length >= 12);
  });
  it("gets reasons that never quote a sample value, and one field per column at most", () => {
    for (const file of corpusFiles()) {
      const schema = JSON.parse(readFileSync(file, "utf8")) as { tables: Table[] };
      for (const t of schema.tables) {
        const object = t.object ? (model[t.object] as ObjectDef) : undefined;
        if (!object) continue;
        const table: SourceTable = { name: t.name, file: t.name, rowCount: t.rowCount, columns: t.columns.map((c) => ({ ...c, nonEmptyCount: t.rowCount, maxLength: 60 })) };
        const proposals = proposeFields(table, object);
        const mapped = proposals.map((p) => p.field).filter((f) => f !== null);
        assert.equal(new Set(mapped).size, mapped.length, `${t.name}: ${mapped.join(", ")}`);
        proposals.forEach((p, i) => {
          // Whole-word match, three characters or more ("M" occurs in "MM/DD/YYYY"), and not a bare
          // number of up to three digits (the "100" of "(100%)").
          // Column names may be quoted: a sample that is a word of its own column's name ("Paid") is fine.
          const own = (t.columns[i]?.name ?? "").toLowerCase();
          for (const sample of (t.columns[i]?.samples ?? []).filter((s) => s.length >= 3 && !/^\d{1,3}$/.test(s) && !own.includes(s.toLowerCase()))) {
            const asWord = new RegExp(`(^|[^A-Za-z0-9])${escape(sample)}($|[^A-Za-z0-9])`, "i");
            for (const reason of p.reasons) assert.ok(!asWord.test(reason), `${t.name}.${p.column}: '${reason}' quotes '${sample}'`);
          }
        });
      }
    }
  });
});
