import type { Rng } from "../visual-practice/prng.js";
import { today } from "../visual-practice/formats.js";
import { firstNames, lastNames } from "../visual-practice/word-lists.js";
import { TableWriter } from "../core-practice/table-writer.js";
import { DAY, exportNow, money } from "../core-practice/formats.js";
import { firstNames1252, lastNames1252 } from "../core-practice/word-lists.js";
import type { Dirt } from "./manifest.js";
import { auDate, auTimestamp, badDates } from "./formats.js";
import { clientId, type WrittenClient } from "./clients.js";
import { referralReasons, referredOutTo, referringPractices } from "./care-lists.js";

export const referralColumns = [
  "Referral ID", "Client ID", "Direction", "Source Type", "Referrer", "Referrer Practice", "Referred To", "Reason", "Status", "Value",
  "Referral Date", "Expiry Date", "Last Updated",
] as const;

type Column = (typeof referralColumns)[number];
const at = (column: Column): number => referralColumns.indexOf(column);
const table = "referrals";

const ascii = (text: string) => /^[\x20-\x7e]*$/.test(text);
const asciiFirst = firstNames.filter(ascii);
const asciiLast = lastNames.filter(ascii);

/**
 * Referrals.csv, saved from Excel as plain "CSV (Comma delimited)": Windows-1252, CRLF, no BOM —
 * unlike the clinic's other files. Inbound referrals for clients "Referred By" a GP or an insurer
 * (a 12-month chronic-care or work-injury referral, with the approved value of a work-injury
 * one), and ~4% of clients referred out (to imaging, a surgeon…). Referring doctors' names are
 * plain ASCII but ~15% with letters only Windows-1252 has (’ Š Ž, accents).
 *
 * Dirt: windows-1252-text (each such name), ~15% Referrer Practice spelled another way
 * (name-variant), ~0.5% bad-date in Referral Date, ~0.5% Client ID of no client (orphan-row).
 */
export function writeReferrals(rng: Rng, path: string, clientCount: number, dirt: Dirt[]) {
  const writer = new TableWriter(path, referralColumns, { delimiter: ",", eol: "\r\n", encoding: "windows-1252" });
  let next = 0;

  async function referral(client: WrittenClient, inbound: boolean): Promise<void> {
    const key = `REF${String(++next).padStart(6, "0")}`;
    const practice = rng.pick(referringPractices);
    const accented = rng.chance(0.15);
    const doctor = accented ? `Dr ${rng.pick(firstNames1252)} ${rng.pick(lastNames1252)}` : `Dr ${rng.pick(asciiFirst)} ${rng.pick(asciiLast)}`;
    const workInjury = inbound && client.referredBy === "Insurer";
    const day = rng.int(Math.max(client.created - 30, 0), today - 1);
    const status = inbound ? rng.pick(["Received", "Accepted", "Booked", "Completed", "Completed", "Expired"]) : rng.pick(["Sent", "Sent", "Acknowledged", "Declined"]);
    const fields: string[] = [
      key, client.key, inbound ? "Inbound" : "Outbound", inbound ? (workInjury ? "Insurer" : "GP") : "Clinic", inbound ? doctor : "", inbound ? practice.name : "",
      inbound ? "This clinic" : rng.pick(referredOutTo), rng.pick(referralReasons), status, money(workInjury ? rng.pick([80_000, 120_000, 150_000]) : 0),
      auDate(day), inbound ? auDate(day + 365) : "", auTimestamp(Math.min(exportNow, (day + rng.int(0, 30)) * DAY + rng.int(480, 1080))),
    ];
    let planted: ((row: number) => Dirt) | undefined;
    const roll = rng.next();
    if (roll < 0.15 && inbound) {
      const value = rng.pick(practice.variants);
      fields[at("Referrer Practice")] = value;
      planted = (row) => ({ kind: "name-variant", table, key, row, column: "Referrer Practice", value, canonical: practice.name });
    } else if (roll < 0.155) {
      fields[at("Referral Date")] = rng.pick(badDates);
      planted = (row) => ({ kind: "bad-date", table, key, row, column: "Referral Date" });
    } else if (roll < 0.16) {
      const value = clientId(clientCount + rng.int(0, 999));
      fields[at("Client ID")] = value;
      planted = (row) => ({ kind: "orphan-row", table, key, row, column: "Client ID", value });
    }
    const row = await writer.write(fields);
    if (planted) dirt.push(planted(row));
    const name = fields[at("Referrer")] ?? "";
    if (!ascii(name)) dirt.push({ kind: "windows-1252-text", table, key, row, column: "Referrer", text: name });
  }

  return {
    async write(client: WrittenClient): Promise<void> {
      if (client.malformed) return;
      if (client.referredBy === "GP referral" || client.referredBy === "Insurer") await referral(client, true);
      if (rng.chance(0.04)) await referral(client, false);
    },
    async close(): Promise<{ rows: number; bytes: number }> {
      return { rows: writer.rows, bytes: await writer.close() };
    },
  };
}
