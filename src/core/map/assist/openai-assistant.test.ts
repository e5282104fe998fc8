import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { test } from "node:test";
import { isHandoverError } from "../../../contracts/handover-error.js";
import type { AssistRequest } from "./match-assistant.js";
import { openAiAssistant, parseCompletion } from "./openai-assistant.js";

const request: AssistRequest = { table: "patients", object: { name: "patient", description: "A person." }, candidates: [], columns: [] };
const completion = (content: string | null) => JSON.stringify({ id: "x", object: "chat.completion", choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }] });
const config = { url: "http://127.0.0.1:9/v1", model: "m", allowSamples: false, timeoutSeconds: 30 };

test("a completion's JSON content becomes suggestions; fenced JSON too; confidence defaults to 0.5", () => {
  const ok = parseCompletion(completion('{"suggestions":[{"column":"Rx","field":"patient.preferredPharmacy","confidence":0.9,"reason":"shops"},{"column":"X","field":null}]}'));
  assert.deepEqual(ok, { kind: "suggestions", suggestions: [
    { column: "Rx", field: "patient.preferredPharmacy", confidence: 0.9, reason: "shops" },
    { column: "X", field: null, confidence: 0.5 },
  ] });
  assert.equal(parseCompletion(completion('```json\n{"suggestions":[]}\n```')).kind, "suggestions");
});

test("anything else is unusable, with a reason that doesn't quote the answer", () => {
  for (const text of ["not json", JSON.stringify({ choices: [] }), completion(null), completion("Sure! Rx is a pharmacy."), completion('{"suggestions":[{"column":"Rx","field":"x","confidence":7}]}')]) {
    const answer = parseCompletion(text);
    assert.equal(answer.kind, "unusable");
    assert.ok(answer.kind === "unusable" && !answer.problem.includes("Rx"));
  }
});

test("plain HTTP to another machine is refused; a named key must be set", () => {
  assert.throws(() => openAiAssistant({ ...config, url: "http://llm.example.com/v1" }), (e) => isHandoverError(e) && e.code === "HO-CFG-009");
  assert.doesNotThrow(() => openAiAssistant({ ...config, url: "https://llm.example.com/v1" }));
  assert.doesNotThrow(() => openAiAssistant({ ...config, url: "http://localhost:11434/v1" }));
  assert.throws(() => openAiAssistant({ ...config, apiKeyEnv: "HANDOVER_NO_SUCH_KEY" }, {}), (e) => isHandoverError(e) && e.code === "HO-CFG-004");
});

test("a slow or failing endpoint is 'unreachable', never a throw", async () => {
  let mode: "hang" | "fail" = "hang";
  const server = createServer((req, res) => {
    req.resume();
    if (mode === "fail") { res.writeHead(503); res.end("busy"); }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/`;
  try {
    const assistant = openAiAssistant({ ...config, url, timeoutSeconds: 0.3 });
    assert.equal(assistant.endpoint, url.replace(/\/$/, ""));
    assert.deepEqual(await assistant.suggest(request), { kind: "unreachable", problem: "no answer within 0.3 s" });
    mode = "fail";
    assert.deepEqual(await assistant.suggest(request), { kind: "unreachable", problem: "HTTP 503" });
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
