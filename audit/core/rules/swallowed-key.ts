import type { Rule } from "../findings";
import { type SwallowedKey, moveHint, swallowedKeys } from "../swallowed-keys";

/**
 * A Worker key written under a `[table]` header of `wrangler.toml`, which TOML reads into that
 * table (`swallowedKeys`): wrangler ignores it there (or, under `[vars]`, deploys it as a var),
 * so the Worker runs without it, and the rule about that key sees it "not set". Said where it
 * went and how to move it; `--fix` moves the line (with its comment) when its checks pass.
 */
export const swallowedKeyRule: Rule = {
  id: "swallowed-key",
  severity: "warning",
  scope: "all",
  pages: true,
  summary: "no Worker key (tail_consumers, vars, …) is written under a [table] header of wrangler.toml, which takes it in",
  fix: "move the line above the first table header (or run --fix)",
  check(environment, { document }) {
    return swallowedKeys(document, environment).map((swallowed) => ({
      at: swallowed.entry.keyAt,
      message: swallowedMessage(swallowed),
      // A top-level-only key under [env.<name>]: --fix leaves it to a person (see fixDocument).
      fix:
        environment.env === null && swallowed.path[0] === "env"
          ? `wrangler reads ${swallowed.key} only at the top level, for every environment: ${moveHint(null)} if every environment should have it, else remove it`
          : `${moveHint(environment.env)} (or run --fix)`,
    }));
  },
};

/** `tail_consumers` on line 8 is read as `observability.tail_consumers` because it follows `[observability]` (line 5) … */
export function swallowedMessage(swallowed: SwallowedKey): string {
  const { key, entry, readAs, header, headerLine } = swallowed;
  const effect = readAs.endsWith(`vars.${key}`) ? `a var, not the Worker's ${key}` : `a key wrangler ignores there ("Unexpected fields found")`;
  return `\`${key}\` on line ${entry.keyAt.line} is read as \`${readAs}\` because it follows \`${header}\` (line ${headerLine}): every key line under a header belongs to that table up to the next header, so it is ${effect}`;
}
