import assert from "node:assert/strict";
import { test } from "node:test";
import { isPhoneRegion, isValidPhone } from "./parse-phone.js";

test("phones are checked against the source's country, not US rules everywhere", () => {
  for (const au of ["0491 570 156", "+61 491 570 156", "(02) 5550 1234", "(03) 7010 1234"]) assert.ok(isValidPhone(au, "AU"), au);
  assert.equal(isValidPhone("0491 570 156", "US"), false, "an Australian mobile is no US number");
  for (const us of ["(415) 555-0131", "2125550123", "+1 415 555 0131 ext. 12", "415-555-0131 x12"]) assert.ok(isValidPhone(us, "US"), us);
  assert.ok(isValidPhone("+44 20 7946 0958", "AU"), "an international number passes whatever the region");
});

test("placeholders, fragments and words are refused", () => {
  for (const bad of ["000-000-0000", "(055) 555-0131", "555-01", "555-014x", "see chart", "1-800-FLOWERS"]) assert.equal(isValidPhone(bad, "US"), false, bad);
  for (const bad of ["0491", "491 570", "0000 000 000", "ring reception", "0491 575", "n/a"]) assert.equal(isValidPhone(bad, "AU"), false, bad);
});

test("regions are ISO 3166 alpha-2 codes libphonenumber knows", () => {
  assert.ok(isPhoneRegion("AU") && isPhoneRegion("NZ") && isPhoneRegion("US"));
  assert.equal(isPhoneRegion("au"), false);
  assert.equal(isPhoneRegion("XX"), false);
  assert.equal(isPhoneRegion("AUS"), false);
});

test("the whole text must be the number: trailing junk or a number inside other text fails", () => {
  assert.equal(isValidPhone("0491-570-156!!", "AU"), false);
  assert.equal(isValidPhone("call 0491 570 156", "AU"), false);
  assert.equal(isValidPhone("0491 570 156 #2", "AU"), true, "an extension marker");
});
