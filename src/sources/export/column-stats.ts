import { VALUE_LIST_CAP, type SourceColumn } from "../../contracts/source.js";

export const maxSamples = 20;
/**
 * Distinct values are counted exactly up to this many per column, then the count stops growing:
 * beyond it the column is "mostly unique" for every purpose discovery serves, and memory stays bounded.
 */
export const distinctCap = 10_000;

/** Accumulates one column's discovery figures over the records of a table. */
export class ColumnStats {
  readonly name: string;
  private readonly samples: string[] = [];
  private readonly distinct = new Set<string>();
  /**
   * Per distinct value, its row count, so value maps see every value of a code column rather than
   * the first 20; dropped (undefined) once the column passes VALUE_LIST_CAP distinct values.
   */
  private counts: Map<string, number> | undefined = new Map();
  private nonEmpty = 0;
  private longest = 0;

  constructor(name: string) {
    this.name = name;
  }

  add(value: string): void {
    if (value === "") return;
    this.nonEmpty += 1;
    if (value.length > this.longest) this.longest = value.length;
    if (this.distinct.size < distinctCap && !this.distinct.has(value)) {
      this.distinct.add(value);
      if (this.samples.length < maxSamples) this.samples.push(value);
    }
    if (this.counts) {
      this.counts.set(value, (this.counts.get(value) ?? 0) + 1);
      if (this.counts.size > VALUE_LIST_CAP) this.counts = undefined;
    }
  }

  /**
   * Whether the column's values repeat as a code's do (each distinct value on two rows or more,
   * on average, or at most a handful of them): only then is the list kept. A column of names,
   * birth dates or note text in a small table stays under the cap too, and its values are not
   * copied into the catalog for that.
   */
  private coded(): boolean {
    const size = this.counts?.size ?? 0;
    return size <= 5 || size * 2 <= this.nonEmpty;
  }

  /** `maxLength` is in UTF-16 code units (string length), which is how CRM field limits count too. */
  toColumn(dateFormat?: string): SourceColumn {
    return {
      name: this.name,
      samples: [...this.samples],
      nonEmptyCount: this.nonEmpty,
      distinctCount: this.distinct.size,
      maxLength: this.longest,
      ...(dateFormat !== undefined ? { dateFormat } : {}),
      ...(this.counts && this.counts.size > 0 && this.coded() ? { values: [...this.counts].map(([value, count]) => ({ value, count })) } : {}),
    };
  }
}
