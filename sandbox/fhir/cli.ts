/** Entry for `handover sandbox fhir --port P [--data DIR | --patients N --seed S] --client ID --public-key FILE`. */
import type { JsonWebKey } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { RegisteredClient } from "./client-assertion.js";
import { startFhirSandbox, type FhirSandboxOptions } from "./server.js";
import { untilSignal } from "../until-signal.js";

export interface FhirSandboxCliOptions {
  readonly port?: number;
  readonly host?: string;
  /** A folder written by `generateFhirExport`; without it one is generated from `patients`/`seed`. */
  readonly dataDir?: string;
  readonly patients?: number;
  readonly seed?: number;
  /** Clients by id with the path of a PEM public key or of a JWKS JSON file. */
  readonly clients: readonly { readonly clientId: string; readonly publicKeyFile?: string; readonly jwksFile?: string }[];
  readonly pollsBeforeReady?: number;
  readonly retryAfterSeconds?: number;
  /** Where the one status line goes (default console.log). */
  readonly log?: (line: string) => void;
  /** Resolves when the sandbox should stop (default: first SIGINT/SIGTERM). */
  readonly until?: Promise<unknown>;
}


/** Runs until SIGINT/SIGTERM (or `until`), then closes. Never calls process.exit. */
export async function runFhirSandboxCli(opts: FhirSandboxCliOptions): Promise<void> {
  const clients: RegisteredClient[] = [];
  for (const client of opts.clients) {
    if (client.publicKeyFile) clients.push({ clientId: client.clientId, publicKeyPem: await readFile(client.publicKeyFile, "utf8") });
    else if (client.jwksFile) clients.push({ clientId: client.clientId, jwks: JSON.parse(await readFile(client.jwksFile, "utf8")) as { keys: JsonWebKey[] } });
    else throw new Error(`client ${client.clientId}: give a public key file or a JWKS file`);
  }
  const options: FhirSandboxOptions = {
    clients, port: opts.port ?? 0,
    ...(opts.host ? { host: opts.host } : {}),
    ...(opts.dataDir ? { dataDir: opts.dataDir } : { generate: { patients: opts.patients ?? 50, seed: opts.seed ?? 1 } }),
    ...(opts.pollsBeforeReady !== undefined ? { pollsBeforeReady: opts.pollsBeforeReady } : {}),
    ...(opts.retryAfterSeconds !== undefined ? { retryAfterSeconds: opts.retryAfterSeconds } : {}),
  };
  const sandbox = await startFhirSandbox(options);
  (opts.log ?? console.log)(`FHIR sandbox listening on ${sandbox.baseUrl} (token: ${sandbox.tokenUrl}; data: ${opts.dataDir ?? "generated"})`);
  await (opts.until ?? untilSignal());
  await sandbox.close();
}
