/**
 * Pure part of writing notes: a NoteRow becomes one upsert per part (long text split into
 * numbered continuation notes), each keyed by our key and bound to its parent row.
 */
import type { NoteFlag, NoteRow, TargetFailure, TargetValue } from "../../contracts/target.js";
import { filePlan, type FilePlan } from "./annotations-files.js";
import { LOCAL_CODE } from "./errors.js";
import { NOTE_SUBJECT_MAX, NOTE_TEXT_MAX, partKey, partSubject, splitText } from "./long-text.js";
import type { TableMeta } from "./metadata.js";
import { buildBody, type PayloadContext } from "./payload.js";

export interface NotePart {
  readonly key: string;
  readonly data: Readonly<Record<string, TargetValue>>;
  readonly aliases: ReadonlyMap<string, string>;
}

export type PreparedNote =
  | { readonly ok: true; readonly parts: readonly NotePart[]; readonly file: FilePlan; readonly flags: readonly NoteFlag[] }
  | { readonly ok: false; readonly error: TargetFailure; readonly flags: readonly NoteFlag[] };

export interface NoteLimits {
  readonly textMax: number;
  readonly subjectMax: number;
  readonly maxUploadBytes: number;
  readonly chunk: boolean;
  readonly oversize: "reject" | "link";
}

/** Live column lengths when the table declares them, else the documented ones. */
export function noteLimits(meta: TableMeta, rest: Omit<NoteLimits, "textMax" | "subjectMax">): NoteLimits {
  const length = (name: string) => meta.columns.find((c) => c.name === name)?.maxLength;
  return { textMax: length("notetext") ?? NOTE_TEXT_MAX, subjectMax: length("subject") ?? NOTE_SUBJECT_MAX, ...rest };
}

/**
 * The parts of one note. `exists(key)` says whether a part is already in the target: the
 * original timestamp (overriddencreatedon) goes on creates only — Dataverse accepts it on create
 * and ignores it after ("Date and time that the record was migrated", IsValidForUpdate false).
 */
export function prepareNote(
  row: NoteRow,
  ctx: PayloadContext,
  limits: NoteLimits,
  exists: (key: string) => boolean,
): PreparedNote {
  const flags: NoteFlag[] = [];
  const file = filePlan(row.file, limits.maxUploadBytes, limits.chunk);
  if (file === "oversize" && limits.oversize === "reject") {
    const error = { vendorCode: LOCAL_CODE, reason: "the file is larger than the target's upload limit", transient: false, field: "documentbody" };
    return { ok: false, error, flags };
  }
  if (file === "blocks") flags.push("file-chunked");
  if (file === "oversize") flags.push("file-linked");
  const texts: readonly (string | null)[] = row.text === null ? [null] : splitText(row.text, limits.textMax);
  if (texts.length > 1) flags.push("split");
  const parts: NotePart[] = [];
  for (let i = 0; i < texts.length; i++) {
    const key = partKey(row.sourceKey, i + 1);
    const subject = partSubject(row.subject, i + 1, texts.length, limits.subjectMax);
    if (subject.shortened && !flags.includes("subject-shortened")) flags.push("subject-shortened");
    const fields: Record<string, TargetValue> = {
      ...(i === 0 ? row.columns : {}),
      subject: texts.length > 1 ? subject.subject : row.subject,
      notetext: texts[i] ?? null,
      [ctx.sourceKeyColumn]: key,
    };
    if (i === 0 && row.file && file === "inline") {
      fields.isdocument = true;
      fields.filename = row.file.fileName;
      fields.mimetype = row.file.mimeType;
      fields.documentbody = Buffer.from(row.file.bytes).toString("base64");
    }
    if (row.createdOn && !exists(key)) fields.overriddencreatedon = row.createdOn;
    const body = buildBody(fields, { objectid: row.parent }, ctx);
    if (!body.ok) return { ok: false, error: body.error, flags };
    parts.push({ key, data: body.data, aliases: body.aliases });
  }
  return { ok: true, parts, file, flags };
}
