/**
 * CRM users by email. SOQL compares strings case-insensitively (SOQL and SOSL Reference,
 * "Comparison Operators": "=" is case-insensitive for most fields), and we match again on our
 * side, so "Pat@Example.com" finds "pat@example.com" either way.
 */
import type { TargetUser } from "../../contracts/target.js";
import { queryOrFail } from "./ids-by-key.js";
import type { Session } from "./session.js";
import { inLists } from "./soql.js";

export async function findUsers(session: Session, emails: readonly string[]): Promise<readonly TargetUser[]> {
  const wanted = new Set(emails.map((e) => e.trim().toLowerCase()).filter((e) => e !== ""));
  if (wanted.size === 0) return [];
  const out = new Map<string, TargetUser>();
  for (const list of inLists([...wanted])) {
    const rows = await queryOrFail(session, "User", `SELECT Id, Email, Name, IsActive FROM User WHERE Email IN (${list})`);
    for (const row of rows) {
      const email = typeof row.Email === "string" ? row.Email : "";
      if (!wanted.has(email.toLowerCase()) || typeof row.Id !== "string") continue;
      out.set(row.Id, { id: row.Id, email, fullName: typeof row.Name === "string" ? row.Name : "", active: row.IsActive === true });
    }
  }
  return [...out.values()];
}
