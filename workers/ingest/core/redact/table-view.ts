/**
 * A text as the table readers (`detectors/table-rows.ts`) read it, its box-drawing characters (U+2500–U+257F) as the
 * ASCII a MySQL client draws a table with: a vertical line (`│`, `┃`, `║`) a `|`, a horizontal one (`─`, `━`, `═`) a
 * `-`, any other (a corner or a joint: `├`, `┼`, `┤`, `┌`, `└`, …) a `+`. So `│ password │ hunter2x9 │` reads as
 * `| password | hunter2x9 |` and `├──────┼───────┤` as `+------+-------+`. Each is one UTF-16 code unit and so is
 * its ASCII: the view is as long as the text, each character where it was, a position in one the same in the other.
 */

import { countWork, currentScan, inScan, resetAfterEachScan } from "./scan-scope";

const BOX_DRAWING = /[\u2500-\u257f]/g;
const HOLDS_BOX_DRAWING = /[\u2500-\u257f]/;
const VERTICAL: ReadonlySet<string> = new Set(["\u2502", "\u2503", "\u2551"]);
const HORIZONTAL: ReadonlySet<string> = new Set(["\u2500", "\u2501", "\u2550"]);

/** The box-drawing character `found` as the view shows it. */
function asciiOf(found: string): string {
  return VERTICAL.has(found) ? "|" : HORIZONTAL.has(found) ? "-" : "+";
}

/**
 * The view of the scan numbered `scan` (scan-scope.ts: a scan reads one text, never compared whole): the table readers
 * view its text once for its tables, then at each of its rows. Filled only within a scan and emptied as each scan
 * ends, so that no request's text outlives its scan; a call outside a scan computes its view and keeps nothing.
 */
let memo: { scan: number; view: string } | undefined;
resetAfterEachScan(() => {
  memo = undefined;
});

/** `text`'s table view (module doc); a text without box-drawing characters is its own. `text` is the current scan's. */
export function tableView(text: string): string {
  const scan = currentScan();
  if (memo?.scan === scan) return memo.view;
  let view = text;
  if (HOLDS_BOX_DRAWING.test(text)) {
    // Counted (`countWork`): a view built more than once a scan would show as work growing faster than the text.
    countWork(text.length);
    view = text.replace(BOX_DRAWING, asciiOf);
  }
  memo = inScan() ? { scan, view } : undefined;
  return view;
}
