/**
 * The results of a pure function by argument, at most `limit` of them. The arguments that
 * recur (attribute keys, parameter names, combinations of detectors) are few in practice; the
 * limit keeps hostile input from growing memory. When full it starts over rather than stop
 * remembering, so the arguments of later requests are remembered again. `compute` must not
 * return undefined. A text argument is remembered as a copy of its own: a name read out of a
 * request's text (a YAML key, an SQL column) may be a slice that keeps the whole text alive, and
 * no request's text is held past its request.
 */
export class BoundedMemo<K, V> {
  private readonly results = new Map<K, V>();

  constructor(
    private readonly limit: number,
    private readonly compute: (argument: K) => V,
  ) {}

  get(argument: K): V {
    const known = this.results.get(argument);
    if (known !== undefined) return known;
    const result = this.compute(argument);
    if (this.results.size >= this.limit) this.results.clear();
    this.results.set(typeof argument === "string" ? (ownCopy(argument) as K) : argument, result);
    return result;
  }
}

/**
 * `text` in a string of its own: the engine may keep a substring as a view of the text it was cut
 * from (V8's sliced strings), which would hold that text for as long as the copy is remembered.
 * Slicing a joined string makes the engine flatten the join into a new string first.
 */
function ownCopy(text: string): string {
  return (" " + text).slice(1);
}
