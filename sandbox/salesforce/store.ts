/**
 * In-memory org: object definitions, rows (soft-deleted rows stay, flagged IsDeleted, so
 * queryAll and ENTITY_IS_DELETED work), lazy value indexes for external-id lookups,
 * an undo log for all-or-none requests, and debounced persistence to the state file.
 */
import { randomInt } from "node:crypto";
import { standardObjects } from "./catalog.js";
import type { FieldDef, Row, SfValue } from "./field-def.js";
import { keyPrefixOf, makeId } from "./ids.js";
import type { ObjectDef } from "./object-def.js";
import { findField } from "./object-def.js";
import { readStateFile, writeStateFile } from "./store-file.js";
import type { IssuedToken, OrgInfo, OrgSettings, PersistedState } from "./store-file.js";

interface UndoEntry {
  readonly object: string;
  readonly id: string;
  readonly prev: Row | undefined;
}

export const DEFAULT_SETTINGS: OrgSettings = { auditFieldsGranted: false, dailyApiLimit: 15000, lockDelayMs: 0 };

/** Index key of a value: text compares case-insensitively unless the field is case-sensitive. */
const indexKey = (f: FieldDef, v: SfValue): string => (typeof v === "string" && !f.caseSensitive ? v.toLowerCase() : String(v));

export class OrgStore {
  private readonly objects = new Map<string, ObjectDef>();
  private readonly byPrefix = new Map<string, ObjectDef[]>();
  private readonly rows = new Map<string, Map<string, Row>>();
  /** "Object.field" → value key → ids of live rows; built on first lookup, then maintained. */
  private readonly indexes = new Map<string, Map<string, Set<string>>>();
  private undo: UndoEntry[] | null = null;
  private idCounter = 1;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;
  readonly tokens = new Map<string, IssuedToken>();
  readonly org: OrgInfo;
  settings: OrgSettings;
  apiUsage = { day: "", used: 0 };

  constructor(private readonly dataFile: string | undefined, settings: Partial<OrgSettings> = {}, private readonly debounceMs = 200) {
    for (const o of standardObjects()) this.register(o);
    const state = dataFile === undefined ? undefined : readStateFile(dataFile);
    this.settings = { ...DEFAULT_SETTINGS, ...state?.settings, ...settings };
    if (state) {
      this.org = state.org;
      this.load(state);
    } else {
      const orgId = makeId("00D", randomInt(1, 2 ** 40));
      this.org = { orgId, adminUserId: this.newId("005") };
      this.touch();
    }
  }

  // ---- schema ---------------------------------------------------------------------

  private register(o: ObjectDef): void {
    this.objects.set(o.name.toLowerCase(), o);
    const list = this.byPrefix.get(o.keyPrefix) ?? [];
    list.push(o);
    this.byPrefix.set(o.keyPrefix, list);
    if (!this.rows.has(o.name)) this.rows.set(o.name, new Map());
  }

  /** Case-insensitive, like the API. */
  object(name: string): ObjectDef | undefined {
    return this.objects.get(name.toLowerCase());
  }
  allObjects(): ObjectDef[] {
    return [...this.objects.values()];
  }
  addObject(o: ObjectDef): void {
    this.register(o);
    this.touch();
  }
  addField(o: ObjectDef, f: FieldDef): void {
    o.fields.push(f);
    this.touch();
  }
  /** Swaps a field definition (e.g. WhatId gaining a custom target). */
  replaceField(o: ObjectDef, f: FieldDef): void {
    const i = o.fields.findIndex((x) => x.name === f.name);
    if (i >= 0) o.fields[i] = f;
    this.touch();
  }
  usedPrefixes(): ReadonlySet<string> {
    return new Set(this.byPrefix.keys());
  }

  // ---- rows -----------------------------------------------------------------------------

  newId(prefix: string): string {
    return makeId(prefix, this.idCounter++);
  }
  get(object: string, id: string): Row | undefined {
    return this.rows.get(object)?.get(id);
  }
  /** Row and object of an id, via its key prefix (069 is shared by ContentDocument and ContentNote). */
  locate(id: string): { readonly object: ObjectDef; readonly row: Row } | undefined {
    for (const o of this.byPrefix.get(keyPrefixOf(id)) ?? []) {
      const row = this.get(o.name, id);
      if (row) return { object: o, row };
    }
    return undefined;
  }
  objectsForPrefix(prefix: string): readonly ObjectDef[] {
    return this.byPrefix.get(prefix) ?? [];
  }
  /** Every row including soft-deleted ones. */
  rowsOf(object: string): IterableIterator<Row> {
    return (this.rows.get(object) ?? new Map<string, Row>()).values();
  }
  count(object: string, includeDeleted = false): number {
    let n = 0;
    for (const r of this.rowsOf(object)) if (includeDeleted || r.IsDeleted !== true) n++;
    return n;
  }

  /** Live rows whose `field` equals `value` (indexed; text is case-insensitive). */
  findBy(o: ObjectDef, fieldName: string, value: SfValue): Row[] {
    const f = findField(o, fieldName);
    if (!f || value === null) return [];
    const ids = this.index(o, f).get(indexKey(f, value));
    return ids ? [...ids].map((id) => this.get(o.name, id)).filter((r): r is Row => r !== undefined) : [];
  }

  private index(o: ObjectDef, f: FieldDef): Map<string, Set<string>> {
    const name = `${o.name}.${f.name}`;
    let idx = this.indexes.get(name);
    if (!idx) {
      idx = new Map();
      this.indexes.set(name, idx);
      for (const r of this.rowsOf(o.name)) this.indexRow(o, r, true);
    }
    return idx;
  }

  private indexRow(o: ObjectDef, r: Row, add: boolean): void {
    if (r.IsDeleted === true && add) return;
    for (const f of o.fields) {
      const idx = this.indexes.get(`${o.name}.${f.name}`);
      const v = r[f.name];
      if (!idx || v === null || v === undefined) continue;
      const key = indexKey(f, v);
      let ids = idx.get(key);
      if (add) {
        if (!ids) idx.set(key, (ids = new Set()));
        ids.add(String(r.Id));
      } else {
        ids?.delete(String(r.Id));
        if (ids?.size === 0) idx.delete(key);
      }
    }
  }

  put(o: ObjectDef, row: Row): void {
    const id = String(row.Id);
    const table = this.rows.get(o.name) ?? new Map<string, Row>();
    this.rows.set(o.name, table);
    const prev = table.get(id);
    this.undo?.push({ object: o.name, id, prev });
    if (prev) this.indexRow(o, prev, false);
    table.set(id, row);
    this.indexRow(o, row, true);
    this.touch();
  }

  private rawRemove(o: ObjectDef, id: string): void {
    const prev = this.rows.get(o.name)?.get(id);
    if (prev) this.indexRow(o, prev, false);
    this.rows.get(o.name)?.delete(id);
  }

  /** All-or-nothing `fn`, nesting inside an outer transaction (whose log it joins on success). */
  atomically<T>(fn: () => T): T {
    const outer = this.undo;
    this.undo = [];
    try {
      const result = fn();
      outer?.push(...this.undo);
      return result;
    } catch (e) {
      this.rollbackLog(this.undo);
      throw e;
    } finally {
      this.undo = outer;
    }
  }

  /** Runs `fn`; if it returns false, every write it made is undone. */
  transaction(fn: () => boolean): boolean {
    const outer = this.undo;
    this.undo = [];
    try {
      const keep = fn();
      if (keep) outer?.push(...this.undo);
      else this.rollbackLog(this.undo);
      return keep;
    } catch (e) {
      this.rollbackLog(this.undo);
      throw e;
    } finally {
      this.undo = outer;
    }
  }

  private rollbackLog(log: readonly UndoEntry[]): void {
    for (const entry of [...log].reverse()) {
      const o = this.object(entry.object);
      if (!o) continue;
      this.rawRemove(o, entry.id);
      if (entry.prev) {
        this.rows.get(o.name)?.set(entry.id, entry.prev);
        this.indexRow(o, entry.prev, true);
      }
    }
    this.touch();
  }

  // ---- persistence -----------------------------------------------------------------------------

  private load(state: PersistedState): void {
    this.idCounter = state.idCounter;
    this.apiUsage = { ...state.apiUsage };
    for (const o of state.customObjects) this.register({ ...o, fields: [...o.fields] });
    for (const [name, fields] of Object.entries(state.customFields)) {
      const o = this.object(name);
      for (const f of fields) if (o && !findField(o, f.name)) o.fields.push(f);
    }
    for (const [name, rows] of Object.entries(state.rows)) {
      const table = this.rows.get(name);
      for (const r of rows) table?.set(String(r.Id), r);
    }
    for (const [token, info] of Object.entries(state.tokens)) this.tokens.set(token, info);
  }

  private snapshot(): PersistedState {
    const customFields: Record<string, FieldDef[]> = {};
    const rows: Record<string, Row[]> = {};
    for (const o of this.objects.values()) {
      if (!o.custom) {
        const fields = o.fields.filter((f) => f.custom);
        if (fields.length) customFields[o.name] = fields;
      }
      rows[o.name] = [...this.rowsOf(o.name)];
    }
    return {
      format: 1, org: this.org, idCounter: this.idCounter, settings: this.settings, apiUsage: this.apiUsage,
      customObjects: this.allObjects().filter((o) => o.custom), customFields, rows, tokens: Object.fromEntries(this.tokens),
    };
  }

  /** All rows of all objects, by object name (for /_sandbox/snapshot). */
  snapshotRows(): Readonly<Record<string, readonly Row[]>> {
    return this.snapshot().rows;
  }

  /** Marks state dirty and schedules a debounced write. */
  touch(): void {
    if (this.dataFile === undefined) return;
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => void this.flush(), this.debounceMs);
    this.timer.unref();
  }

  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const file = this.dataFile;
    if (file === undefined || !this.dirty) return this.writing;
    this.dirty = false;
    const state = this.snapshot();
    this.writing = this.writing.then(() => writeStateFile(file, state));
    return this.writing;
  }
}
