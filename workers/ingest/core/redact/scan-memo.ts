import { emptied, inScan, resetAfterEachScan } from "./scan-scope";

/**
 * The results of a pure function by argument, kept for the scan under way only (scan-scope.ts):
 * a text's checks ask the same of the same words at each of its candidates (the name `auth` at
 * every `auth:` of a long line), and what they read as a name may be a value (`pauseRemembering`,
 * bounded-memo.ts), so nothing is kept past the scan: the results go as it ends. Outside a scan
 * each call computes. At most `limit` results, starting over when full, as a memo of names.
 * `compute` must not return undefined.
 */
export class ScanMemo<K, V> {
  private readonly results = new Map<K, V>();

  constructor(
    private readonly limit: number,
    private readonly compute: (argument: K) => V,
  ) {
    resetAfterEachScan(() => emptied(this.results));
  }

  get(argument: K): V {
    if (!inScan()) return this.compute(argument);
    const known = this.results.get(argument);
    if (known !== undefined) return known;
    const result = this.compute(argument);
    if (this.results.size >= this.limit) this.results.clear();
    this.results.set(argument, result);
    return result;
  }
}
