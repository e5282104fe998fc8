import assert from "node:assert/strict";
import { test } from "node:test";
import type { NoteRow } from "../../contracts/target.js";
import { htmlToText, textToHtml } from "./notes-html.js";
import { addKeys, startOrg } from "./test-support.js";

test("note text survives the trip through HTML exactly, markup and line breaks included", () => {
  for (const text of ["", "plain", "a < b & c > \"d\" 'e'\nline two\r\n\nend  ", "<p>not a tag</p><br>", "&amp; already"]) {
    assert.equal(htmlToText(textToHtml(text)), text);
  }
});

test("a ContentNote over 32,000 characters round-trips whole, is linked to its parent, and a re-run updates it in place", async () => {
  const org = await startOrg();
  try {
    await addKeys(org.target, ["Account", "ContentNote"]);
    const [account] = await org.target.write([{ table: "Account", sourceKey: "p:1", fields: { Name: "Practice" }, lookups: {} }]);
    assert.ok(account?.ok);
    const text = Array.from({ length: 1200 }, (_, i) => `Line ${i}: BP <120/80> & "stable"`).join("\n");
    assert.ok(text.length > 32_000);
    const note: NoteRow = { table: "ContentNote", sourceKey: "n:1", parent: { table: "Account", sourceKey: "p:1" }, subject: "Visit", text };
    const [first] = await org.target.writeNotes!([note]);
    assert.ok(first?.ok && first.created && first.flags.length === 0 && first.partIds.length === 0, JSON.stringify(first));
    const [back] = await org.target.readBack("ContentNote", ["n:1"], ["Title", "Content", "LinkedEntityId"]);
    assert.equal(back?.fields.Title, "Visit");
    assert.equal(back?.fields.Content, text);
    assert.deepEqual(back?.lookups.LinkedEntityId, { table: "Account", id: account.id });

    const [again] = await org.target.writeNotes!([{ ...note, text: "Amended" }]);
    assert.ok(again?.ok && !again.created && again.id === first.id);
    const [after] = await org.target.readBack("ContentNote", ["n:1"], ["Content"]);
    assert.equal(after?.fields.Content, "Amended");
    const stats = await org.control<{ rows: Record<string, number> }>("stats");
    assert.equal(stats.rows.ContentNote, 1, "no duplicate note");
  } finally {
    await org.close();
  }
});

test("a file note's bytes round-trip; the same bytes again add no version, other bytes add one", async () => {
  const org = await startOrg();
  try {
    await addKeys(org.target, ["Contact", "ContentVersion"]);
    await org.target.write([{ table: "Contact", sourceKey: "c:1", fields: { LastName: "Filed" }, lookups: {} }]);
    const bytes = new Uint8Array(Array.from({ length: 3000 }, (_, i) => i % 256));
    const row: NoteRow = {
      table: "ContentVersion", sourceKey: "f:1", parent: { table: "Contact", sourceKey: "c:1" }, subject: "Lab result", text: "Scanned",
      file: { fileName: "lab.pdf", mimeType: "application/pdf", bytes },
    };
    const [first] = await org.target.writeNotes!([row]);
    assert.ok(first?.ok && first.created);
    const [back] = await org.target.readBack("ContentVersion", ["f:1"], ["Title", "PathOnClient", "Description", "VersionData", "FirstPublishLocationId"]);
    assert.equal(back?.id, first.id);
    assert.deepEqual([back?.fields.Title, back?.fields.PathOnClient, back?.fields.Description], ["Lab result", "lab.pdf", "Scanned"]);
    assert.equal(back?.fields.VersionData, Buffer.from(bytes).toString("base64"));
    assert.equal(back?.lookups.FirstPublishLocationId?.table, "Contact");

    const [same] = await org.target.writeNotes!([row]);
    assert.ok(same?.ok && !same.created && same.id === first.id);
    assert.equal((await org.control<{ rows: Record<string, number> }>("stats")).rows.ContentVersion, 1, "identical bytes: no new version");

    const changed = new Uint8Array([1, 2, 3]);
    await org.target.writeNotes!([{ ...row, file: { ...row.file!, bytes: changed } }]);
    assert.equal((await org.control<{ rows: Record<string, number> }>("stats")).rows.ContentVersion, 2);
    const [latest] = await org.target.readBack("ContentVersion", ["f:1"], ["VersionData"]);
    assert.equal(latest?.fields.VersionData, Buffer.from(changed).toString("base64"));
    assert.equal((await org.control<{ rows: Record<string, number> }>("stats")).rows.ContentDocument, 1);

    const removed = await org.target.remove("ContentVersion", [first.id]);
    assert.ok(removed.every((o) => o.ok));
    assert.deepEqual(await org.target.readBack("ContentVersion", ["f:1"], ["Title"]), []);
  } finally {
    await org.close();
  }
});

test("a note whose parent is missing fails alone, and limits are documented figures", async () => {
  const org = await startOrg();
  try {
    await addKeys(org.target, ["Account", "ContentNote"]);
    await org.target.write([{ table: "Account", sourceKey: "p:1", fields: { Name: "Practice" }, lookups: {} }]);
    const out = await org.target.writeNotes!([
      { table: "ContentNote", sourceKey: "n:1", parent: { table: "Account", sourceKey: "p:404" }, subject: "x", text: "secret value" },
      { table: "ContentNote", sourceKey: "n:2", parent: { table: "Account", sourceKey: "p:1" }, subject: "y", text: "fine" },
    ]);
    assert.deepEqual(out.map((o) => o.ok), [false, true]);
    assert.ok(!JSON.stringify(out[0]).includes("secret"));
    const limits = await org.target.noteLimits!();
    assert.equal(limits.table, "ContentNote");
    assert.equal(limits.maxFileBytes, 2 * 1024 ** 3);
  } finally {
    await org.close();
  }
});
