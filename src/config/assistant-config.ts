import { z } from "zod";

/**
 * handover.yaml `options.assistant`: an OpenAI-compatible Chat Completions endpoint that may
 * suggest fields for the columns the matcher is unsure of. Absent: no assistant (the default);
 * everything works offline. The key is read from the environment variable named here, never
 * from this file. It is sent table and column names, types and the model's field descriptions;
 * sample values only when `allowSamples` is true AND the run asks (`map --assistant-samples`).
 */
export const assistantConfigSchema = z.object({
  /** The API's base URL (…/v1): requests go to `{url}/chat/completions`. HTTPS, or HTTP to this machine. */
  url: z.string().url(),
  /** The model name the endpoint expects ("gpt-4o-mini", "llama3.1"...). */
  model: z.string().min(1),
  /** Environment variable holding the API key (sent as a bearer token); unset for a local server without keys. */
  apiKeyEnv: z.string().regex(/^[A-Z_][A-Z0-9_]*$/).optional(),
  /** Whether a run may opt in to sending sample values (of columns not flagged PHI). */
  allowSamples: z.boolean().default(false),
  /** Per request; a slower answer is abandoned and the map proceeds without it. */
  timeoutSeconds: z.number().positive().max(600).default(30),
});

export type AssistantConfig = z.infer<typeof assistantConfigSchema>;
