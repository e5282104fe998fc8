import type { TargetFailure } from "../../contracts/target.js";
import { parseRetryAfter } from "../../support/retry-after.js";
import type { RetryVerdict } from "../../support/retry-loop.js";

/**
 * Reading errors that came back from Dataverse (through dynamics-web-api) into our terms.
 * The vendor's message is only mined for a column name; it is never passed on, because
 * Dataverse sometimes echoes a submitted value in it (PHI).
 */

/** The fields of an error object the library gives us (thrown, or one part of a $batch). */
export interface VendorError {
  readonly status?: number;
  readonly code?: string;
  readonly message?: string;
  readonly headers?: Readonly<Record<string, string | readonly string[] | undefined>>;
}

/** Our code for failures we find before sending anything (no vendor code exists). */
export const LOCAL_CODE = "local";

/** Vendor codes we know, keyed lowercase: our wording, and whether a retry can help. */
const known: Readonly<Record<string, { readonly reason: string; readonly transient: boolean }>> = {
  "0x80044331": { reason: "a value is longer than the column allows", transient: false },
  "0x80040217": { reason: "a referenced row does not exist", transient: false },
  "0x80040237": { reason: "duplicate key", transient: false },
  "0x80048d19": { reason: "unknown column or lookup", transient: false },
  "0x8004431a": { reason: "value not in the choice list", transient: false },
  "0x80060891": { reason: "no row has these key values", transient: false },
  "0x80060882": { reason: "the row changed since it was read", transient: false },
  "0x80040203": { reason: "a required value is missing or invalid", transient: false },
  "0x80040265": { reason: "a business rule or plug-in refused the change", transient: false },
  "0x80072322": { reason: "throttled: too many requests", transient: true },
  "0x80072321": { reason: "throttled: too much execution time", transient: true },
  "0x80072326": { reason: "throttled: too many concurrent requests", transient: true },
};

const networkCodes = new Set([
  "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EAI_AGAIN", "ENOTFOUND", "EHOSTUNREACH",
  "ENETUNREACH", "ECONNABORTED", "UND_ERR_SOCKET", "ERR_STREAM_PREMATURE_CLOSE",
]);

/** Normalizes both shapes: a thrown request error carries code/message on itself; a failed
 * $batch part carries them under `.error` (the library copies the parsed body's keys). */
export function asVendorError(error: unknown): VendorError {
  if (typeof error !== "object" || error === null) return {};
  const e = error as VendorError & { readonly error?: { readonly code?: unknown; readonly message?: unknown } };
  const inner = e.error;
  if (typeof inner !== "object" || inner === null) return e;
  return {
    status: e.status,
    headers: e.headers,
    code: typeof inner.code === "string" ? inner.code : e.code,
    message: typeof inner.message === "string" ? inner.message : e.message,
  };
}

/** A request that never got an HTTP answer (socket, DNS, timeout). */
export function isNetworkError(error: unknown): boolean {
  const e = asVendorError(error);
  if (e.status !== undefined) return false;
  return typeof e.code === "string" && (networkCodes.has(e.code) || /^E[A-Z]+$/.test(e.code));
}

export function isAuthError(error: unknown): boolean {
  const status = asVendorError(error).status;
  return status === 401 || status === 403;
}

export function retryAfterMs(error: unknown): number | undefined {
  const headers = asVendorError(error).headers;
  if (!headers) return undefined;
  const value = headers["retry-after"] ?? headers["Retry-After"];
  return parseRetryAfter(value);
}

/** How the retry loop should treat an error: 429 → throttle, 5xx/network → transient. */
export function classify(error: unknown): RetryVerdict {
  const e = asVendorError(error);
  if (e.status === 429) return { kind: "throttle", retryAfterMs: retryAfterMs(error) };
  if (isNetworkError(error)) return { kind: "transient" };
  if (e.status !== undefined && e.status >= 500) return { kind: "transient" };
  return { kind: "fatal" };
}

function statusReason(status: number | undefined): { reason: string; transient: boolean } {
  if (status === undefined) return { reason: "no answer from the target", transient: true };
  if (status === 429) return { reason: "throttled", transient: true };
  if (status >= 500) return { reason: `the target failed (HTTP ${status})`, transient: true };
  if (status === 401 || status === 403) return { reason: "credentials refused", transient: false };
  if (status === 404) return { reason: "row not found", transient: false };
  if (status === 412) return { reason: "a precondition failed (row exists or changed)", transient: false };
  return { reason: `the target rejected the request (HTTP ${status})`, transient: false };
}

/** Column names as Dataverse quotes them in its messages. Values are never in these positions. */
const fieldPatterns: readonly RegExp[] = [
  /The length of the '([A-Za-z_][\w]*)' attribute/,
  /property '([A-Za-z_][\w]*)(?:@odata\.bind)?' (?:does not exist|which only has)/,
  /undeclared property '([A-Za-z_][\w]*)(?:@odata\.bind)?'/,
  /Could not find a property named '([A-Za-z_][\w]*)'/,
  /of '([A-Za-z_][\w]*)' on record/,
  /attribute '([A-Za-z_][\w]*)'/i,
  /'([A-Za-z_][\w]*)' attribute/i,
  /column '([A-Za-z_][\w]*)'/i,
];

/**
 * The column a vendor message blames. `aliases` maps names the message may use (navigation
 * properties) to our column names; when `known` is given, only those names are accepted.
 */
export function blamedField(
  message: string | undefined,
  aliases: ReadonlyMap<string, string> = new Map(),
  known?: ReadonlySet<string>,
): string | undefined {
  if (!message) return undefined;
  for (const pattern of fieldPatterns) {
    const name = pattern.exec(message)?.[1];
    if (!name) continue;
    const mapped = aliases.get(name) ?? aliases.get(name.toLowerCase()) ?? name.toLowerCase();
    if (!known || known.has(mapped)) return mapped;
  }
  return undefined;
}

/** Our TargetFailure for a vendor error: vendor code, our reason, transient flag, blamed column. */
export function toFailure(
  error: unknown,
  context: { readonly aliases?: ReadonlyMap<string, string>; readonly known?: ReadonlySet<string> } = {},
): TargetFailure {
  const e = asVendorError(error);
  if (isNetworkError(error)) {
    return { vendorCode: String(e.code), reason: "no answer from the target", transient: true };
  }
  const code = typeof e.code === "string" && e.code !== "" ? e.code : e.status !== undefined ? `HTTP ${e.status}` : "unknown";
  const mapped = known[code.toLowerCase()];
  // "0x0" is Dataverse's code for query errors; the message pattern is the only clue.
  const unknownProperty = code === "0x0" && /Could not find a property/.test(e.message ?? "");
  const { reason, transient } = mapped
    ?? (unknownProperty ? { reason: "unknown column", transient: false } : statusReason(e.status));
  const field = blamedField(e.message, context.aliases, context.known);
  return { vendorCode: code, reason, transient: transient || e.status === 429 || (e.status ?? 0) >= 500, ...(field ? { field } : {}) };
}

/** Text safe to show for an unreachable target: a status or socket code, never a message. */
export function unreachableReason(error: unknown): string {
  const e = asVendorError(error);
  if (e.status !== undefined) return `HTTP ${e.status}`;
  if (typeof e.code === "string" && e.code !== "") return e.code;
  return error instanceof Error ? error.name : "unknown error";
}
