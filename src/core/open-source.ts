import { resolve } from "node:path";
import type { HandoverConfig } from "../config/handover-config.js";
import type { Workspace } from "../config/workspace.js";
import { HandoverError } from "../contracts/handover-error.js";
import type { SourceConnector } from "../contracts/source.js";
import { createExportSource, getProfile, profiles } from "../sources/export/index.js";
import { createPracticeHubSource } from "../sources/practicehub/index.js";
import { createFhirBulkSource, createFhirNdjsonSource } from "../sources/fhir/index.js";
import { join } from "node:path";

/** The configured source: an export folder with its vendor profile, FHIR files or server, or PracticeHub. */
export function openSource(config: HandoverConfig, ws: Workspace): SourceConnector {
  const s = config.source;
  if (s.kind === "practicehub") {
    const apiKey = process.env[s.apiKeyEnv];
    if (!apiKey) throw new HandoverError("HO-CFG-004", { name: s.apiKeyEnv, purpose: "the PracticeHub API (API key)" });
    return createPracticeHubSource({ baseUrl: s.url, apiKey, ratePerSecond: s.ratePerSecond, pageSize: s.pageSize });
  }
  if (s.kind === "fhir") return createFhirNdjsonSource({ root: resolve(ws.root, s.path), filesDir: ws.filesDir });
  if (s.kind === "fhir-bulk") {
    const privateKey = process.env[s.privateKeyEnv];
    if (!privateKey) throw new HandoverError("HO-CFG-004", { name: s.privateKeyEnv, purpose: "the FHIR server (SMART private key, PEM)" });
    return createFhirBulkSource({
      baseUrl: s.url, clientId: s.clientId, privateKey, filesDir: ws.filesDir, workDir: join(ws.stateDir, "fhir-bulk"),
      ...(s.tokenUrl ? { tokenUrl: s.tokenUrl } : {}), ...(s.kid ? { kid: s.kid } : {}), ...(s.types ? { types: s.types } : {}),
    });
  }
  const profile = getProfile(s.profile);
  if (!profile) throw new HandoverError("HO-CFG-005", { kind: "source profile", name: s.profile, known: Object.keys(profiles).join(", ") });
  return createExportSource({ root: resolve(ws.root, s.path), profile });
}
