/**
 * Files on notes (annotation.documentbody, filename, mimetype). Per Learn "Use file data with
 * Attachment and Note records" (developer/data-platform/attachment-annotation-files):
 * - documentbody holds the file as Base64; setting it directly is fine for small files ("under 4 MB");
 * - organization.maxuploadfilesize is the limit in bytes (default 5,242,880 = 5,120 KB; at most
 *   131,072,000) and it applies to the Base64 size; over it the server answers 0x80044a02;
 * - larger files go in blocks: InitializeAnnotationBlocksUpload(Target) → FileContinuationToken,
 *   UploadBlock(BlockId, BlockData, FileContinuationToken) per ≤ 4 MB block, then
 *   CommitAnnotationBlocksUpload(Target, BlockList, FileContinuationToken). The Target must carry
 *   an annotationid (that is how an existing note is updated). Blocks do not lift the org limit.
 */
import { isHandoverError } from "../../contracts/handover-error.js";
import type { FileRow } from "../../contracts/target.js";
import type { Session } from "./client.js";

export const DEFAULT_MAX_UPLOAD_BYTES = 5_242_880;
/** Above this Base64 size a file is sent in blocks (when chunking is on). */
export const INLINE_LIMIT_BYTES = 4 * 1024 * 1024;
/** Raw bytes per UploadBlock: a multiple of 3, so each block's Base64 has no padding inside. */
export const BLOCK_BYTES = 3 * 1024 * 1024;

/** Length of the Base64 text for `bytes` raw bytes. */
export function base64Length(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}

export type FilePlan = "none" | "inline" | "blocks" | "oversize";

/** How a note's file travels, given the org limit and whether block upload is on. */
export function filePlan(file: FileRow | undefined, maxUploadBytes: number, chunk: boolean): FilePlan {
  if (!file) return "none";
  const size = base64Length(file.bytes.length);
  if (size > maxUploadBytes) return "oversize";
  return chunk && size > INLINE_LIMIT_BYTES ? "blocks" : "inline";
}

/** The org's upload limit: `GET organizations?$select=maxuploadfilesize` (one row), else the default. */
export async function readMaxUploadBytes(session: Session): Promise<number> {
  try {
    const response = await session.call((api) =>
      api.retrieveMultiple<{ maxuploadfilesize?: number }>({ collection: "organizations", select: ["maxuploadfilesize"] }),
    );
    const value = response?.value?.[0]?.maxuploadfilesize;
    return typeof value === "number" && value > 0 ? value : DEFAULT_MAX_UPLOAD_BYTES;
  } catch (error) {
    // Credentials/unreachable end the call; a target without the organizations set (or one that
    // hides it) gets the documented default.
    if (isHandoverError(error)) throw error;
    return DEFAULT_MAX_UPLOAD_BYTES;
  }
}

/** Block ids must be Base64 of ≤ 64 bytes and all the same length for one file. */
export function blockId(index: number): string {
  return Buffer.from(`block-${String(index).padStart(8, "0")}`, "utf8").toString("base64");
}

const ANNOTATION_TYPE = "Microsoft.Dynamics.CRM.annotation";

/** Attaches `file` to the existing note `annotationId` in blocks; returns the stored size. */
export async function uploadInBlocks(session: Session, annotationId: string, file: FileRow): Promise<number | undefined> {
  const target = { annotationid: annotationId, filename: file.fileName, mimetype: file.mimeType, "@odata.type": ANNOTATION_TYPE };
  const init = await session.call((api) =>
    api.callAction<{ FileContinuationToken?: string }>({ actionName: "InitializeAnnotationBlocksUpload", action: { Target: target } }),
  );
  const token = init?.FileContinuationToken;
  if (typeof token !== "string" || token === "") throw new Error("InitializeAnnotationBlocksUpload returned no continuation token");
  const ids: string[] = [];
  for (let offset = 0, index = 0; offset < file.bytes.length; offset += BLOCK_BYTES, index++) {
    const id = blockId(index);
    const data = Buffer.from(file.bytes.subarray(offset, offset + BLOCK_BYTES)).toString("base64");
    await session.call((api) => api.callAction({ actionName: "UploadBlock", action: { BlockId: id, BlockData: data, FileContinuationToken: token } }));
    ids.push(id);
  }
  const commit = await session.call((api) =>
    api.callAction<{ FileSizeInBytes?: number }>({
      actionName: "CommitAnnotationBlocksUpload",
      action: { Target: target, BlockList: ids, FileContinuationToken: token },
    }),
  );
  return commit?.FileSizeInBytes;
}
