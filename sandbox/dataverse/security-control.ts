/**
 * `/_sandbox/caller` and `/_sandbox/seed-teams` — test controls, not Dataverse:
 * - POST caller {token, systemuserid, admin?}: requests with that bearer token run as that user
 *   (admin defaults to false: field security applies to them);
 * - POST seed-teams [{name, members?: [email…]}]: teams (idempotent by name) and their
 *   teammembership_association members.
 */
import { randomUUID } from "node:crypto";
import { mapToken } from "./callers.js";
import type { DvResponse } from "./context.js";
import { isoSeconds } from "./model.js";
import type { Row } from "./model.js";
import type { Store } from "./store.js";

const json = (status: number, body: unknown): DvResponse => ({
  status, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
});

export function handleCaller(store: Store, body: unknown): DvResponse {
  const p = (body ?? {}) as { token?: unknown; systemuserid?: unknown; admin?: unknown };
  if (typeof p.token !== "string" || p.token === "" || typeof p.systemuserid !== "string") {
    return json(400, { error: "expected { token, systemuserid, admin? }" });
  }
  const userId = p.systemuserid.toLowerCase().replace(/[{}]/g, "");
  if (!store.get("systemuser", userId)) return json(404, { error: "no systemuser has this id" });
  mapToken(store, p.token, { userId, admin: p.admin === true });
  return json(200, { systemuserid: userId, admin: p.admin === true });
}

interface SeedTeam {
  readonly name: string;
  readonly members?: readonly string[];
}

const isSeedTeams = (v: unknown): v is SeedTeam[] =>
  Array.isArray(v) && v.every((t) => typeof t === "object" && t !== null && typeof (t as SeedTeam).name === "string" &&
    ((t as SeedTeam).members === undefined || (Array.isArray((t as SeedTeam).members) && (t as SeedTeam).members?.every((m) => typeof m === "string"))));

export function handleSeedTeams(store: Store, body: unknown): DvResponse {
  if (!isSeedTeams(body)) return json(400, { error: "expected an array of { name, members?: [email] }" });
  const teams = store.mustTable("team");
  const membership = store.manyToMany.find((r) => r.schemaName === "teammembership_association");
  const users = [...store.allRows("systemuser")];
  const now = isoSeconds(new Date());
  const out: { name: string; teamid: string; members: number }[] = [];
  for (const t of body) {
    let row: Row | undefined = [...store.allRows("team")].find((r) => String(r.name).toLowerCase() === t.name.toLowerCase());
    if (!row) {
      row = {
        teamid: randomUUID(), name: t.name, teamtype: 0, businessunitid: { id: store.org.businessUnitId, table: "businessunit" },
        createdon: now, modifiedon: now, versionnumber: store.nextVersion(),
      };
      store.put(teams, row);
    }
    const teamId = String(row.teamid);
    for (const email of t.members ?? []) {
      const user = users.find((u) => String(u.internalemailaddress).toLowerCase() === email.toLowerCase());
      const userId = user ? String(user.systemuserid) : undefined;
      if (userId && membership && !membership.pairs.some((p) => p[0] === userId && p[1] === teamId)) membership.pairs.push([userId, teamId]);
    }
    out.push({ name: t.name, teamid: teamId, members: membership?.pairs.filter((p) => p[1] === teamId).length ?? 0 });
  }
  store.touchSchema();
  return json(200, out);
}
