import { z } from "zod";
import type { AssistantConfig } from "../../../config/assistant-config.js";
import { HandoverError } from "../../../contracts/handover-error.js";
import type { AssistAnswer, AssistRequest, MatchAssistant } from "./match-assistant.js";

const instructions = [
  "You help map the columns of a healthcare practice-management export to the fields of a practice model.",
  "The user message is a JSON object: a source table, the model object it holds, the candidate model fields (name, type, description, codes) and the columns to decide.",
  "For each column, choose the one candidate field it holds, or null when none fits (it then stays a custom property).",
  "Use only the candidate field names given and only the column names given; give each field to at most one column.",
  'Answer with a JSON object only: {"suggestions":[{"column":"<column>","field":"<object.field>"|null,"confidence":<0..1>,"reason":"<one short sentence>"}]}',
].join(" ");

const answerSchema = z.object({
  suggestions: z.array(z.object({
    column: z.string(),
    field: z.string().nullable(),
    confidence: z.number().min(0).max(1).optional(),
    reason: z.string().optional(),
  })),
});

const completionSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().nullable() }) })).min(1),
});

const loopback = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/**
 * A MatchAssistant over an OpenAI-compatible Chat Completions endpoint (`POST {url}/chat/completions`
 * with `response_format: {type: "json_object"}`): OpenAI, Azure-style gateways, or a local server
 * (Ollama, LM Studio, vLLM). One request per table, temperature 0. Refuses plain HTTP to another
 * machine (HO-CFG-009); the key comes only from the environment variable the config names.
 *
 * @example openAiAssistant({ url: "https://api.openai.com/v1", model: "gpt-4o-mini", apiKeyEnv: "OPENAI_API_KEY", allowSamples: false, timeoutSeconds: 30 })
 */
export function openAiAssistant(config: AssistantConfig, env: NodeJS.ProcessEnv = process.env, fetchImpl: typeof fetch = fetch): MatchAssistant {
  const base = new URL(config.url);
  if (base.protocol !== "https:" && !(base.protocol === "http:" && loopback.has(base.hostname))) {
    throw new HandoverError("HO-CFG-009", { url: base.origin });
  }
  const key = config.apiKeyEnv ? env[config.apiKeyEnv] : undefined;
  if (config.apiKeyEnv && !key) throw new HandoverError("HO-CFG-004", { name: config.apiKeyEnv, purpose: "the matching assistant (options.assistant.apiKeyEnv)" });
  const endpoint = `${config.url.replace(/\/+$/, "")}/chat/completions`;
  const timeoutMs = config.timeoutSeconds * 1000;

  return {
    name: config.model,
    endpoint: base.origin + base.pathname.replace(/\/+$/, ""),
    async suggest(request: AssistRequest): Promise<AssistAnswer> {
      const body = {
        model: config.model,
        temperature: 0,
        response_format: { type: "json_object" },
        messages: [
          { role: "system", content: instructions },
          { role: "user", content: JSON.stringify(request) },
        ],
      };
      let text: string;
      try {
        const response = await fetchImpl(endpoint, {
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(timeoutMs),
        });
        text = await response.text();
        if (!response.ok) return { kind: "unreachable", problem: `HTTP ${response.status}${response.status === 401 || response.status === 403 ? " (check the key)" : ""}` };
      } catch (error) {
        return { kind: "unreachable", problem: networkProblem(error, config.timeoutSeconds) };
      }
      return parseCompletion(text);
    },
  };
}

/** The completion's first choice as suggestions; anything else is "unusable", with a reason free of the answer's text. */
export function parseCompletion(text: string): AssistAnswer {
  const completion = completionSchema.safeParse(tryJson(text));
  if (!completion.success) return { kind: "unusable", problem: "the response is not a chat completion" };
  const content = completion.data.choices[0]?.message.content ?? "";
  // Some models fence JSON in ``` even in JSON mode.
  const answer = answerSchema.safeParse(tryJson(content.trim().replace(/^```(?:json)?\s*|\s*```$/g, "")));
  if (!answer.success) return { kind: "unusable", problem: "the answer is not a JSON object with a suggestions list" };
  return {
    kind: "suggestions",
    suggestions: answer.data.suggestions.map((s) => ({ column: s.column, field: s.field, confidence: s.confidence ?? 0.5, ...(s.reason ? { reason: s.reason } : {}) })),
  };
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function networkProblem(error: unknown, timeoutSeconds: number): string {
  const name = (error as { name?: string }).name;
  if (name === "TimeoutError" || name === "AbortError") return `no answer within ${timeoutSeconds} s`;
  const code = ((error as { cause?: { code?: string } }).cause?.code) ?? (error as { code?: string }).code;
  return code ? `cannot connect (${code})` : "cannot connect";
}
