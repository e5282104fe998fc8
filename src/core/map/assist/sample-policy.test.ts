import assert from "node:assert/strict";
import { test } from "node:test";
import type { FieldRow } from "../../../config/mapping-file.js";
import { isHandoverError } from "../../../contracts/handover-error.js";
import { profileValues } from "../match/index.js";
import { repeated, unique, emails } from "../match/test-fixtures.js";
import { isPhiSensitive, sampleMode, samplesToSend } from "./sample-policy.js";

const config = { url: "https://llm.example.com/v1", model: "m", allowSamples: true, timeoutSeconds: 30 };
const row = (model: string, phi: boolean): FieldRow => ({ source: "t.c", model, target: null, confidence: 0.6, reasons: [], status: "proposed", phi });

test("samples go only when the config allows and the run asks; PHI-flagged ones only with their own flag", () => {
  assert.equal(sampleMode(undefined, {}), "none");
  assert.equal(sampleMode(config, {}), "none", "allowed is not asked");
  assert.equal(sampleMode(config, { samples: true }), "non-phi");
  assert.equal(sampleMode(config, { samples: true, phiSamples: true }), "all");
  for (const [c, o] of [[{ ...config, allowSamples: false }, { samples: true }], [undefined, { samples: true }], [{ ...config, allowSamples: false }, { phiSamples: true }]] as const) {
    assert.throws(() => sampleMode(c, o), (e) => isHandoverError(e) && e.code === "HO-CFG-010");
  }
});

test("a column is PHI-sensitive by its flag, a plausible PHI field, or identifying values", () => {
  const codes = profileValues(repeated("Status Type", ["Kept-Slot", "Moved-Slot"]));
  assert.equal(isPhiSensitive(row("appointment.status", false), ["appointment.type"], codes), false);
  assert.equal(isPhiSensitive(row("patient.customProperties.X", true), [], codes), true, "custom properties count as PHI");
  assert.equal(isPhiSensitive(row("appointment.status", false), ["appointment.reason"], codes), true, "it may be the PHI field");
  assert.equal(isPhiSensitive(row("appointment.status", false), [], profileValues(unique("Contact", emails))), true, "emails identify");
});

test("at most five samples, each cut to 40 characters", () => {
  const sent = samplesToSend(unique("Notes", Array.from({ length: 9 }, (_, i) => `${i}`.repeat(60))));
  assert.equal(sent.length, 5);
  assert.ok(sent.every((s) => s.length === 40));
});
