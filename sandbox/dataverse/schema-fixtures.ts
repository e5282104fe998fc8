/** Metadata request bodies shared by the schema tests. */
export const lbl = (text: string): { LocalizedLabels: { Label: string; LanguageCode: number }[] } => ({ LocalizedLabels: [{ Label: text, LanguageCode: 1033 }] });

export function tableBody(schemaName: string, primary = `${schemaName.split("_")[0]}_Name`): Record<string, unknown> {
  return {
    "@odata.type": "Microsoft.Dynamics.CRM.EntityMetadata", SchemaName: schemaName, DisplayName: lbl(schemaName),
    DisplayCollectionName: lbl(`${schemaName}s`), OwnershipType: "UserOwned", HasNotes: true, HasActivities: false, IsActivity: false,
    Attributes: [{
      "@odata.type": "Microsoft.Dynamics.CRM.StringAttributeMetadata", SchemaName: primary, IsPrimaryName: true, AttributeType: "String",
      AttributeTypeName: { Value: "StringType" }, MaxLength: 100, FormatName: { Value: "Text" }, DisplayName: lbl("Name"), RequiredLevel: { Value: "None" },
    }],
  };
}

export const attr = (type: string, schemaName: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  "@odata.type": `Microsoft.Dynamics.CRM.${type}AttributeMetadata`, SchemaName: schemaName, DisplayName: lbl(schemaName),
  RequiredLevel: { Value: "None" }, ...extra,
});

export const option = (value: number, label: string): Record<string, unknown> => ({ Value: value, Label: lbl(label) });
