import type { TargetUser } from "../../contracts/target.js";
import type { Session } from "./client.js";
import { normalizeId } from "./keys.js";

interface RawUser {
  readonly systemuserid?: string;
  readonly internalemailaddress?: string | null;
  readonly fullname?: string | null;
  readonly isdisabled?: boolean;
}

/**
 * Users by email, case-insensitively. We read every user that has an email (4 columns, paged)
 * and match lowercased on our side: an org has few users next to the rows we migrate, and this
 * doesn't depend on the server's collation (Dataverse compares case-insensitively; a sandbox
 * may not). Emails that match nobody are absent; an email shared by two users returns both.
 */
export async function findUsers(session: Session, emails: readonly string[]): Promise<readonly TargetUser[]> {
  const wanted = new Set(emails.map((e) => e.trim().toLowerCase()).filter((e) => e !== ""));
  if (wanted.size === 0) return [];
  const response = await session.call((api) =>
    api.retrieveAll<RawUser>({
      collection: "systemusers",
      select: ["systemuserid", "internalemailaddress", "fullname", "isdisabled"],
      filter: "internalemailaddress ne null",
    }),
  );
  const users: TargetUser[] = [];
  for (const raw of response?.value ?? []) {
    const email = raw.internalemailaddress?.trim();
    const id = normalizeId(raw.systemuserid);
    if (!email || !id || !wanted.has(email.toLowerCase())) continue;
    users.push({ id, email, fullName: raw.fullname ?? "", active: raw.isdisabled !== true });
  }
  return users;
}
