import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { documentKinds } from "../visual-practice/word-lists.js";
import type { Rng } from "../visual-practice/prng.js";
import { coding, instant, meta, pad, ref, type GenContext } from "./gen-context.js";
import type { NdjsonWriter } from "./ndjson-writer.js";

/** Folder (under the export) of the bytes behind `Binary/<id>` and plain-URL attachments. */
export const binaryFolder = "binaries";
/** Plain-URL attachments point here; the sandbox serves them at `<its url>/files/<name>`. */
export const plainUrlOrigin = "https://files.fhir-sandbox.invalid";

const magic: Readonly<Record<string, string>> = { "application/pdf": "%PDF-1.4\n", "image/png": "\x89PNG\r\n\x1a\n", "image/jpeg": "\xff\xd8\xff\xe0", "text/plain": "Scanned note\n" };
const extension: Readonly<Record<string, string>> = { "application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpg", "text/plain": "txt" };

/** Deterministic bytes that start like a file of the type (no real content, no PHI). */
function fileBytes(rng: Rng, mime: string, size: number): Buffer {
  const bytes = Buffer.alloc(size);
  const head = Buffer.from(magic[mime] ?? "", "latin1");
  head.copy(bytes, 0, 0, Math.min(head.length, size));
  for (let i = head.length; i < size; i += 4) {
    const word = Math.floor(rng.next() * 4294967296);
    for (let b = 0; b < 4 && i + b < size; b += 1) bytes[i + b] = (word >>> (8 * b)) & 0xff;
  }
  return bytes;
}

/** A practice's own document categories (not US Core's `clinical-note`: these are files, not notes). */
export const documentCategorySystem = "https://handover.example/fhir/document-category";

type How = "inline" | "binary" | "url";

/**
 * DocumentReferences about half the patients have: most with inline base64 data, some by
 * `Binary/<id>` (bytes under `binaries/`), some by plain URL; a few of `largeBytes`; one whose
 * Binary was never written; some with a second rendition (a PNG preview beside the file), so a
 * DocumentReference has several attachments. `inlineOnly`: every attachment inline, none missing.
 * Clinical notes are written apart (gen-notes.ts).
 */
export async function writeDocuments(rng: Rng, ctx: GenContext, out: NdjsonWriter, outDir: string, largeBytes: number, inlineOnly = false): Promise<{ count: number; bytes: number }> {
  await mkdir(join(outDir, binaryFolder), { recursive: true });
  const binaries = { count: 0, bytes: 0 };
  /** One attachment, its bytes written where `how` says. */
  const attach = async (bytes: Buffer, mime: string, title: string, how: How, name: string): Promise<Record<string, unknown>> => {
    const attachment: Record<string, unknown> = { contentType: mime, title, size: bytes.length, creation: instant(rng) };
    if (how === "inline") attachment.data = bytes.toString("base64");
    else {
      await writeFile(join(outDir, binaryFolder, name), bytes);
      binaries.count += 1;
      binaries.bytes += bytes.length;
      attachment.url = how === "binary" ? `Binary/${name}` : `${plainUrlOrigin}/${name}`;
    }
    return attachment;
  };
  let n = 0;
  for (const patient of ctx.patients) {
    if (!rng.chance(0.5)) continue;
    n += 1;
    const id = `doc-${pad(n, 6)}`;
    const kind = rng.pick(documentKinds);
    const mime = rng.pick(kind.mimeTypes);
    const large = n === 2 || n === 5 || rng.chance(0.005);
    const size = large ? largeBytes : rng.int(200, 4000);
    const drawn: How = n === 5 ? "binary" : n === 4 ? "url" : rng.pick(["inline", "inline", "inline", "binary", "url"] as const);
    const how: How = inlineOnly ? "inline" : drawn;
    const missing = !inlineOnly && (n === 6 || (how === "binary" && rng.chance(0.01)));
    const bytes = fileBytes(rng, mime, size);
    const title = `${kind.stems[0]}-${pad(n, 6)}.${extension[mime] ?? "bin"}`;
    const content: { attachment: Record<string, unknown> }[] = [];
    if (missing) {
      content.push({ attachment: { contentType: mime, title, size, creation: instant(rng), url: `Binary/bin-missing-${pad(n, 6)}` } });
      ctx.dirt.push({ kind: "missing-binary", table: "DocumentReference", key: id });
    } else {
      content.push({ attachment: await attach(bytes, mime, title, how, how === "binary" ? `bin-${pad(n, 6)}` : title) });
      ctx.dirt.push({ kind: `${how === "url" ? "url" : how}-attachment`, table: "DocumentReference", key: id, bytes: size });
      if (large) ctx.dirt.push({ kind: "large-attachment", table: "DocumentReference", key: id, bytes: size });
      if (n === 3 || n === 4 || rng.chance(0.1)) {
        // A preview rendition beside the file: one more attachment, inline or as the first one came.
        const preview = fileBytes(rng, "image/png", rng.int(100, 1500));
        const second = inlineOnly ? "inline" : n === 4 ? "url" : rng.pick(["inline", "inline", how] as const);
        content.push({ attachment: await attach(preview, "image/png", `${kind.stems[0]}-${pad(n, 6)}-preview.png`, second, `${second === "binary" ? "bin-" : ""}${pad(n, 6)}-preview${second === "url" ? ".png" : ""}`) });
        ctx.dirt.push({ kind: "multi-attachment", table: "DocumentReference", key: id, attachments: content.length });
      }
    }
    await out.write({
      resourceType: "DocumentReference", id, meta: meta(rng), status: "current", docStatus: "final",
      type: coding(documentCategorySystem, kind.category.toLowerCase().replace(/\s+/g, "-"), kind.category),
      category: [coding(documentCategorySystem, kind.category.toLowerCase().replace(/\s+/g, "-"), kind.category)],
      subject: ref("Patient", patient), date: instant(rng), author: [ref("Practitioner", rng.pick(ctx.practitioners))],
      context: ctx.encounters.length > 0 && rng.chance(0.3) ? { encounter: [ref("Encounter", rng.pick(ctx.encounters))] } : undefined,
      content,
    });
  }
  return binaries;
}
