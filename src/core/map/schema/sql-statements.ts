/**
 * Splits a SQL script into statements at top-level ";" (and T-SQL "GO" lines), outside quotes and
 * comments, keeping the line each statement starts on so errors can name it.
 */
export interface SqlStatement {
  readonly text: string;
  /** 1-based line of the statement's first non-blank character. */
  readonly line: number;
}

export function splitStatements(sql: string): SqlStatement[] {
  const out: SqlStatement[] = [];
  let start = 0;
  let line = 1;
  let startLine = 1;
  let quote: string | null = null;
  const push = (end: number) => {
    const raw = sql.slice(start, end);
    const lead = raw.match(/^(\s|--[^\n]*\n|\/\*[\s\S]*?\*\/)*/)?.[0] ?? "";
    const text = raw.slice(lead.length).trim();
    if (text.length > 0) out.push({ text, line: startLine + (lead.match(/\n/g)?.length ?? 0) });
  };
  for (let i = 0; i < sql.length; i += 1) {
    const ch = sql[i] as string;
    if (ch === "\n") line += 1;
    if (quote) {
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === "'" || ch === '"' || ch === "`") quote = ch;
    else if (ch === "[") quote = "]";
    else if (ch === "-" && sql[i + 1] === "-") {
      while (i < sql.length && sql[i] !== "\n") i += 1;
      i -= 1;
    } else if (ch === "/" && sql[i + 1] === "*") {
      const end = sql.indexOf("*/", i + 2);
      const stop = end < 0 ? sql.length : end + 2;
      line += sql.slice(i, stop).match(/\n/g)?.length ?? 0;
      i = stop - 1;
    } else if (ch === ";" || (ch === "\n" && /^[ \t]*go[ \t]*(\r?\n|$)/i.test(sql.slice(i + 1)))) {
      push(i);
      if (ch === "\n") {
        const go = sql.slice(i + 1).match(/^[ \t]*go[ \t]*/i)?.[0] ?? "";
        i += go.length;
      }
      start = i + 1;
      startLine = line;
    }
  }
  push(sql.length);
  return out;
}
