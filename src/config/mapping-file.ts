import { createHash } from "node:crypto";
import { z } from "zod";

/**
 * mapping.yaml (version 1): both hops of the map, one row per source column, plus the rules a
 * person must confirm (fallback owner, default account, primary-practice choice).
 * Nothing is written to the target until every row and rule is confirmed or rejected.
 */
const status = z.enum(["proposed", "confirmed", "rejected"]);
export type RowStatus = z.infer<typeof status>;

export const objectRowSchema = z.object({
  /** Source table name. */
  source: z.string(),
  /** Practice-model object it holds. */
  model: z.string(),
  /** Target table the model object lands in (or "(resolve)" for staff resolved to users). */
  target: z.string(),
  /** The source column(s) that identify a row. */
  key: z.array(z.string()).min(1),
});

export const fieldRowSchema = z.object({
  /** `table.column` in the source. */
  source: z.string().regex(/^[^.]+\..+$/),
  /** `object.field` in the model, `object.customProperties.<name>`, or null when rejected. */
  model: z.string().nullable(),
  /** `table.column` in the target, or a described landing ("connection.record2roleid (role)"). */
  target: z.string().nullable(),
  confidence: z.number().min(0).max(1),
  reasons: z.array(z.string()),
  status,
  phi: z.boolean().default(false),
});

export const ruleRowSchema = z.object({
  id: z.string(),
  description: z.string(),
  value: z.string().nullable(),
  status,
});

export const mappingFileSchema = z.object({
  version: z.literal(1),
  source: z.string(),
  target: z.string(),
  objects: z.array(objectRowSchema),
  fields: z.array(fieldRowSchema),
  rules: z.array(ruleRowSchema),
});

export type MappingFile = z.infer<typeof mappingFileSchema>;
export type FieldRow = z.infer<typeof fieldRowSchema>;
export type RuleRow = z.infer<typeof ruleRowSchema>;
export type ObjectRow = z.infer<typeof objectRowSchema>;

/** A stable hash of the map's content: any edit after confirmation changes it. */
export function mappingHash(mapping: MappingFile): string {
  return createHash("sha256").update(JSON.stringify(mapping)).digest("hex").slice(0, 16);
}

/** Rows (fields and rules) still waiting for a person's decision. */
export function undecided(mapping: MappingFile): number {
  return mapping.fields.filter((f) => f.status === "proposed").length + mapping.rules.filter((r) => r.status === "proposed").length;
}
