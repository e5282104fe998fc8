/**
 * `npm run bench`: records/second and peak RSS of the demo pipeline (generate → discover → map →
 * plan → schema → run → verify) against the local Dataverse sandbox, at 10,000 and 100,000
 * patients. Sizes can be overridden: `node dist/bench/pipeline.bench.js 1000 5000`.
 * The sandbox runs in its own process, so the RSS figure is Handover's alone.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const bin = fileURLToPath(new URL("../../bin/handover.js", import.meta.url));
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);

function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; peakKb: number; seconds: number }> {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    // /usr/bin/time is not everywhere; read VmHWM from /proc while the child runs instead.
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "ignore"] });
    let stdout = "";
    let peakKb = 0;
    child.stdout.on("data", (d) => (stdout += d));
    const timer = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch { /* exited */ }
    }, 50);
    child.on("close", (code) => {
      clearInterval(timer);
      resolve({ code, stdout, peakKb, seconds: Number(process.hrtime.bigint() - started) / 1e9 });
    });
  });
}

async function bench(patients: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "handover-bench-"));
  const exportDir = join(dir, "export");
  await run(["sandbox", "generate", "visual-practice", "--patients", String(patients), "--seed", "1", "--out", exportDir]);
  const sandbox = spawn(process.execPath, [bin, "sandbox", "dataverse", "--port", "0", "--data", join(dir, "sandbox.json"), "--users", join(exportDir, "crm-users.json"), "--budget", "100000000/300"], { stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise<string>((resolve) => sandbox.stdout!.on("data", (d: Buffer) => { const m = /(http:\/\/\S+)/.exec(String(d)); if (m) resolve(m[1]!); }));
  const ws = join(dir, "ws");
  const steps: [string, string[]][] = [
    ["init", ["init", ws, "--export", exportDir, "--url", url, "--fallback-owner", "crm.admin@example.com"]],
    ["discover", ["-w", ws, "discover"]],
    ["map", ["-w", ws, "map"]],
    ["review", ["-w", ws, "map", "review", "--accept-above", "0.8", "--reject-below", "0.8", "--confirm-rules"]],
    ["plan", ["-w", ws, "plan"]],
    ["schema", ["-w", ws, "schema", "apply"]],
    ["run+verify", ["-w", ws, "run", "--json"]],
  ];
  let total = 0;
  let peak = 0;
  let records = 0;
  for (const [name, args] of steps) {
    const r = await run(args);
    if (r.code !== 0) throw new Error(`${name} failed (exit ${r.code})`);
    total += r.seconds;
    peak = Math.max(peak, r.peakKb);
    if (name === "run+verify") {
      const out = JSON.parse(r.stdout) as { verify: { reconciliation: { tables: { table: string; sourceRows: number }[] } } };
      // Only the tables the map moves: rows of tables it holds no object for are skipped as a
      // whole (table-not-mapped) and would flatter the rate.
      const mapped = new Set((parse(readFileSync(join(ws, "mapping.yaml"), "utf8")) as { objects: { source: string }[] }).objects.map((o) => o.source));
      const tables = out.verify.reconciliation.tables;
      records = tables.filter((t) => mapped.has(t.table)).reduce((n, t) => n + t.sourceRows, 0);
      const unmapped = tables.filter((t) => !mapped.has(t.table)).reduce((n, t) => n + t.sourceRows, 0);
      console.log(`  ${unmapped} rows of tables the map holds no object for were skipped as a whole, not counted`);
      console.log(`  run+verify: ${r.seconds.toFixed(1)} s, peak RSS ${(r.peakKb / 1024).toFixed(0)} MB`);
    }
  }
  console.log(`patients ${patients}: ${records} source records in ${total.toFixed(1)} s → ${(records / total).toFixed(0)} records/s; peak RSS ${(peak / 1024).toFixed(0)} MB`);
  sandbox.kill("SIGTERM");
  await new Promise((r) => sandbox.on("close", r));
  rmSync(dir, { recursive: true, force: true });
}

for (const n of sizes.length ? sizes : [10_000, 100_000]) await bench(n);
