/**
 * Parses an HTTP `Retry-After` value into milliseconds: either delta-seconds ("7") or an
 * HTTP-date. Returns undefined when absent or unreadable, so the caller falls back to backoff.
 */
export function parseRetryAfter(
  value: string | number | readonly string[] | undefined | null,
  now: number = Date.now(),
): number | undefined {
  if (value === undefined || value === null) return undefined;
  // Node gives repeated headers as arrays; the first one wins.
  const raw = Array.isArray(value) ? value[0] : value;
  if (typeof raw === "number") return Number.isFinite(raw) && raw >= 0 ? Math.round(raw * 1000) : undefined;
  if (typeof raw !== "string") return undefined;
  const text = raw.trim();
  if (text === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // An HTTP-date always names a weekday or month; this keeps "-3" from parsing as a year.
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}
