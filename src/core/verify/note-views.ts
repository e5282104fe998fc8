import { createHash } from "node:crypto";
import { notePartKey } from "../../contracts/note-parts.js";
import type { SourceConnector } from "../../contracts/source.js";
import type { StoredRow, TargetConnector } from "../../contracts/target.js";
import type { Store } from "../../store/open-store.js";
import type { NoteColumns } from "../map/templates/template.js";
import type { Expectation, RecordResult } from "../transform/transform-record.js";

/** "sha256:<hex> (<n> bytes)": how verify shows a file on both sides (never its content). */
export function fileDigest(bytes: Uint8Array): string {
  return `sha256:${createHash("sha256").update(bytes).digest("hex")} (${bytes.length} bytes)`;
}

/**
 * Notes as verify compares them: a split note's text is its parts joined (read back by their
 * keys from the crosswalk), its subject carries "(part 1 of n)"; a file compares by digest of
 * the bytes in the source against the bytes read back. Returns the rows and expectations to
 * compare, in place of the raw ones.
 */
export async function noteViews(
  deps: { readonly store: Store; readonly target: TargetConnector; readonly source: SourceConnector },
  table: string, columns: NoteColumns, results: readonly RecordResult[], stored: ReadonlyMap<string, StoredRow>,
): Promise<{ rows: Map<string, StoredRow>; expectations: Map<string, readonly Expectation[]> }> {
  const keys = results.map((r) => r.sourceKey);
  const partKeys = new Map<string, string[]>();
  for (let k = 0; k < keys.length; k += 200) {
    // "key#part2", "key#part3"…: the range ["key#part", "key#paru") holds exactly those.
    const found = await deps.store.db.selectFrom("crosswalk").select("source_key").where("target_table", "=", table)
      .where((eb) => eb.or(keys.slice(k, k + 200).map((key) => eb.and([eb("source_key", ">=", `${key}#part`), eb("source_key", "<", `${key}#paru`)])))).execute();
    for (const { source_key } of found) {
      const owner = source_key.slice(0, source_key.lastIndexOf("#part"));
      (partKeys.get(owner) ?? partKeys.set(owner, []).get(owner)!).push(source_key);
    }
  }
  const parts = new Map<string, StoredRow>();
  const wanted = [...partKeys.values()].flat();
  for (let k = 0; k < wanted.length; k += 200) {
    for (const row of await deps.target.readBack(table, wanted.slice(k, k + 200), [columns.text])) if (row.sourceKey) parts.set(row.sourceKey, row);
  }

  const rows = new Map<string, StoredRow>();
  const expectations = new Map<string, readonly Expectation[]>();
  for (const r of results) {
    const row = stored.get(r.sourceKey);
    const count = (partKeys.get(r.sourceKey)?.length ?? 0) + 1;
    const fields = { ...(row?.fields ?? {}) };
    if (row && count > 1) {
      const texts = [fields[columns.text] ?? ""];
      for (let n = 2; n <= count; n++) texts.push(parts.get(notePartKey(r.sourceKey, n))?.fields[columns.text] ?? "");
      fields[columns.text] = texts.join("");
    }
    const readAs = fields[columns.fileReadAs];
    if (typeof readAs === "string" && readAs !== "") fields[columns.fileReadAs] = fileDigest(Buffer.from(readAs, "base64"));
    if (row) rows.set(r.sourceKey, { ...row, fields });
    const adjusted: Expectation[] = [];
    const fileName = r.expectations.find((e) => e.column === columns.fileName)?.expected;
    const path = r.expectations.find((e) => e.column === columns.fileReadAs)?.expected;
    for (const exp of r.expectations) {
      if (exp.column === columns.subject && (exp.expected === null || exp.expected === "") && columns.subjectWhenEmpty) {
        const fallback = typeof path === "string" ? (typeof fileName === "string" ? fileName : path.split(/[\\/]/).pop() ?? "") : columns.subjectWhenEmpty;
        adjusted.push({ ...exp, transform: "empty: the target needs a title, so it gets a default one", expected: fallback });
        continue;
      }
      if (exp.column === columns.subject && count > 1 && typeof exp.expected === "string") {
        adjusted.push({ ...exp, transform: `${exp.transform}; numbered as part 1 of ${count}`, expected: `${exp.expected} (part 1 of ${count})` });
      } else if (exp.column === columns.subject && count > 1 && exp.expected === null) {
        adjusted.push({ ...exp, transform: `numbered as part 1 of ${count}`, expected: `(part 1 of ${count})` });
      } else if (exp.column === columns.text && count > 1) {
        adjusted.push({ ...exp, transform: `${exp.transform}; split into ${count} notes, joined on read-back` });
      } else if ((exp.column === columns.fileName || exp.column === columns.mimeType) && typeof path !== "string" && exp.expected !== null) {
        // A note without a file carries no file name or type (the note path sends them with a file).
        adjusted.push({ ...exp, transform: "no file: a note without a file carries no file name or type", expected: null });
      } else if (exp.column === columns.fileReadAs && typeof exp.expected === "string") {
        const content = deps.source.readFile ? await deps.source.readFile(exp.expected) : null;
        adjusted.push({ ...exp, transform: "file: compared by SHA-256", expected: content?.ok ? fileDigest(content.bytes) : `(file ${content?.problem ?? "unreadable"})` });
      } else adjusted.push(exp);
    }
    expectations.set(r.sourceKey, adjusted);
  }
  return { rows, expectations };
}
