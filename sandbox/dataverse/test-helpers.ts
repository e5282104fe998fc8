/** Shared setup for the sandbox tests: a fresh server on a random port + a real client. */
delete process.env.http_proxy;
delete process.env.HTTP_PROXY;
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DynamicsWebApi } from "dynamics-web-api";
import { startDataverseSandbox } from "./server.js";
import type { DataverseSandbox, DataverseSandboxOptions } from "./server.js";

export interface Harness {
  readonly sandbox: DataverseSandbox;
  readonly api: DynamicsWebApi;
  readonly dataFile: string;
  readonly base: string;
  fetchApi(path: string, init?: RequestInit): Promise<Response>;
}

export async function startHarness(options: DataverseSandboxOptions = {}): Promise<Harness> {
  const dataFile = options.dataFile ?? join(mkdtempSync(join(tmpdir(), "dv-sandbox-")), "org.json");
  const sandbox = await startDataverseSandbox({ ...options, dataFile, persistDebounceMs: 20 });
  const api = new DynamicsWebApi({ serverUrl: sandbox.url, onTokenRefresh: async () => "test-token" });
  const base = `${sandbox.url}/api/data/v9.2/`;
  return {
    sandbox, api, dataFile, base,
    fetchApi: (path, init = {}) =>
      fetch(base + path, { ...init, headers: { Authorization: "Bearer test-token", Accept: "application/json", ...(init.headers as Record<string, string> | undefined) } }),
  };
}

export async function addHcKey(h: Harness, table: string, column: string): Promise<void> {
  await h.api.createAttribute({
    entityKey: `LogicalName='${table}'`,
    data: {
      "@odata.type": "Microsoft.Dynamics.CRM.StringAttributeMetadata", SchemaName: `hc_${column}`, AttributeType: "String",
      AttributeTypeName: { Value: "StringType" }, MaxLength: 100, FormatName: { Value: "Text" },
      DisplayName: { LocalizedLabels: [{ Label: column, LanguageCode: 1033 }] }, RequiredLevel: { Value: "None" },
    },
  });
  const res = await h.fetchApi(`EntityDefinitions(LogicalName='${table}')/Keys`, {
    method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ SchemaName: `hc_${column}_key`, DisplayName: { LocalizedLabels: [{ Label: "k", LanguageCode: 1033 }] }, KeyAttributes: [`hc_${column}`] }),
  });
  if (res.status !== 204) throw new Error(`key creation failed: ${res.status} ${await res.text()}`);
}
