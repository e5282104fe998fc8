import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { cliJson } from "./cli.js";

/**
 * A workspace reading a PracticeHub sandbox at `ratePerSecond` with `pageSize` items a page,
 * migrating to `targetUrl`, its map bulk-reviewed at 0.8 and confirmed, planned and its schema
 * applied: ready for `run`. The API key must be in PRACTICEHUB_API_KEY.
 */
export async function practiceHubWorkspace(name: string, hubUrl: string, targetUrl: string, source: { ratePerSecond: number; pageSize: number }): Promise<string> {
  const ws = join(mkdtempSync(join(tmpdir(), `handover-${name}-`)), "ws");
  await cliJson(["init", ws, "--source", "practicehub", "--source-url", hubUrl, "--url", targetUrl, "--fallback-owner", "crm.admin@example.com"]);
  const file = join(ws, "handover.yaml");
  const config = parse(readFileSync(file, "utf8")) as { source: Record<string, unknown> };
  Object.assign(config.source, source);
  writeFileSync(file, stringify(config));
  for (const step of [["discover"], ["map"], ["map", "review", "--accept-above", "0.8", "--reject-below", "0.8", "--confirm-rules"], ["plan"], ["schema", "apply"]]) {
    await cliJson(["-w", ws, ...step]);
  }
  return ws;
}
