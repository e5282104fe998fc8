/** Activity tables (task, phonecall, appointment, email), activity parties, activitypointer and notes. */
import type { TableDef } from "./model.js";
import { OWNED_COLUMNS, bool, build, dateTime, int, memo, picklist, str } from "./table-builder.js";
import type { Columns, StateSpec } from "./table-builder.js";

export const ACTIVITY_TYPES = ["task", "phonecall", "appointment", "email"] as const;
export const REGARDING_TARGETS = ["account", "contact", "opportunity"] as const;
/** Activity states in which the row is read-only except for a state change. */
export const CLOSED_ACTIVITY_STATES: readonly number[] = [1, 2];

const regarding = (activity: string): Columns[string] => ({
  type: "Lookup",
  targets: REGARDING_TARGETS,
  navNames: Object.fromEntries(REGARDING_TARGETS.map((t) => [t, `regardingobjectid_${t}_${activity}`])),
});

function common(activity: string, subjectMax: number, descriptionMax: number): Columns {
  return {
    subject: str(subjectMax),
    description: memo(descriptionMax),
    scheduledstart: dateTime, scheduledend: dateTime, actualstart: dateTime, actualend: dateTime,
    actualdurationminutes: int(0), scheduleddurationminutes: int(0),
    prioritycode: picklist([0, "Low"], [1, "Normal"], [2, "High"]),
    regardingobjectid: regarding(activity),
    activitytypecode: { type: "EntityName", readOnly: true },
    ...OWNED_COLUMNS,
  };
}

const open = (statuses: StateSpec["statuses"]): StateSpec => ({ state: 0, label: "Open", statuses });
const completed = (statuses: StateSpec["statuses"]): StateSpec => ({ state: 1, label: "Completed", statuses });
const canceled = (status: number): StateSpec => ({ state: 2, label: "Canceled", statuses: [[status, "Canceled"]] });

/** Spec §9.3 state/status pairs. */
const STATES: Readonly<Record<(typeof ACTIVITY_TYPES)[number], readonly StateSpec[]>> = {
  task: [open([[2, "Not Started"], [3, "In Progress"], [4, "Waiting on someone else"], [7, "Deferred"]]), completed([[5, "Completed"]]), canceled(6)],
  phonecall: [open([[1, "Open"]]), completed([[2, "Made"], [4, "Received"]]), canceled(3)],
  appointment: [
    open([[1, "Free"], [2, "Tentative"]]), completed([[3, "Completed"]]), canceled(4),
    { state: 3, label: "Scheduled", statuses: [[5, "Busy"], [6, "Out of Office"]] },
  ],
  email: [
    open([[1, "Draft"], [8, "Failed"]]),
    completed([[2, "Completed"], [3, "Sent"], [4, "Received"], [6, "Pending Send"], [7, "Sending"]]),
    canceled(5),
  ],
};

const OTC = { task: 4212, phonecall: 4210, appointment: 4201, email: 4202 } as const;
const SETS = { task: "tasks", phonecall: "phonecalls", appointment: "appointments", email: "emails" } as const;

function activity(name: (typeof ACTIVITY_TYPES)[number], extra: Columns, subjectMax: number, descriptionMax: number): TableDef {
  return build(name, {
    entitySetName: SETS[name], primaryId: "activityid", primaryName: "subject", objectTypeCode: OTC[name],
    ownershipType: "UserOwned", isActivity: true, states: STATES[name],
    partyCollection: name === "task" ? undefined : `${name}_activity_parties`,
    columns: { ...common(name, subjectMax, descriptionMax), ...extra },
  });
}

export function ACTIVITY_TABLES(): TableDef[] {
  const noteTargets = [...REGARDING_TARGETS, ...ACTIVITY_TYPES];
  return [
    activity("task", { percentcomplete: int(0, 100) }, 200, 2000),
    activity("phonecall", { phonenumber: str(200, "Phone"), directioncode: bool("Incoming", "Outgoing") }, 200, 2000),
    activity("appointment", { location: str(200), isalldayevent: bool() }, 200, 2000),
    activity("email", { directioncode: bool("Incoming", "Outgoing"), sender: str(250), torecipients: str(500) }, 800, 1_048_576),
    build("activityparty", {
      entitySetName: "activityparties", primaryId: "activitypartyid", primaryName: "partyidname", objectTypeCode: 135,
      ownershipType: "None",
      columns: {
        activityid: { type: "Lookup", targets: ACTIVITY_TYPES },
        partyid: { type: "Lookup", targets: ["account", "contact", "systemuser"] },
        participationtypemask: picklist(
          [1, "Sender"], [2, "To Recipient"], [3, "CC Recipient"], [4, "BCC Recipient"], [5, "Required attendee"],
          [6, "Optional attendee"], [7, "Organizer"], [8, "Regarding"], [9, "Owner"], [10, "Resource"], [11, "Customer"],
        ),
        addressused: str(320),
        partyidname: { type: "String", maxLength: 4000, readOnly: true },
        versionnumber: { type: "BigInt", readOnly: true },
      },
    }),
    build("activitypointer", {
      entitySetName: "activitypointers", primaryId: "activityid", primaryName: "subject", objectTypeCode: 4200,
      ownershipType: "UserOwned", unionOf: ACTIVITY_TYPES, display: ["Activity", "Activities"],
      states: [
        open([[1, "Open"], [2, "Not Started"], [3, "In Progress"], [4, "Waiting on someone else"], [7, "Deferred"], [8, "Failed"]]),
        { state: 1, label: "Completed", statuses: [[5, "Completed"]] },
        { state: 2, label: "Canceled", statuses: [[6, "Canceled"]] },
        { state: 3, label: "Scheduled", statuses: [[9, "Busy"]] },
      ],
      columns: { ...common("activitypointer", 400, 1_048_576) },
    }),
    build("annotation", {
      entitySetName: "annotations", primaryId: "annotationid", primaryName: "subject", objectTypeCode: 5,
      ownershipType: "UserOwned", display: ["Note", "Notes"],
      columns: {
        subject: str(500),
        notetext: memo(100_000),
        isdocument: bool(),
        filename: str(255),
        mimetype: str(256),
        documentbody: memo(1_073_741_823),
        filesize: { type: "Integer", readOnly: true },
        objectid: { type: "Lookup", targets: noteTargets },
        objecttypecode: { type: "EntityName" },
        ...OWNED_COLUMNS,
      },
    }),
  ];
}
