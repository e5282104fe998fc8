import type { Rng } from "./prng.js";

/**
 * Patient indexes for dirt that is rare but must be there: about one per `every` patients, one at
 * a random place in each block of `every`, and at least one once there are `minPatients` — so a
 * small test export still carries it, while a 100,000-patient one stays realistic.
 *
 * @example spread(rng, 2000, 700) // two indexes, one in 0..699 and one in 700..1999
 */
export function spread(rng: Rng, patients: number, every: number, minPatients = 50): ReadonlySet<number> {
  const spots = new Set<number>();
  if (patients < minPatients) return spots;
  const blocks = Math.max(1, Math.floor(patients / every));
  for (let block = 0; block < blocks; block += 1) {
    const start = block * every;
    const end = block === blocks - 1 ? patients - 1 : start + every - 1;
    spots.add(rng.int(start, end));
  }
  return spots;
}
