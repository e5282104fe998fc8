/**
 * Salesforce Files: ContentVersion (the bytes), ContentDocument (the file), ContentDocumentLink
 * (file ↔ record sharing) and ContentNote (enhanced notes, stored as a ContentDocument).
 */
import { field, lookup, picklist, readOnly, required } from "./field-def.js";
import { defineObject } from "./object-def.js";
import type { ObjectDef } from "./object-def.js";

/** Records a file can be linked to; tooling appends custom objects at runtime. */
export const LINK_TARGETS: readonly string[] = ["Account", "Contact", "Opportunity", "Lead", "User", "Task", "Event"];

export function contentObjects(): ObjectDef[] {
  const version = defineObject("ContentVersion", "068", [
    field("Title", "string", { nillable: false, defaultedOnCreate: true, nameField: true }),
    required("PathOnClient", "string", { length: 500, updateable: false }),
    field("VersionData", "base64", { updateable: false, label: "Version Data" }),
    lookup("ContentDocumentId", ["ContentDocument"], { updateable: false, label: "ContentDocument ID" }),
    lookup("FirstPublishLocationId", LINK_TARGETS, { updateable: false, relationshipName: "FirstPublishLocation" }),
    field("Description", "textarea", { length: 1000 }),
    field("ReasonForChange", "string", { length: 1000 }),
    picklist("ContentLocation", ["S", "E", "L"], { updateable: false, defaultedOnCreate: true, defaultValue: "S", nillable: false }),
    readOnly("FileExtension", "string", { length: 40 }),
    readOnly("FileType", "string", { length: 20 }),
    readOnly("ContentSize", "int", { label: "Size" }),
    readOnly("VersionNumber", "string", { length: 20 }),
    readOnly("IsLatest", "boolean", { nillable: false, defaultedOnCreate: true }),
  ], { owner: true, deletable: false });

  const document = defineObject("ContentDocument", "069", [
    field("Title", "string", { nillable: false, nameField: true }),
    field("Description", "textarea", { length: 1000 }),
    readOnly("FileExtension", "string", { length: 40 }),
    readOnly("FileType", "string", { length: 20 }),
    readOnly("ContentSize", "int", { label: "Size" }),
    lookup("LatestPublishedVersionId", ["ContentVersion"], { createable: false, updateable: false }),
  ], { owner: true, createable: false });

  const link = defineObject("ContentDocumentLink", "06A", [
    required("ContentDocumentId", "reference", { referenceTo: ["ContentDocument"], relationshipName: "ContentDocument", updateable: false, cascadeDelete: true }),
    required("LinkedEntityId", "reference", { referenceTo: LINK_TARGETS, relationshipName: "LinkedEntity", updateable: false, cascadeDelete: true }),
    picklist("ShareType", ["V", "C", "I"], { nillable: false, defaultedOnCreate: true, defaultValue: "V", restrictedPicklist: true }),
    picklist("Visibility", ["AllUsers", "InternalUsers", "SharedUsers"], { nillable: false, defaultedOnCreate: true, defaultValue: "AllUsers", restrictedPicklist: true }),
  ], { label: "Content Document Link" });

  const note = defineObject("ContentNote", "069", [
    required("Title", "string", { nameField: true }),
    field("Content", "base64"),
    readOnly("TextPreview", "string"),
    readOnly("FileType", "string", { length: 20 }),
    readOnly("FileExtension", "string", { length: 40 }),
    readOnly("ContentSize", "int", { label: "Size" }),
    lookup("LatestPublishedVersionId", ["ContentVersion"], { createable: false, updateable: false }),
  ], { owner: true, label: "Note" });

  return [version, document, link, note];
}
