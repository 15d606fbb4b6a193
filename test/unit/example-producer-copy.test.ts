/**
 * The example producer (`examples/producer/`) is meant to be copied alone into a team's own
 * project. Before, a copy pointed its `$schema` two folders up, and its comments gave commands
 * with `-c examples/producer/wrangler.jsonc` and paths (`../../.dev.vars.example`) that exist
 * only in this repository.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const FOLDER = new URL("../../examples/producer/", import.meta.url);

/** Every file of the folder, by name, with its text: not `wrangler dev`'s local state (`.wrangler/`), which no copy takes. */
function files(): [string, string][] {
  return readdirSync(FOLDER, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map(({ name }) => [name, readFileSync(new URL(name, FOLDER), "utf8")]);
}

describe("the example producer copied alone", () => {
  it("names no path outside its folder and no command run from this repository's root", () => {
    // `.../checkout` (an elided URL in a comment) is no path.
    const found = files().flatMap(([name, text]) =>
      [/(^|[^.])\.\.\//, /-c examples\/producer\//].filter((pattern) => pattern.test(text)).map((pattern) => `${name}: ${pattern.source}`),
    );
    expect(found).toEqual([]);
  });

  it("takes wrangler's schema from the copy's own project", () => {
    const config = readFileSync(new URL("wrangler.jsonc", FOLDER), "utf8");
    expect(/"\$schema":\s*"([^"]*)"/.exec(config)?.[1]).toBe("node_modules/wrangler/config-schema.json");
  });
});
