import type { Rule } from "../findings";
import { shownValue } from "../syntax";

/**
 * A `previews` block that is not an object: wrangler refuses the whole file (workers-sdk
 * `validatePreviewsConfig`: `The field "previews" should be an object`), so nothing deploys,
 * and the audit cannot read the preview settings it meant. What an object block holds is judged
 * by the other rules, on the environment's preview settings (`previewsOf`). Reported where it
 * is written: an environment inheriting the top level's has the top level's finding.
 */
export const previewsConfigRule: Rule = {
  id: "previews-config",
  severity: "error",
  scope: "all",
  // A Pages config may not hold `previews` at all: `pages-config` says so.
  pages: false,
  summary: "a previews block (the settings wrangler preview deploys) is an object",
  // The hint of a hit that gives none, so it names no syntax: each hit that writes a value gives its own, in the file's.
  fix: "write previews as an object",
  check(environment, { document }) {
    if (environment.previews !== undefined) return [];
    const entry = environment.own("previews");
    if (entry === undefined || entry.value.kind === "object") return [];
    // In TOML a table: `[previews]` (`[env.<name>.previews]`) with its keys under it.
    const fix =
      document.format === "toml"
        ? `write previews as a table: a [${environment.env === null ? "" : `env.${environment.env}.`}previews] header with its keys (vars, tail_consumers, …) under it`
        : 'write previews as an object: "previews": { "vars": { … }, "tail_consumers": [ … ] }';
    return [{ at: entry.value.at, message: `previews is ${shownValue(document.format, entry.value)}, which wrangler refuses to deploy (The field "previews" should be an object)`, fix }];
  },
};
