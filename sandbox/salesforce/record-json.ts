/** A stored row as the API shows it: `attributes` first, base64 fields as blob URLs. */
import type { FieldDef, Row } from "./field-def.js";
import type { ObjectDef } from "./object-def.js";

export const recordUrl = (version: string, type: string, id: string): string => `/services/data/v${version}/sobjects/${type}/${id}`;

export const attributesOf = (version: string, type: string, id: unknown): { type: string; url: string } => ({
  type, url: recordUrl(version, type, String(id)),
});

/** JSON of `row`, limited to `fields` (default: all) in definition order. */
export function recordJson(version: string, obj: ObjectDef, row: Row, fields: readonly FieldDef[] = obj.fields): Record<string, unknown> {
  const out: Record<string, unknown> = { attributes: attributesOf(version, obj.name, row.Id) };
  for (const f of fields) {
    const v = row[f.name] ?? null;
    out[f.name] = f.type === "base64" && v !== null ? `${recordUrl(version, obj.name, String(row.Id))}/${f.name}` : v;
  }
  return out;
}
