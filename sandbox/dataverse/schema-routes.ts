/** Routes the definition endpoints: EntityDefinitions, RelationshipDefinitions, GlobalOptionSetDefinitions, $metadata. */
import type { DvResponse } from "./context.js";
import { csdlResponse } from "./csdl.js";
import { handleGlobalOptionSets } from "./global-option-sets.js";
import { handleMetadata } from "./metadata.js";
import type { MetadataContext } from "./metadata.js";
import type { PathSegment } from "./odata-path.js";
import { handleRelationships } from "./relationships.js";

export function routeSchema(ctx: MetadataContext, segs: readonly PathSegment[]): DvResponse | undefined {
  switch (segs[0]?.name) {
    case "EntityDefinitions": return handleMetadata(ctx, segs);
    case "RelationshipDefinitions": return handleRelationships(ctx, segs);
    case "GlobalOptionSetDefinitions": return handleGlobalOptionSets(ctx, segs);
    case "$metadata": return csdlResponse(ctx);
    default: return undefined;
  }
}
