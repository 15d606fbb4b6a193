/**
 * The audit resolves environments the way wrangler does. For every environment of every
 * parsable fleet file, wrangler's own config reader (`unstable_readConfig`, run in a
 * subprocess because importing wrangler installs process signal handlers) and the audit's
 * model must agree on the Worker's name, vars, tail_consumers, version_metadata,
 * analytics_engine_datasets and observability: what is inherited, what is not, and the
 * values read from JSONC and TOML.
 */
import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { environmentsOf } from "../../audit/core/environments";
import { plainValue } from "../../audit/core/model";
import { FLEET, loadFleet } from "../support/fleet";

const ROOT = new URL("../../", import.meta.url).pathname;

const READ_WITH_WRANGLER = `
import { unstable_readConfig } from "wrangler";
const out = [];
for (const [config, env] of JSON.parse(process.argv[1])) {
  const c = unstable_readConfig({ config, env: env ?? undefined }, { hideWarnings: true });
  out.push({ name: c.name, vars: c.vars, tail_consumers: c.tail_consumers, version_metadata: c.version_metadata, analytics_engine_datasets: c.analytics_engine_datasets, observability: c.observability });
}
console.log(JSON.stringify(out));
`;

describe("environments match wrangler's own reading", () => {
  it("agrees on every environment of the parsable fleet", async () => {
    const files = readdirSync(FLEET, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith("unparsable"))
      .flatMap((entry) => readdirSync(join(FLEET, entry.name)).filter((name) => name.startsWith("wrangler.")).map((name) => `${entry.name}/${name}`));
    expect(files.length).toBeGreaterThanOrEqual(12);

    const ours: { file: string; env: string | null; view: unknown }[] = [];
    for (const file of files) {
      for (const environment of environmentsOf(loadFleet(file))) {
        const own = (key: string) => {
          const entry = environment.own(key);
          return entry === undefined ? undefined : plainValue(entry.value);
        };
        const observability = environment.inheritable("observability");
        ours.push({
          file,
          env: environment.env,
          view: {
            name: environment.scriptName,
            vars: own("vars") ?? {},
            tail_consumers: own("tail_consumers"),
            version_metadata: own("version_metadata"),
            analytics_engine_datasets: own("analytics_engine_datasets") ?? [],
            observability: observability === undefined ? undefined : plainValue(observability.entry.value),
          },
        });
      }
    }

    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--input-type=module", "-e", READ_WITH_WRANGLER, JSON.stringify(ours.map((o) => [join(FLEET, o.file), o.env]))],
      { cwd: ROOT, env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true" } },
    );
    const theirs = JSON.parse(stdout) as unknown[];
    expect(theirs).toHaveLength(ours.length);
    ours.forEach((o, i) => expect(JSON.parse(JSON.stringify(o.view)), `${o.file} ${o.env ?? "top level"}`).toEqual(theirs[i]));
  });
});
