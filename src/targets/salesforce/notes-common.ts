/** What the note writers share: their dependencies, the key-version lookup, titles, links. */
import type { NoteFlag, NoteRow, TargetFailure } from "../../contracts/target.js";
import { LOCAL_CODE, vendorCode } from "./errors.js";
import { queryOrFail } from "./ids-by-key.js";
import type { MetadataCache } from "./metadata.js";
import { TITLE_MAX } from "./notes-limits.js";
import type { Session } from "./session.js";
import { inLists } from "./soql.js";

export interface NoteDeps {
  readonly session: Session;
  readonly metadata: MetadataCache;
  readonly keyField: string;
  readonly auditFields: boolean | "auto";
}

/** The version that carries a note's key, and its document. */
export interface KeyVersion {
  readonly versionId: string;
  readonly documentId: string;
}

/** A note row with what writing it needs resolved. */
export interface NoteJob {
  readonly row: NoteRow;
  readonly parentId: string;
  readonly existing: KeyVersion | undefined;
  /** Send CreatedDate on insert. */
  readonly audit: boolean;
}

/** Key versions by lower-cased key. */
export async function keyVersions(session: Session, keyField: string, keys: readonly string[]): Promise<Map<string, KeyVersion>> {
  const out = new Map<string, KeyVersion>();
  for (const list of inLists(keys)) {
    const rows = await queryOrFail(session, "ContentVersion", `SELECT Id, ContentDocumentId, ${keyField} FROM ContentVersion WHERE ${keyField} IN (${list})`);
    for (const row of rows) out.set(String(row[keyField]).toLowerCase(), { versionId: String(row.Id), documentId: String(row.ContentDocumentId) });
  }
  return out;
}

export const noteFailure = (reason: string): TargetFailure => ({ vendorCode: LOCAL_CODE, reason, transient: false });

/** The title and whether it had to be shortened (a flag, never silent). */
export function titleOf(subject: string | null, fallback: string): { title: string; flags: NoteFlag[] } {
  const title = (subject ?? "").trim() || fallback;
  return title.length > TITLE_MAX ? { title: title.slice(0, TITLE_MAX), flags: ["subject-shortened"] } : { title, flags: [] };
}

/** Shares the document with the parent; an existing link is fine. */
export async function linkToParent(session: Session, documentId: string, parentId: string): Promise<void> {
  try {
    await session.request("POST", "/sobjects/ContentDocumentLink", { ContentDocumentId: documentId, LinkedEntityId: parentId, ShareType: "V", Visibility: "AllUsers" });
  } catch (error) {
    if (vendorCode(error) !== "DUPLICATE_VALUE") throw error;
  }
}

