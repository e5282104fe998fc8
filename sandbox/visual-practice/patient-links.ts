import type { Rng } from "./prng.js";
import { CsvWriter } from "./csv-writer.js";
import type { Dirt } from "./manifest.js";
import { today, usDate, usTimestamp } from "./formats.js";
import type { Practice } from "./practices.js";

export const linkColumns = ["LinkID", "PatientID", "PracticeID", "LinkRole", "StartDate", "LastModified"] as const;

/**
 * patient_practices.csv (LF): most patients one link, ~10% two or three (each with a different
 * LastModified, so "most recent" is well defined), ~3% none. A `danglingPracticeId` makes that
 * patient's one link point at a practice that isn't in practices.csv. `write` returns the
 * practices the patient is linked to that exist (none for the dangling one), for appointments.
 */
export function writeLinks(rng: Rng, path: string, practices: readonly Practice[], dirt: Dirt[]) {
  const writer = new CsvWriter(path, linkColumns, { eol: "\n" });
  let next = 1;
  return {
    async write(patientKey: string, created: number, danglingPracticeId?: string): Promise<readonly string[]> {
      const roll = rng.next();
      const count = danglingPracticeId ? 1 : roll < 0.03 ? 0 : roll < 0.13 ? Math.min(practices.length, rng.int(2, 3)) : 1;
      if (count === 0) {
        dirt.push({ kind: "no-practice", key: patientKey });
        return [];
      }
      const chosen = new Set<Practice>();
      while (chosen.size < count) chosen.add(rng.pick(practices));
      const picked = [...chosen];
      // Days from disjoint 40-day windows before "today": LastModified orders the links without ties.
      const days = rng.shuffle(Array.from({ length: count }, (_, k) => k)).map((k) => today - 1 - k * 40 - rng.int(0, 39));
      let mostRecent = { day: -Infinity, practiceId: "" };
      for (let k = 0; k < count; k += 1) {
        const practiceId = danglingPracticeId ?? picked[k]?.id ?? "";
        const day = days[k] ?? today;
        if (day > mostRecent.day) mostRecent = { day, practiceId };
        const linkId = `L${String(next++).padStart(7, "0")}`;
        const row = await writer.write([
          linkId,
          patientKey,
          practiceId,
          k === 0 ? "Primary Care" : "Referring Practice",
          usDate(created + rng.int(0, 30)),
          usTimestamp(day, rng.int(0, 1439)),
        ]);
        if (danglingPracticeId) {
          dirt.push({ kind: "dangling-reference", table: "patient_practices", key: linkId, row, column: "PracticeID", value: danglingPracticeId });
        }
      }
      if (count > 1) dirt.push({ kind: "several-practices", key: patientKey, count, mostRecentPracticeId: mostRecent.practiceId });
      return danglingPracticeId ? [] : picked.map((practice) => practice.id);
    },
    async close(): Promise<{ rows: number; bytes: number }> {
      const bytes = await writer.close();
      return { rows: writer.rows, bytes };
    },
  };
}
