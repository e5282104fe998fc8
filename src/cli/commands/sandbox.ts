import type { Command } from "commander";
import { HandoverError } from "../../contracts/handover-error.js";
import { runDataverseSandboxCli, type SeedUser } from "../../../sandbox/dataverse/index.js";
import { runSalesforceSandboxCli } from "../../../sandbox/salesforce/index.js";
import { runPracticeHubSandboxCli, writePracticeHubExport } from "../../../sandbox/practicehub/index.js";
import { generateFhirExport, runFhirSandboxCli } from "../../../sandbox/fhir/index.js";
import { generateCorePracticeExport } from "../../../sandbox/core-practice/index.js";
import { generateClinicExport } from "../../../sandbox/clinic/index.js";
import { readFileSync } from "node:fs";
import { salesforceUsers } from "./demo-target.js";
import { formatGeneratedExportSummary, generateVisualPracticeExport } from "../../../sandbox/visual-practice/index.js";
import { createOutput } from "../output.js";
import type { GlobalOptions } from "./workflow.js";

const int = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new HandoverError("HO-CLI-002", { option: name, reason: "expected a whole number" });
  return n;
};

export function registerSandbox(program: Command): void {
  const sandbox = program.command("sandbox").description("local servers that speak the real protocols, and synthetic exports");
  sandbox.command("dataverse").description("run a local Dataverse Web API sandbox until Ctrl-C")
    .option("--port <port>", "port (0 = any free port)", int("--port"), 7071)
    .option("--data <file>", "state file (kept across restarts)", "dataverse-sandbox.json")
    .option("--users <file>", "seed CRM users from a JSON file (e.g. crm-users.json)")
    .option("--budget <requests/seconds>", "service-protection budget, e.g. 6000/300")
    .option("--metadata <file>", "load table definitions captured from a real org (handover target export-metadata)")
    .option("--edition <edition>", "org edition: enterprise or sales-professional (caps custom tables at 15)", "enterprise")
    .action(async (o: { port: number; data: string; users?: string; budget?: string; metadata?: string; edition: string }) => {
      const budget = o.budget ? parseBudget(o.budget) : undefined;
      if (o.edition !== "enterprise" && o.edition !== "sales-professional") throw new HandoverError("HO-CLI-002", { option: "--edition", reason: "expected enterprise or sales-professional" });
      await runDataverseSandboxCli({
        port: o.port, dataFile: o.data, edition: o.edition,
        ...(o.users ? { usersFile: o.users } : {}), ...(budget ? { budget } : {}), ...(o.metadata ? { metadataFile: o.metadata } : {}),
      });
    });
  sandbox.command("salesforce").description("run a local Salesforce sandbox (REST, Bulk API 2.0, Tooling, OAuth) until Ctrl-C")
    .option("--port <port>", "port (0 = any free port)", int("--port"), 7072)
    .option("--data <file>", "state file (kept across restarts)", "salesforce-sandbox.json")
    .option("--users <file>", "seed users from a JSON file (crm-users.json, or [{ email, name, isActive }])")
    .option("--daily-api-limit <n>", "daily API request allocation", int("--daily-api-limit"))
    .option("--audit-fields", "grant \"Set Audit Fields upon Record Creation\" (CreatedDate writable on insert)")
    .action(async (o: { port: number; data: string; users?: string; dailyApiLimit?: number; auditFields?: boolean }) => {
      const users = o.users ? sandboxUsers(o.users) : undefined;
      await runSalesforceSandboxCli({
        port: o.port, dataFile: o.data, ...(o.dailyApiLimit ? { dailyApiLimit: o.dailyApiLimit } : {}), ...(o.auditFields ? { auditFieldsGranted: true } : {}),
        ...(users ? { users } : {}),
      });
    });
  sandbox.command("practicehub").description("run a local PracticeHub API (1 request/second per key, regions, cursors, tombstones) until Ctrl-C")
    .option("--port <port>", "port (0 = any free port)", int("--port"), 7073)
    .option("--patients <n>", "patients to generate", int("--patients"), 500)
    .option("--seed <s>", "seed", int("--seed"), 1)
    .option("--rate <n>", "requests per second per API key", int("--rate"), 1)
    .action(async (o: { port: number; patients: number; seed: number; rate: number }) => {
      await runPracticeHubSandboxCli({ port: o.port, patients: o.patients, seed: o.seed, rateLimitPerSecond: Math.max(1, o.rate) });
    });
  sandbox.command("fhir").description("run a local FHIR R4 Bulk Data server (SMART Backend Services, $export) until Ctrl-C")
    .option("--port <port>", "port (0 = any free port)", int("--port"), 7074)
    .option("--data <dir>", "a folder written by 'sandbox generate fhir' (default: generate one)")
    .option("--patients <n>", "patients to generate when --data is not given", int("--patients"), 200)
    .option("--seed <s>", "seed", int("--seed"), 1)
    .requiredOption("--client <id=public-key.pem>", "a SMART client and its public key (PEM) or JWKS file")
    .action(async (o: { port: number; data?: string; patients: number; seed: number; client: string }) => {
      const [clientId, file] = o.client.split("=");
      if (!clientId || !file) throw new HandoverError("HO-CLI-002", { option: "--client", reason: "expected CLIENT_ID=path/to/public-key.pem (or .json for a JWKS)" });
      await runFhirSandboxCli({
        port: o.port, clients: [{ clientId, ...(file.endsWith(".json") ? { jwksFile: file } : { publicKeyFile: file }) }],
        ...(o.data ? { dataDir: o.data } : { patients: o.patients, seed: o.seed }),
      });
    });
  sandbox.command("generate <vendor>").description("write a deterministic synthetic export with realistic dirt (vendor: visual-practice, core-practice, clinic, fhir, practicehub)")
    .option("--patients <n>", "number of patients", int("--patients"), 2000)
    .option("--seed <s>", "seed", int("--seed"), 1)
    .requiredOption("--out <dir>", "output folder")
    .option("--large-files", "also plant sparse files over 25 MB and 128 MB (visual-practice, core-practice, clinic)")
    .action(async (vendor: string, o: { patients: number; seed: number; out: string; largeFiles?: boolean }, cmd: Command) => {
      const out = createOutput(!!cmd.optsWithGlobals<GlobalOptions>().json);
      const options = { patients: o.patients, seed: o.seed, outDir: o.out, ...(o.largeFiles ? { largeFiles: true } : {}) };
      if (vendor === "visual-practice") {
        const summary = await generateVisualPracticeExport(options);
        out.line(formatGeneratedExportSummary(summary));
        out.result(summary);
        return;
      }
      const summary = vendor === "core-practice" ? await generateCorePracticeExport(options)
        : vendor === "clinic" ? await generateClinicExport(options)
          : vendor === "fhir" ? await generateFhirExport(options)
            : vendor === "practicehub" ? await writePracticeHubExport(options)
              : null;
      if (!summary) throw new HandoverError("HO-CFG-005", { kind: "generator", name: vendor, known: "visual-practice, core-practice, clinic, fhir, practicehub" });
      out.line(`${vendor} sandbox export: ${o.patients} patients, seed ${o.seed}, in ${o.out}`);
      const dirt = Object.entries(summary.dirtCounts);
      if (dirt.length) out.line(`  planted dirt (listed in manifest.json): ${dirt.map(([k, n]) => `${k} ${n}`).join(", ")}`);
      out.result(summary);
    });
}

function parseBudget(text: string): { requests: number; windowSeconds: number } {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  if (!m) throw new HandoverError("HO-CLI-002", { option: "--budget", reason: "expected REQUESTS/SECONDS, e.g. 6000/300" });
  return { requests: Number(m[1]), windowSeconds: Number(m[2]) };
}

/** Users for the Salesforce sandbox: crm-users.json (Dataverse shape) or the sandbox's own shape. */
function sandboxUsers(file: string): { email: string; name?: string; isActive?: boolean }[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    throw new HandoverError("HO-CLI-002", { option: "--users", reason: "expected a readable JSON file" });
  }
  if (!Array.isArray(parsed)) throw new HandoverError("HO-CLI-002", { option: "--users", reason: "expected a JSON array of users" });
  return parsed.map((u: Record<string, unknown>) => (typeof u.internalemailaddress === "string" ? salesforceUsers([u as unknown as SeedUser])[0]! : (u as { email: string })));
}
