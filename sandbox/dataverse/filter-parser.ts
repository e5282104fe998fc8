/**
 * OData $filter subset used against Dataverse (spec §4): comparisons, and/or/not,
 * parentheses, literals (string, number, bool, null, GUID, date, date-time),
 * contains/startswith/endswith and Microsoft.Dynamics.CRM.In / NotIn.
 * The evaluator is generic over a property accessor so it serves rows and metadata alike.
 */
import { badRequest } from "./errors.js";

export type Literal = string | number | boolean | null;
export type CompareOp = "eq" | "ne" | "gt" | "ge" | "lt" | "le";
export type Operand = { readonly kind: "prop"; readonly name: string } | { readonly kind: "lit"; readonly value: Literal; readonly isDate?: boolean };
export type FilterNode =
  | { readonly kind: "and" | "or"; readonly left: FilterNode; readonly right: FilterNode }
  | { readonly kind: "not"; readonly expr: FilterNode }
  | { readonly kind: "cmp"; readonly op: CompareOp; readonly left: Operand; readonly right: Operand }
  | { readonly kind: "fn"; readonly name: "contains" | "startswith" | "endswith"; readonly prop: string; readonly value: string }
  | { readonly kind: "in"; readonly negate: boolean; readonly prop: string; readonly values: readonly Literal[] };

type Token =
  | { readonly t: "str"; readonly v: string }
  | { readonly t: "num"; readonly v: number }
  | { readonly t: "guid" | "date" | "word"; readonly v: string }
  | { readonly t: "(" | ")" | "," | "[" | "]" | "=" };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?/;
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?[mMdDfFlL]?/;
const WORD = /^[A-Za-z_][\w.\/]*/;

const invalid = (): Error => badRequest("The $filter query option is not valid.", "0x80060888");

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i] as string;
    if (/\s/.test(ch)) { i++; continue; }
    if ("(),[]=".includes(ch)) { out.push({ t: ch as "(" }); i++; continue; }
    if (ch === "'") {
      let v = "";
      i++;
      for (;;) {
        if (i >= src.length) throw invalid();
        if (src[i] === "'") {
          if (src[i + 1] === "'") { v += "'"; i += 2; continue; }
          i++;
          break;
        }
        v += src[i];
        i++;
      }
      out.push({ t: "str", v });
      continue;
    }
    const rest = src.slice(i);
    const g = GUID.exec(rest) ?? (rest.startsWith("{") ? /^\{([0-9a-f-]{36})\}/i.exec(rest) : null);
    if (g) { out.push({ t: "guid", v: (g[1] ?? g[0]).toLowerCase() }); i += g[0].length; continue; }
    const d = /^\d{4}-\d{2}-\d{2}/.test(rest) ? DATETIME.exec(rest) : null;
    if (d) { out.push({ t: "date", v: d[0] }); i += d[0].length; continue; }
    const n = NUMBER.exec(rest);
    if (n) { out.push({ t: "num", v: Number.parseFloat(n[0]) }); i += n[0].length; continue; }
    const w = WORD.exec(rest);
    if (w) { out.push({ t: "word", v: w[0] }); i += w[0].length; continue; }
    throw invalid();
  }
  return out;
}

const COMPARE_OPS: ReadonlySet<string> = new Set(["eq", "ne", "gt", "ge", "lt", "le"]);

class Parser {
  private pos = 0;
  constructor(private readonly toks: readonly Token[]) {}

  parse(): FilterNode {
    const node = this.or();
    if (this.pos !== this.toks.length) throw invalid();
    return node;
  }
  private peek(): Token | undefined { return this.toks[this.pos]; }
  private next(): Token {
    const tok = this.toks[this.pos++];
    if (!tok) throw invalid();
    return tok;
  }
  private isWord(w: string): boolean {
    const tok = this.peek();
    return tok?.t === "word" && tok.v.toLowerCase() === w;
  }
  private expect(t: Token["t"]): Token {
    const tok = this.next();
    if (tok.t !== t) throw invalid();
    return tok;
  }
  private or(): FilterNode {
    let left = this.and();
    while (this.isWord("or")) { this.pos++; left = { kind: "or", left, right: this.and() }; }
    return left;
  }
  private and(): FilterNode {
    let left = this.unary();
    while (this.isWord("and")) { this.pos++; left = { kind: "and", left, right: this.unary() }; }
    return left;
  }
  private unary(): FilterNode {
    if (this.isWord("not")) { this.pos++; return { kind: "not", expr: this.unary() }; }
    if (this.peek()?.t === "(") {
      this.pos++;
      const inner = this.or();
      this.expect(")");
      return inner;
    }
    return this.comparison();
  }
  private comparison(): FilterNode {
    const tok = this.peek();
    if (tok?.t === "word") {
      const lower = tok.v.toLowerCase();
      if ((lower === "contains" || lower === "startswith" || lower === "endswith") && this.toks[this.pos + 1]?.t === "(") {
        this.pos += 2;
        const prop = this.expect("word");
        this.expect(",");
        const value = this.expect("str");
        this.expect(")");
        return { kind: "fn", name: lower, prop: (prop as { v: string }).v, value: (value as { v: string }).v };
      }
      if (lower === "microsoft.dynamics.crm.in" || lower === "microsoft.dynamics.crm.notin") return this.inFn(lower.endsWith("notin"));
    }
    const left = this.operand();
    const op = this.next();
    if (op.t !== "word" || !COMPARE_OPS.has(op.v.toLowerCase())) throw invalid();
    const right = this.operand();
    return { kind: "cmp", op: op.v.toLowerCase() as CompareOp, left, right };
  }
  private inFn(negate: boolean): FilterNode {
    this.pos++;
    this.expect("(");
    let prop = "";
    let values: Literal[] = [];
    for (;;) {
      const name = (this.expect("word") as { v: string }).v;
      this.expect("=");
      if (name === "PropertyName") prop = (this.expect("str") as { v: string }).v;
      else if (name === "PropertyValues") {
        this.expect("[");
        values = [];
        while (this.peek()?.t !== "]") {
          const lit = this.operand();
          if (lit.kind !== "lit") throw invalid();
          values.push(lit.value);
          if (this.peek()?.t === ",") this.pos++;
        }
        this.expect("]");
      } else throw invalid();
      if (this.peek()?.t === ",") { this.pos++; continue; }
      break;
    }
    this.expect(")");
    if (!prop) throw invalid();
    return { kind: "in", negate, prop, values };
  }
  private operand(): Operand {
    const tok = this.next();
    switch (tok.t) {
      case "str": return { kind: "lit", value: tok.v };
      case "num": return { kind: "lit", value: tok.v };
      case "guid": return { kind: "lit", value: tok.v };
      case "date": return { kind: "lit", value: tok.v, isDate: true };
      case "word": {
        const lower = tok.v.toLowerCase();
        if (lower === "null") return { kind: "lit", value: null };
        if (lower === "true" || lower === "false") return { kind: "lit", value: lower === "true" };
        return { kind: "prop", name: tok.v };
      }
      default: throw invalid();
    }
  }
}

export function parseFilter(src: string): FilterNode {
  return new Parser(tokenize(src)).parse();
}

/** Every property name the filter references (for unknown-column validation). */
export function filterProperties(node: FilterNode, out: string[] = []): string[] {
  switch (node.kind) {
    case "and": case "or": filterProperties(node.left, out); filterProperties(node.right, out); break;
    case "not": filterProperties(node.expr, out); break;
    case "cmp":
      if (node.left.kind === "prop") out.push(node.left.name);
      if (node.right.kind === "prop") out.push(node.right.name);
      break;
    case "fn": case "in": out.push(node.prop); break;
  }
  return out;
}

export type Accessor = (prop: string) => Literal | undefined;

const DATE_LIKE = /^\d{4}-\d{2}-\d{2}/;

/** Normalises for comparison: case-insensitive strings (SQL collation), dates as epoch ms. */
function norm(v: Literal | undefined): Literal {
  if (v === undefined) return null;
  if (typeof v === "string") {
    if (DATE_LIKE.test(v)) {
      const ms = Date.parse(v.length === 10 ? `${v}T00:00:00Z` : v);
      if (!Number.isNaN(ms)) return ms;
    }
    return v.toLowerCase();
  }
  return v;
}

function compare(op: CompareOp, a: Literal, b: Literal): boolean {
  if (op === "eq") return a === b;
  if (op === "ne") return a !== b;
  if (a === null || b === null) return false;
  switch (op) {
    case "gt": return a > b;
    case "ge": return a >= b;
    case "lt": return a < b;
    default: return a <= b;
  }
}

export function evaluate(node: FilterNode, get: Accessor): boolean {
  switch (node.kind) {
    case "and": return evaluate(node.left, get) && evaluate(node.right, get);
    case "or": return evaluate(node.left, get) || evaluate(node.right, get);
    case "not": return !evaluate(node.expr, get);
    case "cmp": {
      const val = (o: Operand): Literal => (o.kind === "prop" ? norm(get(o.name)) : norm(o.value));
      return compare(node.op, val(node.left), val(node.right));
    }
    case "fn": {
      const v = get(node.prop);
      if (typeof v !== "string") return false;
      const hay = v.toLowerCase();
      const needle = node.value.toLowerCase();
      return node.name === "contains" ? hay.includes(needle) : node.name === "startswith" ? hay.startsWith(needle) : hay.endsWith(needle);
    }
    case "in": {
      const v = norm(get(node.prop));
      const hit = node.values.some((x) => norm(typeof x === "string" && /^-?\d+$/.test(x) && typeof v === "number" ? Number(x) : x) === v);
      return node.negate ? !hit : hit;
    }
  }
}
