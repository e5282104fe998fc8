/** One record as the API serves it: JSON with a string `id` and an ISO `modified_at`. */
export interface Row {
  readonly id: string;
  readonly modified_at: string;
  readonly [field: string]: unknown;
}

/** Rows of every object, by object name, each list in id order. */
export type Dataset = ReadonlyMap<string, readonly Row[]>;
