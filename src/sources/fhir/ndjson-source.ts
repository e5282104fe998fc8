import { access } from "node:fs/promises";
import { constants } from "node:fs";
import { join } from "node:path";
import type { ReadOptions, SourceCatalog, SourceConnector, SourceItem, SourceTable } from "../../contracts/source.js";
import { HandoverError } from "../../contracts/handover-error.js";
import { ColumnStats } from "../export/column-stats.js";
import { createFileAccess } from "../export/file-access.js";
import { createAttachmentStore, type AttachmentStoreOptions } from "./attachment-store.js";
import { emptyDirectory, loadDirectory, type Directory } from "./directory.js";
import { listResourceFiles, type ResourceFiles } from "./ndjson-files.js";
import { readResources } from "./resource-reader.js";
import { catalogReferences, resourceTypeOf, tableSpecFor, tablesForTypes } from "./resource-tables.js";

export interface FhirNdjsonSourceOptions {
  /** Folder of `<Type>.ndjson` (or `<Type>.<n>.ndjson` parts) files, one resource type each. */
  readonly root: string;
  /** Where attachment bytes are kept (content-addressed); statFile/readFile serve paths relative to it. */
  readonly filesDir: string;
  /** Lines between checkpoints; 1,000 by default. */
  readonly checkpointEvery?: number;
  /** For attachments given by URL: fetch, the base relative URLs resolve against, and request headers. */
  readonly fetch?: AttachmentStoreOptions["fetch"];
  readonly attachmentBaseUrl?: string;
  readonly headersFor?: AttachmentStoreOptions["headersFor"];
  /** Extra fields stamped on checkpoints and required back on resume (the bulk source's export id). */
  readonly stamp?: Readonly<Record<string, string>>;
  /** Source id in catalogs; "fhir-ndjson" by default. */
  readonly id?: string;
}

/**
 * A folder of FHIR NDJSON files (a Bulk Data export, or files dropped by hand) as a
 * SourceConnector. Tables are resource types, keyed by `id`; each resource is flattened to text
 * columns (resource-tables.ts). Two more tables come from other types' resources: ClinicalNote
 * (the DocumentReferences that are notes) and PatientPracticeLink (from each Patient). Deltas filter on meta.lastUpdated (a resource without it always
 * comes); deletions can't be told from a folder, so the core compares key sets.
 *
 * @example createFhirNdjsonSource({ root: "export/", filesDir: "work/files" }).read("Patient")
 */
export function createFhirNdjsonSource(options: FhirNdjsonSourceOptions): SourceConnector {
  const { root } = options;
  const files = createFileAccess(options.filesDir);
  const attachments = createAttachmentStore({
    filesDir: options.filesDir,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.attachmentBaseUrl ? { baseUrl: options.attachmentBaseUrl } : {}),
    ...(options.headersFor ? { headersFor: options.headersFor } : {}),
  });
  const id = options.id ?? "fhir-ndjson";

  /** A table, the files of its resource type, and what its spec needs beside them. */
  interface Entry {
    readonly table: string;
    readonly files: ResourceFiles["files"];
    readonly all: readonly ResourceFiles[];
  }

  async function entries(): Promise<Entry[]> {
    const all = await listResourceFiles(root);
    const byType = new Map(all.map((e) => [e.type, e]));
    return tablesForTypes(all.map((e) => e.type)).map((table) => ({ table, files: byType.get(resourceTypeOf(table))?.files ?? [], all }));
  }

  async function findEntry(table: string): Promise<Entry> {
    const found = (await entries()).find((entry) => entry.table === table);
    if (!found) throw new HandoverError("HO-SRC-006", { path: root, table });
    return found;
  }

  // PractitionerRoles resolve references in several tables: read once per source, not per table.
  const directories = new Map<string, Promise<Directory>>();
  const directoryOf = (files: readonly string[]): Promise<Directory> => {
    const key = files.join("\u0000");
    const known = directories.get(key) ?? loadDirectory(root, files);
    directories.set(key, known);
    return known;
  };

  async function* readTable(entry: Entry, read?: ReadOptions): AsyncGenerator<SourceItem> {
    const spec = tableSpecFor(entry.table);
    const roles = entry.all.find((e) => e.type === "PractitionerRole")?.files;
    const directory = spec.usesDirectory && roles ? await directoryOf(roles) : emptyDirectory;
    yield* readResources({
      spec, root, files: entry.files, attachments, directory,
      ...(read?.after ? { after: read.after } : {}),
      ...(read?.changedSince ? { changedSince: read.changedSince } : {}),
      ...(options.checkpointEvery !== undefined ? { checkpointEvery: options.checkpointEvery } : {}),
      ...(options.stamp ? { stamp: options.stamp } : {}),
    });
  }

  /** Reads every line once; rowCount counts records and rejected lines, not warnings. */
  async function discoverTable(entry: Entry): Promise<SourceTable> {
    const spec = tableSpecFor(entry.table);
    const stats = new Map(spec.columns.map((name) => [name, new ColumnStats(name)]));
    let rowCount = 0;
    for await (const item of readTable(entry)) {
      if (item.kind === "record") {
        rowCount += 1;
        for (const [name, value] of Object.entries(item.values)) {
          if (!stats.has(name)) stats.set(name, new ColumnStats(name));
          stats.get(name)?.add(value);
        }
      } else if (item.kind === "issue" && item.issue.severity === "error") rowCount += 1;
    }
    const references = catalogReferences(spec);
    return {
      name: entry.table,
      file: entry.files[0] as string,
      rowCount,
      columns: [...stats.values()].map((column) => column.toColumn()),
      key: ["id"],
      ...(spec.modelHint ? { modelHint: spec.modelHint } : {}),
      ...(references.length > 0 ? { references } : {}),
      ...(spec.fileColumns ? { fileColumns: spec.fileColumns } : {}),
    };
  }

  return {
    id,
    capabilities: { changedSince: true, tombstones: false },

    async check(): Promise<void> {
      for (const entry of await listResourceFiles(root)) {
        for (const file of entry.files) {
          await access(join(root, file), constants.R_OK).catch((error: unknown) => {
            throw new HandoverError("HO-SRC-001", { path: join(root, file) }, { cause: error });
          });
        }
      }
    },

    async discover(): Promise<SourceCatalog> {
      const tables: SourceTable[] = [];
      for (const entry of await entries()) tables.push(await discoverTable(entry));
      return { sourceId: id, profile: "fhir-r4", tables };
    },

    read(table: string, read?: ReadOptions): AsyncIterable<SourceItem> {
      return (async function* () {
        yield* readTable(await findEntry(table), read);
      })();
    },

    statFile: (path: string) => files.stat(path),
    readFile: (path: string) => files.read(path),
  };
}
