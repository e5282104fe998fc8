import type { Directory } from "./directory.js";

/**
 * FHIR datatypes → the flat text columns the matcher reads. Every helper takes `unknown`
 * because NDJSON from the wild does not follow the spec; a value of the wrong shape gives ""
 * rather than a throw, and the column stays visible for discovery to show it empty.
 */
export type Json = unknown;
export type Row = Record<string, string>;

export const isObject = (value: Json): value is Record<string, Json> => typeof value === "object" && value !== null && !Array.isArray(value);
export const list = (value: Json): Json[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);

/** A primitive as text: strings as they are, numbers and booleans printed; objects and arrays "". */
export function text(value: Json): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return "";
}

/** A path of keys into an object, e.g. `at(r, "meta", "lastUpdated")`. */
export function at(value: Json, ...keys: string[]): Json {
  let current = value;
  for (const key of keys) current = isObject(current) ? current[key] : undefined;
  return current;
}

/**
 * A Reference's target: `Patient/123` → { id: "123", type: "Patient" }; an absolute URL's last
 * `Type/id` pair likewise; `_history/n` dropped; `urn:uuid:x` or `#contained` kept whole.
 */
export function reference(value: Json): { id: string; type: string } {
  const ref = text(at(value, "reference")).trim();
  const declared = text(at(value, "type"));
  if (ref === "") return { id: "", type: declared };
  if (ref.startsWith("urn:") || ref.startsWith("#")) return { id: ref, type: declared };
  const parts = ref.replace(/\/_history\/[^/]*$/, "").split("/").filter((p) => p !== "");
  const id = parts[parts.length - 1] ?? "";
  const type = parts.length >= 2 ? (parts[parts.length - 2] as string) : declared;
  return { id, type: /^[A-Z][A-Za-z]+$/.test(type) ? type : declared };
}

/** Sets `<name>` to a reference's id, and `<name>_type` when the field may point at several types. */
export function putReference(row: Row, name: string, value: Json, polymorphic = false): void {
  const { id, type } = reference(value);
  row[name] = id;
  if (polymorphic) row[`${name}_type`] = id === "" ? "" : type;
}

/**
 * A reference that names the patient (`subject`, `beneficiary`…) is flattened as `patient`, the
 * name every table uses for it, so the matcher ties it to the model's patient ref whatever FHIR
 * calls the element. A subject that is not a Patient (a Group, a Device) is kept in
 * `subject_other` and `subject_other_type` instead: nothing is lost, and it never passes for a patient.
 */
export function putPatient(row: Row, value: Json): void {
  const { id, type } = reference(value);
  const patient = type === "" || type === "Patient";
  row.patient = patient ? id : "";
  row.subject_other = patient ? "" : id;
  row.subject_other_type = patient ? "" : type;
}

/** The columns `putPatient` fills. */
export const patientColumns = ["patient", "subject_other", "subject_other_type"] as const;

/**
 * A reference to a staff member (Practitioner or PractitionerRole; for some elements an
 * Organization): `<name>` and `<name>_type`. A PractitionerRole is resolved to its Practitioner,
 * the model's staff, when the export's roles say which; otherwise it stays as it is.
 */
export function putStaff(row: Row, name: string, value: Json, directory: Directory): void {
  const { id, type } = reference(value);
  const practitioner = type === "PractitionerRole" ? directory.practitionerOf(id) : undefined;
  row[name] = practitioner ?? id;
  row[`${name}_type`] = id === "" ? "" : practitioner ? "Practitioner" : type;
}

/** A CodeableConcept's (or Coding's) first code; its text or display beside it. */
export function concept(value: Json): { code: string; text: string } {
  const codings = isObject(value) && "coding" in value ? list(value.coding) : isObject(value) ? [value] : [];
  const first = codings.find((c) => text(at(c, "code")) !== "") ?? codings[0];
  const code = text(at(first, "code"));
  const label = text(at(value, "text")) || text(at(first, "display"));
  return { code: code || label, text: label || code };
}

/** Codes of a list of CodeableConcepts, joined with "; " (a column holds several, like the model's `codes`). */
export function concepts(value: Json): string {
  return list(value).map((c) => concept(c).code).filter((c) => c !== "").join("; ");
}

/** The name to use: `official`, else `usual`, else the first. */
export function humanName(value: Json): Row {
  const names = list(value);
  const name = names.find((n) => text(at(n, "use")) === "official") ?? names.find((n) => text(at(n, "use")) === "usual") ?? names[0];
  return {
    name_family: text(at(name, "family")),
    name_given: list(at(name, "given")).map(text).filter((g) => g !== "").join(" "),
    name_prefix: list(at(name, "prefix")).map(text).join(" "),
    name_suffix: list(at(name, "suffix")).map(text).join(" "),
    name_text: text(at(name, "text")),
  };
}

/** Phones by use (home, work, mobile; others and unmarked in `telecom_phone`), the first email, the first fax. */
export function telecom(value: Json): Row {
  const row: Row = { telecom_phone_home: "", telecom_phone_work: "", telecom_phone_mobile: "", telecom_phone: "", telecom_email: "", telecom_fax: "" };
  for (const point of list(value)) {
    const system = text(at(point, "system"));
    const use = text(at(point, "use"));
    const key = system === "email" ? "telecom_email" : system === "fax" ? "telecom_fax" : system === "phone" || system === "sms" || system === ""
      ? (use === "home" || use === "work" || use === "mobile" ? `telecom_phone_${use}` : "telecom_phone") : undefined;
    const found = text(at(point, "value"));
    if (key && row[key] === "" && found !== "") row[key] = found;
  }
  return row;
}

/** The home address if marked, else the first; lines joined with ", ". */
export function address(value: Json): Row {
  const all = list(value);
  const chosen = all.find((a) => text(at(a, "use")) === "home") ?? all[0];
  return {
    address_line: list(at(chosen, "line")).map(text).filter((l) => l !== "").join(", "),
    address_city: text(at(chosen, "city")),
    address_state: text(at(chosen, "state")),
    address_postalCode: text(at(chosen, "postalCode")),
    address_country: text(at(chosen, "country")),
  };
}

/** The first identifier whose type code is one of `codes` or whose system is one of `systems`. */
export function identifier(value: Json, match: { codes?: readonly string[]; systems?: readonly string[] }): string {
  for (const id of list(value)) {
    const codes = list(at(id, "type", "coding")).map((c) => text(at(c, "code")));
    const system = text(at(id, "system"));
    if (codes.some((c) => match.codes?.includes(c)) || match.systems?.includes(system)) return text(at(id, "value"));
  }
  return "";
}

export const npiSystem = "http://hl7.org/fhir/sid/us-npi";
export const ssnSystem = "http://hl7.org/fhir/sid/us-ssn";

/** A Period's ends. */
export function period(value: Json, name = "period"): Row {
  return { [`${name}_start`]: text(at(value, "start")), [`${name}_end`]: text(at(value, "end")) };
}

/** The first value of a choice element (`deceasedBoolean`/`deceasedDateTime` → `deceased`). */
export function choice(resource: Json, stem: string): string {
  if (!isObject(resource)) return "";
  for (const [key, value] of Object.entries(resource)) {
    if (key.startsWith(stem) && /^[A-Z]/.test(key.slice(stem.length))) return text(value) || concept(value).code;
  }
  return "";
}
