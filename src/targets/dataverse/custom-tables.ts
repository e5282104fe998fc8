import type { Session } from "./client.js";

/**
 * How many custom tables the org has (edition limits: Sales Professional allows 15).
 * `GET EntityDefinitions?$select=LogicalName&$filter=IsCustomEntity eq true`.
 */
export async function countCustomTables(session: Session): Promise<number> {
  const response = await session.call((api) =>
    api.retrieveMultiple<{ LogicalName: string }>({ collection: "EntityDefinitions", select: ["LogicalName"], filter: "IsCustomEntity eq true" }),
  );
  return response?.value?.length ?? 0;
}
