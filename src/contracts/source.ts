import type { Issue } from "./handover-error.js";

/**
 * The source side of a migration: something that can list its tables and stream their rows.
 * Values are the source's own text, untouched; typing and validation happen in transform.
 */
export interface SourceConnector {
  readonly id: string;
  /** Absent: neither (every read is a full read; deletions found by comparing key sets). */
  readonly capabilities?: SourceCapabilities;
  /** Cheap reachability check: throws a HandoverError (HO-SRC-*) when the source can't be read. */
  check(): Promise<void>;
  /** Tables, columns, counts and a few sample values per column. Reads the whole source once. */
  discover(): Promise<SourceCatalog>;
  /**
   * Streams one table's rows in file order. Bad rows come as `issue` items (never thrown, never
   * dropped silently); `checkpoint` items mark positions a later read can resume from.
   */
  read(table: string, options?: ReadOptions): AsyncIterable<SourceItem>;
  /** Optional: the size of a file a row points at (a document's content), by the path the row
   * gives, relative to the source root. A missing file is an answer, not a throw. */
  statFile?(path: string): Promise<FileProbe>;
  /** Optional: the bytes of such a file. Same answers as statFile, with the bytes when ok. */
  readFile?(path: string): Promise<FileContent>;
}

/** Why a file a row names can't be had: not there, outside the source root (a path with `..` or
 * an absolute path), or there but unreadable (a folder, no permission). */
export type FileProblem = "missing" | "outside-source" | "unreadable";

export type FileProbe = { readonly ok: true; readonly size: number } | { readonly ok: false; readonly problem: FileProblem };

export type FileContent = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly problem: FileProblem };

export interface ReadOptions {
  /** Resume after this checkpoint (from an earlier read of the same table). */
  readonly after?: Checkpoint;
  /**
   * Delta: only records created or changed at or after `at`, for sources that can tell. `>=`, not
   * `>`, so records stamped with the boundary instant are never lost; records at exactly `at` with
   * a key ≤ `key` were read before and are left out (the tie-break). Readers that can't filter
   * read everything (the core compares), and say so with `capabilities.changedSince: false`.
   */
  readonly changedSince?: ChangeCursor;
}

/** Where a delta read starts: the newest change seen by the last read, with its key. */
export interface ChangeCursor {
  /** ISO 8601 instant. */
  readonly at: string;
  readonly key: string;
}

/** What a reader can do beyond reading every row in order. */
export interface SourceCapabilities {
  /** Filters by ReadOptions.changedSince itself (API query, modified column); else the core compares. */
  readonly changedSince: boolean;
  /** Emits `deleted` items for records removed at the source (tombstones). */
  readonly tombstones: boolean;
}

export interface SourceCatalog {
  readonly sourceId: string;
  /** Which vendor profile matched, if any (e.g. "visual-practice"). */
  readonly profile?: string;
  readonly tables: readonly SourceTable[];
}

export interface SourceTable {
  readonly name: string;
  /** The file it came from, relative to the source root (for messages and reports). */
  readonly file: string;
  readonly rowCount: number;
  readonly columns: readonly SourceColumn[];
  /** Column(s) that identify a row, when the profile or the data says so. */
  readonly key?: readonly string[];
  /** Model object this table most likely holds, from the vendor profile (a hint, not a rule). */
  readonly modelHint?: string;
  /** Columns that reference another table's key, from the profile. */
  readonly references?: readonly SourceReference[];
  /** Columns holding a file's path relative to the source root (read with `statFile`/`readFile`). */
  readonly fileColumns?: readonly string[];
}

export interface SourceReference {
  readonly column: string;
  readonly table: string;
  readonly tableColumn: string;
}

export interface SourceColumn {
  readonly name: string;
  /** Up to 20 distinct non-empty values, in first-seen order. May contain PHI: never log them. */
  readonly samples: readonly string[];
  readonly nonEmptyCount: number;
  readonly distinctCount: number;
  readonly maxLength: number;
  /** A date format the profile declares for this column (e.g. "MM/DD/YYYY"), if any. */
  readonly dateFormat?: string;
  /**
   * Every distinct non-empty value with its count, when the column has at most `VALUE_LIST_CAP`
   * distinct values (code columns: sex, status, roles); absent above it. Feeds value maps. May
   * contain PHI: never log them.
   */
  readonly values?: readonly ValueCount[];
}

/** Columns with at most this many distinct values keep them all in `SourceColumn.values`. */
export const VALUE_LIST_CAP = 200;

/** One distinct value of a column and how many rows hold it. */
export interface ValueCount {
  readonly value: string;
  readonly count: number;
}

export interface SourceRecord {
  readonly kind: "record";
  readonly table: string;
  readonly file: string;
  /** 1-based line number where this record starts in the file (header is line 1). */
  readonly row: number;
  readonly values: Readonly<Record<string, string>>;
  /** The record's key (its key columns joined by "|"), when the reader knows it. */
  readonly key?: string;
  /** When the source last changed the record (ISO), when it says: the delta cursor advances on it. */
  readonly changedAt?: string;
}

/** A record the source says was deleted (tombstone), by key. */
export interface SourceDeletion {
  readonly kind: "deleted";
  readonly table: string;
  readonly key: string;
  readonly at?: string;
}

export interface SourceIssue {
  readonly kind: "issue";
  readonly table: string;
  readonly issue: Issue;
  /** The key of the record the issue stands for, when the reader knows it (a FHIR document's
   * attachment row `<id>#2` whose bytes can't be had): the outcome is filed under it, one per
   * record, and a whole read knows the record is still in the source. */
  readonly key?: string;
}

export interface Checkpoint {
  readonly kind: "checkpoint";
  readonly table: string;
  /** Opaque to callers; the reader that made it understands it. */
  readonly position: Readonly<Record<string, string | number>>;
}

export type SourceItem = SourceRecord | SourceIssue | Checkpoint | SourceDeletion;
