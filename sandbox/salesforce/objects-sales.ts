/** Sales Cloud core objects: Account, Contact, AccountContactRelation, Opportunity, Lead. */
import { field, lookup, picklist, readOnly, required } from "./field-def.js";
import type { FieldDef } from "./field-def.js";
import { defineObject } from "./object-def.js";
import type { ObjectDef } from "./object-def.js";

const INDUSTRIES = [
  "Agriculture", "Apparel", "Banking", "Biotechnology", "Chemicals", "Communications", "Construction", "Consulting", "Education",
  "Electronics", "Energy", "Engineering", "Entertainment", "Environmental", "Finance", "Food & Beverage", "Government", "Healthcare",
  "Hospitality", "Insurance", "Machinery", "Manufacturing", "Media", "Not For Profit", "Recreation", "Retail", "Shipping", "Technology",
  "Telecommunications", "Transportation", "Utilities", "Other",
];
const LEAD_SOURCES = ["Web", "Phone Inquiry", "Partner Referral", "Purchased List", "Other"];

/** Stage → default Probability, as in a fresh Developer org's sales process. */
export const OPPORTUNITY_STAGES: ReadonlyMap<string, number> = new Map([
  ["Prospecting", 10], ["Qualification", 10], ["Needs Analysis", 20], ["Value Proposition", 50], ["Id. Decision Makers", 60],
  ["Perception Analysis", 70], ["Proposal/Price Quote", 75], ["Negotiation/Review", 90], ["Closed Won", 100], ["Closed Lost", 0],
]);

const address = (prefix: string): FieldDef[] => [
  field(`${prefix}Street`, "textarea", { length: 255 }),
  field(`${prefix}City`, "string", { length: 40 }),
  field(`${prefix}State`, "string", { length: 80 }),
  field(`${prefix}PostalCode`, "string", { length: 20, label: `${prefix} Zip/Postal Code` }),
  field(`${prefix}Country`, "string", { length: 80 }),
];

export function salesObjects(): ObjectDef[] {
  const account = defineObject("Account", "001", [
    required("Name", "string", { nameField: true, label: "Account Name" }),
    lookup("ParentId", ["Account"], { label: "Parent Account ID" }),
    picklist("Type", ["Prospect", "Customer - Direct", "Customer - Channel", "Channel Partner / Reseller", "Installation Partner", "Technology Partner", "Other"], { label: "Account Type" }),
    picklist("Industry", INDUSTRIES),
    ...address("Billing"),
    ...address("Shipping"),
    field("Phone", "phone", { label: "Account Phone" }),
    field("Fax", "phone", { label: "Account Fax" }),
    field("Website", "url"),
    field("AccountNumber", "string", { length: 40 }),
    field("NumberOfEmployees", "int", { label: "Employees" }),
    field("AnnualRevenue", "currency"),
    field("Description", "textarea", { length: 32000, label: "Account Description" }),
  ], { owner: true });

  const contact = defineObject("Contact", "003", [
    picklist("Salutation", ["Mr.", "Ms.", "Mrs.", "Dr.", "Prof.", "Mx."]),
    field("FirstName", "string", { length: 40 }),
    required("LastName", "string", { length: 80 }),
    readOnly("Name", "string", { length: 121, nameField: true, label: "Full Name", nillable: false, defaultedOnCreate: true }),
    lookup("AccountId", ["Account"], { label: "Account ID", cascadeDelete: true }),
    lookup("ReportsToId", ["Contact"], { label: "Reports To ID" }),
    field("Title", "string", { length: 128 }),
    field("Department", "string", { length: 80 }),
    field("Birthdate", "date"),
    field("Email", "email", { idLookup: true }),
    field("Phone", "phone", { label: "Business Phone" }),
    field("MobilePhone", "phone"),
    field("HomePhone", "phone"),
    field("OtherPhone", "phone"),
    ...address("Mailing"),
    ...address("Other"),
    picklist("LeadSource", LEAD_SOURCES),
    field("Description", "textarea", { length: 32000, label: "Contact Description" }),
  ], { owner: true });

  const relation = defineObject("AccountContactRelation", "07k", [
    required("AccountId", "reference", { referenceTo: ["Account"], relationshipName: "Account", updateable: false, cascadeDelete: true }),
    required("ContactId", "reference", { referenceTo: ["Contact"], relationshipName: "Contact", updateable: false, cascadeDelete: true }),
    field("Roles", "multipicklist", {
      picklistValues: ["Business User", "Decision Maker", "Economic Buyer", "Economic Decision Maker", "Evaluator", "Executive Sponsor", "Influencer", "Technical Buyer", "Other"],
    }),
    readOnly("IsDirect", "boolean", { nillable: false, defaultedOnCreate: true }),
    field("IsActive", "boolean", { nillable: false, defaultedOnCreate: true, defaultValue: true }),
    field("StartDate", "date"),
    field("EndDate", "date"),
  ], { label: "Account Contact Relationship" });

  const opportunity = defineObject("Opportunity", "006", [
    required("Name", "string", { length: 120, nameField: true }),
    lookup("AccountId", ["Account"], { label: "Account ID", cascadeDelete: true }),
    lookup("ContactId", ["Contact"], { label: "Contact ID" }),
    required("StageName", "picklist", { length: 255, picklistValues: [...OPPORTUNITY_STAGES.keys()], restrictedPicklist: true, label: "Stage" }),
    required("CloseDate", "date"),
    field("Amount", "currency"),
    field("Probability", "percent", { precision: 3, defaultedOnCreate: true, label: "Probability (%)" }),
    picklist("Type", ["Existing Customer - Upgrade", "Existing Customer - Replacement", "Existing Customer - Downgrade", "New Customer"], { label: "Opportunity Type" }),
    picklist("LeadSource", LEAD_SOURCES),
    readOnly("IsClosed", "boolean", { nillable: false, defaultedOnCreate: true, label: "Closed" }),
    readOnly("IsWon", "boolean", { nillable: false, defaultedOnCreate: true, label: "Won" }),
    field("Description", "textarea", { length: 32000 }),
  ], { owner: true });

  const lead = defineObject("Lead", "00Q", [
    field("FirstName", "string", { length: 40 }),
    required("LastName", "string", { length: 80 }),
    readOnly("Name", "string", { length: 121, nameField: true, label: "Full Name", nillable: false, defaultedOnCreate: true }),
    required("Company", "string"),
    field("Email", "email", { idLookup: true }),
    field("Phone", "phone"),
    picklist("Status", ["Open - Not Contacted", "Working - Contacted", "Closed - Converted", "Closed - Not Converted"], {
      nillable: false, defaultedOnCreate: true, defaultValue: "Open - Not Contacted", restrictedPicklist: true,
    }),
  ], { owner: true });

  return [account, contact, relation, opportunity, lead];
}
