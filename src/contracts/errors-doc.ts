import { exitCodes } from "./error-catalog.js";
import { catalog } from "./errors/index.js";

/** docs/errors.md, generated from the catalog so the two can't drift (a test compares them). */
export function renderErrorsDoc(): string {
  const lines = [
    "# Handover error codes",
    "",
    "Generated from `src/contracts/errors/*.ts` by `node scripts/errors-doc.mjs`; a test fails when this page and the catalog differ.",
    "Codes are stable. Messages never contain record values (PHI): only files, rows, fields, counts and codes.",
    "",
    "| code | category | exit code | message | what to do |",
    "|---|---|---|---|---|",
  ];
  for (const [code, spec] of Object.entries(catalog)) {
    const hint = "hint" in spec ? spec.hint : "";
    lines.push(`| ${code} | ${spec.category} | ${exitCodes[spec.category]} | ${spec.message.replace(/\|/g, "\\|")} | ${(hint ?? "").replace(/\|/g, "\\|")} |`);
  }
  return lines.join("\n") + "\n";
}
