/**
 * PracticeHub's binary downloads (`download_url`: policy documents, patient documents), as the
 * source's statFile/readFile answer them. The URL is resolved against the account's regional base
 * and must stay on it: an absolute URL elsewhere, or a path that climbs out with `..`, is
 * "outside-source", so the API key is never sent to another host.
 */
import type { FileAnswer } from "./api-client.js";

/** `/v1/files/doc_1` (or `v1/…`, or an absolute URL under the base) → the URL to fetch; undefined when outside. */
export function fileUrl(regionalBase: string, path: string): string | undefined {
  const base = new URL(`${regionalBase}/`);
  let url: URL;
  try {
    url = /^[a-z][a-z0-9+.-]*:/i.test(path) ? new URL(path) : new URL(path.replace(/^\/+/, ""), base);
  } catch {
    return undefined;
  }
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return undefined;
  // A `..` segment the URL parser already folded could have climbed out and back in: refuse it outright.
  if (/(^|[\\/])\.\.([\\/]|$)/.test(safeDecode(path.split(/[?#]/)[0] ?? ""))) return undefined;
  return url.href;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

type Settled = { readonly value: FileAnswer } | { readonly transient: string };

/**
 * One download's answer. GET: the bytes (a body shorter or longer than its Content-Length is a
 * transient failure, retried). HEAD: the size from Content-Length; a server that doesn't send it
 * answers size -1 and the caller counts a GET instead (see `countBytes`).
 */
export async function settleFile(response: Response, method: "GET" | "HEAD", countOnly = false): Promise<Settled> {
  if (!response.ok) {
    await response.body?.cancel();
    if (response.status === 404 || response.status === 410) return { value: { ok: false, problem: "missing" } };
    if (response.status < 500 && response.status !== 408) return { value: { ok: false, problem: "unreadable" } };
    return { transient: `HTTP ${response.status}` };
  }
  const declared = response.headers.get("content-length");
  const length = declared !== null && /^\d+$/.test(declared.trim()) ? Number(declared) : undefined;
  if (method === "HEAD") {
    await response.body?.cancel();
    return { value: { ok: true, size: length ?? -1 } };
  }
  if (countOnly) {
    const size = await countBytes(response);
    return length !== undefined && size !== length ? { transient: "a truncated download" } : { value: { ok: true, size } };
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (length !== undefined && bytes.length !== length) return { transient: "a truncated download" };
  return { value: { ok: true, size: bytes.length, bytes } };
}

/** Reads a body through, keeping only its length (a size without holding the file). */
async function countBytes(response: Response): Promise<number> {
  let size = 0;
  if (!response.body) return 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) size += chunk.length;
  return size;
}
