/**
 * Parses one JSON record (an object) and flattens it to text columns: nested objects join their
 * keys with "_" (`{"a":{"b":1}}` → `a_b`), arrays join their items with "; " (an item that is
 * itself an object or array is kept as compact JSON), null is empty, and numbers stay exactly as
 * written (`1.50` stays `1.50`, a 20-digit ID keeps every digit) — which JSON.parse can't do.
 * Failures are fixed phrases, never the record's text.
 *
 * @example flattenJsonRecord('{"id":7,"name":{"first":"Ann"},"tags":["a","b"]}')
 *   // { ok: true, values: { id: "7", name_first: "Ann", tags: "a; b" } }
 */
export function flattenJsonRecord(text: string): { readonly ok: true; readonly values: Record<string, string> } | { readonly ok: false; readonly reason: string } {
  try {
    const parser = new JsonText(text);
    parser.space();
    if (text[parser.at] !== "{") return { ok: false, reason: "the record is not an object" };
    const value = parser.value(0);
    parser.space();
    if (parser.at < text.length) return { ok: false, reason: "text after the record" };
    const values = new Map<string, string>();
    flatten("", value, values);
    return { ok: true, values: Object.fromEntries(values) };
  } catch (error) {
    if (error instanceof JsonFault) return { ok: false, reason: error.reason };
    throw error;
  }
}

type Node =
  | { readonly t: "null" }
  | { readonly t: "text"; readonly v: string }
  | { readonly t: "raw"; readonly v: string }
  | { readonly t: "object"; readonly v: readonly (readonly [string, Node])[] }
  | { readonly t: "array"; readonly v: readonly Node[] };

class JsonFault extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** Deeper nesting is refused rather than recursed into: a crafted record can't blow the stack. */
const maxDepth = 64;
const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const escapes: Readonly<Record<string, string>> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

class JsonText {
  at = 0;
  constructor(private readonly text: string) {}

  space(): void {
    while (this.at < this.text.length && " \t\r\n".includes(this.text[this.at]!)) this.at += 1;
  }

  value(depth: number): Node {
    if (depth > maxDepth) throw new JsonFault("nesting deeper than 64 levels");
    this.space();
    const char = this.text[this.at];
    if (char === "{") return this.object(depth);
    if (char === "[") return this.array(depth);
    if (char === '"') return { t: "text", v: this.string() };
    for (const word of ["true", "false", "null"]) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return word === "null" ? { t: "null" } : { t: "raw", v: word };
      }
    }
    number.lastIndex = this.at;
    const match = number.exec(this.text);
    if (!match) throw new JsonFault(char === undefined ? "the record ends too soon" : "an unexpected character");
    this.at += match[0].length;
    return { t: "raw", v: match[0] };
  }

  private object(depth: number): Node {
    this.at += 1;
    const members: [string, Node][] = [];
    this.space();
    if (this.text[this.at] === "}") {
      this.at += 1;
      return { t: "object", v: members };
    }
    for (;;) {
      this.space();
      if (this.text[this.at] !== '"') throw new JsonFault("a member name is missing");
      const name = this.string();
      this.space();
      if (this.text[this.at] !== ":") throw new JsonFault("a ':' is missing");
      this.at += 1;
      members.push([name, this.value(depth + 1)]);
      this.space();
      const next = this.text[this.at++];
      if (next === "}") return { t: "object", v: members };
      if (next !== ",") throw new JsonFault("a ',' or '}' is missing");
    }
  }

  private array(depth: number): Node {
    this.at += 1;
    const items: Node[] = [];
    this.space();
    if (this.text[this.at] === "]") {
      this.at += 1;
      return { t: "array", v: items };
    }
    for (;;) {
      items.push(this.value(depth + 1));
      this.space();
      const next = this.text[this.at++];
      if (next === "]") return { t: "array", v: items };
      if (next !== ",") throw new JsonFault("a ',' or ']' is missing");
    }
  }

  private string(): string {
    this.at += 1;
    let out = "";
    let from = this.at;
    for (;;) {
      const code = this.text.charCodeAt(this.at);
      if (Number.isNaN(code)) throw new JsonFault("a string is never closed");
      if (code === 0x22) {
        out += this.text.slice(from, this.at);
        this.at += 1;
        return out;
      }
      if (code < 0x20) throw new JsonFault("a control character inside a string");
      if (code === 0x5c) {
        out += this.text.slice(from, this.at);
        const kind = this.text[this.at + 1];
        if (kind === "u") {
          const hex = this.text.slice(this.at + 2, this.at + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new JsonFault("an invalid escape");
          out += String.fromCharCode(parseInt(hex, 16));
          this.at += 6;
        } else {
          const plain = kind === undefined ? undefined : escapes[kind];
          if (plain === undefined) throw new JsonFault("an invalid escape");
          out += plain;
          this.at += 2;
        }
        from = this.at;
        continue;
      }
      this.at += 1;
    }
  }
}

/** A Map, not an object: a member named `__proto__` must stay a column. */
function flatten(prefix: string, node: Node, out: Map<string, string>): void {
  if (node.t === "object") {
    for (const [name, child] of node.v) flatten(prefix === "" ? name : `${prefix}_${name}`, child, out);
    return;
  }
  if (out.has(prefix)) throw new JsonFault("two members flatten to the same column name");
  out.set(prefix, node.t === "array" ? node.v.map(itemText).join("; ") : node.t === "null" ? "" : node.v);
}

function itemText(item: Node): string {
  return item.t === "text" || item.t === "raw" ? item.v : item.t === "null" ? "" : compact(item);
}

/** An object or array inside an array, as compact JSON (numbers as written). */
function compact(node: Node): string {
  switch (node.t) {
    case "null":
      return "null";
    case "text":
      return JSON.stringify(node.v);
    case "raw":
      return node.v;
    case "array":
      return `[${node.v.map(compact).join(",")}]`;
    case "object":
      return `{${node.v.map(([name, child]) => `${JSON.stringify(name)}:${compact(child)}`).join(",")}}`;
  }
}
