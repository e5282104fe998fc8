import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { HandoverError } from "../../src/contracts/handover-error.js";
import { Rng } from "../visual-practice/prng.js";
import { writeCare } from "./gen-care.js";
import type { GenContext } from "./gen-context.js";
import { writeDirectory } from "./gen-directory.js";
import { writeDocuments } from "./gen-documents.js";
import { writeNotes } from "./gen-notes.js";
import { writePatients } from "./gen-patients.js";
import { countDirt, type FhirDirtKind, type FhirManifest } from "./manifest.js";
import { NdjsonWriter } from "./ndjson-writer.js";

export interface GenerateFhirOptions {
  /** Distinct patients (≥ 1). */
  readonly patients: number;
  /** Any integer; the same seed and count give byte-identical files. */
  readonly seed: number;
  readonly outDir: string;
  /** Size of each planted large attachment; 64 KiB by default (tests stay fast; pass 6 MiB to pass a CRM's limit). */
  readonly largeAttachmentBytes?: number;
  /** Every attachment inline, none missing: a self-contained export, as a folder handed over without its server. Mixed (inline, Binary, plain URL, one missing) by default. */
  readonly inlineOnly?: boolean;
}

export interface GeneratedFhirSummary {
  readonly outDir: string;
  readonly manifest: FhirManifest;
  readonly dirtCounts: Partial<Record<FhirDirtKind, number>>;
}

/** The resource types written, one `<Type>.ndjson` each. */
export const generatedTypes = ["Organization", "Location", "Practitioner", "PractitionerRole", "Patient", "Appointment", "Encounter", "Coverage",
  "MedicationRequest", "Claim", "ServiceRequest", "DocumentReference"] as const;

/**
 * Writes a synthetic, PHI-free FHIR R4 Bulk Data export (one NDJSON file per resource type,
 * attachment bytes under `binaries/`, `manifest.json` of the planted dirt) into `outDir`.
 * Each part draws from its own seeded generator, so growing one leaves the others' bytes alone.
 *
 * @example await generateFhirExport({ patients: 200, seed: 7, outDir: "/tmp/fhir" })
 */
export async function generateFhirExport(options: GenerateFhirOptions): Promise<GeneratedFhirSummary> {
  const { patients, outDir } = options;
  if (!Number.isSafeInteger(patients) || patients < 1) throw new HandoverError("HO-CLI-002", { option: "--patients", reason: "expected a whole number of at least 1" });
  if (!Number.isSafeInteger(options.seed)) throw new HandoverError("HO-CLI-002", { option: "--seed", reason: "expected a whole number" });
  const large = options.largeAttachmentBytes ?? 64 * 1024;
  if (!Number.isSafeInteger(large) || large < 16) throw new HandoverError("HO-CLI-002", { option: "largeAttachmentBytes", reason: "expected a whole number of at least 16" });
  const seed = options.seed >>> 0;
  await mkdir(outDir, { recursive: true });
  const out = Object.fromEntries(generatedTypes.map((type) => [type, new NdjsonWriter(join(outDir, `${type}.ndjson`))])) as Record<(typeof generatedTypes)[number], NdjsonWriter>;
  const ctx: GenContext = { dirt: [], organizations: [], locations: [], practitioners: [], roles: [], patients: [], encounters: [], coverages: new Set() };
  let binaries = { count: 0, bytes: 0 };
  let files: FhirManifest["files"] = {};
  try {
    await writeDirectory(Rng.derive(seed, "directory"), ctx, out, { practices: Math.max(2, Math.round(patients / 150)), practitioners: Math.max(4, Math.round(patients / 40)) });
    await writePatients(Rng.derive(seed, "patients"), ctx, out.Patient, patients);
    await writeCare(Rng.derive(seed, "care"), ctx, out);
    const inlineOnly = options.inlineOnly === true;
    binaries = await writeDocuments(Rng.derive(seed, "documents"), ctx, out.DocumentReference, outDir, large, inlineOnly);
    const notes = await writeNotes(Rng.derive(seed, "notes"), ctx, out.DocumentReference, outDir, inlineOnly);
    binaries = { count: binaries.count + notes.count, bytes: binaries.bytes + notes.bytes };
  } finally {
    files = Object.fromEntries(await Promise.all(generatedTypes.map(async (type) => [`${type}.ndjson`, await out[type].close()] as const)));
  }
  const manifest: FhirManifest = { generator: "fhir", formatVersion: 1, seed, patients, files, binaries, dirt: ctx.dirt };
  await writeFile(join(outDir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return { outDir, manifest, dirtCounts: countDirt(ctx.dirt) };
}
