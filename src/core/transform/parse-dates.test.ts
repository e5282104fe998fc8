import assert from "node:assert/strict";
import { test } from "node:test";
import { instantReader, parseDate, parseDateTime } from "./parse-dates.js";

const ok = (r: ReturnType<typeof parseDate>) => (r.ok ? r.value : `refused: ${r.expected}`);

test("every declared date format real exports use is read, in its own day/month order", () => {
  assert.equal(ok(parseDate("19850407", "YYYYMMDD")), "1985-04-07");
  assert.equal(ok(parseDate("1985-04-07", "YYYY-MM-DD")), "1985-04-07");
  assert.equal(ok(parseDate("04/07/1985", "MM/DD/YYYY")), "1985-04-07");
  assert.equal(ok(parseDate("4/7/1985", "MM/DD/YYYY")), "1985-04-07");
  assert.equal(ok(parseDate("04/07/1985", "DD/MM/YYYY")), "1985-07-04");
  assert.equal(ok(parseDate("07.04.1985", "DD.MM.YYYY")), "1985-04-07");
  assert.deepEqual(parseDate("19850407", "YYYYMMDD"), { ok: true, value: "1985-04-07", change: "date YYYYMMDD → ISO" });
  assert.deepEqual(parseDate("1985-04-07"), { ok: true, value: "1985-04-07", change: null }, "ISO needs no declaration");
  // A date column fed from a timestamp keeps the calendar day as written.
  assert.equal(ok(parseDate("2024-06-11 23:30:00", "YYYY-MM-DD HH:mm:ss")), "2024-06-11");
});

test("impossible, placeholder and undeclared values are refused, never guessed", () => {
  for (const bad of ["20230230", "19851332", "00000000", "19000000", "N/A", "2/30/1975"]) assert.equal(parseDate(bad, { dateFormat: "YYYYMMDD", alsoAccepted: ["MM/DD/YYYY"] }).ok, false, bad);
  assert.equal(parseDate("31/02/1980", "DD/MM/YYYY").ok, false);
  assert.equal(parseDate("12/13/1990", "DD/MM/YYYY").ok, false, "month 13 under the declared order");
  assert.equal(parseDate("04/07/1985").ok, false, "a slash date without a declared format is not guessed");
  assert.equal(parseDate("4/7/85", "MM/DD/YYYY").ok, false, "a two-digit year's century would be a guess");
  assert.equal(parseDate("0001-01-01").ok, false, "placeholder year");
  const refused = parseDate("N/A", { dateFormat: "YYYYMMDD", alsoAccepted: ["MM/DD/YYYY"] });
  assert.deepEqual(refused, { ok: false, expected: "date (YYYYMMDD, MM/DD/YYYY or ISO)" });
});

test("a column holding several formats: the declared one, the profile's others and ISO are read; the rest refused", () => {
  const reading = { dateFormat: "YYYYMMDD", alsoAccepted: ["MM/DD/YYYY"] };
  assert.equal(ok(parseDate("19850407", reading)), "1985-04-07");
  assert.equal(ok(parseDate("04/07/1985", reading)), "1985-04-07");
  assert.equal(ok(parseDate("1985-04-07", reading)), "1985-04-07");
  assert.equal(parseDate("07.04.1985", reading).ok, false);
});

test("local times are read in the source's zone and written as UTC instants, to the second", () => {
  const sydney = { dateFormat: "DD/MM/YYYY HH:mm", zone: "Australia/Sydney" };
  assert.deepEqual(parseDateTime("11/06/2024 09:30", sydney), { ok: true, value: "2024-06-10T23:30:00Z", change: "local time in Australia/Sydney → UTC" });
  assert.equal(ok(parseDateTime("11/01/2024 09:30", sydney)), "2024-01-10T22:30:00Z", "daylight saving (+11:00) in January");
  const chicago = { dateFormat: "YYYY-MM-DD HH:mm:ss", zone: "America/Chicago" };
  assert.equal(ok(parseDateTime("2024-06-11 09:15:42", chicago)), "2024-06-11T14:15:42Z");
  assert.equal(ok(parseDateTime("2024-06-11T09:15:42.987", chicago)), "2024-06-11T14:15:42Z", "ISO with a T, fraction dropped");
  assert.equal(ok(parseDateTime("06/11/2024 9:15 PM", { dateFormat: "MM/DD/YYYY hh:mm a", zone: "America/Chicago" })), "2024-06-12T02:15:00Z");
  assert.equal(ok(parseDateTime("11/06/2024 9:30 am", { dateFormat: "DD/MM/YYYY", zone: "Australia/Sydney" })), "2024-06-10T23:30:00Z", "a date-only format takes a 12-hour time too");
  assert.equal(ok(parseDateTime("11/06/2024", { dateFormat: "DD/MM/YYYY", zone: "Australia/Sydney" })), "2024-06-10T14:00:00Z", "a date alone is local midnight");
  // An offset or Z in the text wins over the zone.
  assert.equal(ok(parseDateTime("2024-06-11T09:15:00+10:00", chicago)), "2024-06-10T23:15:00Z");
  assert.equal(ok(parseDateTime("2024-06-11T09:15:00Z", chicago)), "2024-06-11T09:15:00Z");
  assert.equal(ok(parseDateTime("2024-06-11 09:15:00+0530", chicago)), "2024-06-11T03:45:00Z");
  // Without a zone: UTC, as before.
  assert.deepEqual(parseDateTime("2021-03-04 09:15:00"), { ok: true, value: "2021-03-04T09:15:00Z", change: "date-time (no zone, read as UTC)" });
  assert.equal(parseDateTime("2024-06-11 25:00:00", chicago).ok, false);
  assert.equal(parseDateTime("TBD", chicago).ok, false);
});

test("a local time the clocks skipped is refused; one they ran twice is read as the first and marked", () => {
  const ny = { dateFormat: "YYYY-MM-DD HH:mm:ss", zone: "America/New_York" };
  assert.deepEqual(parseDateTime("2024-03-10 02:30:00", ny), { ok: false, expected: "local time that exists in America/New_York", nonexistent: { zone: "America/New_York" } });
  const doubled = parseDateTime("2024-11-03 01:30:00", ny);
  assert.ok(doubled.ok);
  assert.equal(doubled.value, "2024-11-03T05:30:00Z", "the first 01:30 (EDT, -04:00)");
  assert.deepEqual(doubled.ambiguous, { zone: "America/New_York", offset: "-04:00" });
  assert.equal(parseDateTime("2024-03-10 02:30:00", "YYYY-MM-DD HH:mm:ss").ok, true, "in UTC every local time exists once");
});

test("change times for ordering are read in each column's declared format and the source's zone, not month-first", () => {
  const read = instantReader({ "links.Updated": "DD/MM/YYYY HH:mm" }, { zone: "Australia/Sydney" });
  assert.equal(read("links", "Updated", " 13/02/2024 09:00 "), "2024-02-12T22:00:00Z", "day 13 first, Sydney summer time");
  assert.ok(read("links", "Updated", "02/03/2024 09:00")! > read("links", "Updated", "13/02/2024 09:00")!, "2 March is after 13 February");
  assert.equal(read("links", "Other", "2024-02-13T09:00:00Z"), "2024-02-13T09:00:00Z", "an undeclared column still reads ISO");
  assert.equal(read("links", "Updated", "not a date"), null);
});
