/**
 * What `npm run dashboards` renders, checked without a Grafana: Grafana's published dashboard
 * type (`@grafana/schema`) at compile time, and what the type cannot say at run time (the
 * plugin's query fields, layout, uids, alert rules, the data source's OTel settings).
 */
import { existsSync, readFileSync } from "node:fs";
import type { Dashboard, Panel, RowPanel } from "@grafana/schema";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { render, renderFiles, RenderError, serviceUid, serviceUids, type RenderInput } from "../../dashboards/core/render";
import { PLUGIN_ID, PLUGIN_VERSION } from "../../dashboards/core/grafana-dashboard";
import { templateText } from "../../dashboards/core/alert-rules";
import { describeGeneration, detectGeneration, generationMismatch } from "../../dashboards/core/generation";

const INPUT: RenderInput = {
  services: ["example-shop", "checkout.api", "example-shop"],
  withAlerts: true,
  runbookBaseUrl: "https://git.example/deco-otel/blob/main/docs/runbooks/",
  clickhouseUrl: "https://ch.example.com:8443",
  clickhouseUser: "grafana_reader",
};

const isPanel = (panel: Panel | RowPanel): panel is Panel => panel.type !== "row";

describe("dashboards", () => {
  const rendered = render(INPUT);
  // Compile-time: what is written is exactly a value of Grafana's published Dashboard type.
  const dashboards: Dashboard[] = rendered.dashboards.map(({ dashboard }) => dashboard);

  it("renders one per service (named once) and the fleet overview, with unique short uids", () => {
    expect(dashboards.map((dashboard) => dashboard.title)).toEqual([
      "deco-otel: example-shop",
      "deco-otel: checkout.api",
      "deco-otel: fleet overview",
    ]);
    const uids = dashboards.map((dashboard) => dashboard.uid!);
    expect(new Set(uids).size).toBe(uids.length);
    for (const uid of uids) expect(uid).toMatch(/^[A-Za-z0-9_-]{1,40}$/);
  });

  it("writes the typed object as the JSON file, unchanged", () => {
    const files = renderFiles(rendered);
    for (const dashboard of dashboards) {
      const file = files.find((candidate) => candidate.path === `dashboards/${dashboard.uid}.json`);
      expect(JSON.parse(file!.content)).toEqual(dashboard);
    }
  });

  it("gives per-service dashboards a service variable preset to their service", () => {
    const [shop] = dashboards;
    const variable = shop!.templating!.list![0]!;
    expect(variable).toMatchObject({ name: "service", type: "query", current: { value: "example-shop" } });
    expect(variable.datasource).toEqual({ type: PLUGIN_ID, uid: "deco-otel-clickhouse" });
    // A service that sends only gauges, summaries or exponential histograms is listed too.
    const listing = JSON.stringify(variable);
    for (const table of ["otel_logs", "otel_traces", "otel_metrics_gauge", "otel_metrics_sum", "otel_metrics_histogram", "otel_metrics_exponential_histogram", "otel_metrics_summary"]) {
      expect(listing).toContain(`.${table} WHERE`);
    }
  });

  it("queries through the plugin's SQL editor with the format each panel kind needs", () => {
    const formats: Record<string, number> = { timeseries: 0, table: 1, logs: 2, traces: 3 };
    for (const dashboard of dashboards) {
      for (const panel of (dashboard.panels ?? []).filter(isPanel)) {
        expect(Object.keys(formats)).toContain(panel.type);
        expect(panel.targets).toEqual([
          {
            refId: "A",
            datasource: { type: PLUGIN_ID, uid: "deco-otel-clickhouse" },
            editorType: "sql",
            rawSql: expect.stringContaining("SELECT"),
            format: formats[panel.type],
            queryType: panel.type,
            pluginVersion: PLUGIN_VERSION,
          },
        ]);
      }
    }
  });

  it("lays panels out inside the 24-column grid without overlaps", () => {
    for (const dashboard of dashboards) {
      const cells = new Set<string>();
      for (const panel of dashboard.panels ?? []) {
        const { x, y, w, h } = panel.gridPos!;
        expect(x + w).toBeLessThanOrEqual(24);
        for (let row = y; row < y + h; row++) {
          for (let column = x; column < x + w; column++) {
            const cell = `${column},${row}`;
            expect(cells.has(cell), `${panel.title} overlaps at ${cell}`).toBe(false);
            cells.add(cell);
          }
        }
      }
    }
  });

  it("opens the dashboard of a service the tail did not count with a note, and only that one", () => {
    const noted = render({ ...INPUT, servicesWithoutTailCounts: ["checkout.api"] }).dashboards;
    const notes = (index: number) => (noted[index]!.dashboard.panels ?? []).filter((panel) => panel.type === "text") as Panel[];
    expect(notes(0)).toEqual([]);
    const [note] = notes(1);
    expect(note).toMatchObject({ title: "No counts from the tail Worker", options: { mode: "markdown" } });
    expect(note!.targets).toBeUndefined();
    expect((note!.options as { content: string }).content).toContain('"tail_consumers": [{ "service": "deco-otel-tail" }]');
    expect(noted[1]!.dashboard.description).toContain("counted none of its invocations");
    expect(notes(2)).toEqual([]);
  });

  it("uses only the columns both schema generations share unless a generation is given", () => {
    const sqlOf = (input: RenderInput) => JSON.stringify(render(input).dashboards);
    expect(sqlOf(INPUT)).not.toContain("TimestampTime");
    expect(sqlOf({ ...INPUT, generation: "current" })).not.toContain("TimestampTime");
    expect(sqlOf({ ...INPUT, generation: "legacy" })).toContain("$__timeFilter(TimestampTime)");
    expect(sqlOf({ ...INPUT, database: "observability" })).toContain("FROM observability.otel_logs");
  });
});

describe("alert rules", () => {
  it("are written only when asked, and then need a runbook URL", () => {
    expect(render({ ...INPUT, withAlerts: false }).alertRules).toEqual([]);
    expect(() => render({ ...INPUT, runbookBaseUrl: undefined })).toThrow(RenderError);
  });

  const BAND_ALERTS = ["error-rate-anomaly", "latency-p95-anomaly", "server-error-rate-anomaly", "server-latency-p95-anomaly", "tail-exception-spike"];
  /** The platform's runbook catalogue (D-13) ids each band rule's runbook_url names, so its runbooks resolve too. */
  const CATALOGUE_RUNBOOKS = ["http-error-spike", "http-latency-spike", "http-error-spike", "http-latency-spike", "tail-exception-spike"];

  it("compare error rate and p95, the tail's and the server spans', with their 24-hour band for 10 minutes, each with the catalogue's runbook", () => {
    const [shop] = render(INPUT).alertRules;
    const rules = shop!.file.groups[0]!.rules.filter((rule) => BAND_ALERTS.includes(rule.labels.alert!));
    expect(rules.map((rule) => rule.annotations.runbook_url)).toEqual(
      CATALOGUE_RUNBOOKS.map((id) => `https://git.example/deco-otel/blob/main/docs/runbooks/${id}.md`),
    );
    expect(rules.map((rule) => rule.uid)).toEqual(["err", "p95", "serr", "sp95", "exc"].map((suffix) => `deco-otel-example-shop-${suffix}`));
    for (const rule of rules) {
      const runbook = new URL(`../../docs/runbooks/${rule.annotations.runbook_url.replace(/^.*\//, "")}`, import.meta.url);
      expect(existsSync(runbook), `${runbook.pathname} exists`).toBe(true);
      expect(readFileSync(runbook, "utf8"), "the page covers the rule").toContain(`\`${rule.labels.alert}\``);
      expect(rule).toMatchObject({ for: "10m", condition: "C", labels: { service: "example-shop" } });
      expect(rule.data[0]).toMatchObject({ refId: "A", relativeTimeRange: { from: 86_400, to: 0 } });
      expect(rule.data[1]!.model).toMatchObject({ type: "threshold", expression: "A", conditions: [{ evaluator: { type: "gt", params: [3] } }] });
    }
  });

  it("add the framework's bands (D-11) only for a service with those metrics, each linking the catalogue's runbook", () => {
    const rendered = render({ ...INPUT, frameworkMetrics: { "example-shop": ["cache", "commerce"] } });
    const [shop] = rendered.alertRules;
    const framework = shop!.file.groups[0]!.rules.filter((rule) => ["cache-hit-drop", "commerce-upstream-slow"].includes(rule.labels.alert!));
    expect(framework.map((rule) => [rule.uid, rule.annotations.runbook_url])).toEqual([
      ["deco-otel-example-shop-chd", "https://git.example/deco-otel/blob/main/docs/runbooks/cache-hit-drop.md"],
      ["deco-otel-example-shop-cus", "https://git.example/deco-otel/blob/main/docs/runbooks/commerce-upstream-slow.md"],
    ]);
    // Sums of values (of bucket counts) of delta points, never counts of rows; a page of ours for each.
    const sqlOf = (rule: (typeof framework)[number]) => (rule.data[0]!.model as { rawSql: string }).rawSql;
    expect(framework.map((rule) => /sum\(Value\) AS lookups|sumForEach\(BucketCounts\)/.test(sqlOf(rule)))).toEqual([true, true]);
    for (const rule of framework) {
      expect(sqlOf(rule)).toContain("AggregationTemporality = 1");
      const page = new URL(`../../docs/runbooks/${rule.labels.alert}.md`, import.meta.url);
      expect(readFileSync(page, "utf8"), "the page covers the rule").toContain(`\`${rule.labels.alert}\``);
    }
    const titles = (rendered.dashboards[0]!.dashboard.panels ?? []).map((panel) => panel.title);
    expect(titles).toEqual(expect.arrayContaining(["Commerce upstream p95 by provider / operation", "Cache hit rate by layer"]));
    expect(titles).not.toContain("5xx by route_pattern");
    expect(render(INPUT).alertRules[0]!.file.groups[0]!.rules.map((rule) => rule.labels.alert)).not.toContain("cache-hit-drop");
  });

  it("page per service when the tail stops counting a service that still sends its own telemetry", () => {
    const [shop] = render(INPUT).alertRules;
    const rules = shop!.file.groups[0]!.rules;
    expect(rules.map((rule) => rule.labels.alert)).toEqual([...BAND_ALERTS, "tail-lost"]);
    const lost = rules.find((rule) => rule.labels.alert === "tail-lost")!;
    expect(lost).toMatchObject({
      uid: "deco-otel-example-shop-tlo",
      for: "5m",
      // The query always answers one row.
      noDataState: "Alerting",
      labels: { service: "example-shop", source: "deco-otel" },
      annotations: { runbook_url: "https://git.example/deco-otel/blob/main/docs/runbooks/tail-lost.md" },
    });
    expect(existsSync(new URL("../../docs/runbooks/tail-lost.md", import.meta.url))).toBe(true);
    expect(lost.data[0]).toMatchObject({ refId: "A", relativeTimeRange: { from: 7 * 86_400, to: 0 } });
    expect(lost.data[1]!.model).toMatchObject({ conditions: [{ evaluator: { type: "gt", params: [0] } }] });
  });

  it("page the fleet when the tail's counts stop arriving, whatever each service's traffic", () => {
    const fleet = render(INPUT).alertRules.find((rules) => rules.service === undefined)!;
    const [rule, ...others] = fleet.file.groups[0]!.rules;
    expect(others).toEqual([]);
    expect(rule).toMatchObject({
      uid: "deco-otel-fleet-tail",
      for: "5m",
      // No answer at all is as alarming as a zero.
      noDataState: "Alerting",
      labels: { scope: "fleet", alert: "tail-silent", source: "deco-otel" },
      annotations: { runbook_url: "https://git.example/deco-otel/blob/main/docs/runbooks/tail-silent.md" },
    });
    expect(existsSync(new URL("../../docs/runbooks/tail-silent.md", import.meta.url))).toBe(true);
    expect(rule!.data[0]).toMatchObject({ refId: "A", relativeTimeRange: { from: 900, to: 0 } });
    expect(rule!.data[1]!.model).toMatchObject({ conditions: [{ evaluator: { type: "lt", params: [1] } }] });
    // Quiet services never page for their quiet: their band rules judge nothing without data.
    for (const { service, file } of render(INPUT).alertRules.filter((rules) => rules.service !== undefined)) {
      for (const serviceRule of file.groups[0]!.rules.filter((rule) => BAND_ALERTS.includes(rule.labels.alert!))) {
        expect(serviceRule.noDataState, service).toBe("OK");
      }
    }
  });

  it("show a service name holding `{{` as text, not as a Go template action", () => {
    const [odd] = render({ ...INPUT, services: ["svc-{{ .Values }}\"x"] }).alertRules;
    for (const rule of odd!.file.groups[0]!.rules) {
      expect(rule.labels.service).toBe('{{ "svc-{{ .Values }}\\"x" }}');
      expect(rule.annotations.description.startsWith('{{ "svc-{{ .Values }}\\"x" }} ')).toBe(true);
    }
    const [plain] = render(INPUT).alertRules;
    expect(plain!.file.groups[0]!.rules[0]!.labels.service).toBe("example-shop");
    expect(templateText("o'brien")).toBe("o'brien");
  });

  it("are Grafana provisioning YAML with rule uids within Grafana's 40 characters", () => {
    const files = renderFiles(render(INPUT)).filter((file) => file.path.startsWith("provisioning/alerting/"));
    expect(files.map((file) => file.path)).toEqual([
      "provisioning/alerting/deco-otel-example-shop.yaml",
      expect.stringMatching(/^provisioning\/alerting\/deco-otel-checkout-[a-z-]+-[0-9a-f]{8}\.yaml$/),
      "provisioning/alerting/deco-otel-fleet.yaml",
    ]);
    for (const file of files) {
      const parsed = parse(file.content) as { apiVersion: number; groups: Array<{ rules: Array<{ uid: string }> }> };
      expect(parsed.apiVersion).toBe(1);
      for (const rule of parsed.groups[0]!.rules) expect(rule.uid.length).toBeLessThanOrEqual(40);
    }
  });
});

describe("the data source", () => {
  const datasourceOf = (input: RenderInput) => render(input).datasource.datasources[0]!;

  it("points at the ClickHouse HTTP interface with the OTel tables, never holding the password", () => {
    const datasource = datasourceOf(INPUT);
    expect(datasource).toMatchObject({
      uid: "deco-otel-clickhouse",
      type: PLUGIN_ID,
      jsonData: {
        host: "ch.example.com",
        port: 8443,
        protocol: "http",
        secure: true,
        username: "grafana_reader",
        defaultDatabase: "otel",
        logs: { defaultDatabase: "otel", defaultTable: "otel_logs", otelEnabled: true, otelVersion: "latest" },
        traces: { defaultTable: "otel_traces", otelEnabled: true, durationUnit: "nanoseconds", traceIdColumn: "TraceId" },
      },
      secureJsonData: { password: "$CLICKHOUSE_PASSWORD" },
    });
  });

  it("pins the plugin's OTel schema version to the generation", () => {
    expect(datasourceOf({ ...INPUT, generation: "legacy" }).jsonData.logs).toMatchObject({
      otelVersion: "1.29.0",
      filterTimeColumn: "TimestampTime",
    });
    const current = datasourceOf({ ...INPUT, generation: "current" }).jsonData.logs as Record<string, unknown>;
    expect(current.otelVersion).toBe("1.30.0");
    expect(current).not.toHaveProperty("filterTimeColumn");
  });

  it("refuses a URL that is not http(s)", () => {
    expect(() => datasourceOf({ ...INPUT, clickhouseUrl: "tcp://ch:9000" })).toThrow(/http:\/\/ or https:\/\//);
  });
});

describe("service uids", () => {
  it("keep plain names readable and give every other name a distinct hashed uid", () => {
    expect(serviceUid("example-shop")).toBe("deco-otel-example-shop");
    expect(serviceUid("checkout-api")).toBe("deco-otel-checkout-api");
    const odd = ["checkout.api", "Checkout API", "checkout api", "a-very-long-service-name-for-the-storefront"].map(serviceUid);
    expect(new Set([...odd, serviceUid("checkout-api")]).size).toBe(odd.length + 1);
    for (const uid of odd) expect(uid).toMatch(/^deco-otel-[a-z0-9_-]*-[0-9a-f]{8}$/);
    for (const uid of odd) expect(uid.length).toBeLessThanOrEqual(30);
  });

  it("give a name whose plain uid is taken (the fleet overview's, or a hashed uid's shape) a hashed one, the same every time", () => {
    expect(serviceUid("fleet")).toMatch(/^deco-otel-fleet-[0-9a-f]{8}$/);
    expect(serviceUid("fleet")).toBe(serviceUid("fleet"));
    const hashedOdd = serviceUid("o'brien.svc");
    const lookalike = hashedOdd.slice("deco-otel-".length);
    expect(serviceUid(lookalike)).not.toBe(hashedOdd);
    expect(serviceUid(lookalike)).toMatch(/-[0-9a-f]{8}$/);
    const rendered = render({ ...INPUT, services: ["fleet", "shop"] });
    const paths = renderFiles(rendered).map((file) => file.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(new Set(rendered.dashboards.map(({ dashboard }) => dashboard.uid)).size).toBe(3);
  });
});

describe("service uids ignoring letter case", () => {
  // Grafana's database may compare uids ignoring case (MySQL's default collation, PostgreSQL's citext).
  const caseless = (uids: Iterable<string>) => new Set([...uids].map((uid) => uid.toLowerCase()));

  it("hash the later of two services whose uids differ only in case, the lower-case one keeping its plain uid in any order", () => {
    for (const services of [["Shop", "shop"], ["shop", "Shop"]]) {
      const rendered = render({ ...INPUT, services });
      const uids = rendered.dashboards.map(({ dashboard }) => dashboard.uid!);
      expect(caseless(uids).size).toBe(3);
      const uidOf = new Map(rendered.dashboards.map(({ service, dashboard }) => [service, dashboard.uid]));
      expect(uidOf.get("shop")).toBe("deco-otel-shop");
      expect(uidOf.get("Shop")).toMatch(/^deco-otel-shop-[0-9a-f]{8}$/);
      const paths = renderFiles(rendered).map((file) => file.path);
      expect(caseless(paths).size).toBe(paths.length);
    }
  });

  it("give the later twins distinct hashed uids, and keep a service without a twin as it was", () => {
    const uids = serviceUids(["SHOP", "Shop", "shop", "Checkout"]);
    expect(caseless(uids.values()).size).toBe(4);
    expect(uids.get("Checkout")).toBe("deco-otel-Checkout");
    expect(serviceUids(["Shop"]).get("Shop")).toBe("deco-otel-Shop");
  });

  it("hash a service whose plain uid is the fleet overview's or a hashed uid's shape but for case", () => {
    expect(serviceUid("FLEET")).toMatch(/^deco-otel-fleet-[0-9a-f]{8}$/);
    expect(serviceUid("Fleet")).not.toBe(serviceUid("FLEET"));
    expect(serviceUid("o-brien-svc-1A2B3C4D")).toMatch(/^deco-otel-o-brien-svc-[0-9a-f]{8}$/);
    const rendered = render({ ...INPUT, services: ["FLEET"] });
    const paths = renderFiles(rendered).map((file) => file.path);
    expect(caseless(paths).size).toBe(paths.length);
  });
});

describe("the tables' generation", () => {
  it.each([
    [undefined, "current", false],
    ["ALIAS", "current", true],
    ["", "legacy", false],
  ] as const)("reads TimestampTime's default_kind %j as %s (alias %s)", (kind, generation, timestampTimeAlias) => {
    expect(detectGeneration(kind)).toEqual({ generation, timestampTimeAlias });
  });

  it("accepts a --generation the tables fit, legacy queries on current tables only with the TimestampTime alias", () => {
    const current = detectGeneration(undefined);
    const aliased = detectGeneration("ALIAS");
    const legacy = detectGeneration("");
    expect([undefined, "current"].map((requested) => generationMismatch(requested as "current" | undefined, current))).toEqual([undefined, undefined]);
    expect(generationMismatch("legacy", aliased)).toBeUndefined();
    expect(generationMismatch("legacy", current)).toContain("they are the current generation");
    expect(generationMismatch("current", legacy)).toContain("they are the legacy generation");
    expect(describeGeneration(aliased)).toBe("current (with the TimestampTime alias)");
  });
});

describe("service names", () => {
  it("refuses an empty one: no dashboard titled for nobody", () => {
    expect(() => render({ ...INPUT, services: ["shop", ""] })).toThrow(new RenderError('--service needs a service name (a ServiceName), got an empty one ("")'));
  });
});

describe("a team (D-13's {{team}})", () => {
  it("labels every alert rule and tags every dashboard with it, and is left out when not given", () => {
    const rendered = render({ ...INPUT, team: "storefronts" });
    const rules = rendered.alertRules.flatMap(({ file }) => file.groups.flatMap((group) => group.rules));
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) expect(rule.labels.team, rule.uid).toBe("storefronts");
    for (const { dashboard } of rendered.dashboards) expect(dashboard.tags).toContain("team:storefronts");
    expect(render(INPUT).alertRules.flatMap(({ file }) => file.groups.flatMap((group) => group.rules)).some((rule) => "team" in rule.labels)).toBe(false);
    expect(() => render({ ...INPUT, team: " " })).toThrow(new RenderError("--team needs a team name, got an empty one"));
  });
});

describe("the data source uid", () => {
  it("is written as given when Grafana takes it: 1 to 40 letters, digits, - or _", () => {
    for (const uid of ["my-ch", "CH_prod_2", "a", "a".repeat(40)]) {
      const rendered = render({ ...INPUT, datasourceUid: uid });
      expect(rendered.datasource.datasources[0]!.uid).toBe(uid);
      const refs = JSON.stringify(rendered.dashboards).match(/"uid":"[^"]*"/g) ?? [];
      expect(refs).toContain(`"uid":"${uid}"`);
    }
  });

  it.each([
    ["", '""'],
    ["my ch", '"my ch"'],
    ["team/ch", '"team/ch"'],
    ["ch.prod", '"ch.prod"'],
    ["a".repeat(41), `"${"a".repeat(41)}" (41 characters)`],
  ])("refuses %j, which Grafana would refuse and every panel would point at", (uid, shown) => {
    expect(() => render({ ...INPUT, datasourceUid: uid })).toThrow(
      new RenderError(`--datasource-uid must be a Grafana uid, 1 to 40 letters, digits, "-" or "_", got ${shown}`),
    );
  });
});

describe("the other flags render() reads", () => {
  it.each([["a b"], [""], ["1otel"], ["otel.logs"]])("refuses database %j, which the queries would name unquoted", (database) => {
    expect(() => render({ ...INPUT, database })).toThrow(
      new RenderError(`--database must be a plain identifier (letters, digits, underscores, not starting with a digit), got ${JSON.stringify(database)}`),
    );
  });

  it.each([["https://runbooks example/"], ["https://"], ["mailto:ops@example.com"], ["runbooks.example/docs"]])("refuses runbook base URL %j", (runbookBaseUrl) => {
    expect(() => render({ ...INPUT, withAlerts: true, runbookBaseUrl })).toThrow(new RenderError(`--runbook-base-url must be an http(s) URL, got "${runbookBaseUrl}"`));
  });
});
