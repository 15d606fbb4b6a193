/**
 * An empty lookahead, as regex source: it holds at every position and consumes nothing, so
 * written anywhere in a sequence it changes no match, no capture and no order of trying
 * (ECMA-262, Assertion `(?=Disjunction)` with an empty disjunction succeeds once, in place).
 *
 * Why: under 20 KB of source V8 optimizes a pattern, and part of that is compiling what follows a
 * choice once for each way into it (its "trace": characters already checked, a position not yet
 * advanced), up to ten copies of every node after it. A lookahead makes V8 settle that state,
 * so what follows compiles once. Written after a long list of names, whose continuation (a
 * separator, a number's shape) would otherwise be copied per name's trace: the national id's
 * detector compiled to some 84,000 bytecodes where 46,000 do with it (docs/decisions.md,
 * 2026-12-05, "Compiled once after a list of names"). The copies are what makes a warm scan
 * fast at the pattern's first choices, so it goes after names, not before them: there it
 * slowed the national id's scan by a quarter.
 */
export const REJOIN = "(?=)";
