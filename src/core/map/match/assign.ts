/**
 * Signal 4: one field per column and one column per field, across the whole table — unless a
 * declared rule says otherwise (a split gives one column several fields, a combine gives several
 * columns one field). Nothing else ever shares: a rule must be declared, never inferred here.
 *
 * v0 is greedy: take every (column, field) candidate above the floor, best score first, and keep
 * it when both the column and the field are still free. A column that loses its best field falls
 * to its next-best free one, or to none. Greedy isn't the optimal assignment (Hungarian would be),
 * but with names dominating the score the best pairs are rarely in conflict, and greedy is easy to
 * explain in a reason ("birthDate went to 'DOB', which scored higher").
 */

export interface Candidate {
  readonly column: number;
  readonly field: number;
  readonly score: number;
}

/** A declared split or combine rule: these columns fill these fields together, and no one else does. */
export interface DeclaredRule {
  readonly columns: readonly number[];
  readonly fields: readonly number[];
}

export interface Assignment {
  /** Field index per column, or undefined when the column got none (or goes through a rule). */
  readonly fieldOf: readonly (number | undefined)[];
  /** Index into the declared rules per column, when the column goes through one. */
  readonly ruleOf: readonly (number | undefined)[];
  /** Per column: fields that scored higher for it but went to another column (field → column). */
  readonly lostTo: readonly ReadonlyMap<number, number>[];
}

/** Deterministic order: score, then column order, then field order (model order). */
function compare(a: Candidate, b: Candidate): number {
  return b.score - a.score || a.column - b.column || a.field - b.field;
}

/**
 * @example assign(2, [{ column: 0, field: 3, score: 0.9 }, { column: 1, field: 3, score: 0.5 }])
 * // fieldOf: [3, undefined]
 */
export function assign(columnCount: number, candidates: readonly Candidate[], declared: readonly DeclaredRule[] = []): Assignment {
  const fieldOf: (number | undefined)[] = Array.from({ length: columnCount }, () => undefined);
  const ruleOf: (number | undefined)[] = Array.from({ length: columnCount }, () => undefined);
  const lostTo = Array.from({ length: columnCount }, () => new Map<number, number>());
  const owner = new Map<number, number>();
  // Declared rules first: their columns and fields are taken before any single pair is considered
  // (a rule that overlaps an earlier one is ignored rather than half-applied).
  declared.forEach((rule, index) => {
    if (rule.columns.some((c) => ruleOf[c] !== undefined) || rule.fields.some((f) => owner.has(f))) return;
    for (const column of rule.columns) ruleOf[column] = index;
    for (const field of rule.fields) owner.set(field, rule.columns[0]!);
  });
  for (const candidate of [...candidates].sort(compare)) {
    if (fieldOf[candidate.column] !== undefined || ruleOf[candidate.column] !== undefined) continue;
    const taken = owner.get(candidate.field);
    if (taken !== undefined) {
      lostTo[candidate.column]?.set(candidate.field, taken);
      continue;
    }
    fieldOf[candidate.column] = candidate.field;
    owner.set(candidate.field, candidate.column);
  }
  return { fieldOf, ruleOf, lostTo };
}
