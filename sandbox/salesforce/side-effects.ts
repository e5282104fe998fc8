/**
 * What a real org does after a write: the direct AccountContactRelation that follows
 * Contact.AccountId, the ContentDocument and links behind a ContentVersion or ContentNote,
 * and cascading deletes. Runs inside the caller's transaction, so a failure rolls all back.
 */
import type { Row, SfValue } from "./field-def.js";
import type { ObjectDef } from "./object-def.js";
import type { WriteContext } from "./record-write.js";

function must(ctx: WriteContext, name: string): ObjectDef {
  const o = ctx.store.object(name);
  if (!o) throw new Error(`missing standard object ${name}`);
  return o;
}

function systemRow(ctx: WriteContext, obj: ObjectDef, values: Record<string, SfValue | undefined>, id = ctx.store.newId(obj.keyPrefix)): Row {
  const base: Record<string, SfValue | undefined> = {};
  for (const f of obj.fields) base[f.name] = f.defaultValue;
  return {
    ...base, Id: id, IsDeleted: false, CreatedDate: ctx.now, CreatedById: ctx.userId, LastModifiedDate: ctx.now,
    LastModifiedById: ctx.userId, SystemModstamp: ctx.now, ...values,
  };
}

/** Contact.AccountId drives the one direct relation: moved, demoted to indirect, or removed. */
function syncDirectRelation(ctx: WriteContext, contact: Row, prev: Row | undefined): void {
  if (prev && prev.AccountId === contact.AccountId) return;
  const acr = must(ctx, "AccountContactRelation");
  const relations = ctx.store.findBy(acr, "ContactId", contact.Id ?? null);
  for (const r of relations.filter((x) => x.IsDirect === true)) {
    if (contact.AccountId === null) ctx.store.put(acr, { ...r, IsDeleted: true, SystemModstamp: ctx.now });
    else ctx.store.put(acr, { ...r, IsDirect: false, LastModifiedDate: ctx.now, SystemModstamp: ctx.now });
  }
  if (typeof contact.AccountId !== "string") return;
  const existing = relations.find((r) => r.AccountId === contact.AccountId);
  if (existing) ctx.store.put(acr, { ...existing, IsDirect: true, LastModifiedDate: ctx.now, SystemModstamp: ctx.now });
  else ctx.store.put(acr, systemRow(ctx, acr, { AccountId: contact.AccountId, ContactId: contact.Id ?? null, IsDirect: true, IsActive: true }));
}

function link(ctx: WriteContext, documentId: string, entityId: string, shareType: string): void {
  const cdl = must(ctx, "ContentDocumentLink");
  if (ctx.store.findBy(cdl, "ContentDocumentId", documentId).some((r) => r.LinkedEntityId === entityId)) return;
  ctx.store.put(cdl, systemRow(ctx, cdl, { ContentDocumentId: documentId, LinkedEntityId: entityId, ShareType: shareType, Visibility: "AllUsers" }));
}

/** A first version creates its ContentDocument (+ owner and FirstPublishLocation links); later ones supersede. */
function publishVersion(ctx: WriteContext, version: ObjectDef, row: Row): void {
  const doc = must(ctx, "ContentDocument");
  const facts = { Title: row.Title, FileExtension: row.FileExtension, FileType: row.FileType, ContentSize: row.ContentSize, LatestPublishedVersionId: row.Id ?? null };
  const docId = typeof row.ContentDocumentId === "string" ? row.ContentDocumentId : undefined;
  if (docId) {
    const siblings = ctx.store.findBy(version, "ContentDocumentId", docId).filter((v) => v.Id !== row.Id);
    for (const v of siblings.filter((s) => s.IsLatest === true)) ctx.store.put(version, { ...v, IsLatest: false });
    ctx.store.put(version, { ...row, VersionNumber: String(siblings.length + 1), IsLatest: true });
    const current = ctx.store.get(doc.name, docId);
    if (current) ctx.store.put(doc, { ...current, ...facts, LastModifiedDate: ctx.now, SystemModstamp: ctx.now });
    return;
  }
  const document = systemRow(ctx, doc, { ...facts, OwnerId: row.OwnerId ?? ctx.userId });
  ctx.store.put(doc, document);
  ctx.store.put(version, { ...row, ContentDocumentId: document.Id ?? null, VersionNumber: "1", IsLatest: true });
  link(ctx, String(document.Id), String(row.OwnerId ?? ctx.userId), "I");
  if (typeof row.FirstPublishLocationId === "string") link(ctx, String(document.Id), row.FirstPublishLocationId, "V");
}

/**
 * An enhanced note is a ContentDocument with the same id, whose body lives in a ContentVersion
 * (FileType SNOTE) named by LatestPublishedVersionId, as in a real org (Object Reference,
 * ContentNote: "LatestPublishedVersionId — ID of the latest version of the note"). An update of
 * the note rewrites that version in place (custom fields on it are kept).
 */
function publishNote(ctx: WriteContext, noteObj: ObjectDef, note: Row): void {
  const doc = must(ctx, "ContentDocument");
  const version = must(ctx, "ContentVersion");
  const values = { Title: note.Title, FileType: "SNOTE", FileExtension: "snote", ContentSize: note.ContentSize, OwnerId: note.OwnerId ?? ctx.userId };
  const latest = typeof note.LatestPublishedVersionId === "string" ? ctx.store.get(version.name, note.LatestPublishedVersionId) : undefined;
  const body = { Title: note.Title, VersionData: note.Content ?? null, ContentSize: note.ContentSize, FileType: "SNOTE", FileExtension: "snote" };
  const versionRow = latest
    ? { ...latest, ...body, LastModifiedDate: ctx.now, SystemModstamp: ctx.now }
    : systemRow(ctx, version, {
      ...body, PathOnClient: `${String(note.Title ?? "note")}.snote`, ContentDocumentId: String(note.Id), ContentLocation: "S",
      VersionNumber: "1", IsLatest: true, OwnerId: note.OwnerId ?? ctx.userId, CreatedDate: note.CreatedDate ?? ctx.now,
    });
  ctx.store.put(version, versionRow);
  const current = ctx.store.get(doc.name, String(note.Id));
  const docValues = { ...values, LatestPublishedVersionId: versionRow.Id ?? null };
  ctx.store.put(doc, current ? { ...current, ...docValues, SystemModstamp: ctx.now } : systemRow(ctx, doc, docValues, String(note.Id)));
  if (!latest) ctx.store.put(noteObj, { ...note, LatestPublishedVersionId: versionRow.Id ?? null });
  if (!current) link(ctx, String(note.Id), String(note.OwnerId ?? ctx.userId), "I");
}

export function afterInsert(ctx: WriteContext, obj: ObjectDef, row: Row): void {
  if (obj.name === "Contact") syncDirectRelation(ctx, row, undefined);
  else if (obj.name === "ContentVersion") publishVersion(ctx, obj, row);
  else if (obj.name === "ContentNote") publishNote(ctx, obj, row);
}

export function afterUpdate(ctx: WriteContext, obj: ObjectDef, prev: Row, row: Row): void {
  if (obj.name === "Contact") syncDirectRelation(ctx, row, prev);
  else if (obj.name === "ContentNote") publishNote(ctx, obj, row);
}

/** Soft-deletes children whose cascading lookup points at `row` (and a note's document twin). */
export function afterDelete(ctx: WriteContext, obj: ObjectDef, row: Row): void {
  const id = String(row.Id);
  for (const child of ctx.store.allObjects()) {
    for (const f of child.fields) {
      if (!f.cascadeDelete || !f.referenceTo.includes(obj.name)) continue;
      for (const r of ctx.store.findBy(child, f.name, id)) softDelete(ctx, child, r);
    }
  }
  if (obj.name === "ContentDocument" || obj.name === "ContentNote") {
    const twin = must(ctx, obj.name === "ContentDocument" ? "ContentNote" : "ContentDocument");
    const other = ctx.store.get(twin.name, id);
    if (other && other.IsDeleted !== true) softDelete(ctx, twin, other);
    const version = must(ctx, "ContentVersion");
    for (const v of ctx.store.findBy(version, "ContentDocumentId", id)) ctx.store.put(version, { ...v, IsDeleted: true, SystemModstamp: ctx.now });
  }
}

export function softDelete(ctx: WriteContext, obj: ObjectDef, row: Row): void {
  ctx.store.put(obj, { ...row, IsDeleted: true, LastModifiedDate: ctx.now, LastModifiedById: ctx.userId, SystemModstamp: ctx.now });
  afterDelete(ctx, obj, row);
}
