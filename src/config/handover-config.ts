import { z } from "zod";

/**
 * handover.yaml (version 1): where the source and target are, and the run options.
 * Secrets never live here: a real target names the environment variable that holds them.
 */
export const handoverConfigSchema = z.object({
  version: z.literal(1),
  name: z.string().min(1),
  source: z.object({
    kind: z.literal("export"),
    profile: z.string().default("visual-practice"),
    /** Folder of export files, relative to the workspace. */
    path: z.string().min(1),
    /** Prefix of every source key we write to the target (hc_sourcekey = prefix:table:id). */
    keyPrefix: z.string().regex(/^[a-z0-9-]+$/).default("vp"),
  }),
  target: z.object({
    kind: z.literal("dataverse"),
    url: z.string().url(),
    prefix: z.string().regex(/^[a-z][a-z0-9]{1,7}$/).default("hc"),
    auth: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("sandbox") }),
      z.object({
        kind: z.literal("client-credentials"),
        tenantId: z.string().min(1),
        clientId: z.string().min(1),
        clientSecretEnv: z.string().regex(/^[A-Z_][A-Z0-9_]*$/),
      }),
    ]),
  }),
  options: z
    .object({
      /** Email of the CRM user who owns records whose provider has no active CRM user. */
      fallbackOwnerEmail: z.string().email().nullable().default(null),
      unaffiliatedAccountName: z.string().min(1).default("Unaffiliated Patients"),
      batchSize: z.number().int().min(1).max(1000).default(100),
      sampleSize: z.number().int().min(1).default(200),
      /** Proposals at or above this confidence may be accepted in one step in map review. */
      confirmThreshold: z.number().min(0).max(1).default(0.8),
    })
    .prefault({}),
});

export type HandoverConfig = z.infer<typeof handoverConfigSchema>;
