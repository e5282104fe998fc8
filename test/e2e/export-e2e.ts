import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import type { FieldRow, MappingFile } from "../../src/config/mapping-file.js";
import { columnRuleQueue, reviewQueue, valueQueue } from "../../src/core/map/review-decisions.js";
import { startDataverseSandbox, type DataverseSandbox, type SeedUser } from "../../sandbox/dataverse/index.js";
import { runCli, runCliWithInput } from "./cli.js";

/** A vendor export taken through the real CLI, end to end (helpers for the per-vendor e2e tests). */

export interface Reconciliation {
  readonly unexplained: number;
  readonly tables: readonly { table: string; sourceRows: number; loaded: number; flagged: number; rejected: number; skipped: number }[];
  readonly exceptions: readonly { table: string; file: string | null; row: number | null; status: string; reason: string | null; field: string | null }[];
  readonly flags: readonly { table: string; file: string | null; row: number | null; code: string; field: string | null }[];
}

export interface Verified {
  readonly mismatches: number;
  readonly missingRows: number;
  readonly fieldsChecked: number;
  readonly reconciliation: Reconciliation;
}

/** What a reviewer does with a row still proposed after the bulk review: accept or reject. */
export type Decision = "a" | "r";

export interface Migration {
  readonly ws: string;
  readonly sandbox: DataverseSandbox;
  /** stdout and stderr of every command, human and --json. */
  readonly output: string[];
  readonly planText: string;
  readonly verify: Verified;
  /** Rows the reviewer decided by hand after `--accept-above 0.8`: source, proposal, decision. */
  readonly decided: readonly { source: string; model: string | null; decision: Decision | "changed" }[];
  readonly rollback: { deleted: number; failed: number; residue: number };
  /** The target's rows after run (before rollback), by table. */
  readonly snapshot: Record<string, Record<string, unknown>[]>;
  readonly afterRollback: Record<string, Record<string, unknown>[]>;
}

export interface MigrateOptions {
  readonly name: string;
  readonly root: string;
  readonly source: string;
  readonly exportDir: string;
  readonly users: readonly SeedUser[];
  /** Changes to handover.yaml after init (e.g. source.timezone). */
  readonly configure?: (config: Record<string, unknown>) => void;
  /** Rows a reviewer rejects although the bulk review confirmed them (read from mapping.yaml). */
  readonly unconfirm?: (row: FieldRow) => boolean;
  /** Rows a reviewer points at another field, editing mapping.yaml (model and target): confirmed. */
  readonly amend?: (row: FieldRow) => { readonly model: string; readonly target: string } | undefined;
  /** The reviewer's call on each row left proposed, shown lowest confidence first. */
  readonly decide: (row: FieldRow) => Decision;
}

async function snapshot(sandbox: DataverseSandbox): Promise<Record<string, Record<string, unknown>[]>> {
  return (await (await fetch(new URL("/_sandbox/snapshot", sandbox.url))).json()) as Record<string, Record<string, unknown>[]>;
}

/**
 * init → discover → map → map review (--accept-above 0.8 --confirm-rules, then the rest by hand in
 * the interactive review) → plan → schema apply → run → verify → rollback, against a fresh
 * Dataverse sandbox. Every command must succeed; their output is kept for the PHI check.
 */
export async function migrateExport(o: MigrateOptions): Promise<Migration> {
  const sandbox = await startDataverseSandbox({ port: 0, users: [...o.users] });
  const ws = join(o.root, o.name);
  const output: string[] = [];
  const cli = async (args: readonly string[], json = true): Promise<string> => {
    const r = await runCli(json ? [...args, "--json"] : args);
    output.push(r.stdout, r.stderr);
    assert.equal(r.code, 0, `handover ${args.join(" ")} exited ${r.code}: ${r.stderr}`);
    return r.stdout;
  };
  await cli(["init", ws, "--source", o.source, "--export", o.exportDir, "--url", sandbox.url, "--fallback-owner", "crm.admin@example.com"]);
  if (o.configure) {
    const file = join(ws, "handover.yaml");
    const config = parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    o.configure(config);
    writeFileSync(file, stringify(config));
  }
  await cli(["-w", ws, "discover"]);
  await cli(["-w", ws, "map"]);
  await cli(["-w", ws, "map", "review", "--accept-above", "0.8", "--confirm-rules"]);

  // What is left, a person decides: first the confirmed rows they disagree with (in mapping.yaml),
  // then each proposed row in the terminal review, lowest confidence first.
  const mappingFile = join(ws, "mapping.yaml");
  let mapping = parse(readFileSync(mappingFile, "utf8")) as MappingFile;
  const decided: { source: string; model: string | null; decision: Decision | "changed" }[] = [];
  mapping = { ...mapping, fields: mapping.fields.map((f): FieldRow => {
    const amended = f.status !== "rejected" ? o.amend?.(f) : undefined;
    if (amended) {
      decided.push({ source: f.source, model: f.model, decision: "changed" });
      return { ...f, ...amended, status: "confirmed", reasons: [...f.reasons, "changed by the reviewer in mapping.yaml"] };
    }
    if (f.status !== "confirmed" || !o.unconfirm?.(f)) return f;
    decided.push({ source: f.source, model: f.model, decision: "r" });
    return { ...f, status: "rejected" };
  }) };
  writeFileSync(mappingFile, stringify(mapping, { lineWidth: 0 }));
  // The terminal asks about split/combine rules first, then fields, then value rows; rules and
  // values left under the bulk threshold are accepted as proposed (verify compares what they give).
  const queue = reviewQueue(mapping);
  const answers = queue.map((row) => o.decide(row));
  queue.forEach((row, k) => decided.push({ source: row.source, model: row.model, decision: answers[k]! }));
  const rules = columnRuleQueue(mapping).map(() => "a");
  const values = valueQueue(mapping).map(() => "a");
  const reviewed = await interactiveReview(ws, [...rules, ...answers, ...values]);
  output.push(reviewed.stdout, reviewed.stderr);
  assert.equal(reviewed.code, 0, reviewed.stderr);
  assert.match(reviewed.stdout, /The map is confirmed\./);

  const planText = await cli(["-w", ws, "plan"], false);
  await cli(["-w", ws, "schema", "apply"]);
  const run = JSON.parse(await cli(["-w", ws, "run"])) as { verify: Verified };
  await cli(["-w", ws, "verify"], false);
  const during = await snapshot(sandbox);
  const rollback = JSON.parse(await cli(["-w", ws, "rollback"])) as { deleted: number; failed: number; residue: number };
  return { ws, sandbox, output, planText, verify: run.verify, decided, rollback, snapshot: during, afterRollback: await snapshot(sandbox) };
}

/** `map review` in the terminal, answered line by line as a person would. */
const interactiveReview = (ws: string, answers: readonly string[]) => runCliWithInput(["-w", ws, "map", "review"], answers, { HANDOVER_ACTOR: "reviewer@practice.example" });

/** Flags and exceptions of one source row. */
export function at(r: Reconciliation, table: string, row: number) {
  return {
    flags: r.flags.filter((f) => f.table === table && f.row === row),
    exceptions: r.exceptions.filter((e) => e.table === table && e.row === row),
  };
}

/** No listed patient value (by kind: name, email, phone…) may reach the terminal. The failure names
 * the kind and the command's output it was in, never the value. */
export function assertNoPhi(output: readonly string[], values: readonly { readonly kind: string; readonly value: string }[]): void {
  let checked = 0;
  for (const { kind, value } of values) {
    if (value.length < 8) continue;
    // Whole values only: "Liam Martin" inside a referring dentist "Dr. Liam Martinez" is not a leak.
    const whole = new RegExp(`(?<![\\p{L}\\p{N}])${value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`, "u");
    const k = output.findIndex((o) => whole.test(o));
    assert.equal(k, -1, `a patient ${kind} reached the terminal (output #${k}: ${output[k - (k % 2)]?.slice(0, 60) ?? ""})`);
    checked += 1;
  }
  assert.ok(checked > 100, `only ${checked} values checked`);
}

/** Whether the confirmed map writes a source column to the target (a planted flaw in a column
 * that is not written can't show in the reconciliation). */
export function writtenColumns(ws: string): (table: string, column: string) => boolean {
  const mapping = parse(readFileSync(join(ws, "mapping.yaml"), "utf8")) as MappingFile;
  return (table, column) => {
    const row = mapping.fields.find((f) => f.source === `${table}.${column}`);
    return !!row && row.status === "confirmed" && !!row.target && !row.target.startsWith("(not written)");
  };
}

/** Every planted base64 note arrives as its decoded text: `notes` are the export's note rows,
 * `id`/`text` their key and body columns, `prefix` the workspace's key prefix and table. */
export function assertBase64NotesDecoded(annotations: readonly Record<string, unknown>[], dirt: readonly PlantedDirt[], notes: readonly Record<string, string>[], o: { prefix: string; id: string; text: string }): void {
  const byKey = new Map(annotations.filter((a) => a.hc_sourcekey).map((a) => [String(a.hc_sourcekey), a]));
  let decoded = 0;
  for (const d of dirt) {
    if (d.kind !== "base64-note") continue;
    const note = byKey.get(`${o.prefix}:${d.key}`);
    const source = notes.find((n) => n[o.id] === d.key);
    if (!note || !source) continue;
    assert.ok(note.notetext === Buffer.from(source[o.text]!, "base64").toString("utf8"), `note ${d.key} arrives decoded`);
    decoded += 1;
  }
  assert.ok(decoded > 0, "base64 notes checked");
}

/** A planted flaw as the generators' manifests list it (the fields every kind may have). */
export interface PlantedDirt {
  readonly kind: string;
  readonly table?: string;
  readonly key?: string;
  readonly keys?: readonly string[];
  readonly row?: number;
  readonly rows?: readonly number[];
  readonly column?: string;
  readonly format?: string;
}

/** Column-wide conventions, not row-level flaws: each test checks them its own way. */
const conventions = new Set(["custom-column", "zoneless-timestamp", "formatted-amount", "multi-select"]);

/**
 * Every planted flaw is caught where it is an error (its code, file row and field), or shown not
 * to be one for this migration (the reason is in the case). Returns how many of each kind were
 * checked. `written(table, column)`: whether the confirmed map writes that source column.
 */
export function assertDirtCaught(r: Reconciliation, dirt: readonly PlantedDirt[], written: (table: string, column: string) => boolean): Record<string, number> {
  const checked: Record<string, number> = {};
  const unmapped = (table: string) => {
    const t = r.tables.find((x) => x.table === table);
    return !!t && t.skipped === t.sourceRows && r.exceptions.some((e) => e.table === table && e.reason === "table-not-mapped");
  };
  for (const d of dirt) {
    if (conventions.has(d.kind)) continue;
    const where = `${d.kind} at ${d.table} row ${d.row ?? d.rows?.join("/")} (${d.column ?? ""})`;
    const hits = d.table && d.row ? at(r, d.table, d.row) : { flags: [], exceptions: [] };
    // A rejection by the loader for a missing parent (HO-LOD-001) may name no field.
    const flagged = (codes: readonly string[]) => hits.flags.some((f) => codes.includes(f.code) && f.field === d.column) ||
      hits.exceptions.some((e) => e.status === "rejected" && codes.includes(e.reason ?? "") && (e.field === d.column || (e.reason === "HO-LOD-001" && e.field === null)));
    const rejected = hits.exceptions.some((e) => e.status === "rejected");
    if (d.table && unmapped(d.table)) {
      // The model has no object for the table: the whole table is skipped by rule table-not-mapped.
    } else switch (d.kind) {
      case "bad-email": case "bad-phone": case "bad-postcode": case "bad-date":
        assert.ok(flagged(["HO-TRN-001"]), `${where} not flagged HO-TRN-001`);
        break;
      case "alt-date-format":
        // Another accepted format is read (in its declared day/month order); a two-digit year is not.
        if (/(^|\/)YY$/.test(d.format ?? "")) assert.ok(flagged(["HO-TRN-001"]), `${where} (${d.format}) not flagged`);
        else assert.ok(!flagged(["HO-TRN-001"]) && !rejected, `${where} (${d.format}) should have been read`);
        break;
      case "ambiguous-local-time":
        assert.ok(flagged(["HO-TRN-009", "HO-TRN-010"]), `${where} not flagged as a doubled or skipped local time`);
        break;
      case "malformed-row":
        assert.ok(hits.exceptions.some((e) => e.status === "rejected" && e.reason === "HO-SRC-003"), `${where} not rejected`);
        break;
      case "duplicate-key":
        assert.ok(at(r, d.table!, d.rows![1]!).exceptions.some((e) => e.status === "skipped" && e.reason === "duplicate-source-key"), `${where} not skipped`);
        break;
      case "orphan-row": case "unknown-provider":
        // A reference the map writes rejects the record; one it doesn't write (a note's author) is no error here.
        if (written(d.table!, d.column!)) assert.ok(flagged(["HO-TRN-003", "HO-LOD-001"]), `${where} not rejected`);
        else assert.ok(!rejected, `${where}: its column is not written, the record should load`);
        break;
      case "missing-file":
        assert.ok(flagged(["HO-LOD-003"]), `${where} not rejected`);
        break;
      case "large-file":
        assert.ok(flagged(["HO-LOD-005"]), `${where} not refused`);
        break;
      case "long-note":
        // Over the brief's 32,768 characters but within the org's note limit: loaded whole (split, HO-LOD-004, above it).
        assert.ok(!rejected, `${where} rejected`);
        break;
      case "inactive-provider":
        // The provider's CRM user is disabled: the record goes to the confirmed fallback owner.
      case "base64-note": case "windows-1252-text":
        // Decoded (the test checks the text that arrived).
      case "name-variant": case "name-order": case "mixed-separators":
        // Free text kept as written; nothing in the model splits or merges it.
        assert.ok(!rejected && !hits.flags.some((f) => f.field === d.column), `${where} should load unflagged`);
        break;
      case "near-duplicate":
        // Not detected: no rule compares patients across rows yet (HO-TRN-007 is catalogued but never
        // raised); both records load. Listed so the gap stays visible.
        break;
      default:
        assert.fail(`planted dirt of kind ${d.kind} (${where}) has no check: decide whether it is an error`);
    }
    checked[d.kind] = (checked[d.kind] ?? 0) + 1;
  }
  return checked;
}
