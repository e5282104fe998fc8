import type { Rng } from "./prng.js";
import { CsvWriter } from "./csv-writer.js";
import type { Dirt } from "./manifest.js";
import { isoLocalTimestamp } from "./formats.js";
import { DAY, minuteText, officeMinute } from "./minutes.js";
import { appointmentsNow, type WrittenAppointment } from "./appointments.js";
import { patientId, type WrittenPatient } from "./patients.js";
import type { Provider } from "./providers.js";
import { messageKinds } from "./care-lists.js";

export const communicationColumns = [
  "CommID", "PatientID", "StaffProviderID", "Direction", "Channel", "Subject", "MessageBody", "BodyEncoding", "SentDate",
  "ReadDate", "LastModified",
] as const;

type Column = (typeof communicationColumns)[number];
const at = (column: Column): number => communicationColumns.indexOf(column);

/**
 * communication_logs.csv (LF): what went between the practice and the patient — reminders the day
 * before a visit (e-mail or SMS, for ~40% of visits already due), portal messages, calls and intake
 * submissions (0-2 more per patient). Outbound rows name the staff member who sent them; inbound
 * portal messages that were read carry ReadDate.
 *
 * Dirt: ~4% of bodies encrypted in Visual Practice and exported base64 (BodyEncoding = Base64:
 * base64-note); ~10% of portal messages stamped by the portal "YYYY-MM-DDTHH:mm:ss", no zone
 * (alt-date-format in SentDate); ~0.3% PatientID of no patient (dangling-reference).
 */
export function writeCommunicationLogs(rng: Rng, path: string, patientCount: number, providers: readonly Provider[], dirt: Dirt[]) {
  const writer = new CsvWriter(path, communicationColumns, { eol: "\n" });
  const reminders = messageKinds.filter((k) => k.subject === "Appointment reminder");
  const others = messageKinds.filter((k) => k.subject !== "Appointment reminder");
  const table = "communication_logs";
  let next = 0;

  return {
    async write(patient: WrittenPatient, appointments: readonly WrittenAppointment[]): Promise<void> {
      if (patient.malformed) return;
      const messages: { kind: (typeof messageKinds)[number]; sent: number; staff: string }[] = [];
      for (const visit of appointments) {
        const sent = Math.floor(visit.start / DAY) * DAY - DAY + 10 * 60;
        if (sent <= appointmentsNow && rng.chance(0.4)) messages.push({ kind: rng.pick(reminders), sent, staff: visit.providerId });
      }
      for (let k = rng.int(0, 2); k > 0; k -= 1) messages.push({ kind: rng.pick(others), sent: officeMinute(rng, patient.created), staff: rng.pick(providers).id });
      messages.sort((a, b) => a.sent - b.sent);

      for (const { kind, sent, staff } of messages) {
        const key = `CL${String(++next).padStart(7, "0")}`;
        const read = kind.direction === "Inbound" && kind.channel === "Portal Message" && rng.chance(0.8) ? Math.min(appointmentsNow, sent + rng.int(5, 3 * DAY)) : undefined;
        const fields: string[] = [
          key, patient.key, kind.direction === "Outbound" || rng.chance(0.5) ? staff : "", kind.direction, kind.channel, kind.subject, kind.body, "",
          minuteText(sent), read !== undefined ? minuteText(read) : "", minuteText(read ?? sent),
        ];
        let planted: ((row: number) => Dirt) | undefined;
        const roll = rng.next();
        if (roll < 0.04) {
          fields[at("MessageBody")] = Buffer.from(kind.body, "utf8").toString("base64");
          fields[at("BodyEncoding")] = "Base64";
          planted = (row) => ({ kind: "base64-note", table, key, row, column: "MessageBody", flagColumn: "BodyEncoding" });
        } else if (roll < 0.043) {
          const value = patientId(patientCount + rng.int(0, 999));
          fields[at("PatientID")] = value;
          planted = (row) => ({ kind: "dangling-reference", table, key, row, column: "PatientID", value });
        } else if (kind.channel === "Portal Message" && roll < 0.143) {
          fields[at("SentDate")] = isoLocalTimestamp(Math.floor(sent / DAY), sent % DAY);
          planted = (row) => ({ kind: "alt-date-format", table, key, row, column: "SentDate" });
        }
        const row = await writer.write(fields);
        if (planted) dirt.push(planted(row));
      }
    },
    async close(): Promise<{ rows: number; bytes: number }> {
      return { rows: writer.rows, bytes: await writer.close() };
    },
  };
}
