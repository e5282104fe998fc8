/** Record ids by our key, one SOQL query per IN list. */
import { HandoverError } from "../../contracts/handover-error.js";
import { toFailure } from "./errors.js";
import type { Session } from "./session.js";
import { inLists } from "./soql.js";

type Raw = Readonly<Record<string, unknown>>;

/**
 * Runs a SOQL read, turning a refusal (unknown field or object) into HO-TGT-006; budget,
 * credential and network errors pass through as they are.
 */
export async function queryOrFail(session: Session, table: string, soql: string): Promise<Raw[]> {
  try {
    return await session.query(soql);
  } catch (error) {
    if (error instanceof HandoverError) throw error;
    const failure = toFailure(error);
    throw new HandoverError("HO-TGT-006", { operation: "read rows", table, vendorCode: failure.vendorCode, reason: failure.reason }, { cause: error });
  }
}

/**
 * Ids of the `table` rows whose `keyField` is among `keys`, by lower-cased key (text external
 * ids match case-insensitively unless created case-sensitive).
 * @example await idsByKey(session, "Account", "Handover_Source_Key__c", ["a1"]) → Map { "a1" → "001…" }
 */
export async function idsByKey(session: Session, table: string, keyField: string, keys: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const list of inLists(keys)) {
    const rows = await queryOrFail(session, table, `SELECT Id, ${keyField} FROM ${table} WHERE ${keyField} IN (${list})`);
    for (const row of rows) {
      const key = row[keyField];
      if (typeof key === "string" && typeof row.Id === "string") out.set(key.toLowerCase(), row.Id);
    }
  }
  return out;
}
