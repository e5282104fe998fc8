/** Parses resource paths like `contacts(k='a',n=5)/parentcustomerid_account/$ref`. */
import { badRequest } from "./errors.js";
import type { Literal } from "./filter-parser.js";
import { GUID_RE } from "./model.js";

export type KeySpec =
  | { readonly kind: "id"; readonly id: string }
  | { readonly kind: "alt"; readonly values: Readonly<Record<string, Literal>> };

export interface PathSegment {
  readonly name: string;
  /** Present when the segment had parentheses; `{kind:"alt", values:{}}` for `Fn()`. */
  readonly key?: KeySpec;
}

/** Splits on `sep` outside single-quoted strings and brackets. */
export function splitTopLevel(text: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let cur = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === "'") quoted = !quoted;
    else if (!quoted && (ch === "(" || ch === "[")) depth++;
    else if (!quoted && (ch === ")" || ch === "]")) depth--;
    if (ch === sep && !quoted && depth === 0) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

export function parseLiteral(raw: string): Literal {
  const v = raw.trim();
  if (v.startsWith("'") && v.endsWith("'") && v.length >= 2) return v.slice(1, -1).replace(/''/g, "'");
  if (v === "null") return null;
  if (v === "true" || v === "false") return v === "true";
  const g = GUID_RE.exec(v);
  if (g?.[1]) return g[1].toLowerCase();
  if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  throw badRequest("Bad Request - Error in query syntax.", "0x80060888");
}

export function parseKey(text: string): KeySpec {
  const g = GUID_RE.exec(text.trim());
  if (g?.[1]) return { kind: "id", id: g[1].toLowerCase() };
  const values: Record<string, Literal> = {};
  if (text.trim() === "") return { kind: "alt", values };
  for (const part of splitTopLevel(text, ",")) {
    const eq = part.indexOf("=");
    if (eq < 1) throw badRequest("Bad Request - Error in query syntax.", "0x80060888");
    values[part.slice(0, eq).trim()] = parseLiteral(part.slice(eq + 1));
  }
  return { kind: "alt", values };
}

/** `path` is relative to the service root and not yet percent-decoded. */
export function parsePath(path: string): PathSegment[] {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    throw badRequest("Bad Request - Error in query syntax.", "0x80060888");
  }
  return splitTopLevel(decoded, "/")
    .filter((s) => s !== "")
    .map((seg) => {
      const open = seg.indexOf("(");
      if (open < 0 || !seg.endsWith(")")) return { name: seg };
      return { name: seg.slice(0, open), key: parseKey(seg.slice(open + 1, -1)) };
    });
}

/**
 * Parses an entity reference as used in `@odata.bind` / `@odata.id` / batch targets:
 * `/accounts(guid)`, `accounts(guid)`, `http://host/api/data/v9.2/accounts(k='v')`.
 */
export function parseEntityRef(ref: string): { readonly set: string; readonly key: KeySpec } | undefined {
  let rest = ref.trim();
  const api = rest.indexOf("/api/data/v");
  if (api >= 0) rest = rest.slice(api).replace(/^\/api\/data\/v[\d.]+\//, "");
  rest = rest.replace(/^\/+/, "");
  const segs = parsePath(rest);
  const first = segs[0];
  if (segs.length !== 1 || !first?.key) return undefined;
  return { set: first.name, key: first.key };
}
