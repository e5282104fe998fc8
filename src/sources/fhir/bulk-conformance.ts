import { generateKeyPairSync } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SourceFactory } from "../../../test/conformance/source.case.js";
import { generateFhirExport } from "../../../sandbox/fhir/generate.js";
import { startFhirSandbox, type FhirSandbox } from "../../../sandbox/fhir/server.js";
import { createFhirBulkSource } from "./bulk-source.js";

/** Lines the broken sandbox appends to every Patient export: not JSON, another type, no id. */
export const badPatientLines = ["{not json", JSON.stringify({ resourceType: "Observation", id: "ob1" }), JSON.stringify({ resourceType: "Patient", name: [] })];

let data: Promise<string> | undefined;
/** One generated export shared by every case; each case's sandbox loads its own copy into memory. */
const dataDir = () => (data ??= mkdtemp(join(tmpdir(), "fhir-conf-data-")).then(async (dir) => (await generateFhirExport({ patients: 40, seed: 9, outDir: dir }), dir)));

export const testKeys = generateKeyPairSync("ec", { namedCurve: "P-384" });
export const clientId = "handover-test";

/** A bulk source against a sandbox, fresh folders, polls that don't wait. */
export async function bulkSourceFor(sandbox: FhirSandbox, workDir?: string, extra: { reuseExportForMs?: number; checkpointEvery?: number } = {}) {
  const dirs = { workDir: workDir ?? (await mkdtemp(join(tmpdir(), "fhir-work-"))), filesDir: await mkdtemp(join(tmpdir(), "fhir-files-")) };
  const source = createFhirBulkSource({
    baseUrl: sandbox.baseUrl, clientId, privateKey: testKeys.privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    ...dirs, sleep: async () => undefined, reuseExportForMs: extra.reuseExportForMs ?? 0, ...(extra.checkpointEvery ? { checkpointEvery: extra.checkpointEvery } : {}),
  });
  return { source, ...dirs };
}

export const sandboxClients = () => [{ clientId, publicKeyPem: testKeys.publicKey.export({ type: "spki", format: "pem" }).toString() }];

/** The conformance factory for the Bulk Data client over real HTTP to the FHIR sandbox. */
export function bulkConformanceFactory(): SourceFactory {
  return {
    name: "fhir-bulk",
    async start() {
      const dir = await dataDir();
      const sandbox = await startFhirSandbox({ dataDir: dir, clients: sandboxClients(), pollsBeforeReady: 1, maxResourcesPerFile: 15 });
      const broken = await startFhirSandbox({ dataDir: dir, clients: sandboxClients(), pollsBeforeReady: 0, extraLines: { Patient: badPatientLines } });
      const main = await bulkSourceFor(sandbox, undefined, { checkpointEvery: 7 });
      const bad = await bulkSourceFor(broken);
      const patients = sandbox.store.byType.get("Patient")?.size ?? 0;
      return {
        source: main.source,
        table: { name: "Patient", keyColumns: ["id"], minRows: 40 },
        mutate: async () => sandbox.mutate({ changed: 2, added: 2, deleted: 1 }),
        broken: { source: bad.source, table: "Patient", goodRows: patients, badRows: badPatientLines.length },
        async close() {
          await Promise.all([sandbox.close(), broken.close()]);
          await Promise.all([main.workDir, main.filesDir, bad.workDir, bad.filesDir].map((d) => rm(d, { recursive: true, force: true })));
        },
      };
    },
  };
}
