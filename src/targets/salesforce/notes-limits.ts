/**
 * What one note holds on Salesforce. A ContentNote's body is a blob with no character cap of its
 * own; what bounds it is the REST request: a non-multipart body carries at most "50 MB of text
 * data or 37.5 MB of base64–encoded data" (REST API Developer Guide, "Insert or Update Blob
 * Data": developer.salesforce.com/docs/platform/api-rest/guide/dome-sobject-insert-update-blob.html).
 * Escaping can grow a character to six bytes (`"` → `&quot;`), so 5,000,000 characters stay
 * under 37.5 MB whatever they are — far beyond any clinical note, so texts are never split.
 * Files go to ContentVersion, multipart above JSON_FILE_MAX; the same page: "the maximum file size
 * for uploads is 2 GB for ContentVersion objects".
 */
import type { NoteLimits } from "../../contracts/target.js";

export const NOTE_TEXT_MAX = 5_000_000;
export const FILE_MAX_BYTES = 2 * 1024 ** 3;
/** Above this, files go multipart rather than base64 inside JSON (37.5 MB cap, with headroom). */
export const JSON_FILE_MAX = 30 * 1024 ** 2;
/** ContentNote.Title and ContentVersion.Title are 255 characters. */
export const TITLE_MAX = 255;

export const NOTE_LIMITS: NoteLimits = { table: "ContentNote", maxTextLength: NOTE_TEXT_MAX, maxFileBytes: FILE_MAX_BYTES };
