/**
 * The shape of a corpus schema before its samples are generated. One line per column:
 * `name | label | generator [| type=T] [| fmt=F]`, where label is a field of the table's object
 * ("birthDate"), an explicit "object.field", or "custom"; generator is a key of
 * match-corpus-values.ts ("dob:ymd", "pstatus:code", "ref:500-12"); type is the source's declared
 * type (when the source declares one), fmt a date format the source declares.
 */
export interface TableSpec {
  readonly name: string;
  /** Model object the table holds (its label), or null when none fits. */
  readonly object: string | null;
  /** The key column, when the source says which it is. */
  readonly key?: string;
  /** A vendor profile's hint, when the source has one. */
  readonly hint?: string;
  readonly rows?: number;
  readonly columns: string;
}

export interface SchemaSpec {
  readonly name: string;
  readonly style: string;
  readonly notes?: string;
  readonly profile?: string;
  readonly tables: readonly TableSpec[];
}
