import { test } from "node:test";
import assert from "node:assert/strict";
import { startHarness } from "./test-helpers.js";

type DvErr = { status: number; code: string; message: string };

test("annotation: documentbody base64 with computed filesize, org size limit on decoded bytes, non-base64 refused", async () => {
  const h = await startHarness({ maxUploadFileSize: 1024 });
  try {
    const contactId = await h.api.create<object, string>({ collection: "contacts", data: { lastname: "N" } });
    const body = Buffer.alloc(1024, 7).toString("base64");
    const note = await h.api.create<object, Record<string, unknown>>({
      collection: "annotations", returnRepresentation: true,
      data: { subject: "Scan", notetext: "see file", filename: "a.pdf", mimetype: "application/pdf", documentbody: body, "objectid_contact@odata.bind": `/contacts(${contactId})`, filesize: 1 },
    });
    assert.equal(note.filesize, 1024);
    assert.equal(note.isdocument, true);
    assert.equal(note.objecttypecode, "contact");
    assert.equal(note._objectid_value, contactId);
    const tooBig = Buffer.alloc(1025, 7).toString("base64");
    await assert.rejects(h.api.create({ collection: "annotations", data: { subject: "Big", documentbody: tooBig } }), (e: DvErr) =>
      e.status === 400 && e.code === "0x80043e09");
    await assert.rejects(h.api.create({ collection: "annotations", data: { subject: "Bad", documentbody: "not*base64!" } }), (e: DvErr) =>
      e.status === 400 && !e.message.includes("not*base64"));
    await assert.rejects(h.api.create({ collection: "annotations", data: { notetext: "x".repeat(100_001) } }), (e: DvErr) => e.code === "0x80044331");
    const notes = await h.api.retrieveMultiple({ collection: "annotations", filter: `_objectid_value eq ${contactId}`, select: ["subject"] });
    assert.equal(notes.value.length, 1);
  } finally {
    await h.sandbox.close();
  }
});
