import assert from "node:assert/strict";
import { test } from "node:test";
import { decodeColumn } from "./decode-column.js";

const encoded = { flagColumn: "is_b64", flagValues: ["yes"], encoding: "base64" } as const;

test("a column flagged as base64 is decoded to its UTF-8 text; unflagged rows pass as written", () => {
  const text = "Pt reports sensitivity — UL6, cold.\r\nRecheck in 2 wks.";
  const b64 = Buffer.from(text, "utf8").toString("base64");
  assert.deepEqual(decodeColumn({ note_txt: b64, is_b64: "Yes" }, "note_txt", encoded), { ok: true, text, change: "base64 → text" });
  assert.deepEqual(decodeColumn({ note_txt: b64, is_b64: "No" }, "note_txt", encoded), { ok: true, text: b64, change: null });
  assert.deepEqual(decodeColumn({ note_txt: "plain" }, "note_txt", undefined), { ok: true, text: "plain", change: null });
});

test("flagged text that is not base64 of UTF-8 is refused, not passed on as gibberish", () => {
  assert.equal(decodeColumn({ note_txt: "not base64!", is_b64: "yes" }, "note_txt", encoded).ok, false);
  assert.equal(decodeColumn({ note_txt: Buffer.from([0xff, 0xfe, 0x00]).toString("base64"), is_b64: "YES" }, "note_txt", encoded).ok, false);
});
