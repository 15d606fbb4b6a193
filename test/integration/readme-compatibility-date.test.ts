/**
 * The README's "With `wrangler dev`" names the pinned wrangler and workerd and the newest
 * `compatibility_date` that workerd accepts. workerd's own `compatibilityDate` export is its
 * release date, not that limit (the binary takes dates a little past it), so the limit is
 * asked of the binary: a Worker on that date starts, one on the next day is refused with the
 * message the README quotes.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Miniflare } from "miniflare";
import { describe, expect, it } from "vitest";

/** The README with its line breaks as spaces, as a reader reads its paragraphs. */
const README = readFileSync(new URL("../../README.md", import.meta.url), "utf8").replace(/\s+/g, " ");
const PARAGRAPH = /pinned wrangler \(([\d.]+), with workerd ([\d.]+)\) only if its `compatibility_date` is `(\d{4}-\d\d-\d\d)` or earlier/.exec(README);
const require = createRequire(import.meta.url);
const versionOf = (name: string) => (require(`${name}/package.json`) as { version: string }).version;

/** Whether workerd runs a Worker of `compatibilityDate`: its answer, or the refusal it printed. */
async function runsOn(compatibilityDate: string): Promise<boolean> {
  const mf = new Miniflare({
    modules: true,
    script: "export default { fetch() { return new Response('ok') } }",
    compatibilityDate,
  });
  try {
    return (await (await mf.dispatchFetch("http://localhost/")).text()) === "ok";
  } catch {
    return false;
  } finally {
    await mf.dispose().catch(() => undefined);
  }
}

describe("the README's newest local compatibility date", () => {
  it("names the wrangler and workerd of the lockfile", () => {
    expect(PARAGRAPH?.slice(1, 3)).toEqual([versionOf("wrangler"), versionOf("workerd")]);
  });

  it("is the newest date workerd runs", async () => {
    const newest = PARAGRAPH![3]!;
    const nextDay = new Date(Date.parse(`${newest}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(await runsOn(newest)).toBe(true);
    expect(await runsOn(nextDay)).toBe(false);
    expect(README).toContain(`the newest date supported by this server binary is "${newest}"`);
  }, 60_000);
});
