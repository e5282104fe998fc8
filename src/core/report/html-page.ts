import { escapeHtml } from "./report-files.js";

export interface HtmlTable {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly unknown[])[];
  /** Index of a boolean-ish column that marks a row as a problem (highlighted). */
  readonly flagColumn?: number;
  readonly note?: string;
}

/** A plain, self-contained HTML page a consultant can hand to a client (no scripts, no CDN). */
export function htmlPage(title: string, banner: string | null, summary: readonly [string, unknown][], tables: readonly HtmlTable[]): string {
  const head = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;margin:1rem 0;font-size:13px}
td,th{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}th{background:#f3f3f3}
tr.bad td{background:#fde8e8}.banner{background:#fff3cd;border:1px solid #e0c36b;padding:.5rem 1rem}dl{display:grid;grid-template-columns:max-content auto;gap:2px 12px}</style></head><body>`;
  const parts = [head, `<h1>${escapeHtml(title)}</h1>`];
  if (banner) parts.push(`<p class="banner">${escapeHtml(banner)}</p>`);
  parts.push("<dl>", ...summary.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`), "</dl>");
  for (const t of tables) {
    parts.push(`<h2>${escapeHtml(t.title)}</h2>`);
    if (t.note) parts.push(`<p>${escapeHtml(t.note)}</p>`);
    parts.push("<table><thead><tr>", ...t.columns.map((c) => `<th>${escapeHtml(c)}</th>`), "</tr></thead><tbody>");
    for (const row of t.rows) {
      const bad = t.flagColumn !== undefined && (row[t.flagColumn] === false || row[t.flagColumn] === "no");
      parts.push(`<tr${bad ? ' class="bad"' : ""}>`, ...row.map((c) => `<td>${escapeHtml(c)}</td>`), "</tr>");
    }
    parts.push("</tbody></table>");
  }
  parts.push("</body></html>");
  return parts.join("");
}
