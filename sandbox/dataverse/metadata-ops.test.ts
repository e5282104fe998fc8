import { test } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { addHcKey, startHarness } from "./test-helpers.js";

test("createAttribute returns the MetadataId and the new column is usable at once", async () => {
  const h = await startHarness();
  try {
    const id = await h.api.createAttribute({
      entityKey: "LogicalName='contact'",
      data: { "@odata.type": "Microsoft.Dynamics.CRM.StringAttributeMetadata", SchemaName: "hc_mrn", MaxLength: 20, DisplayName: { LocalizedLabels: [{ Label: "MRN", LanguageCode: 1033 }] } },
    });
    assert.match(id, /^[0-9a-f-]{36}$/);
    const cid = await h.api.create<object, string>({ collection: "contacts", data: { lastname: "M", hc_mrn: "MRN-1" } });
    const f = await h.api.retrieveMultiple({ collection: "contacts", select: ["hc_mrn"], filter: "hc_mrn eq 'MRN-1'" });
    assert.equal(f.value[0].contactid, cid);
    const attrs = await h.api.retrieveAttributes({ entityKey: "LogicalName='contact'", castType: "Microsoft.Dynamics.CRM.StringAttributeMetadata", select: ["LogicalName", "MaxLength"] });
    assert.equal(attrs.value.find((a: { LogicalName: string }) => a.LogicalName === "hc_mrn")?.MaxLength, 20);
    await assert.rejects(h.api.createAttribute({ entityKey: "LogicalName='contact'", data: { "@odata.type": "Microsoft.Dynamics.CRM.StringAttributeMetadata", SchemaName: "hc_mrn" } }),
      (e: { status: number }) => e.status === 400);
    await assert.rejects(h.api.createAttribute({ entityKey: "LogicalName='contact'", data: { "@odata.type": "Microsoft.Dynamics.CRM.StringAttributeMetadata", SchemaName: "xyz_mrn" } }),
      (e: { status: number }) => e.status === 400);
    const rels = await h.fetchApi("EntityDefinitions(LogicalName='contact')/ManyToOneRelationships?$select=ReferencingAttribute,ReferencedEntity,ReferencingEntityNavigationPropertyName");
    const relBody = (await rels.json()) as { value: { ReferencingAttribute: string; ReferencedEntity: string; ReferencingEntityNavigationPropertyName: string }[] };
    assert.equal(relBody.value.find((r) => r.ReferencingAttribute === "parentcustomerid" && r.ReferencedEntity === "account")?.ReferencingEntityNavigationPropertyName, "parentcustomerid_account");
    const ent = await h.api.retrieveEntities({ select: ["LogicalName", "EntitySetName"], filter: "LogicalName eq 'contact'" });
    assert.deepEqual(ent.value.map((e: { EntitySetName: string }) => e.EntitySetName), ["contacts"]);
    const pick = await h.fetchApi("EntityDefinitions(LogicalName='contact')/Attributes(LogicalName='gendercode')/Microsoft.Dynamics.CRM.PicklistAttributeMetadata?$select=LogicalName&$expand=OptionSet($select=Options)");
    const pickBody = (await pick.json()) as { OptionSet: { Options: { Value: number }[] } };
    assert.deepEqual(pickBody.OptionSet.Options.map((o) => o.Value), [1, 2]);
    const who = await h.api.callFunction("WhoAmI");
    assert.equal(who.UserId, h.sandbox.state.org.adminUserId);
  } finally {
    await h.sandbox.close();
  }
});

test("alternate keys can be configured to activate later and expose their status", async () => {
  const h = await startHarness({ keyActivation: { afterReads: 1 } });
  try {
    await addHcKey(h, "account", "code");
    const first = (await (await h.fetchApi("EntityDefinitions(LogicalName='account')/Keys")).json()) as { value: { EntityKeyIndexStatus: string }[] };
    assert.equal(first.value[0]?.EntityKeyIndexStatus, "Active");
  } finally {
    await h.sandbox.close();
  }
  const h2 = await startHarness({ keyActivation: { afterReads: 2 } });
  try {
    await addHcKey(h2, "account", "code");
    const first = (await (await h2.fetchApi("EntityDefinitions(LogicalName='account')/Keys")).json()) as { value: { EntityKeyIndexStatus: string }[] };
    assert.equal(first.value[0]?.EntityKeyIndexStatus, "Pending");
  } finally {
    await h2.sandbox.close();
  }
});

test("injected throttling surfaces 429 with Retry-After on the thrown error", async () => {
  const h = await startHarness();
  try {
    await fetch(`${h.sandbox.url}/_sandbox/throttle`, { method: "POST", body: JSON.stringify({ next: 1, retryAfter: 7 }) });
    await assert.rejects(h.api.retrieveMultiple({ collection: "accounts" }), (e: { status: number; code: string; headers: Record<string, string> }) =>
      e.status === 429 && e.code === "0x80072322" && e.headers["retry-after"] === "7");
    const ok = await h.api.retrieveMultiple({ collection: "accounts" });
    assert.equal(ok.value.length, 0);
  } finally {
    await h.sandbox.close();
  }
});

test("the request budget throttles over the sliding window and a batch counts as one request", async () => {
  const h = await startHarness({ budget: { requests: 3, windowSeconds: 60 } });
  try {
    h.api.startBatch();
    for (let i = 0; i < 5; i++) h.api.create<object, string>({ collection: "accounts", data: { name: `B${i}` } });
    await h.api.executeBatch();
    await h.api.retrieveMultiple({ collection: "accounts" });
    await h.api.retrieveMultiple({ collection: "accounts" });
    await assert.rejects(h.api.retrieveMultiple({ collection: "accounts" }), (e: { status: number; message: string; headers: Record<string, string> }) =>
      e.status === 429 && e.message === "Number of requests exceeded the limit of 3 over time window of 60 seconds." && Number(e.headers["retry-after"]) >= 1);
    const stats = (await (await fetch(`${h.sandbox.url}/_sandbox/stats`)).json()) as { throttled: number; rows: Record<string, number> };
    assert.equal(stats.throttled, 1);
    assert.equal(stats.rows.account, 5);
  } finally {
    await h.sandbox.close();
  }
});

test("state persists across a restart with the same data file", async () => {
  const h = await startHarness();
  let id: string;
  try {
    await addHcKey(h, "contact", "sourcekey");
    id = await h.api.create<object, string>({ collection: "contacts", data: { lastname: "Persisted", hc_sourcekey: "P-1" } });
  } finally {
    await h.sandbox.close();
  }
  await sleep(5);
  const h2 = await startHarness({ dataFile: h.dataFile });
  try {
    const row = await h2.api.retrieve({ collection: "contacts", key: "hc_sourcekey='P-1'", select: ["lastname"] });
    assert.equal(row.contactid, id);
    assert.equal(row.lastname, "Persisted");
    assert.equal(h2.sandbox.state.org.adminUserId, h.sandbox.state.org.adminUserId);
  } finally {
    await h2.sandbox.close();
  }
});
