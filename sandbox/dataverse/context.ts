/** Request/response shapes shared by the HTTP layer, $batch and the handlers. */
export interface DvRequest {
  readonly method: string;
  /** Path relative to the service root (`contacts(…)`), still percent-encoded. */
  readonly path: string;
  /** Raw query string without `?`. */
  readonly query: string;
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** `http://<Host>/api/data/v9.2/` — every absolute URL we emit starts with this. */
  readonly baseUrl: string;
  /** Change-set Content-ID → entity path (`contacts(guid)`), for `$n` references. */
  readonly contentIds?: ReadonlyMap<string, string>;
}

export interface DvResponse {
  status: number;
  headers: Record<string, string>;
  body?: string;
  /** For creates/upserts inside a change set: the entity path for later `$n` refs. */
  entityPath?: string;
}

export const JSON_TYPE = "application/json; odata.metadata=minimal";

export interface Preferences {
  readonly returnRepresentation: boolean;
  readonly maxPageSize?: number;
  readonly annotations?: string;
  readonly continueOnError: boolean;
}

/** Parses `Prefer` (comma list; annotation lists are quoted and may contain commas). */
export function parsePrefer(header: string | undefined): Preferences {
  let returnRepresentation = false;
  let continueOnError = false;
  let maxPageSize: number | undefined;
  let annotations: string | undefined;
  const items = (header ?? "").match(/(?:[^,"]+|"[^"]*")+/g) ?? [];
  for (const raw of items) {
    const item = raw.trim();
    if (item === "return=representation") returnRepresentation = true;
    else if (item === "odata.continue-on-error") continueOnError = true;
    else if (item.startsWith("odata.maxpagesize=")) {
      const n = Number(item.slice("odata.maxpagesize=".length).replace(/"/g, ""));
      if (Number.isInteger(n) && n > 0) maxPageSize = n;
    } else if (item.startsWith("odata.include-annotations=")) {
      annotations = item.slice("odata.include-annotations=".length).replace(/"/g, "");
    }
  }
  return { returnRepresentation, continueOnError, maxPageSize, annotations };
}

/** True when the requested annotation list covers `name` (`*`, exact, or `prefix.*`). */
export function annotationMatcher(list: string | undefined): ((name: string) => boolean) | undefined {
  if (!list) return undefined;
  const patterns = list.split(",").map((p) => p.trim()).filter(Boolean);
  return (name) =>
    patterns.some((p) => p === "*" || p === name || (p.endsWith(".*") && name.startsWith(p.slice(0, -1))));
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): DvResponse {
  return { status, headers: { "Content-Type": JSON_TYPE, ...headers }, body: JSON.stringify(body) };
}
