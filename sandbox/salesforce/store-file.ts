/** The versioned JSON state file: written to a temp file then renamed, so a crash never tears it. */
import { existsSync, readFileSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { FieldDef, Row } from "./field-def.js";
import type { ObjectDef } from "./object-def.js";

export interface OrgInfo {
  readonly orgId: string;
  readonly adminUserId: string;
}

export interface OrgSettings {
  /** "Set Audit Fields upon Record Creation" granted to every caller. */
  readonly auditFieldsGranted: boolean;
  readonly dailyApiLimit: number;
  /** How long a write request keeps its parent-record locks (provokes UNABLE_TO_LOCK_ROW). */
  readonly lockDelayMs: number;
}

export interface IssuedToken {
  readonly userId: string;
  readonly issuedAt: number;
}

export interface PersistedState {
  readonly format: 1;
  readonly org: OrgInfo;
  readonly idCounter: number;
  readonly settings: OrgSettings;
  readonly apiUsage: { readonly day: string; readonly used: number };
  readonly customObjects: readonly ObjectDef[];
  /** Custom fields added to standard objects, by object name. */
  readonly customFields: Readonly<Record<string, readonly FieldDef[]>>;
  readonly rows: Readonly<Record<string, readonly Row[]>>;
  readonly tokens: Readonly<Record<string, IssuedToken>>;
}

export function readStateFile(file: string): PersistedState | undefined {
  if (!existsSync(file)) return undefined;
  const state = JSON.parse(readFileSync(file, "utf8")) as PersistedState;
  if (state.format !== 1) throw new Error(`${file}: unsupported Salesforce sandbox state format ${String(state.format)}`);
  return state;
}

export async function writeStateFile(file: string, state: PersistedState): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await mkdir(dirname(file), { recursive: true });
  await writeFile(tmp, JSON.stringify(state));
  await rename(tmp, file);
}
