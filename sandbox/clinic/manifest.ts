import type { Dirt as CoreDirt } from "../core-practice/manifest.js";

/**
 * The clinic export's dirt: the kinds the Core Practice generator plants (same shapes, see
 * ../core-practice/manifest.ts) and two of a spreadsheet-like export's own.
 */
export type Dirt =
  | CoreDirt
  /** "Full Name" not as "First Last": "SMITH, Jane" (`last-first`) or with a title ("Dr Jane Smith"). */
  | { readonly kind: "name-order"; readonly table: string; readonly key: string; readonly row: number; readonly column: string; readonly form: "last-first" | "title" }
  /** A free-text multi-select value using both `;` and `,` as separators. */
  | { readonly kind: "mixed-separators"; readonly table: string; readonly key: string; readonly row: number; readonly column: string };

export type DirtKind = Dirt["kind"];
export type { DocumentFilesSummary, FileSummary, GeneratedExportSummary, Manifest } from "../core-practice/manifest.js";
