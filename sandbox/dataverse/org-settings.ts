/** Org-level settings the sandbox emulates (edition, attachment size limit). */

export const EDITIONS = ["enterprise", "sales-professional"] as const;
export type Edition = (typeof EDITIONS)[number];

export interface OrgSettings {
  readonly edition: Edition;
  /**
   * Organization.maxuploadfilesize in bytes: the largest note/attachment file. Default 5,120 KB
   * ("By default the maximum size is 5 MB", Learn: attachment-annotation-files).
   */
  readonly maxUploadFileSize: number;
}

export const DEFAULT_SETTINGS: OrgSettings = { edition: "enterprise", maxUploadFileSize: 5_120 * 1024 };

/**
 * Sales Professional licences allow up to 15 custom tables (Dynamics 365 licensing guide).
 * Enterprise has no such cap.
 */
export const SALES_PROFESSIONAL_CUSTOM_TABLE_LIMIT = 15;

export const isEdition = (v: unknown): v is Edition => typeof v === "string" && (EDITIONS as readonly string[]).includes(v);
