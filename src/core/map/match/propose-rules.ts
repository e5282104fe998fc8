import type { SourceTable } from "../../../contracts/source.js";
import type { ObjectDef } from "../../../model/index.js";
import { splitFullName } from "../../transform/split-name.js";
import { isTimeOfDay } from "../../transform/time-of-day.js";
import { normalizeName } from "./abbreviations.js";
import { columnContexts, type ColumnContext } from "./score-field.js";
import { nameSimilarity } from "./similarity.js";
import { mainDateField, objectWords } from "./table-context.js";
import type { FieldProposal, RuleProposal } from "./types.js";
import { pct } from "./value-fit.js";
import { MIN_SHARE } from "./value-profile.js";

/**
 * The matcher's proposals for the two declared rules, when the table's signals call for them:
 * - split-name: a column named as a whole name ("Full Name", "Patient Name", "Name") whose values
 *   split into name parts, in a table where no other column maps to the first or last name;
 * - date-time: a column of dates without times and a column of times of day ("Date" + "Time",
 *   "appt_date" + "appt_time") that together make one date-time field no column holds whole.
 * A proposal is only that: the rule appears in mapping.yaml and is confirmed like a field.
 */

/** Words that qualify a whole name without naming a part of it. */
const wholeNameWords = new Set(["full", "complete", "whole", "display", "entire", "legal", "name", "completo", "complet", "vollstandiger"]);
const namePartWords = new Set(["first", "last", "middle", "given", "family", "surname", "preferred", "nick", "maiden", "initial", "user", "file"]);
const dateWords = new Set(["date", "day", "datum", "fecha", "dt"]);
const timeWords = new Set(["time", "hour", "hora", "zeit", "uhrzeit", "heure", "tm"]);

const SPLIT_NAME_BASE = { full: 0.6, bare: 0.45 } as const;
const VALUES_WEIGHT = 0.35;
const NO_SAMPLES_CONFIDENCE = 0.55;
const CEILING = 0.97;
const round = (n: number) => Math.round(Math.min(CEILING, n) * 1000) / 1000;

/** Name words other than the table's own object words ("Client Name" in clients → name). */
function ownWords(context: ColumnContext, object: ObjectDef): string[] {
  return context.name.tokens.filter((t) => objectWords().get(t) !== object.name);
}

function splitNameRule(contexts: readonly ColumnContext[], object: ObjectDef, plain: readonly FieldProposal[]): RuleProposal | undefined {
  const has = (name: string) => object.fields.some((f) => f.name === name);
  if (!has("firstName") || !has("lastName")) return undefined;
  let best: RuleProposal | undefined;
  // A whole-name column may have drawn a weak plain proposal of its own ("Patient Name" looks a
  // little like "name suffix"); the rule, if it applies, replaces it.
  contexts.forEach((context, i) => {
    // "Name" itself may have drawn firstName; another column holding a name part rules the split out.
    if (plain.some((p, j) => j !== i && (p.field === "firstName" || p.field === "lastName"))) return;
    const words = ownWords(context, object);
    if (!words.includes("name") || words.some((w) => namePartWords.has(w)) || !words.every((w) => wholeNameWords.has(w))) return;
    const full = words.length > 1;
    const samples = context.column.samples.map((s) => s.trim()).filter((s) => s.length > 0);
    const clean = samples.filter((s) => { const p = splitFullName(s); return p && !p.ambiguity && p.first && p.last; }).length;
    const share = samples.length > 0 ? clean / samples.length : 0;
    if (samples.length > 0 && share < MIN_SHARE) return;
    const confidence = samples.length === 0 ? NO_SAMPLES_CONFIDENCE : round(SPLIT_NAME_BASE[full ? "full" : "bare"] + VALUES_WEIGHT * share);
    const parts = ["firstName", "middleName", "lastName", "suffix"].filter((f) => has(f) && !plain.some((p, j) => j !== i && p.field === f));
    const reasons = [
      `name '${context.column.name}' says it holds a whole name`,
      `no other column maps to firstName or lastName`,
      samples.length > 0 ? `${pct(share)} of sampled values split into name parts ("First Last" or "Last, First", titles, middle names, suffixes)` : "no sample values to check",
      "values that don't split cleanly (one word, several commas, many words) are loaded as best read and flagged",
    ];
    if (!best || confidence > best.confidence) {
      best = { id: `split-name:${context.column.name}`, kind: "split-name", columns: [context.column.name], fields: parts, confidence, reasons };
    }
  });
  return best;
}

/** The date-time field a date/time pair most likely fills: by its other words, else the object's main moment. */
function dateTimeField(rest: readonly string[], object: ObjectDef, dateProposal: FieldProposal | undefined): string | undefined {
  const candidates = object.fields.filter((f) => f.type === "dateTime" && f.name !== "createdAt" && f.name !== "modifiedAt");
  const proposed = candidates.find((f) => f.name === dateProposal?.field);
  if (proposed) return proposed.name;
  if (rest.length === 0) return mainDateField(object);
  let best: string | undefined;
  let score = 0.5;
  for (const field of candidates) {
    for (const phrase of [field.name, ...field.synonyms]) {
      const s = nameSimilarity(rest, normalizeName(phrase)).score;
      if (s > score) [best, score] = [field.name, s];
    }
  }
  return best;
}

function dateTimeRules(contexts: readonly ColumnContext[], object: ObjectDef, plain: readonly FieldProposal[]): RuleProposal[] {
  const rules: RuleProposal[] = [];
  const used = new Set<number>();
  const timeShare = (c: ColumnContext) => {
    const samples = c.column.samples.map((s) => s.trim()).filter((s) => s.length > 0);
    return samples.length === 0 ? 0 : samples.filter(isTimeOfDay).length / samples.length;
  };
  const isDates = (c: ColumnContext) => c.values.kind === "date" && c.values.share >= MIN_SHARE;
  contexts.forEach((date, d) => {
    if (!isDates(date) || used.has(d)) return;
    const rest = ownWords(date, object).filter((w) => !dateWords.has(w));
    if (ownWords(date, object).every((w) => !dateWords.has(w))) return;
    contexts.forEach((time, t) => {
      if (t === d || used.has(d) || used.has(t)) return;
      const words = ownWords(time, object);
      const share = timeShare(time);
      if (share < MIN_SHARE || !words.some((w) => timeWords.has(w))) return;
      const timeRest = words.filter((w) => !timeWords.has(w));
      if (timeRest.join(" ") !== rest.join(" ")) return;
      const field = dateTimeField(rest, object, plain[d]);
      if (!field) return;
      const holder = plain.findIndex((p, i) => p.field === field && i !== d && i !== t);
      if (holder >= 0 && contexts[holder]?.values.kind === "dateTime") return;
      used.add(d).add(t);
      rules.push({
        id: `date-time:${date.column.name}+${time.column.name}`,
        kind: "date-time",
        columns: [date.column.name, time.column.name],
        fields: [field],
        confidence: round(0.85 + (rest.length > 0 ? 0.05 : 0) + 0.05 * Math.min(share, date.values.share)),
        reasons: [
          `'${date.column.name}' holds dates without a time (${date.values.format ?? "dates"}, ${pct(date.values.share)} of samples)`,
          `'${time.column.name}' holds times of day (${pct(share)} of samples)`,
          `together they make ${field}, a date-time field no single column holds`,
        ],
      });
    });
  });
  return rules;
}

/**
 * Rules the table's signals call for, given the plain one-to-one proposals.
 *
 * @example proposeRules(clients, model.patient, proposeFields(clients, model.patient))
 * // [{ id: "split-name:Full Name", kind: "split-name", columns: ["Full Name"], fields: ["firstName", "middleName", "lastName", "suffix"], ... }]
 */
export function proposeRules(table: SourceTable, object: ObjectDef, plain: readonly FieldProposal[]): RuleProposal[] {
  const contexts = columnContexts(table, object);
  const split = splitNameRule(contexts, object, plain);
  return [...(split ? [split] : []), ...dateTimeRules(contexts, object, plain)];
}
