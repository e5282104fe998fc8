/**
 * Notes on Salesforce, upserted by our key. A text note becomes a ContentNote (enhanced note)
 * shared to its parent with a ContentDocumentLink (ShareType V, Visibility AllUsers); a note
 * with a file becomes a ContentVersion published to the parent (notes-files.ts). ContentNote
 * takes no custom fields, so our key lives on the note's ContentVersion (the one
 * LatestPublishedVersionId names when the note is created); the key's version leads to the
 * ContentDocument, whose id is the outcome's id (the id rollback deletes: deleting the document
 * deletes the note, its versions and links). A re-run updates the note in place.
 * Object Reference: ContentNote, ContentVersion, ContentDocumentLink
 * (developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_contentnote.htm).
 */
import { HandoverError } from "../../contracts/handover-error.js";
import type { NoteOutcome, NoteRow, NoteWriteOptions } from "../../contracts/target.js";
import { toFailure } from "./errors.js";
import { idsByKey } from "./ids-by-key.js";
import { fieldOf } from "./metadata.js";
import { keyVersions, linkToParent, noteFailure, titleOf, type NoteDeps, type NoteJob } from "./notes-common.js";
import { writeFileNote } from "./notes-files.js";
import { textToHtml } from "./notes-html.js";
import { refKey } from "./payload.js";
import { runLimited } from "./write.js";

/** A text note: create (note, key on its version, link) or update in place. */
async function writeTextNote(job: NoteJob, deps: NoteDeps): Promise<NoteOutcome> {
  const { row, existing } = job;
  const { session, keyField } = deps;
  const { title, flags } = titleOf(row.subject, "Note");
  const content = Buffer.from(textToHtml(row.text ?? "")).toString("base64");
  if (existing) {
    await session.request("PATCH", `/sobjects/ContentNote/${existing.documentId}`, { Title: title, Content: content });
    await linkToParent(session, existing.documentId, job.parentId);
    return { ok: true, sourceKey: row.sourceKey, id: existing.documentId, created: false, partIds: [], flags };
  }
  const created = await session.request<{ id: string }>("POST", "/sobjects/ContentNote", {
    Title: title, Content: content, ...(job.audit && row.createdOn ? { CreatedDate: row.createdOn } : {}),
  });
  try {
    const note = await session.request<{ LatestPublishedVersionId: string | null }>("GET", `/sobjects/ContentNote/${created.id}?fields=LatestPublishedVersionId`);
    if (!note.LatestPublishedVersionId) throw Object.assign(new Error("note has no version"), { errorCode: "NOT_FOUND" });
    await session.request("PATCH", `/sobjects/ContentVersion/${note.LatestPublishedVersionId}`, { [keyField]: row.sourceKey });
    await linkToParent(session, created.id, job.parentId);
  } catch (error) {
    // Without its key (or its link) the note would be duplicated or orphaned by a re-run: take it back.
    await session.request("DELETE", `/sobjects/ContentDocument/${created.id}`).catch(() => undefined);
    throw error;
  }
  return { ok: true, sourceKey: row.sourceKey, id: created.id, created: true, partIds: [], flags };
}

const isFileRow = (row: NoteRow): boolean => row.table === "ContentVersion" || (row.table !== "ContentNote" && row.file !== undefined);

async function auditAllowed(deps: NoteDeps, table: string): Promise<boolean> {
  if (deps.auditFields !== "auto") return deps.auditFields;
  return fieldOf(await deps.metadata.object(table), "CreatedDate")?.createable === true;
}

/** One outcome per row, in input order; a data problem is an outcome, never a throw. */
export async function writeNotes(rows: readonly NoteRow[], deps: NoteDeps, options: NoteWriteOptions = {}): Promise<readonly NoteOutcome[]> {
  if (rows.length === 0) return [];
  const existing = await keyVersions(deps.session, deps.keyField, rows.map((r) => r.sourceKey));
  const parents = new Map<string, string>();
  const byTable = new Map<string, string[]>();
  for (const { parent } of rows) if ("sourceKey" in parent) byTable.set(parent.table, [...(byTable.get(parent.table) ?? []), parent.sourceKey]);
  for (const [table, keys] of byTable) {
    for (const [key, id] of await idsByKey(deps.session, table, deps.keyField, keys)) parents.set(refKey(table, key), id);
  }
  const audit = { note: await auditAllowed(deps, "ContentNote"), file: await auditAllowed(deps, "ContentVersion") };
  const outcomes: NoteOutcome[] = new Array(rows.length);
  const tasks = rows.map((row, index) => async () => {
    const parentId = "id" in row.parent ? row.parent.id : parents.get(refKey(row.parent.table, row.parent.sourceKey));
    if (!parentId) {
      outcomes[index] = { ok: false, sourceKey: row.sourceKey, error: noteFailure("the parent row does not exist"), flags: [] };
      return;
    }
    const file = isFileRow(row);
    const job: NoteJob = { row, parentId, existing: existing.get(row.sourceKey.toLowerCase()), audit: file ? audit.file : audit.note };
    try {
      const outcome = file ? await writeFileNote(job, deps, options) : await writeTextNote(job, deps);
      outcomes[index] = outcome;
      if (outcome.ok && outcome.created) existing.set(row.sourceKey.toLowerCase(), { versionId: "", documentId: outcome.id });
    } catch (error) {
      if (error instanceof HandoverError) throw error;
      outcomes[index] = { ok: false, sourceKey: row.sourceKey, error: toFailure(error), flags: [] };
    }
  });
  // Notes of one key must go in order (a repeated key updates what the first created).
  const keys = new Set(rows.map((r) => r.sourceKey.toLowerCase()));
  await runLimited(tasks, keys.size === rows.length ? 4 : 1);
  return outcomes;
}
