/** Standard table definitions (as data) for a fresh sandbox org: core CRM tables. */
import type { OptionDef, TableDef } from "./model.js";
import { ACTIVITY_TABLES } from "./tables-activities.js";
import { SALES_TABLES } from "./tables-sales.js";
import { SECURITY_TABLES } from "./tables-security.js";
import { ACTIVE_INACTIVE, AUDIT_COLUMNS, OWNED_COLUMNS, build, dateOnly, int, memo, picklist, str } from "./table-builder.js";
import type { ColSpec, Columns } from "./table-builder.js";

/** address1_composite is computed from the parts (read-only), like Dataverse does. */
const ADDRESS1: Columns = {
  address1_line1: str(250), address1_line2: str(250), address1_line3: str(250), address1_city: str(80),
  address1_stateorprovince: str(50), address1_postalcode: str(20), address1_country: str(80),
  address1_composite: { type: "Memo", maxLength: 1000, readOnly: true },
};

const INDUSTRY: readonly OptionDef[] = [
  { value: 1, label: "Accounting" }, { value: 7, label: "Consulting" },
  { value: 19, label: "Health Care" }, { value: 33, label: "Pharmaceuticals" }, { value: 37, label: "Other" },
];
const readOnlyName = (maxLength: number): ColSpec => ({ type: "String", maxLength, format: "Text", readOnly: true });

function coreTables(): TableDef[] {
  return [
    build("account", {
      entitySetName: "accounts", primaryId: "accountid", primaryName: "name", objectTypeCode: 1,
      ownershipType: "UserOwned", states: ACTIVE_INACTIVE,
      columns: {
        name: str(160, "Text", "ApplicationRequired"), accountnumber: str(20),
        parentaccountid: { type: "Lookup", targets: ["account"] },
        primarycontactid: { type: "Lookup", targets: ["contact"] },
        telephone1: str(50, "Phone"), emailaddress1: str(100, "Email"), websiteurl: str(200, "Url"),
        ...ADDRESS1, description: memo(2000),
        numberofemployees: int(0, 1_000_000_000),
        industrycode: { type: "Picklist", options: INDUSTRY },
        ...OWNED_COLUMNS,
      },
    }),
    build("contact", {
      entitySetName: "contacts", primaryId: "contactid", primaryName: "fullname", objectTypeCode: 2,
      ownershipType: "UserOwned", states: ACTIVE_INACTIVE,
      columns: {
        firstname: str(50), middlename: str(50), lastname: str(50, "Text", "ApplicationRequired"),
        fullname: readOnlyName(160),
        birthdate: dateOnly,
        gendercode: picklist([1, "Male"], [2, "Female"]),
        emailaddress1: str(100, "Email"), telephone1: str(50, "Phone"), telephone2: str(50, "Phone"),
        mobilephone: str(50, "Phone"), ...ADDRESS1,
        parentcustomerid: { type: "Customer", targets: ["account", "contact"] },
        description: memo(2000),
        ...OWNED_COLUMNS,
      },
    }),
    build("systemuser", {
      entitySetName: "systemusers", primaryId: "systemuserid", primaryName: "fullname", objectTypeCode: 8,
      ownershipType: "BusinessOwned",
      columns: {
        fullname: readOnlyName(200),
        firstname: str(64), lastname: str(64), internalemailaddress: str(100, "Email"), domainname: str(1024),
        azureactivedirectoryobjectid: { type: "Uniqueidentifier" },
        isdisabled: { type: "Boolean", options: [{ value: 0, label: "Enabled" }, { value: 1, label: "Disabled" }] },
        businessunitid: { type: "Lookup", targets: ["businessunit"], required: "SystemRequired" },
        ...AUDIT_COLUMNS,
      },
    }),
    build("team", {
      entitySetName: "teams", primaryId: "teamid", primaryName: "name", objectTypeCode: 9, ownershipType: "BusinessOwned",
      columns: {
        name: str(160, "Text", "SystemRequired"), businessunitid: { type: "Lookup", targets: ["businessunit"] },
        teamtype: picklist([0, "Owner"], [1, "Access"], [2, "Security Group"], [3, "Office Group"]),
        description: memo(2000),
        ...AUDIT_COLUMNS,
      },
    }),
    build("businessunit", {
      entitySetName: "businessunits", primaryId: "businessunitid", primaryName: "name", objectTypeCode: 10,
      ownershipType: "BusinessOwned",
      columns: { name: str(160), ...AUDIT_COLUMNS },
    }),
    build("connectionrole", {
      entitySetName: "connectionroles", primaryId: "connectionroleid", primaryName: "name", objectTypeCode: 3231,
      ownershipType: "OrganizationOwned", states: ACTIVE_INACTIVE,
      columns: {
        name: str(100), description: memo(1000),
        category: picklist(
          [1, "Business"], [2, "Family"], [3, "Social"], [4, "Sales"], [5, "Other"],
          [1000, "Stakeholder"], [1001, "Sales Team"], [1002, "Service"],
        ),
        ...AUDIT_COLUMNS,
      },
    }),
    build("connection", {
      entitySetName: "connections", primaryId: "connectionid", primaryName: "name", objectTypeCode: 3234,
      ownershipType: "UserOwned", states: ACTIVE_INACTIVE,
      columns: {
        name: readOnlyName(500),
        record1id: { type: "Lookup", targets: ["account", "contact"] },
        record2id: { type: "Lookup", targets: ["account", "contact"] },
        record1roleid: { type: "Lookup", targets: ["connectionrole"] },
        record2roleid: { type: "Lookup", targets: ["connectionrole"] },
        description: memo(4000),
        effectivestart: dateOnly,
        effectiveend: dateOnly,
        ...OWNED_COLUMNS,
      },
    }),
  ];
}

/** Fresh copies (definitions are mutated when custom columns/keys are added). */
export function standardTables(): TableDef[] {
  return [...coreTables(), ...SALES_TABLES(), ...ACTIVITY_TABLES(), ...SECURITY_TABLES()];
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
