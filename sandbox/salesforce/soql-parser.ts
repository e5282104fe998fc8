/**
 * Parses the SOQL subset into a plain AST: SELECT fields / parent paths / COUNT(),
 * FROM one object, WHERE (comparisons, LIKE, IN, INCLUDES, AND/OR/NOT, date literals),
 * ORDER BY … ASC|DESC NULLS FIRST|LAST, LIMIT, OFFSET.
 */
import { malformed, tokenize } from "./soql-lexer.js";
import type { Token } from "./soql-lexer.js";

export interface FieldPath {
  readonly path: readonly string[];
  readonly pos: number;
}

export type SelectItem = { readonly kind: "field"; readonly field: FieldPath } | { readonly kind: "count"; readonly field?: FieldPath };

export type Literal =
  | { readonly kind: "string"; readonly value: string }
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "boolean"; readonly value: boolean }
  | { readonly kind: "null" }
  | { readonly kind: "date"; readonly value: string }
  | { readonly kind: "datetime"; readonly value: string }
  /** TODAY, LAST_N_DAYS:n … — resolved to a range at evaluation time. */
  | { readonly kind: "relative"; readonly name: string; readonly n: number };

export type CompareOp = "=" | "!=" | "<" | ">" | "<=" | ">=" | "LIKE";

export type Condition =
  | { readonly kind: "and" | "or"; readonly left: Condition; readonly right: Condition }
  | { readonly kind: "not"; readonly inner: Condition }
  | { readonly kind: "compare"; readonly field: FieldPath; readonly op: CompareOp; readonly value: Literal }
  | { readonly kind: "in"; readonly field: FieldPath; readonly negated: boolean; readonly values: readonly Literal[] }
  | { readonly kind: "includes"; readonly field: FieldPath; readonly negated: boolean; readonly values: readonly string[] };

export interface OrderItem {
  readonly field: FieldPath;
  readonly desc: boolean;
  readonly nullsLast: boolean;
}

export interface SoqlQuery {
  readonly text: string;
  readonly select: readonly SelectItem[];
  readonly from: string;
  readonly fromPos: number;
  readonly where?: Condition;
  readonly orderBy: readonly OrderItem[];
  readonly limit?: number;
  readonly offset?: number;
}

const RELATIVE = /^(TODAY|YESTERDAY|TOMORROW|THIS_WEEK|LAST_WEEK|NEXT_WEEK|THIS_MONTH|LAST_MONTH|NEXT_MONTH|THIS_YEAR|LAST_YEAR|NEXT_YEAR)$/i;
const RELATIVE_N = /^(LAST_N_DAYS|NEXT_N_DAYS)$/i;

class Parser {
  private i = 0;
  constructor(private readonly soql: string, private readonly tokens: readonly Token[]) {}

  private peek(): Token {
    return this.tokens[this.i] ?? this.tokens[this.tokens.length - 1] as Token;
  }
  private next(): Token {
    const t = this.peek();
    this.i++;
    return t;
  }
  private fail(t: Token = this.peek()): never {
    throw malformed(this.soql, t.pos, `unexpected token: '${t.text}'`);
  }
  private isWord(word: string, t: Token = this.peek()): boolean {
    return t.kind === "ident" && t.text.toUpperCase() === word;
  }
  private word(word: string): void {
    if (!this.isWord(word)) this.fail();
    this.i++;
  }
  private punct(p: string): void {
    const t = this.next();
    if (t.kind !== "punct" || t.text !== p) this.fail(t);
  }
  private field(): FieldPath {
    const t = this.next();
    if (t.kind !== "ident") this.fail(t);
    return { path: t.text.split("."), pos: t.pos };
  }

  parse(): SoqlQuery {
    this.word("SELECT");
    const select: SelectItem[] = [];
    do {
      if (this.isWord("COUNT") && this.tokens[this.i + 1]?.text === "(") {
        this.i += 2;
        const inner = this.peek().kind === "ident" ? this.field() : undefined;
        this.punct(")");
        select.push(inner ? { kind: "count", field: inner } : { kind: "count" });
      } else {
        if (this.peek().text === "(") this.fail();
        select.push({ kind: "field", field: this.field() });
      }
    } while (this.peek().text === "," && this.next());
    this.word("FROM");
    const from = this.next();
    if (from.kind !== "ident" || from.text.includes(".")) this.fail(from);
    const where = this.isWord("WHERE") && this.next() ? this.orExpr() : undefined;
    const orderBy: OrderItem[] = [];
    if (this.isWord("ORDER")) {
      this.i++;
      this.word("BY");
      do {
        const field = this.field();
        const desc = this.isWord("DESC") ? (this.i++, true) : this.isWord("ASC") ? (this.i++, false) : false;
        let nullsLast = desc;
        if (this.isWord("NULLS")) {
          this.i++;
          nullsLast = this.isWord("LAST");
          if (!nullsLast) this.word("FIRST");
          else this.i++;
        }
        orderBy.push({ field, desc, nullsLast });
      } while (this.peek().text === "," && this.next());
    }
    const limit = this.isWord("LIMIT") && this.next() ? this.integer() : undefined;
    const offset = this.isWord("OFFSET") && this.next() ? this.integer() : undefined;
    if (this.peek().kind !== "eof") this.fail();
    return { text: this.soql, select, from: from.text, fromPos: from.pos, where, orderBy, limit, offset };
  }

  private integer(): number {
    const t = this.next();
    if (t.kind !== "number" || !/^\d+$/.test(t.text)) this.fail(t);
    return Number(t.text);
  }

  private orExpr(): Condition {
    let left = this.andExpr();
    while (this.isWord("OR")) {
      this.i++;
      left = { kind: "or", left, right: this.andExpr() };
    }
    return left;
  }
  private andExpr(): Condition {
    let left = this.unary();
    while (this.isWord("AND")) {
      this.i++;
      left = { kind: "and", left, right: this.unary() };
    }
    return left;
  }
  private unary(): Condition {
    if (this.isWord("NOT")) {
      this.i++;
      return { kind: "not", inner: this.unary() };
    }
    if (this.peek().text === "(") {
      this.i++;
      const inner = this.orExpr();
      this.punct(")");
      return inner;
    }
    return this.comparison();
  }

  private comparison(): Condition {
    const field = this.field();
    const t = this.next();
    const negated = this.isWord("NOT", t);
    const opTok = negated ? this.next() : t;
    const op = opTok.text.toUpperCase();
    if (op === "IN") return { kind: "in", field, negated, values: this.list().map((x) => this.literalOf(x)) };
    if (op === "INCLUDES" || op === "EXCLUDES") {
      if (negated) this.fail(opTok);
      const values = this.list().map((x) => (x.kind === "string" ? x.value : this.fail(x)));
      return { kind: "includes", field, negated: op === "EXCLUDES", values };
    }
    if (negated) this.fail(opTok);
    if (op === "LIKE") return { kind: "compare", field, op: "LIKE", value: this.literal() };
    if (opTok.kind !== "op") this.fail(opTok);
    return { kind: "compare", field, op: (op === "<>" ? "!=" : op) as CompareOp, value: this.literal() };
  }

  private list(): Token[] {
    this.punct("(");
    const items: Token[] = [];
    do items.push(this.next());
    while (this.peek().text === "," && this.next());
    this.punct(")");
    return items;
  }

  private literal(): Literal {
    return this.literalOf(this.next());
  }

  private literalOf(t: Token): Literal {
    if (t.kind === "string") return { kind: "string", value: t.value };
    if (t.kind === "number") return { kind: "number", value: Number(t.text) };
    if (t.kind === "date") return { kind: "date", value: t.text };
    if (t.kind === "datetime") return { kind: "datetime", value: t.text };
    if (t.kind !== "ident") this.fail(t);
    const upper = t.text.toUpperCase();
    if (upper === "NULL") return { kind: "null" };
    if (upper === "TRUE" || upper === "FALSE") return { kind: "boolean", value: upper === "TRUE" };
    if (RELATIVE.test(upper)) return { kind: "relative", name: upper, n: 1 };
    if (RELATIVE_N.test(upper)) {
      this.punct(":");
      return { kind: "relative", name: upper, n: this.integer() };
    }
    return this.fail(t);
  }
}

/**
 * Parses one SOQL statement; throws SfError MALFORMED_QUERY with the real caret message.
 * @example parseSoql("SELECT Id, Account.Name FROM Contact WHERE LastName LIKE 'Te%' LIMIT 5")
 */
export function parseSoql(soql: string): SoqlQuery {
  const text = soql.trim();
  return new Parser(text, tokenize(text)).parse();
}
