/**
 * Files in a PracticeHub account: patient documents (consent forms, letters, scans: metadata with a
 * `download_url`) and the bytes behind every `download_url` (theirs and the policy documents'),
 * served by `GET /v1/files/{id}`. Bytes are made from a filler drawn once per seed and the row
 * itself (type, size, id), so the same seed always serves the same bytes and a test can compute
 * what a download must be.
 */
import { documentBytes, extensionOf, makeFiller, type DocumentMimeType, type Filler } from "../visual-practice/document-bytes.js";
import { Rng } from "../visual-practice/prng.js";
import type { Row } from "./row.js";
import { isoStamp, modifiedAfter, pad } from "./values.js";

const kinds = [
  { title: "Consent form", category: "consent", mime: "application/pdf" },
  { title: "Referral letter", category: "form", mime: "application/pdf" },
  { title: "X-ray", category: "imaging", mime: "image/jpeg" },
  { title: "Lab results", category: "lab", mime: "application/pdf" },
  { title: "Insurance card", category: "insurance_card", mime: "image/png" },
  { title: "Intake questionnaire", category: "form", mime: "text/plain" },
] as const satisfies readonly { title: string; category: string; mime: DocumentMimeType }[];

export const fileUrl = (id: string): string => `/v1/files/${id}`;

/** About one document per two patients, filed some time after the patient was created. */
export function patientDocuments(rng: Rng, people: readonly Row[]): Row[] {
  const rows: Row[] = [];
  for (const person of people) {
    const count = rng.chance(0.45) ? (rng.chance(0.2) ? 2 : 1) : 0;
    for (let k = 0; k < count; k += 1) {
      const kind = rng.pick(kinds);
      const id = `pdoc_${pad(rows.length + 1, 6)}`;
      const uploaded = modifiedAfter(rng, Date.parse(person.created_at as string));
      rows.push({
        id,
        patient_id: person.id,
        title: kind.title,
        category: kind.category,
        file_name: `${kind.title.toLowerCase().replace(/\s+/g, "-")}-${id.slice(5)}.${extensionOf[kind.mime]}`,
        mime_type: kind.mime,
        size_bytes: rng.int(1_500, 40_000),
        download_url: fileUrl(id),
        uploaded_at: isoStamp(uploaded),
        created_at: isoStamp(uploaded),
        modified_at: isoStamp(modifiedAfter(rng, uploaded)),
      });
    }
  }
  return rows;
}

export const fileFiller = (seed: number): Filler => makeFiller(Rng.derive(seed, "files"));

/**
 * The bytes a file row's `download_url` serves: exactly `size_bytes` long, shaped like its type
 * (a row without `mime_type`, a policy document, is a PDF).
 */
export function fileBytes(filler: Filler, row: Row): Buffer {
  const mime = (typeof row.mime_type === "string" && row.mime_type in extensionOf ? row.mime_type : "application/pdf") as DocumentMimeType;
  let offset = 0;
  for (const char of row.id) offset = (offset * 31 + char.charCodeAt(0)) % 8192;
  return documentBytes(filler, offset, mime, Number(row.size_bytes) || 0);
}

export const fileMimeType = (row: Row): string => (typeof row.mime_type === "string" ? row.mime_type : "application/pdf");
