/**
 * The scope of one `TextScanner` scan, for the detectors whose checks keep what earlier
 * candidates of the same text read (a `request.cf` object's reach, an `INSERT`'s rows): such a
 * memo is valid for the scan that filled it and no other. Comparing texts instead would read a
 * retried request's equal copy whole at every candidate (quadratic), and holding a text would
 * keep a request alive after its scan; so the scanner numbers its scans and, when one ends,
 * empties every memo registered here. A detector's search or check, or a helper, may also be
 * asked outside any scan (a test, a caller of its own): each such call is then a scan of its
 * own, so that no memo another text filled is read for it (docs/decisions.md, 2026-12-02).
 */

let current = 0;
/** The highest number given: a scan read aside (`readAside`) leaves `current` at its outer scan's, and no number is given twice. */
let issued = 0;
let scanning = false;
let work = 0;
const resets: Array<() => void> = [];

/**
 * The number of the scan under way: a memo filled under another number is stale. Outside a scan,
 * a new number at each call: a memo filled by a call outside a scan is never read again.
 */
export function currentScan(): number {
  if (!scanning) current = ++issued;
  return current;
}

/** Whether a scan is under way: a memo of a text's reading (`ScanMemo`, bounded-memo.ts) remembers then, emptied as it ends. */
export function inScan(): boolean {
  return scanning;
}

/** Registers a memo's reset, run when each scan ends (module load time, once per memo). */
export function resetAfterEachScan(reset: () => void): void {
  resets.push(reset);
}

/**
 * Empties a memo's Map or Set, leaving an empty one as it is: V8's `clear` is a call into the
 * runtime that allocates a new table even when nothing is in the old one, and most scans fill
 * none of these memos, so every scan's end (`resetAfterEachScan`) paid for each of them, a
 * changed text's scan about as much as its detectors' searches (docs/decisions.md, 2026-12-05).
 */
export function emptied(collection: { readonly size: number; clear(): void }): void {
  if (collection.size > 0) collection.clear();
}

/** Called by the scanner as a scan starts: a new number, so no memo of an earlier scan is read. */
export function beginScan(): void {
  current = ++issued;
  scanning = true;
}

/**
 * `read`'s result, a scan of another text run inside the current one (a detector reading a short text it
 * rendered: format-arguments.ts): it has a number of its own, and as it ends the memos are emptied, so that
 * neither scan reads what the other remembered; the current scan then goes on under its own number, its
 * memos filled again as it asks. Numbers only grow, so the inner scan's is never given again.
 */
export function readAside<T>(read: () => T): T {
  const outer = current;
  const outerScanning = scanning;
  try {
    return read();
  } finally {
    if (outerScanning) {
      current = outer;
      scanning = true;
    }
  }
}

/** Called by the scanner as a scan ends (also when a check throws): memos let the text go. */
export function endScan(): void {
  current = ++issued;
  scanning = false;
  for (const reset of resets) reset();
}

/**
 * Adds `characters` to the characters detectors' checks have read outside their regexes (back
 * from a candidate to its object or row): what tests compare on texts of n and 2n characters to
 * show a check linear, without timing it.
 */
export function countWork(characters: number): void {
  work += characters;
}

/** The characters counted by `countWork` since the process started. */
export function workDone(): number {
  return work;
}
