import type { FieldDef, ObjectDef } from "../../../model/index.js";
import { model } from "../../../model/index.js";
import { normalizeName } from "./abbreviations.js";

/**
 * Signal: the table a column sits in. A column's name often says which object it is about:
 * "ProvNo" in an appointments table points at the provider, "Client ID" in a client–location link
 * table at the patient, "Last Visit" in a patients table at an appointment (so not at the
 * patient's own modifiedAt). The words come from the model: each object's name and its one-word
 * synonyms, minus words that are field words too ("note", "file", "schedule").
 */

const notObjectWords = new Set(["note", "file", "schedule", "site", "user", "person", "member", "id"]);

let cache: ReadonlyMap<string, string> | undefined;
/** word → object name ("visit" → appointment, "office" → practice, "doctor" → staff). */
export function objectWords(): ReadonlyMap<string, string> {
  if (cache) return cache;
  const words = new Map<string, string>();
  for (const object of Object.values(model)) {
    for (const phrase of [object.name, ...object.synonyms]) {
      const tokens = normalizeName(phrase);
      const word = tokens[0];
      if (tokens.length === 1 && word && !notObjectWords.has(word) && !words.has(word)) words.set(word, object.name);
    }
  }
  words.set("doctor", "staff");
  words.set("clinician", "staff");
  cache = words;
  return words;
}

/** Objects a column's (normalised) name mentions. */
export function namedObjects(tokens: readonly string[]): ReadonlySet<string> {
  const words = objectWords();
  return new Set(tokens.flatMap((t) => { const o = words.get(t); return o ? [o] : []; }));
}

/** Objects this object points at through its lookup fields, itself excluded. */
export function referencedObjects(object: ObjectDef): ReadonlySet<string> {
  return new Set(object.fields.flatMap((f) => (f.type === "ref" && f.ref && f.ref !== object.name ? [f.ref] : [])));
}

export type TablePrior =
  | { readonly kind: "points-at"; readonly object: string }
  | { readonly kind: "other-object"; readonly object: string }
  | { readonly kind: "not-own-key"; readonly object: string }
  | { readonly kind: "main-date" };

/** Generic words that only say "a moment in time". */
const dateWords = new Set(["date", "time", "datetime", "timestamp", "when", "at", "on"]);

/**
 * Each object's main moment, which a bare "Date" or "Date/Time" column most likely holds.
 * The first required date-time field, else the first non-common one.
 */
export function mainDateField(object: ObjectDef): string | undefined {
  const dated = object.fields.filter((f) => f.type === "dateTime" && f.name !== "createdAt" && f.name !== "modifiedAt");
  return (dated.find((f) => f.required) ?? dated[0])?.name;
}

/**
 * The table-context prior for one (column, field) pair, or undefined when the table says nothing.
 * `phraseTokens` are the field's name and synonym words, so a field whose own synonyms use the
 * object word ("office phone") isn't penalised for it.
 */
export function tablePrior(columnTokens: readonly string[], ownObject: ObjectDef, field: FieldDef, phraseTokens: ReadonlySet<string>): TablePrior | undefined {
  const ownName = modelNameOf(ownObject);
  const own = ownName === ownObject.name ? ownObject : { ...ownObject, name: ownName };
  const named = [...namedObjects(columnTokens)].filter((o) => o !== own.name || referencedObjects(own).has(o));
  if (field.type === "ref" && field.ref && named.includes(field.ref) && field.ref !== own.name) return { kind: "points-at", object: field.ref };
  const others = named.filter((o) => o !== own.name);
  if (field.name === "sourceId" && others.length > 0) return { kind: "not-own-key", object: others[0] as string };
  const foreign = others.find((o) => !columnTokens.some((t) => objectWords().get(t) === o && phraseTokens.has(t)));
  if (foreign && field.type !== "ref" && field.name !== "sourceId") return { kind: "other-object", object: foreign };
  const rest = columnTokens.filter((t) => !dateWords.has(t) && objectWords().get(t) !== own.name);
  if (rest.length === 0 && columnTokens.some((t) => dateWords.has(t)) && mainDateField(own) === field.name) return { kind: "main-date" };
  return undefined;
}

/**
 * The model object another schema's table stands for ("Patient" → patient), so a "pt_" column in
 * a FHIR Patient table isn't read as naming another object; "contact_people" names one object.
 * Model objects keep their own name.
 */
export function modelNameOf(object: ObjectDef): string {
  if (model[object.name] === object) return object.name;
  const named = [...new Set(normalizeName(object.name).flatMap((t) => objectWords().get(t) ?? []))];
  return named.length === 1 ? (named[0] as string) : object.name;
}

/** Words for a prior, for reasons. */
export function describePrior(prior: TablePrior, field: FieldDef, own: ObjectDef): string {
  switch (prior.kind) {
    case "points-at": return `the name mentions ${prior.object}, which ${field.name} points at`;
    case "other-object": return `the name mentions ${prior.object}, not this ${own.name}`;
    case "not-own-key": return `the name mentions ${prior.object}: a reference, not this table's own key`;
    case "main-date": return `a bare date in a ${own.name} table is most likely its ${field.name}`;
  }
}
