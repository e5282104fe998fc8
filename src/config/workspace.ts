import { chmodSync, existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse, stringify } from "yaml";
import type { z } from "zod";
import { HandoverError } from "../contracts/handover-error.js";
import type { ErrorCode } from "../contracts/errors/index.js";
import { handoverConfigSchema, type HandoverConfig } from "./handover-config.js";
import { mappingFileSchema, type MappingFile } from "./mapping-file.js";

/** The files and folders of one workspace (architecture §2). */
export interface Workspace {
  readonly root: string;
  readonly configFile: string;
  readonly mappingFile: string;
  readonly stateDir: string;
  readonly storeFile: string;
  readonly reportsDir: string;
  readonly filesDir: string;
}

export function workspaceAt(root: string): Workspace {
  const abs = resolve(root);
  const stateDir = join(abs, ".handover");
  return {
    root: abs,
    configFile: join(abs, "handover.yaml"),
    mappingFile: join(abs, "mapping.yaml"),
    stateDir,
    storeFile: join(stateDir, "state.db"),
    reportsDir: join(stateDir, "reports"),
    filesDir: join(stateDir, "files"),
  };
}

export function loadConfig(ws: Workspace): HandoverConfig {
  if (!existsSync(ws.configFile)) throw new HandoverError("HO-CFG-001", { path: ws.root });
  return Object.freeze(parseYaml(ws.configFile, "handover.yaml", handoverConfigSchema));
}

export function saveConfig(ws: Workspace, config: HandoverConfig): void {
  mkdirSync(ws.root, { recursive: true });
  writeFileSync(ws.configFile, "# Handover workspace. Secrets go in environment variables, never here.\n" + stringify(config));
}

export function hasMapping(ws: Workspace): boolean {
  return existsSync(ws.mappingFile);
}

export function loadMapping(ws: Workspace): MappingFile {
  if (!existsSync(ws.mappingFile)) throw new HandoverError("HO-MAP-001");
  return parseYaml(ws.mappingFile, "mapping.yaml", mappingFileSchema);
}

export function saveMapping(ws: Workspace, mapping: MappingFile): void {
  // Value rows hold source values: the file is then owner-only from the start, as the catalog is.
  const text = stringify(mapping, { lineWidth: 0 });
  if (mapping.values && mapping.values.length > 0) {
    if (existsSync(ws.mappingFile)) chmodSync(ws.mappingFile, 0o600);
    writeFileSync(ws.mappingFile, text, { mode: 0o600 });
  } else writeFileSync(ws.mappingFile, text);
}

function parseYaml<S extends z.ZodType>(path: string, name: string, schema: S): z.infer<S> {
  let raw: unknown;
  try {
    raw = parse(readFileSync(path, "utf8"));
  } catch (cause) {
    throw new HandoverError("HO-CFG-002", { file: name, problems: "not readable YAML" }, { cause });
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    // A check that names its own catalogued code (a time zone, a country) is reported with it.
    for (const i of result.error.issues) {
      const code: unknown = i.code === "custom" ? i.params?.["code"] : undefined;
      if (typeof code === "string") throw new HandoverError(code as ErrorCode, { file: name, field: i.path.join("."), name: String(valueAt(raw, i.path)) });
    }
    const problems = result.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
      .join("; ");
    throw new HandoverError("HO-CFG-002", { file: name, problems });
  }
  return result.data;
}

/** The value at `path` in parsed YAML (for a message naming what was refused). */
function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((node, key) => (node !== null && typeof node === "object" ? (node as Record<PropertyKey, unknown>)[key] : undefined), raw);
}
