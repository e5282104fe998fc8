import { writeFile } from "node:fs/promises";
import type { Rng } from "./prng.js";
import type { Dirt } from "./manifest.js";
import type { Provider } from "./providers.js";

/** A Dynamics systemuser as the sandbox CRM seeds it (the fields owner resolution reads). */
export interface CrmUser {
  readonly internalemailaddress: string;
  readonly fullname: string;
  readonly firstname: string;
  readonly lastname: string;
  readonly isdisabled: boolean;
}

/**
 * Writes crm-users.json: most providers have a CRM user (some with the e-mail in different letter
 * case), two have none, exactly one has a disabled user, and two users are not providers at all.
 */
export async function writeCrmUsers(rng: Rng, path: string, providers: readonly Provider[], dirt: Dirt[]): Promise<number> {
  const order = rng.shuffle(providers.map((_, index) => index));
  const unmatched = new Set(order.slice(0, 2));
  const disabled = order[2];
  const users: CrmUser[] = [];
  providers.forEach((provider, index) => {
    if (unmatched.has(index)) {
      dirt.push({ kind: "unmatched-provider-email", key: provider.id });
      return;
    }
    let address = provider.email;
    if (index !== disabled && rng.chance(0.25)) {
      const [local = "", domain = ""] = address.split("@");
      address = rng.chance(0.5) ? `${local}@${domain.toUpperCase()}` : `${local.charAt(0).toUpperCase()}${local.slice(1)}@${domain}`;
      dirt.push({ kind: "email-case-variant", key: provider.id });
    }
    if (index === disabled) dirt.push({ kind: "inactive-crm-user", key: provider.id });
    users.push({
      internalemailaddress: address,
      fullname: `${provider.firstName} ${provider.lastName}`,
      firstname: provider.firstName,
      lastname: provider.lastName,
      isdisabled: index === disabled,
    });
  });
  users.push(
    { internalemailaddress: "crm.admin@example.com", fullname: "CRM Administrator", firstname: "CRM", lastname: "Administrator", isdisabled: false },
    { internalemailaddress: "integration@example.com", fullname: "Integration User", firstname: "Integration", lastname: "User", isdisabled: false },
  );
  await writeFile(path, `${JSON.stringify(users, null, 2)}\n`, "utf8");
  return users.length;
}
