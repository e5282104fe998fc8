import type { SourceConnector } from "../../contracts/source.js";
import type { NoteLimits } from "../../contracts/target.js";
import type { CompiledMap, TableMap } from "../transform/compile-map.js";
import { sourceKey } from "../transform/source-key.js";

/** A file or note the plan names: by key, file and row — never by content. */
export interface NoteFinding {
  readonly sourceKey: string;
  readonly file: string;
  readonly row: number;
  /** Bytes (a file) or characters (a text). */
  readonly size: number;
}

/** What the plan knows, before any write, about one source table that lands as notes. */
export interface NotePlan {
  readonly table: string;
  readonly target: string;
  readonly limits: NoteLimits;
  readonly notes: number;
  /** Texts longer than one note holds: written as numbered parts, flagged. */
  readonly longTexts: readonly NoteFinding[];
  readonly longTextCount: number;
  readonly files: number;
  readonly fileBytes: number;
  /** Files over the upload limit: refused, or linked when options.oversizeFiles is "link". */
  readonly oversizeFiles: readonly NoteFinding[];
  readonly oversizeCount: number;
  readonly oversizeHandling: "reject" | "link";
  /** Files the rows name that the source doesn't have (their records will be rejected). */
  readonly missingFiles: readonly (Omit<NoteFinding, "size"> & { readonly problem: string })[];
  readonly missingCount: number;
}

/** Up to this many findings of a kind are listed by key; the counts are always whole. */
const LISTED = 1000;

/**
 * Reads each notes table once: text lengths against the target's note size, and the size of
 * every file a row names (statFile, no bytes read) against the upload limit.
 */
export async function checkNotes(
  source: SourceConnector, map: CompiledMap, limits: NoteLimits, keyPrefix: string, oversizeHandling: "reject" | "link",
): Promise<NotePlan[]> {
  const plans: NotePlan[] = [];
  for (const table of map.tables.values()) {
    if (!table.notes || !table.targetTable) continue;
    plans.push(await checkTable(source, table, limits, keyPrefix, oversizeHandling));
  }
  return plans;
}

async function checkTable(source: SourceConnector, table: TableMap, limits: NoteLimits, keyPrefix: string, oversizeHandling: "reject" | "link"): Promise<NotePlan> {
  const routed = (column: string) => table.routes.find((r) => r.landing.kind === "column" && r.landing.column === column)?.column;
  const textColumn = routed(table.notes!.text);
  const fileColumn = routed(table.notes!.file);
  let notes = 0;
  let files = 0;
  let fileBytes = 0;
  let longCount = 0;
  let oversizeCount = 0;
  let missingCount = 0;
  const longTexts: NoteFinding[] = [];
  const oversizeFiles: NoteFinding[] = [];
  const missingFiles: NotePlan["missingFiles"][number][] = [];
  for await (const item of source.read(table.table)) {
    if (item.kind !== "record") continue;
    notes += 1;
    const key = sourceKey(keyPrefix, table.table, table.keyColumns.map((k) => (item.values[k] ?? "").trim()).join("|"));
    const at = { sourceKey: key, file: item.file, row: item.row };
    const text = textColumn ? (item.values[textColumn] ?? "").trim() : "";
    if (text.length > limits.maxTextLength) {
      longCount += 1;
      if (longTexts.length < LISTED) longTexts.push({ ...at, size: text.length });
    }
    const path = fileColumn ? (item.values[fileColumn] ?? "").trim() : "";
    if (!path || !source.statFile) continue;
    const probe = await source.statFile(path);
    if (!probe.ok) {
      missingCount += 1;
      if (missingFiles.length < LISTED) missingFiles.push({ ...at, problem: probe.problem });
      continue;
    }
    files += 1;
    fileBytes += probe.size;
    if (probe.size > limits.maxFileBytes) {
      oversizeCount += 1;
      if (oversizeFiles.length < LISTED) oversizeFiles.push({ ...at, size: probe.size });
    }
  }
  return {
    table: table.table, target: table.targetTable!, limits, notes, longTexts, longTextCount: longCount, files, fileBytes,
    oversizeFiles, oversizeCount, oversizeHandling, missingFiles, missingCount,
  };
}
