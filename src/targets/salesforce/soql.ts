/**
 * SOQL text helpers. Quoting: SOQL string literals escape `\`, `'`, `"`, newline, carriage
 * return and tab with a backslash (SOQL and SOSL Reference, "Quoted String Escape Sequences":
 * developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_quotedstringescapes.htm).
 */

/** The quoted SOQL literal of `value`. */
export function literal(value: string): string {
  const escaped = value.replace(/[\\'"\n\r\t]/g, (c) => ({ "\\": "\\\\", "'": "\\'", "\"": "\\\"", "\n": "\\n", "\r": "\\r", "\t": "\\t" })[c] ?? c);
  return `'${escaped}'`;
}

/** Keys per IN list: the query travels in the URL of a GET, which Salesforce caps at 16,384
 * characters (REST API Developer Guide, "Query": URI length), so we cap both the count and the
 * encoded length of one list. */
export const KEYS_PER_QUERY = 200;
const MAX_LIST_CHARS = 9_000;

/**
 * Splits values into IN lists that keep the query URL short.
 * @example inLists(["a", "b"]) → ["'a','b'"]
 */
export function inLists(values: readonly string[], perList = KEYS_PER_QUERY): string[] {
  const out: string[] = [];
  let current: string[] = [];
  let chars = 0;
  for (const value of new Set(values)) {
    const text = literal(value);
    const size = encodeURIComponent(text).length + 3;
    if (current.length > 0 && (current.length >= perList || chars + size > MAX_LIST_CHARS)) {
      out.push(current.join(","));
      current = [];
      chars = 0;
    }
    current.push(text);
    chars += size;
  }
  if (current.length > 0) out.push(current.join(","));
  return out;
}

/** `items` in slices of `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Salesforce datetimes ("2024-05-01T13:45:00.000+0000") as ISO text ("2024-05-01T13:45:00Z"). */
export function isoDateTime(value: string): string {
  const ms = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
  return Number.isNaN(ms) ? value : new Date(ms).toISOString().replace(/\.000Z$/, "Z");
}
