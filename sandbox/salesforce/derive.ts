/**
 * Fields a real org computes (Contact.Name, Opportunity.IsWon, Event end/duration,
 * ContentVersion file facts) and per-object rules that are not plain field checks.
 */
import { RecordError, duplicateValue, requiredMissing } from "./errors.js";
import type { Row, SfValue } from "./field-def.js";
import { keyPrefixOf } from "./ids.js";
import type { ObjectDef } from "./object-def.js";
import { OPPORTUNITY_STAGES } from "./objects-sales.js";
import type { OrgStore } from "./store.js";
import { formatDateTime } from "./values.js";

const FILE_TYPES: Readonly<Record<string, string>> = {
  pdf: "PDF", png: "PNG", jpg: "JPG", jpeg: "JPEG", gif: "GIF", txt: "TEXT", csv: "CSV", doc: "WORD", docx: "WORD_X",
  xls: "EXCEL", xlsx: "EXCEL_X", zip: "ZIP", xml: "XML", html: "HTML", json: "JSON", rtf: "RTF", tif: "TIFF", tiff: "TIFF", snote: "SNOTE",
};

const fullName = (r: Row): string => [r.FirstName, r.LastName].filter((p) => typeof p === "string" && p !== "").join(" ");
const decodedSize = (b64: SfValue | undefined): number => (typeof b64 === "string" ? Buffer.from(b64, "base64").length : 0);
const toMs = (dt: SfValue | undefined): number => (typeof dt === "string" ? Date.parse(dt.replace(/\+0000$/, "Z")) : Number.NaN);

function deriveEvent(row: Record<string, SfValue | undefined>, prev: Row | undefined): void {
  if (row.IsAllDayEvent === true) {
    row.ActivityDate ??= typeof row.StartDateTime === "string" ? row.StartDateTime.slice(0, 10) : null;
    if (row.ActivityDate === null) throw requiredMissing(["ActivityDate"]);
    row.StartDateTime = `${String(row.ActivityDate)}T00:00:00.000+0000`;
    row.ActivityDateTime = row.StartDateTime;
    row.DurationInMinutes = 1440;
    row.EndDateTime = formatDateTime(new Date(toMs(row.StartDateTime) + 1440 * 60_000));
    return;
  }
  if (row.StartDateTime === null && row.ActivityDateTime !== null) row.StartDateTime = row.ActivityDateTime;
  if (prev && row.ActivityDateTime !== prev.ActivityDateTime && row.StartDateTime === prev.StartDateTime) row.StartDateTime = row.ActivityDateTime;
  if (row.StartDateTime === null) throw requiredMissing(["ActivityDateTime"]);
  const start = toMs(row.StartDateTime);
  const durationChanged = !prev || row.DurationInMinutes !== prev.DurationInMinutes;
  const endChanged = !prev || row.EndDateTime !== prev.EndDateTime;
  if (typeof row.DurationInMinutes === "number" && (durationChanged || !endChanged)) {
    row.EndDateTime = formatDateTime(new Date(start + row.DurationInMinutes * 60_000));
  } else if (row.EndDateTime !== null) {
    row.DurationInMinutes = Math.round((toMs(row.EndDateTime) - start) / 60_000);
  } else {
    throw requiredMissing(["DurationInMinutes"]);
  }
  if (Number(row.DurationInMinutes) < 0) {
    throw new RecordError("FIELD_INTEGRITY_EXCEPTION", "End Date Time: End time can't be before the start time.", ["EndDateTime"]);
  }
  row.ActivityDateTime = row.StartDateTime;
  row.ActivityDate = String(row.StartDateTime).slice(0, 10);
}

/** Returns `row` with computed fields filled in (for inserts `prev` is undefined). */
export function deriveFields(obj: ObjectDef, input: Row, prev: Row | undefined): Row {
  const row: Record<string, SfValue | undefined> = { ...input };
  switch (obj.name) {
    case "Contact": case "Lead":
      row.Name = fullName(row);
      break;
    case "User":
      row.Name = fullName(row);
      row.Alias ??= `${String(row.FirstName ?? "").slice(0, 1)}${String(row.LastName ?? "").slice(0, 4)}`.toLowerCase().slice(0, 8);
      break;
    case "Opportunity": {
      const stage = String(row.StageName ?? "");
      const stageChanged = !prev || prev.StageName !== row.StageName;
      if (stageChanged && (row.Probability === null || (prev && prev.Probability === row.Probability))) row.Probability = OPPORTUNITY_STAGES.get(stage) ?? null;
      row.IsClosed = stage.startsWith("Closed");
      row.IsWon = stage === "Closed Won";
      break;
    }
    case "Task":
      row.IsClosed = row.Status === "Completed";
      if (row.IsClosed && !prev?.IsClosed) row.CompletedDateTime = row.LastModifiedDate ?? null;
      if (!row.IsClosed) row.CompletedDateTime = null;
      break;
    case "Event":
      deriveEvent(row, prev);
      break;
    case "ContentVersion": {
      if (!prev && row.VersionData === null) throw requiredMissing(["VersionData"]);
      const path = String(row.PathOnClient ?? "");
      const dot = path.lastIndexOf(".");
      const ext = dot > 0 ? path.slice(dot + 1).toLowerCase() : "";
      row.FileExtension = ext || null;
      row.FileType = FILE_TYPES[ext] ?? "UNKNOWN";
      row.Title ??= (dot > 0 ? path.slice(0, dot) : path).split(/[\\/]/).pop() ?? path;
      row.ContentSize = decodedSize(row.VersionData);
      row.IsLatest ??= true;
      break;
    }
    case "ContentNote": {
      const text = typeof row.Content === "string" ? Buffer.from(row.Content, "base64").toString("utf8") : "";
      Object.assign(row, { FileType: "SNOTE", FileExtension: "snote", ContentSize: decodedSize(row.Content) });
      row.TextPreview = text.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim().slice(0, 255) || null;
      break;
    }
    default:
  }
  return row;
}

/** Cross-field and cross-record rules; throws RecordError. */
export function validateRules(store: OrgStore, obj: ObjectDef, row: Row): void {
  if ((obj.name === "Task" || obj.name === "Event") && typeof row.WhoId === "string" && keyPrefixOf(row.WhoId) === "00Q" && row.WhatId !== null) {
    throw new RecordError("FIELD_INTEGRITY_EXCEPTION", "Related To ID: id value of incorrect type: a Lead can't be related to a record", ["WhatId"]);
  }
  if (obj.name === "AccountContactRelation") {
    const twin = store.findBy(obj, "ContactId", row.ContactId ?? null).find((r) => r.AccountId === row.AccountId && r.Id !== row.Id);
    if (twin) throw duplicateValue("AccountId", String(twin.Id));
  }
  if (obj.name === "ContentDocumentLink") {
    const twin = store.findBy(obj, "ContentDocumentId", row.ContentDocumentId ?? null).find((r) => r.LinkedEntityId === row.LinkedEntityId && r.Id !== row.Id);
    if (twin) {
      throw new RecordError("DUPLICATE_VALUE", `Document with ID: ${String(row.ContentDocumentId)} is already linked with the entity with ID: ${String(row.LinkedEntityId)}`, []);
    }
  }
}
