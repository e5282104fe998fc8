/** Tokens of the SOQL subset; positions feed the real "ERROR at Row:1:Column:N" messages. */
import { SfError } from "./errors.js";

export type TokenKind = "ident" | "string" | "number" | "date" | "datetime" | "op" | "punct" | "eof";

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** Decoded value for strings. */
  readonly value: string;
  /** 0-based offset in the query. */
  readonly pos: number;
}

/** The caret block real orgs put in front of query errors. */
export function queryErrorText(soql: string, pos: number, detail: string): string {
  return `\n${soql}\n${" ".repeat(Math.max(0, pos))}^\nERROR at Row:1:Column:${pos + 1}\n${detail}`;
}

export const malformed = (soql: string, pos: number, detail: string): SfError =>
  new SfError(400, "MALFORMED_QUERY", queryErrorText(soql, pos, detail));

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})/;
const DATE = /^\d{4}-\d{2}-\d{2}(?![\d:T])/;
const NUMBER = /^-?\d+(\.\d+)?/;
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*/;
const OPS = ["!=", "<>", "<=", ">=", "=", "<", ">"];

/** Splits `soql` into tokens; throws MALFORMED_QUERY on a stray character or an open quote. */
export function tokenize(soql: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < soql.length) {
    const ch = soql[i] ?? "";
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const rest = soql.slice(i);
    if (ch === "'") {
      let value = "";
      let j = i + 1;
      for (; j < soql.length && soql[j] !== "'"; j++) {
        if (soql[j] === "\\") {
          j++;
          const esc = soql[j] ?? "";
          value += esc === "n" ? "\n" : esc === "t" ? "\t" : esc === "r" ? "\r" : esc;
        } else {
          value += soql[j];
        }
      }
      if (j >= soql.length) throw malformed(soql, i, "line 1:" + i + " mismatched character '<EOF>' expecting '''");
      out.push({ kind: "string", text: soql.slice(i, j + 1), value, pos: i });
      i = j + 1;
      continue;
    }
    const m = DATETIME.exec(rest) ?? DATE.exec(rest);
    if (m) {
      out.push({ kind: m[0].includes("T") ? "datetime" : "date", text: m[0], value: m[0], pos: i });
      i += m[0].length;
      continue;
    }
    const num = NUMBER.exec(rest);
    if (num && (ch !== "-" || /[\s(,=<>]/.test(soql[i - 1] ?? " "))) {
      out.push({ kind: "number", text: num[0], value: num[0], pos: i });
      i += num[0].length;
      continue;
    }
    const id = IDENT.exec(rest);
    if (id) {
      out.push({ kind: "ident", text: id[0], value: id[0], pos: i });
      i += id[0].length;
      continue;
    }
    const op = OPS.find((o) => rest.startsWith(o));
    if (op) {
      out.push({ kind: "op", text: op, value: op, pos: i });
      i += op.length;
      continue;
    }
    if ("(),:".includes(ch)) {
      out.push({ kind: "punct", text: ch, value: ch, pos: i });
      i++;
      continue;
    }
    throw malformed(soql, i, `line 1:${i} no viable alternative at character '${ch}'`);
  }
  out.push({ kind: "eof", text: "<EOF>", value: "", pos: soql.length });
  return out;
}
