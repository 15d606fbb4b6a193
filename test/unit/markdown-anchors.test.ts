/**
 * Every link into a markdown page's anchor (`[x](#anchor)`, `[x](other.md#anchor)`) must land:
 * a reader following one to a missing target is left at the top of a 2,000-line README. Anchors
 * are GitHub's: a heading's slug (github-slugger's rules, numbered `-1`, `-2` on repeats) or an
 * explicit `<a id>` / `<a name>`.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Tracked markdown pages, paths relative to the checkout's root. */
const PAGES = execFileSync("git", ["ls-files", "*.md"], { cwd: ROOT, encoding: "utf8" })
  .split("\n")
  .filter((path) => path.length > 0);

/** The page's lines outside fenced code blocks (a `#` in a shell block is no heading). */
function proseLines(text: string): string[] {
  let fenced = false;
  return text.split("\n").filter((line) => {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      return false;
    }
    return !fenced;
  });
}

/**
 * GitHub's slug of a heading's text: inline markup dropped (code ticks, emphasis, link targets),
 * lower-cased, every character but letters, digits, `-`, `_` and spaces removed, spaces to `-`.
 */
function headingSlug(heading: string): string {
  return heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[`*]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\- _]/gu, "")
    .replace(/ /g, "-");
}

/** Anchors a page offers: heading slugs (repeats numbered as GitHub does) and explicit ids. */
function anchorsOf(text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of proseLines(text)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const slug = headingSlug(heading[1]!);
      const count = seen.get(slug) ?? 0;
      seen.set(slug, count + 1);
      anchors.add(count === 0 ? slug : `${slug}-${count}`);
    }
    for (const explicit of line.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(explicit[1]!);
  }
  return anchors;
}

/** Links with an anchor in a page's prose: the page they point to (from the root) and the anchor. */
function anchorLinks(page: string, text: string): { target: string; anchor: string; link: string }[] {
  const links = [];
  for (const line of proseLines(text)) {
    for (const match of line.matchAll(/\]\(([^)\s#]*)#([^)\s]+)\)/g)) {
      const path = match[1]!;
      if (/^[a-z]+:/i.test(path) || (path !== "" && !path.endsWith(".md"))) continue;
      const target = path === "" ? page : normalize(join(dirname(page), path));
      links.push({ target, anchor: match[2]!, link: match[0].slice(1) });
    }
  }
  return links;
}

describe("markdown anchors", () => {
  it("slugs headings as GitHub does", () => {
    expect(headingSlug("Auditing producers' wiring")).toBe("auditing-producers-wiring");
    expect(headingSlug("Ingest Worker (`wrangler.ingest.jsonc`)")).toBe("ingest-worker-wrangleringestjsonc");
    expect(headingSlug("Installing: `npm ci` and the lockfile")).toBe("installing-npm-ci-and-the-lockfile");
    expect(headingSlug("Readers: Grafana and ClickStack")).toBe("readers-grafana-and-clickstack");
    expect(anchorsOf("# A\n## A\n```sh\n# A\n```\n")).toEqual(new Set(["a", "a-1"]));
  });

  it.each(PAGES)("every anchor link in %s lands", (page) => {
    const text = readFileSync(join(ROOT, page), "utf8");
    const links = anchorLinks(page, text);
    const missing = links.filter(({ target, anchor }) => {
      const targetText = target === page ? text : readFileSync(join(ROOT, target), "utf8");
      return !anchorsOf(targetText).has(decodeURIComponent(anchor));
    });
    expect(missing.map(({ link }) => link)).toEqual([]);
  });

  it("finds the README's links to its own sections", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    expect(anchorLinks("README.md", readme).map(({ anchor }) => anchor)).toContain("which-tail-an-environment-sends-to");
  });
});
