/**
 * OData literals for our alternate key. Source keys are arbitrary text, so they are escaped
 * for OData ('' for ') and percent-encoded for the URL: the library splits a key on "," and
 * turns '"' into "'", and strips braces around GUID-like text in binds; encoding avoids all three.
 */
export function keyLiteral(value: string): string {
  return `'${encodeURIComponent(value.replace(/'/g, "''"))}'`;
}

/** `hc_sourcekey='A-1'` as used inside `accounts(…)` and in alternate-key binds. */
export function keySegment(column: string, value: string): string {
  return `${column}=${keyLiteral(value)}`;
}

/** A string literal inside $filter (the library URL-encodes the whole filter itself). */
export function filterLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** `column` equals one of `values`, as the Dataverse In function. */
export function inFilter(column: string, values: readonly string[]): string {
  return `Microsoft.Dynamics.CRM.In(PropertyName='${column}',PropertyValues=[${values.map(filterLiteral).join(",")}])`;
}

/** The same test as an `or` chain, for servers without the In function. */
export function orFilter(column: string, values: readonly string[]): string {
  return values.map((v) => `${column} eq ${filterLiteral(v)}`).join(" or ");
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const guid = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;

/** A target id as Dataverse writes it (lowercase, no braces), or undefined if not a GUID. */
export function normalizeId(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  return guid.exec(value)?.[1]?.toLowerCase();
}
