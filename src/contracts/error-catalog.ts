/**
 * One catalog of every error Handover reports: a stable code, a message template, a category
 * and an exit code. Areas declare their entries in `./errors/<area>.ts`; `catalog` merges them.
 *
 * Templates take `{name}` placeholders. Parameters are file names, row numbers, field names,
 * counts and codes — never a record's values, so a message can never carry PHI.
 *
 * @example
 *   throw new HandoverError("HO-MAP-002", { count: 3 });
 */
export type ErrorCategory = "config" | "transient" | "data" | "system" | "usage";

export interface ErrorSpec {
  readonly category: ErrorCategory;
  readonly message: string;
  /** What the user can do about it; shown under the message and in docs/errors.md. */
  readonly hint?: string;
}

export type ErrorParams = Readonly<Record<string, string | number | boolean | undefined>>;

/** Exit codes of the CLI, by category: a script can tell a config mistake from a transient fault. */
export const exitCodes: Readonly<Record<ErrorCategory, number>> = {
  usage: 2,
  config: 3,
  data: 4,
  transient: 5,
  system: 70,
};

export function defineErrors<const T extends Record<string, ErrorSpec>>(specs: T): T {
  return specs;
}

/** Fills `{name}` placeholders; an unknown placeholder stays visible rather than vanishing. */
export function formatTemplate(template: string, params: ErrorParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
