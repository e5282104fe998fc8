/** CreateMultiple / UpdateMultiple / UpsertMultiple over real HTTP with dynamics-web-api's callAction. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { addHcKey, startHarness } from "./test-helpers.js";
import type { Harness } from "./test-helpers.js";

const CONTACT = "Microsoft.Dynamics.CRM.contact";

function bulk(h: Harness, action: "CreateMultiple" | "UpdateMultiple" | "UpsertMultiple", targets: readonly object[]): Promise<unknown> {
  return h.api.callAction({ collection: "contacts", actionName: `Microsoft.Dynamics.CRM.${action}`, action: { Targets: targets } });
}

async function contactCount(h: Harness): Promise<number> {
  return (await h.api.retrieveMultiple({ collection: "contacts", select: ["contactid"] })).value.length;
}

test("CreateMultiple returns Ids (binds resolved); UpdateMultiple answers 204 and bumps versions", async () => {
  const h = await startHarness();
  try {
    const accountId = await h.api.create<object, string>({ collection: "accounts", data: { name: "Clinic" } });
    const created = (await bulk(h, "CreateMultiple", [
      { "@odata.type": CONTACT, lastname: "One", "parentcustomerid_account@odata.bind": `/accounts(${accountId})` },
      { "@odata.type": CONTACT, lastname: "Two" },
    ])) as { "@odata.context": string; Ids: string[] };
    assert.equal(created["@odata.context"], `${h.base}$metadata#Microsoft.Dynamics.CRM.CreateMultipleResponse`);
    assert.equal(created.Ids.length, 2);
    const one = await h.api.retrieve({ collection: "contacts", key: created.Ids[0] as string, select: ["lastname", "_parentcustomerid_value"] });
    assert.equal(one.lastname, "One");
    assert.equal(one._parentcustomerid_value, accountId);

    const updated = await bulk(h, "UpdateMultiple", created.Ids.map((id, i) => ({ "@odata.type": CONTACT, contactid: id, firstname: `F${i}` })));
    assert.equal(updated, undefined, "204 No Content");
    const after = await h.api.retrieve({ collection: "contacts", key: created.Ids[1] as string, select: ["fullname"] });
    assert.equal(after.fullname, "F1 Two");
    assert.notEqual(after["@odata.etag"], one["@odata.etag"]);
  } finally {
    await h.sandbox.close();
  }
});

test("UpsertMultiple by alternate key (@odata.id key form and key column in the body) updates or creates, 204", async () => {
  const h = await startHarness();
  try {
    await addHcKey(h, "contact", "sourcekey");
    const existing = await h.api.create<object, string>({ collection: "contacts", data: { lastname: "Old", hc_sourcekey: "S-1" } });
    const out = await bulk(h, "UpsertMultiple", [
      { "@odata.type": CONTACT, "@odata.id": "contacts(hc_sourcekey='S-1')", lastname: "Updated" },
      { "@odata.type": CONTACT, "@odata.id": "contacts(hc_sourcekey='S-2')", lastname: "Created by id form" },
      { "@odata.type": CONTACT, hc_sourcekey: "S-3", lastname: "Created by body key" },
    ]);
    assert.equal(out, undefined, "UpsertMultiple returns 204 NoContent");
    const s1 = await h.api.retrieve({ collection: "contacts", key: "hc_sourcekey='S-1'", select: ["lastname"] });
    assert.equal(s1.contactid, existing);
    assert.equal(s1.lastname, "Updated");
    const s2 = await h.api.retrieve({ collection: "contacts", key: "hc_sourcekey='S-2'", select: ["lastname", "hc_sourcekey"] });
    assert.equal(s2.hc_sourcekey, "S-2");
    // Same key in the body again → update, not a duplicate.
    await bulk(h, "UpsertMultiple", [{ "@odata.type": CONTACT, hc_sourcekey: "S-3", firstname: "Again" }]);
    const s3 = await h.api.retrieve({ collection: "contacts", key: "hc_sourcekey='S-3'", select: ["fullname"] });
    assert.equal(s3.fullname, "Again Created by body key");
    assert.equal(await contactCount(h), 3);
  } finally {
    await h.sandbox.close();
  }
});

test("all-or-nothing: one bad target fails the whole request with the single-request error", async () => {
  const h = await startHarness();
  try {
    await assert.rejects(
      bulk(h, "CreateMultiple", [
        { "@odata.type": CONTACT, lastname: "Fine" },
        { "@odata.type": CONTACT, lastname: "x".repeat(51) },
      ]),
      (e: { status: number; code: string; message: string }) =>
        e.status === 400 && e.code === "0x80044331" && !e.message.includes("xxxx"),
    );
    assert.equal(await contactCount(h), 0, "the first target was rolled back");

    const id = await h.api.create<object, string>({ collection: "contacts", data: { lastname: "Keep" } });
    const ghost = "00000000-0000-0000-0000-0000000000aa";
    await assert.rejects(
      bulk(h, "UpdateMultiple", [
        { "@odata.type": CONTACT, contactid: id, lastname: "Changed" },
        { "@odata.type": CONTACT, contactid: ghost, lastname: "Nope" },
      ]),
      (e: { status: number; code: string; message: string }) =>
        e.status === 404 && e.code === "0x80040217" && e.message === `contact With Id = ${ghost} Does Not Exist`,
    );
    const kept = await h.api.retrieve({ collection: "contacts", key: id, select: ["lastname"] });
    assert.equal(kept.lastname, "Keep");
  } finally {
    await h.sandbox.close();
  }
});

test("record cap, missing @odata.type and a bulk action inside a $batch change set", async () => {
  const h = await startHarness({ maxBulkRecords: 2 });
  try {
    await assert.rejects(
      bulk(h, "CreateMultiple", [1, 2, 3].map((i) => ({ "@odata.type": CONTACT, lastname: `C${i}` }))),
      (e: { status: number; code: string }) => e.status === 400 && e.code === "0x80040203",
    );
    await assert.rejects(bulk(h, "CreateMultiple", [{ lastname: "No type" }]), (e: { status: number }) => e.status === 400);

    // In a change set: a later failure rolls the bulk action back too.
    h.api.startBatch();
    void bulk(h, "CreateMultiple", [{ "@odata.type": CONTACT, lastname: "Batched" }]);
    void h.api.create({ collection: "contacts", data: { nosuchcolumn: 1 } });
    await assert.rejects(h.api.executeBatch());
    assert.equal(await contactCount(h), 0);

    h.api.startBatch();
    void bulk(h, "CreateMultiple", [{ "@odata.type": CONTACT, lastname: "B1" }, { "@odata.type": CONTACT, lastname: "B2" }]);
    const [res] = (await h.api.executeBatch()) as [{ Ids: string[] }];
    assert.equal(res.Ids.length, 2);
    assert.equal(await contactCount(h), 2);
  } finally {
    await h.sandbox.close();
  }
});

test("a bulk action counts as one request for service protection", async () => {
  const h = await startHarness({ serviceProtection: { maxRequests: 2, windowSeconds: 60 } });
  try {
    await bulk(h, "CreateMultiple", [1, 2, 3, 4, 5].map((i) => ({ "@odata.type": CONTACT, lastname: `C${i}` })));
    assert.equal(await contactCount(h), 5);
    await assert.rejects(contactCount(h), (e: { status: number; code: string }) => e.status === 429 && e.code === "0x80072322");
    assert.equal(h.sandbox.throttle.stats().users["test-token"]?.requestsInWindow, 2);
  } finally {
    await h.sandbox.close();
  }
});
