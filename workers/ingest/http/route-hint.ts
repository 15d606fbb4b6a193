/**
 * The 404 for a path no route takes. A path that is an OTLP export's path spelled otherwise (a
 * trailing slash, `/v1/logs/`; repeated slashes, `//v1/logs`, as a base endpoint ending in `/`
 * and the signal's path appended make; capitals, `/V1/Logs`) is named with the path meant and
 * what differs, as the sender meant that endpoint but its answer would not say so: the
 * OpenTelemetry Collector's receiver answers those with a bare 404 too (docs/decisions.md says
 * why they are not taken instead).
 */

import { SIGNALS } from "../../shared/otlp/model";

const OTLP_PATHS = "OTLP paths are /v1/logs, /v1/traces and /v1/metrics";

/**
 * The 404's message for `method` on `path` (as routed, query left out). Shapes: `no route for POST
 * /v1/logs/: the OTLP logs path is /v1/logs, without the trailing slash (OTLP paths are /v1/logs,
 * /v1/traces and /v1/metrics)`, `…, with single slashes`, `…, in lower case`, the differences
 * listed (`…, without the trailing slash, with single slashes and in lower case`); `no route for
 * GET /: OTLP paths are /v1/logs, /v1/traces and /v1/metrics` for any other path.
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
  if (signal === undefined || differences.length === 0) return `no route for ${method} ${path}: ${OTLP_PATHS}`;
  const named = differences.length === 1 ? differences[0] : `${differences.slice(0, -1).join(", ")} and ${differences.at(-1)}`;
  return `no route for ${method} ${path}: the OTLP ${signal} path is ${meant}, ${named} (${OTLP_PATHS})`;
}
/** Slashes ending a path longer than `/`. */
const TRAILING_SLASHES = /(?<=.)\/+$/;
const REPEATED_SLASHES = /\/{2,}/g;
