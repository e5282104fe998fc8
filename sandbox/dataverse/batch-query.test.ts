import { test } from "node:test";
import assert from "node:assert/strict";
import { startHarness } from "./test-helpers.js";

test("retrieveAll with maxPageSize walks nextLinks and maps annotations to _Formatted", async () => {
  const h = await startHarness();
  try {
    for (let i = 0; i < 7; i++) await h.api.create<object, string>({ collection: "accounts", data: { name: `A${i}`, industrycode: 19 } });
    const page = await h.api.retrieveMultiple({ collection: "accounts", select: ["name"], maxPageSize: 3 });
    assert.equal(page.value.length, 3);
    assert.ok(page.oDataNextLink?.includes("$skiptoken="));
    const all = await h.api.retrieveAll({ collection: "accounts", select: ["name", "industrycode"], maxPageSize: 3, includeAnnotations: "OData.Community.Display.V1.FormattedValue" });
    assert.equal(all.value.length, 7);
    assert.equal(new Set(all.value.map((r: { name: string }) => r.name)).size, 7);
    assert.equal(all.value[0].industrycode_Formatted, "Health Care");
    const f = await h.api.retrieveMultiple({
      collection: "accounts",
      filter: "(startswith(name,'A') and not (name eq 'A1')) or Microsoft.Dynamics.CRM.In(PropertyName='name',PropertyValues=['A1','zz'])",
      orderBy: ["name desc"], top: 2, count: true,
    });
    assert.deepEqual(f.value.map((r: { name: string }) => r.name), ["A6", "A5"]);
    const skip = await h.fetchApi("accounts?$skip=1");
    assert.equal(skip.status, 400);
  } finally {
    await h.sandbox.close();
  }
});

test("$batch runs two change sets and a GET with Content-IDs and a $1 bind", async () => {
  const h = await startHarness();
  try {
    h.api.startBatch();
    h.api.create<object, string>({ collection: "accounts", data: { name: "Parent" }, contentId: "1" });
    h.api.create<object, string>({ collection: "contacts", data: { lastname: "Child", "parentcustomerid_account@odata.bind": "$1" } });
    h.api.retrieveMultiple({ collection: "accounts", select: ["name"] });
    h.api.create<object, string>({ collection: "accounts", data: { name: "Second" } });
    const results = await h.api.executeBatch();
    assert.equal(results.length, 4);
    const [accId, contactId, list, secondId] = results as [string, string, { value: { name: string }[] }, string];
    assert.match(accId, /^[0-9a-f-]{36}$/);
    assert.match(secondId, /^[0-9a-f-]{36}$/);
    assert.equal(list.value.length, 1);
    const c = await h.api.retrieve({ collection: "contacts", key: contactId, select: ["_parentcustomerid_value"] });
    assert.equal(c._parentcustomerid_value, accId);
  } finally {
    await h.sandbox.close();
  }
});

test("a failing change set rolls back, and continue-on-error answers every part", async () => {
  const h = await startHarness();
  try {
    h.api.startBatch();
    h.api.create<object, string>({ collection: "accounts", data: { name: "Rolled back" } });
    h.api.create<object, string>({ collection: "accounts", data: { name: "x", bogus: 1 } });
    await assert.rejects(h.api.executeBatch(), (e: unknown) => Array.isArray(e) && (e[0] as { error: { code: string } }).error.code === "0x80048d19");
    assert.equal((await h.api.retrieveMultiple({ collection: "accounts" })).value.length, 0);

    h.api.startBatch();
    h.api.create<object, string>({ collection: "accounts", data: { name: "bad", bogus: 1 } });
    h.api.retrieveMultiple({ collection: "accounts", select: ["name"] });
    h.api.create<object, string>({ collection: "accounts", data: { name: "Kept" } });
    const results = await h.api.executeBatch({ continueOnError: true });
    assert.equal(results.length, 3);
    assert.ok(results[0] instanceof Error);
    assert.equal((results[1] as { value: unknown[] }).value.length, 0);
    assert.match(results[2] as string, /^[0-9a-f-]{36}$/);
  } finally {
    await h.sandbox.close();
  }
});

test("a GET longer than 2000 characters goes through the library's one-part batch", async () => {
  const h = await startHarness();
  try {
    await h.api.create<object, string>({ collection: "accounts", data: { name: "Needle" } });
    const names = Array.from({ length: 150 }, (_, i) => `'name-number-${i}'`).join(",");
    const res = await h.api.retrieveMultiple({ collection: "accounts", select: ["name"], filter: `Microsoft.Dynamics.CRM.In(PropertyName='name',PropertyValues=[${names},'Needle'])` });
    assert.equal(res.value.length, 1);
    assert.equal(res.value[0].name, "Needle");
  } finally {
    await h.sandbox.close();
  }
});
