import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The real CLI entry, as a user runs it (compiled: bin/handover.js → dist). */
export const bin = fileURLToPath(new URL("../../../bin/handover.js", import.meta.url));

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function startCli(args: readonly string[], cwd?: string): ChildProcess {
  const env = { ...process.env };
  delete env.http_proxy;
  return spawn(process.execPath, [bin, ...args], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
}

/** Runs the CLI with lines on stdin, as a person answering its prompts would (and extra environment, e.g. HANDOVER_ACTOR). */
export function runCliWithInput(args: readonly string[], lines: readonly string[], extraEnv: Readonly<Record<string, string>> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const env = { ...process.env, ...extraEnv };
    delete env.http_proxy;
    const child = spawn(process.execPath, [bin, ...args], { env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(lines.map((line) => `${line}\n`).join(""));
  });
}

export function runCli(args: readonly string[], cwd?: string): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = startCli(args, cwd);
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (d) => (stdout += d));
    child.stderr!.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs the CLI with --json and returns the parsed result (fails loudly with stderr otherwise). */
export async function cliJson<T = Record<string, unknown>>(args: readonly string[]): Promise<T> {
  const r = await runCli([...args, "--json"]);
  if (r.code !== 0) throw new Error(`handover ${args.join(" ")} exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}
