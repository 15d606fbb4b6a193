/** `npm run dashboards` as a user runs it: flags, exit codes, the files it writes, --from-clickhouse. */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { closedPort, FOREIGN_ANSWERS, startForeignServer, type ForeignServer } from "../support/foreign-server";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applySchema, renderSchema, resolveSchemaOptions } from "../../schema";
import { createTestDatabase, type TestDatabase } from "../support/clickhouse";
import { expectContainsEach } from "../support/text-checks";

const REPOSITORY_ROOT = fileURLToPath(new URL("../../", import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function dashboardsCli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "dashboards/cli.ts", ...args],
      { cwd: REPOSITORY_ROOT, env: { ...process.env, CLICKHOUSE_URL: "", CLICKHOUSE_PASSWORD: "", ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

let out: string;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), "deco-otel-dashboards-"));
});

afterAll(() => rm(out, { recursive: true, force: true }));

describe("npm run dashboards", () => {
  it("prints its usage with --help", async () => {
    const run = await dashboardsCli(["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("--from-clickhouse");
    expect(run.stdout).toContain("--runbook-base-url URL");
  });

  it.each([
    [[], "no service to render"],
    [["--service", "shop", "--with-alerts"], "--runbook-base-url"],
    [["--service", "shop", "--generation", "newest"], "--generation must be current or legacy"],
    [["--service", "shop", "--colour"], "unknown option --colour"],
    [["--service", "shop", "--min-requests", "0"], "unknown option --min-requests: did you mean --min-requests-per-window?"],
    [["--service", "shop", "extra"], 'unexpected argument "extra": this command takes options only'],
    [["--service", "shop", "--min-requests-per-window", "a few"], '--min-requests-per-window must be a whole number of at least 1, got "a few"'],
    [["--service", "shop", "--min-requests-per-window", "0"], "--min-requests-per-window must be a whole number of at least 1, got 0"],
    [["--service", ""], '--service needs a service name (a ServiceName), got an empty one ("")'],
    [["--service", "shop", "--service", ""], '--service needs a service name (a ServiceName), got an empty one ("")'],
    [["--service", "shop", "--with-alerts", "--runbook-base-url", "ftp://x"], '--runbook-base-url must be an http(s) URL, got "ftp://x"'],
    [["--service", "shop", "--datasource-uid", ""], '--datasource-uid must be a Grafana uid, 1 to 40 letters, digits, "-" or "_", got ""'],
    [["--service", "shop", "--datasource-uid", "my ch"], '--datasource-uid must be a Grafana uid, 1 to 40 letters, digits, "-" or "_", got "my ch"'],
    [["--service", "shop", "--datasource-uid", "team/ch"], '--datasource-uid must be a Grafana uid, 1 to 40 letters, digits, "-" or "_", got "team/ch"'],
    [["--service", "shop", "--datasource-uid", "c".repeat(41)], `--datasource-uid must be a Grafana uid, 1 to 40 letters, digits, "-" or "_", got "${"c".repeat(41)}" (41 characters)`],
    [["--service", "shop", "--database", "my db"], '--database must be a plain identifier (letters, digits, underscores, not starting with a digit), got "my db"'],
    [["--from-clickhouse", "--database", "otel;"], '--database must be a plain identifier (letters, digits, underscores, not starting with a digit), got "otel;"'],
    [["--service", "shop", "--url", "ftp://ch.example"], `--url must be ClickHouse's http(s) URL without query or fragment, e.g. https://clickhouse.example:8443, got "ftp://ch.example"`],
    [["--service", "shop", "--url", "ch.example:8443"], `--url must be ClickHouse's http(s) URL without query or fragment, e.g. https://clickhouse.example:8443, got "ch.example:8443"`],
    [["--service", "shop", "--user", ""], "--user needs a ClickHouse user name, got an empty one"],
    [["--service", "shop", "--with-alerts", "--runbook-base-url", "https://runbooks example/"], '--runbook-base-url must be an http(s) URL, got "https://runbooks example/"'],
  ])("refuses %j with exit code 2 and says why", async (args, message) => {
    const run = await dashboardsCli(args);
    expect(run.code).toBe(2);
    // The mistake on the first line and where the flags are, not the screen of flags that hid it.
    const [first, ...rest] = run.stderr.trimEnd().split("\n");
    expect(first).toContain(message);
    expect(rest).toEqual(['Run "npm run dashboards -- --help" for the usage.']);
  });

  it("refuses an --out that is a file, or lies below one, with exit code 2 and says so", async () => {
    const file = join(out, "a-file");
    await writeFile(file, "not a folder\n");
    for (const [dir, message] of [
      [file, `--out must be a directory: ${file} is a file`],
      [join(file, "sub"), `--out must be a directory: ${file} is a file, so ${join(file, "sub")} cannot be made`],
    ]) {
      const run = await dashboardsCli(["--service", "shop", "--out", dir!]);
      expect(run.code).toBe(2);
      expect(run.stderr.trimEnd().split("\n")).toEqual([message, 'Run "npm run dashboards -- --help" for the usage.']);
    }
    expect(await readFile(file, "utf8")).toBe("not a folder\n");
  });

  it("writes dashboards, alert rules, the data source and the dashboard provider, and says how to import them", async () => {
    const dir = join(out, "named");
    const run = await dashboardsCli(
      [
        ...["--service", "example-shop", "--service", "demo-client", "--generation", "legacy", "--with-alerts"],
        ...["--runbook-base-url", "https://runbooks.example/docs/runbooks", "--datasource-uid", "my-ch", "--out", dir],
      ],
      { CLICKHOUSE_URL: "https://ch.example.com:8443", CLICKHOUSE_USER: "reader", CLICKHOUSE_PASSWORD: "s3cret-password" },
    );
    expect(run.code, run.stderr).toBe(0);
    expect((await readdir(join(dir, "dashboards"))).sort()).toEqual([
      "deco-otel-demo-client.json",
      "deco-otel-example-shop.json",
      "deco-otel-fleet.json",
    ]);
    expect((await readdir(join(dir, "provisioning", "alerting"))).sort()).toEqual([
      "deco-otel-demo-client.yaml",
      "deco-otel-example-shop.yaml",
      "deco-otel-fleet.yaml",
    ]);
    const datasource = await readFile(join(dir, "provisioning", "datasources", "deco-otel.yaml"), "utf8");
    expect(datasource).toContain("uid: my-ch");
    expect(datasource).toContain("host: ch.example.com");
    expect(datasource).toContain("username: reader");
    expect(datasource).not.toContain("s3cret-password");
    const dashboard = JSON.parse(await readFile(join(dir, "dashboards", "deco-otel-example-shop.json"), "utf8"));
    expect(dashboard.panels.find((panel: { type: string }) => panel.type === "logs").targets[0].rawSql).toContain(
      "$__timeFilter(TimestampTime)",
    );
    expect(run.stdout).toContain("Dashboards > New > Import");
    expect(run.stdout).toContain("/etc/grafana/provisioning/");
  });

  it("gives a service named fleet a dashboard of its own beside the fleet overview, each written and recorded once", async () => {
    const dir = join(out, "service-named-fleet");
    const run = await dashboardsCli(["--service", "fleet", "--out", dir]);
    expect(run.code, run.stderr).toBe(0);
    const files = (await readdir(join(dir, "dashboards"))).sort();
    expect(files).toHaveLength(2);
    expect(files).toContain("deco-otel-fleet.json");
    expect(files.find((file) => file !== "deco-otel-fleet.json")).toMatch(/^deco-otel-fleet-[0-9a-f]{8}\.json$/);
    const uids = await Promise.all(files.map(async (file) => JSON.parse(await readFile(join(dir, "dashboards", file), "utf8")).uid as string));
    expect(uids.map((uid) => `${uid}.json`)).toEqual(files);
    const recorded = JSON.parse(await readFile(join(dir, ".deco-otel-dashboards.json"), "utf8")).files as string[];
    expect(new Set(recorded).size).toBe(recorded.length);
    for (const file of files) expect(run.stdout.split(file).length - 1).toBeLessThanOrEqual(1);
  });

  it("adds the framework's panels and rules to named services with --framework-metrics", async () => {
    const dir = join(out, "framework");
    const run = await dashboardsCli(["--service", "storefront", "--framework-metrics", "--with-alerts", "--runbook-base-url", "https://x/rb", "--out", dir]);
    expect(run.code, run.stderr).toBe(0);
    const dashboard = JSON.parse(await readFile(join(dir, "dashboards", "deco-otel-storefront.json"), "utf8"));
    expect((dashboard.panels as Array<{ title: string }>).map((panel) => panel.title)).toEqual(
      expect.arrayContaining(["Commerce upstream p95 by provider / operation", "Cache hit rate by layer", "5xx by route_pattern"]),
    );
    const rules = await readFile(join(dir, "provisioning", "alerting", "deco-otel-storefront.yaml"), "utf8");
    for (const runbook of ["cache-hit-drop", "commerce-upstream-slow", "tail-exception-spike"]) expect(rules).toContain(`runbook_url: https://x/rb/${runbook}.md`);
  });

  describe("the output folder holds exactly the last run's files", () => {
    const firstRun = (dir: string) => [
      ...["--service", "shop-api", "--service", "storefront", "--with-alerts", "--runbook-base-url", "https://x/rb", "--out", dir],
    ];

    it("removes the files an earlier run wrote that this run does not, and says which", async () => {
      const dir = join(out, "rerun");
      expect((await dashboardsCli(firstRun(dir))).code).toBe(0);
      const run = await dashboardsCli(["--service", "shop-api", "--out", dir]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain("Wrote 4 files");
      expect((await readdir(join(dir, "dashboards"))).sort()).toEqual(["deco-otel-fleet.json", "deco-otel-shop-api.json"]);
      // The alert rules of the first run went with their folder: `cp -r provisioning/*` copies none.
      expect((await readdir(join(dir, "provisioning"))).sort()).toEqual(["dashboards", "datasources"]);
      expect(run.stdout).toContain("Removed 4 files an earlier run wrote there");
      for (const file of ["deco-otel-storefront.json", "deco-otel-fleet.yaml", "deco-otel-shop-api.yaml", "deco-otel-storefront.yaml"]) {
        expect(run.stdout).toContain(file);
      }
      // Run again unchanged: nothing to remove.
      const again = await dashboardsCli(["--service", "shop-api", "--out", dir]);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).not.toContain("Removed");
    });

    it("refuses a folder holding a file it did not write, names it, and writes nothing", async () => {
      const dir = join(out, "foreign");
      expect((await dashboardsCli(firstRun(dir))).code).toBe(0);
      const mine = join(dir, "provisioning", "alerting", "my-own-rules.yaml");
      await writeFile(mine, "apiVersion: 1\n");
      const run = await dashboardsCli(["--service", "shop-api", "--out", dir]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`holds 1 file(s) npm run dashboards did not write`);
      expect(run.stderr).toContain(mine);
      // Nothing removed, the hand-written file kept.
      expect((await readdir(join(dir, "dashboards"))).sort()).toContain("deco-otel-storefront.json");
      expect(await readFile(mine, "utf8")).toBe("apiVersion: 1\n");
    });

    it("refuses what a run before the record left, and never removes a recorded path outside its folders", async () => {
      const dir = join(out, "unrecorded");
      await mkdir(join(dir, "dashboards"), { recursive: true });
      await writeFile(join(dir, "dashboards", "deco-otel-old.json"), "{}");
      await writeFile(join(dir, "keep.txt"), "mine");
      const refused = await dashboardsCli(["--service", "shop-api", "--out", dir]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(join(dir, "dashboards", "deco-otel-old.json"));
      await rm(join(dir, "dashboards", "deco-otel-old.json"));
      // A record naming a file outside dashboards/ and provisioning/ (edited by hand): not removed.
      await writeFile(join(dir, ".deco-otel-dashboards.json"), JSON.stringify({ files: ["keep.txt", "../outside.txt"] }));
      const run = await dashboardsCli(["--service", "shop-api", "--out", dir]);
      expect(run.code, run.stderr).toBe(0);
      expect(await readFile(join(dir, "keep.txt"), "utf8")).toBe("mine");
      expect(JSON.parse(await readFile(join(dir, ".deco-otel-dashboards.json"), "utf8")).files).toContain("dashboards/deco-otel-shop-api.json");
    });
  });

  describe("--from-clickhouse", () => {
    let db: TestDatabase;

    beforeAll(async () => {
      db = await createTestDatabase("dashboards_cli");
      await applySchema(db.client, renderSchema(resolveSchemaOptions({ database: db.database })));
      // An hour back, not now: the plugin's $__timeFilter ends at the range's end truncated to a
      // whole second, so a row written in the second the CLI runs would fall outside it.
      await db.client.command({
        query: `INSERT INTO otel_logs (Timestamp, ServiceName, SeverityText, SeverityNumber, Body) VALUES
          (now64(9) - INTERVAL 1 HOUR, 'seen-today', 'ERROR', 17, 'boom'), (now64(9) - INTERVAL 3 DAY, 'seen-days-ago', 'INFO', 9, 'old'),
          (now64(9) - INTERVAL 1 HOUR, 'cloudflare-workers-observability', '', 9, 'Hello from Cloudflare (a destination saved)')`,
      });
      // A service the tail Worker counts: its invocation count, as the tail sends it.
      await db.client.command({
        query: `INSERT INTO otel_metrics_sum (ServiceName, MetricName, TimeUnix, Value, AggregationTemporality, IsMonotonic) VALUES
          ('counted-shop', 'cloudflare.worker.invocations', now() - INTERVAL 1 HOUR, 5, 1, true),
          ('counted-shop', 'cache_hit_total', now() - INTERVAL 1 HOUR, 9, 1, true)`,
      });
    });

    afterAll(() => db?.drop());

    it("refuses a bad CLICKHOUSE_URL by its name", async () => {
      const run = await dashboardsCli(["--service", "shop", "--out", join(out, "bad-variable")], { CLICKHOUSE_URL: "clickhouse:8123" });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`CLICKHOUSE_URL must be ClickHouse's http(s) URL without query or fragment, e.g. https://clickhouse.example:8443, got "clickhouse:8123"`);
    });

    describe("when something else answers at --url", () => {
      let foreign: ForeignServer;
      beforeAll(async () => {
        foreign = await startForeignServer();
      });
      afterAll(() => foreign?.close());

      it.each([
        ["emptyJson", "application/json"],
        ["loginPage", "text/html; charset=utf-8"],
      ] as const)("%s: says the answer is not ClickHouse's instead of reading it as an empty database", async (answer, type) => {
        foreign.answerWith(FOREIGN_ANSWERS[answer]);
        const run = await dashboardsCli(["--from-clickhouse", "--url", foreign.url, "--out", join(out, answer)]);
        expect(run.code).toBe(1);
        expect(run.stderr.trim()).toBe(
          `npm run dashboards failed: --from-clickhouse could not read the tables at ${foreign.url}: the answer is not ClickHouse's (${type}, without ClickHouse's X-ClickHouse-Query-Id header): a login page, a proxy or another server at this URL?`,
        );
        expect(await readdir(out)).not.toContain(answer);
      });

      it("names the cause of a connection cut in the answer", async () => {
        foreign.answerWith(FOREIGN_ANSWERS.cutBody);
        const run = await dashboardsCli(["--from-clickhouse", "--url", foreign.url, "--out", join(out, "cut")]);
        expect(run.code).toBe(1);
        expect(run.stderr).toMatch(new RegExp(`^npm run dashboards failed: --from-clickhouse could not read the tables at ${foreign.url.replace(/\./g, "\\.")}: \\S`));
        expect(run.stderr).not.toMatch(/\n\s+at /);
      });
    });

    it("names the URL and the cause when ClickHouse cannot be reached", async () => {
      // A port that was just free and is closed again: the connection is refused.
      const port = await closedPort();
      const url = `http://127.0.0.1:${port}`;
      const run = await dashboardsCli(["--from-clickhouse", "--url", url, "--out", join(out, "unreachable")]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`--from-clickhouse could not read the tables at ${url}: fetch failed: connect ECONNREFUSED 127.0.0.1:${port}`);
      expect(run.stderr).toContain(`\n  ${url} is --url's: is ClickHouse's HTTP(S) interface there?`);
    });

    it("says a refused CLICKHOUSE_URL came from that variable, and how to read another ClickHouse", async () => {
      const port = await closedPort();
      const url = `http://127.0.0.1:${port}`;
      const run = await dashboardsCli(["--from-clickhouse", "--out", join(out, "unreachable-variable")], { CLICKHOUSE_URL: url });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`--from-clickhouse could not read the tables at ${url}: fetch failed: connect ECONNREFUSED`);
      expect(run.stderr).toContain(`${url} is CLICKHOUSE_URL's: for another ClickHouse, change CLICKHOUSE_URL or pass --url URL (which wins over it).`);
    });

    it("renders every service seen in the last day, besides the named ones (not Cloudflare's destination test record), and names those the tail Worker did not count", async () => {
      const dir = join(out, "discovered");
      const run = await dashboardsCli(
        ["--from-clickhouse", "--service", "named-shop", "--database", db.database, "--url", db.url, "--out", dir],
      );
      expect(run.code, run.stderr).toBe(0);
      expectContainsEach(run.stdout, [
        `Tables in ${db.database} at ${db.url}: the current generation`,
        "Services seen in the last day at",
        "npm run dashboards -- --with-alerts --runbook-base-url URL",
      ]);
      expect((await readdir(join(dir, "dashboards"))).sort()).toEqual([
        "deco-otel-counted-shop.json",
        "deco-otel-fleet.json",
        "deco-otel-named-shop.json",
        "deco-otel-seen-today.json",
      ]);
      // On stderr and on their dashboards.
      expectContainsEach(run.stderr, [
        "No invocation counts from the tail Worker in the last day for 2 service(s): named-shop, seen-today.",
        '"Error rate"',
        '"tail_consumers": [{ "service": "deco-otel-tail" }]',
      ]);
      const notes = async (service: string) => {
        const dashboard = JSON.parse(await readFile(join(dir, "dashboards", `deco-otel-${service}.json`), "utf8"));
        return (dashboard.panels as Array<{ type: string; title: string }>).filter((panel) => panel.type === "text").map((panel) => panel.title);
      };
      expect(await notes("seen-today")).toEqual(["No counts from the tail Worker"]);
      expect(await notes("named-shop")).toEqual(["No counts from the tail Worker"]);
      expect(await notes("counted-shop")).toEqual([]);
      // The framework's cache counter exists for counted-shop only: its panels, no others.
      expect(run.stdout).toContain("Services exporting the storefront framework's metrics in the last day: counted-shop (cache)");
      const titles = async (service: string) =>
        (JSON.parse(await readFile(join(dir, "dashboards", `deco-otel-${service}.json`), "utf8")).panels as Array<{ title: string }>).map((panel) => panel.title);
      expect(await titles("counted-shop")).toContain("Cache hit rate by layer");
      expect(await titles("counted-shop")).not.toContain("Commerce upstream p95 by provider / operation");
      expect(await titles("seen-today")).not.toContain("Cache hit rate by layer");
    });

    it("renders a service that sends only gauges, summaries or exponential histograms: every metric table is read", async () => {
      const metricsOnly = await createTestDatabase("dashboards_cli_metrics_only");
      try {
        await applySchema(metricsOnly.client, renderSchema(resolveSchemaOptions({ database: metricsOnly.database })));
        for (const [table, service] of [
          ["otel_metrics_gauge", "gauge-only"],
          ["otel_metrics_summary", "summary-only"],
          ["otel_metrics_exponential_histogram", "exponential-only"],
        ]) {
          await metricsOnly.client.command({
            query: `INSERT INTO ${table} (ServiceName, MetricName, TimeUnix) VALUES ('${service}', 'queue.depth', now() - INTERVAL 1 HOUR)`,
          });
        }
        const dir = join(out, "metrics-only");
        const run = await dashboardsCli(["--from-clickhouse", "--database", metricsOnly.database, "--url", metricsOnly.url, "--out", dir]);
        expect(run.code, run.stderr).toBe(0);
        expect((await readdir(join(dir, "dashboards"))).sort()).toEqual([
          "deco-otel-exponential-only.json",
          "deco-otel-fleet.json",
          "deco-otel-gauge-only.json",
          "deco-otel-summary-only.json",
        ]);
      } finally {
        await metricsOnly.drop();
      }
    });

    it("says which generation the tables are and refuses a --generation that does not fit them, before ClickHouse fails on a column", async () => {
      const run = await dashboardsCli(["--from-clickhouse", "--generation", "legacy", "--database", db.database, "--url", db.url, "--out", join(out, "wrong-generation")]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        "--generation legacy does not fit these tables: they are the current generation (otel_logs has no TimestampTime column, which legacy queries filter logs on); pass --generation current, or leave --generation out",
      );
      expect(run.stderr).not.toContain("Unknown identifier");
      expect(await readdir(out)).not.toContain("wrong-generation");
    });

    it("names a service the tail counts only under its wrangler environment's script name, apart from the uncounted ones", async () => {
      const split = await createTestDatabase("dashboards_cli_split");
      try {
        await applySchema(split.client, renderSchema(resolveSchemaOptions({ database: split.database })));
        // `wrangler deploy --env production` names the script shop-production; the producer's SDK says shop.
        await split.client.command({
          query: `INSERT INTO otel_metrics_sum (ServiceName, MetricName, TimeUnix, Value, AggregationTemporality, IsMonotonic) VALUES
            ('shop-production', 'cloudflare.worker.invocations', now() - INTERVAL 1 HOUR, 30, 1, true)`,
        });
        await split.client.command({
          query: `INSERT INTO otel_logs (Timestamp, ServiceName, SeverityText, SeverityNumber, Body) VALUES
            (now64(9) - INTERVAL 1 HOUR, 'shop', 'INFO', 9, 'order placed'), (now64(9) - INTERVAL 1 HOUR, 'unwired', 'INFO', 9, 'hello')`,
        });
        const dir = join(out, "split");
        const run = await dashboardsCli(["--from-clickhouse", "--database", split.database, "--url", split.url, "--out", dir]);
        expect(run.code, run.stderr).toBe(0);
        expect(run.stderr).toContain("No invocation counts from the tail Worker in the last day for 1 service(s): unwired.");
        expect(run.stderr).toContain("Counted by the tail only under another name, maybe, in the last day: shop (the tail counts shop-production).");
        expect(run.stderr).toContain("Set service.name to the deployed script name in each");
        const note = async (service: string) => {
          const dashboard = JSON.parse(await readFile(join(dir, "dashboards", `deco-otel-${service}.json`), "utf8"));
          return (dashboard.panels as Array<{ type: string; title: string; options: { content: string } }>).find((panel) => panel.type === "text");
        };
        expect((await note("shop"))?.title).toBe("Counted by the tail under another name?");
        expect((await note("shop"))?.options.content).toContain("It counted `shop-production`");
        expect((await note("unwired"))?.title).toBe("No counts from the tail Worker");
      } finally {
        await split.drop();
      }
    });

    it("reads legacy tables as legacy, and a database without the schema as what it is", async () => {
      const legacy = await createTestDatabase("dashboards_cli_legacy");
      try {
        await applySchema(legacy.client, renderSchema(resolveSchemaOptions({ database: legacy.database, generation: "legacy" })));
        const args = ["--from-clickhouse", "--service", "shop", "--database", legacy.database, "--url", legacy.url];
        const fits = await dashboardsCli([...args, "--generation", "legacy", "--out", join(out, "legacy")]);
        expect(fits.code, fits.stderr).toBe(0);
        expect(fits.stdout).toContain(`Tables in ${legacy.database} at ${legacy.url}: the legacy generation`);
        const wrong = await dashboardsCli([...args, "--generation", "current", "--out", join(out, "legacy-as-current")]);
        expect(wrong.code).toBe(2);
        expect(wrong.stderr).toContain("--generation current does not fit these tables: they are the legacy generation");
        const empty = await dashboardsCli(["--from-clickhouse", "--database", "default", "--url", legacy.url, "--out", join(out, "none")]);
        expect(empty.code).toBe(1);
        expect(empty.stderr).toContain("no otel_logs table in database default: create the schema there (npm run schema) or pass --database");
      } finally {
        await legacy.drop();
      }
    });
  });
});
