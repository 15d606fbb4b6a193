/** Which trace items the tail looks at, and which of those deserve log records. */
import { isOwnPipelineScript } from "../shared/pipeline-workers";
import type { TailConfig } from "./config";
import { invocationOutcome, OK_OUTCOME } from "./outcomes";
import type { TailTraceItem } from "./trace-item";

/**
 * Items from ignored scripts are dropped before anything else, from logs and counts alike. The tail
 * and the ingest Worker are always ignored, in every wrangler environment (`deco-otel-tail-staging`
 * too: isOwnPipelineScript, the rule the audit recognises them by), so a mis-wired account cannot loop.
 */
export function isFromIgnoredScript(item: TailTraceItem, config: Pick<TailConfig, "ignoredScripts">): boolean {
  const script = item.scriptName;
  return script !== null && (isOwnPipelineScript(script) || config.ignoredScripts.has(script));
}

/**
 * A healthy invocation that logged nothing at a captured level produces no log record at all;
 * one whose logs the platform truncated always does (truncation.ts).
 */
export function needsLogRecords(item: TailTraceItem, config: Pick<TailConfig, "captureLevels">): boolean {
  return (
    invocationOutcome(item) !== OK_OUTCOME ||
    item.truncated ||
    item.logs.some((log) => config.captureLevels.has(log.level))
  );
}
