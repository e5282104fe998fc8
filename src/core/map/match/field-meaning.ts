import type { FieldDef } from "../../../model/index.js";
import { normalizeName } from "./abbreviations.js";

/**
 * What kind of value a model field holds, finer than its storage type: a `text` field may be an
 * email, a phone or an NPI, and the value detectors need to know which.
 */
export const meanings = [
  "identifier", "ref", "date", "dateTime", "bool", "int", "number", "longText", "code", "sex",
  "email", "phone", "npi", "ssn", "ein", "url", "postal", "mime", "text",
] as const;
export type Meaning = (typeof meanings)[number];

/** Words in a text field's name that say what it holds. First hit wins. */
const textMeaningWords: readonly (readonly [string, Meaning])[] = [
  ["email", "email"],
  ["phone", "phone"],
  ["mobile", "phone"],
  ["fax", "phone"],
  ["npi", "npi"],
  ["ssn", "ssn"],
  ["tax", "ein"],
  ["website", "url"],
  ["url", "url"],
  ["postal", "postal"],
  ["mime", "mime"],
];

/** Labels for reasons: "values (email addresses) don't fit a date field". */
export const meaningLabels: Readonly<Record<Meaning, string>> = {
  identifier: "record key", ref: "lookup", date: "date", dateTime: "date-time", bool: "yes/no",
  int: "whole-number", number: "number", longText: "long text", code: "code", sex: "sex code",
  email: "email", phone: "phone", npi: "NPI", ssn: "SSN", ein: "tax ID", url: "web address",
  postal: "postal code", mime: "media type", text: "text",
};

/** @example meaningOf(patient.fields.find(f => f.name === "email")) // "email" */
export function meaningOf(field: FieldDef): Meaning {
  if (field.name === "sourceId") return "identifier";
  switch (field.type) {
    case "ref": return "ref";
    case "date": return "date";
    case "dateTime": return "dateTime";
    case "bool": return "bool";
    case "int": return "int";
    case "decimal":
    case "money": return "number";
    case "longText": return "longText";
    case "code":
    case "codes": return field.codes?.includes("female") && field.codes.includes("male") ? "sex" : "code";
    default: {
      const words = normalizeName(field.name);
      return textMeaningWords.find(([word]) => words.includes(word))?.[1] ?? "text";
    }
  }
}

/** Birth-date fields get the "dates spread over decades" pattern. */
export function isBirthDateField(field: FieldDef): boolean {
  return field.type === "date" && normalizeName(field.name).includes("birth");
}
