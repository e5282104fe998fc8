/**
 * Dataverse-shaped errors (spec §7). Messages name attributes and tables only —
 * never a submitted value — because error text flows into the product's logs (PHI).
 */
export class DvError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

export const notFound = (table: string, id: string): DvError =>
  new DvError(404, "0x80040217", `${table} With Id = ${id} Does Not Exist`);

export const keyNotFound = (table: string): DvError =>
  new DvError(404, "0x80060891", `A record with the specified key values does not exist in ${table} entity`);

export const duplicateKey = (): DvError =>
  new DvError(412, "0x80040237", "A record with matching key values already exists.");

export const conditionFailed = (): DvError =>
  new DvError(412, "0x80060882", "The version of the existing record doesn't match the RowVersion property provided.");

export const stringTooLong = (attr: string, table: string, max: number): DvError =>
  new DvError(
    400,
    "0x80044331",
    `A validation error occurred.  The length of the '${attr}' attribute of the '${table}' entity exceeded the maximum allowed length of '${max}'.`,
  );

const PAYLOAD_PREFIX = (set: string): string =>
  `Error identified in Payload provided by the user for Entity :'${set}', For more information on this error please follow this help link https://go.microsoft.com/fwlink/?linkid=2195293  ---->  InnerException : Microsoft.OData.ODataException: `;

export const unknownProperty = (set: string, table: string, prop: string): DvError =>
  new DvError(
    400,
    "0x80048d19",
    `${PAYLOAD_PREFIX(set)}The property '${prop}' does not exist on type 'Microsoft.Dynamics.CRM.${table}'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
  );

export const undeclaredBind = (set: string, prop: string): DvError =>
  new DvError(
    400,
    "0x80048d19",
    `${PAYLOAD_PREFIX(set)}An undeclared property '${prop}' which only has property annotations in the payload but no property value was found in the payload. In OData, only declared navigation properties and declared named streams can be represented as properties without values.`,
  );

/** Wrong JSON type for a column; the value itself is deliberately not quoted. */
export const badValueType = (set: string, prop: string, edmType: string): DvError =>
  new DvError(
    400,
    "0x80048d19",
    `${PAYLOAD_PREFIX(set)}Cannot convert the value of property '${prop}' to the expected type '${edmType}'.`,
  );

export const unknownColumn = (table: string, prop: string): DvError =>
  new DvError(400, "0x0", `Could not find a property named '${prop}' on type 'Microsoft.Dynamics.CRM.${table}'.`);

export const badPicklist = (attr: string, table: string, allowed: readonly number[]): DvError =>
  new DvError(
    400,
    "0x8004431A",
    `A validation error occurred. The value of '${attr}' on record of type '${table}' is outside the valid range. Accepted Values: ${allowed.join(",")}`,
  );

export const badRequest = (message: string, code = "0x80060888"): DvError => new DvError(400, code, message);

/**
 * Owner is a disabled systemuser. Real Dataverse answers with error 0x80040225
 * ("UserDisabled"); we use 400 like other validation failures.
 */
export const disabledOwner = (): DvError =>
  new DvError(400, "0x80040225", "The specified user is either disabled or is not a member of any business unit.");

export const throttled = (limit: number, windowSeconds: number, retryAfter: number): DvError =>
  new DvError(429, "0x80072322", `Number of requests exceeded the limit of ${limit} over time window of ${windowSeconds} seconds.`, {
    "Retry-After": String(retryAfter),
  });

export const errorBody = (e: DvError): string => JSON.stringify({ error: { code: e.code, message: e.message } });

/** Converts anything thrown inside a handler into a DvError (500 for bugs). */
export function toDvError(e: unknown): DvError {
  if (e instanceof DvError) return e;
  return new DvError(500, "0x80040216", "An unexpected error occurred.");
}
