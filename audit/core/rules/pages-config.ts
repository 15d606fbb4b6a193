import { environmentLabel } from "../environments";
import type { Rule, RuleHit } from "../findings";
import { entryOf } from "../model";

/**
 * The keys of this audit's wiring a Pages config may not hold (workers-sdk
 * `supportedPagesConfigFields` lacks them): `previews` holds a Worker's preview settings, vars
 * and tail consumers among them, which `wrangler preview` deploys and Pages does not.
 */
const REFUSED_IN_PAGES = ["tail_consumers", "streaming_tail_consumers", "observability", "previews"] as const;

/** The only environments a Pages config may name (workers-sdk `validatePagesEnvironmentNames`). */
const PAGES_ENVIRONMENTS = ["preview", "production"];

/**
 * A Cloudflare Pages project's config (`pages_build_output_dir`) as wrangler validates it
 * (workers-sdk `validatePagesConfig`): it refuses `tail_consumers` and `observability` (a Pages
 * Function has no tail consumers, and its logs are not Workers Logs), and environments other than
 * `preview` and `production`, so a file holding them does not deploy at all. Each key is named
 * where it is written (an inherited `observability` is the top level's finding).
 */
export const pagesConfigRule: Rule = {
  id: "pages-config",
  severity: "error",
  scope: "producers",
  pages: true,
  summary: "a Pages config holds no tail_consumers, observability or previews and names only the preview and production environments",
  fix: "remove the key: wrangler refuses it in a Pages config",
  check(environment, { document }) {
    if (entryOf(document.root, "pages_build_output_dir") === undefined) return [];
    const hits: RuleHit[] = [];
    if (environment.env !== null && !PAGES_ENVIRONMENTS.includes(environment.env)) {
      hits.push({
        at: environment.anchor,
        message: `${environmentLabel(environment.env)} is not an environment a Pages project has, and wrangler refuses the file (The supported named-environments for Pages are "preview" and "production")`,
        fix: `rename it preview or production, or remove it`,
      });
    }
    for (const key of REFUSED_IN_PAGES) {
      const entry = environment.own(key);
      if (entry === undefined) continue;
      hits.push({
        at: entry.keyAt,
        message: `${key} is set in a Pages config, which wrangler refuses to deploy (Configuration file for Pages projects does not support "${key}")`,
        fix: `remove ${key}: a Pages project cannot have it (a Worker can)`,
      });
    }
    return hits;
  },
};
