/**
 * Runs the real, unmodified Salesforce CLI (`sf`, npm `@salesforce/cli`) as a child process against a local
 * sandbox: finds its entry script, isolates HOME, keeps it off the internet and parses its `--json` output.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ENTRY = join("node_modules", "@salesforce", "cli", "bin", "run.js");

/**
 * The CLI's `bin/run.js`: `$SF_CLI_BIN` when set, else the nearest `node_modules/@salesforce/cli` above this
 * file (works from `test/e2e` under tsx and from `dist/test/e2e` when compiled). Throws — never skips — when absent.
 */
export function findSfCli(): string {
  const fromEnv = process.env.SF_CLI_BIN;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`SF_CLI_BIN points at ${fromEnv}, which does not exist`);
    return fromEnv;
  }
  const start = dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, ENTRY);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) break;
  }
  throw new Error(
    `The Salesforce CLI is not installed: no ${ENTRY} above ${start}. Run \`npm install\` (it is a devDependency), ` +
      "or point SF_CLI_BIN at an installed @salesforce/cli/bin/run.js.",
  );
}

/**
 * The child's environment: the caller's, minus proxies (the CLI ignores NO_PROXY and would send 127.0.0.1
 * through them), minus any SF_/SFDX_ settings and XDG dirs (so HOME alone holds its state), plus switches that
 * keep it from prompting or reaching the internet.
 */
export function sfEnv(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(https?|all|no)_proxy$/i.test(k) || /^(SF|SFDX)_/.test(k) || k.startsWith("XDG_") || k === "NODE_OPTIONS" || k === "NODE_TEST_CONTEXT") continue;
    env[k] = v;
  }
  return {
    ...env,
    HOME: home,
    USERPROFILE: home,
    // oclif's init hook (@oclif/plugin-update) only reads SF_DISABLE_AUTOUPDATE; setting SF_AUTOUPDATE_DISABLE alone
    // makes the CLI *skip* its own "npm install ⇒ no autoupdate" default and spawn `sf update` in the background.
    SF_DISABLE_AUTOUPDATE: "true",
    // @oclif/plugin-warn-if-update-available: no registry lookup for a newer version.
    SF_SKIP_NEW_VERSION_CHECK: "true",
    // @salesforce/telemetry: no App Insights upload.
    SF_DISABLE_TELEMETRY: "true",
    // @salesforce/core: keep the encryption key in $HOME/.sfdx/key.json rather than a desktop keyring (secret-tool).
    SF_USE_GENERIC_UNIX_KEYCHAIN: "true",
    ...extra,
  };
}

export interface SfRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout parsed as JSON (`--json` output), or undefined when it is not JSON. */
  readonly json: SfJson | undefined;
}

/** The CLI's `--json` envelope. */
export interface SfJson {
  readonly status: number;
  readonly result?: unknown;
  readonly name?: string;
  readonly message?: string;
  readonly data?: unknown;
  readonly warnings?: readonly string[];
}

export interface SfRunOptions {
  readonly home: string;
  readonly cwd?: string;
  readonly env?: Record<string, string>;
  /** Kill the CLI after this long (default 60 s). */
  readonly timeoutMs?: number;
}

/** Runs `sf <args>` to completion; never rejects on a non-zero exit (see {@link sfOk}). */
export function runSf(bin: string, args: readonly string[], opts: SfRunOptions): Promise<SfRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: opts.cwd ?? opts.home, env: sfEnv(opts.home, opts.env), stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, opts.timeoutMs ?? 60_000);
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      if (timedOut) {
        reject(new Error(`sf ${args.join(" ")} timed out after ${opts.timeoutMs ?? 60_000} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
        return;
      }
      let json: SfJson | undefined;
      try {
        json = JSON.parse(stdout) as SfJson;
      } catch {
        json = undefined;
      }
      resolve({ code, stdout, stderr, json });
    });
  });
}

/** Runs `sf <args> --json` and returns `result`; throws with the CLI's output unless it exits 0 with status 0. */
export async function sfOk<T>(bin: string, args: readonly string[], opts: SfRunOptions): Promise<T> {
  const run = await runSf(bin, [...args, "--json"], opts);
  if (run.code !== 0 || run.json?.status !== 0) {
    // undici ≥ 7.11 / 8 (pulled in by @jsforce/jsforce-node ≥ 3.10.17) crashes on import under Node < 22.
    const hint = /reading 'bind'\)[\s\S]*undici/.test(run.stderr)
      ? `\nhint: this CLI's dependency tree needs Node 22 (${process.version} here); pin @jsforce/jsforce-node to 3.10.16 with an npm override`
      : "";
    throw new Error(`sf ${args.join(" ")} exited ${String(run.code)}\nstdout: ${run.stdout}\nstderr: ${run.stderr}${hint}`);
  }
  return run.json.result as T;
}
