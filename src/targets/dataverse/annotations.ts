/**
 * Notes (annotation rows) upserted by our key (hc_sourcekey on annotation: the schema plan must
 * add it and its alternate key), bound to the parent row through the objectid navigation property
 * the live metadata names for that parent (objectid_contact, objectid_account, …).
 * One outcome per input row, in input order; data problems are outcomes, never throws.
 */
import { isHandoverError } from "../../contracts/handover-error.js";
import type { NoteOutcome, NoteRow, NoteWriteOptions, TargetFailure } from "../../contracts/target.js";
import { prepareNote, noteLimits, type NotePart, type PreparedNote } from "./annotations-body.js";
import { DEFAULT_MAX_UPLOAD_BYTES, readMaxUploadBytes, uploadInBlocks } from "./annotations-files.js";
import { ensureDocumentLocation, type DocumentLocationConfig } from "./annotations-location.js";
import type { BatchOp, Session } from "./client.js";
import { LOCAL_CODE, toFailure } from "./errors.js";
import { partKey, splitText } from "./long-text.js";
import { chunk, keySegment, normalizeId } from "./keys.js";
import type { MetadataCache, TableAddress, TableMeta } from "./metadata.js";
import { idsBySourceKey } from "./read-back.js";

export const NOTE_TABLE = "annotation";

export interface NoteDeps {
  readonly session: Session;
  readonly metadata: MetadataCache;
  readonly sourceKeyColumn: string;
  readonly batchSize: number;
  /** Where oversize files are linked when options.oversizeFiles is "link". */
  readonly documentLocation?: DocumentLocationConfig;
}

const fail = (reason: string, transient = false): TargetFailure => ({ vendorCode: LOCAL_CODE, reason, transient });

/** A file the server found too large: 0x80044a02 "Attachment file size is too big" (Learn:
 * attachment-annotation-files "File size limits"); 0x80043e09 AttachmentBlocked. */
const TOO_LARGE = new Set(["0x80044a02", "0x80043e09"]);

/** Errors that end the call (auth, unreachable, throttled out) pass; others become outcomes. */
function failureOf(error: unknown, part?: NotePart): TargetFailure {
  if (isHandoverError(error) && error.code !== "HO-TGT-005") throw error;
  if (isHandoverError(error)) return fail("unknown table");
  const known = part ? new Set([...Object.keys(part.data), "objectid"]) : undefined;
  const failure = toFailure(error, { aliases: part?.aliases, known });
  if (!TOO_LARGE.has(failure.vendorCode.toLowerCase())) return failure;
  return { ...failure, reason: "the file is larger than the target's upload limit", field: "documentbody" };
}

async function noteTable(deps: NoteDeps): Promise<TableMeta | TargetFailure> {
  try {
    const meta = await deps.metadata.table(NOTE_TABLE);
    if (!meta.columns.some((c) => c.name === deps.sourceKeyColumn)) return fail("notes have no source key column yet: apply the schema first");
    return meta;
  } catch (error) {
    return failureOf(error);
  }
}

async function parentAddresses(rows: readonly NoteRow[], deps: NoteDeps): Promise<Map<string, TableAddress>> {
  const out = new Map<string, TableAddress>();
  for (const table of new Set(rows.map((r) => r.parent.table))) {
    try {
      out.set(table, await deps.metadata.address(table));
    } catch (error) {
      if (!isHandoverError(error) || error.code !== "HO-TGT-005") throw error;
    }
  }
  return out;
}

export async function writeNotes(rows: readonly NoteRow[], deps: NoteDeps, options: NoteWriteOptions = {}): Promise<readonly NoteOutcome[]> {
  if (rows.length === 0) return [];
  const { session, sourceKeyColumn } = deps;
  const meta = await noteTable(deps);
  if (!("entitySet" in meta)) return rows.map((r) => ({ ok: false, sourceKey: r.sourceKey, error: meta, flags: [] }));

  const oversize = options.oversizeFiles === "link" && deps.documentLocation ? "link" : "reject";
  const maxUploadBytes = rows.some((r) => r.file) ? await readMaxUploadBytes(session) : DEFAULT_MAX_UPLOAD_BYTES;
  const limits = noteLimits(meta, { maxUploadBytes, chunk: options.chunkLargeFiles !== false, oversize });
  const addresses = await parentAddresses(rows, deps);
  const keys = rows.flatMap((r) => {
    const parts = r.text === null ? 1 : splitText(r.text, limits.textMax).length;
    return Array.from({ length: parts }, (_, i) => partKey(r.sourceKey, i + 1));
  });
  const existing = await idsBySourceKey(session, meta, sourceKeyColumn, keys);
  const exists = (key: string) => existing.has(key.toLowerCase());

  const outcomes: NoteOutcome[] = new Array(rows.length);
  const prepared: PreparedNote[] = rows.map((row, i) => {
    const note: PreparedNote = addresses.has(row.parent.table)
      ? prepareNote(row, { meta, addresses, sourceKeyColumn }, limits, exists)
      : { ok: false, error: { ...fail("unknown table"), field: "objectid" }, flags: [] };
    if (!note.ok) outcomes[i] = { ok: false, sourceKey: row.sourceKey, error: note.error, flags: note.flags };
    return note;
  });

  // Every part is one upsert: text-only parts go in $batches, parts carrying a file one by one.
  const results = new Map<string, { id?: string; error?: TargetFailure }>();
  const upsert = (part: NotePart): BatchOp => (api) => api.upsert({ collection: meta.entitySet, key: keySegment(sourceKeyColumn, part.key), data: part.data });
  const pending = prepared.flatMap((note) => (note.ok ? note.parts : []));
  const light = pending.filter((p) => !("documentbody" in p.data));
  for (const group of chunk(light, deps.batchSize)) {
    const answers = await session.batch(group.map(upsert));
    group.forEach((part, k) => {
      const answer = answers[k];
      results.set(part.key, answer?.ok ? { id: normalizeId(answer.value) } : { error: failureOf(answer?.error, part) });
    });
  }
  for (const part of pending.filter((p) => "documentbody" in p.data)) {
    try {
      results.set(part.key, { id: normalizeId(await session.call((api) => upsert(part)(api))) });
    } catch (error) {
      results.set(part.key, { error: failureOf(error, part) });
    }
  }
  // An answer without the GUID form: look the keys up once.
  const missing = [...results].filter(([, r]) => !r.error && !r.id).map(([key]) => key);
  if (missing.length > 0) {
    const found = await idsBySourceKey(session, meta, sourceKeyColumn, missing);
    for (const key of missing) results.set(key, found.get(key.toLowerCase()) ? { id: found.get(key.toLowerCase()) } : { error: fail("the target did not return the note's id", true) });
  }

  for (let i = 0; i < rows.length; i++) {
    if (outcomes[i]) continue;
    const row = rows[i] as NoteRow;
    const note = prepared[i] as Extract<PreparedNote, { ok: true }>;
    outcomes[i] = await finish(row, note, results, exists, deps);
  }
  return outcomes;
}

/** The row's outcome once its parts are written; then its file, when it travels separately. */
async function finish(
  row: NoteRow,
  note: Extract<PreparedNote, { ok: true }>,
  results: ReadonlyMap<string, { id?: string; error?: TargetFailure }>,
  exists: (key: string) => boolean,
  deps: NoteDeps,
): Promise<NoteOutcome> {
  const base = { sourceKey: row.sourceKey, flags: note.flags };
  const ids: string[] = [];
  for (const [n, part] of note.parts.entries()) {
    const result = results.get(part.key);
    if (result?.error || !result?.id) {
      const error = result?.error ?? fail("the note was not written", true);
      const where = note.parts.length > 1 ? ` (part ${n + 1} of ${note.parts.length})` : "";
      return { ok: false, ...base, error: { ...error, reason: `${error.reason}${where}` } };
    }
    ids.push(result.id);
  }
  const [id, ...partIds] = ids as [string, ...string[]];
  try {
    if (note.file === "blocks" && row.file) await uploadInBlocks(deps.session, id, row.file);
    if (note.file === "oversize" && deps.documentLocation) {
      const parentId = await parentRowId(row, deps);
      if (!parentId) return { ok: false, ...base, error: { ...fail("the note's parent row was not found"), field: "objectid" } };
      await ensureDocumentLocation(deps.session, deps.metadata, deps.documentLocation, { table: row.parent.table, id: parentId });
    }
  } catch (error) {
    const failure = failureOf(error);
    return { ok: false, ...base, error: { ...failure, reason: `the note was written but its file was not: ${failure.reason}` } };
  }
  return { ok: true, ...base, id, created: !exists(row.sourceKey), partIds };
}

async function parentRowId(row: NoteRow, deps: NoteDeps): Promise<string | undefined> {
  if ("id" in row.parent) return normalizeId(row.parent.id);
  const meta = await deps.metadata.table(row.parent.table);
  const ids = await idsBySourceKey(deps.session, meta, deps.sourceKeyColumn, [row.parent.sourceKey]);
  return ids.get(row.parent.sourceKey.toLowerCase());
}
