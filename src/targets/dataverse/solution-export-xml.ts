/** A tiny XML writer for the solution files: elements, attributes, escaped text. No parsing. */

export type Node = string | XmlElement;

export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly Node[];
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    // Characters XML 1.0 forbids (control characters other than tab, LF, CR).
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "");
}

/** `el("Name", "text")`, `el("Name", { attr: "v" }, child, …)`. Nullish and false children are dropped. */
export function el(name: string, ...rest: (Readonly<Record<string, string>> | Node | readonly Node[] | null | undefined | false)[]): XmlElement {
  let attrs: Readonly<Record<string, string>> = {};
  const children: Node[] = [];
  rest.forEach((item, i) => {
    if (item === null || item === undefined || item === false) return;
    if (typeof item === "string") children.push(item);
    else if (Array.isArray(item)) children.push(...(item as readonly Node[]));
    else if (i === 0 && !("name" in item && "children" in item)) attrs = item as Readonly<Record<string, string>>;
    else children.push(item as XmlElement);
  });
  return { name, attrs, children };
}

/** Text element with a number or flag: `<IsSecured>1</IsSecured>`. */
export function flag(name: string, on: boolean): XmlElement {
  return el(name, on ? "1" : "0");
}

function render(node: Node, depth: number, out: string[]): void {
  const pad = "  ".repeat(depth);
  if (typeof node === "string") {
    out.push(pad + escapeXml(node));
    return;
  }
  const attrs = Object.entries(node.attrs).map(([k, v]) => ` ${k}="${escapeXml(v)}"`).join("");
  if (node.children.length === 0) {
    out.push(`${pad}<${node.name}${attrs} />`);
  } else if (node.children.every((c) => typeof c === "string")) {
    out.push(`${pad}<${node.name}${attrs}>${node.children.map((c) => escapeXml(c as string)).join("")}</${node.name}>`);
  } else {
    out.push(`${pad}<${node.name}${attrs}>`);
    for (const child of node.children) render(child, depth + 1, out);
    out.push(`${pad}</${node.name}>`);
  }
}

/** The document with its declaration, two-space indented. */
export function toXml(root: XmlElement): string {
  const out = ['<?xml version="1.0" encoding="utf-8"?>'];
  render(root, 0, out);
  return `${out.join("\r\n")}\r\n`;
}

/** `<X><x description="…" languagecode="1033" /></X>`, the label shape of solution files. */
export function labels(outer: string, inner: string, text: string, language = 1033): XmlElement {
  return el(outer, el(inner, { description: text, languagecode: String(language) }));
}
