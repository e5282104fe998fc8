import type { SourceColumn, SourceTable } from "../../../contracts/source.js";
import { commonFields, model, type FieldDef, type ObjectDef } from "../../../model/index.js";
import { declaredKindOf, fieldTypeOf } from "../schema/declared-type.js";
import type { SchemaColumn, SchemaTable } from "../schema/schema-description.js";
import { normalizeName } from "./abbreviations.js";
import { tokenSetKey } from "./similarity.js";
import { modelNameOf } from "./table-context.js";

/**
 * Any schema's tables on either side of the matcher. As the "to" side a table is scored like a
 * model object: its columns are fields with names, types and descriptions; their display label
 * (and a description short enough to be a name, as FHIR's `short` often is) are its only
 * synonyms, plus the practice model's vocabulary where the column is, by its name or label, a
 * model field of the object the table stands for (FHIR Patient.birthDate is patient.birthDate,
 * so it is also 'dob' and 'date of birth'). As the "from" side it is a source table whose samples and declared types feed the
 * value and type signals.
 */

/** A description of at most this many words reads as another name for the column. */
const NAME_LIKE_WORDS = 4;

function nameLike(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const plain = text.replace(/\([^)]*\)/g, " ").replace(/[.;:].*$/, "").replace(/^(the|a|an)\s+/i, "").trim();
  const words = plain.split(/\s+/).filter((w) => w.length > 0);
  return words.length > 0 && words.length <= NAME_LIKE_WORDS ? plain.toLowerCase() : undefined;
}

/**
 * The model field a column is, when its name (or last path part), label or short description is
 * one of the field's own names. `namesOnly`: only a field's name counts, and only when every
 * field so named is the same idea (firstName of patient and staff): a synonym like "owner" means
 * different things in different objects.
 */
function modelFieldFor(phrases: readonly string[], fields: readonly FieldDef[], tableWords: ReadonlySet<string>, namesOnly: boolean): FieldDef | undefined {
  // "pt_email" in a patients table is its email: the table's own words are dropped too.
  const keys = new Set(phrases.flatMap((p) => {
    const tokens = normalizeName(p);
    return [tokens, tokens.filter((t) => !tableWords.has(t))].map(tokenSetKey);
  }).filter((k) => k.length > 0));
  if (!namesOnly) return fields.find((f) => [f.name, ...f.synonyms].some((p) => keys.has(tokenSetKey(normalizeName(p)))));
  const named = fields.filter((f) => keys.has(tokenSetKey(normalizeName(f.name))));
  return named.every((f) => f.name === named[0]?.name) ? named[0] : undefined;
}

function fieldOf(column: SchemaColumn, vocabulary: readonly FieldDef[], tableWords: ReadonlySet<string>, namesOnly: boolean): FieldDef {
  const own = [nameLike(column.label), nameLike(column.description)].filter((s): s is string => !!s && s !== column.name.toLowerCase());
  const known = modelFieldFor([column.name, column.name.split(".").pop() ?? column.name, ...own], vocabulary, tableWords, namesOnly);
  const synonyms = [...new Set([...own, ...(known ? [known.name, ...known.synonyms] : [])])].filter((s) => s !== column.name);
  return { name: column.name, type: fieldTypeOf(column.type), phi: false, description: column.description ?? column.label ?? "", synonyms };
}

/** A schema table as the object its columns are proposed against. */
export function schemaObject(table: SchemaTable): ObjectDef {
  const bare: ObjectDef = { name: table.name, description: table.description ?? "", synonyms: [], fields: [] };
  const standsFor = model[modelNameOf(bare)];
  // The object it stands for lends its names and words; else a model field's own name still does.
  const vocabulary = standsFor ? standsFor.fields : [...commonFields, ...Object.values(model).flatMap((o) => o.fields)];
  const tableWords = new Set([...normalizeName(table.name), ...(standsFor ? [standsFor.name, ...standsFor.synonyms].flatMap(normalizeName) : [])]);
  const synonyms = standsFor ? [standsFor.name, ...standsFor.synonyms] : [];
  return { ...bare, synonyms, fields: table.columns.map((c) => fieldOf(c, vocabulary, tableWords, !standsFor)) };
}

/** A schema table as a source table; with no counts, each sample counts once. */
export function schemaSourceTable(table: SchemaTable, file: string): SourceTable {
  const columns = table.columns.map((c): SourceColumn & { readonly declaredType?: string } => {
    const declared = declaredKindOf(c.type);
    return {
      name: c.name,
      samples: c.samples,
      nonEmptyCount: c.stats?.nonEmptyCount ?? c.samples.length,
      distinctCount: c.stats?.distinctCount ?? new Set(c.samples).size,
      maxLength: c.stats?.maxLength ?? c.samples.reduce((m, s) => Math.max(m, s.length), 0),
      ...(c.stats?.dateFormat ? { dateFormat: c.stats.dateFormat } : {}),
      ...(declared ? { declaredType: declared } : {}),
    };
  });
  const references = table.columns.flatMap((c) => {
    if (!c.references) return [];
    const [refTable, refColumn] = c.references.split(".");
    return [{ column: c.name, table: refTable ?? c.references, tableColumn: refColumn ?? "" }];
  });
  return {
    name: table.name,
    file,
    rowCount: 0,
    columns,
    ...(table.key && table.key.length > 0 ? { key: table.key } : {}),
    ...(references.length > 0 ? { references } : {}),
  };
}
