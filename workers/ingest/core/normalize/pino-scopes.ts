/**
 * The instrumentation scopes that show pino wrote a record sent as OTLP rather than as a line:
 * pino's OTel senders move the line's own members (`level`, `time`, `msg`, `pid`, `hostname`) into
 * the record's severity, time and body and send every other member as an attribute, so the
 * record's attributes no longer hold what shows a pino line (log-shapes.ts, isPinoRequestMap);
 * the scope they write does (captures in test/fixtures/logger-captures).
 */
import type { InstrumentationScope } from "../../../shared/otlp/model";

/**
 * The scope names pino's senders write: `@opentelemetry/instrumentation-pino`'s log sending names
 * its logger after the package; pino-opentelemetry-transport names it after its `loggerName`
 * option, which left unset (as in its README's minimal example) gives the OTel JS SDK's name for a
 * logger requested without one, `unknown`. A transport given a `loggerName` writes the
 * application's own name, which shows nothing; an OTel SDK logger requested without a name is
 * taken for pino's (docs/decisions.md), unless its record is Bunyan's (`"v":0` beside Bunyan's
 * `time` text: log-shapes.ts, isBunyanLine), as a bridge naming no scope sends Bunyan's records.
 */
const PINO_SCOPE_NAMES: ReadonlySet<string> = new Set(["@opentelemetry/instrumentation-pino", "unknown"]);

/** Whether the records of `scope` are pino's, sent by one of its OTel senders (PINO_SCOPE_NAMES), whatever the scope's version. */
export function isPinoScope(scope: InstrumentationScope): boolean {
  return PINO_SCOPE_NAMES.has(scope.name);
}
