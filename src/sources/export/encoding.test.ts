import { test } from "node:test";
import assert from "node:assert/strict";
import iconv from "iconv-lite";
import { decodeToUtf8, detectEncoding } from "./encoding.js";

async function decode(bytes: Buffer, size = 5): Promise<string> {
  async function* chunks() {
    for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
  }
  const out: Buffer[] = [];
  for await (const chunk of decodeToUtf8(chunks(), detectEncoding(bytes, true))) out.push(chunk);
  return Buffer.concat(out).toString("utf8");
}

const text = "Id,Name\n1,José Muñoz 5 €\n";

test("a BOM decides: UTF-8, UTF-16 LE and UTF-16 BE, and never reaches the text", async () => {
  const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, "utf-16le")]);
  const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, "utf-16be")]);
  assert.deepEqual(detectEncoding(utf8, true), { encoding: "utf-8", bomBytes: 3 });
  assert.deepEqual(detectEncoding(le, true), { encoding: "utf-16le", bomBytes: 2 });
  assert.deepEqual(detectEncoding(be, true), { encoding: "utf-16be", bomBytes: 2 });
  for (const bytes of [utf8, le, be]) assert.equal(await decode(bytes), text);
});

test("without a BOM: UTF-8 stays UTF-8, Windows-1252 is recognised, UTF-16 is told by its NULs", async () => {
  assert.equal(detectEncoding(Buffer.from(text), true).encoding, "utf-8");
  const ansi = iconv.encode(text, "windows-1252");
  assert.equal(detectEncoding(ansi, true).encoding, "windows-1252");
  assert.equal(await decode(ansi), text);
  assert.equal(detectEncoding(iconv.encode(text.repeat(4), "utf-16le"), true).encoding, "utf-16le");
});

test("a UTF-8 character cut by the end of the sample is not taken for damage", () => {
  const bytes = Buffer.from("Name\nJosé");
  assert.equal(detectEncoding(bytes.subarray(0, bytes.length - 1), false).encoding, "utf-8");
});

test("mostly UTF-8 with one damaged byte stays UTF-8, the byte becoming U+FFFD", async () => {
  const bytes = Buffer.concat([Buffer.from("Name\nJosé\nMuñoz\nZoë\nRenée\n"), Buffer.from([0xff]), Buffer.from("\n")]);
  assert.equal(detectEncoding(bytes, true).encoding, "utf-8");
});
