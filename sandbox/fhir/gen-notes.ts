import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { longNoteBody, noteBody, type NoteFormat } from "../visual-practice/note-text.js";
import type { Rng } from "../visual-practice/prng.js";
import { noteTitles } from "../visual-practice/word-lists.js";
import { coding, meta, pad, ref, type GenContext } from "./gen-context.js";
import { binaryFolder } from "./gen-documents.js";
import type { NdjsonWriter } from "./ndjson-writer.js";

/** US Core's category for notes. */
const noteCategory = coding("http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category", "clinical-note", "Clinical Note");
/** US Core clinical note types (LOINC). */
const noteTypes = [["11506-3", "Progress note"], ["11488-4", "Consult note"], ["18842-5", "Discharge summary"], ["34117-2", "History and physical note"], ["28570-0", "Procedure note"]] as const;
const mimeOf: Readonly<Record<NoteFormat, string>> = { Plain: "text/plain", HTML: "text/html", RTF: "text/rtf" };

/** Characters of the planted long note: past the 32,768 a CRM note column holds, so the note is split. */
export const longNoteChars = 40_000;

/**
 * Clinical notes as US Core writes them: DocumentReferences of category `clinical-note`, a note
 * LOINC type, and the text as an attachment — inline base64 mostly (plain, HTML or RTF, some with
 * a charset parameter), some by `Binary/<id>`; one plain note with an HTML rendition beside it; one
 * longer than 32,768 characters. About 40% of patients have one; ids `note-<n>`.
 */
export async function writeNotes(rng: Rng, ctx: GenContext, out: NdjsonWriter, outDir: string, inlineOnly = false): Promise<{ count: number; bytes: number }> {
  const binaries = { count: 0, bytes: 0 };
  let n = 0;
  for (const patient of ctx.patients) {
    if (!rng.chance(0.4)) continue;
    n += 1;
    const id = `note-${pad(n, 6)}`;
    const format: NoteFormat = n === 2 ? "HTML" : n === 3 ? "RTF" : n === 1 || n === 4 || n === 5 || n === 6 ? "Plain" : rng.pick(["Plain", "Plain", "HTML", "RTF"] as const);
    const body = n === 5 ? longNoteBody(rng, longNoteChars) : noteBody(rng, format);
    const drawn = n === 4 || (n > 6 && rng.chance(0.15)) ? "binary" : "inline";
    const how = inlineOnly ? "inline" : drawn;
    const bytes = Buffer.from(body, "utf8");
    const contentType = `${mimeOf[format]}${rng.chance(0.3) ? "; charset=utf-8" : ""}`;
    const attachment: Record<string, unknown> = { contentType, title: `${id}.${format === "HTML" ? "html" : format === "RTF" ? "rtf" : "txt"}`, size: bytes.length };
    if (how === "inline") attachment.data = bytes.toString("base64");
    else {
      const name = `bin-${id}`;
      await writeFile(join(outDir, binaryFolder, name), bytes);
      binaries.count += 1;
      binaries.bytes += bytes.length;
      attachment.url = `Binary/${name}`;
    }
    const content: { attachment: Record<string, unknown> }[] = [{ attachment }];
    if (n === 6) {
      // The same note rendered as HTML too (R4: content repeats are one document in several formats).
      const html = `<p>${body.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}</p>`;
      content.push({ attachment: { contentType: "text/html", title: `${id}.html`, data: Buffer.from(html, "utf8").toString("base64") } });
    }
    const [code, display] = rng.pick(noteTypes);
    ctx.dirt.push({ kind: "clinical-note", table: "DocumentReference", key: id, format: format === "Plain" ? "plain" : format === "HTML" ? "html" : "rtf", chars: body.length, how, renditions: content.length });
    await out.write({
      resourceType: "DocumentReference", id, meta: meta(rng), status: "current", docStatus: "final",
      type: coding("http://loinc.org", code, display), category: [noteCategory], description: rng.pick(noteTitles),
      subject: ref("Patient", patient), date: meta(rng).lastUpdated, author: [ref("Practitioner", rng.pick(ctx.practitioners))],
      context: ctx.encounters.length > 0 && rng.chance(0.3) ? { encounter: [ref("Encounter", rng.pick(ctx.encounters))] } : undefined,
      content,
    });
  }
  return binaries;
}
