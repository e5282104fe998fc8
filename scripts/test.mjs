#!/usr/bin/env node
// Builds the project, then runs every compiled *.test.js under node's own test runner.
// Node 20's --test takes file paths but no globs, so we list the files here.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const build = spawnSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.json"], { stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);

const only = process.argv.slice(2);
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (p.endsWith(".test.js")) files.push(p);
  }
};
for (const root of ["dist/src", "dist/sandbox", "dist/test"]) {
  try { walk(root); } catch { /* a root may not exist yet */ }
}
const chosen = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;
if (chosen.length === 0) {
  console.error("no test files found");
  process.exit(1);
}
delete process.env.http_proxy; // dynamics-web-api would route localhost through it
const run = spawnSync(process.execPath, ["--enable-source-maps", "--test", "--test-concurrency=2", ...chosen], { stdio: "inherit", env: process.env });
process.exit(run.status ?? 1);
