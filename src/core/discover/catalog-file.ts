import { chmodSync, existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Workspace } from "../../config/workspace.js";
import type { SourceCatalog } from "../../contracts/source.js";
import type { Context } from "../context.js";

/**
 * The discovered source catalog, kept in the workspace so map and plan need not re-read the
 * whole export. It holds sample values (PHI): written owner-only.
 */
export function catalogPath(ws: Workspace): string {
  return join(ws.stateDir, "catalog.json");
}

export async function discoverSource(ctx: Context): Promise<SourceCatalog> {
  const catalog = await ctx.source.discover();
  mkdirSync(ctx.ws.stateDir, { recursive: true, mode: 0o700 });
  writeFileSync(catalogPath(ctx.ws), JSON.stringify(catalog, null, 1), { mode: 0o600 });
  chmodSync(catalogPath(ctx.ws), 0o600);
  return catalog;
}

/** The saved catalog, or a fresh discovery when there is none yet. */
export async function loadCatalog(ctx: Context): Promise<SourceCatalog> {
  const path = catalogPath(ctx.ws);
  if (existsSync(path)) return JSON.parse(readFileSync(path, "utf8")) as SourceCatalog;
  return discoverSource(ctx);
}
