/**
 * The schema plan as an unmanaged solution (.zip) a customizer can import instead of letting us
 * create columns through the Web API. The zip holds, at its root, the three files an exported
 * unmanaged solution has: [Content_Types].xml, solution.xml (ImportExportXml/SolutionManifest:
 * UniqueName, LocalizedNames, Version, Managed=0, Publisher, RootComponents) and customizations.xml
 * (Entities with attributes and EntityKeys). Learn: alm/solution-concepts-alm and
 * developer/data-platform/reference/entities/solutioncomponent (componenttype 1 = Entity;
 * rootcomponentbehavior 0 = include subcomponents, 1 = do not include subcomponents, 2 = include
 * as shell only). Standard tables go in as shells (2): their own metadata isn't carried, only the
 * columns and keys listed under them; custom tables with everything (0).
 * Unverified (no org to import into): that shell-only roots carry the listed new columns (a
 * maker-portal export may list them as separate type-2 root components by MetadataId), the ImportExportXml version attributes an importer accepts
 * (we write 9.2 values), whether Publisher needs its Addresses block, and field security profiles
 * (not exported: apply them with applyFieldSecurity after import; IsSecured on columns is exported).
 */
import { strToU8, zipSync } from "fflate";
import type { PlannedColumn, PlannedKey, SchemaPlan } from "../../contracts/target.js";
import { entityXml, relationshipXml, tableSchemaName } from "./solution-export-entities.js";
import { el, labels, toXml } from "./solution-export-xml.js";

export interface SolutionOptions {
  readonly uniqueName: string;
  readonly displayName: string;
  readonly publisher: {
    readonly uniqueName: string;
    readonly displayName?: string;
    /** Customization prefix: every planned column, key and table must start with "<prefix>_". */
    readonly prefix: string;
    /** Choice values start at optionValuePrefix × 10,000 (10000–99999). */
    readonly optionValuePrefix: number;
  };
  /** "1.0.0.0" (two to four numbers). */
  readonly version: string;
  readonly description?: string;
}

export class SolutionExportError extends Error {
  override readonly name = "SolutionExportError";
}

const XSI = "http://www.w3.org/2001/XMLSchema-instance";
const PACKAGE_VERSION = { version: "9.2.0.0", SolutionPackageVersion: "9.2", languagecode: "1033", generatedBy: "CrmLive", "xmlns:xsi": XSI };

function check(plan: SchemaPlan, options: SolutionOptions): void {
  const problems: string[] = [];
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(options.uniqueName)) problems.push("the solution's unique name must be letters, digits and underscores");
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(options.publisher.uniqueName)) problems.push("the publisher's unique name must be letters, digits and underscores");
  if (!/^[a-z][a-z0-9]{1,7}$/.test(options.publisher.prefix) || options.publisher.prefix.startsWith("mscrm")) {
    problems.push("the prefix must be 2–8 lowercase letters or digits, starting with a letter, not 'mscrm'");
  }
  const ovp = options.publisher.optionValuePrefix;
  if (!Number.isInteger(ovp) || ovp < 10_000 || ovp > 99_999) problems.push("the option value prefix must be a whole number from 10000 to 99999");
  if (!/^\d+(\.\d+){1,3}$/.test(options.version)) problems.push("the version must look like 1.0.0.0");
  const prefix = `${options.publisher.prefix}_`;
  for (const name of [...plan.columns.map((c) => c.name), ...plan.keys.map((k) => k.name), ...(plan.tables ?? []).map((t) => t.name)]) {
    if (!name.startsWith(prefix)) problems.push(`'${name}' does not start with the publisher prefix '${prefix}'`);
  }
  for (const c of plan.columns) if (c.type === "lookup" && !c.lookupTarget) problems.push(`lookup '${c.table}.${c.name}' does not say which table it points at`);
  if (problems.length > 0) throw new SolutionExportError(problems.join("; "));
}

/** Tables in first-mention order: custom tables first (their columns may be looked up by others). */
function tablesOf(plan: SchemaPlan): string[] {
  const names = new Set<string>((plan.tables ?? []).map((t) => t.name));
  for (const item of [...plan.columns, ...plan.keys]) names.add(item.table);
  return [...names];
}

export function solutionXml(plan: SchemaPlan, options: SolutionOptions): string {
  const custom = new Set((plan.tables ?? []).map((t) => t.name));
  const nil = { "xsi:nil": "true" };
  return toXml(el("ImportExportXml", PACKAGE_VERSION,
    el("SolutionManifest",
      el("UniqueName", options.uniqueName),
      labels("LocalizedNames", "LocalizedName", options.displayName),
      options.description ? labels("Descriptions", "Description", options.description) : el("Descriptions"),
      el("Version", options.version),
      el("Managed", "0"),
      el("Publisher",
        el("UniqueName", options.publisher.uniqueName),
        labels("LocalizedNames", "LocalizedName", options.publisher.displayName ?? options.publisher.uniqueName),
        el("Descriptions"),
        el("EMailAddress", nil),
        el("SupportingWebsiteUrl", nil),
        el("CustomizationPrefix", options.publisher.prefix),
        el("CustomizationOptionValuePrefix", String(options.publisher.optionValuePrefix)),
        el("Addresses"),
      ),
      el("RootComponents", tablesOf(plan).map((t) =>
        el("RootComponent", { type: "1", schemaName: custom.has(t) ? t : tableSchemaName(t), behavior: custom.has(t) ? "0" : "2" }))),
      el("MissingDependencies"),
    ),
  ));
}

export function customizationsXml(plan: SchemaPlan, options: SolutionOptions): string {
  const byTable = <T extends PlannedColumn | PlannedKey>(items: readonly T[], table: string) => items.filter((i) => i.table === table);
  const entities = tablesOf(plan).map((t) =>
    entityXml(t, byTable(plan.columns, t), byTable(plan.keys, t), (plan.tables ?? []).find((c) => c.name === t), options.version));
  return toXml(el("ImportExportXml", { "xmlns:xsi": XSI },
    el("Entities", entities),
    el("Roles"),
    el("Workflows"),
    el("FieldSecurityProfiles"),
    el("Templates"),
    el("EntityMaps"),
    el("EntityRelationships", plan.columns.flatMap((c) =>
      c.type === "lookup" && c.lookupTarget ? [relationshipXml({ ...c, lookupTarget: c.lookupTarget }, options.version)] : [])),
    el("OrganizationSettings"),
    el("optionsets"),
    el("CustomControls"),
    el("EntityDataProviders"),
    el("Languages", el("Language", "1033")),
  ));
}

/** [Content_Types].xml of solution packages: every .xml part is an octet stream. */
export function contentTypesXml(): string {
  return toXml(el("Types", { xmlns: "http://schemas.openxmlformats.org/package/2006/content-types" },
    el("Default", { Extension: "xml", ContentType: "application/octet-stream" })));
}

/** The importable zip. Pure: same plan and options, same bytes (fixed timestamps). */
export function exportSolution(plan: SchemaPlan, options: SolutionOptions): Uint8Array {
  check(plan, options);
  const mtime = new Date(Date.UTC(2000, 0, 1));
  return zipSync({
    "[Content_Types].xml": [strToU8(contentTypesXml()), { mtime }],
    "solution.xml": [strToU8(solutionXml(plan, options)), { mtime }],
    "customizations.xml": [strToU8(customizationsXml(plan, options)), { mtime }],
  });
}
