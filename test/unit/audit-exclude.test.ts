import { mkdtemp, mkdir, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exclusionsOf } from "../../audit/cli/exclude";

describe("--exclude and --exclude-env patterns", () => {
  const cwd = "/repo";

  it("leaves out files a glob matches or that lie under a folder it names, relative to where the audit runs", () => {
    const exclusions = exclusionsOf(["apps/marketing", "**/dist/**", "./legacy/", "/repo/tools/*.toml"], [], cwd);
    expect(exclusions.fileExcludedBy("/repo/apps/marketing/wrangler.toml", ".")).toBe("apps/marketing");
    expect(exclusions.fileExcludedBy("/repo/apps/marketing/site/wrangler.jsonc", ".")).toBe("apps/marketing");
    expect(exclusions.fileExcludedBy("/repo/apps/shop/dist/shop/wrangler.json", ".")).toBe("**/dist/**");
    expect(exclusions.fileExcludedBy("/repo/legacy/wrangler.toml", ".")).toBe("./legacy/");
    expect(exclusions.fileExcludedBy("/repo/tools/wrangler.toml", ".")).toBe("/repo/tools/*.toml");
    expect(exclusions.fileExcludedBy("/repo/apps/marketing-v2/wrangler.toml", ".")).toBeUndefined();
    expect(exclusions.fileExcludedBy("/repo/services/build/wrangler.toml", ".")).toBeUndefined();
  });

  it("leaves out a named environment of every file, or of the files a glob matches, never the top level", () => {
    const exclusions = exclusionsOf([], ["preview", "apps/shop/**:dev"], cwd);
    expect(exclusions.environmentExcluded("/repo/a/wrangler.jsonc", ".", "preview")).toBe(true);
    expect(exclusions.environmentExcluded("/repo/apps/shop/wrangler.jsonc", ".", "dev")).toBe(true);
    expect(exclusions.environmentExcluded("/repo/apps/blog/wrangler.jsonc", ".", "dev")).toBe(false);
    expect(exclusions.environmentExcluded("/repo/a/wrangler.jsonc", ".", "production")).toBe(false);
    expect(exclusions.environmentExcluded("/repo/a/wrangler.jsonc", ".", null)).toBe(false);
  });

  it("also matches paths from the folder given to audit, when it lies elsewhere", () => {
    const exclusions = exclusionsOf(["shop", "**/dist/**"], ["other/**:dev"], cwd);
    expect(exclusions.fileExcludedBy("/fleet/shop/wrangler.jsonc", "/fleet")).toBe("shop");
    expect(exclusions.fileExcludedBy("/fleet/app/dist/app/wrangler.json", "/fleet")).toBe("**/dist/**");
    expect(exclusions.fileExcludedBy("/fleet/blog/wrangler.jsonc", "/fleet")).toBeUndefined();
    expect(exclusions.environmentExcluded("/fleet/other/wrangler.jsonc", "/fleet", "dev")).toBe(true);
  });

  it("reads a file named through a link to the folder the audit runs in by its real path (macOS's /tmp is one)", async () => {
    const real = await mkdtemp(join(tmpdir(), "audit-real-"));
    const link = `${real}-link`;
    try {
      await mkdir(join(real, "apps", "legacy"), { recursive: true });
      await writeFile(join(real, "apps", "legacy", "wrangler.toml"), "");
      await symlink(real, link);
      const exclusions = exclusionsOf(["apps/legacy", join(link, "apps", "legacy")], ["apps/**:dev"], real);
      expect(exclusions.fileExcludedBy(join(link, "apps", "legacy", "wrangler.toml"), join(link, "apps", "legacy", "wrangler.toml"))).toBe("apps/legacy");
      expect(exclusions.environmentExcluded(join(link, "apps", "legacy", "wrangler.toml"), link, "dev")).toBe(true);
      expect(exclusionsOf([join(link, "apps", "legacy")], [], real).fileExcludedBy(join(real, "apps", "legacy", "wrangler.toml"), ".")).toBe(join(link, "apps", "legacy"));
      // A pattern naming a link names its target's files too.
      await symlink(join(real, "apps", "legacy"), join(real, "apps", "current"));
      expect(exclusionsOf(["apps/current"], [], real).fileExcludedBy(join(real, "apps", "legacy", "wrangler.toml"), ".")).toBe("apps/current");
    } finally {
      await rm(link, { force: true });
      await rm(real, { recursive: true, force: true });
    }
  });

  it("lets a glob opening with ** match at any depth, a folder's path or . only under it", () => {
    const exclusions = exclusionsOf(["**/dist/**", "."], ["production"], cwd);
    expect(exclusions.fileExcludedBy("/fleet/app/dist/wrangler.json", "/fleet/app/dist/wrangler.json")).toBe("**/dist/**");
    expect(exclusions.fileExcludedBy("/fleet/app/wrangler.json", "/fleet/app/wrangler.json")).toBeUndefined();
    expect(exclusions.fileExcludedBy("/repo/app/wrangler.json", "/repo/app/wrangler.json")).toBe(".");
    expect(exclusions.environmentExcluded("/fleet/app/wrangler.json", "/fleet/app/wrangler.json", "production")).toBe(true);
  });

  // A file whose top level is never deployed, only its env.* blocks: wrangler names the top level --env="".
  it("leaves out the top level when named by a glob and the empty name, GLOB:", () => {
    const exclusions = exclusionsOf([], ["**:", "apps/**:"], cwd);
    expect(exclusions.environmentExcluded("/repo/a/wrangler.jsonc", ".", null)).toBe(true);
    expect(exclusions.environmentExcluded("/fleet/a/wrangler.jsonc", "/fleet/a/wrangler.jsonc", null)).toBe(true);
    expect(exclusions.environmentExcluded("/repo/a/wrangler.jsonc", ".", "production")).toBe(false);
    const scoped = exclusionsOf([], ["apps/**:"], cwd);
    expect(scoped.environmentExcluded("/repo/apps/shop/wrangler.jsonc", ".", null)).toBe(true);
    expect(scoped.environmentExcluded("/repo/blog/wrangler.jsonc", ".", null)).toBe(false);
    expect(exclusionsOf([], ["**:", "x/**:"], cwd).unmatched()).toEqual([
      "--exclude-env **: matched no environment: its glob matched no wrangler file audited (a pattern without ./, ../ or / is read from the folder the audit runs in and from the folder given to audit)",
      "--exclude-env x/**: matched no environment: its glob matched no wrangler file audited (a pattern without ./, ../ or / is read from the folder the audit runs in and from the folder given to audit)",
    ]);
  });

  // From apps/shop, `audit ../.. --exclude "$PWD"` (or `.`, `../shop`) names apps/shop, never every file of the folder given.
  it("reads a pattern with a folder part from the folder the audit runs in only, never from the folder given to audit", () => {
    const shop = "/p88/fleet/apps/shop";
    const file = (name: string) => `/p88/fleet/apps/${name}`;
    for (const pattern of [shop, "../shop", ".", "./", "./**", "./wrangler.jsonc"]) {
      const exclusions = exclusionsOf([pattern], [], shop);
      expect(exclusions.fileExcludedBy(file("shop/wrangler.jsonc"), "../.."), pattern).toBe(pattern);
      for (const other of ["legacy/wrangler.toml", "marketing/wrangler.toml", "app/dist/wrangler.json"]) {
        expect(exclusions.fileExcludedBy(file(other), "../.."), `${pattern} ${other}`).toBeUndefined();
      }
    }
    for (const pattern of [".:", "./**:"]) {
      const exclusions = exclusionsOf([], [pattern], shop);
      expect(exclusions.environmentExcluded(file("shop/wrangler.jsonc"), "../..", null), pattern).toBe(true);
      expect(exclusions.environmentExcluded(file("legacy/wrangler.toml"), "../..", null), pattern).toBe(false);
    }
    // A folder above the current one holds the current one's files too.
    for (const pattern of ["..", "../..", "/p88/fleet", "../*/wrangler.*"]) {
      const exclusions = exclusionsOf([pattern], [], shop);
      expect(exclusions.fileExcludedBy(file("legacy/wrangler.toml"), "../.."), pattern).toBe(pattern);
      expect(exclusions.fileExcludedBy(file("shop/wrangler.jsonc"), "../.."), pattern).toBe(pattern);
    }
    // An absolute pattern names that absolute folder, not the same path under the folder audited.
    const absolute = exclusionsOf(["/p88/legacy"], [], "/p88");
    expect(absolute.fileExcludedBy("/p88/fleet/apps/legacy/wrangler.toml", "fleet/apps")).toBeUndefined();
    expect(absolute.unmatched()).toEqual(["--exclude /p88/legacy matched no wrangler file (it names files under /p88/legacy)"]);
    // A pattern without a folder part is still read from the folder audited too.
    expect(exclusionsOf(["legacy", "apps/*"], [], "/p88").fileExcludedBy("/p88/fleet/apps/legacy/wrangler.toml", "fleet/apps")).toBe("legacy");
    expect(exclusionsOf(["apps/*"], [], "/p88").fileExcludedBy("/p88/fleet/apps/legacy/wrangler.toml", "fleet")).toBe("apps/*");
  });

  it("refuses empty patterns", () => {
    expect(() => exclusionsOf([""], [], cwd)).toThrow("--exclude needs a glob");
    expect(() => exclusionsOf([], [":dev"], cwd)).toThrow("--exclude-env takes NAME or GLOB:NAME");
  });

  // `--exclude-env "$ENV"` with $ENV unset left out every file's top level, the one plain `wrangler deploy` ships.
  it("refuses an empty --exclude-env, saying how to name a top level", () => {
    for (const empty of ["", " "]) {
      expect(() => exclusionsOf([], [empty], cwd), JSON.stringify(empty)).toThrow(
        "--exclude-env got an empty name (an unset shell variable gives one): name an environment (--exclude-env preview), or, to leave out a top level that is never deployed, write GLOB: with nothing after the colon: --exclude-env '**:' for every file, --exclude-env 'apps/shop/**:' for some",
      );
    }
  });

  // A user on Windows writes folders with \; picomatch read each as an escape, so these matched no file.
  it("reads \\ in a pattern as a folder separator", () => {
    const exclusions = exclusionsOf([".\\apps\\legacy\\wrangler.toml", "apps\\old\\**", "\\repo\\tools"], ["apps\\shop\\**:dev"], cwd);
    expect(exclusions.fileExcludedBy("/repo/apps/legacy/wrangler.toml", ".")).toBe(".\\apps\\legacy\\wrangler.toml");
    expect(exclusions.fileExcludedBy("/repo/other/apps/legacy/wrangler.toml", ".")).toBeUndefined();
    expect(exclusions.fileExcludedBy("/repo/apps/old/site/wrangler.jsonc", ".")).toBe("apps\\old\\**");
    expect(exclusions.fileExcludedBy("/repo/tools/wrangler.toml", ".")).toBe("\\repo\\tools");
    expect(exclusions.environmentExcluded("/repo/apps/shop/wrangler.jsonc", ".", "dev")).toBe(true);
    expect(exclusions.environmentExcluded("/repo/apps/blog/wrangler.jsonc", ".", "dev")).toBe(false);
    // A folder part written with \ is read as one: it names files under that folder only.
    const fromShop = exclusionsOf(["..\\legacy"], [], "/p88/fleet/apps/shop");
    expect(fromShop.fileExcludedBy("/p88/fleet/apps/legacy/wrangler.toml", "../..")).toBe("..\\legacy");
    expect(fromShop.fileExcludedBy("/p88/fleet/legacy/wrangler.toml", "../..")).toBeUndefined();
    expect(exclusionsOf(["apps\\nothing"], [], cwd).unmatched()).toEqual([
      "--exclude apps\\nothing matched no wrangler file (a pattern without ./, ../ or / is read from the folder the audit runs in and from the folder given to audit; \\ is read as a folder separator, not an escape: a glob character in a name goes in brackets, [[] for a literal [)",
    ]);
    // A glob character in a name is written in brackets, since \ no longer escapes it.
    expect(exclusionsOf(["apps/[[]id]"], [], cwd).fileExcludedBy("/repo/apps/[id]/wrangler.toml", ".")).toBe("apps/[[]id]");
  });
});

describe("patterns that leave nothing out", () => {
  it("are named once the run is over, so a misspelled or misplaced one is not silent", () => {
    const exclusions = exclusionsOf(["apps/marketing", "apps/legacy"], ["dev", "prod", "apps/blog/**:dev", "apps/shop/**:preview", "./apps/nothing/**:"], "/repo");
    exclusions.fileExcludedBy("/repo/apps/marketing/wrangler.toml", ".");
    exclusions.environmentExcluded("/repo/apps/shop/wrangler.jsonc", ".", "dev");
    exclusions.environmentExcluded("/repo/apps/shop/wrangler.jsonc", ".", "staging");
    expect(exclusions.unmatched()).toEqual([
      "--exclude apps/legacy matched no wrangler file (a pattern without ./, ../ or / is read from the folder the audit runs in and from the folder given to audit)",
      "--exclude-env prod matched no environment: no file audited has env.prod",
      "--exclude-env apps/blog/**:dev matched no environment: its glob matched no wrangler file audited (a pattern without ./, ../ or / is read from the folder the audit runs in and from the folder given to audit)",
      "--exclude-env apps/shop/**:preview matched no environment: no file audited has env.preview among the files its glob matches",
      "--exclude-env ./apps/nothing/**: matched no environment: its glob matched no wrangler file audited (it names files under /repo/apps/nothing)",
    ]);
  });
});
