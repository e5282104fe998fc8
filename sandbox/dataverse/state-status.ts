/** statecode/statuscode rules: default status, pair validation and allowed transitions (spec §9.3). */
import { DvError } from "./errors.js";
import type { Row, TableDef } from "./model.js";

/**
 * Mismatched pair. The message wording ("5 is not a valid status code for state code TaskState.Open")
 * is what Dataverse returns; 0x80048408 is the code reported alongside "State code or status code
 * is invalid" (seen in public issue write-ups, not in Microsoft's error list).
 */
const badPair = (t: TableDef, status: number, stateLabel: string): DvError =>
  new DvError(400, "0x80048408", `${status} is not a valid status code for state code ${t.schemaName}State.${stateLabel} on ${t.logicalName}`);

/** Emulator choice (no Microsoft code found): 0x80040203 with the platform's wording for bad transitions. */
const badTransition = (from: number, status: number, to: number): DvError =>
  new DvError(400, "0x80040203", `The state transition requested is not valid for the current state. Current state: ${from}, current status: ${status}, target state: ${to}`);

/**
 * Fills defaults and validates `row` (already merged with the body). `previous` is the stored row on
 * update. statecode alone → that state's default status; statuscode alone must fit the current state.
 */
export function applyStateRules(t: TableDef, row: Row, body: Readonly<Record<string, unknown>>, previous: Row | undefined): void {
  const states = t.states;
  if (!states) return;
  if (!previous && row.statecode === undefined) row.statecode = 0;
  const state = typeof row.statecode === "number" ? row.statecode : 0;
  const def = states.find((s) => s.state === state);
  if (("statecode" in body && !("statuscode" in body)) || row.statuscode === undefined || row.statuscode === null) {
    row.statuscode = def?.defaultStatus ?? null;
  }
  const status = t.columns.find((c) => c.logicalName === "statuscode")?.options?.find((o) => o.value === row.statuscode);
  if (status?.state !== undefined && status.state !== state && typeof row.statuscode === "number") {
    throw badPair(t, row.statuscode, def?.label ?? String(state));
  }
  if (previous && t.transitions && "statecode" in body) {
    const from = typeof previous.statecode === "number" ? previous.statecode : 0;
    if (!(t.transitions[from] ?? []).includes(state)) throw badTransition(from, Number(previous.statuscode), state);
  }
}
