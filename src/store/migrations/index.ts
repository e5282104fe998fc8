import type { Migration } from "kysely";
import * as initial from "./0001-initial.js";
import * as lookupIndexes from "./0002-lookup-indexes.js";
import * as extractState from "./0003-extract-state.js";

/** Every store migration, by name; names sort in the order they must run. Never edit a shipped one. */
export const migrations: Readonly<Record<string, Migration>> = {
  "0001-initial": initial,
  "0002-lookup-indexes": lookupIndexes,
  "0003-extract-state": extractState,
};
