import type { HandoverConfig } from "../../config/handover-config.js";
import type { EncodedColumn } from "../../sources/export/profile.js";
import { getProfile } from "../../sources/export/profiles/index.js";

/** Where a convention came from, for the plan to say. */
export type ConventionSource = "handover.yaml" | "profile" | "default";

/**
 * How the source writes what its values don't say themselves: the zone its local times are in,
 * the country its national phone numbers belong to, the date formats it uses besides a column's
 * declared one, and columns stored encoded. Decided once, in the plan, so run and verify read
 * every value the same way.
 */
export interface SourceConventions {
  /** IANA zone that date-times written without an offset are local to. */
  readonly timezone: string;
  readonly timezoneFrom: ConventionSource;
  /** ISO 3166 alpha-2 region that phone numbers without a +country code are read in. */
  readonly defaultCountry: string;
  readonly defaultCountryFrom: ConventionSource;
  /** Formats any date column may hold besides its declared one (the profile's). */
  readonly alsoAcceptedDateFormats: readonly string[];
  /** Columns (`table.column`) whose values are encoded when another column of the row says so. */
  readonly encodedColumns: Readonly<Record<string, EncodedColumn>>;
}

/** Used when neither handover.yaml nor a profile says (and for plans made before they were recorded). */
export const defaultConventions: SourceConventions = {
  timezone: "UTC", timezoneFrom: "default", defaultCountry: "US", defaultCountryFrom: "default", alsoAcceptedDateFormats: [], encodedColumns: {},
};

/**
 * The source's conventions: handover.yaml's `source.timezone` / `source.defaultCountry` win, then
 * the vendor profile's, then UTC and US.
 *
 * @example sourceConventions({ kind: "export", profile: "clinic", … }) // { timezone: "Australia/Sydney", timezoneFrom: "profile", defaultCountry: "AU", … }
 */
export function sourceConventions(source: HandoverConfig["source"]): SourceConventions {
  const profile = source.kind === "export" ? getProfile(source.profile) : undefined;
  const pick = (configured: string | undefined, fromProfile: string | undefined, fallback: string): [string, ConventionSource] =>
    configured ? [configured, "handover.yaml"] : fromProfile ? [fromProfile, "profile"] : [fallback, "default"];
  const [timezone, timezoneFrom] = pick(source.timezone, profile?.timezone, defaultConventions.timezone);
  const [defaultCountry, defaultCountryFrom] = pick(source.defaultCountry, profile?.defaultCountry, defaultConventions.defaultCountry);
  const encodedColumns: Record<string, EncodedColumn> = {};
  for (const [table, t] of Object.entries(profile?.tables ?? {})) {
    for (const [column, encoded] of Object.entries(t.encodedColumns ?? {})) encodedColumns[`${table}.${column}`] = encoded;
  }
  return { timezone, timezoneFrom, defaultCountry, defaultCountryFrom, alsoAcceptedDateFormats: profile?.alsoAcceptedDateFormats ?? [], encodedColumns };
}

const origin = (from: ConventionSource, setting: string): string =>
  from === "handover.yaml" ? `handover.yaml ${setting}` : from === "profile" ? `the vendor profile; set ${setting} to change` : `default; set ${setting} to change`;

/**
 * The assumptions in words, for the plan's output and report.
 *
 * @example describeConventions(c) // "local times without an offset are read in Australia/Sydney (the vendor profile; set source.timezone to change); …"
 */
export function describeConventions(c: SourceConventions): string {
  return `local times without an offset are read in ${c.timezone} (${origin(c.timezoneFrom, "source.timezone")}); ` +
    `phone numbers without +country are read as ${c.defaultCountry} (${origin(c.defaultCountryFrom, "source.defaultCountry")})`;
}
