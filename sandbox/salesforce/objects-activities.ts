/** Task and Event, with the polymorphic WhoId (Contact/Lead) and WhatId (non-person records). */
import { field, lookup, picklist, readOnly } from "./field-def.js";
import type { FieldDef } from "./field-def.js";
import { defineObject } from "./object-def.js";
import type { ObjectDef } from "./object-def.js";

/** Objects WhatId may point to before any custom object exists (tooling adds custom ones). */
export const WHAT_TARGETS: readonly string[] = ["Account", "Opportunity"];
export const TASK_STATUSES = ["Not Started", "In Progress", "Completed", "Waiting on someone else", "Deferred"] as const;

const who = (): FieldDef => lookup("WhoId", ["Contact", "Lead"], { relationshipName: "Who", label: "Name ID" });
const what = (): FieldDef => lookup("WhatId", WHAT_TARGETS, { relationshipName: "What", label: "Related To ID" });

export function activityObjects(): ObjectDef[] {
  const task = defineObject("Task", "00T", [
    field("Subject", "string", { nameField: true }),
    picklist("Status", TASK_STATUSES, { nillable: false, defaultedOnCreate: true, defaultValue: "Not Started", restrictedPicklist: true }),
    picklist("Priority", ["High", "Normal", "Low"], { nillable: false, defaultedOnCreate: true, defaultValue: "Normal", restrictedPicklist: true }),
    field("ActivityDate", "date", { label: "Due Date Only" }),
    field("Description", "textarea", { length: 32000, label: "Comments" }),
    who(),
    what(),
    picklist("TaskSubtype", ["Task", "Email", "ListEmail", "Cadence", "Call"], { updateable: false, defaultedOnCreate: true, defaultValue: "Task" }),
    picklist("CallType", ["Internal", "Inbound", "Outbound"]),
    field("CallDurationInSeconds", "int", { label: "Call Duration" }),
    field("CallDisposition", "string", { label: "Call Result" }),
    readOnly("IsClosed", "boolean", { nillable: false, defaultedOnCreate: true, label: "Closed" }),
    readOnly("CompletedDateTime", "datetime"),
  ], { owner: true, labelPlural: "Tasks" });

  const event = defineObject("Event", "00U", [
    field("Subject", "string", { nameField: true }),
    field("StartDateTime", "datetime"),
    field("EndDateTime", "datetime"),
    field("ActivityDateTime", "datetime", { label: "Due Date Time" }),
    field("ActivityDate", "date", { label: "Due Date Only" }),
    field("DurationInMinutes", "int", { label: "Duration" }),
    field("IsAllDayEvent", "boolean", { nillable: false, defaultedOnCreate: true, defaultValue: false, label: "All-Day Event" }),
    field("Location", "string"),
    picklist("ShowAs", ["Busy", "OutOfOffice", "Free", "Working Elsewhere"], { defaultedOnCreate: true, defaultValue: "Busy", label: "Show Time As" }),
    field("IsPrivate", "boolean", { nillable: false, defaultedOnCreate: true, defaultValue: false, label: "Private" }),
    readOnly("IsChild", "boolean", { nillable: false, defaultedOnCreate: true, label: "Is Child" }),
    field("Description", "textarea", { length: 32000 }),
    who(),
    what(),
  ], { owner: true });

  return [task, event];
}
