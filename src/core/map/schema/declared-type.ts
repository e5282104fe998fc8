import type { FieldType } from "../../../model/index.js";

/**
 * Declared column types, whatever the schema's dialect (SQL, FHIR, Dataverse, Salesforce), folded
 * to the model's field types: the matcher's type signals then read them like any model field.
 */
const rules: readonly (readonly [RegExp, FieldType])[] = [
  [/^(bool|boolean|bit|yes\/?no|two ?options)$/, "bool"],
  [/^(date)$/, "date"],
  [/^(datetime\w*|timestamp\w*|timestamptz|instant|smalldatetime|datetimeoffset|time ?stamp)$/, "dateTime"],
  [/^(tinyint|smallint|mediumint|int|integer|bigint|int\d|serial|bigserial|smallserial|positiveint|unsignedint|long|whole ?number)$/, "int"],
  [/^(money|smallmoney|currency)$/, "money"],
  [/^(decimal|numeric|number|float\d*|double( precision)?|real|percent)$/, "decimal"],
  // Plain "text" says little (PostgreSQL and spreadsheets use it for any string): not long text.
  [/^(mediumtext|longtext|ntext|clob|memo|textarea|markdown|long ?text|multiple lines of text)$/, "longText"],
  [/^(code|coding|codeableconcept|choice|picklist|enum|option ?set|status)$/, "code"],
  [/^(multipicklist|multi ?select.*)$/, "codes"],
  [/^(reference|lookup|customer|owner|uuid ?ref)$/, "ref"],
  [/^(attachment|blob|bytea|varbinary|binary|image|file|base64binary)$/, "file"],
];

/** "VARCHAR(40)" → text, "timestamp with time zone" → dateTime, "HumanName" → text. */
export function fieldTypeOf(declared: string | undefined): FieldType {
  if (!declared) return "text";
  const base = declared.trim().toLowerCase().replace(/\(.*$/, "").replace(/\s+with(out)? time zone$/, "").replace(/\[\]$/, "").trim();
  return rules.find(([pattern]) => pattern.test(base))?.[1] ?? "text";
}

/**
 * The same type in the words the matcher's declared-type signal reads on a source column
 * ("date", "datetime", "boolean", "integer", "number", "currency", "picklist", "textarea",
 * "reference"); text types say nothing and give undefined.
 */
export function declaredKindOf(declared: string | undefined): string | undefined {
  const words: Partial<Record<FieldType, string>> = {
    bool: "boolean", date: "date", dateTime: "datetime", int: "integer", money: "currency", decimal: "number",
    longText: "textarea", code: "picklist", ref: "reference",
  };
  return words[fieldTypeOf(declared)];
}
