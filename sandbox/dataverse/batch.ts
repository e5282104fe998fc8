/**
 * OData $batch (spec §6): multipart/mixed parser (LF or CRLF), atomic change sets with
 * Content-ID references, continue-on-error, 1000-operation limit, and a response
 * laid out exactly as dynamics-web-api's parseBatchResponse expects.
 */
import { randomUUID } from "node:crypto";
import { STATUS_CODES } from "node:http";
import { badRequest, errorBody, toDvError } from "./errors.js";
import type { DvRequest, DvResponse } from "./context.js";
import { JSON_TYPE, parsePrefer } from "./context.js";
import type { RouterEnv } from "./router.js";
import { route } from "./router.js";

export const MAX_BATCH_OPERATIONS = 1000;

interface HttpPart {
  readonly contentId?: string;
  readonly method: string;
  readonly target: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}
type BatchItem = { readonly kind: "op"; readonly part: HttpPart } | { readonly kind: "changeset"; readonly parts: readonly HttpPart[] };

function boundaryOf(contentType: string | undefined): string | undefined {
  return /boundary\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? "")?.[1];
}

function parseHeaders(block: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of block.split("\n")) {
    const i = line.indexOf(":");
    if (i > 0) out[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return out;
}

/** Splits a (LF-normalised) multipart body into raw part texts. */
function splitParts(body: string, boundary: string): string[] {
  const pieces = `\n${body}`.split(`\n--${boundary}`);
  const parts: string[] = [];
  for (const piece of pieces.slice(1)) {
    if (piece.startsWith("--")) break;
    parts.push(piece.slice(piece.indexOf("\n") + 1));
  }
  return parts;
}

function splitHead(text: string): [string, string] {
  const t = text.replace(/^\n+/, "");
  const i = t.indexOf("\n\n");
  return i < 0 ? [t, ""] : [t.slice(0, i), t.slice(i + 2)];
}

function parseHttpPart(raw: string): HttpPart {
  const [mimeHead, http] = splitHead(raw);
  const mime = parseHeaders(mimeHead);
  const [head, body] = splitHead(http);
  const [requestLine = "", ...headerLines] = head.split("\n");
  const m = /^([A-Z]+)\s+(\S+)(?:\s+HTTP\/\d\.\d)?\s*$/.exec(requestLine.trim());
  if (!m?.[1] || !m[2]) throw badRequest("The batch request contains an invalid request line.", "0x80060888");
  return { contentId: mime["content-id"], method: m[1], target: m[2], headers: parseHeaders(headerLines.join("\n")), body: body.trim() };
}

export function parseBatch(body: string, contentType: string | undefined): BatchItem[] {
  const boundary = boundaryOf(contentType);
  if (!boundary) throw badRequest("The batch request must have a multipart/mixed boundary.", "0x80060888");
  const items: BatchItem[] = [];
  for (const raw of splitParts(body.replace(/\r\n/g, "\n"), boundary)) {
    const [head, rest] = splitHead(raw);
    const headers = parseHeaders(head);
    const inner = boundaryOf(headers["content-type"]);
    if (headers["content-type"]?.toLowerCase().startsWith("multipart/mixed") && inner) {
      items.push({ kind: "changeset", parts: splitParts(rest, inner).map(parseHttpPart) });
    } else {
      items.push({ kind: "op", part: parseHttpPart(raw) });
    }
  }
  return items;
}

/** Resolves absolute, root-relative, relative and `$n` targets to a service-root path + query. */
function resolveTarget(target: string, contentIds: ReadonlyMap<string, string>): { path: string; query: string } {
  let t = target;
  if (t.startsWith("$")) {
    const m = /^\$([^/?]+)(.*)$/.exec(t);
    const resolved = m?.[1] ? contentIds.get(m[1]) : undefined;
    if (resolved === undefined) throw badRequest(`Content-ID Reference: '${t.split("/")[0] ?? t}' does not exist in the batch context.`);
    t = resolved + (m?.[2] ?? "");
  } else {
    const api = t.indexOf("/api/data/v");
    if (api >= 0) t = t.slice(api).replace(/^\/api\/data\/v[\d.]+\//, "");
  }
  const q = t.indexOf("?");
  return q < 0 ? { path: t, query: "" } : { path: t.slice(0, q), query: t.slice(q + 1) };
}

function runPart(env: RouterEnv, outer: DvRequest, part: HttpPart, contentIds: Map<string, string>): DvResponse {
  let resolved: { path: string; query: string };
  try {
    resolved = resolveTarget(part.target, contentIds);
  } catch (e) {
    return errorPart(e);
  }
  const res = route(env, {
    method: part.method,
    path: resolved.path,
    query: resolved.query,
    headers: { ...part.headers, authorization: outer.headers.authorization ?? "" },
    body: part.body,
    baseUrl: outer.baseUrl,
    contentIds,
  });
  if (part.contentId !== undefined && res.entityPath) contentIds.set(part.contentId, res.entityPath);
  return res;
}

function errorPart(e: unknown): DvResponse {
  const err = toDvError(e);
  return { status: err.status, headers: { "Content-Type": JSON_TYPE, ...err.headers }, body: errorBody(err) };
}

function renderHttp(res: DvResponse, contentId: string | undefined): string {
  const lines = ["Content-Type: application/http", "Content-Transfer-Encoding: binary"];
  if (contentId !== undefined) lines.push(`Content-ID: ${contentId}`);
  lines.push("", `HTTP/1.1 ${res.status} ${STATUS_CODES[res.status] ?? ""}`);
  const headers: Record<string, string> = { ...res.headers, "OData-Version": "4.0" };
  for (const [k, v] of Object.entries(headers)) lines.push(`${k}: ${v}`);
  lines.push("", res.body ?? "");
  return lines.join("\r\n");
}

type Rendered = { readonly kind: "op"; readonly text: string } | { readonly kind: "changeset"; readonly texts: readonly string[] };

export function handleBatch(env: RouterEnv, outer: DvRequest): DvResponse {
  const items = parseBatch(outer.body, outer.headers["content-type"]);
  const ops = items.reduce((n, i) => n + (i.kind === "op" ? 1 : i.parts.length), 0);
  if (ops > MAX_BATCH_OPERATIONS) {
    throw badRequest(`The number of requests in a batch exceeded the limit of ${MAX_BATCH_OPERATIONS}.`, "0x8005f103");
  }
  const continueOnError = parsePrefer(outer.headers.prefer).continueOnError;
  const rendered: Rendered[] = [];
  let failed = false;
  for (const item of items) {
    if (item.kind === "op") {
      if (item.part.method !== "GET" && item.part.method !== "POST" && item.part.method !== "PATCH" && item.part.method !== "DELETE" && item.part.method !== "PUT") {
        throw badRequest("Unsupported method in batch.", "0x80060888");
      }
      const res = runPart(env, outer, item.part, new Map());
      const text = renderHttp(res, undefined);
      if (res.status >= 400) {
        failed = true;
        if (!continueOnError) {
          rendered.length = 0;
          rendered.push({ kind: "op", text });
          break;
        }
      }
      rendered.push({ kind: "op", text });
      continue;
    }
    const contentIds = new Map<string, string>();
    const texts: string[] = [];
    let error: string | undefined;
    env.store.begin();
    for (const part of item.parts) {
      if (part.method === "GET") {
        error = renderHttp(errorPart(badRequest("GET requests are not allowed inside a change set.", "0x80060888")), part.contentId);
        break;
      }
      const res = runPart(env, outer, part, contentIds);
      if (res.status >= 400) {
        error = renderHttp(res, part.contentId);
        break;
      }
      texts.push(renderHttp(res, part.contentId));
    }
    if (error !== undefined) {
      env.store.rollback();
      failed = true;
      // A failed change set is answered by one unwrapped error part (OData v4 batch rules).
      if (!continueOnError) {
        rendered.length = 0;
        rendered.push({ kind: "op", text: error });
        break;
      }
      rendered.push({ kind: "op", text: error });
    } else {
      env.store.commit();
      rendered.push({ kind: "changeset", texts });
    }
  }
  const boundary = `batchresponse_${randomUUID()}`;
  const chunks: string[] = [];
  for (const r of rendered) {
    if (r.kind === "op") {
      chunks.push(`--${boundary}\r\n${r.text}\r\n`);
    } else {
      const cs = `changesetresponse_${randomUUID()}`;
      chunks.push(`--${boundary}\r\nContent-Type: multipart/mixed; boundary=${cs}\r\n\r\n`);
      for (const t of r.texts) chunks.push(`--${cs}\r\n${t}\r\n`);
      chunks.push(`--${cs}--\r\n`);
    }
  }
  chunks.push(`--${boundary}--\r\n`);
  return {
    status: failed && !continueOnError ? 400 : 200,
    headers: { "Content-Type": `multipart/mixed; boundary=${boundary}` },
    body: chunks.join(""),
  };
}
