/**
 * Made-up source tables for the matcher's tests, shaped like a Visual Practice export.
 * Every value is invented; SSNs use the never-issued 9xx area, phones the 555-01xx range.
 */
import type { SourceColumn, SourceTable } from "../../../contracts/source.js";
import { npiCheckDigit } from "./value-profile.js";

const ROWS = 400;

/** A column whose samples are all different and which is mostly unique in the table. */
export function unique(name: string, samples: readonly string[]): SourceColumn {
  return { name, samples, nonEmptyCount: ROWS, distinctCount: ROWS - 5, maxLength: longest(samples) };
}

/** A column with a few repeated values (codes, flags, states). */
export function repeated(name: string, samples: readonly string[]): SourceColumn {
  return { name, samples, nonEmptyCount: ROWS, distinctCount: samples.length, maxLength: longest(samples) };
}

export function empty(name: string): SourceColumn {
  return { name, samples: [], nonEmptyCount: 0, distinctCount: 0, maxLength: 0 };
}

function longest(samples: readonly string[]): number {
  return samples.reduce((max, s) => Math.max(max, s.length), 0);
}

export function table(name: string, columns: readonly SourceColumn[], extra: Partial<SourceTable> = {}): SourceTable {
  return { name, file: `${name}.csv`, rowCount: ROWS, columns, ...extra };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
export const ids = (start: number, n = 20) => range(n).map((i) => String(start + i));
export const npis = (n = 12) => range(n).map((i) => { const nine = String(123456780 + i * 7919); return nine + npiCheckDigit(nine); });
export const firstNames = ["Amara", "Bjorn", "Chloé", "Dmitri", "Esther", "Farid", "Gwen", "Hiroshi", "Ines", "Jonah", "Kalani", "Luca"];
export const lastNames = ["O'Neil", "Abernathy", "Quill", "Marsh-Wood", "Tanaka", "Okafor", "Lindqvist", "Ruiz", "Petrov", "Achebe"];
export const emails = firstNames.map((f, i) => `${f.toLowerCase().replace("é", "e")}.q${i}@example.org`);
export const phones = range(12).map((i) => `(617) 555-01${String(10 + i)}`);
export const birthDates = ["03/14/1952", "11/02/1987", "07/30/2001", "01/09/1968", "12/25/1979", "05/05/2015", "09/17/1944", "02/28/1993"];
export const stamps = ["03/04/2021 09:15", "11/22/2023 14:02", "06/30/2025 08:45", "01/15/2019 17:30", "08/08/2024 10:00"];
export const streets = ["12 Larch Way", "400 Quarry Rd", "7 Ferncliff Ct", "19 Orchard Ln", "88 Harbor St"];
export const cities = ["Brookvale", "Easton Hollow", "Marlow", "Pinecrest"];
export const zips = ["02134", "01060", "02458", "01907-1234", "02101"];

export const patients = table("patients", [
  unique("PatientID", ids(10001)),
  unique("PatFirstName", firstNames),
  repeated("PatMiddleInit", ["A", "J", "K", "M", "R"]),
  unique("PatLastName", lastNames),
  unique("PreferredName", ["Mara", "Bo", "Jo", "Kal"]),
  unique("DOB", birthDates),
  repeated("Sex", ["F", "M", "U"]),
  unique("SSN", ["900-12-3456", "912-44-0192", "987-65-4320", "933-10-2045"]),
  unique("EmailAddr", [...emails.slice(0, 11), "not-an-email"]),
  unique("HomePhone", phones.slice(0, 6)),
  unique("CellPhone", phones.slice(6)),
  unique("Addr1", streets),
  repeated("Addr2", ["Apt 2", "Unit 5B", "Suite 110"]),
  repeated("City", cities),
  repeated("State", ["MA", "NH", "RI"]),
  repeated("Zip", zips),
  repeated("PrimaryProviderID", ids(501, 6)),
  repeated("ReferralSource", ["Google", "Friend", "Insurance list", "Walk-in"]),
  repeated("PreferredContact", ["Email", "Phone", "SMS"]),
  unique("MedicalAlerts", ["Latex sensitivity noted at intake", "Takes anticoagulants, check before extraction", "Anxious about needles"]),
  repeated("PatStatus", ["Active", "Inactive", "Deceased"]),
  unique("CreatedDate", stamps),
  unique("LastModified", stamps),
  repeated("Custom_ParkingPermit", ["P-114", "P-207", "P-310"]),
  repeated("Custom_NewsletterOptIn", ["Y", "N"]),
], { key: ["PatientID"], modelHint: "patient" });

export const practices = table("practices", [
  unique("PracticeID", ids(1, 8)),
  unique("PracticeName", ["Harborview Family Dental", "Pinecrest Smiles", "Marlow Orthodontics"]),
  repeated("ParentPracticeID", ["1", "2"]),
  unique("NPI", npis(6)),
  unique("TaxID", ["04-1234567", "04-7654321", "22-3344556"]),
  repeated("Specialty", ["General Dentistry", "Orthodontics", "Pediatric Dentistry"]),
  unique("Addr1", streets),
  repeated("Addr2", ["Suite 200", "Floor 3"]),
  repeated("City", cities),
  repeated("State", ["MA", "NH"]),
  repeated("Zip", zips),
  unique("Phone", phones.slice(0, 5)),
  unique("Email", ["front.desk@harborview.example.com", "hello@pinecrest.example.org", "office@marlow.example.net"]),
  unique("Website", ["https://harborview.example.com", "www.pinecrest-smiles.example.org", "marlowortho.com"]),
  repeated("IsActive", ["Y", "N"]),
  unique("CreatedDate", stamps),
  unique("LastModified", stamps),
], { key: ["PracticeID"], modelHint: "practice" });

export const providers = table("providers", [
  unique("ProviderID", ids(501, 10)),
  unique("ProvFirstName", firstNames),
  unique("ProvLastName", lastNames),
  unique("ProvEmail", emails.slice(2, 9)),
  repeated("ProvRole", ["Dentist", "Hygienist", "Assistant", "Admin"]),
  unique("ProvNPI", npis(8)),
  unique("LicenseNo", ["DN-44120", "DH-10392", "DN-55071", "DA-20931"]),
  repeated("Specialty", ["Orthodontics", "Endodontics", "General Dentistry"]),
  repeated("Credentials", ["DDS", "DMD", "RDH", "CDA"]),
  repeated("HomePracticeID", ["1", "2", "3"]),
  repeated("Active", ["1", "0"]),
  unique("LastModified", stamps),
], { key: ["ProviderID"], modelHint: "staff" });

export const patientPractices = table("patient_practices", [
  unique("LinkID", ids(90001)),
  repeated("PatientID", ids(10001)),
  repeated("PracticeID", ["1", "2", "3"]),
  repeated("LinkRole", ["primaryCare", "referring", "other"]),
  unique("StartDate", ["04/01/2015", "09/12/2019", "02/03/2022", "06/18/2010"]),
  unique("LastModified", stamps),
], { key: ["LinkID"], modelHint: "patientPracticeLink" });
