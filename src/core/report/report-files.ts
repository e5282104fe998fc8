import { chmodSync, createWriteStream, mkdirSync, writeFileSync, type WriteStream } from "node:fs";
import { join } from "node:path";

/** Reports that show source values hold PHI: their folder is owner-only and so is every file. */
export function reportDir(reportsRoot: string, name: string): string {
  mkdirSync(reportsRoot, { recursive: true, mode: 0o700 });
  chmodSync(reportsRoot, 0o700);
  const dir = join(reportsRoot, name);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  return dir;
}

export function writePrivate(path: string, content: string): string {
  writeFileSync(path, content, { mode: 0o600 });
  chmodSync(path, 0o600);
  return path;
}

export function openPrivateStream(path: string): WriteStream {
  const stream = createWriteStream(path, { mode: 0o600 });
  return stream;
}

/** RFC 4180 CSV cell. */
export function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? "" : typeof value === "object" ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function escapeHtml(value: unknown): string {
  const text = value === null || value === undefined ? "" : typeof value === "object" ? JSON.stringify(value) : String(value);
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export const phiBanner = "CONTAINS PHI: this report shows source and target values. Keep it private; it was written readable by its owner only.";
