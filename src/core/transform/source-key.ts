/**
 * The key we store on every target row (hc_sourcekey): `<prefix>:<source table>:<source id>`.
 * Stable across runs, so upserts by it never duplicate.
 */
export function sourceKey(prefix: string, table: string, id: string): string {
  return `${prefix}:${table}:${id}`;
}

/** Keys of rows Handover itself adds (default account, connection roles). */
export function handoverKey(prefix: string, name: string): string {
  return `${prefix}:handover:${name}`;
}
