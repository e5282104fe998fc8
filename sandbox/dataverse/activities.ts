/** Activity rules: closed activities are read-only, activity parties are written with their activity. */
import { DvError, badValueType } from "./errors.js";
import { isLookupValue } from "./model.js";
import type { Row, TableDef } from "./model.js";
import { createRecord } from "./records.js";
import type { WriteContext } from "./records.js";
import { CLOSED_ACTIVITY_STATES } from "./tables-activities.js";

/**
 * A completed/canceled activity accepts only a state change. Wording as reported by Dataverse
 * clients ("Cannot update Closed or Cancelled Activity"); the code is an emulator choice
 * (0x80040203 InvalidArgument) — Microsoft's error list gives no specific one we could find.
 */
export function checkClosedActivity(t: TableDef, existing: Row, body: Readonly<Record<string, unknown>>): void {
  if (!t.isActivity || !CLOSED_ACTIVITY_STATES.includes(Number(existing.statecode))) return;
  const changes = Object.keys(body).filter((k) => !k.startsWith("@") && k !== "statecode" && k !== "statuscode");
  if (changes.length > 0) throw new DvError(400, "0x80040203", "Cannot update Closed or Cancelled Activity");
}

/** Writes `<activity>_activity_parties` rows for an activity; on update the list replaces the old one. */
export function writeParties(ctx: WriteContext, t: TableDef, activity: Row, parties: unknown, replace: boolean): void {
  const nav = t.partyCollection ?? "";
  if (!Array.isArray(parties)) throw badValueType(t.entitySetName, nav, `Collection(Microsoft.Dynamics.CRM.activityparty)`);
  const pt = ctx.store.mustTable("activityparty");
  const activityId = String(activity.activityid);
  if (replace) {
    for (const row of [...ctx.store.allRows("activityparty")]) {
      if (isLookupValue(row.activityid) && row.activityid.id === activityId) ctx.store.remove(pt, String(row.activitypartyid));
    }
  }
  for (const p of parties) createRecord(ctx, pt, p, { activityid: { id: activityId, table: t.logicalName } });
}

/** The display name Dataverse keeps on a party row (the party's primary name). */
export function partyName(ctx: WriteContext, row: Row): string | null {
  const party = row.partyid;
  if (!isLookupValue(party)) return null;
  const target = ctx.store.table(party.table);
  const name = target ? ctx.store.get(party.table, party.id)?.[target.primaryName] : undefined;
  return typeof name === "string" ? name : null;
}
