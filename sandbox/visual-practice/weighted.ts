import type { Rng } from "./prng.js";

/**
 * One item, drawn with probability in proportion to its `weight`: how common procedures, case
 * kinds and the like are drawn more often than rare ones.
 *
 * @example pickWeighted(rng, [{ weight: 3, code: "D1110" }, { weight: 1, code: "D2740" }])
 */
export function pickWeighted<T extends { readonly weight: number }>(rng: Rng, items: readonly T[]): T {
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  let roll = rng.next() * total;
  for (const item of items) if ((roll -= item.weight) < 0) return item;
  const last = items[items.length - 1];
  if (last === undefined) throw new RangeError("pick from an empty list");
  return last;
}
