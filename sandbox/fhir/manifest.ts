/**
 * What the FHIR generator wrote and which dirt it planted where, so tests can assert a reader
 * (and later the pipeline) sees each one. Keys are resource ids; tables are resource types;
 * columns are the FHIR source's flattened column names.
 */
export type FhirDirt =
  /** The same person twice under two ids, with small differences (a nickname, a changed phone). */
  | { readonly kind: "near-duplicate"; readonly table: "Patient"; readonly keys: readonly string[] }
  | { readonly kind: "bad-phone" | "bad-email" | "bad-date" | "no-timezone"; readonly table: string; readonly key: string; readonly column: string }
  /** A reference to a resource that is in no file. */
  | { readonly kind: "orphan-reference"; readonly table: string; readonly key: string; readonly column: string; readonly value: string }
  | { readonly kind: "end-before-start"; readonly table: "Appointment"; readonly key: string }
  | { readonly kind: "inactive-practitioner"; readonly table: "Practitioner"; readonly key: string }
  /** How a DocumentReference carries its bytes: inline base64, a `Binary/<id>` URL, or a plain URL. */
  | { readonly kind: "inline-attachment" | "binary-attachment" | "url-attachment"; readonly table: "DocumentReference"; readonly key: string; readonly bytes: number }
  /** An attachment of `bytes` bytes (the configured large size), inline or by URL. */
  | { readonly kind: "large-attachment"; readonly table: "DocumentReference"; readonly key: string; readonly bytes: number }
  /** A `Binary/<id>` URL whose Binary was never written: the server answers 404. */
  | { readonly kind: "missing-binary"; readonly table: "DocumentReference"; readonly key: string }
  /** A document with more than one attachment (a preview rendition beside the file). */
  | { readonly kind: "multi-attachment"; readonly table: "DocumentReference"; readonly key: string; readonly attachments: number }
  /** A clinical note (category clinical-note, text content): its format, length, how its text comes, how many renditions. */
  | { readonly kind: "clinical-note"; readonly table: "DocumentReference"; readonly key: string; readonly format: "plain" | "html" | "rtf"; readonly chars: number; readonly how: "inline" | "binary"; readonly renditions: number }
  /** A generalPractitioner given as a PractitionerRole, or as the Organization itself, rather than a Practitioner. */
  | { readonly kind: "gp-role" | "gp-organization"; readonly table: "Patient"; readonly key: string };

export type FhirDirtKind = FhirDirt["kind"];

export interface FhirManifest {
  readonly generator: "fhir";
  readonly formatVersion: 1;
  readonly seed: number;
  /** Distinct people; Patient.ndjson has more lines because of planted near-duplicates. */
  readonly patients: number;
  readonly files: Readonly<Record<string, { readonly rows: number; readonly bytes: number }>>;
  /** Bytes behind `Binary/<id>` and plain-URL attachments, under `binaries/`. */
  readonly binaries: { readonly count: number; readonly bytes: number };
  readonly dirt: readonly FhirDirt[];
}

export function countDirt(dirt: readonly FhirDirt[]): Partial<Record<FhirDirtKind, number>> {
  const counts: Partial<Record<FhirDirtKind, number>> = {};
  for (const d of dirt) counts[d.kind] = (counts[d.kind] ?? 0) + 1;
  return counts;
}
