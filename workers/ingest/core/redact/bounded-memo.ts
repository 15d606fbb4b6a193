import { inScan, resetAfterEachScan } from "./scan-scope";

/**
 * The longest text argument a `BoundedMemo` remembers, in UTF-16 code units. A memo's count
 * limit alone does not bound its bytes: names reach it before any limit on a key's length
 * (attribute keys, a lifted body's member names), so 4,096 remembered keys of a megabyte each
 * would outgrow an isolate. Longer arguments are computed each time and not kept; names people
 * write (semantic-convention keys, columns, parameters) are far shorter.
 */
export const MAX_REMEMBERED_LENGTH = 256;

/**
 * The results of a pure function by argument, at most `limit` of them. The arguments that
 * recur (attribute keys, parameter names, combinations of detectors) are few in practice; the
 * limit keeps hostile input from growing memory, and so does MAX_REMEMBERED_LENGTH: a longer
 * text is computed each time, never kept. When full it starts over rather than stop
 * remembering, so the arguments of later requests are remembered again. `compute` must not
 * return undefined. A text argument is remembered as a copy of its own: a name read out of a
 * request's text (a YAML key, an SQL column) may be a slice that keeps the whole text alive, and
 * no request's text is held past its request. Only names (keys, columns, parameters' names) are
 * remembered: while a value may be asked about as a name (`withoutRemembering`), a memo answers
 * from what it knows and remembers nothing new past that reading (`ScanMemo`: a text's checks
 * ask again at each of its candidates).
 */
export class BoundedMemo<K, V> {
  private readonly results = new Map<K, V>();
  private readonly askedInScan: ScanMemo<K, V>;

  constructor(
    private readonly limit: number,
    private readonly compute: (argument: K) => V,
  ) {
    this.askedInScan = new ScanMemo(limit, compute);
  }

  get(argument: K): V {
    const known = this.results.get(argument);
    if (known !== undefined) return known;
    if (askingOfValue) return this.askedInScan.get(argument);
    const result = this.compute(argument);
    if (typeof argument === "string" && argument.length > MAX_REMEMBERED_LENGTH) return result;
    if (this.results.size >= this.limit) this.results.clear();
    this.results.set(typeof argument === "string" ? (ownCopy(argument) as K) : argument, result);
    return result;
  }
}

/**
 * The results of a pure function by argument, kept only while a text is read: during a scan
 * (scan-scope.ts) or a pause of the memos of names (`pauseRemembering`: a text's evidence and
 * scans, a value read as a name). A text's checks ask the same of the same words at each of its
 * candidates (the name `auth` at every `auth:` of a long line), and what they read as a name may
 * be a value, so nothing is kept past that reading: the results go as the scan or the outermost
 * pause ends (`forgetReadings`). Otherwise each call computes. At most `limit` results, starting
 * over when full. `compute` must not return undefined.
 */
export class ScanMemo<K, V> {
  private readonly results = new Map<K, V>();

  constructor(
    private readonly limit: number,
    private readonly compute: (argument: K) => V,
  ) {}

  get(argument: K): V {
    if (!askingOfValue && !inScan()) return this.compute(argument);
    const known = this.results.get(argument);
    if (known !== undefined) return known;
    const result = this.compute(argument);
    if (this.results.size >= this.limit) this.results.clear();
    else if (this.results.size === 0) filled.push(this.results);
    this.results.set(argument, result);
    return result;
  }
}

/** The results of the `ScanMemo`s that remembered something since they were last emptied. */
const filled: Array<Map<unknown, unknown>> = [];

/** Empties every `ScanMemo` that remembered something: as each scan ends, and as the outermost pause does. */
function forgetReadings(): void {
  for (const results of filled) results.clear();
  filled.length = 0;
}
resetAfterEachScan(forgetReadings);

/**
 * `text` in a string of its own: the engine may keep a substring as a view of the text it was cut
 * from (V8's sliced strings), which would hold that text for as long as the copy is remembered.
 * Slicing a joined string makes the engine flatten the join into a new string first.
 */
function ownCopy(text: string): string {
  return (" " + text).slice(1);
}

/** Whether request text is being read for names (`withoutRemembering` under way): no memo stores. */
let askingOfValue = false;

/**
 * `compute()` with no `BoundedMemo` remembering an argument while it runs: for request text read
 * as names, which may be values (`name: Ana`, a person's name in a `name:` member; a token before
 * its `=` padding read as a parameter's name, `dXNlcjpwYXNz=`). Memos still answer from the names
 * they know. Nested calls run under the outermost one. docs/decisions.md, 2026-12-04, "Memos of
 * names remember no value".
 */
export function withoutRemembering<V>(compute: () => V): V {
  const outer = pauseRemembering();
  try {
    return compute();
  } finally {
    resumeRemembering(outer);
  }
}

/**
 * `withoutRemembering`'s start, for a caller on the hot path that would otherwise make a closure
 * per call (`TextScanner.redact`, once per text scanned): memos remember nothing new until
 * `resumeRemembering` is given what this returns, in a `finally`.
 */
export function pauseRemembering(): boolean {
  const outer = askingOfValue;
  askingOfValue = true;
  return outer;
}

/** Ends what `pauseRemembering` started; `outer`: what it returned (whether a pause was under way before). */
export function resumeRemembering(outer: boolean): void {
  askingOfValue = outer;
  if (!outer && filled.length > 0) forgetReadings();
}
