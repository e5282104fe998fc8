/**
 * Signal: words that tell look-alike fields apart. "OtherPhone" is not phoneWork although both
 * are phones, "Full Name" is not firstName, "Inactive" is the opposite of active. A column whose
 * name carries one qualifier of a group, against a field whose name carries another of the same
 * group (and no synonym with the column's), is a contradiction.
 */

/** Qualifier groups; words in one inner list mean the same. */
const groups: readonly (readonly (readonly string[])[])[] = [
  [["home", "landline", "private"], ["mobile", "cell", "cellular"], ["work", "business", "office"], ["other"], ["fax"]],
  [["first", "given"], ["last", "family", "surname"], ["middle", "second"], ["full"], ["prefix", "title"], ["suffix"], ["preferred", "nick", "nickname"]],
  [["created", "entered", "added"], ["modified", "updated", "changed"]],
  [["start", "begin", "from"], ["end", "finish", "until"]],
  [["birth"], ["death", "deceased"]],
  [["1"], ["2"]],
];

function classOf(group: readonly (readonly string[])[], token: string): number {
  return group.findIndex((words) => words.includes(token));
}

/**
 * The column's qualifier and the field's clashing one, when they contradict.
 *
 * @example qualifierConflict(["other", "phone"], ["phone", "work"], [["phone", "work"]]) // { column: "other", field: "work" }
 */
export function qualifierConflict(
  column: readonly string[],
  fieldName: readonly string[],
  phrases: readonly (readonly string[])[],
): { readonly column: string; readonly field: string } | undefined {
  for (const group of groups) {
    const mine = column.find((t) => classOf(group, t) >= 0);
    if (mine === undefined) continue;
    const cls = classOf(group, mine);
    if (phrases.some((p) => p.some((t) => classOf(group, t) === cls))) continue;
    const theirs = fieldName.find((t) => { const c = classOf(group, t); return c >= 0 && c !== cls; });
    if (theirs !== undefined) return { column: mine, field: theirs };
  }
  return undefined;
}

const negations = ["in", "un", "non", "dis", "not"];

/**
 * A column word that negates one of the field's words ("inactive" vs active, "disabled" vs enabled).
 *
 * @example negates(["inactive"], [["active"], ["is", "active"]]) // "inactive"
 */
export function negates(column: readonly string[], phrases: readonly (readonly string[])[]): string | undefined {
  const words = new Set(phrases.flat());
  return column.find((t) => negations.some((n) => t.startsWith(n) && words.has(t.slice(n.length)) && !words.has(t)));
}
