/**
 * The 404 for a path no route takes. A path that is an OTLP export's path spelled otherwise (a
 * trailing slash, `/v1/logs/`; repeated slashes, `//v1/logs`, as a base endpoint ending in `/`
 * and the signal's path appended make; capitals, `/V1/Logs`) is named with the path meant and
 * what differs, as the sender meant that endpoint but its answer would not say so: the
 * OpenTelemetry Collector's receiver answers those with a bare 404 too (docs/decisions.md says
 * why they are not taken instead). A path one edit from an export's path once spelled so, or
 * with a file suffix (`/v1/log`, `/v1/trace`, `/v1/metric`, `/v1/logs.json`, `/v1/lgos`), gets
 * "did you mean" that path: still a 404, as a near miss may be meant for something else.
 */

import { SIGNALS } from "../../shared/otlp/model";

const OTLP_PATHS = "OTLP paths are /v1/logs, /v1/traces and /v1/metrics";

/**
 * The 404's message for `method` on `path` (as routed, query left out). Shapes: `no route for POST
 * /v1/logs/: the OTLP logs path is /v1/logs, without the trailing slash (OTLP paths are /v1/logs,
 * /v1/traces and /v1/metrics)`, `…, with single slashes`, `…, in lower case`, the differences
 * listed (`…, without the trailing slash, with single slashes and in lower case`); `no route for
 * GET /: OTLP paths are /v1/logs, /v1/traces and /v1/metrics` for any other path but a near miss,
 * `no route for POST /v1/log: did you mean /v1/logs? (OTLP paths are …)`.
 */
export function noRouteMessage(method: string, path: string): string {
  const trimmed = path.replace(TRAILING_SLASHES, "");
  const single = trimmed.replace(REPEATED_SLASHES, "/");
  const meant = single.toLowerCase();
  const differences = [
    ...(trimmed !== path ? ["without the trailing slash"] : []),
    ...(single !== trimmed ? ["with single slashes"] : []),
    ...(meant !== single ? ["in lower case"] : []),
  ];
  const signal = SIGNALS.find((name) => meant === `/v1/${name}`);
  if (signal === undefined) {
    const near = SIGNALS.find((name) => withinOneEdit(meant.replace(FILE_SUFFIX, ""), `/v1/${name}`));
    return near === undefined
      ? `no route for ${method} ${path}: ${OTLP_PATHS}`
      : `no route for ${method} ${path}: did you mean /v1/${near}? (${OTLP_PATHS})`;
  }
  if (differences.length === 0) return `no route for ${method} ${path}: ${OTLP_PATHS}`;
  const named = differences.length === 1 ? differences[0] : `${differences.slice(0, -1).join(", ")} and ${differences.at(-1)}`;
  return `no route for ${method} ${path}: the OTLP ${signal} path is ${meant}, ${named} (${OTLP_PATHS})`;
}
/** Slashes ending a path longer than `/`. */
const TRAILING_SLASHES = /(?<=.)\/+$/;
const REPEATED_SLASHES = /\/{2,}/g;
/** A file suffix after the last segment: `.json`, `.proto`, `.pb`. */
const FILE_SUFFIX = /\.[a-z0-9]{1,10}$/;

/**
 * Whether `a` is `b` but for one character inserted, dropped, replaced, or two neighbours
 * swapped (`/v1/lgos`). Linear: a path of any length costs one pass.
 */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (i === a.length && i === b.length) return true;
  const swapped = a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  return swapped || a.slice(i + 1) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i) || a.slice(i) === b.slice(i + 1);
}
