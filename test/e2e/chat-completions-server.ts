import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the server received, as sent. */
export interface RecordedRequest {
  readonly path: string;
  readonly authorization: string | undefined;
  /** The raw body: what left the machine. */
  readonly body: string;
}

/** The user message's content (the assistant request) of a recorded Chat Completions body. */
export interface UserRequest {
  readonly table: string;
  readonly columns: readonly { readonly column: string; readonly samples?: readonly string[] }[];
  readonly candidates: readonly { readonly field: string }[];
}

export interface ChatCompletionsServer {
  /** Base URL as handover.yaml takes it (…/v1). */
  readonly url: string;
  readonly requests: readonly RecordedRequest[];
  close(): Promise<void>;
}

/**
 * A local OpenAI-compatible Chat Completions endpoint for tests (real HTTP): `POST /v1/chat/completions`
 * with a JSON body of `model`, `messages` and `response_format`, answered with a `chat.completion`
 * object whose first choice's content is `answer(request)` as JSON. Records every request body.
 * With `key`, a request without `Authorization: Bearer <key>` gets 401, as the real API does.
 */
export async function startChatCompletionsServer(answer: (request: UserRequest) => unknown, key?: string): Promise<ChatCompletionsServer> {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    void readBody(req).then((body) => {
      requests.push({ path: req.url ?? "", authorization: req.headers.authorization, body });
      const send = (status: number, value: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(value));
      };
      if (req.method !== "POST" || req.url !== "/v1/chat/completions") return send(404, { error: { message: "not found", type: "invalid_request_error" } });
      if (key && req.headers.authorization !== `Bearer ${key}`) return send(401, { error: { message: "Incorrect API key provided", type: "invalid_request_error" } });
      const parsed = JSON.parse(body) as { model?: string; messages?: { role: string; content: string }[]; response_format?: { type?: string } };
      const user = parsed.messages?.find((m) => m.role === "user");
      if (!parsed.model || !user || parsed.response_format?.type !== "json_object") return send(400, { error: { message: "model, messages and response_format are required", type: "invalid_request_error" } });
      send(200, {
        id: `chatcmpl-${requests.length}`,
        object: "chat.completion",
        created: Math.floor(Date.now() / 1000),
        model: parsed.model,
        choices: [{ index: 0, message: { role: "assistant", content: JSON.stringify(answer(JSON.parse(user.content) as UserRequest)) }, finish_reason: "stop" }],
        usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => resolve(body));
  });
}
