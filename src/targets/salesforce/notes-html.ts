/**
 * Plain text ↔ the HTML body of a ContentNote. The platform stores the note as HTML and asks
 * that special characters in plain text be escaped (Object Reference, ContentNote.Content:
 * "Any special characters within plain text in the Content field must be escaped");
 * line breaks become `<br>` inside one paragraph, and a carriage return an entity, so
 * `htmlToText(textToHtml(t)) === t` for any text.
 */

const escapes: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;", "\r": "&#13;" };

/** @example textToHtml("a < b\nc") → "<p>a &lt; b<br>c</p>" */
export function textToHtml(text: string): string {
  return `<p>${text.replace(/[&<>"'\r]/g, (c) => escapes[c] ?? c).split("\n").join("<br>")}</p>`;
}

const named: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: "\"", apos: "'", nbsp: "\u00a0" };

/** The text of a note body: paragraphs and `<br>` as newlines, other tags dropped, entities decoded. */
export function htmlToText(html: string): string {
  const body = html.replace(/^\s*<p>/i, "").replace(/<\/p>\s*$/i, "");
  return body
    .replace(/<\/p>\s*<p[^>]*>/gi, "\n")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === "#") {
        const code = name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
        return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
      }
      return named[name.toLowerCase()] ?? whole;
    });
}
