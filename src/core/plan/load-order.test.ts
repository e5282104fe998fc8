import assert from "node:assert/strict";
import { test } from "node:test";
import { dataverseTemplate } from "../map/templates/dataverse.js";
import type { TargetTemplate } from "../map/templates/template.js";
import { loadOrder } from "./load-order.js";

test("the Dataverse load order comes from the lookup graph: accounts and roles, then contacts, then appointments and connections", () => {
  const order = loadOrder(dataverseTemplate());
  assert.deepEqual(order.waves, [["account", "connectionrole"], ["contact"], ["appointment", "connection"]]);
  assert.ok(order.edges.some((e) => e.from === "appointment" && e.to === "contact" && e.via === "appointment.regardingobjectid"));
  assert.deepEqual(order.selfReferencing, ["account"]);
  assert.ok(order.edges.some((e) => e.from === "contact" && e.to === "account" && e.via === "contact.parentcustomerid"));
});

test("a cycle between two tables is refused with HO-PLN-002", () => {
  const template: TargetTemplate = {
    target: "x", prefix: "hc", derivedLookups: [], tablesWritten: ["a", "b"],
    objects: { one: { table: "a", description: "" }, two: { table: "b", description: "" } },
    fields: { "one.two": { kind: "lookup", column: "b_id", refObject: "two" }, "two.one": { kind: "lookup", column: "a_id", refObject: "one" } },
  };
  assert.throws(() => loadOrder(template), (e: { code?: string }) => e.code === "HO-PLN-002");
});
