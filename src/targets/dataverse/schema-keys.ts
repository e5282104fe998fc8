/** Alternate keys: POST EntityDefinitions(…)/Keys, then wait (bounded) for the index to be Active. */
import type { PlannedKey, SchemaOutcome } from "../../contracts/target.js";
import { backoffDelay } from "../../support/backoff.js";
import { entityKey } from "./metadata.js";
import { label } from "./schema-names.js";
import { done, failed, failureOf, localFailure, type SchemaDeps } from "./schema-support.js";

type KeyState = "active" | "pending" | "failed" | "missing";

async function keyState(key: PlannedKey, deps: SchemaDeps): Promise<KeyState> {
  deps.metadata.invalidate(key.table);
  const meta = await deps.metadata.table(key.table);
  const name = key.name.toLowerCase();
  const sameColumns = (cols: readonly string[]) => cols.length === key.columns.length && cols.every((c) => key.columns.includes(c));
  const found = meta.keys.find((k) => k.name === name) ?? meta.keys.find((k) => sameColumns(k.columns));
  if (!found) return "missing";
  if (found.active) return "active";
  return meta.keyStatus.get(found.name) === "Failed" ? "failed" : "pending";
}

/** Polls (bounded, with backoff) until the key's index is Active. */
async function waitActive(key: PlannedKey, deps: SchemaDeps): Promise<KeyState> {
  let waited = 0;
  for (let attempt = 0; ; attempt++) {
    const state = await keyState(key, deps);
    if (state !== "pending" || waited >= deps.keyWaitMs) return state;
    const delay = Math.min(backoffDelay(attempt, { baseMs: 1000, maxMs: 15_000 }), deps.keyWaitMs - waited);
    await deps.sleep(delay);
    waited += delay;
  }
}

export async function applyKey(key: PlannedKey, deps: SchemaDeps): Promise<SchemaOutcome> {
  const item = { kind: "key" as const, table: key.table, name: key.name };
  const pending = failed(item, localFailure("the key's index is still being built; run schema again later", true));
  const failedKey = failed(item, localFailure("the key's index failed to build (duplicate values in its columns?)"));
  try {
    const before = await keyState(key, deps);
    if (before === "active") return done(item, false);
    if (before === "failed") return failedKey;
    if (before === "pending") return (await waitActive(key, deps)) === "active" ? done(item, false) : pending;
    await deps.session.call((api) =>
      api.create({
        collection: "EntityDefinitions",
        key: entityKey(key.table),
        navigationProperty: "Keys",
        data: { SchemaName: key.name, DisplayName: label(key.name), KeyAttributes: [...key.columns] },
      }),
    );
    const after = await waitActive(key, deps);
    if (after === "active") return done(item, true);
    if (after === "failed") return failedKey;
    if (after === "missing") return failed(item, localFailure("the key was accepted but is not listed", true));
    return pending;
  } catch (error) {
    return failed(item, failureOf(error));
  }
}
