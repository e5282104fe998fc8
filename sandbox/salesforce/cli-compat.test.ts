/** What the Salesforce CLI (`sf`) needs beyond jsforce: `//services/…` paths and `query?columns=true`. */
import assert from "node:assert/strict";
import { request } from "node:http";
import { test } from "node:test";
import { startHarness } from "./test-helpers.js";

/** A raw GET (fetch would normalise the `//` away), as the CLI sends it from an instance URL ending in `/`. */
function rawGet(url: string, path: string, token: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url);
    const req = request({ hostname, port, path, headers: { Authorization: `Bearer ${token}` } }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString("utf8")));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

test("a doubled leading slash is served like a single one", async () => {
  const h = await startHarness();
  try {
    const versions = await rawGet(h.sandbox.url, "//services/data", h.token);
    assert.equal(versions.status, 200);
    assert.ok((JSON.parse(versions.body) as { version: string }[]).some((v) => v.version === "60.0"));
    const org = await rawGet(h.sandbox.url, `//services/data/v60.0/query?q=${encodeURIComponent("SELECT Name, IsSandbox FROM Organization")}`, h.token);
    assert.equal(org.status, 200);
    assert.equal((JSON.parse(org.body) as { totalSize: number }).totalSize, 1);
  } finally {
    await h.close();
  }
});

test("columns=true returns the query's column metadata instead of its rows", async () => {
  const h = await startHarness();
  try {
    await h.conn.sobject("Account").create({ Name: "Acme" });
    const q = encodeURIComponent("SELECT Id, Name, Owner.Name FROM Account");
    const res = await h.fetchApi(`query?q=${q}&columns=true`);
    assert.equal(res.status, 200);
    const body = (await res.json()) as {
      entityName: string; keyPrefix: string; idSelected: boolean; groupBy: boolean;
      columnMetadata: { columnName: string; displayName: string; aggregate: boolean; apexType: string | null; foreignKeyName: string | null; joinColumns: { columnName: string }[] }[];
    };
    assert.equal(body.entityName, "Account");
    assert.equal(body.keyPrefix, "001");
    assert.equal(body.idSelected, true);
    assert.equal(body.groupBy, false);
    assert.deepEqual(body.columnMetadata.map((c) => c.columnName), ["Id", "Name", "Owner"]);
    assert.equal(body.columnMetadata[0]?.apexType, "Id");
    assert.equal(body.columnMetadata[2]?.foreignKeyName, "OwnerId");
    assert.deepEqual(body.columnMetadata[2]?.joinColumns.map((c) => c.columnName), ["Name"]);
    const count = (await (await h.fetchApi(`query?q=${encodeURIComponent("SELECT COUNT(Id) FROM Account")}&columns=true`)).json()) as typeof body;
    assert.deepEqual(count.columnMetadata.map((c) => [c.columnName, c.displayName, c.aggregate]), [["expr0", "COUNT(Id)", true]]);

    const bad = await h.fetchApi(`query?q=${encodeURIComponent("SELECT Nope__c FROM Account")}&columns=true`);
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { errorCode: string }[])[0]?.errorCode, "INVALID_FIELD");
  } finally {
    await h.close();
  }
});
