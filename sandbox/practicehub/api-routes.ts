/** The PracticeHub REST endpoints behind auth, region routing and the rate limit (see server.ts). */
import { CursorError } from "./paging.js";
import { objectSpec, objectSpecs } from "./schema.js";
import type { AccountStore } from "./store.js";

export interface ApiResponse {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** A binary answer (a file download): sent as is, with its type, instead of `body` as JSON. */
  readonly file?: { readonly bytes: Buffer; readonly mimeType: string };
}

export interface ApiContext {
  readonly store: AccountStore;
  readonly account: { readonly id: string; readonly name: string; readonly region: string };
  /** The account's regional base URL, as clients must use it. */
  readonly regionalBase: string;
  /** Called for every list page served, for the sandbox's page log. */
  onPage(object: string, query: URLSearchParams): void;
}

export const defaultPageSize = 100;
export const maxPageSize = 500;

export const apiError = (status: number, code: string, message: string, extra: Record<string, unknown> = {}): ApiResponse => ({
  status,
  body: { error: { code, message, ...extra } },
});

/** `path` is the part from `/v1` on; `query` the parsed query string. */
export function routeApi(ctx: ApiContext, method: string, path: string, query: URLSearchParams): ApiResponse {
  const fileId = /^\/v1\/files\/([A-Za-z0-9_-]+)$/.exec(path)?.[1];
  if (fileId && (method === "GET" || method === "HEAD")) {
    const file = ctx.store.file(fileId);
    return file ? { status: 200, body: null, file } : apiError(404, "not_found", "No such file.");
  }
  if (method !== "GET") return apiError(405, "method_not_allowed", "The API is read-only; use GET.");
  if (path === "/v1/account") return { status: 200, body: { ...ctx.account, api_base_url: ctx.regionalBase } };
  if (path === "/v1/objects") {
    const data = objectSpecs.map((spec) => ({ name: spec.name, key: "id", fields: spec.fields, record_count: ctx.store.count(spec.name) }));
    return { status: 200, body: { data } };
  }
  const size = pageSize(query);
  if (typeof size !== "number") return size;
  if (path === "/v1/deleted") return deleted(ctx, query, size);
  const object = /^\/v1\/([a-z_]+)$/.exec(path)?.[1];
  const spec = object ? objectSpec(object) : undefined;
  if (!object || !spec || !ctx.store.has(object)) return apiError(404, "not_found", "No such endpoint.");
  const since = instant(query, "modified_since");
  if (typeof since === "object") return since;
  const fields = query.get("fields")?.split(",").map((name) => name.trim()).filter(Boolean);
  const unknown = fields?.find((name) => !spec.fields.some((field) => field.name === name));
  if (unknown) return apiError(400, "unknown_field", `fields names a field ${object} doesn't have.`, { field: unknown });
  return paged(() => {
    const cursor = query.get("cursor");
    const out = ctx.store.list(object, { pageSize: size, ...(cursor ? { cursor } : {}), ...(since !== undefined ? { modifiedSinceMs: since } : {}), ...(fields ? { fields } : {}) });
    ctx.onPage(object, query);
    return out;
  });
}

function deleted(ctx: ApiContext, query: URLSearchParams, size: number): ApiResponse {
  const object = query.get("object") ?? undefined;
  if (object !== undefined && !ctx.store.has(object)) return apiError(400, "unknown_object", "object names no object of this account.");
  const since = instant(query, "since");
  if (typeof since === "object") return since;
  return paged(() => ctx.store.deleted(object, since, size, query.get("cursor") ?? undefined));
}

function paged(list: () => { data: unknown[]; next_cursor: string | null }): ApiResponse {
  try {
    return { status: 200, body: list() };
  } catch (error) {
    if (error instanceof CursorError) return apiError(400, "invalid_cursor", error.message);
    throw error;
  }
}

function pageSize(query: URLSearchParams): number | ApiResponse {
  const raw = query.get("page_size");
  if (raw === null) return defaultPageSize;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 1 || size > maxPageSize) return apiError(400, "invalid_page_size", `page_size must be 1..${maxPageSize}.`);
  return size;
}

/** An ISO 8601 instant with a zone (Z or ±hh:mm): a zone-less time is ambiguous, so refused. */
function instant(query: URLSearchParams, name: string): number | undefined | ApiResponse {
  const raw = query.get(name);
  if (raw === null) return undefined;
  const ms = Date.parse(raw);
  if (!/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.test(raw) || Number.isNaN(ms)) {
    return apiError(400, "invalid_timestamp", `${name} must be an ISO 8601 instant with a zone, e.g. 2025-01-31T09:00:00Z.`);
  }
  return ms;
}
