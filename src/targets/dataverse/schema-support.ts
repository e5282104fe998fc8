/** What every schema step needs: dependencies, and how errors become outcomes. */
import { isHandoverError } from "../../contracts/handover-error.js";
import type { SchemaOutcome, TargetFailure } from "../../contracts/target.js";
import type { Sleep } from "../../support/pause-gate.js";
import type { Session } from "./client.js";
import { LOCAL_CODE, toFailure } from "./errors.js";
import type { MetadataCache } from "./metadata.js";

export interface SchemaDeps {
  readonly session: Session;
  readonly metadata: MetadataCache;
  readonly sleep: Sleep;
  /** How long to wait for a new key's index to become Active before reporting it pending. */
  readonly keyWaitMs: number;
}

export type SchemaKind = SchemaOutcome["kind"];

export interface ItemRef {
  readonly kind: SchemaKind;
  readonly table: string;
  readonly name: string;
}

/** A failure we decided on ourselves (nothing was sent, or the platform's answer was odd). */
export function localFailure(reason: string, transient = false): TargetFailure {
  return { vendorCode: LOCAL_CODE, reason, transient };
}

export function failed(item: ItemRef, error: TargetFailure): SchemaOutcome {
  return { ok: false, kind: item.kind, table: item.table, name: item.name, error };
}

export function done(item: ItemRef, created: boolean): SchemaOutcome {
  return { ok: true, kind: item.kind, table: item.table, name: item.name, created };
}

/** True when the error says the table does not exist (HO-TGT-005 from the metadata cache). */
export function isUnknownTable(error: unknown): boolean {
  return isHandoverError(error) && error.code === "HO-TGT-005";
}

/** Errors that end the whole call (auth, unreachable, throttled out) pass; others become outcomes. */
export function failureOf(error: unknown): TargetFailure {
  if (isUnknownTable(error)) return localFailure("unknown table");
  if (isHandoverError(error)) throw error;
  return toFailure(error);
}
