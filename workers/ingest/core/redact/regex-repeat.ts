/**
 * Regex source of `group` (a regex source with no capture groups) repeated 0 to `max` times,
 * greedy: what `(?:group){0,max}` matches, in the same order of trying, written so that V8
 * compiles the group once.
 *
 * Why: a regex is compiled at its first run, on the request that reaches it, and a fresh
 * isolate's first requests pay for every large pattern they meet. Under 20 KB of source V8
 * optimizes a pattern, and part of that is copying a group quantified `{0,n}` with n ≤ 3 n times
 * (its quantifier unrolling, up to a product of 6 for nested ones): the logger's prefix, whose
 * name parts repeat `{0,3}` inside a prefix that may come twice, compiled to some 56,000
 * bytecodes where 14,000 do once it is looped (docs/decisions.md, 2026-12-05, "Regexes compiled
 * once per group"). V8 loops instead of unrolling a group that can match empty; `(?:group|)` is
 * one, and ECMAScript's repetition rejects an iteration past the minimum that matched empty
 * (ECMA-262, RepeatMatcher, step 2.a), so the empty alternative never completes a match: the
 * same matches, tried in the same order. With a minimum above 0 the same form would let the
 * first iteration match empty, so it is for `{0,max}` only.
 */
export function upTo(group: string, max: number): string {
  return `(?:${group}|){0,${max}}`;
}

/**
 * Regex source of `group` (a regex source) repeated `min` to `max` times, greedy: what
 * `(?:group){min,max}` matches, in the same order of trying, with the same captures, written so
 * that V8 compiles the group once.
 *
 * Why: V8 copies the group once for each of the first `min` repeats (`min` ≤ 3) before looping
 * it, unless the group can match empty: a whose-phrase's words, `{1,6}`, each with its check for
 * a clause's word, were two copies in every language's sentence (docs/decisions.md, 2026-12-05,
 * "Password sentences and street lines compiled once per word"). `(?!)` never holds, so
 * `(?:group|(?!))` matches what `group` matches, in its order, and nothing else; V8 counts an
 * alternative that is a lookahead as possibly empty and loops the group. Looped, a group is
 * tried a little slower: where a warm scan slowed (a state's describing words, `{1,2}`), it is
 * not used.
 */
export function repeat(group: string, min: number, max: number): string {
  return `(?:${group}|(?!)){${min},${max}}`;
}
