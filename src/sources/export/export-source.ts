import { access, readdir, stat } from "node:fs/promises";
import { constants } from "node:fs";
import { basename, extname, join } from "node:path";
import type { ReadOptions, SourceCatalog, SourceConnector, SourceItem, SourceTable } from "../../contracts/source.js";
import { HandoverError } from "../../contracts/handover-error.js";
import { ColumnStats } from "./column-stats.js";
import type { ProfileTable, VendorProfile } from "./profile.js";
import { readHeader, readTable } from "./table-reader.js";
import { createFileAccess } from "./file-access.js";

export interface ExportSourceOptions {
  /** Folder holding the export's `*.csv` files (other files, e.g. a manifest, are ignored). */
  readonly root: string;
  readonly profile?: VendorProfile;
  /** Rows between checkpoints; 1,000 by default. */
  readonly checkpointEvery?: number;
  /** Larger records are rejected as malformed (bounds memory on a quote never closed); 8 MiB by default. */
  readonly maxRecordBytes?: number;
}

interface TableFile {
  readonly name: string;
  readonly file: string;
  readonly path: string;
  readonly profile?: ProfileTable;
}

/**
 * A folder of CSV files, one table per file, as a SourceConnector. The table name is the profile's
 * name for the file when the profile lists it, else the file name without `.csv`, lowercased.
 * Files the rows point at (the profile's `fileColumns`) are served by `statFile`/`readFile`,
 * confined to the folder.
 */
export function createExportSource(options: ExportSourceOptions): SourceConnector {
  const { root, profile } = options;
  const files = createFileAccess(root);

  async function listTables(): Promise<TableFile[]> {
    let entries: string[];
    try {
      if (!(await stat(root)).isDirectory()) throw new Error("not a directory");
      entries = await readdir(root);
    } catch (error) {
      throw new HandoverError("HO-SRC-001", { path: root }, { cause: error });
    }
    const byName = new Map<string, TableFile>();
    for (const file of entries.filter((entry) => extname(entry).toLowerCase() === ".csv").sort()) {
      const table = tableFor(file, profile);
      const earlier = byName.get(table.name);
      if (earlier) throw new HandoverError("HO-SRC-009", { file: earlier.file, other: file, path: root, table: table.name });
      byName.set(table.name, { ...table, file, path: join(root, file) });
    }
    if (byName.size === 0) throw new HandoverError("HO-SRC-001", { path: root });
    return [...byName.values()];
  }

  async function findTable(name: string): Promise<TableFile> {
    const table = (await listTables()).find((candidate) => candidate.name === name);
    if (!table) throw new HandoverError("HO-SRC-006", { path: root, table: name });
    return table;
  }

  function readOptions(table: TableFile, read?: ReadOptions) {
    return {
      table: table.name,
      path: table.path,
      file: table.file,
      ...(table.profile ? { key: table.profile.key } : {}),
      ...(read?.after ? { after: read.after } : {}),
      ...(options.checkpointEvery !== undefined ? { checkpointEvery: options.checkpointEvery } : {}),
      ...(options.maxRecordBytes !== undefined ? { maxRecordBytes: options.maxRecordBytes } : {}),
    };
  }

  /** Reads every row once; rowCount counts data rows, rejected ones included (records + issues). */
  async function discoverTable(table: TableFile): Promise<SourceTable> {
    const header = (await readHeader(readOptions(table))) ?? [];
    const stats = header.map((name) => new ColumnStats(name));
    let rowCount = 0;
    for await (const item of readTable(readOptions(table))) {
      if (item.kind === "checkpoint") continue;
      rowCount += 1;
      if (item.kind !== "record") continue;
      for (const column of stats) column.add(item.values[column.name] ?? "");
    }
    const hints = table.profile;
    const key = hints?.key.filter((column) => header.includes(column));
    const references = hints?.references?.filter((reference) => header.includes(reference.column));
    const fileColumns = hints?.fileColumns?.filter((column) => header.includes(column));
    return {
      name: table.name,
      file: table.file,
      rowCount,
      columns: stats.map((column) => column.toColumn(hints?.dateFormats?.[column.name])),
      ...(key && key.length > 0 ? { key } : {}),
      ...(hints ? { modelHint: hints.modelHint } : {}),
      ...(references && references.length > 0 ? { references } : {}),
      ...(fileColumns && fileColumns.length > 0 ? { fileColumns } : {}),
    };
  }

  return {
    id: "export",

    async check(): Promise<void> {
      for (const table of await listTables()) {
        try {
          await access(table.path, constants.R_OK);
        } catch (error) {
          throw new HandoverError("HO-SRC-001", { path: table.path }, { cause: error });
        }
      }
    },

    async discover(): Promise<SourceCatalog> {
      const tables: SourceTable[] = [];
      for (const table of await listTables()) tables.push(await discoverTable(table));
      return { sourceId: "export", ...(profile ? { profile: profile.id } : {}), tables };
    },

    read(table: string, read?: ReadOptions): AsyncIterable<SourceItem> {
      return (async function* () {
        yield* readTable(readOptions(await findTable(table), read));
      })();
    },

    statFile: (path: string) => files.stat(path),
    readFile: (path: string) => files.read(path),
  };
}

function tableFor(file: string, profile: VendorProfile | undefined): { name: string; profile?: ProfileTable } {
  const lower = file.toLowerCase();
  for (const [name, table] of Object.entries(profile?.tables ?? {})) {
    if ((table.file ?? `${name}.csv`).toLowerCase() === lower) return { name, profile: table };
  }
  return { name: basename(lower, extname(lower)) };
}
