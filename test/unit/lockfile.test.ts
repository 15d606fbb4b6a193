/**
 * package-lock.json keeps an entry for every optional dependency, published or not, so a clean
 * `npm ci` accepts it (npm refuses a lockfile whose optional edges resolve nowhere).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  unresolvedOptionals,
  withUnresolvedOptionals,
  type PackageLock,
} from "../../scripts/lockfile/unpublished-optionals";

const committed = JSON.parse(readFileSync(new URL("../../package-lock.json", import.meta.url), "utf8")) as PackageLock;

describe("the committed lockfile", () => {
  it("resolves every optional dependency, so npm ci accepts it (else run `npm run lockfile`)", () => {
    expect(unresolvedOptionals(committed)).toEqual([]);
    // chDB's platform packages are the case this guards: all four are declared and locked.
    const chdb = committed.packages["node_modules/chdb"]!;
    expect(Object.keys(chdb.optionalDependencies ?? {})).toHaveLength(4);
    for (const [name, version] of Object.entries(chdb.optionalDependencies ?? {})) {
      expect(committed.packages[`node_modules/${name}`]?.version).toBe(version);
    }
  });
});

describe("withUnresolvedOptionals", () => {
  const lock = (packages: PackageLock["packages"]): PackageLock => ({ lockfileVersion: 3, packages });

  it("adds the declared version at the top level, dev as its dependent, and sorts entries as npm does", () => {
    const fixed = withUnresolvedOptionals(
      lock({
        "": { name: "app" },
        "node_modules/zeta": { version: "1.0.0", dev: true, optionalDependencies: { "@x/bin-a": "2.0.0-rc.1", "@x/bin-b": "2.0.0-rc.1" } },
        "node_modules/@x/bin-b": { version: "2.0.0-rc.1", dev: true, optional: true },
      }),
    );
    expect(Object.keys(fixed.packages)).toEqual(["", "node_modules/@x/bin-a", "node_modules/@x/bin-b", "node_modules/zeta"]);
    expect(fixed.packages["node_modules/@x/bin-a"]).toEqual({ version: "2.0.0-rc.1", dev: true, optional: true });
    expect(unresolvedOptionals(fixed)).toEqual([]);
  });

  it("finds an entry where Node would: beside the dependent or in any enclosing node_modules", () => {
    const nested = lock({
      "": {},
      "node_modules/a": { version: "1.0.0", optionalDependencies: { b: "3.0.0" } },
      "node_modules/a/node_modules/c": { version: "1.0.0", optionalDependencies: { b: "3.0.0", d: "1.0.0" } },
      "node_modules/a/node_modules/b": { version: "3.0.0" },
      "node_modules/a/node_modules/c/node_modules/d": { version: "1.0.0" },
    });
    expect(unresolvedOptionals(nested)).toEqual([]);
    delete nested.packages["node_modules/a/node_modules/b"];
    expect(unresolvedOptionals(nested)).toEqual([
      { dependent: "node_modules/a", name: "b", spec: "3.0.0" },
      { dependent: "node_modules/a/node_modules/c", name: "b", spec: "3.0.0" },
    ]);
    expect(withUnresolvedOptionals(nested).packages["node_modules/b"]).toEqual({ version: "3.0.0", optional: true });
  });

  it("refuses to invent a version for a range", () => {
    expect(() => withUnresolvedOptionals(lock({ "": {}, "node_modules/a": { version: "1.0.0", optionalDependencies: { b: "^3.0.0" } } }))).toThrow(
      "node_modules/a declares the optional dependency b@^3.0.0",
    );
  });
});
