import { test } from "node:test";
import assert from "node:assert/strict";
import type { TableMeta } from "./metadata.js";
import { navProperty } from "./metadata.js";
import { bindPath, upsertBody, restoreBody } from "./payload.js";
import { keySegment, inFilter, normalizeId } from "./keys.js";

const contact: TableMeta = {
  name: "contact", primaryId: "contactid", primaryName: "fullname", entitySet: "contacts",
  columns: [
    { name: "parentcustomerid", type: "lookup", targets: ["account", "contact"], required: false, custom: false, validForCreate: true, validForUpdate: true },
    { name: "ownerid", type: "lookup", targets: ["systemuser", "team"], required: true, custom: false, validForCreate: true, validForUpdate: true },
    { name: "lastname", type: "string", maxLength: 50, required: false, custom: false, validForCreate: true, validForUpdate: true },
  ],
  keys: [], keyStatus: new Map(),
  relations: [
    { attribute: "parentcustomerid", table: "account", navProp: "parentcustomerid_account" },
    { attribute: "parentcustomerid", table: "contact", navProp: "parentcustomerid_contact" },
    { attribute: "ownerid", table: "owner", navProp: "ownerid" },
  ],
};
const addresses = new Map([
  ["account", { entitySet: "accounts", primaryId: "accountid" }],
  ["contact", { entitySet: "contacts", primaryId: "contactid" }],
  ["systemuser", { entitySet: "systemusers", primaryId: "systemuserid" }],
]);
const ctx = { meta: contact, addresses, sourceKeyColumn: "hc_sourcekey" };
const uid = "0b7e1111-2222-3333-4444-555566667777";

test("navigation properties: exact relationship, shared name (owner), unknown", () => {
  assert.equal(navProperty(contact, "parentcustomerid", "account"), "parentcustomerid_account");
  assert.equal(navProperty(contact, "parentcustomerid", "contact"), "parentcustomerid_contact");
  assert.equal(navProperty(contact, "ownerid", "systemuser"), "ownerid");
  assert.equal(navProperty(contact, "parentcustomerid", "systemuser"), undefined);
  assert.equal(navProperty(contact, "nosuch", "account"), undefined);
});

test("upsert body: fields, our key, binds by id / by source key / cleared", () => {
  const body = upsertBody(
    {
      table: "contact", sourceKey: "C-1",
      fields: { lastname: "Lovelace", birthdate: "1815-12-10" },
      lookups: { parentcustomerid: { table: "account", sourceKey: "A-1" }, ownerid: { table: "systemuser", id: `{${uid}}` } },
    },
    ctx,
  );
  assert.ok(body.ok);
  assert.deepEqual(body.data, {
    lastname: "Lovelace", birthdate: "1815-12-10", hc_sourcekey: "C-1",
    "parentcustomerid_account@odata.bind": "/accounts(hc_sourcekey='A-1')",
    "ownerid@odata.bind": `/systemusers(${uid})`,
  });
  assert.equal(body.aliases.get("parentcustomerid_account"), "parentcustomerid");
  const cleared = restoreBody({ table: "contact", id: uid, sourceKey: "C-1", fields: {}, lookups: { parentcustomerid: null } }, ctx);
  assert.ok(cleared.ok);
  assert.deepEqual(cleared.data, { "parentcustomerid_account@odata.bind": null });
});

test("a lookup we can't bind fails the row locally, naming the column", () => {
  const body = upsertBody({ table: "contact", sourceKey: "C-2", fields: {}, lookups: { parentcustomerid: { table: "systemuser", id: uid } } }, ctx);
  assert.equal(body.ok, false);
  assert.equal(!body.ok && body.error.field, "parentcustomerid");
  const unknownTable = upsertBody({ table: "contact", sourceKey: "C-2", fields: {}, lookups: { ownerid: { table: "team", id: uid } } }, ctx);
  assert.equal(unknownTable.ok, false);
});

test("key literals survive quotes, commas, slashes and braces", () => {
  assert.equal(keySegment("hc_sourcekey", "O'Brien, Pat/1"), "hc_sourcekey='O''Brien%2C%20Pat%2F1'");
  assert.equal(bindPath({ table: "account", sourceKey: `{${uid}}` }, { entitySet: "accounts", primaryId: "accountid" }, "hc_sourcekey"), `/accounts(hc_sourcekey='%7B${uid}%7D')`);
  assert.equal(inFilter("hc_sourcekey", ["a", "O'B"]), "Microsoft.Dynamics.CRM.In(PropertyName='hc_sourcekey',PropertyValues=['a','O''B'])");
  assert.equal(normalizeId(`{${uid.toUpperCase()}}`), uid);
  assert.equal(normalizeId("not-an-id"), undefined);
});
