/**
 * In-memory org state with O(1) indexes (primary id and every Active alternate key),
 * change-set transactions (undo log) and debounced atomic JSON persistence.
 *
 * Durability: writes are flushed ~200 ms after the last mutation and on close/SIGTERM.
 * A SIGKILL of the sandbox process can lose the last ~200 ms of writes; killing the
 * product (a separate process) never affects the sandbox.
 */
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { duplicateKey } from "./errors.js";
import { isLookupValue, isoSeconds } from "./model.js";
import type { Cell, ColumnDef, GlobalOptionSetDef, KeyDef, ManyToManyDef, Row, TableDef } from "./model.js";
import { DEFAULT_SETTINGS } from "./org-settings.js";
import type { OrgSettings } from "./org-settings.js";
import { SEED_CONNECTION_ROLES, standardTables } from "./tables.js";
import { ensureSecuritySeed } from "./tables-security.js";

/** When a newly created alternate key becomes Active (default: at once). */
export interface KeyActivation {
  readonly afterMs?: number;
  readonly afterReads?: number;
}

export interface OrgInfo {
  readonly organizationId: string;
  readonly businessUnitId: string;
  readonly adminUserId: string;
}

interface PersistedState {
  readonly format: 1;
  readonly org: OrgInfo;
  readonly versionCounter: number;
  readonly schema: Record<string, { customColumns: ColumnDef[]; keys: KeyDef[] }>;
  readonly rows: Record<string, Row[]>;
  /** Tables created over the Web API (absent in older state files). */
  readonly customTables?: TableDef[];
  readonly globalOptionSets?: GlobalOptionSetDef[];
  readonly manyToMany?: ManyToManyDef[];
  readonly settings?: OrgSettings;
}

/** Schema and settings a sandbox starts from (before its state file is applied). */
export interface StoreInit {
  /** Definitions that replace or add to the standard tables (metadataFile seeding). */
  readonly tables?: readonly TableDef[];
  readonly settings?: Partial<OrgSettings>;
}

interface UndoEntry {
  readonly table: string;
  readonly id: string;
  readonly prev: Row | undefined;
}

export class Store {
  readonly tables = new Map<string, TableDef>();
  private readonly bySet = new Map<string, TableDef>();
  private readonly rows = new Map<string, Map<string, Row>>();
  /** table → key logical name → composite value → row id. Only Active keys are indexed. */
  private readonly keyIndex = new Map<string, Map<string, Map<string, string>>>();
  private versionCounter = 1000;
  private undo: UndoEntry[] | null = null;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;
  org: OrgInfo;
  settings: OrgSettings;
  readonly globalOptionSets = new Map<string, GlobalOptionSetDef>();
  readonly manyToMany: ManyToManyDef[] = [];

  constructor(
    private readonly dataFile: string | undefined,
    private readonly keyActivation: KeyActivation = {},
    private readonly debounceMs = 200,
    init: StoreInit = {},
  ) {
    this.settings = { ...DEFAULT_SETTINGS, ...init.settings };
    for (const t of standardTables()) this.registerTable(t);
    for (const t of init.tables ?? []) this.registerTable(t);
    const loaded = dataFile !== undefined && existsSync(dataFile) ? this.load(dataFile) : undefined;
    this.org = loaded ?? this.seedFreshOrg();
    ensureSecuritySeed(this);
    if (!loaded) {
      // Keys that arrive Active (metadata file) need their index built.
      for (const t of this.tables.values()) for (const k of t.keys) if (k.status === "Active") this.activateKey(t, k);
      this.schedulePersist();
    }
  }

  registerTable(t: TableDef): void {
    const old = this.tables.get(t.logicalName);
    if (old && old.entitySetName !== t.entitySetName) this.bySet.delete(old.entitySetName);
    this.tables.set(t.logicalName, t);
    this.bySet.set(t.entitySetName, t);
    if (!this.rows.has(t.logicalName)) this.rows.set(t.logicalName, new Map());
    this.keyIndex.set(t.logicalName, new Map());
  }

  table(logicalName: string): TableDef | undefined {
    return this.tables.get(logicalName);
  }
  tableBySet(set: string): TableDef | undefined {
    return this.bySet.get(set);
  }
  column(t: TableDef, name: string): ColumnDef | undefined {
    return t.columns.find((c) => c.logicalName === name);
  }
  /** Adds a table created over the Web API and persists it. */
  addTable(t: TableDef): void {
    this.registerTable(t);
    this.schedulePersist();
  }
  /** Marks schema/settings changes (option sets, relationships, edition) for persistence. */
  touchSchema(): void {
    this.schedulePersist();
  }
  allRows(table: string): IterableIterator<Row> {
    const union = this.tables.get(table)?.unionOf;
    if (union) return union.flatMap((u) => [...this.tableRows(u).values()]).values();
    return this.tableRows(table).values();
  }
  count(table: string): number {
    const union = this.tables.get(table)?.unionOf;
    if (union) return union.reduce((n, u) => n + this.tableRows(u).size, 0);
    return this.tableRows(table).size;
  }
  get(table: string, id: string): Row | undefined {
    const union = this.tables.get(table)?.unionOf;
    if (union) {
      for (const u of union) {
        const row = this.tableRows(u).get(id.toLowerCase());
        if (row) return row;
      }
      return undefined;
    }
    return this.tableRows(table).get(id.toLowerCase());
  }
  nextVersion(): number {
    return ++this.versionCounter;
  }

  private tableRows(table: string): Map<string, Row> {
    let m = this.rows.get(table);
    if (!m) {
      m = new Map();
      this.rows.set(table, m);
    }
    return m;
  }

  // ---- alternate keys -------------------------------------------------------

  /** Lazily advances Pending keys whose activation time has come. */
  refreshKey(t: TableDef, key: KeyDef): void {
    if (key.status !== "Pending") return;
    const due =
      (key.activateAt !== undefined && Date.now() >= key.activateAt) ||
      (key.readsRemaining !== undefined && key.readsRemaining <= 0);
    if (due) this.activateKey(t, key);
  }

  /** Counts one metadata read of a Pending key (keyActivation.afterReads). */
  noteKeyRead(t: TableDef, key: KeyDef): void {
    if (key.status === "Pending" && key.readsRemaining !== undefined) key.readsRemaining--;
    this.refreshKey(t, key);
  }

  activeKeys(t: TableDef): KeyDef[] {
    for (const k of t.keys) this.refreshKey(t, k);
    return t.keys.filter((k) => k.status === "Active");
  }

  private activateKey(t: TableDef, key: KeyDef): void {
    const index = new Map<string, string>();
    for (const row of this.allRows(t.logicalName)) {
      const composite = compositeOf(key, row);
      if (composite === undefined) continue;
      if (index.has(composite)) {
        key.status = "Failed";
        this.schedulePersist();
        return;
      }
      index.set(composite, String(row[t.primaryId]));
    }
    key.status = "Active";
    delete key.activateAt;
    delete key.readsRemaining;
    this.keyIndex.get(t.logicalName)?.set(key.logicalName, index);
    this.schedulePersist();
  }

  addKey(t: TableDef, key: KeyDef): void {
    const { afterMs, afterReads } = this.keyActivation;
    t.keys.push(key);
    if (afterMs === undefined && afterReads === undefined) {
      this.activateKey(t, key);
      return;
    }
    key.status = "Pending";
    if (afterMs !== undefined) key.activateAt = Date.now() + afterMs;
    if (afterReads !== undefined) key.readsRemaining = afterReads;
    this.schedulePersist();
  }

  addColumn(t: TableDef, col: ColumnDef): void {
    t.columns.push(col);
    this.schedulePersist();
  }

  /** O(1) lookup by an Active key; values are matched case-insensitively like SQL collation. */
  findByKey(t: TableDef, key: KeyDef, values: Row): Row | undefined {
    const composite = compositeOf(key, values);
    if (composite === undefined) return undefined;
    const id = this.keyIndex.get(t.logicalName)?.get(key.logicalName)?.get(composite);
    return id === undefined ? undefined : this.get(t.logicalName, id);
  }

  /** Throws 412 0x80040237 if `row` would collide with another row on an Active key. */
  checkUnique(t: TableDef, row: Row): void {
    const id = String(row[t.primaryId]);
    for (const key of this.activeKeys(t)) {
      const composite = compositeOf(key, row);
      if (composite === undefined) continue;
      const other = this.keyIndex.get(t.logicalName)?.get(key.logicalName)?.get(composite);
      if (other !== undefined && other !== id) throw duplicateKey();
    }
  }

  // ---- row mutation ----------------------------------------------------------

  put(t: TableDef, row: Row): void {
    const id = String(row[t.primaryId]).toLowerCase();
    const prev = this.tableRows(t.logicalName).get(id);
    if (this.undo) this.undo.push({ table: t.logicalName, id, prev });
    this.rawPut(t, id, row, prev);
    this.schedulePersist();
  }

  remove(t: TableDef, id: string): void {
    const key = id.toLowerCase();
    const prev = this.tableRows(t.logicalName).get(key);
    if (!prev) return;
    if (this.undo) this.undo.push({ table: t.logicalName, id: key, prev });
    this.unindex(t, prev);
    this.tableRows(t.logicalName).delete(key);
    this.schedulePersist();
  }

  private rawPut(t: TableDef, id: string, row: Row, prev: Row | undefined): void {
    if (prev) this.unindex(t, prev);
    this.tableRows(t.logicalName).set(id, row);
    const indexes = this.keyIndex.get(t.logicalName);
    for (const key of t.keys) {
      if (key.status !== "Active") continue;
      const composite = compositeOf(key, row);
      if (composite !== undefined) indexes?.get(key.logicalName)?.set(composite, id);
    }
  }

  private unindex(t: TableDef, row: Row): void {
    const indexes = this.keyIndex.get(t.logicalName);
    for (const key of t.keys) {
      const composite = compositeOf(key, row);
      if (composite !== undefined) indexes?.get(key.logicalName)?.delete(composite);
    }
  }

  // ---- change-set transactions ---------------------------------------------------

  begin(): void {
    this.undo = [];
  }
  commit(): void {
    this.undo = null;
  }
  rollback(): void {
    const log = this.undo ?? [];
    this.undo = null;
    for (const entry of log.reverse()) {
      const t = this.tables.get(entry.table);
      if (!t) continue;
      const current = this.tableRows(entry.table).get(entry.id);
      if (current) this.unindex(t, current);
      this.tableRows(entry.table).delete(entry.id);
      if (entry.prev) this.rawPut(t, entry.id, entry.prev, undefined);
    }
    this.schedulePersist();
  }
  /**
   * All-or-nothing `fn` that also nests inside an open change set (a *Multiple action in
   * a $batch): on throw only its own writes are undone; on success they join the outer log.
   */
  atomically<T>(fn: () => T): T {
    const outer = this.undo;
    this.undo = [];
    try {
      const result = fn();
      if (outer) for (const entry of this.undo ?? []) outer.push(entry);
      this.undo = outer;
      return result;
    } catch (e) {
      this.rollback();
      this.undo = outer;
      throw e;
    }
  }

  // ---- fresh org + persistence ---------------------------------------------------

  private seedFreshOrg(): OrgInfo {
    const org: OrgInfo = { organizationId: randomUUID(), businessUnitId: randomUUID(), adminUserId: randomUUID() };
    const now = isoSeconds(new Date());
    const stamp = (): Row => ({ createdon: now, modifiedon: now, versionnumber: this.nextVersion() });
    this.put(this.mustTable("businessunit"), { businessunitid: org.businessUnitId, name: "sandbox", ...stamp() });
    this.put(this.mustTable("systemuser"), {
      systemuserid: org.adminUserId, firstname: "Sandbox", lastname: "Admin", fullname: "Sandbox Admin",
      internalemailaddress: "admin@sandbox.example", domainname: "admin@sandbox.example", isdisabled: false,
      azureactivedirectoryobjectid: randomUUID(), businessunitid: { id: org.businessUnitId, table: "businessunit" }, ...stamp(),
    });
    const roles = this.mustTable("connectionrole");
    for (const r of SEED_CONNECTION_ROLES) {
      this.put(roles, { connectionroleid: randomUUID(), name: r.name, category: r.category, statecode: 0, statuscode: 1, ...stamp() });
    }
    return org;
  }

  mustTable(name: string): TableDef {
    const t = this.tables.get(name);
    if (!t) throw new Error(`unknown table ${name}`);
    return t;
  }

  private load(file: string): OrgInfo {
    const state = JSON.parse(readFileSync(file, "utf8")) as PersistedState;
    this.versionCounter = state.versionCounter;
    if (state.settings) this.settings = { ...this.settings, ...state.settings };
    for (const t of state.customTables ?? []) if (!this.tables.has(t.logicalName)) this.registerTable({ ...t, keys: [] });
    for (const o of state.globalOptionSets ?? []) this.globalOptionSets.set(o.name, o);
    this.manyToMany.push(...(state.manyToMany ?? []));
    for (const [name, s] of Object.entries(state.schema)) {
      const t = this.tables.get(name);
      if (!t) continue;
      // A metadata file may already define some of these columns: never duplicate them; modified
      // standard columns (PUT …/Attributes) replace their definition.
      for (const c of s.customColumns) {
        const i = t.columns.findIndex((x) => x.logicalName === c.logicalName);
        if (i < 0) t.columns.push(c);
        else if (c.modified) t.columns[i] = c;
      }
      t.keys.push(...s.keys.filter((k) => !t.keys.some((x) => x.logicalName === k.logicalName)));
    }
    for (const [name, rows] of Object.entries(state.rows)) {
      const t = this.tables.get(name);
      if (!t) continue;
      const m = this.tableRows(name);
      for (const row of rows) m.set(String(row[t.primaryId]), row);
    }
    for (const t of this.tables.values()) {
      for (const k of t.keys) if (k.status === "Active") this.activateKey(t, k);
    }
    this.dirty = false;
    return state.org;
  }

  private snapshotState(): PersistedState {
    const schema: PersistedState["schema"] = {};
    const rows: PersistedState["rows"] = {};
    for (const t of this.tables.values()) {
      schema[t.logicalName] = { customColumns: t.columns.filter((c) => c.isCustom || c.modified), keys: t.keys };
      if (!t.unionOf) rows[t.logicalName] = [...this.allRows(t.logicalName)];
    }
    const customTables = [...this.tables.values()].filter((t) => t.origin === "api").map((t) => ({ ...t, keys: [] }));
    return {
      format: 1, org: this.org, versionCounter: this.versionCounter, schema, rows, customTables,
      globalOptionSets: [...this.globalOptionSets.values()], manyToMany: this.manyToMany, settings: this.settings,
    };
  }

  /** All rows of all tables (for /_sandbox/snapshot). */
  snapshotRows(): Record<string, Row[]> {
    return this.snapshotState().rows;
  }

  private schedulePersist(): void {
    if (this.dataFile === undefined) return;
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, Math.max(this.debounceMs, this.lastFlushMs * 4));
    this.timer.unref();
  }

  private lastFlushMs = 0;

  /** Writes the state now (temp file + rename, so a crash never leaves a torn file). */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const file = this.dataFile;
    if (file === undefined || !this.dirty) return this.writing;
    this.dirty = false;
    const started = Date.now();
    const text = JSON.stringify(this.snapshotState());
    const tmp = `${file}.${process.pid}.tmp`;
    this.writing = this.writing.then(async () => {
      await mkdir(dirname(file), { recursive: true });
      await writeFile(tmp, text);
      await rename(tmp, file);
      // A large state takes long to write: space writes out so saving stays a small share of the time.
      this.lastFlushMs = Date.now() - started;
    });
    return this.writing;
  }
}

/** Composite key value; undefined when any key column is null (nulls are not indexed). */
export function compositeOf(key: KeyDef, row: Row): string | undefined {
  const parts: unknown[] = [];
  for (const attr of key.keyAttributes) {
    const v: Cell | undefined = row[attr];
    if (v === undefined || v === null) return undefined;
    parts.push(isLookupValue(v) ? v.id : typeof v === "string" ? v.toLowerCase() : v);
  }
  return JSON.stringify(parts);
}
