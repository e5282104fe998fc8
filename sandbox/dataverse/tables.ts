/** Standard table definitions (as data) for a fresh sandbox org. */
import { stableGuid } from "./model.js";
import type { AttributeType, ColumnDef, OptionDef, RequiredLevelValue, TableDef } from "./model.js";

interface ColSpec {
  readonly type: AttributeType;
  readonly display?: string;
  readonly maxLength?: number;
  readonly format?: string;
  readonly targets?: readonly string[];
  readonly options?: readonly OptionDef[];
  readonly required?: RequiredLevelValue;
  readonly readOnly?: boolean;
  readonly createOnly?: boolean;
  readonly min?: number;
  readonly max?: number;
}

const str = (maxLength: number, format = "Text", required: RequiredLevelValue = "None"): ColSpec => ({
  type: "String", maxLength, format, required,
});
const memo = (maxLength: number): ColSpec => ({ type: "Memo", maxLength });
const readOnlyDate: ColSpec = { type: "DateTime", format: "DateAndTime", readOnly: true };

const ADDRESS1: Record<string, ColSpec> = {
  address1_line1: str(250), address1_line2: str(250), address1_city: str(80),
  address1_stateorprovince: str(50), address1_postalcode: str(20), address1_country: str(80),
};

/** Columns every user-owned table carries. */
const SYSTEM_COLUMNS = (stateLabels: readonly [string, string]): Record<string, ColSpec> => ({
  ownerid: { type: "Owner", targets: ["systemuser", "team"], required: "SystemRequired" },
  statecode: { type: "State", options: [{ value: 0, label: stateLabels[0] }, { value: 1, label: stateLabels[1] }] },
  statuscode: {
    type: "Status",
    options: [{ value: 1, label: stateLabels[0], state: 0 }, { value: 2, label: stateLabels[1], state: 1 }],
  },
  createdon: readOnlyDate,
  modifiedon: readOnlyDate,
  overriddencreatedon: { type: "DateTime", format: "DateAndTime", createOnly: true },
  versionnumber: { type: "BigInt", readOnly: true },
});

const ACTIVE_INACTIVE = [{ state: 0, defaultStatus: 1 }, { state: 1, defaultStatus: 2 }] as const;

function build(
  logicalName: string,
  spec: {
    entitySetName: string; primaryId: string; primaryName: string; objectTypeCode: number;
    ownershipType: TableDef["ownershipType"]; states?: TableDef["states"]; columns: Record<string, ColSpec>;
  },
): TableDef {
  const columns: ColumnDef[] = [];
  const all: Record<string, ColSpec> = { [spec.primaryId]: { type: "Uniqueidentifier", createOnly: true }, ...spec.columns };
  for (const [name, c] of Object.entries(all)) {
    columns.push({
      logicalName: name,
      schemaName: name,
      type: c.type,
      displayName: c.display ?? name,
      maxLength: c.maxLength,
      format: c.format,
      targets: c.targets,
      options: c.options,
      minValue: c.min,
      maxValue: c.max,
      requiredLevel: c.required ?? (name === spec.primaryId ? "SystemRequired" : "None"),
      isCustom: false,
      validForCreate: !c.readOnly,
      validForUpdate: !c.readOnly && !c.createOnly,
      metadataId: stableGuid(`attr:${logicalName}.${name}`),
    });
  }
  return {
    logicalName, schemaName: logicalName.charAt(0).toUpperCase() + logicalName.slice(1),
    entitySetName: spec.entitySetName, primaryId: spec.primaryId, primaryName: spec.primaryName,
    metadataId: stableGuid(`entity:${logicalName}`), objectTypeCode: spec.objectTypeCode, isCustom: false,
    ownershipType: spec.ownershipType, states: spec.states, columns, keys: [],
  };
}

const INDUSTRY: readonly OptionDef[] = [
  { value: 1, label: "Accounting" }, { value: 7, label: "Consulting" },
  { value: 19, label: "Health Care" }, { value: 33, label: "Pharmaceuticals" }, { value: 37, label: "Other" },
];

/** Fresh copies (definitions are mutated when custom columns/keys are added). */
export function standardTables(): TableDef[] {
  return [
    build("account", {
      entitySetName: "accounts", primaryId: "accountid", primaryName: "name", objectTypeCode: 1,
      ownershipType: "UserOwned", states: ACTIVE_INACTIVE,
      columns: {
        name: str(160, "Text", "ApplicationRequired"), accountnumber: str(20),
        parentaccountid: { type: "Lookup", targets: ["account"] },
        telephone1: str(50, "Phone"), emailaddress1: str(100, "Email"), websiteurl: str(200, "Url"),
        ...ADDRESS1, description: memo(2000),
        numberofemployees: { type: "Integer", min: 0, max: 1_000_000_000 },
        industrycode: { type: "Picklist", options: INDUSTRY },
        ...SYSTEM_COLUMNS(["Active", "Inactive"]),
      },
    }),
    build("contact", {
      entitySetName: "contacts", primaryId: "contactid", primaryName: "fullname", objectTypeCode: 2,
      ownershipType: "UserOwned", states: ACTIVE_INACTIVE,
      columns: {
        firstname: str(50), middlename: str(50), lastname: str(50, "Text", "ApplicationRequired"),
        fullname: { type: "String", maxLength: 160, format: "Text", readOnly: true },
        birthdate: { type: "DateTime", format: "DateOnly" },
        gendercode: { type: "Picklist", options: [{ value: 1, label: "Male" }, { value: 2, label: "Female" }] },
        emailaddress1: str(100, "Email"), telephone1: str(50, "Phone"), telephone2: str(50, "Phone"),
        mobilephone: str(50, "Phone"), ...ADDRESS1,
        parentcustomerid: { type: "Customer", targets: ["account", "contact"] },
        description: memo(2000),
        ...SYSTEM_COLUMNS(["Active", "Inactive"]),
      },
    }),
    build("systemuser", {
      entitySetName: "systemusers", primaryId: "systemuserid", primaryName: "fullname", objectTypeCode: 8,
      ownershipType: "BusinessOwned",
      columns: {
        fullname: { type: "String", maxLength: 200, format: "Text", readOnly: true },
        firstname: str(64), lastname: str(64), internalemailaddress: str(100, "Email"), domainname: str(1024),
        azureactivedirectoryobjectid: { type: "Uniqueidentifier" },
        isdisabled: { type: "Boolean" },
        businessunitid: { type: "Lookup", targets: ["businessunit"], required: "SystemRequired" },
        createdon: readOnlyDate, modifiedon: readOnlyDate, versionnumber: { type: "BigInt", readOnly: true },
      },
    }),
    build("team", {
      entitySetName: "teams", primaryId: "teamid", primaryName: "name", objectTypeCode: 9, ownershipType: "BusinessOwned",
      columns: {
        name: str(160), businessunitid: { type: "Lookup", targets: ["businessunit"] },
        createdon: readOnlyDate, modifiedon: readOnlyDate, versionnumber: { type: "BigInt", readOnly: true },
      },
    }),
    build("businessunit", {
      entitySetName: "businessunits", primaryId: "businessunitid", primaryName: "name", objectTypeCode: 10,
      ownershipType: "BusinessOwned",
      columns: { name: str(160), createdon: readOnlyDate, modifiedon: readOnlyDate, versionnumber: { type: "BigInt", readOnly: true } },
    }),
    build("connectionrole", {
      entitySetName: "connectionroles", primaryId: "connectionroleid", primaryName: "name", objectTypeCode: 3231,
      ownershipType: "OrganizationOwned", states: ACTIVE_INACTIVE,
      columns: {
        name: str(100), description: memo(1000),
        category: {
          type: "Picklist",
          options: [
            { value: 1, label: "Business" }, { value: 2, label: "Family" }, { value: 3, label: "Social" },
            { value: 4, label: "Sales" }, { value: 5, label: "Other" }, { value: 1000, label: "Stakeholder" },
            { value: 1001, label: "Sales Team" }, { value: 1002, label: "Service" },
          ],
        },
        statecode: { type: "State", options: [{ value: 0, label: "Active" }, { value: 1, label: "Inactive" }] },
        statuscode: { type: "Status", options: [{ value: 1, label: "Active", state: 0 }, { value: 2, label: "Inactive", state: 1 }] },
        createdon: readOnlyDate, modifiedon: readOnlyDate, versionnumber: { type: "BigInt", readOnly: true },
      },
    }),
    build("connection", {
      entitySetName: "connections", primaryId: "connectionid", primaryName: "name", objectTypeCode: 3234,
      ownershipType: "UserOwned", states: ACTIVE_INACTIVE,
      columns: {
        name: { type: "String", maxLength: 500, format: "Text", readOnly: true },
        record1id: { type: "Lookup", targets: ["account", "contact"] },
        record2id: { type: "Lookup", targets: ["account", "contact"] },
        record1roleid: { type: "Lookup", targets: ["connectionrole"] },
        record2roleid: { type: "Lookup", targets: ["connectionrole"] },
        description: memo(4000),
        effectivestart: { type: "DateTime", format: "DateOnly" },
        effectiveend: { type: "DateTime", format: "DateOnly" },
        ...SYSTEM_COLUMNS(["Active", "Inactive"]),
      },
    }),
  ];
}

/** Connection roles seeded into a fresh org: the two Handover needs plus standard ones. */
export const SEED_CONNECTION_ROLES: readonly { readonly name: string; readonly category: number }[] = [
  { name: "Primary Care", category: 1 },
  { name: "Referring Practice", category: 1 },
  { name: "Employer", category: 1 },
  { name: "Employee", category: 1 },
  { name: "Stakeholder", category: 1000 },
  { name: "Former Employee", category: 1 },
];
