import { test } from "node:test";
import assert from "node:assert/strict";
import type { PlannedTable } from "../../contracts/target.js";
import { attributeDefinition, relationshipDefinition, tableDefinition } from "./schema.js";
import { relationshipSchemaName, schemaCase } from "./schema-names.js";

const table: PlannedTable = {
  name: "hc_patientpractice", label: "Patient practice", pluralLabel: "Patient practices", primaryName: "hc_name",
  primaryNameMaxLength: 200, ownership: "organization", hasNotes: true, reason: "patients at practices",
};
const en = (text: string) => ({
  "@odata.type": "Microsoft.Dynamics.CRM.Label",
  LocalizedLabels: [{ "@odata.type": "Microsoft.Dynamics.CRM.LocalizedLabel", Label: text, LanguageCode: 1033 }],
});

test("schema names: prefix kept, each later part capitalised; logical name is the lowercase", () => {
  assert.equal(schemaCase("hc_patient"), "hc_Patient");
  assert.equal(schemaCase("hc_start_date"), "hc_Start_Date");
  assert.equal(schemaCase("account"), "account");
  assert.equal(schemaCase("hc_patientpractice").toLowerCase(), "hc_patientpractice");
  assert.equal(relationshipSchemaName({ table: "hc_patientpractice", name: "hc_patient", type: "lookup", lookupTarget: "contact", label: "P", reason: "r" }),
    "hc_contact_patientpractice_patient");
  assert.equal(relationshipSchemaName({ table: "contact", name: "hc_plan", type: "lookup", lookupTarget: "hc_treatmentplan", label: "P", reason: "r" }),
    "hc_treatmentplan_contact_plan");
});

test("table body: EntityMetadata with one primary name StringAttributeMetadata", () => {
  const body = tableDefinition(table);
  assert.deepEqual({ ...body, Attributes: undefined }, {
    "@odata.type": "Microsoft.Dynamics.CRM.EntityMetadata",
    SchemaName: "hc_Patientpractice",
    DisplayName: en("Patient practice"),
    DisplayCollectionName: en("Patient practices"),
    Description: en("patients at practices"),
    OwnershipType: "OrganizationOwned",
    HasNotes: true,
    HasActivities: false,
    IsActivity: false,
    Attributes: undefined,
  });
  const attrs = body.Attributes as Record<string, unknown>[];
  assert.equal(attrs.length, 1);
  assert.deepEqual(attrs[0], {
    "@odata.type": "Microsoft.Dynamics.CRM.StringAttributeMetadata", SchemaName: "hc_Name", IsPrimaryName: true,
    AttributeType: "String", AttributeTypeName: { Value: "StringType" }, MaxLength: 200, FormatName: { Value: "Text" },
    DisplayName: en("Name"), Description: en("Primary name of Patient practice"),
    RequiredLevel: { Value: "None", CanBeChanged: true, ManagedPropertyLogicalName: "canmodifyrequirementlevelsettings" },
  });
  const defaults = tableDefinition({ name: "hc_visit", label: "Visit", pluralLabel: "Visits", primaryName: "hc_name", reason: "r" });
  assert.equal(defaults.OwnershipType, "UserOwned");
  assert.equal(defaults.HasNotes, false);
  assert.equal((defaults.Attributes as { MaxLength: number }[])[0]?.MaxLength, 100);
});

test("relationship body: OneToMany with a Lookup, referential cascade, referenced primary key", () => {
  const body = relationshipDefinition(
    { table: "hc_patientpractice", name: "hc_patient", type: "lookup", lookupTarget: "contact", label: "Patient", reason: "the patient" },
    { entitySet: "contacts", primaryId: "contactid" },
  );
  assert.deepEqual(body, {
    "@odata.type": "Microsoft.Dynamics.CRM.OneToManyRelationshipMetadata",
    SchemaName: "hc_contact_patientpractice_patient",
    ReferencedEntity: "contact",
    ReferencedAttribute: "contactid",
    ReferencingEntity: "hc_patientpractice",
    CascadeConfiguration: { Assign: "NoCascade", Delete: "RemoveLink", Merge: "NoCascade", Reparent: "NoCascade", Share: "NoCascade", Unshare: "NoCascade" },
    Lookup: {
      "@odata.type": "Microsoft.Dynamics.CRM.LookupAttributeMetadata", AttributeType: "Lookup", AttributeTypeName: { Value: "LookupType" },
      SchemaName: "hc_Patient", DisplayName: en("Patient"), Description: en("the patient"),
      RequiredLevel: { Value: "None", CanBeChanged: true, ManagedPropertyLogicalName: "canmodifyrequirementlevelsettings" },
    },
  });
});

test("a lookup is never sent as a bare attribute", () => {
  assert.throws(() => attributeDefinition({ table: "contact", name: "hc_plan", type: "lookup", lookupTarget: "hc_plan", label: "Plan", reason: "r" }), /relationship/);
});
