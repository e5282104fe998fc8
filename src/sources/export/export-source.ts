import { stat } from "node:fs/promises";
import type { ReadOptions, SourceCatalog, SourceColumn, SourceConnector, SourceItem, SourceTable } from "../../contracts/source.js";
import { HandoverError } from "../../contracts/handover-error.js";
import { ColumnStats } from "./column-stats.js";
import type { ExportContainer } from "./container.js";
import { delimitedReader } from "./delimited-format.js";
import { createFolderContainer } from "./folder-container.js";
import type { FormatReader } from "./format-row.js";
import { jsonReader, ndjsonReader } from "./json-format.js";
import type { VendorProfile } from "./profile.js";
import { listTables, type PartsCache, type TableSpec } from "./table-list.js";
import { readTable, type TableReadOptions } from "./table-reader.js";
import { xlsxReader } from "./xlsx-format.js";
import { createZipContainer } from "./zip-container.js";

export interface ExportSourceOptions {
  /** The export: a folder (nested folders included) or a `.zip` of it. */
  readonly root: string;
  readonly profile?: VendorProfile;
  /** Rows between checkpoints; 1,000 by default. */
  readonly checkpointEvery?: number;
  /** Larger records are rejected as malformed (bounds memory on a quote never closed); 8 MiB by default. */
  readonly maxRecordBytes?: number;
}

/** Discovery lists at most this many columns per table: a JSON file with a new key in every record can't grow it without end. */
const maxColumns = 2000;

/**
 * A practice-management export as a SourceConnector: a folder or a zip archive of CSV, TSV,
 * delimited `.txt`, XLSX (a table per sheet), JSON and NDJSON files, in any common encoding
 * (UTF-8 with or without BOM, UTF-16 with BOM, Windows-1252). Every table streams, so memory holds
 * one record whatever the file size. The table name is the profile's name for the file when the
 * profile lists it, else the file name without extension, lowercased. Files the rows point at
 * (the profile's `fileColumns`) are served by `statFile`/`readFile`, confined to the export.
 * It can't filter by change time or report deletions: a delta read reads everything and the core
 * compares key sets; records carry `changedAt` from a modified column when there is one.
 *
 * @example createExportSource({ root: "exports/vp.zip", profile: visualPracticeProfile })
 */
export function createExportSource(options: ExportSourceOptions): SourceConnector {
  const { root, profile } = options;
  const parts: PartsCache = new Map();
  let container: Promise<ExportContainer> | undefined;

  /** A `.zip` file is an archive; anything else is taken as a folder (a missing path fails as one). */
  function open(): Promise<ExportContainer> {
    return (container ??= stat(root).then(
      (info) => (info.isFile() && /\.zip$/i.test(root) ? createZipContainer(root) : createFolderContainer(root)),
      () => createFolderContainer(root),
    ));
  }

  async function tables(): Promise<TableSpec[]> {
    return listTables(await open(), profile, parts);
  }

  async function findTable(name: string): Promise<TableSpec> {
    const table = (await tables()).find((candidate) => candidate.name === name);
    if (!table) throw new HandoverError("HO-SRC-006", { path: root, table: name });
    return table;
  }

  async function readOptions(table: TableSpec, read?: ReadOptions, onHeader?: (names: readonly string[]) => void): Promise<TableReadOptions> {
    if (table.broken) throw table.broken;
    const hints = table.profile;
    return {
      table: table.name,
      file: table.file,
      stamp: table.entry.stamp,
      reader: readerFor(await open(), table, options.maxRecordBytes),
      ...(hints ? { key: hints.key } : {}),
      ...(hints?.modifiedColumn !== undefined ? { modifiedColumn: hints.modifiedColumn } : {}),
      ...(hints?.dateFormats ? { dateFormats: hints.dateFormats } : {}),
      ...(read?.after ? { after: read.after } : {}),
      ...(options.checkpointEvery !== undefined ? { checkpointEvery: options.checkpointEvery } : {}),
      ...(onHeader ? { onHeader } : {}),
    };
  }

  /** Reads every row once; rowCount counts data rows, rejected ones included (records + issues). */
  async function discoverTable(table: TableSpec): Promise<SourceTable> {
    const stats = new Map<string, ColumnStats>();
    const column = (name: string) => {
      let found = stats.get(name);
      if (!found && stats.size < maxColumns) stats.set(name, (found = new ColumnStats(name)));
      return found;
    };
    let header: readonly string[] | undefined;
    let rowCount = 0;
    const onHeader = (names: readonly string[]) => {
      header = names;
      for (const name of names) column(name);
    };
    for await (const item of readTable(await readOptions(table, undefined, onHeader))) {
      if (item.kind === "checkpoint") continue;
      rowCount += 1;
      if (item.kind !== "record") continue;
      for (const [name, value] of Object.entries(item.values)) column(name)?.add(value);
    }
    const names = header ?? [...stats.keys()];
    const hints = table.profile;
    const key = hints?.key.filter((name) => stats.has(name));
    const references = hints?.references?.filter((reference) => stats.has(reference.column));
    const fileColumns = hints?.fileColumns?.filter((name) => stats.has(name));
    const columns: SourceColumn[] = [...stats.values()].map((stat) => stat.toColumn(hints?.dateFormats?.[stat.name]));
    if (header) columns.sort((a, b) => names.indexOf(a.name) - names.indexOf(b.name));
    return {
      name: table.name,
      file: table.file,
      rowCount,
      columns,
      ...(key && key.length > 0 ? { key } : {}),
      ...(hints ? { modelHint: hints.modelHint } : {}),
      ...(references && references.length > 0 ? { references } : {}),
      ...(fileColumns && fileColumns.length > 0 ? { fileColumns } : {}),
    };
  }

  return {
    id: "export",
    capabilities: { changedSince: false, tombstones: false },

    /** Lists the tables and reads the first bytes of each file: cheap, and fails the way a read would. */
    async check(): Promise<void> {
      const found = await open();
      for (const table of await tables()) {
        if (table.broken) throw table.broken;
        try {
          for await (const chunk of found.open(table.file)) {
            void chunk;
            break;
          }
        } catch (error) {
          if (error instanceof HandoverError) throw error;
          throw new HandoverError("HO-SRC-001", { path: table.file }, { cause: error });
        }
      }
    },

    async discover(): Promise<SourceCatalog> {
      const out: SourceTable[] = [];
      for (const table of await tables()) out.push(await discoverTable(table));
      return { sourceId: "export", ...(profile ? { profile: profile.id } : {}), tables: out };
    },

    read(table: string, read?: ReadOptions): AsyncIterable<SourceItem> {
      return (async function* () {
        yield* readTable(await readOptions(await findTable(table), read));
      })();
    },

    statFile: async (path: string) => (await open()).files.stat(path),
    readFile: async (path: string) => (await open()).files.read(path),
  };
}

function readerFor(container: ExportContainer, table: TableSpec, maxRecordBytes: number | undefined): FormatReader {
  const limit = maxRecordBytes !== undefined ? { maxRecordBytes } : {};
  switch (table.format) {
    case "delimited":
    case "tsv":
      return delimitedReader({ container, path: table.file, tabs: table.format === "tsv", ...limit });
    case "ndjson":
      return ndjsonReader({ container, path: table.file, ...limit });
    case "json":
      return jsonReader({ container, path: table.file, ...(table.part !== undefined ? { member: table.part } : {}), ...limit });
    case "xlsx":
      return xlsxReader({ container, path: table.file, sheet: table.part ?? "" });
  }
}
