/**
 * The operator trial's `wrangler.toml` (2026-12-03): vars written as dotted keys in the top level
 * and in `[env.staging]`. Numbered hand edits "after line N" of the unedited file put the
 * staging vars in the wrong place once the top level's were made.
 */
export const DOTTED_VARS_TRIAL = `name = "dot"
main = "src/index.ts"
compatibility_date = "2024-11-01"
vars.LOG_LEVEL = "info"
observability.enabled = true

[env.staging]
name = "dot-staging"
vars.LOG_LEVEL = "debug"
`;

/**
 * A trial's `wrangler.toml` with near misses inside its tables, in `[[…]]` tables, inline entries and
 * `[env.production.…]` tables: the audit named each ("did you mean service?"), and `--fix` left them,
 * adding a second tail beside the refused entry.
 */
export const NESTED_NEAR_MISS_TRIAL = [
  'name = "shop"',
  'version_metadata = { binding = "CF_VERSION_METADATA" }',
  "",
  "[observability]",
  "enabeld = true",
  "",
  "[[tail_consumers]]",
  'service = "audit-log"',
  "",
  "[[tail_consumers]]",
  'servce = "deco-otel-tail"  # ours',
  "",
  "[[analytics_engine_datasets]]",
  'bindng = "DECO_METRICS"',
  'dataset = "deco_metrics_shop"',
  "",
  "[env.production]",
  'tail_consumers = [{ servce = "deco-otel-tail" }] # the tail',
  "",
  "[env.production.version_metadata]",
  'bindng = "CF_VERSION_METADATA"',
  "",
  "[env.production.observability.logs]",
  "enabeld = true",
  "",
  "[[env.production.analytics_engine_datasets]]",
  'binding = "DECO_METRICS"',
  'datset = "deco_metrics_shop"',
  "",
].join("\n");
