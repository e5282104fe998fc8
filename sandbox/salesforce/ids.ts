/**
 * Salesforce record ids: 15 case-sensitive characters plus a 3-character checksum
 * suffix that makes the 18-character form safe in case-insensitive tools.
 */

const SUFFIX_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const ID_SHAPE = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/**
 * Checksum suffix of a 15-char id: per group of 5 chars, bit i is set when char i is A–Z.
 * @example idSuffix("001000000000001") === "AAA"
 */
export function idSuffix(id15: string): string {
  let out = "";
  for (let group = 0; group < 3; group++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charCodeAt(group * 5 + i);
      if (c >= 65 && c <= 90) bits |= 1 << i;
    }
    out += SUFFIX_CHARS[bits];
  }
  return out;
}

/** True for a well-formed 15- or 18-char id (no check that it exists). */
export function isIdShaped(value: string): boolean {
  return ID_SHAPE.test(value);
}

/**
 * The canonical 18-char form, or undefined when `value` is not id-shaped.
 * An 18-char input keeps its first 15 chars; its suffix is recomputed, as ids are stored that way.
 */
export function toId18(value: string): string | undefined {
  if (!isIdShaped(value)) return undefined;
  const base = value.slice(0, 15);
  return base + idSuffix(base);
}

export function keyPrefixOf(id: string): string {
  return id.slice(0, 3);
}

/**
 * Builds ids as `<prefix>5E<10 base-62 digits>` from one org-wide counter, so ids never repeat
 * across objects and sort in creation order within a prefix.
 */
export function makeId(prefix: string, counter: number): string {
  let digits = "";
  let n = counter;
  do {
    digits = BASE62[n % 62] + digits;
    n = Math.floor(n / 62);
  } while (n > 0);
  const base = `${prefix}5E${digits.padStart(10, "0")}`;
  return base + idSuffix(base);
}
