import { test } from "node:test";
import assert from "node:assert/strict";
import { readCsvRows, type CsvRow } from "./csv-rows.js";
import { decodeToUtf8, detectEncoding } from "./encoding.js";

/** The text's bytes in chunks of `size` (a record, a quote or a character split across chunks). */
async function* chunked(text: string, size: number): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

/** Reads the text whole and in 3-byte chunks, checks both agree, and returns the rows. */
async function rowsOf(text: string, options: { maxRecordBytes?: number; offset?: number; line?: number } = {}): Promise<CsvRow[]> {
  const read = async (size: number) => {
    const rows: CsvRow[] = [];
    const detected = detectEncoding(Buffer.from(text), true);
    for await (const row of readCsvRows(decodeToUtf8(chunked(text, size), detected), options)) rows.push(row);
    return rows;
  };
  const whole = await read(1 << 20);
  assert.deepEqual(await read(3), whole, "chunk boundaries change nothing");
  return whole;
}

const summary = (rows: CsvRow[]) => rows.map((row) => (row.kind === "row" ? `${row.line}:${row.fields.join("|")}` : `${row.line}:!${row.reason}`));

test("LF and CRLF files give the same rows and line numbers", async () => {
  assert.deepEqual(summary(await rowsOf("a,b\n1,2\n3,4\n")), ["1:a|b", "2:1|2", "3:3|4"]);
  assert.deepEqual(summary(await rowsOf("a,b\r\n1,2\r\n3,4")), ["1:a|b", "2:1|2", "3:3|4"]);
});

test("a UTF-8 BOM is not part of the first header name", async () => {
  assert.deepEqual(summary(await rowsOf("\uFEFFa,b\n1,2\n")), ["1:a|b", "2:1|2"]);
});

test("quoted fields keep commas, doubled quotes and line breaks, and lines stay counted", async () => {
  const rows = await rowsOf('a,b\r\n"x, y","say ""hi"""\r\n"line1\nline2",z\r\n"crlf\r\ninside",w\r\nlast,row\r\n');
  assert.deepEqual(summary(rows), ["1:a|b", '2:x, y|say "hi"', "3:line1\nline2|z", "5:crlf\r\ninside|w", "7:last|row"]);
});

test("empty lines are skipped without shifting later line numbers", async () => {
  assert.deepEqual(summary(await rowsOf("a,b\n\n1,2\n\n\n3,4\n\n\n")), ["1:a|b", "3:1|2", "6:3|4"]);
});

test("text after a closing quote is a malformed row and the rows around it survive", async () => {
  assert.deepEqual(summary(await rowsOf('a,b\n1,2\n\n"x"y,2\n3,4\n')), ["1:a|b", "2:1|2", "4:!text after a closing quote", "5:3|4"]);
});

test("a quote never closed costs one row, not the rest of the file", async () => {
  assert.deepEqual(summary(await rowsOf('a,b\n1,2\n"x,2\n3,4\n5,6\n')), ["1:a|b", "2:1|2", "3:!a quote is never closed", "4:3|4", "5:5|6"]);
  assert.deepEqual(summary(await rowsOf('a,b\n1,2\n"x,2')), ["1:a|b", "2:1|2", "3:!a quote is never closed"]);
});

test("a record over the size limit is rejected and reading goes on", async () => {
  const rows = await rowsOf(`a,b\n"${"x".repeat(200)},1\n3,4\n`, { maxRecordBytes: 50 });
  assert.deepEqual(summary(rows).slice(1), [`2:!${"record over the size limit, most likely a quote that is never closed"}`, "3:3|4"]);
});

test("malformed-row reasons never carry the record's text", async () => {
  const rows = await rowsOf('a,b\nSECRET"VALUE,2\n"SECRET2"x,3\n');
  for (const row of rows.filter((r) => r.kind === "malformed")) assert.doesNotMatch(JSON.stringify(row), /SECRET/);
});

test("nextOffset lets a second read start exactly at the following record", async () => {
  const text = 'a,b\r\n"é\nx",2\r\n3,4\r\n';
  const second = (await rowsOf(`\uFEFF${text}`))[1]!;
  const rest = Buffer.from(text).subarray(second.nextOffset).toString();
  assert.deepEqual(summary(await rowsOf(rest, { offset: second.nextOffset, line: second.nextLine })), ["4:3|4"]);
});

test("the delimiter is the caller's: semicolons, tabs and pipes", async () => {
  for (const delimiter of [";", "\t", "|"]) {
    const rows: CsvRow[] = [];
    for await (const row of readCsvRows(chunked(`a${delimiter}b\n"x${delimiter}y"${delimiter}2\n`, 4), { delimiter })) rows.push(row);
    assert.deepEqual(summary(rows), ["1:a|b", `2:x${delimiter}y|2`]);
  }
});

test("malformed rows in a row, and one at the very end, each cost one line", async () => {
  assert.deepEqual(summary(await rowsOf('a,b\n"x"y,1\n"p"q,2\n3,4\n"z')), [
    "1:a|b", "2:!text after a closing quote", "3:!text after a closing quote", "4:3|4", "5:!a quote is never closed",
  ]);
});

test("mixed line endings each end a record, and a failed record resumes after a lone CR too", async () => {
  assert.deepEqual(summary(await rowsOf("a,b\r\n1,2\n3,4\r5,6\r\n")), ["1:a|b", "2:1|2", "3:3|4", "4:5|6"]);
  assert.deepEqual(summary(await rowsOf('a,b\r"x"y,1\r3,4\r')), ["1:a|b", "2:!text after a closing quote", "3:3|4"]);
});
