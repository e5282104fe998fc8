/**
 * Salesforce-shaped errors. Top-level REST errors are `[{message, errorCode, fields}]`;
 * per-record results (collections, Bulk `sf__Error`) carry the same codes as `statusCode`.
 * Messages follow the real org's wording — which does quote values (e.g. STRING_TOO_LONG),
 * so the product must never log them unredacted.
 */

/** A failure of one whole HTTP request. */
export class SfError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly fields: readonly string[] = [],
  ) {
    super(message);
  }
}

/** A failure of one record inside a request; becomes a 400 when the request had one record. */
export class RecordError extends Error {
  constructor(
    readonly statusCode: string,
    message: string,
    readonly fields: readonly string[] = [],
  ) {
    super(message);
  }
}

export interface RecordErrorBody {
  readonly statusCode: string;
  readonly message: string;
  readonly fields: readonly string[];
}

export const recordErrorBody = (e: RecordError): RecordErrorBody => ({ statusCode: e.statusCode, message: e.message, fields: e.fields });

/** The REST body `[{message, errorCode, fields}]`. */
export const restErrorBody = (e: { readonly errorCode: string; readonly message: string; readonly fields: readonly string[] }): string =>
  JSON.stringify([{ message: e.message, errorCode: e.errorCode, fields: e.fields }]);

/** A record error raised by a single-record endpoint becomes a 400 (404 for the not-found kinds). */
export function recordToSfError(e: RecordError): SfError {
  const status = e.statusCode === "NOT_FOUND" || e.statusCode === "ENTITY_IS_DELETED" ? 404 : 400;
  return new SfError(status, e.statusCode, e.message, e.fields);
}

export const notFound = (): SfError => new SfError(404, "NOT_FOUND", "The requested resource does not exist");
export const entityDeleted = (): RecordError => new RecordError("ENTITY_IS_DELETED", "entity is deleted");
export const invalidSession = (): SfError => new SfError(401, "INVALID_SESSION_ID", "Session expired or invalid");
export const unsupportedType = (type: string): SfError => new SfError(404, "NOT_FOUND", `The requested resource does not exist`, [type]);
export const jsonParserError = (detail: string): SfError => new SfError(400, "JSON_PARSER_ERROR", detail);
export const methodNotAllowed = (method: string): SfError =>
  new SfError(405, "METHOD_NOT_ALLOWED", `HTTP Method '${method}' not allowed. Allowed are GET,PATCH,DELETE,HEAD`);

export const requiredMissing = (fields: readonly string[]): RecordError =>
  new RecordError("REQUIRED_FIELD_MISSING", `Required fields are missing: [${fields.join(", ")}]`, fields);

export const noSuchColumn = (field: string, object: string): RecordError =>
  new RecordError("INVALID_FIELD", `No such column '${field}' on sobject of type ${object}`, [field]);

export const notWritable = (fields: readonly string[]): RecordError =>
  new RecordError(
    "INVALID_FIELD_FOR_INSERT_UPDATE",
    `Unable to create/update fields: ${fields.join(", ")}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
    fields,
  );

export const malformedId = (label: string, value: string, field: string): RecordError =>
  new RecordError("MALFORMED_ID", `${label}: id value of incorrect type: ${value}`, [field]);

export const crossReference = (field: string): RecordError =>
  new RecordError("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", [field]);

export const duplicateValue = (field: string, otherId: string): RecordError =>
  new RecordError("DUPLICATE_VALUE", `duplicate value found: ${field} duplicates value on record with id: ${otherId}`, [field]);

export const unableToLock = (id: string): RecordError =>
  new RecordError("UNABLE_TO_LOCK_ROW", `unable to obtain exclusive access to this record or 1 records: ${id}`, []);

/** Anything thrown that is not ours is a sandbox bug: a 500 with the real "unknown" shape. */
export function toSfError(e: unknown): SfError {
  if (e instanceof SfError) return e;
  if (e instanceof RecordError) return recordToSfError(e);
  return new SfError(500, "UNKNOWN_EXCEPTION", "An unexpected error occurred. Please include this ErrorId if you contact support: sandbox");
}
