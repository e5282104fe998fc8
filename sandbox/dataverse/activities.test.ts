import { test } from "node:test";
import assert from "node:assert/strict";
import { startHarness } from "./test-helpers.js";

type DvErr = { status: number; code: string; message: string };

test("task: create open, PATCH to completed; statecode alone gets the default status; bad pair and closed edits are refused", async () => {
  const h = await startHarness();
  try {
    const contactId = await h.api.create<object, string>({ collection: "contacts", data: { lastname: "Ng" } });
    const taskId = await h.api.create<object, string>({
      collection: "tasks",
      data: { subject: "Call back", prioritycode: 2, scheduledend: "2024-05-01T09:00:00Z", "regardingobjectid_contact_task@odata.bind": `/contacts(${contactId})` },
    });
    const open = await h.api.retrieve({ collection: "tasks", key: taskId, select: ["statecode", "statuscode", "_regardingobjectid_value", "activitytypecode"] });
    assert.deepEqual([open.statecode, open.statuscode, open._regardingobjectid_value, open.activitytypecode], [0, 2, contactId, "task"]);
    await assert.rejects(h.api.update({ collection: "tasks", key: taskId, data: { statecode: 1, statuscode: 6 } }), (e: DvErr) =>
      e.status === 400 && e.code === "0x80048408" && e.message.startsWith("6 is not a valid status code for state code TaskState.Completed"));
    assert.equal(await h.api.update({ collection: "tasks", key: taskId, data: { statecode: 1, statuscode: 5, actualend: "2024-05-02T10:00:00Z" } }), true);
    await assert.rejects(h.api.update({ collection: "tasks", key: taskId, data: { subject: "edit" } }), (e: DvErr) =>
      e.status === 400 && e.message === "Cannot update Closed or Cancelled Activity");
    // Reopen (state change only), then statecode alone → default status.
    assert.equal(await h.api.update({ collection: "tasks", key: taskId, data: { statecode: 0, statuscode: 3 } }), true);
    await h.api.update({ collection: "tasks", key: taskId, data: { statecode: 2 } });
    const canceled = await h.api.retrieve({ collection: "tasks", key: taskId, select: ["statecode", "statuscode"] });
    assert.deepEqual([canceled.statecode, canceled.statuscode], [2, 6]);
    // Created directly as completed is accepted too.
    const done = await h.api.create<object, Record<string, unknown>>({ collection: "tasks", data: { subject: "Done", statecode: 1, statuscode: 5 }, returnRepresentation: true });
    assert.equal(done.statuscode, 5);
    await assert.rejects(h.api.create({ collection: "tasks", data: { subject: "x".repeat(201) } }), (e: DvErr) => e.code === "0x80044331");
    await assert.rejects(h.api.create({ collection: "tasks", data: { subject: "r", "regardingobjectid_contact@odata.bind": `/contacts(${contactId})` } }), (e: DvErr) => e.code === "0x80048d19");
  } finally {
    await h.sandbox.close();
  }
});

test("email with activity parties: readable via activityparties filter and $expand; activitypointers lists all activities", async () => {
  const h = await startHarness();
  try {
    const contactId = await h.api.create<object, string>({ collection: "contacts", data: { firstname: "Ada", lastname: "L" } });
    const accountId = await h.api.create<object, string>({ collection: "accounts", data: { name: "Clinic" } });
    const who = await h.api.callFunction<{ UserId: string }>("WhoAmI");
    const emailId = await h.api.create<object, string>({
      collection: "emails",
      data: {
        subject: "Results", description: "<p>hi</p>",
        email_activity_parties: [
          { "partyid_systemuser@odata.bind": `/systemusers(${who.UserId})`, participationtypemask: 1 },
          { "partyid_contact@odata.bind": `/contacts(${contactId})`, participationtypemask: 2 },
          { "partyid_account@odata.bind": `/accounts(${accountId})`, participationtypemask: 3 },
        ],
      },
    });
    const parties = await h.api.retrieveMultiple({ collection: "activityparties", filter: `_activityid_value eq ${emailId}`, select: ["participationtypemask", "_partyid_value", "partyidname"], orderBy: ["participationtypemask"] });
    assert.deepEqual(parties.value.map((p) => [p.participationtypemask, p._partyid_value]), [[1, who.UserId], [2, contactId], [3, accountId]]);
    assert.equal(parties.value[1]?.partyidname, "Ada L");
    const expanded = await h.api.retrieve({ collection: "emails", key: emailId, select: ["subject"], expand: [{ property: "email_activity_parties", select: ["participationtypemask"] }] });
    assert.equal((expanded.email_activity_parties as unknown[]).length, 3);
    await h.api.create({ collection: "phonecalls", data: { subject: "Rang", phonenumber: "555", directioncode: true, phonecall_activity_parties: [{ "partyid_contact@odata.bind": `/contacts(${contactId})`, participationtypemask: 2 }] } });
    await h.api.create({ collection: "appointments", data: { subject: "Visit", location: "Room 1", scheduledstart: "2024-06-01T09:00:00Z", scheduledend: "2024-06-01T09:30:00Z" } });
    const all = await h.api.retrieveMultiple({ collection: "activitypointers", select: ["subject", "activitytypecode"], orderBy: ["subject"] });
    assert.deepEqual(all.value.map((a) => a.activitytypecode), ["phonecall", "email", "appointment"]);
    await assert.rejects(h.api.create({ collection: "activitypointers", data: { subject: "no" } }), (e: DvErr) => e.status === 405);
  } finally {
    await h.sandbox.close();
  }
});

test("opportunity: customer lookup, money/date-only columns and state transitions", async () => {
  const h = await startHarness();
  try {
    const accountId = await h.api.create<object, string>({ collection: "accounts", data: { name: "Buyer" } });
    const id = await h.api.create<object, string>({
      collection: "opportunities",
      data: { name: "Renewal", "customerid_account@odata.bind": `/accounts(${accountId})`, estimatedvalue: 1234.567, estimatedclosedate: "2024-09-30", closeprobability: 40, salesstage: 1, stepname: "Develop" },
    });
    const o = await h.api.retrieve({ collection: "opportunities", key: id, select: ["estimatedvalue", "estimatedclosedate", "_customerid_value", "statuscode"], expand: [{ property: "customerid_account", select: ["name"] }] });
    assert.equal(o.estimatedvalue, 1234.57);
    assert.equal(o.estimatedclosedate, "2024-09-30");
    assert.equal(o._customerid_value, accountId);
    assert.equal((o.customerid_account as { name: string }).name, "Buyer");
    assert.equal(o.statuscode, 1);
    await assert.rejects(h.api.update({ collection: "opportunities", key: id, data: { closeprobability: 101 } }), (e: DvErr) => e.code === "0x8004431A");
    await h.api.update({ collection: "opportunities", key: id, data: { statecode: 1 } });
    assert.equal((await h.api.retrieve({ collection: "opportunities", key: id, select: ["statuscode"] })).statuscode, 3);
    await assert.rejects(h.api.update({ collection: "opportunities", key: id, data: { statecode: 2, statuscode: 5 } }), (e: DvErr) =>
      e.status === 400 && e.message.startsWith("The state transition requested is not valid"));
    await h.api.update({ collection: "opportunities", key: id, data: { statecode: 0, statuscode: 2 } });
    await h.api.update({ collection: "opportunities", key: id, data: { statecode: 2, statuscode: 5 } });
    assert.equal((await h.api.retrieve({ collection: "opportunities", key: id, select: ["statecode"] })).statecode, 2);
  } finally {
    await h.sandbox.close();
  }
});

test("owner can be a team; overriddencreatedon is honoured on create and ignored on update", async () => {
  const h = await startHarness();
  try {
    const teamId = await h.api.create<object, string>({ collection: "teams", data: { name: "Front desk", teamtype: 0 } });
    const id = await h.api.create<object, string>({
      collection: "contacts", data: { lastname: "T", "ownerid@odata.bind": `/teams(${teamId})`, overriddencreatedon: "2015-03-04T05:06:07Z" },
    });
    const c = await h.api.retrieve({ collection: "contacts", key: id, select: ["_ownerid_value", "createdon", "overriddencreatedon"], includeAnnotations: "*" });
    assert.equal(c._ownerid_value, teamId);
    assert.equal(c._ownerid_value_LogicalName, "team");
    assert.equal((c.createdon as Date).toISOString(), "2015-03-04T05:06:07.000Z");
    assert.ok((c.overriddencreatedon as Date).getTime() > Date.parse("2020-01-01"));
    await h.api.update({ collection: "contacts", key: id, data: { overriddencreatedon: "2001-01-01T00:00:00Z" } });
    const after = await h.api.retrieve({ collection: "contacts", key: id, select: ["createdon"] });
    assert.equal((after.createdon as Date).toISOString(), "2015-03-04T05:06:07.000Z");
    const addr = await h.api.create<object, Record<string, unknown>>({
      collection: "contacts", returnRepresentation: true,
      data: { lastname: "A", address1_line1: "1 Main St", address1_city: "Springfield", address1_stateorprovince: "IL", address1_postalcode: "62701", address1_country: "US" },
    });
    assert.equal(addr.address1_composite, "1 Main St\r\nSpringfield, IL 62701\r\nUS");
  } finally {
    await h.sandbox.close();
  }
});
