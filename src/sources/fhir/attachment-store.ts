import { createHash, randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { access, mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { once } from "node:events";
import { join } from "node:path";
import { at, text, type Json } from "./flatten-values.js";

export type StoredAttachment = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly reason: string };

/** An attachment's bytes held in memory (a note's text), or why not. */
export type AttachmentBytes = { readonly ok: true; readonly bytes: Buffer } | { readonly ok: false; readonly reason: string };

export interface AttachmentStoreOptions {
  /** Where the bytes go, one `<sha256>` file each with a `<sha256>.json` sidecar (name, MIME type, size). */
  readonly filesDir: string;
  /** For `url` attachments; the global fetch by default. */
  readonly fetch?: typeof fetch;
  /** Relative URLs (`Binary/123`) are resolved against it: the FHIR server's base. */
  readonly baseUrl?: string;
  /** Headers for a download, e.g. the bulk client's bearer token for its own server's URLs. */
  readonly headersFor?: (url: URL) => Promise<Record<string, string>>;
}

/** Base64 characters decoded per step: a multiple of 4, so each step is whole. */
const step = 4 * 64 * 1024;
const base64 = /^[A-Za-z0-9+/]*={0,2}$/;
const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/**
 * Keeps attachment bytes once, by content: the same bytes from two resources, or from two reads,
 * are one file, and a URL fetched before is not fetched again (an index under `url/` remembers
 * which content each URL gave). Inline base64 is decoded a step at a time, so no more than the
 * resource line itself is held; a download streams to disk. Answers, never throws.
 *
 * @example const stored = await store.put(resource.content[0].attachment) // { ok: true, path: "3f…a1" }
 */
export function createAttachmentStore(options: AttachmentStoreOptions) {
  const { filesDir } = options;
  const exists = (path: string) => access(path).then(() => true, () => false);

  async function finish(temp: string, hash: string, attachment: Json, size: number): Promise<StoredAttachment> {
    const target = join(filesDir, hash);
    if (await exists(target)) await rm(temp, { force: true });
    else await rename(temp, target);
    const sidecar = join(filesDir, `${hash}.json`);
    if (!(await exists(sidecar))) {
      const meta = { name: text(at(attachment, "title")), contentType: text(at(attachment, "contentType")), size };
      await writeFile(sidecar, `${JSON.stringify(meta)}\n`);
    }
    return { ok: true, path: hash };
  }

  async function putInline(data: string, attachment: Json): Promise<StoredAttachment> {
    const clean = /\s/.test(data) ? data.replace(/\s+/g, "") : data;
    if (clean.length % 4 !== 0 || !base64.test(clean)) return { ok: false, reason: "the inline data is not base64" };
    const hash = createHash("sha256");
    let size = 0;
    for (let i = 0; i < clean.length; i += step) {
      const bytes = Buffer.from(clean.slice(i, i + step), "base64");
      hash.update(bytes);
      size += bytes.length;
    }
    const digest = hash.digest("hex");
    if (await exists(join(filesDir, digest))) return finish("", digest, attachment, size);
    const temp = join(filesDir, `.part-${randomUUID()}`);
    const out = createWriteStream(temp);
    for (let i = 0; i < clean.length; i += step) {
      if (!out.write(Buffer.from(clean.slice(i, i + step), "base64"))) await once(out, "drain");
    }
    out.end();
    await once(out, "finish");
    return finish(temp, digest, attachment, size);
  }

  async function putUrl(raw: string, attachment: Json): Promise<StoredAttachment> {
    let url: URL;
    try {
      url = new URL(raw, options.baseUrl ? `${options.baseUrl.replace(/\/?$/, "/")}` : undefined);
    } catch {
      return { ok: false, reason: "the URL can't be resolved" };
    }
    const indexFile = join(filesDir, "url", sha256(url.href));
    const known = await readFile(indexFile, "utf8").catch(() => undefined);
    if (known && (await exists(join(filesDir, known.trim())))) return { ok: true, path: known.trim() };
    const temp = join(filesDir, `.part-${randomUUID()}`);
    try {
      const response = await (options.fetch ?? fetch)(url, { headers: { Accept: "*/*", ...(await options.headersFor?.(url)) } });
      if (!response.ok || !response.body) {
        await response.body?.cancel().catch(() => undefined);
        return { ok: false, reason: `the download answered HTTP ${response.status}` };
      }
      const hash = createHash("sha256");
      let size = 0;
      const out = createWriteStream(temp);
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        hash.update(chunk);
        size += chunk.length;
        if (!out.write(chunk)) await once(out, "drain");
      }
      out.end();
      await once(out, "finish");
      const digest = hash.digest("hex");
      const stored = await finish(temp, digest, attachment, size);
      await mkdir(join(filesDir, "url"), { recursive: true });
      await writeFile(indexFile, digest);
      return stored;
    } catch (error) {
      await rm(temp, { force: true });
      return { ok: false, reason: `the download failed (${errorCode(error)})` };
    }
  }

  /** Stores an Attachment's content; undefined when it has neither `data` nor `url`. Inline data wins over a URL. */
  async function put(attachment: Json): Promise<StoredAttachment | undefined> {
    const data = text(at(attachment, "data"));
    const url = text(at(attachment, "url"));
    if (data === "" && url === "") return undefined;
    await mkdir(filesDir, { recursive: true });
    return data !== "" ? putInline(data, attachment) : putUrl(url, attachment);
  }

  return {
    put,
    /**
     * An attachment's bytes in memory, for content that becomes a column (a note's text), refused
     * over `maxBytes`. Inline data is decoded from the line; a URL is fetched once and kept like
     * any attachment, then read back from the stored copy.
     */
    async bytes(attachment: Json, maxBytes: number): Promise<AttachmentBytes | undefined> {
      const tooLarge: AttachmentBytes = { ok: false, reason: `the content is larger than ${maxBytes} bytes` };
      const data = text(at(attachment, "data"));
      if (data !== "") {
        const clean = /\s/.test(data) ? data.replace(/\s+/g, "") : data;
        if (clean.length % 4 !== 0 || !base64.test(clean)) return { ok: false, reason: "the inline data is not base64" };
        if ((clean.length / 4) * 3 > maxBytes + 2) return tooLarge;
        return { ok: true, bytes: Buffer.from(clean, "base64") };
      }
      const stored = await put(attachment);
      if (!stored?.ok) return stored;
      const path = join(filesDir, stored.path);
      if ((await stat(path)).size > maxBytes) return tooLarge;
      return { ok: true, bytes: await readFile(path) };
    },
  };
}

/** A network error's code (ECONNREFUSED…), never its message: messages may quote the URL. */
function errorCode(error: unknown): string {
  const withCode = error as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = withCode?.code ?? withCode?.cause?.code;
  return typeof code === "string" ? code : "network error";
}

export type AttachmentStore = ReturnType<typeof createAttachmentStore>;
