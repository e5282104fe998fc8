/**
 * The connector against the local Dataverse sandbox, over real HTTP, through dynamics-web-api.
 * Run with http_proxy unset: the library routes even localhost through it.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { startDataverseSandbox } from "../../../sandbox/dataverse/server.js";
import type { SchemaPlan, TargetConnector, TargetRow, WriteOutcome } from "../../contracts/target.js";
import { isHandoverError } from "../../contracts/handover-error.js";
import { createDataverseTarget, type ThrottleInfo } from "./index.js";

const plan: SchemaPlan = {
  columns: [
    { table: "account", name: "hc_sourcekey", type: "string", maxLength: 100, label: "Source key", reason: "alternate key" },
    { table: "contact", name: "hc_sourcekey", type: "string", maxLength: 100, label: "Source key", reason: "alternate key" },
    { table: "contact", name: "hc_lastvisit", type: "datetime", label: "Last visit", reason: "custom property 'LastVisit'" },
    { table: "contact", name: "hc_notes", type: "memo", maxLength: 4000, label: "Notes", reason: "custom property 'Notes'" },
  ],
  keys: [
    { table: "account", name: "hc_sourcekey_key", columns: ["hc_sourcekey"] },
    { table: "contact", name: "hc_sourcekey_key", columns: ["hc_sourcekey"] },
  ],
};

let sandbox: { url: string; close(): Promise<void> | void };
let target: TargetConnector;
const slept: number[] = [];
const throttles: ThrottleInfo[] = [];

async function control(path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${sandbox.url.replace(/\/$/, "")}/_sandbox/${path}`, body === undefined ? {} : {
    method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body),
  });
  assert.ok(res.ok, `${path}: HTTP ${res.status}`);
  const text = await res.text();
  return text ? JSON.parse(text) : undefined;
}

function okOf(outcomes: readonly WriteOutcome[]) {
  return outcomes.map((o) => {
    assert.ok(o.ok, `${o.table} ${o.sourceKey}: ${JSON.stringify(!o.ok && o.error)}`);
    return o;
  });
}

before(async () => {
  sandbox = await startDataverseSandbox({ port: 0 });
  target = createDataverseTarget({
    url: sandbox.url,
    token: async () => "sandbox",
    batchSize: 3, // small, so tests cross batch boundaries
    sleep: async (ms) => void slept.push(ms),
    onThrottle: (info) => void throttles.push(info),
    keyWaitMs: 5_000,
  });
  await control("seed-users", [
    { internalemailaddress: "Jane.Doe@Clinic.example", fullname: "Jane Doe", firstname: "Jane", lastname: "Doe", isdisabled: false },
    { internalemailaddress: "old.timer@clinic.example", fullname: "Old Timer", firstname: "Old", lastname: "Timer", isdisabled: true },
  ]);
});

after(async () => {
  await sandbox?.close();
});

describe("dataverse connector on the sandbox", () => {
  let janeId = "";

  test("check: WhoAmI answers", async () => {
    await target.check();
  });

  test("capabilities", () => {
    assert.deepEqual(target.capabilities, { sourceKeyColumn: "hc_sourcekey", maxBatchSize: 3, userTable: "systemuser" });
  });

  test("applySchema creates columns and keys, then is idempotent", async () => {
    const first = await target.applySchema(plan);
    assert.equal(first.length, 6);
    for (const o of first) assert.ok(o.ok && o.created, JSON.stringify(o));
    const second = await target.applySchema(plan);
    for (const o of second) assert.ok(o.ok && !o.created, JSON.stringify(o));
    const catalog = await target.describe(["account", "contact"]);
    const contact = catalog.tables.find((t) => t.name === "contact");
    assert.ok(contact);
    assert.deepEqual(contact.columns.find((c) => c.name === "hc_sourcekey")?.maxLength, 100);
    assert.equal(contact.columns.find((c) => c.name === "hc_lastvisit")?.type, "datetime");
    assert.equal(contact.columns.find((c) => c.name === "birthdate")?.type, "date");
    assert.deepEqual(contact.columns.find((c) => c.name === "parentcustomerid")?.targets, ["account", "contact"]);
    assert.deepEqual(contact.keys.find((k) => k.name === "hc_sourcekey_key"), { name: "hc_sourcekey_key", columns: ["hc_sourcekey"], active: true });
  });

  test("describe: unknown table → HO-TGT-005", async () => {
    await assert.rejects(target.describe(["nosuchtable"]), (e: unknown) => isHandoverError(e) && e.code === "HO-TGT-005");
  });

  test("findUsers: case-insensitive, inactive flagged, unknown absent", async () => {
    const users = await target.findUsers(["jane.doe@clinic.EXAMPLE", "OLD.TIMER@clinic.example", "nobody@clinic.example"]);
    const jane = users.find((u) => u.fullName === "Jane Doe");
    const old = users.find((u) => u.fullName === "Old Timer");
    assert.equal(users.length, 2);
    assert.ok(jane && old);
    assert.equal(jane.email, "Jane.Doe@Clinic.example");
    assert.equal(jane.active, true);
    assert.equal(old.active, false);
    janeId = jane.id;
  });

  const accounts: TargetRow[] = [
    { table: "account", sourceKey: "A-1", fields: { name: "Harbour Clinic", telephone1: "555-0100" }, lookups: {} },
    { table: "account", sourceKey: "A-2, O'Neil/East", fields: { name: "O'Neil East" }, lookups: {} },
  ];
  const contacts = (): TargetRow[] => [
    {
      table: "contact", sourceKey: "C-1",
      fields: { firstname: "Ada", lastname: "Lovelace", birthdate: "1815-12-10", hc_lastvisit: "2024-05-01T13:45:00Z" },
      lookups: { parentcustomerid: { table: "account", sourceKey: "A-1" }, ownerid: { table: "systemuser", id: janeId } },
    },
    {
      table: "contact", sourceKey: "C-2",
      fields: { firstname: "Grace", lastname: "Hopper" },
      lookups: { parentcustomerid: { table: "account", sourceKey: "A-2, O'Neil/East" } },
    },
  ];
  const ids = new Map<string, string>();

  test("write: upserts accounts, then contacts bound by source key and user id", async () => {
    const a = okOf(await target.write(accounts));
    for (const o of a) {
      assert.ok(o.ok && o.created);
      ids.set(o.sourceKey, o.id);
    }
    const c = okOf(await target.write(contacts()));
    for (const o of c) {
      assert.ok(o.ok && o.created);
      ids.set(o.sourceKey, o.id);
    }
  });

  test("write again: same ids, created:false, no duplicates", async () => {
    const again = okOf(await target.write([...accounts, ...contacts()]));
    for (const o of again) {
      assert.ok(o.ok);
      assert.equal(o.created, false, o.sourceKey);
      assert.equal(o.id, ids.get(o.sourceKey));
    }
    const stored = await target.readBack("contact", ["C-1", "C-2"], ["lastname"]);
    assert.equal(stored.length, 2);
  });

  test("a too-long value fails alone; the rest of its batch is written", async () => {
    const rows: TargetRow[] = [
      { table: "contact", sourceKey: "C-3", fields: { lastname: "Ok" }, lookups: {} },
      { table: "contact", sourceKey: "C-4", fields: { lastname: "X".repeat(51) + " PATIENT-SECRET" }, lookups: {} },
      { table: "contact", sourceKey: "C-5", fields: { lastname: "Also ok" }, lookups: {} },
    ];
    const out = await target.write(rows);
    assert.deepEqual(out.map((o) => o.ok), [true, false, true]);
    const bad = out[1];
    assert.ok(bad && !bad.ok);
    assert.equal(bad.error.vendorCode, "0x80044331");
    assert.equal(bad.error.reason, "a value is longer than the column allows");
    assert.equal(bad.error.field, "lastname");
    assert.equal(bad.error.transient, false);
    assert.ok(!JSON.stringify(bad).includes("PATIENT-SECRET"));
  });

  test("a reference to a missing row fails that row with our reason", async () => {
    const out = await target.write([
      { table: "contact", sourceKey: "C-6", fields: { lastname: "Orphan" }, lookups: { parentcustomerid: { table: "account", id: "00000000-0000-0000-0000-00000000dead" } } },
    ]);
    const o = out[0];
    assert.ok(o && !o.ok);
    assert.equal(o.error.reason, "a referenced row does not exist");
  });

  test("readBack: fields, dates as strings, lookups with their tables", async () => {
    const rows = await target.readBack("contact", ["C-1", "C-2", "C-404"], ["firstname", "lastname", "birthdate", "hc_lastvisit", "parentcustomerid", "ownerid"]);
    assert.equal(rows.length, 2);
    const ada = rows.find((r) => r.sourceKey === "C-1");
    assert.ok(ada);
    assert.equal(ada.id, ids.get("C-1"));
    assert.deepEqual(ada.fields, { firstname: "Ada", lastname: "Lovelace", birthdate: "1815-12-10", hc_lastvisit: "2024-05-01T13:45:00Z" });
    assert.deepEqual(ada.lookups, { parentcustomerid: { table: "account", id: ids.get("A-1") }, ownerid: { table: "systemuser", id: janeId } });
    const [oneil] = await target.readBack("account", ["A-2, O'Neil/East"], ["name"]);
    assert.equal(oneil?.sourceKey, "A-2, O'Neil/East", "awkward keys survive the URL round trip");
    const grace = rows.find((r) => r.sourceKey === "C-2");
    assert.deepEqual(grace?.lookups.parentcustomerid, { table: "account", id: ids.get("A-2, O'Neil/East") });
  });

  test("restore puts a before-image back (lookup cleared again); remove deletes, twice is ok", async () => {
    const [image] = await target.readBack("contact", ["C-3"], ["lastname", "parentcustomerid"]);
    assert.ok(image);
    assert.equal(image.lookups.parentcustomerid, null);
    okOf(await target.write([{ table: "contact", sourceKey: "C-3", fields: { lastname: "Changed" }, lookups: { parentcustomerid: { table: "account", sourceKey: "A-1" } } }]));
    const restored = await target.restore("contact", [image]);
    assert.deepEqual(restored, [{ ok: true, id: image.id }]);
    const [back] = await target.readBack("contact", ["C-3"], ["lastname", "parentcustomerid"]);
    assert.deepEqual(back, image);

    const removed = await target.remove("contact", [image.id, ids.get("C-2") as string]);
    assert.deepEqual(removed.map((r) => r.ok), [true, true]);
    const again = await target.remove("contact", [image.id]);
    assert.deepEqual(again, [{ ok: true, id: image.id }]);
    assert.equal((await target.readBack("contact", ["C-3", "C-2"], ["lastname"])).length, 0);
    const gone = await target.restore("contact", [image]);
    assert.equal(gone[0]?.ok, false);
  });

  test("throttled: waits the server's Retry-After (shared gate), then succeeds", async () => {
    slept.length = 0;
    throttles.length = 0;
    await control("throttle", { next: 2, retryAfter: 7 });
    const out = okOf(await target.write([{ table: "account", sourceKey: "A-3", fields: { name: "Throttled Ltd" }, lookups: {} }]));
    assert.equal(out[0]?.ok, true);
    assert.deepEqual(slept, [7000, 7000]);
    assert.deepEqual(throttles.map((t) => [t.kind, t.delayMs]), [["throttle", 7000], ["throttle", 7000]]);
  });

  test("throttled beyond maxRetries → HO-TGT-004", async () => {
    const impatient = createDataverseTarget({ url: sandbox.url, token: async () => "sandbox", maxRetries: 1, sleep: async () => {} });
    await control("throttle", { next: 5, retryAfter: 3 });
    await assert.rejects(impatient.findUsers(["x@y"]), (e: unknown) => isHandoverError(e) && e.code === "HO-TGT-004" && e.params.retryAfter === 3);
    await control("throttle", { next: 0, retryAfter: 0 });
  });
});

test("unreachable target → HO-TGT-001", async () => {
  const dead = createDataverseTarget({ url: "http://127.0.0.1:9", token: async () => "x", maxRetries: 1, sleep: async () => {} });
  await assert.rejects(dead.check(), (e: unknown) => isHandoverError(e) && e.code === "HO-TGT-001");
});

test("credentials refused → HO-TGT-002", async () => {
  const box = await startDataverseSandbox({ port: 0, rejectToken: "bad" });
  try {
    const t = createDataverseTarget({ url: box.url, token: async () => "bad", sleep: async () => {} });
    await assert.rejects(t.check(), (e: unknown) => isHandoverError(e) && e.code === "HO-TGT-002" && e.params.status === 401);
  } finally {
    await box.close();
  }
});

test("a key whose index builds slowly is polled until Active", async () => {
  const box = await startDataverseSandbox({ port: 0, keyActivation: { afterReads: 2 } });
  const slept: number[] = [];
  try {
    const t = createDataverseTarget({ url: box.url, token: async () => "sandbox", sleep: async (ms) => void slept.push(ms) });
    const out = await t.applySchema({
      columns: [{ table: "account", name: "hc_sourcekey", type: "string", maxLength: 100, label: "Source key", reason: "alternate key" }],
      keys: [{ table: "account", name: "hc_sourcekey_key", columns: ["hc_sourcekey"] }],
    });
    assert.deepEqual(out.map((o) => o.ok && o.created), [true, true]);
    assert.ok(slept.length >= 1, "waited at least once");
    const [account] = (await t.describe(["account"])).tables;
    assert.equal(account?.keys.find((k) => k.name === "hc_sourcekey_key")?.active, true);
  } finally {
    await box.close();
  }
});
