/**
 * Salesforce error codes → our TargetFailure. Salesforce messages quote submitted values
 * (STRING_TOO_LONG: "data value too large: <value>"), so a message is never copied: the reason is
 * our own wording for the code, and only the `fields` list (API names, never values) is kept.
 *
 * Codes: REST API Developer Guide "Status Codes and Error Responses"
 * (developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm) and the
 * SOAP API "StatusCode" enum (api.meta/api/sforce_api_calls_concepts_core_data_objects.htm).
 */
import type { TargetFailure } from "../../contracts/target.js";

/** Failures we detect ourselves, before or after sending. */
export const LOCAL_CODE = "local";

const known: Readonly<Record<string, { readonly reason: string; readonly transient: boolean }>> = {
  STRING_TOO_LONG: { reason: "a value is longer than the field allows", transient: false },
  REQUIRED_FIELD_MISSING: { reason: "a required value is missing", transient: false },
  INVALID_FIELD: { reason: "unknown field, or a referenced row does not exist", transient: false },
  INVALID_FIELD_FOR_INSERT_UPDATE: { reason: "the field can't be set by this call or this user", transient: false },
  DUPLICATE_VALUE: { reason: "a unique field already holds this value on another row", transient: false },
  DUPLICATE_EXTERNAL_ID: { reason: "several rows share this key", transient: false },
  INVALID_CROSS_REFERENCE_KEY: { reason: "a referenced row does not exist", transient: false },
  MALFORMED_ID: { reason: "a reference is not a valid id for its field", transient: false },
  FIELD_INTEGRITY_EXCEPTION: { reason: "a reference points at a row of the wrong kind, or a value breaks a field rule", transient: false },
  INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST: { reason: "value not in the picklist", transient: false },
  INVALID_TYPE_ON_FIELD_IN_RECORD: { reason: "a value is not of the field's type", transient: false },
  INVALID_EMAIL_ADDRESS: { reason: "not a valid email address", transient: false },
  INACTIVE_OWNER_OR_USER: { reason: "the owner is an inactive user", transient: false },
  ENTITY_IS_DELETED: { reason: "the row or a referenced row is deleted", transient: false },
  NOT_FOUND: { reason: "row not found", transient: false },
  INVALID_TYPE: { reason: "the object does not allow this operation", transient: false },
  FIELD_CUSTOM_VALIDATION_EXCEPTION: { reason: "a validation rule refused the row", transient: false },
  CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY: { reason: "a trigger or flow refused the row", transient: false },
  DUPLICATES_DETECTED: { reason: "a duplicate rule refused the row", transient: false },
  INSUFFICIENT_ACCESS_OR_READONLY: { reason: "the running user may not change this row", transient: false },
  INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY: { reason: "the running user may not use a referenced row", transient: false },
  DUPLICATE_DEVELOPER_NAME: { reason: "the name is already taken", transient: false },
  ALL_OR_NONE_OPERATION_ROLLED_BACK: { reason: "rolled back with another row of its request", transient: true },
  UNABLE_TO_LOCK_ROW: { reason: "a related row was locked by another request", transient: true },
  REQUEST_RUNNING_TOO_LONG: { reason: "the request ran too long", transient: true },
  SERVER_UNAVAILABLE: { reason: "the target is unavailable", transient: true },
  UNKNOWN_EXCEPTION: { reason: "the target failed internally", transient: true },
};

/** Socket-level failures (no HTTP answer). */
const networkCodes = new Set([
  "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EAI_AGAIN", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH",
  "ENETDOWN", "EHOSTDOWN", "UND_ERR_SOCKET", "UND_ERR_CONNECT_TIMEOUT",
]);

/** What a thrown jsforce error carries: `errorCode` (REST `errorCode`), `name`, sometimes `code`. */
export function vendorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const e = error as { errorCode?: unknown; code?: unknown; cause?: { code?: unknown } };
  if (typeof e.errorCode === "string" && e.errorCode !== "") return e.errorCode;
  if (typeof e.code === "string" && e.code !== "") return e.code;
  if (typeof e.cause?.code === "string") return e.cause.code;
  return undefined;
}

/** A request that never got an HTTP answer (refused, reset, DNS, timeout). */
export function isNetworkError(error: unknown): boolean {
  const code = vendorCode(error);
  if (code && networkCodes.has(code)) return true;
  // undici wraps socket failures as TypeError("fetch failed") with the reason in `cause`.
  return error instanceof TypeError && /fetch failed/i.test(error.message);
}

export const isAuthError = (error: unknown): boolean => {
  const code = vendorCode(error);
  return code === "INVALID_SESSION_ID" || code === "invalid_grant" || code === "invalid_client" || code === "invalid_client_id" || code === "ERROR_HTTP_401";
};

export const isLimitError = (error: unknown): boolean => vendorCode(error) === "REQUEST_LIMIT_EXCEEDED";

/** 5xx without a JSON body ("ERROR_HTTP_503") or a transient platform code. */
export function isTransientError(error: unknown): boolean {
  if (isNetworkError(error)) return true;
  const code = vendorCode(error) ?? "";
  return /^ERROR_HTTP_5\d\d$/.test(code) || known[code]?.transient === true;
}

/**
 * Our failure for a Salesforce error code (a per-record `statusCode` or a thrown `errorCode`).
 * @example failureOf("STRING_TOO_LONG", ["Phone"]) → { vendorCode: "STRING_TOO_LONG", reason: "a value is longer…", transient: false, field: "Phone" }
 */
export function failureOf(code: string, fields: readonly string[] = []): TargetFailure {
  const mapped = known[code] ?? (/^ERROR_HTTP_5/.test(code) ? { reason: "the target failed", transient: true } : { reason: "the target refused the row", transient: false });
  const field = fields.find((f) => /^[A-Za-z][\w.]*$/.test(f));
  return { vendorCode: code, reason: mapped.reason, transient: mapped.transient, ...(field ? { field } : {}) };
}

/** Our failure for a thrown error (network, HTTP error of a whole request). */
export function toFailure(error: unknown): TargetFailure {
  if (isNetworkError(error)) return { vendorCode: vendorCode(error) ?? "network", reason: "no answer from the target", transient: true };
  const fields = (error as { data?: { fields?: unknown } } | null)?.data?.fields;
  return failureOf(vendorCode(error) ?? "unknown", Array.isArray(fields) ? fields.filter((f): f is string => typeof f === "string") : []);
}

/** Per-record errors as collections return them: `[{statusCode, message, fields}]`. */
export interface RecordError {
  readonly statusCode?: string;
  readonly errorCode?: string;
  readonly fields?: readonly string[];
}

export function recordFailure(errors: readonly RecordError[] | undefined): TargetFailure {
  const first = errors?.[0];
  return failureOf(first?.statusCode ?? first?.errorCode ?? "unknown", first?.fields ?? []);
}

/** Text safe to show for an unreachable target: a code, never a message. */
export function unreachableReason(error: unknown): string {
  return vendorCode(error) ?? (error instanceof Error ? error.name : "unknown error");
}
