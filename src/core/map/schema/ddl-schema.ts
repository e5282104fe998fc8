import { createRequire } from "node:module";
import { HandoverError } from "../../../contracts/handover-error.js";
import type { SchemaColumn, SchemaDescription, SchemaTable } from "./schema-description.js";
import { splitStatements, type SqlStatement } from "./sql-statements.js";

/**
 * SQL DDL → tables: CREATE TABLE statements parsed by node-sql-parser (PostgreSQL, MySQL/MariaDB,
 * SQL Server), column comments as descriptions (MySQL `COMMENT '...'`, PostgreSQL
 * `COMMENT ON COLUMN`, SQL Server `sp_addextendedproperty 'MS_Description'`), primary and
 * foreign keys. Other statements (INSERT, CREATE INDEX, SET...) are skipped.
 */

export const dialects = ["postgresql", "mysql", "transactsql"] as const;
export type Dialect = (typeof dialects)[number];

interface SqlParser {
  astify(sql: string, options: { database: string }): unknown;
}
const require = createRequire(import.meta.url);
const parsers = new Map<Dialect, SqlParser>();
/** One dialect's build only (each is a few hundred kB; the all-dialect bundle is ten times that). */
function parser(dialect: Dialect): SqlParser {
  let p = parsers.get(dialect);
  if (!p) {
    const { Parser } = require(`node-sql-parser/build/${dialect}.js`) as { Parser: new () => SqlParser };
    p = new Parser();
    parsers.set(dialect, p);
  }
  return p;
}

/** Backticks and ENGINE= say MySQL; brackets, IDENTITY, NVARCHAR and GO say SQL Server. */
export function guessDialect(sql: string): Dialect {
  if (/`|\bENGINE\s*=|\bAUTO_INCREMENT\b/i.test(sql)) return "mysql";
  if (/\[\w+\]|\bIDENTITY\s*\(|\bN?VARCHAR\s*\(\s*MAX\b|\bNVARCHAR\b|^\s*GO\s*$|\bdbo\./im.test(sql)) return "transactsql";
  return "postgresql";
}

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === "object" && v !== null && !Array.isArray(v);

/** A column reference in any dialect's AST: "x", { column: "x" }, { column: { expr: { value: "x" } } }. */
function nameOf(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (!isNode(v)) return undefined;
  if ("column" in v) return nameOf(v.column);
  if ("expr" in v) return nameOf(v.expr);
  if (typeof v.value === "string") return v.value;
  return undefined;
}

function commentOf(v: unknown): string | undefined {
  if (!isNode(v)) return typeof v === "string" ? v.replace(/^'|'$/g, "") : undefined;
  return commentOf(v.value ?? v.expr);
}

interface Parsed {
  readonly tables: Map<string, { columns: SchemaColumn[]; key: string[]; description?: string }>;
}

function statementError(file: string, statement: SqlStatement, dialect: Dialect, error: unknown): HandoverError {
  const start = (error as { location?: { start?: { line?: number; column?: number } } }).location?.start;
  // The parser's own message quotes the statement's text: only its position is repeated.
  const reason = start?.column ? `unexpected text at column ${start.column}` : "not a CREATE TABLE this parser reads";
  return new HandoverError("HO-MAP-006", { file, line: statement.line + (start?.line ?? 1) - 1, dialect, reason });
}

function parseCreate(file: string, statement: SqlStatement, dialect: Dialect, guessed: boolean): Node {
  const order = guessed ? [dialect, ...dialects.filter((d) => d !== dialect)] : [dialect];
  let first: unknown;
  for (const d of order) {
    try {
      const ast = parser(d).astify(statement.text, { database: d });
      const node = Array.isArray(ast) ? ast[0] : ast;
      if (isNode(node)) return node;
    } catch (error) {
      first ??= error;
    }
  }
  throw statementError(file, statement, dialect, first);
}

function addCreate(parsed: Parsed, ast: Node): void {
  const tableRef = Array.isArray(ast.table) ? ast.table[0] : ast.table;
  const name = isNode(tableRef) ? String(tableRef.table ?? "") : "";
  if (!name) return;
  const entry = parsed.tables.get(name) ?? { columns: [], key: [] };
  parsed.tables.set(name, entry);
  const options = Array.isArray(ast.table_options) ? ast.table_options : [];
  const tableComment = options.find((o) => isNode(o) && String(o.keyword).toLowerCase() === "comment");
  if (isNode(tableComment)) entry.description = commentOf(tableComment.value);
  for (const def of Array.isArray(ast.create_definitions) ? ast.create_definitions : []) {
    if (!isNode(def)) continue;
    if (def.resource === "column") {
      const column = nameOf(def.column);
      if (!column) continue;
      const definition = isNode(def.definition) ? def.definition : {};
      const length = typeof definition.length === "number" ? `(${definition.length}${typeof definition.scale === "number" ? `,${definition.scale}` : ""})` : "";
      const type = typeof definition.dataType === "string" ? `${definition.dataType.toLowerCase()}${length}` : undefined;
      const comment = commentOf(isNode(def.comment) ? def.comment.value : undefined);
      const reference = isNode(def.reference_definition) ? referenceOf(def.reference_definition) : undefined;
      entry.columns.push({ name: column, samples: [], ...(type ? { type } : {}), ...(comment ? { description: comment } : {}), ...(reference ? { references: reference } : {}) });
      if (def.primary_key || def.unique === "primary key") entry.key.push(column);
    } else if (def.resource === "constraint") {
      const kind = String(def.constraint_type ?? "").toLowerCase();
      const columns = (Array.isArray(def.definition) ? def.definition : []).map(nameOf).filter((c): c is string => !!c);
      if (kind === "primary key") entry.key.push(...columns);
      if (kind.includes("foreign") && columns.length === 1 && isNode(def.reference_definition)) {
        const reference = referenceOf(def.reference_definition);
        const index = entry.columns.findIndex((c) => c.name === columns[0]);
        const target = entry.columns[index];
        if (reference && target) entry.columns[index] = { ...target, references: reference };
      }
    }
  }
}

function referenceOf(def: Node): string | undefined {
  const table = Array.isArray(def.table) ? def.table[0] : def.table;
  const name = isNode(table) ? table.table : undefined;
  const column = nameOf(Array.isArray(def.definition) ? def.definition[0] : undefined);
  return typeof name === "string" ? (column ? `${name}.${column}` : name) : undefined;
}

const unquote = (s: string) => s.replace(/^[`"[]|[`"\]]$/g, "");
const lastPart = (s: string) => unquote(s.split(".").pop() ?? s);

/** COMMENT ON COLUMN t.c IS '...' / COMMENT ON TABLE t IS '...' (PostgreSQL, Oracle). */
function addCommentOn(parsed: Parsed, text: string): boolean {
  const m = text.match(/^COMMENT\s+ON\s+(COLUMN|TABLE)\s+([\w."`[\]]+)\s+IS\s+'((?:[^']|'')*)'/i);
  if (!m) return false;
  const [, kind, target, raw] = m as unknown as [string, string, string, string];
  const comment = raw.replace(/''/g, "'");
  const parts = target.split(".").map(unquote);
  if (kind.toUpperCase() === "TABLE") {
    const entry = parsed.tables.get(parts.at(-1) ?? "");
    if (entry) entry.description = comment;
    return true;
  }
  setColumnComment(parsed, parts.at(-2) ?? "", parts.at(-1) ?? "", comment);
  return true;
}

/** EXEC sp_addextendedproperty @name = N'MS_Description', @value = N'...', ... @level1name = N'T', @level2name = N'C'. */
function addExtendedProperty(parsed: Parsed, text: string): boolean {
  if (!/sp_addextendedproperty/i.test(text) || !/MS_Description/i.test(text)) return false;
  const arg = (name: string) => text.match(new RegExp(`@${name}\\s*=\\s*N?'((?:[^']|'')*)'`, "i"))?.[1]?.replace(/''/g, "'");
  const [value, table, column] = [arg("value"), arg("level1name"), arg("level2name")];
  if (value && table && column) setColumnComment(parsed, table, column, value);
  else if (value && table) { const entry = parsed.tables.get(table); if (entry) entry.description = value; }
  return true;
}

function setColumnComment(parsed: Parsed, table: string, column: string, comment: string): void {
  const entry = parsed.tables.get(table);
  const index = entry?.columns.findIndex((c) => c.name === column) ?? -1;
  const found = entry?.columns[index];
  if (entry && found) entry.columns[index] = { ...found, description: comment };
}

export function readDdl(file: string, sql: string, dialect?: Dialect): SchemaDescription {
  const chosen = dialect ?? guessDialect(sql);
  const parsed: Parsed = { tables: new Map() };
  for (const statement of splitStatements(sql)) {
    const head = statement.text.slice(0, 80);
    if (/^CREATE\s+(GLOBAL\s+|LOCAL\s+)?(TEMP(ORARY)?\s+|UNLOGGED\s+)?TABLE\b/i.test(head)) {
      addCreate(parsed, parseCreate(file, statement, chosen, dialect === undefined));
    } else if (!addCommentOn(parsed, statement.text)) {
      addExtendedProperty(parsed, statement.text);
    }
  }
  const tables: SchemaTable[] = [...parsed.tables].map(([name, t]) => ({
    name: lastPart(name),
    columns: t.columns,
    ...(t.key.length > 0 ? { key: [...new Set(t.key)] } : {}),
    ...(t.description ? { description: t.description } : {}),
  }));
  return { origin: file, format: "sql-ddl", tables };
}
