import type { Generated } from "kysely";

/**
 * The staging store's tables. Column names are snake_case and versioned by migrations;
 * JSON columns hold text so SQLite and PostgreSQL read them the same way.
 */
export interface Database {
  runs: RunsTable;
  staged_records: StagedRecordsTable;
  issues: IssuesTable;
  record_outcomes: RecordOutcomesTable;
  crosswalk: CrosswalkTable;
  journal: JournalTable;
  audit: AuditTable;
  confirmations: ConfirmationsTable;
  plans: PlansTable;
  primary_links: PrimaryLinksTable;
  extract_state: ExtractStateTable;
  change_cursors: ChangeCursorsTable;
}

/** Per run and source table: how far its extraction got (see core/extract). */
export interface ExtractStateTable {
  run_id: string;
  source_table: string;
  /** JSON of the reader's latest Checkpoint whose preceding rows are all staged; null = none yet. */
  checkpoint_json: string | null;
  /** JSON: the extraction's counts, mode and newest change read so far. */
  state_json: string;
}

/** Per source table: the newest change (instant + key) the last completed run or delta read. */
export interface ChangeCursorsTable {
  source_table: string;
  /** ISO instant; null when the table's records carry no change time. */
  at: string | null;
  key: string | null;
  /** The run or delta that set it (its row-level outcomes carry into a change-cursor delta). */
  run_id: string;
  updated_at: string;
}

export interface PrimaryLinksTable {
  patient_id: string;
  link_id: string;
  practice_id: string;
}

export type RunKind = "sample" | "run" | "delta" | "verify" | "rollback";
export type RunStatus = "running" | "completed" | "failed";

export interface RunsTable {
  id: string;
  kind: RunKind;
  status: RunStatus;
  started_at: string;
  finished_at: string | null;
  map_hash: string;
  /** JSON: counts and report paths, written when the run ends. */
  summary: string | null;
  /** JSON: what a resume needs (extraction done per table, wave reached). */
  progress: string;
}

export interface StagedRecordsTable {
  id: Generated<number>;
  source_table: string;
  source_key: string;
  file: string;
  row: number;
  /** JSON object of column → raw text. Contains PHI. */
  values_json: string;
  modified_at: string | null;
  /** The run whose extraction last saw this row; rows not seen by the current run are not loaded. */
  extract_run: string;
}

export type OutcomeStatus = "loaded" | "rejected" | "skipped" | "flagged";

export interface IssuesTable {
  id: Generated<number>;
  run_id: string;
  source_table: string;
  source_key: string | null;
  file: string | null;
  row: number | null;
  field: string | null;
  code: string;
  severity: "error" | "warning";
  message: string;
}

export interface RecordOutcomesTable {
  run_id: string;
  source_table: string;
  source_key: string;
  file: string | null;
  row: number | null;
  status: OutcomeStatus;
  /** The catalogued code or named rule behind a rejection or skip. */
  reason: string | null;
  target_table: string | null;
  target_key: string | null;
}

export interface CrosswalkTable {
  target_table: string;
  source_key: string;
  target_id: string;
  source_table: string;
  first_run: string;
  last_run: string;
}

export type JournalOp = "upsert" | "delete" | "restore";
export type JournalStatus = "pending" | "ok" | "failed";

export interface JournalTable {
  id: Generated<number>;
  run_id: string;
  op: JournalOp;
  target_table: string;
  source_key: string;
  target_id: string | null;
  /** 1 when the row was in the target before this write (then before_image is set). */
  existed_before: number;
  before_image: string | null;
  /** JSON of the row we meant to write. Contains PHI. */
  intent: string;
  status: JournalStatus;
  vendor_code: string | null;
  created_at: string;
  completed_at: string | null;
}

export interface AuditTable {
  id: Generated<number>;
  at: string;
  actor: string;
  operation: string;
  run_id: string | null;
  source_key: string | null;
  target_table: string | null;
  target_id: string | null;
  outcome: string;
  error_code: string | null;
  prev_hash: string;
  hash: string;
}

export interface ConfirmationsTable {
  id: Generated<number>;
  map_hash: string;
  confirmed_by: string;
  confirmed_at: string;
  confirmed_rows: number;
  rejected_rows: number;
}

export interface PlansTable {
  id: Generated<number>;
  map_hash: string;
  created_at: string;
  plan_json: string;
}
