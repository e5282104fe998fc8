/** Entry for `handover sandbox dataverse --port P --data FILE [--users FILE]`. */
import { readFile } from "node:fs/promises";
import { isSeedUserArray } from "./seed.js";
import { startDataverseSandbox } from "./server.js";
import type { DataverseSandboxOptions } from "./server.js";
import { untilSignal } from "../until-signal.js";

export interface DataverseSandboxCliOptions {
  readonly port?: number;
  readonly host?: string;
  readonly dataFile?: string;
  /** Path to a `crm-users.json`-style array of systemusers to seed. */
  readonly usersFile?: string;
  readonly budget?: DataverseSandboxOptions["budget"];
  readonly prefixes?: readonly string[];
  /** EntityDefinitions JSON exported from a real org (shape documented in metadata-file.ts). */
  readonly metadataFile?: string;
  /** Org edition (Sales Professional caps custom tables at 15). */
  readonly edition?: DataverseSandboxOptions["edition"];
  /** Where the one status line goes (default console.log). */
  readonly log?: (line: string) => void;
  /** Resolves when the sandbox should stop (default: first SIGINT/SIGTERM). */
  readonly until?: Promise<unknown>;
}


/** Runs until SIGINT/SIGTERM, then flushes state and closes. Never calls process.exit. */
export async function runDataverseSandboxCli(opts: DataverseSandboxCliOptions = {}): Promise<void> {
  let users: DataverseSandboxOptions["users"];
  if (opts.usersFile) {
    const parsed = JSON.parse(await readFile(opts.usersFile, "utf8")) as unknown;
    if (!isSeedUserArray(parsed)) throw new Error(`${opts.usersFile}: expected an array of { internalemailaddress, ... }`);
    users = parsed;
  }
  const sandbox = await startDataverseSandbox({
    port: opts.port ?? 0, host: opts.host, dataFile: opts.dataFile, users, budget: opts.budget, prefixes: opts.prefixes,
    metadataFile: opts.metadataFile, edition: opts.edition,
  });
  (opts.log ?? console.log)(`Dataverse sandbox listening on ${sandbox.url} (data: ${opts.dataFile ?? "in-memory"})`);
  await (opts.until ?? untilSignal());
  await sandbox.close();
}
