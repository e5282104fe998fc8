/** Files (ContentVersion JSON and multipart, documents and links), enhanced notes, and activity derivations. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { rejection, startHarness } from "./test-helpers.js";

const PDF = Buffer.from("%PDF-1.4 fake test document");

test("ContentVersion with FirstPublishLocationId creates the ContentDocument and links; VersionData reads back", async () => {
  const h = await startHarness();
  try {
    const contact = await h.conn.sobject("Contact").create({ LastName: "Filed" });
    const v = await h.conn.sobject("ContentVersion").create({ Title: "scan", PathOnClient: "scan.pdf", VersionData: PDF.toString("base64"), FirstPublishLocationId: contact.id });
    const row = await h.conn.sobject("ContentVersion").retrieve(v.id ?? "");
    assert.match(String(row.ContentDocumentId), /^069\w{15}$/);
    assert.deepEqual([row.FileExtension, row.FileType, row.ContentSize, row.VersionNumber, row.IsLatest], ["pdf", "PDF", PDF.length, "1", true]);
    assert.equal(row.VersionData, `/services/data/v60.0/sobjects/ContentVersion/${v.id}/VersionData`);
    const viaQuery = await h.conn.query<{ VersionData: string }>(`SELECT VersionData FROM ContentVersion WHERE Id = '${v.id}'`);
    assert.equal(viaQuery.records[0]?.VersionData, row.VersionData);
    const bytes = Buffer.from(await (await h.fetchApi(`sobjects/ContentVersion/${v.id}/VersionData`)).arrayBuffer());
    assert.deepEqual(bytes, PDF);
    const links = await h.conn.query<{ LinkedEntityId: string; ShareType: string; Visibility: string }>(`SELECT LinkedEntityId, ShareType, Visibility FROM ContentDocumentLink WHERE ContentDocumentId = '${row.ContentDocumentId}' ORDER BY ShareType DESC`);
    assert.deepEqual(links.records.map((l) => [l.LinkedEntityId, l.ShareType, l.Visibility]), [[contact.id, "V", "AllUsers"], [h.conn.userInfo?.id, "I", "AllUsers"]]);
    const acc = await h.conn.sobject("Account").create({ Name: "Shared With" });
    const link = await h.conn.sobject("ContentDocumentLink").create({ ContentDocumentId: row.ContentDocumentId, LinkedEntityId: acc.id, ShareType: "V", Visibility: "AllUsers" });
    assert.equal(link.success, true);
    assert.equal((await rejection(h.conn.sobject("ContentDocumentLink").create({ ContentDocumentId: row.ContentDocumentId, LinkedEntityId: acc.id }))).errorCode, "DUPLICATE_VALUE");
    await h.conn.sobject("ContentDocument").destroy(String(row.ContentDocumentId));
    assert.equal((await h.conn.query(`SELECT COUNT() FROM ContentDocumentLink WHERE LinkedEntityId = '${acc.id}'`)).totalSize, 0);
  } finally {
    await h.close();
  }
});

test("multipart uploads work with jsforce's part naming and the sf CLI's entity_content part", async () => {
  const h = await startHarness();
  try {
    const viaJsforce = await h.conn.sobject("ContentVersion").create(
      { Title: "photo", PathOnClient: "photo.png", VersionData: PDF.toString("base64") },
      { multipartFileFields: { VersionData: { filename: "photo.png", contentType: "image/png" } } },
    );
    assert.equal(viaJsforce.success, true);
    const form = new FormData();
    form.append("entity_content", new Blob([JSON.stringify({ Title: "cli", PathOnClient: "cli.txt" })], { type: "application/json" }));
    form.append("VersionData", new Blob([Buffer.from("hello file")]), "cli.txt");
    const res = await fetch(`${h.base}sobjects/ContentVersion`, { method: "POST", headers: { Authorization: `Bearer ${h.token}` }, body: form });
    assert.equal(res.status, 201);
    const { id } = (await res.json()) as { id: string };
    const q = await h.conn.query<{ ContentSize: number; FileExtension: string; Title: string }>(`Select Id, ContentDocumentId, Title, FileExtension, ContentSize from ContentVersion where Id='${id}'`);
    assert.deepEqual([q.records[0]?.Title, q.records[0]?.FileExtension, q.records[0]?.ContentSize], ["cli", "txt", 10]);
  } finally {
    await h.close();
  }
});

test("ContentNote is stored as a ContentDocument that can be linked to records", async () => {
  const h = await startHarness();
  try {
    const contact = await h.conn.sobject("Contact").create({ LastName: "Noted" });
    const note = await h.conn.sobject("ContentNote").create({ Title: "Visit note", Content: Buffer.from("<p>Test visit went fine</p>").toString("base64") });
    assert.match(String(note.id), /^069\w{15}$/);
    await h.conn.sobject("ContentDocumentLink").create({ ContentDocumentId: note.id, LinkedEntityId: contact.id, ShareType: "V" });
    const doc = await h.conn.query<{ FileType: string; Title: string }>(`SELECT Title, FileType FROM ContentDocument WHERE Id = '${note.id}'`);
    assert.deepEqual([doc.records[0]?.Title, doc.records[0]?.FileType], ["Visit note", "SNOTE"]);
    assert.equal((await h.conn.sobject("ContentNote").retrieve(note.id ?? "")).TextPreview, "Test visit went fine");
  } finally {
    await h.close();
  }
});

test("Task and Event derive their fields; WhoId and WhatId are polymorphic", async () => {
  const h = await startHarness();
  try {
    const contact = await h.conn.sobject("Contact").create({ LastName: "Visitor" });
    const acc = await h.conn.sobject("Account").create({ Name: "Visit Place" });
    const task = await h.conn.sobject("Task").create({ Subject: "Call back", WhoId: contact.id, WhatId: acc.id, ActivityDate: "2024-03-01" });
    const t = await h.conn.sobject("Task").retrieve(task.id ?? "");
    assert.deepEqual([t.Status, t.Priority, t.IsClosed], ["Not Started", "Normal", false]);
    await h.conn.sobject("Task").update({ Id: task.id ?? "", Status: "Completed" });
    assert.equal((await h.conn.sobject("Task").retrieve(task.id ?? "")).IsClosed, true);
    const ev = await h.conn.sobject("Event").create({ Subject: "Appointment", StartDateTime: "2024-03-01T09:00:00Z", DurationInMinutes: 30, WhoId: contact.id, Description: "Routine" });
    const e = await h.conn.sobject("Event").retrieve(ev.id ?? "");
    assert.deepEqual([e.EndDateTime, e.ActivityDateTime, e.ActivityDate, e.IsChild], ["2024-03-01T09:30:00.000+0000", "2024-03-01T09:00:00.000+0000", "2024-03-01", false]);
    const byEnd = await h.conn.sobject("Event").create({ Subject: "Long", StartDateTime: "2024-03-01T09:00:00Z", EndDateTime: "2024-03-01T11:00:00Z" });
    assert.equal((await h.conn.sobject("Event").retrieve(byEnd.id ?? "")).DurationInMinutes, 120);
    assert.equal((await rejection(h.conn.sobject("Event").create({ Subject: "No time", StartDateTime: "2024-03-01T09:00:00Z" }))).errorCode, "REQUIRED_FIELD_MISSING");
    const q = await h.conn.query<{ Who: { Name: string; Type: string }; What: { Type: string } | null }>("SELECT Who.Name, Who.Type, What.Type FROM Event WHERE Subject = 'Appointment'");
    assert.deepEqual([q.records[0]?.Who.Name, q.records[0]?.Who.Type, q.records[0]?.What], ["Visitor", "Contact", null]);
    assert.equal((await rejection(h.conn.sobject("Task").create({ Subject: "x", WhoId: acc.id }))).errorCode, "FIELD_INTEGRITY_EXCEPTION");
    const opp = await h.conn.sobject("Opportunity").create({ Name: "Deal", StageName: "Closed Won", CloseDate: "2024-04-01", AccountId: acc.id });
    const o = await h.conn.sobject("Opportunity").retrieve(opp.id ?? "");
    assert.deepEqual([o.Probability, o.IsWon, o.IsClosed], [100, true, true]);
    assert.equal((await rejection(h.conn.sobject("Opportunity").create({ Name: "Deal", StageName: "Maybe", CloseDate: "2024-04-01" }))).errorCode, "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");
  } finally {
    await h.close();
  }
});
