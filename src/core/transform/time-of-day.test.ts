import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatTime, isTimeOfDay, parseTimeOfDay } from "./time-of-day.js";

describe("parseTimeOfDay", () => {
  it("reads 12- and 24-hour times as exports write them", () => {
    const read = (t: string) => { const x = parseTimeOfDay(t); return x && formatTime(x); };
    assert.equal(read("9:30 am"), "09:30:00");
    assert.equal(read("12:15 am"), "00:15:00");
    assert.equal(read("12:00 PM"), "12:00:00");
    assert.equal(read("2:05pm"), "14:05:00");
    assert.equal(read("14:05:30"), "14:05:30");
    assert.equal(read("9.30"), "09:30:00");
    assert.equal(read("14h30"), "14:30:00");
  });
  it("refuses what isn't a time of day", () => {
    for (const t of ["25:00", "9:75", "13:00 pm", "0:30 am", "930", "03/04/2021", "Morning"]) assert.equal(isTimeOfDay(t), false, t);
  });
});
