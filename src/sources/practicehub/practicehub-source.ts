/**
 * PracticeHub's REST API as a SourceConnector: tables are the API's objects, columns their
 * flattened fields (see flatten.ts), every table keyed by `id`. All requests share one pacing
 * gate at `ratePerSecond`, so reading tables side by side stays under the key's limit.
 *
 * Field projection: `discover` reads the field list once (`GET /v1/objects`) and every record
 * with all fields, since it must show them all; `read` asks for all fields too, unless `fields`
 * names the top-level fields wanted for that table (`id` and `modified_at` always come).
 *
 * Files: a row's `download_url` (the tables' `fileColumns`) is read with statFile (HEAD) and
 * readFile (GET) at the account's regional base, paced and retried like every other request.
 */
import type { FileContent, FileProbe, ReadOptions, SourceCatalog, SourceConnector, SourceItem, SourceTable } from "../../contracts/source.js";
import { ColumnStats } from "../export/column-stats.js";
import { createApiClient } from "./api-client.js";
import { isPlainObject } from "./flatten.js";
import { endpointOf, readObject } from "./read-object.js";
import { apiUnavailable, unknownTable } from "./source-errors.js";
import { keyColumn, objectHints } from "./tables.js";

export interface PracticeHubSourceOptions {
  /** The global API base (`https://api.practicehub.example`); the account's region is looked up from it. */
  readonly baseUrl: string;
  /** From the caller (which reads it from the environment); sent as X-API-Key, never logged. */
  readonly apiKey: string;
  /** The key's limit (default 1, PracticeHub's). */
  readonly ratePerSecond?: number;
  /** Items per page, 1..500 (default 100). */
  readonly pageSize?: number;
  /** Top-level fields `read` asks for, by table; a table not named is read with every field. */
  readonly fields?: Readonly<Record<string, readonly string[]>>;
  readonly fetch?: typeof fetch;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Milliseconds since the epoch (default Date.now). */
  readonly now?: () => number;
}

interface ApiObject {
  readonly name: string;
  readonly fields: readonly { readonly name: string; readonly type: string }[];
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * @example
 *   const source = createPracticeHubSource({ baseUrl: "https://api.practicehub.example", apiKey: process.env.PRACTICEHUB_API_KEY! });
 *   for await (const item of source.read("patients")) …
 */
export function createPracticeHubSource(options: PracticeHubSourceOptions): SourceConnector {
  const api = createApiClient({
    baseUrl: options.baseUrl,
    apiKey: options.apiKey,
    ratePerSecond: options.ratePerSecond ?? 1,
    fetch: options.fetch ?? globalThis.fetch,
    sleep: options.sleep ?? defaultSleep,
    now: options.now ?? Date.now,
  });
  const pageSize = options.pageSize ?? 100;
  let objects: Promise<ApiObject[]> | undefined;

  /** The object list, fetched once per source (it is the schema, which doesn't change mid-run). */
  function listObjects(): Promise<ApiObject[]> {
    objects ??= api.get("/v1/objects").then(toObjects).catch((error: unknown) => {
      objects = undefined;
      throw error;
    });
    return objects;
  }

  async function findObject(table: string): Promise<ApiObject> {
    const found = (await listObjects()).find((object) => object.name === table);
    if (!found) throw unknownTable(await api.regionalBase(), table);
    return found;
  }

  async function discoverTable(object: ApiObject): Promise<SourceTable> {
    const stats = new Map<string, ColumnStats>();
    const column = (name: string): ColumnStats => stats.get(name) ?? stats.set(name, new ColumnStats(name)).get(name)!;
    let rowCount = 0;
    for await (const item of readObject({ api, table: object.name, pageSize })) {
      if (item.kind === "checkpoint" || item.kind === "deleted") continue;
      rowCount += 1;
      if (item.kind === "record") for (const [name, value] of Object.entries(item.values)) column(name).add(value);
    }
    // Declared plain fields stay listed even when no record has them (an empty object, say).
    for (const field of object.fields) if (field.type !== "object") column(field.name);
    const hints = objectHints[object.name];
    const references = hints?.references?.filter((reference) => stats.has(reference.column));
    const fileColumns = hints?.fileColumns?.filter((name) => stats.has(name));
    return {
      name: object.name,
      file: endpointOf(object.name),
      rowCount,
      columns: [...stats.values()].map((stat) => stat.toColumn()),
      key: [keyColumn],
      ...(hints ? { modelHint: hints.modelHint } : {}),
      ...(references && references.length > 0 ? { references } : {}),
      ...(fileColumns && fileColumns.length > 0 ? { fileColumns } : {}),
    };
  }

  return {
    id: "practicehub",
    capabilities: { changedSince: true, tombstones: true },

    /** Resolves the region and lists the objects afresh: proves the URL, the key and the region. */
    async check(): Promise<void> {
      await api.regionalBase();
      objects = undefined;
      await listObjects();
    },

    async discover(): Promise<SourceCatalog> {
      const tables: SourceTable[] = [];
      for (const object of await listObjects()) tables.push(await discoverTable(object));
      return { sourceId: "practicehub", profile: "practicehub", tables };
    },

    read(table: string, read?: ReadOptions): AsyncIterable<SourceItem> {
      return (async function* () {
        await findObject(table);
        const fields = options.fields?.[table];
        yield* readObject({
          api, table, pageSize,
          ...(fields ? { fields } : {}),
          ...(read?.after ? { after: read.after } : {}),
          ...(read?.changedSince ? { changedSince: read.changedSince } : {}),
        });
      })();
    },

    /** The size of a `download_url`'s file: a HEAD, through the same gate as every request. */
    async statFile(path: string): Promise<FileProbe> {
      const answer = await api.file(path, "HEAD");
      return answer.ok ? { ok: true, size: answer.size } : answer;
    },

    /**
     * The bytes of a `download_url`'s file, through the same gate. The contract hands bytes over
     * whole (targets send them whole, base64 in JSON), so the file is held in memory: the core
     * calls statFile first and refuses a file over the target's upload limit before reading it.
     */
    async readFile(path: string): Promise<FileContent> {
      const answer = await api.file(path, "GET");
      if (!answer.ok) return answer;
      return answer.bytes ? { ok: true, bytes: answer.bytes } : { ok: false, problem: "unreadable" };
    },
  };
}

function toObjects(body: unknown): ApiObject[] {
  const data = isPlainObject(body) ? body.data : undefined;
  if (!Array.isArray(data)) throw apiUnavailable("/v1/objects", 1, "an object list without data");
  return data.filter(isPlainObject).flatMap((entry) => {
    if (typeof entry.name !== "string") return [];
    const fields = Array.isArray(entry.fields) ? entry.fields.filter(isPlainObject) : [];
    return [{ name: entry.name, fields: fields.map((f) => ({ name: String(f.name), type: String(f.type) })) }];
  });
}
