import assert from "node:assert/strict";
import { test } from "node:test";
import { flattenItem } from "./flatten.js";

test("nested objects, custom fields and arrays flatten to text columns", () => {
  const values = flattenItem({
    id: "pat_1",
    age: 41,
    active: false,
    preferred_name: null,
    address: { city: "Bath", geo: { lat: 51.4 } },
    custom_fields: { "Parking Permit": "yes", allergy_flags: ["latex", "penicillin"], "Preferred Language": "Español" },
    tags: [{ k: 1 }, "b"],
  });
  assert.deepEqual(values, {
    id: "pat_1",
    age: "41",
    active: "false",
    preferred_name: "",
    address_city: "Bath",
    address_geo_lat: "51.4",
    custom_parking_permit: "yes",
    custom_allergy_flags: "latex; penicillin",
    custom_preferred_language: "Español",
    tags: '{"k":1}; b',
  });
});

test("two fields that flatten to one name both survive", () => {
  assert.deepEqual(flattenItem({ address_city: "A", address: { city: "B" } }), { address_city: "A", address_city_2: "B" });
});
