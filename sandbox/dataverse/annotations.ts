/** Note (annotation) rules: base64 documentbody, computed filesize, org attachment size limit. */
import { DvError } from "./errors.js";
import { isLookupValue } from "./model.js";
import type { Row } from "./model.js";
import type { Store } from "./store.js";

/**
 * Too large: AttachmentBlocked 0x80043e09 "The attachment is either not a valid type or is too
 * large. It cannot be uploaded or downloaded." (Learn: data-service-errors / file size limits).
 * The limit is Organization.maxuploadfilesize, compared with the decoded byte count.
 */
const attachmentBlocked = (): DvError =>
  new DvError(400, "0x80043e09", "The attachment is either not a valid type or is too large. It cannot be uploaded or downloaded.");

/** Emulator choice: 400 0x80040203 with .NET's Convert.FromBase64String wording (the value is not echoed). */
const notBase64 = (): DvError =>
  new DvError(
    400,
    "0x80040203",
    "The input is not a valid Base-64 string as it contains a non-base 64 character, more than two padding characters, or an illegal character among the padding characters.",
  );

/** Decoded byte count of a base64 string (whitespace ignored like .NET does); throws if malformed. */
export function base64Size(text: string): number {
  const s = text.replace(/\s+/g, "");
  if (s.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(s)) throw notBase64();
  const padding = s.endsWith("==") ? 2 : s.endsWith("=") ? 1 : 0;
  return (s.length / 4) * 3 - padding;
}

export function finalizeAnnotation(store: Store, row: Row, body: Readonly<Record<string, unknown>>): void {
  if ("documentbody" in body) {
    const doc = row.documentbody;
    if (typeof doc === "string" && doc !== "") {
      const size = base64Size(doc);
      if (size > store.settings.maxUploadFileSize) throw attachmentBlocked();
      row.filesize = size;
      row.isdocument = true;
    } else {
      row.filesize = 0;
    }
  }
  if (isLookupValue(row.objectid)) row.objecttypecode = row.objectid.table;
}
