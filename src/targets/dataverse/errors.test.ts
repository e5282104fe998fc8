import { test } from "node:test";
import assert from "node:assert/strict";
import { blamedField, classify, isNetworkError, toFailure } from "./errors.js";

const err = (status: number, code: string, message: string, headers: Record<string, string> = {}) =>
  Object.assign(new Error(message), { status, code, headers });

test("known vendor codes get our wording, never the vendor message", () => {
  const secret = "Jane Q. Patient, DOB 1970-01-01";
  const f = toFailure(err(400, "0x80044331", `A validation error occurred.  The length of the 'lastname' attribute of the 'contact' entity exceeded the maximum allowed length of '50'. Value: ${secret}`));
  assert.deepEqual(f, { vendorCode: "0x80044331", reason: "a value is longer than the column allows", transient: false, field: "lastname" });
  assert.ok(!JSON.stringify(f).includes("Jane"));
  assert.equal(toFailure(err(404, "0x80040217", "account With Id = 5f1c0000-0000-0000-0000-000000000000 Does Not Exist")).reason, "a referenced row does not exist");
  assert.equal(toFailure(err(412, "0x80040237", "A record with matching key values already exists.")).reason, "duplicate key");
  assert.equal(toFailure(err(400, "0x8004431A", "The value 99 of 'industrycode' on record of type 'account' is outside the valid range.")).field, "industrycode");
  assert.equal(toFailure(err(400, "0x8004431A", "x")).reason, "value not in the choice list");
});

test("unknown property: maps a navigation property back to our column", () => {
  const msg = "Error identified in Payload provided by the user for Entity :'contacts' ---->  InnerException : Microsoft.OData.ODataException: The property 'parentcustomerid_foo' does not exist on type 'Microsoft.Dynamics.CRM.contact'.";
  const f = toFailure(err(400, "0x80048d19", msg), { aliases: new Map([["parentcustomerid_foo", "parentcustomerid"]]) });
  assert.equal(f.reason, "unknown column or lookup");
  assert.equal(f.field, "parentcustomerid");
  assert.equal(blamedField("An undeclared property 'new_Account' which only has property annotations"), "new_account");
});

test("a field outside the known set is not reported", () => {
  assert.equal(blamedField("The length of the 'subject' attribute", new Map(), new Set(["description"])), undefined);
  assert.equal(blamedField("no names here"), undefined);
});

test("unknown codes fall back to the HTTP status; 5xx and 429 are transient", () => {
  assert.deepEqual(toFailure(err(503, "", "down")), { vendorCode: "HTTP 503", reason: "the target failed (HTTP 503)", transient: true });
  assert.equal(toFailure(err(429, "0x80072322", "Number of requests exceeded")).transient, true);
  assert.equal(toFailure(err(400, "0x0", "Could not find a property named 'foo' on type 'x'")).reason, "unknown column");
  assert.equal(toFailure(err(400, "0x0", "Could not find a property named 'foo' on type 'x'")).field, "foo");
});

test("classify: 429 throttles with Retry-After, 5xx/network transient, 4xx fatal", () => {
  assert.deepEqual(classify(err(429, "0x80072322", "", { "retry-after": "12" })), { kind: "throttle", retryAfterMs: 12_000 });
  assert.deepEqual(classify(err(429, "", "")), { kind: "throttle", retryAfterMs: undefined });
  assert.deepEqual(classify(err(502, "", "")), { kind: "transient" });
  const net = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
  assert.equal(isNetworkError(net), true);
  assert.deepEqual(classify(net), { kind: "transient" });
  assert.deepEqual(classify(err(400, "0x80044331", "")), { kind: "fatal" });
  assert.deepEqual(classify(err(404, "0x80040217", "")), { kind: "fatal" });
  assert.equal(toFailure(net).transient, true);
});

test("a failed $batch part (code under .error) reads like a thrown error", () => {
  const part = Object.assign(new Error(), { status: 400, statusText: "Bad Request", headers: {}, error: { code: "0x80044331", message: "The length of the 'lastname' attribute of the 'contact' entity exceeded" } });
  assert.deepEqual(toFailure(part), { vendorCode: "0x80044331", reason: "a value is longer than the column allows", transient: false, field: "lastname" });
});
