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

/**
 * A value map row: one distinct value of a column routed to a code field, matched to the field's
 * vocabulary. `code: null` says no code fits (the value is left out and flagged). Decided like a
 * field row; the transform uses confirmed rows before its built-in parse.
 */
export const valueRowSchema = z.object({
  /** `table.column` in the source. */
  source: z.string().regex(/^[^.]+\..+$/),
  /** The value as the source holds it (trimmed). */
  value: z.string(),
  /** The code field, `object.field`. */
  model: z.string(),
  /** The model code it means, or null when none fits. */
  code: z.string().nullable(),
  /** Where the code lands, in words ("contact.gendercode = 2"). */
  target: z.string().nullable(),
  /** Rows holding the value, or null when it is known only as a sample (a column over the cap). */
  count: z.number().int().min(0).nullable(),
  confidence: z.number().min(0).max(1),
  reasons: z.array(z.string()),
  status,
  phi: z.boolean().default(false),
});

/**
 * A declared rule over columns: the one exception to one column per field. `split-name` splits a
 * full-name column into name parts; `date-time` combines a date and a time column into one
 * date-time field. Decided like a field row; its columns have no field rows of their own.
 */
export const columnRuleRowSchema = z.object({
  id: z.string(),
  kind: z.enum(["split-name", "date-time"]),
  /** `table.column` inputs, in the rule's order (date then time). */
  sources: z.array(z.string().regex(/^[^.]+\..+$/)).min(1),
  /** `object.field` outputs (name parts; the one date-time field). */
  model: z.array(z.string()).min(1),
  /** Where each output lands, as for field rows. */
  targets: z.array(z.string().nullable()),
  confidence: z.number().min(0).max(1),
  reasons: z.array(z.string()),
  status,
  phi: z.boolean().default(false),
});

/**
 * Version 1 throughout: `values` and `columnRules` are optional and get no default, so a file
 * written before them loads, hashes and stays confirmed exactly as it was.
 */
export const mappingFileSchema = z.object({
  version: z.literal(1),
  source: z.string(),
  target: z.string(),
  objects: z.array(objectRowSchema),
  fields: z.array(fieldRowSchema),
  rules: z.array(ruleRowSchema),
  columnRules: z.array(columnRuleRowSchema).optional(),
  values: z.array(valueRowSchema).optional(),
});

export type MappingFile = z.infer<typeof mappingFileSchema>;
export type FieldRow = z.infer<typeof fieldRowSchema>;
export type RuleRow = z.infer<typeof ruleRowSchema>;
export type ObjectRow = z.infer<typeof objectRowSchema>;
export type ValueRow = z.infer<typeof valueRowSchema>;
export type ColumnRuleRow = z.infer<typeof columnRuleRowSchema>;

/** A stable hash of the map's content: any edit after confirmation changes it. */
export function mappingHash(mapping: MappingFile): string {
  return createHash("sha256").update(JSON.stringify(mapping)).digest("hex").slice(0, 16);
}

/** Rows (fields, rules, column rules and value rows) still waiting for a person's decision. */
export function undecided(mapping: MappingFile): number {
  const open = (rows: readonly { readonly status: RowStatus }[] | undefined) => (rows ?? []).filter((r) => r.status === "proposed").length;
  return open(mapping.fields) + open(mapping.rules) + open(mapping.columnRules) + open(mapping.values);
}
