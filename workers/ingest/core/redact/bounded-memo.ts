/**
 * The results of a pure function by argument, at most `limit` of them. The arguments that
 * recur (attribute keys, parameter names, combinations of detectors) are few in practice; the
 * limit keeps hostile input from growing memory. When full it starts over rather than stop
 * remembering, so the arguments of later requests are remembered again. `compute` must not
 * return undefined.
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
    this.results.set(argument, result);
    return result;
  }
}
