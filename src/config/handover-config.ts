import { isSupportedCountry } from "libphonenumber-js/max";
import { IANAZone } from "luxon";
import { z } from "zod";
import { assistantConfigSchema } from "./assistant-config.js";

/**
 * handover.yaml (version 1): where the source and target are, and the run options.
 * Secrets never live here: a real target names the environment variable that holds them.
 */
const dataverseTarget = z.object({
  kind: z.literal("dataverse"),
  url: z.string().url(),
  prefix: z.string().regex(/^[a-z][a-z0-9]{1,7}$/).default("hc"),
  /** Secondary practice links as connections (default) or rows of a custom table. */
  practiceLinks: z.enum(["connections", "table"]).default("connections"),
  /** The org's edition: Sales Professional caps custom tables at 15. */
  edition: z.enum(["enterprise", "sales-professional"]).default("enterprise"),
  /** Requests per 24 h the migration's identity may send (default: the application-user pool). */
  dailyRequestEntitlement: z.number().int().positive().optional(),
  /** The org's service-protection request limit per application user; the loader paces
   * itself under it instead of waiting out 429s (Dataverse's documented 6,000 per 300 s). */
  requestLimit: z.object({
    requests: z.number().int().positive().default(6000),
    windowSeconds: z.number().int().positive().default(300),
  }).prefault({}),
  /** Where files too large for a note are linked (options.oversizeFiles: link): the SharePoint
   * site or document location new folders go under. */
  documentLocation: z.object({
    parent: z.object({ table: z.enum(["sharepointsite", "sharepointdocumentlocation"]), id: z.string().uuid() }),
    name: z.string().min(1).optional(),
  }).optional(),
  auth: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("sandbox") }),
    z.object({
      kind: z.literal("client-credentials"),
      tenantId: z.string().min(1),
      clientId: z.string().min(1),
      clientSecretEnv: z.string().regex(/^[A-Z_][A-Z0-9_]*$/),
    }),
  ]),
});

/** Salesforce Sales Cloud: the login (or My Domain) URL, and how the migration's integration user
 * signs in. Secrets come from the environment variables named here. */
const salesforceTarget = z.object({
  kind: z.literal("salesforce"),
  url: z.string().url(),
  apiVersion: z.string().regex(/^\d{2}\.0$/).default("60.0"),
  /** Rows per object per write above which Bulk API 2.0 is used instead of sObject collections. */
  bulkThreshold: z.number().int().positive().default(2000),
  /** Share of the org's daily API allocation kept for its own users; the run stops cleanly and
   * resumes later rather than eat into it. */
  reserveShare: z.number().min(0).max(0.9).default(0.2),
  auth: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("sandbox") }),
    z.object({ kind: z.literal("client-credentials"), clientId: z.string().min(1), clientSecretEnv: z.string().regex(/^[A-Z_][A-Z0-9_]*$/) }),
    z.object({ kind: z.literal("jwt"), clientId: z.string().min(1), username: z.string().min(1), privateKeyEnv: z.string().regex(/^[A-Z_][A-Z0-9_]*$/) }),
  ]),
});

/** Prefix of every source key we write to the target (hc_sourcekey = prefix:table:id). */
const keyPrefix = (fallback: string) => z.string().regex(/^[a-z0-9-]+$/).default(fallback);

/**
 * How the source writes what its values don't say. A bad value is refused with its own code
 * (`params.code`, thrown by loadConfig), not the generic HO-CFG-002.
 */
const conventions = {
  /** IANA zone of local times written without an offset (default: the profile's, else UTC). */
  timezone: z.string().refine((zone) => IANAZone.isValidZone(zone), { message: "not an IANA time zone", params: { code: "HO-CFG-006" } }).optional(),
  /** ISO 3166 alpha-2 region of phone numbers written without +country (default: the profile's, else US). */
  defaultCountry: z.string().refine((code) => /^[A-Z]{2}$/.test(code) && isSupportedCountry(code), { message: "not an ISO 3166 alpha-2 country code", params: { code: "HO-CFG-007" } }).optional(),
};

/** A folder (or zip) of export files, read with a vendor profile as a hint. */
const exportSource = z.object({
  kind: z.literal("export"),
  profile: z.string().default("visual-practice"),
  /** Folder of export files, relative to the workspace. */
  path: z.string().min(1),
  keyPrefix: keyPrefix("vp"),
  ...conventions,
});

/** PracticeHub's REST API: the global base URL (the account's region is looked up from it); the
 * API key is read from the environment variable named here, never from this file. */
const practiceHubSource = z.object({
  kind: z.literal("practicehub"),
  url: z.string().url(),
  apiKeyEnv: z.string().regex(/^[A-Z_][A-Z0-9_]*$/).default("PRACTICEHUB_API_KEY"),
  /** The API key's request limit (PracticeHub allows 1 per second). */
  ratePerSecond: z.number().positive().max(100).default(1),
  pageSize: z.number().int().min(1).max(500).default(100),
  keyPrefix: keyPrefix("ph"),
  ...conventions,
});

/** FHIR R4 NDJSON files (a Bulk Data export already downloaded), relative to the workspace. */
const fhirSource = z.object({
  kind: z.literal("fhir"),
  path: z.string().min(1),
  keyPrefix: keyPrefix("fhir"),
  ...conventions,
});

/** A FHIR server's Bulk Data export, with SMART Backend Services auth (a JWT signed with the
 * private key in the environment variable named here). */
const fhirBulkSource = z.object({
  kind: z.literal("fhir-bulk"),
  url: z.string().url(),
  clientId: z.string().min(1),
  privateKeyEnv: z.string().regex(/^[A-Z_][A-Z0-9_]*$/).default("FHIR_PRIVATE_KEY"),
  tokenUrl: z.string().url().optional(),
  kid: z.string().min(1).optional(),
  types: z.array(z.string().regex(/^[A-Z][A-Za-z]+$/)).optional(),
  keyPrefix: keyPrefix("fhir"),
  ...conventions,
});

export const handoverConfigSchema = z.object({
  version: z.literal(1),
  name: z.string().min(1),
  source: z.discriminatedUnion("kind", [exportSource, practiceHubSource, fhirSource, fhirBulkSource]),
  target: z.discriminatedUnion("kind", [dataverseTarget, salesforceTarget]),
  options: z
    .object({
      /** Email of the CRM user who owns records whose provider has no active CRM user. */
      fallbackOwnerEmail: z.string().email().nullable().default(null),
      unaffiliatedAccountName: z.string().min(1).default("Unaffiliated Patients"),
      /** Rows per request to the target (a $batch or an UpsertMultiple). */
      batchSize: z.number().int().min(1).max(1000).default(100),
      /** Rows the loader hands the target at once; the target splits them into batches and
       * sends those in parallel as far as its governor allows. */
      pageSize: z.number().int().min(1).max(10000).default(1000),
      sampleSize: z.number().int().min(1).default(200),
      /** Field-level security for PHI columns: who may see them. Unset: no column is secured. */
      phiAccess: z.object({
        profileName: z.string().min(1).default("Handover PHI access"),
        teams: z.array(z.string()).default([]),
        users: z.array(z.string().email()).default([]),
      }).optional(),
      /** Files over the target's upload limit: refuse the record (default), or link a document
       * location (target.documentLocation) to the parent row instead and flag the record. */
      oversizeFiles: z.enum(["reject", "link"]).default("reject"),
      /** Proposals at or above this confidence may be accepted in one step in map review. */
      confirmThreshold: z.number().min(0).max(1).default(0.8),
      /** Language-model help for the matcher's unsure columns; absent (the default): none. */
      assistant: assistantConfigSchema.optional(),
    })
    .prefault({}),
});

export type HandoverConfig = z.infer<typeof handoverConfigSchema>;
