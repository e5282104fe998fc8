/**
 * GET /$metadata: a faithful subset of Dataverse's CSDL — one EntityType per table (key, properties,
 * lookup `_x_value` properties with their navigation properties) and one EntitySet per table.
 */
import type { DvResponse } from "./context.js";
import type { MetadataContext } from "./metadata.js";
import { manyToOneJson } from "./metadata-json.js";
import { LOOKUP_TYPES, navigationName } from "./model.js";
import type { AttributeType, ColumnDef, TableDef } from "./model.js";
import type { Store } from "./store.js";

const EDM: Readonly<Record<AttributeType, string>> = {
  String: "Edm.String", Memo: "Edm.String", EntityName: "Edm.String", MultiSelectPicklist: "Edm.String",
  Integer: "Edm.Int32", Picklist: "Edm.Int32", State: "Edm.Int32", Status: "Edm.Int32", BigInt: "Edm.Int64",
  Decimal: "Edm.Decimal", Money: "Edm.Decimal", Boolean: "Edm.Boolean", DateTime: "Edm.DateTimeOffset",
  Uniqueidentifier: "Edm.Guid", Lookup: "Edm.Guid", Customer: "Edm.Guid", Owner: "Edm.Guid",
};

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

function property(c: ColumnDef): string {
  if (LOOKUP_TYPES.has(c.type)) return `<Property Name="_${esc(c.logicalName)}_value" Type="Edm.Guid"/>`;
  const type = c.type === "DateTime" && c.format === "DateOnly" ? "Edm.Date" : EDM[c.type];
  const extra = c.type === "String" || c.type === "Memo" ? ` Unicode="false"` : c.type === "Decimal" || c.type === "Money" ? ` Scale="Variable"` : "";
  return `<Property Name="${esc(c.logicalName)}" Type="${type}"${extra}/>`;
}

function entityType(store: Store, t: TableDef): string {
  const parts = [`<EntityType Name="${esc(t.logicalName)}" BaseType="mscrm.crmbaseentity">`, `<Key><PropertyRef Name="${esc(t.primaryId)}"/></Key>`];
  for (const c of t.columns) parts.push(property(c));
  const rels = manyToOneJson(t, store);
  for (const c of t.columns) {
    if (!LOOKUP_TYPES.has(c.type)) continue;
    for (const target of c.targets ?? []) {
      const targetTable = store.table(target);
      if (!targetTable) continue;
      const partner = rels.find((r) => r.ReferencingAttribute === c.logicalName && r.ReferencedEntity === target)?.ReferencedEntityNavigationPropertyName;
      parts.push(
        `<NavigationProperty Name="${esc(navigationName(c, target))}" Type="mscrm.${esc(target)}" Nullable="false"${partner ? ` Partner="${esc(String(partner))}"` : ""}>` +
          `<ReferentialConstraint Property="_${esc(c.logicalName)}_value" ReferencedProperty="${esc(targetTable.primaryId)}"/></NavigationProperty>`,
      );
    }
  }
  for (const child of store.tables.values()) {
    if (child.unionOf) continue;
    for (const r of manyToOneJson(child, store)) {
      if (r.ReferencedEntity !== t.logicalName) continue;
      parts.push(`<NavigationProperty Name="${esc(String(r.ReferencedEntityNavigationPropertyName))}" Type="Collection(mscrm.${esc(child.logicalName)})" Partner="${esc(String(r.ReferencingEntityNavigationPropertyName))}"/>`);
    }
  }
  for (const r of store.manyToMany) {
    if (r.entity1 === t.logicalName) parts.push(`<NavigationProperty Name="${esc(r.nav1)}" Type="Collection(mscrm.${esc(r.entity2)})"/>`);
    if (r.entity2 === t.logicalName && r.nav2 !== r.nav1) parts.push(`<NavigationProperty Name="${esc(r.nav2)}" Type="Collection(mscrm.${esc(r.entity1)})"/>`);
  }
  if (t.partyCollection) parts.push(`<NavigationProperty Name="${esc(t.partyCollection)}" Type="Collection(mscrm.activityparty)"/>`);
  parts.push("</EntityType>");
  return parts.join("");
}

export function csdl(store: Store): string {
  const tables = [...store.tables.values()];
  return [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>`,
    `<Schema Namespace="Microsoft.Dynamics.CRM" Alias="mscrm" xmlns="http://docs.oasis-open.org/odata/ns/edm">`,
    `<EntityType Name="crmbaseentity" Abstract="true"/>`,
    ...tables.map((t) => entityType(store, t)),
    `<EntityContainer Name="System">`,
    ...tables.map((t) => `<EntitySet Name="${esc(t.entitySetName)}" EntityType="Microsoft.Dynamics.CRM.${esc(t.logicalName)}"/>`),
    `</EntityContainer></Schema></edmx:DataServices></edmx:Edmx>`,
  ].join("\n");
}

export function csdlResponse(ctx: MetadataContext): DvResponse {
  return { status: 200, headers: { "Content-Type": "application/xml" }, body: csdl(ctx.store) };
}
