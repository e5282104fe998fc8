import assert from "node:assert/strict";
import { test } from "node:test";
import { dataverseTemplate } from "../map/templates/dataverse.js";
import { salesforceTemplate } from "../map/templates/salesforce.js";
import { prefixNaming, type TargetTemplate } from "../map/templates/template.js";
import { loadOrder } from "./load-order.js";

test("the Dataverse load order comes from the lookup graph: accounts and roles, then contacts, then appointments, notes and connections", () => {
  const order = loadOrder(dataverseTemplate());
  assert.deepEqual(order.waves, [["account", "connectionrole"], ["contact"], ["annotation", "appointment", "connection"]]);
  assert.ok(order.edges.some((e) => e.from === "appointment" && e.to === "contact" && e.via === "appointment.regardingobjectid"));
  assert.deepEqual(order.selfReferencing, ["account"]);
  assert.ok(order.edges.some((e) => e.from === "contact" && e.to === "account" && e.via === "contact.parentcustomerid"));
  assert.ok(order.edges.some((e) => e.from === "annotation" && e.to === "contact" && e.via === "annotation.objectid"));
});

test("the Salesforce load order puts Accounts before Contacts, and Events, relations and files after them", () => {
  const order = loadOrder(salesforceTemplate());
  assert.deepEqual(order.waves, [["Account"], ["Contact"], ["AccountContactRelation", "ContentNote", "ContentVersion", "Event"]]);
  assert.deepEqual(order.selfReferencing, ["Account"]);
});

test("a cycle between two tables is refused with HO-PLN-002", () => {
  const template: TargetTemplate = {
    target: "x", prefix: "hc", derivedLookups: [], tablesWritten: ["a", "b"],
    sourceKeyColumn: "hc_sourcekey", naming: prefixNaming("hc"), primaryPractice: { patientTable: "b", column: "a_id", practiceTable: "a", nameColumn: "name" },
    objects: { one: { table: "a", description: "" }, two: { table: "b", description: "" } },
    fields: { "one.two": { kind: "lookup", column: "b_id", refObject: "two" }, "two.one": { kind: "lookup", column: "a_id", refObject: "one" } },
  };
  assert.throws(() => loadOrder(template), (e: { code?: string }) => e.code === "HO-PLN-002");
});
