/** Entry for `handover sandbox salesforce --port P --data FILE [--users FILE]`. */
import { readFile } from "node:fs/promises";
import { isSeedUserArray } from "./seed.js";
import { startSalesforceSandbox } from "./server.js";
import type { SalesforceSandboxOptions } from "./server.js";
import { untilSignal } from "../until-signal.js";

export interface SalesforceSandboxCliOptions {
  readonly port?: number;
  readonly host?: string;
  readonly dataFile?: string;
  /** Path to a JSON array of `{ email, name?, isActive? }` users to seed. */
  readonly usersFile?: string;
  readonly dailyApiLimit?: number;
  readonly auditFieldsGranted?: boolean;
  readonly clients?: SalesforceSandboxOptions["clients"];
  readonly password?: string;
  /** Where the one status line goes (default console.log). */
  readonly log?: (line: string) => void;
  /** Resolves when the sandbox should stop (default: first SIGINT/SIGTERM). */
  readonly until?: Promise<unknown>;
}


/** Runs until SIGINT/SIGTERM (or `until`), then flushes state and closes. Never calls process.exit. */
export async function runSalesforceSandboxCli(opts: SalesforceSandboxCliOptions = {}): Promise<void> {
  let users: SalesforceSandboxOptions["users"];
  if (opts.usersFile) {
    const parsed = JSON.parse(await readFile(opts.usersFile, "utf8")) as unknown;
    if (!isSeedUserArray(parsed)) throw new Error(`${opts.usersFile}: expected an array of { email, name?, isActive? }`);
    users = parsed;
  }
  const sandbox = await startSalesforceSandbox({
    port: opts.port ?? 0, host: opts.host, dataFile: opts.dataFile, users, dailyApiLimit: opts.dailyApiLimit,
    auditFieldsGranted: opts.auditFieldsGranted, clients: opts.clients, password: opts.password,
  });
  (opts.log ?? console.log)(`Salesforce sandbox listening on ${sandbox.url} (data: ${opts.dataFile ?? "in-memory"})`);
  await (opts.until ?? untilSignal());
  await sandbox.close();
}
