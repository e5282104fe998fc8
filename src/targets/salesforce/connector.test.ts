import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { test } from "node:test";
import { startSalesforceSandbox } from "../../../sandbox/salesforce/index.js";
import { createSalesforceTarget } from "./index.js";
import { addKeys, startOrg } from "./test-support.js";

test("check: an unreachable org is HO-TGT-001, refused credentials HO-TGT-002", async () => {
  const nowhere = createSalesforceTarget({ instanceUrl: "http://127.0.0.1:9", accessToken: "00D000000000001AAA!x", sleep: async () => undefined });
  await assert.rejects(nowhere.check(), (e: { code?: string }) => e.code === "HO-TGT-001");
  const sf = await startSalesforceSandbox({ clients: [{ clientId: "app", clientSecret: "right" }] });
  try {
    const badToken = createSalesforceTarget({ instanceUrl: sf.url, accessToken: "00D000000000001AAA!nope", sleep: async () => undefined });
    await assert.rejects(badToken.check(), (e: { code?: string }) => e.code === "HO-TGT-002");
    const badSecret = createSalesforceTarget({ auth: { kind: "client-credentials", loginUrl: sf.url, clientId: "app", clientSecret: "wrong" }, sleep: async () => undefined });
    await assert.rejects(badSecret.check(), (e: { code?: string }) => e.code === "HO-TGT-002");
    const good = createSalesforceTarget({ auth: { kind: "client-credentials", loginUrl: sf.url, clientId: "app", clientSecret: "right" } });
    await good.check();
  } finally {
    await sf.close();
  }
});

test("with 'Set Audit Fields upon Record Creation' granted, CreatedDate is kept on insert and left alone on update", async () => {
  const org = await startOrg({ auditFieldsGranted: true });
  try {
    await addKeys(org.target, ["Account", "ContentNote"]);
    const row = { table: "Account", sourceKey: "a:1", fields: { Name: "Old practice", CreatedDate: "2015-03-04T05:06:07Z" }, lookups: {} };
    const [first] = await org.target.write([row]);
    assert.ok(first?.ok && first.created);
    const [again] = await org.target.write([{ ...row, fields: { ...row.fields, Name: "Renamed" } }]);
    assert.ok(again?.ok && !again.created && again.id === first.id);
    const [back] = await org.target.readBack("Account", ["a:1"], ["Name", "CreatedDate"]);
    assert.deepEqual(back?.fields, { Name: "Renamed", CreatedDate: "2015-03-04T05:06:07Z" });
    const [note] = await org.target.writeNotes!([{ table: "ContentNote", sourceKey: "n:1", parent: { table: "Account", id: first.id }, subject: "Old", text: "t", createdOn: "2016-01-02T03:04:05Z" }]);
    assert.ok(note?.ok);
    const notes = await org.api<{ records: { CreatedDate: string }[] }>(`query?q=${encodeURIComponent(`SELECT CreatedDate FROM ContentNote WHERE Id = '${note.id}'`)}`);
    assert.equal(notes.records[0]?.CreatedDate, "2016-01-02T03:04:05.000+0000");
  } finally {
    await org.close();
  }
});

test("the JWT bearer flow logs in as the named user with a signed assertion", async () => {
  const sf = await startSalesforceSandbox({ users: [{ email: "integration@example.com", name: "Integration User" }] });
  try {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const target = createSalesforceTarget({
      auth: { kind: "jwt", loginUrl: sf.url, clientId: "app", username: "integration@example.com", privateKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString() },
    });
    await target.check();
    const [me] = await target.findUsers(["integration@example.com"]);
    assert.equal(me?.fullName, "Integration User");
  } finally {
    await sf.close();
  }
});
