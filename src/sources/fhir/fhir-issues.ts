import { HandoverError, issue, type Issue } from "../../contracts/handover-error.js";

/**
 * Every problem the FHIR readers report, in one place. Where the catalog has no code of its own
 * yet, the closest existing HO-SRC code stands in; the proposed ones (see the report) replace
 * them here and nowhere else. Parameters are file names, line numbers, HTTP
 * statuses and fixed reasons — never a resource's values.
 */
export const fhirIssues = {
  /** A line that is not JSON, or JSON that is not an object: HO-SRC-012 (malformed JSON). */
  notJson: (file: string, row: number, reason: string): Issue => issue("HO-SRC-012", { file, row, reason }),
  /** A resource of another type than the file holds (HO-SRC-017). The found type is named only when it looks like one. */
  wrongType: (file: string, row: number, expected: string, found: unknown): Issue =>
    issue("HO-SRC-017", { file, row, expected, found: typeof found === "string" && /^[A-Za-z]{1,64}$/.test(found) ? found : "non-FHIR" }),
  /** A resource without an id. HO-SRC-005 says exactly this. */
  noId: (file: string, row: number): Issue => issue("HO-SRC-005", { file, row, field: "id" }),
  /**
   * A document whose bytes can't be had (not base64, a download refused or failed): its row is
   * rejected, HO-SRC-032, as the export reader's document whose file is missing is (HO-LOD-003):
   * a document is its file. A failed download is tried again by the next read.
   */
  attachment: (file: string, row: number, reason: string): Issue => issue("HO-SRC-032", { file, row, field: "attachment_path", reason }),
  /** A clinical note whose text can't be had; the note still comes, with an empty body. HO-SRC-030 (warning). */
  noteText: (file: string, row: number, reason: string): Issue => issue("HO-SRC-030", { file, row, field: "body", reason }, "warning"),
  /** A general practitioner whose practice is unknown: no link from it. HO-SRC-031 (warning). `type` is a resource type, never an id. */
  noPractice: (file: string, row: number, field: string, type: string): Issue =>
    issue("HO-SRC-031", { file, row, field, type: /^[A-Za-z]{1,64}$/.test(type) ? type : "reference" }, "warning"),
};

/** Errors that stop a whole bulk export (credentials refused, server unreachable, export failed):
 * HO-SRC-019, transient — a re-run resumes the export. */
export function bulkError(baseUrl: string, reason: string, cause?: unknown): HandoverError {
  return new HandoverError("HO-SRC-019", { path: baseUrl, reason }, cause === undefined ? undefined : { cause });
}
