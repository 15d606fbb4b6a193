/**
 * A text as the table readers (`detectors/table-rows.ts`) read it, its box-drawing characters (U+2500–U+257F) as the
 * ASCII a MySQL client draws a table with: a vertical line (`│`, `┃`, `║`) a `|`, a horizontal one (`─`, `━`, `═`) a
 * `-`, any other (a corner or a joint: `├`, `┼`, `┤`, `┌`, `└`, …) a `+`. So `│ password │ hunter2x9 │` reads as
 * `| password | hunter2x9 |` and `├──────┼───────┤` as `+------+-------+`. Each is one UTF-16 code unit and so is
 * its ASCII: the view is as long as the text, each character where it was, a position in one the same in the other.
 */

import { resetAfterEachScan } from "./scan-scope";

const BOX_DRAWING = /[\u2500-\u257f]/g;
const HOLDS_BOX_DRAWING = /[\u2500-\u257f]/;
const VERTICAL: ReadonlySet<string> = new Set(["\u2502", "\u2503", "\u2551"]);
const HORIZONTAL: ReadonlySet<string> = new Set(["\u2500", "\u2501", "\u2550"]);

/** The box-drawing character `found` as the view shows it. */
function asciiOf(found: string): string {
  return VERTICAL.has(found) ? "|" : HORIZONTAL.has(found) ? "-" : "+";
}

/**
 * The last text viewed and its view, within the current scan: the table readers view a text once for its tables,
 * then at each of its rows. Emptied as each scan ends, so that no request's text outlives its scan.
 */
let last: { text: string; view: string } | undefined;
resetAfterEachScan(() => {
  last = undefined;
});

/** `text`'s table view (module doc); a text without box-drawing characters is its own. */
export function tableView(text: string): string {
  if (last?.text === text) return last.view;
  const view = HOLDS_BOX_DRAWING.test(text) ? text.replace(BOX_DRAWING, asciiOf) : text;
  last = { text, view };
  return view;
}
