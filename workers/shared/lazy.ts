/**
 * A value built on first use instead of when its module loads: `const TABLE = lazy(() => build())`,
 * read as `TABLE()`. Every module of a Worker's bundle runs its top level at cold start, before
 * the first request, so a table or pattern that only some requests reach (a detector's word list,
 * a `\p{…}` regular expression, which V8 parses when it is created) is cheaper built there. `build`
 * runs at most once (unless it throws, then again on the next read) and must not depend on when it
 * runs. A `\p{…}` pattern is built from a string (`new RegExp(String.raw`…`, "u")`), never
 * written as a literal, here or at a module's top level: V8 checks a literal's pattern whenever it
 * parses the code around it, building each property class's set from ICU, so a literal costs
 * every start even where it is never run (test/unit/unicode-property-literals.test.ts).
 */
export function lazy<T>(build: () => T): () => T {
  let built = false;
  let value: T;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value;
  };
}
