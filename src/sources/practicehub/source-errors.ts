/**
 * Errors and issues the PracticeHub reader raises, in one place. Parameters are endpoints, statuses, row
 * numbers and the API's own error codes — never a record's values.
 */
import { HandoverError, issue, type Issue } from "../../contracts/handover-error.js";

/** HO-SRC-014 (transient): retries exhausted. */
export function apiUnavailable(endpoint: string, attempts: number, reason: string, cause?: unknown): HandoverError {
  return new HandoverError("HO-SRC-014", { endpoint, attempts, reason }, cause === undefined ? {} : { cause });
}

/** HO-SRC-015 (config): the API said no. */
export function apiRefused(endpoint: string, status: number, code: string): HandoverError {
  return new HandoverError("HO-SRC-015", { endpoint, status, code });
}

/** HO-SRC-016 (config): no such object. */
export function unknownTable(baseUrl: string, table: string): HandoverError {
  return new HandoverError("HO-SRC-016", { path: baseUrl, table });
}

export function badCheckpoint(file: string, reason: string): HandoverError {
  return new HandoverError("HO-SRC-008", { file, reason });
}

/** An API list item that is not a JSON object (null, a truncated JSON string): malformed JSON. */
export function notAnObject(file: string, row: number, reason: string): Issue {
  return issue("HO-SRC-012", { file, row, reason: `the item is ${reason}, not an object` });
}

export function missingKey(file: string, row: number, field: string): Issue {
  return issue("HO-SRC-005", { file, row, field });
}

/** The API's own error code from an error body (`{ error: { code } }`), if it looks like one. */
export function apiErrorCode(body: unknown): string {
  const code = (body as { error?: { code?: unknown } } | null)?.error?.code;
  return typeof code === "string" && /^[a-z0-9_]{1,40}$/.test(code) ? code : "";
}
