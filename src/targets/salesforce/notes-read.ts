/**
 * Read-back of notes for verify and rollback, by our key on the note's ContentVersion.
 * ContentNote: Title, and Content decoded back to the plain text we sent; ContentVersion: Title,
 * PathOnClient, Description and VersionData as base64 of the latest version's bytes. Blob fields
 * come back from a query as URLs (`/sobjects/ContentNote/{id}/Content`), so each body is one GET.
 * Lookups: `LinkedEntityId` (the record the note is shared with; the owner's own link is
 * skipped) and `FirstPublishLocationId`. The row id is the ContentDocument id, as written.
 */
import type { StoredRow, TargetValue } from "../../contracts/target.js";
import { queryOrFail } from "./ids-by-key.js";
import type { MetadataCache } from "./metadata.js";
import { htmlToText } from "./notes-html.js";
import type { Session } from "./session.js";
import { inLists } from "./soql.js";

export const isNoteTable = (table: string): boolean => table === "ContentNote" || table === "ContentVersion";

export interface NoteReadDeps {
  readonly session: Session;
  readonly metadata: MetadataCache;
  readonly keyField: string;
}

type Raw = Readonly<Record<string, unknown>>;

const USER_PREFIX = "005";

async function queryIn(session: Session, table: string, soql: (list: string) => string, values: readonly string[]): Promise<Raw[]> {
  const out: Raw[] = [];
  for (const list of inLists(values)) out.push(...await queryOrFail(session, table, soql(list)));
  return out;
}

/** Records of the linked entity (not the owning user) by document id. */
async function linkedEntities(session: Session, documentIds: readonly string[]): Promise<Map<string, string>> {
  const links = await queryIn(session, "ContentDocumentLink", (l) => `SELECT ContentDocumentId, LinkedEntityId FROM ContentDocumentLink WHERE ContentDocumentId IN (${l})`, documentIds);
  const out = new Map<string, string>();
  for (const link of links) {
    const entity = String(link.LinkedEntityId);
    if (!entity.startsWith(USER_PREFIX) && !out.has(String(link.ContentDocumentId))) out.set(String(link.ContentDocumentId), entity);
  }
  return out;
}

export async function readNotes(table: string, sourceKeys: readonly string[], columns: readonly string[], deps: NoteReadDeps): Promise<readonly StoredRow[]> {
  if (sourceKeys.length === 0) return [];
  const { session, keyField, metadata } = deps;
  const keyed = await queryIn(session, "ContentVersion", (l) =>
    `SELECT Id, ContentDocumentId, FirstPublishLocationId, FileType, ${keyField} FROM ContentVersion WHERE ${keyField} IN (${l})`, sourceKeys);
  // A text note's version is an SNOTE; a file's is anything else: each table reads its own kind.
  const mine = keyed.filter((v) => (v.FileType === "SNOTE") === (table === "ContentNote"));
  const documentIds = mine.map((v) => String(v.ContentDocumentId));
  if (documentIds.length === 0) return [];
  const bodies = table === "ContentNote"
    ? await queryIn(session, "ContentNote", (l) => `SELECT Id, Title, Content, CreatedDate FROM ContentNote WHERE Id IN (${l})`, documentIds)
    : await queryIn(session, "ContentVersion", (l) => `SELECT Id, ContentDocumentId, Title, PathOnClient, Description, VersionData, CreatedDate FROM ContentVersion WHERE ContentDocumentId IN (${l}) AND IsLatest = true`, documentIds);
  const byDocument = new Map(bodies.map((b) => [String(table === "ContentNote" ? b.Id : b.ContentDocumentId), b] as const));
  const wants = (name: string) => columns.some((c) => c.toLowerCase() === name.toLowerCase());
  const links = wants("LinkedEntityId") ? await linkedEntities(session, documentIds) : new Map<string, string>();
  const prefixes = await metadata.prefixes();
  const lookupOf = (id: string | undefined) => (id ? { table: prefixes.get(id.slice(0, 3)) ?? "", id } : null);

  const out: StoredRow[] = [];
  for (const version of mine) {
    const documentId = String(version.ContentDocumentId);
    const body = byDocument.get(documentId);
    if (!body) continue;
    const fields: Record<string, TargetValue> = {};
    const lookups: Record<string, { table: string; id: string } | null> = {};
    for (const column of columns) {
      const name = column.toLowerCase();
      if (name === "linkedentityid") lookups[column] = lookupOf(links.get(documentId));
      else if (name === "firstpublishlocationid") lookups[column] = lookupOf(typeof version.FirstPublishLocationId === "string" ? version.FirstPublishLocationId : undefined);
      else if (name === "content" && typeof body.Content === "string") fields[column] = htmlToText((await session.download(body.Content)).toString("utf8"));
      else if (name === "versiondata" && typeof body.VersionData === "string") fields[column] = (await session.download(body.VersionData)).toString("base64");
      else if (name !== "id" && name !== keyField.toLowerCase()) fields[column] = (body[Object.keys(body).find((k) => k.toLowerCase() === name) ?? column] ?? null) as TargetValue;
    }
    out.push({ table, id: documentId, sourceKey: String(version[keyField]), fields, lookups });
  }
  return out;
}
