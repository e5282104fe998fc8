/**
 * A file too large for a note is linked instead: a SharePoint document location (folder) under
 * the parent row (Learn: reference/entities/sharepointdocumentlocation — name (required, 160),
 * relativeurl (255), parentsiteorlocation → sharepointsite | sharepointdocumentlocation,
 * regardingobjectid → the row). Uploading the bytes into that SharePoint folder is out of scope
 * here: the outcome flags "file-linked" and the file stays in the workspace for that step.
 */
import { HandoverError } from "../../contracts/handover-error.js";
import type { Session } from "./client.js";
import { filterLiteral, normalizeId } from "./keys.js";
import { navProperty, type MetadataCache } from "./metadata.js";

export const LOCATION_TABLE = "sharepointdocumentlocation";

export interface DocumentLocationConfig {
  /** The document location (or site) new folders go under: "sharepointsites(<id>)" or
   * "sharepointdocumentlocations(<id>)". */
  readonly parent: { readonly table: "sharepointsite" | "sharepointdocumentlocation"; readonly id: string };
  /** Display name of the locations we create. */
  readonly name?: string;
}

/** One folder per parent row, named like Dynamics names its own ("<table>_<id without dashes>"). */
export function folderName(parentTable: string, parentId: string): string {
  return `${parentTable}_${parentId.replace(/-/g, "").toUpperCase()}`;
}

/** The location for `parent` (existing one reused, else created); returns its id. */
export async function ensureDocumentLocation(
  session: Session,
  metadata: MetadataCache,
  config: DocumentLocationConfig,
  parent: { readonly table: string; readonly id: string },
): Promise<string> {
  const meta = await metadata.table(LOCATION_TABLE);
  const regarding = navProperty(meta, "regardingobjectid", parent.table);
  if (!regarding) throw new HandoverError("HO-TGT-005", { table: `${LOCATION_TABLE} → ${parent.table}` });
  const parentNav = navProperty(meta, "parentsiteorlocation", config.parent.table);
  if (!parentNav) throw new HandoverError("HO-TGT-005", { table: `${LOCATION_TABLE} → ${config.parent.table}` });
  const folder = folderName(parent.table, parent.id);
  const found = await session.call((api) =>
    api.retrieveMultiple<Record<string, unknown>>({
      collection: meta.entitySet,
      select: [meta.primaryId],
      filter: `_regardingobjectid_value eq ${parent.id} and relativeurl eq ${filterLiteral(folder)}`,
      top: 1,
    }),
  );
  const existing = normalizeId(found?.value?.[0]?.[meta.primaryId]);
  if (existing) return existing;
  const [parentAddress, rowAddress] = await Promise.all([metadata.address(config.parent.table), metadata.address(parent.table)]);
  const created = await session.call((api) =>
    api.create({
      collection: meta.entitySet,
      data: {
        name: (config.name ?? "Migrated documents").slice(0, 160),
        relativeurl: folder,
        [`${parentNav}@odata.bind`]: `/${parentAddress.entitySet}(${config.parent.id})`,
        [`${regarding}@odata.bind`]: `/${rowAddress.entitySet}(${parent.id})`,
      },
    }),
  );
  const id = normalizeId(created);
  if (!id) throw new Error("the document location was created without an id");
  return id;
}
