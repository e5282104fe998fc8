/**
 * A note with a file: a ContentVersion (Title, PathOnClient, VersionData, Description = the
 * note's text, FirstPublishLocationId = the parent, which also links the file to it) carrying
 * our key. Base64 inside JSON up to JSON_FILE_MAX, multipart above (REST API Developer Guide,
 * "Insert or Update Blob Data"). A re-run with the same bytes adds no version (only Title and
 * Description are brought up to date); other bytes become a new version of the same
 * ContentDocument (ContentDocumentId set on insert: Object Reference, ContentVersion). The key
 * stays on the first version: it is a unique field, so later versions can't repeat it.
 */
import type { NoteOutcome, NoteWriteOptions } from "../../contracts/target.js";
import { queryOrFail } from "./ids-by-key.js";
import { FILE_MAX_BYTES, JSON_FILE_MAX } from "./notes-limits.js";
import { linkToParent, noteFailure, titleOf, type NoteDeps, type NoteJob } from "./notes-common.js";
import type { Session } from "./session.js";
import { literal } from "./soql.js";

interface Latest {
  readonly Id: string;
  readonly ContentSize: number | null;
  readonly Title: string | null;
  readonly Description: string | null;
}

/** Inserts one ContentVersion, multipart when the file is large. */
async function insertVersion(session: Session, record: Record<string, unknown>, bytes: Uint8Array, fileName: string, mimeType: string): Promise<string> {
  const body = { ...record, VersionData: Buffer.from(bytes).toString("base64") };
  const result = bytes.byteLength > JSON_FILE_MAX
    ? await session.call((conn) => conn.sobject("ContentVersion").create(body, { multipartFileFields: { VersionData: { filename: fileName, contentType: mimeType } } }))
    : await session.request<{ id?: string }>("POST", "/sobjects/ContentVersion", body);
  if (!result.id) throw Object.assign(new Error("no id returned"), { errorCode: "UNKNOWN_EXCEPTION" });
  return result.id;
}

async function latestVersion(session: Session, documentId: string): Promise<Latest | undefined> {
  const rows = await queryOrFail(session, "ContentVersion",
    `SELECT Id, ContentSize, Title, Description FROM ContentVersion WHERE ContentDocumentId = ${literal(documentId)} AND IsLatest = true`);
  return rows[0] as unknown as Latest | undefined;
}

/** Whether the stored version holds exactly these bytes (size first, then the bytes themselves). */
async function sameBytes(session: Session, latest: Latest, bytes: Uint8Array): Promise<boolean> {
  if (latest.ContentSize !== bytes.byteLength) return false;
  const stored = await session.download(`/sobjects/ContentVersion/${latest.Id}/VersionData`);
  return Buffer.compare(stored, Buffer.from(bytes)) === 0;
}

export async function writeFileNote(job: NoteJob, deps: NoteDeps, _options: NoteWriteOptions): Promise<NoteOutcome> {
  const { row, existing } = job;
  const { session, keyField } = deps;
  const file = row.file;
  if (!file) return { ok: false, sourceKey: row.sourceKey, error: noteFailure("a ContentVersion note needs a file"), flags: [] };
  if (file.bytes.byteLength > FILE_MAX_BYTES) {
    // Linking a document folder instead ("link") has no Salesforce counterpart here: refuse, never cut.
    return { ok: false, sourceKey: row.sourceKey, error: noteFailure("the file is larger than the upload limit"), flags: [] };
  }
  const { title, flags } = titleOf(row.subject, file.fileName);
  const description = row.text ?? null;
  if (!existing) {
    const versionId = await insertVersion(session, {
      Title: title, PathOnClient: file.fileName, Description: description, FirstPublishLocationId: job.parentId, [keyField]: row.sourceKey,
      ...(job.audit && row.createdOn ? { CreatedDate: row.createdOn } : {}),
    }, file.bytes, file.fileName, file.mimeType);
    const version = await session.request<{ ContentDocumentId: string }>("GET", `/sobjects/ContentVersion/${versionId}?fields=ContentDocumentId`);
    return { ok: true, sourceKey: row.sourceKey, id: version.ContentDocumentId, created: true, partIds: [], flags };
  }
  const latest = await latestVersion(session, existing.documentId);
  if (latest && await sameBytes(session, latest, file.bytes)) {
    if (latest.Title !== title || (latest.Description ?? null) !== description) {
      await session.request("PATCH", `/sobjects/ContentVersion/${latest.Id}`, { Title: title, Description: description });
    }
  } else {
    await insertVersion(session, {
      ContentDocumentId: existing.documentId, Title: title, PathOnClient: file.fileName, Description: description, ReasonForChange: "Updated by a Handover re-run",
    }, file.bytes, file.fileName, file.mimeType);
  }
  await linkToParent(session, existing.documentId, job.parentId);
  return { ok: true, sourceKey: row.sourceKey, id: existing.documentId, created: false, partIds: [], flags };
}
