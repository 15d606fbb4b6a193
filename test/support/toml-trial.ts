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
