import type { Rng } from "../visual-practice/prng.js";
import { today } from "../visual-practice/formats.js";
import { firstNames } from "../visual-practice/word-lists.js";
import { TableWriter } from "../core-practice/table-writer.js";
import { dateParts, DAY } from "../core-practice/formats.js";
import type { Dirt } from "./manifest.js";
import { auDate, auTimestamp, badDates } from "./formats.js";
import { clientId, type WrittenClient } from "./clients.js";
import { coverLevels, payers } from "./care-lists.js";

export const insuranceColumns = [
  "Policy ID", "Client ID", "Payer", "Payer Code", "Policy No.", "Group No.", "Subscriber ID", "Subscriber Name", "Relationship",
  "Cover Level", "Eligibility", "Checked On", "Cover From", "Cover To", "Priority", "Last Updated",
] as const;

type Column = (typeof insuranceColumns)[number];
const at = (column: Column): number => insuranceColumns.indexOf(column);
const table = "insurance";
const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/** "1 Jul 2024": how a date typed into a spreadsheet cell by hand often reads. */
function longDate(days: number): string {
  const { y, m, d } = dateParts(days);
  return `${d} ${months[m - 1]} ${y}`;
}

/**
 * Insurance.csv (UTF-8 with a BOM, CRLF, as Excel saves "CSV UTF-8"): the client's health fund
 * (Payer = the client's Health Fund, Policy No. = their Fund Member No.), and for ~10% of clients
 * a workers' compensation or DVA claim number as a second payer. The subscriber is the client or
 * the family member whose policy covers them; eligibility was checked on the terminal or not yet.
 *
 * Dirt: ~3% Cover From in another shape (alt-date-format: ISO or "1 Jul 2024"), ~0.5% bad-date in
 * Cover To, ~3% Payer spelled another way than the client's Health Fund (name-variant), ~0.5%
 * Client ID of no client (orphan-row), ~0.5% policies entered twice under a new Policy ID with
 * the same Policy No. and another Checked On (near-duplicate).
 */
export function writeInsurance(rng: Rng, path: string, clientCount: number, dirt: Dirt[]) {
  const writer = new TableWriter(path, insuranceColumns, { delimiter: ",", eol: "\r\n", bom: true });
  let next = 0;

  async function policy(client: WrittenClient, payer: string, number: string, priority: number): Promise<void> {
    const key = `POL${String(++next).padStart(6, "0")}`;
    const known = payers[payer];
    const self = priority > 1 || rng.chance(0.7);
    const from = rng.int(Math.min(client.created, today - 60) - 700, today - 30);
    const to = rng.chance(0.15) ? rng.int(from + 30, today) : undefined;
    const checked = rng.chance(0.7) ? rng.int(from, today) : undefined;
    const fields: string[] = [
      key, client.key, payer, known?.code ?? "", number, priority === 1 && rng.chance(0.4) ? `G${rng.digits(4)}` : "",
      `${number}-${rng.int(1, 4)}`, self ? `${client.first} ${client.last}` : `${rng.pick(firstNames)} ${client.last}`,
      self ? "Self" : rng.pick(["Spouse", "Parent", "Dependant"]), priority === 1 ? rng.pick(coverLevels) : "Claim", to !== undefined ? "Not eligible" : checked !== undefined ? "Eligible" : "Not checked",
      checked !== undefined ? auDate(checked) : "", auDate(from), to !== undefined ? auDate(to) : "", String(priority),
      auTimestamp(Math.min(today, Math.max(checked ?? from, client.created)) * DAY + rng.int(480, 1080)),
    ];
    let planted: ((row: number) => Dirt) | undefined;
    const roll = rng.next();
    if (roll < 0.03) {
      const format = rng.pick(["YYYY-MM-DD", "D MMM YYYY"] as const);
      const { y, m, d } = dateParts(from);
      fields[at("Cover From")] = format === "YYYY-MM-DD" ? `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}` : longDate(from);
      planted = (row) => ({ kind: "alt-date-format", table, key, row, column: "Cover From", format });
    } else if (roll < 0.035) {
      fields[at("Cover To")] = rng.pick(badDates);
      planted = (row) => ({ kind: "bad-date", table, key, row, column: "Cover To" });
    } else if (roll < 0.065 && known) {
      const value = rng.pick(known.variants);
      fields[at("Payer")] = value;
      planted = (row) => ({ kind: "name-variant", table, key, row, column: "Payer", value, canonical: payer });
    } else if (roll < 0.07) {
      const value = clientId(clientCount + rng.int(0, 999));
      fields[at("Client ID")] = value;
      planted = (row) => ({ kind: "orphan-row", table, key, row, column: "Client ID", value });
    }
    const row = await writer.write(fields);
    if (planted) dirt.push(planted(row));
    if (!planted && rng.chance(0.005)) {
      const again = [...fields];
      const twin = `POL${String(++next).padStart(6, "0")}`;
      again[at("Policy ID")] = twin;
      again[at("Checked On")] = auDate(today - rng.int(0, 30));
      await writer.write(again);
      dirt.push({ kind: "near-duplicate", table, keys: [key, twin] });
    }
  }

  return {
    /** Writes the client's policies; returns whether they have health-fund cover (their visits are claimed). */
    async write(client: WrittenClient): Promise<boolean> {
      if (client.malformed) return false;
      if (client.fund) await policy(client, client.fund, client.memberNo, 1);
      if (rng.chance(0.1)) await policy(client, rng.pick(["Workers Comp (Coastal Insurance)", "DVA"]), `${rng.pick(["WC", "QX"])}${rng.digits(7)}`, client.fund ? 2 : 1);
      return client.fund !== "";
    },
    async close(): Promise<{ rows: number; bytes: number }> {
      return { rows: writer.rows, bytes: await writer.close() };
    },
  };
}
