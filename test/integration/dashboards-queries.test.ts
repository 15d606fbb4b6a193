/**
 * The generated dashboards and alert rules run on our tables: rendered for the demo's services,
 * every query is expanded as Grafana and the ClickHouse plugin would (template variables, then
 * the backend's macros) and run on both schema generations after the demo's traffic went
 * through the real Workers. Every query runs, returns what its panel kind needs, and the
 * panels that should show the demo's traffic return rows. The runbooks' SQL runs too.
 */
import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { render, type Rendered } from "../../dashboards/core/render";
import { expandQuery } from "../../dashboards/core/plugin-macros";
import { BASELINE_SECONDS, TAIL_LOST_LOOKBACK_DAYS, TAIL_SILENCE_MINUTES } from "../../dashboards/core/alert-rules";
import { TAIL_PANEL_TITLES } from "../../dashboards/core/service-panels";
import { generations, type Generation } from "../../schema";
import { LOCAL_VERSION_METADATA } from "../../scripts/dev/defaults";
import { DEMO_CLIENT_SERVICE } from "../../scripts/dev/defaults";
import { tailMetricsRequest, windows } from "../support/baseline-metrics";
import { demoDataIn, type DemoData } from "../support/demo-pipeline";
import { renderedQueries, type RenderedQuery } from "../support/rendered-queries";
import { exportSdkTelemetry, type ServerRequest } from "../support/sdk-service";
import { FRAMEWORK_FAMILIES } from "../../dashboards/core/framework-metrics";
import { frameworkMetricsRequest, type FrameworkWindow } from "../support/framework-metrics";

const PRODUCER = "example-shop";
const SERVICES = [PRODUCER, DEMO_CLIENT_SERVICE];

/**
 * Panels that show the demo's traffic, per service. The producer is tailed and exports
 * everything; the demo's client only exports its client spans (and a client-side histogram the
 * dashboards do not read), so only its channel and trace panels have rows, and the fleet lists
 * it among the services the tail does not count.
 */
const PANELS_WITH_DATA: Record<string, string[]> = {
  [PRODUCER]: [
    "Telemetry by channel",
    "Server requests (spans)",
    "Error rate (server spans)",
    "Latency p50 / p95 / p99 (server spans)",
    ...TAIL_PANEL_TITLES,
    "Log volume by severity",
    "Errors by service.version",
    "Recent error logs",
    "Slowest traces",
    "Slowest trace",
  ],
  [DEMO_CLIENT_SERVICE]: ["Telemetry by channel", "Slowest traces", "Slowest trace"],
  fleet: [
    "Services by error rate",
    "Services the tail does not count",
    "Error rate by service",
    "Invocations by service",
    "p95 latency by service (wall time)",
    "Exceptions the tail caught, by service",
  ],
};

/** The columns each result format needs, as the plugin's backend and Grafana's panels read them. */
const FORMAT_COLUMNS: Record<number, string[]> = {
  0: ["time"],
  2: ["timestamp", "body", "level"],
  3: ["traceID", "spanID", "parentSpanID", "serviceName", "operationName", "startTime", "duration"],
};

const RUNBOOKS_DIR = new URL("../../docs/runbooks/", import.meta.url);
const RUNBOOK_QUERIES = readdirSync(RUNBOOKS_DIR)
  .filter((name) => name.endsWith(".md") && name !== "README.md")
  .flatMap((name) =>
    [...readFileSync(new URL(name, RUNBOOKS_DIR), "utf8").matchAll(/```sql\n([\s\S]*?)```/g)].map((match) => ({
      runbook: name,
      title: match[1]!.split("\n", 1)[0]!.replace(/^--\s*/, ""),
      sql: match[1]!,
    })),
  );

const RENDER_DEFAULTS = {
  withAlerts: true,
  runbookBaseUrl: "https://runbooks.example/docs/runbooks",
  clickhouseUrl: "http://127.0.0.1:8123",
  clickhouseUser: "default",
};

function renderFor(database: string, generation: Generation | undefined): Rendered {
  // The producer rendered with the framework's panels and rules too, so that their SQL runs here.
  return render({ ...RENDER_DEFAULTS, services: SERVICES, database, generation, frameworkMetrics: { [PRODUCER]: FRAMEWORK_FAMILIES } });
}

describe.each(generations)("generated queries on the %s generation", (generation) => {
  let demo: DemoData;

  beforeAll(async () => {
    demo = await demoDataIn(generation, `dashboards_${generation}`);
    // The producer as a storefront on the framework also exports its metrics (D-11): one window.
    const window: FrameworkWindow = {
      endMs: Date.now() - 60_000,
      requests: { "/_products/$slug/p": { "2xx": 97, "5xx": 3 } },
      hits: 90,
      misses: 10,
      commerceCalls: 40,
      commerceMs: 120,
    };
    await postMetrics(frameworkMetricsRequest(PRODUCER, [window]));
  }, 120_000);

  afterAll(() => demo?.dispose());

  /** An OTLP/JSON metrics export to the ingest Worker, stored. */
  async function postMetrics(body: unknown) {
    const response = await fetch(`${demo.ingestUrl}/v1/metrics`, {
      method: "POST",
      headers: { authorization: `Bearer ${demo.token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(response.status, await response.text()).toBe(200);
  }

  async function run(query: RenderedQuery) {
    const toMs = Date.now() + 60_000;
    const fromMs = query.kind === "alert" ? toMs - BASELINE_SECONDS * 1000 : demo.sinceMs - 10 * 60_000;
    const sql = expandQuery(query.rawSql, {
      fromMs,
      toMs,
      intervalMs: 10_000,
      variables: query.service === undefined ? {} : { service: query.service },
    });
    expect(sql, "every macro and variable expanded").not.toMatch(/\$/);
    return demo.db.client.query({ query: sql, format: "JSONEachRow" }).then((result) => result.json<Record<string, unknown>>());
  }

  // Without a generation the queries may use only shared columns: they must run here too.
  describe.each([
    ["shared columns", undefined],
    [`the ${generation} generation`, generation],
  ] as const)("rendered for %s", (_label, renderedFor) => {
    const queries = () => renderedQueries(renderFor(demo.db.database, renderedFor));

    it("renders every kind of query for both services, the fleet and the alerts", () => {
      const all = queries();
      expect(new Set(all.map((query) => query.kind))).toEqual(new Set(["panel", "variable", "annotation", "alert"]));
      // Five band rules and tail-lost per service, the framework's two bands for the producer, and the fleet's tail-silent rule.
      expect(all.filter((query) => query.kind === "alert")).toHaveLength(6 * SERVICES.length + 2 + 1);
      expect(all.some((query) => query.rawSql.includes("TimestampTime"))).toBe(renderedFor === "legacy");
    });

    it("runs every query, each returning the columns its panel kind needs", async () => {
      for (const query of queries()) {
        const rows = await run(query).catch((error: unknown) => {
          throw new Error(`${query.where}: ${error instanceof Error ? error.message : String(error)}`);
        });
        const columns = FORMAT_COLUMNS[query.format] ?? [];
        for (const row of rows) expect(Object.keys(row), query.where).toEqual(expect.arrayContaining(columns));
        if (query.format === 0) {
          const times = rows.map((row) => String(row.time));
          expect(times, `${query.where}: sorted by time for the wide pivot`).toEqual([...times].sort());
        }
      }
    });

    it.each(Object.entries(PANELS_WITH_DATA))("shows the demo's traffic on the panels of %s", async (scope, titles) => {
      const panels = queries().filter(
        (query) => query.kind === "panel" && (scope === "fleet" ? query.service === undefined : query.service === scope),
      );
      const withRows = [];
      for (const panel of panels) if ((await run(panel)).length > 0) withRows.push(panel.title);
      expect(withRows).toEqual(expect.arrayContaining(titles));
    });

    it("lists the demo's services in the service variable and marks the producer's version", async () => {
      const variable = queries().find((query) => query.kind === "variable" && query.service === PRODUCER)!;
      expect((await run(variable)).map((row) => row.ServiceName)).toEqual(expect.arrayContaining(SERVICES));
      const annotation = queries().find((query) => query.kind === "annotation" && query.service === PRODUCER)!;
      expect(await run(annotation)).toEqual(
        expect.arrayContaining([expect.objectContaining({ text: `service.version ${LOCAL_VERSION_METADATA.id}`, tags: "deploy" })]),
      );
    });

    it("answers each service's band rules with one value, empty until a baseline hour exists, and tail-lost with 0", async () => {
      for (const alert of queries().filter((query) => query.kind === "alert" && query.service !== undefined)) {
        const expected = alert.where.endsWith("-tlo") ? { tail_lost: 0 } : { deviation_sigmas: null };
        expect(await run(alert), alert.where).toEqual([expected]);
      }
    });

    it("answers the fleet's tail-silent rule with the demo's invocation count", async () => {
      const [silent] = queries().filter((query) => query.kind === "alert" && query.service === undefined);
      const [row] = (await run(silent!)) as [{ invocations: number }];
      expect(row.invocations).toBeGreaterThan(0);
    });
  });

  describe("a service whose name holds a quote and a backslash", () => {
    // Names a producer may give: `service.name` is free text. Its look-alike differs only where
    // a backslash escape would land, so a panel that read `\\` as an escape would show the other.
    const ODD = "o'brien\\svc";
    const LOOK_ALIKE = "o'brien\\\\svc";

    beforeAll(async () => {
      const nowMs = Math.floor(Date.now() / 1000) * 1000;
      for (const [service, ok] of [[ODD, 7], [LOOK_ALIKE, 50]] as const) {
        await postMetrics(tailMetricsRequest(service, windows(1, nowMs - 60_000, () => ({ ok, exceptions: 0, wallTimeMs: 80 }))));
      }
    });

    it("runs every panel, the variable, the annotation and the alert rules, and counts only that service", async () => {
      const queries = renderedQueries(render({ ...RENDER_DEFAULTS, services: [ODD], database: demo.db.database, generation }));
      for (const query of queries.filter((one) => one.service === ODD)) {
        await run(query).catch((error: unknown) => {
          throw new Error(`${query.where}: ${error instanceof Error ? error.message : String(error)}`);
        });
      }
      const invocations = queries.find((query) => query.kind === "panel" && query.service === ODD && query.title === "Invocations")!;
      const rows = await run(invocations);
      const total = rows.reduce((sum, row) => sum + Object.entries(row).reduce((n, [key, value]) => (key === "time" ? n : n + Number(value)), 0), 0);
      expect(total).toBe(7);
    });
  });

  describe("alert rules against a day of baseline", () => {
    const STEADY = "steady-shop";
    const SPIKING = "spiking-shop";
    let nowMs: number;

    beforeAll(async () => {
      nowMs = Math.floor(Date.now() / 1000) * 1000;
      // A day of 5-minute windows ending 5 minutes ago: 1–3% errors, p95 alternating 100/250 ms.
      const day = (i: number) => ({ ok: 100, exceptions: 1 + (i % 3), wallTimeMs: i % 2 === 0 ? 80 : 200 });
      const baseline = windows(287, nowMs - 6 * 60_000, day);
      const recent = (shape: ReturnType<typeof day>) => windows(1, nowMs - 60_000, () => shape);
      for (const [service, last] of [
        [STEADY, recent({ ok: 100, exceptions: 2, wallTimeMs: 200 })],
        [SPIKING, recent({ ok: 70, exceptions: 30, wallTimeMs: 4000 })],
      ] as const) {
        await postMetrics(tailMetricsRequest(service, [...baseline, ...last]));
      }
    });

    async function deviations(service: string, minRequestsPerWindow?: number, frameworkMetrics?: Record<string, typeof FRAMEWORK_FAMILIES>) {
      const rules = renderedQueries(
        render({ ...RENDER_DEFAULTS, services: [service], database: demo.db.database, generation, minRequestsPerWindow, frameworkMetrics }),
      ).filter((query) => query.kind === "alert" && query.service !== undefined && !query.where.endsWith("-tlo"));
      const values: Record<string, number> = {};
      for (const rule of rules) {
        const sql = expandQuery(rule.rawSql, { fromMs: nowMs - BASELINE_SECONDS * 1000, toMs: nowMs, intervalMs: 60_000 });
        const [row] = await demo.db.client.query({ query: sql, format: "JSONEachRow" }).then((r) => r.json<{ deviation_sigmas: number }>());
        values[rule.where.replace(/^.*-/, "")] = row!.deviation_sigmas;
      }
      return values;
    }

    it("marks a deploy where a version first reports, not at the range's start for a version already running", async () => {
      const DEPLOYING = "deploying-shop";
      const sends = [
        tailMetricsRequest(DEPLOYING, windows(287, nowMs - 6 * 60_000, () => ({ ok: 10, exceptions: 0, wallTimeMs: 80 })), "v1"),
        tailMetricsRequest(DEPLOYING, windows(1, nowMs - 60_000, () => ({ ok: 10, exceptions: 0, wallTimeMs: 80 })), "v2"),
      ];
      for (const body of sends) {
        await postMetrics(body);
      }
      const annotation = renderedQueries(
        render({ ...RENDER_DEFAULTS, services: [DEPLOYING], database: demo.db.database, generation }),
      ).find((query) => query.kind === "annotation")!;
      const markers = async (fromMs: number) => {
        const sql = expandQuery(annotation.rawSql, { fromMs, toMs: nowMs, intervalMs: 60_000, variables: { service: DEPLOYING } });
        return demo.db.client.query({ query: sql, format: "JSONEachRow" }).then((r) => r.json<{ text: string }>());
      };
      // The last hour: v1 has been running all day, v2 arrived a minute ago.
      expect((await markers(nowMs - 3_600_000)).map((row) => row.text)).toEqual(["service.version v2"]);
      // The whole day: both versions started inside it.
      expect((await markers(nowMs - 25 * 3_600_000)).map((row) => row.text)).toEqual(["service.version v1", "service.version v2"]);
    });

    it("pages for a silent tail only when no service's counts arrived in the last 15 minutes", async () => {
      const [silent] = renderedQueries(
        render({ ...RENDER_DEFAULTS, services: [STEADY], database: demo.db.database, generation }),
      ).filter((query) => query.kind === "alert" && query.service === undefined);
      const invocationsAt = async (toMs: number) => {
        const sql = expandQuery(silent!.rawSql, { fromMs: toMs - TAIL_SILENCE_MINUTES * 60_000, toMs, intervalMs: 60_000 });
        const [row] = await demo.db.client.query({ query: sql, format: "JSONEachRow" }).then((r) => r.json<{ invocations: number }>());
        return row!.invocations;
      };
      // Now: the last window of both shops (and the demo's traffic) arrived a minute ago.
      expect(await invocationsAt(nowMs)).toBeGreaterThanOrEqual(2 * 102);
      // 20 minutes from now with nothing more arriving: the tail has gone silent, 0 < 1 fires.
      expect(await invocationsAt(nowMs + 20 * 60_000)).toBe(0);
      // Within the day the counts arrived every 5 minutes: never silent for 15.
      expect(await invocationsAt(nowMs - 12 * 3_600_000)).toBeGreaterThan(0);
      expect(silent!.rawSql).not.toContain("ServiceName");
    });

    describe("tail-lost", () => {
      const LOST = "lost-shop";
      const tailLostAt = async (service: string, toMs: number) => {
        const [rule] = renderedQueries(
          render({ ...RENDER_DEFAULTS, services: [service], database: demo.db.database, generation }),
        ).filter((query) => query.kind === "alert" && query.where.endsWith("-tlo"));
        const sql = expandQuery(rule!.rawSql, { fromMs: toMs - TAIL_LOST_LOOKBACK_DAYS * 86_400_000, toMs, intervalMs: 60_000 });
        const [row] = await demo.db.client.query({ query: sql, format: "JSONEachRow" }).then((r) => r.json<{ tail_lost: number }>());
        return row!.tail_lost;
      };

      beforeAll(async () => {
        // Counted by the tail until an hour ago, then only its own SDK spans and logs, a minute ago.
        await postMetrics(tailMetricsRequest(LOST, windows(12, nowMs - 60 * 60_000, () => ({ ok: 40, exceptions: 1, wallTimeMs: 80 }))));
        await exportSdkTelemetry(demo.ingestUrl, demo.token, LOST, {
          requests: [{ name: "GET /cart", startMs: nowMs - 60_000, durationMs: 30, status: 200 }],
          errorLogs: ["cart lookup failed"],
        });
      });

      it("fires for a service the tail counted before, not now, while its own telemetry arrives", async () => {
        expect(await tailLostAt(LOST, nowMs)).toBe(1);
        // An hour and a half ago its counts still arrived.
        expect(await tailLostAt(LOST, nowMs - 90 * 60_000)).toBe(0);
      });

      it("stays quiet for a quiet service, a counted one, and one the tail never counted", async () => {
        // 20 minutes on, nothing of its own arrived either: quiet, not lost.
        expect(await tailLostAt(LOST, nowMs + 20 * 60_000)).toBe(0);
        expect(await tailLostAt(STEADY, nowMs)).toBe(0);
        expect(await tailLostAt(DEMO_CLIENT_SERVICE, nowMs)).toBe(0);
      });
    });

    describe("bands on the tail's counts and on server spans", () => {
      const SDK_STEADY = "sdk-steady-shop";
      const SDK_SPIKING = "sdk-spiking-shop";
      const TAILED = "tailed-sdk-shop";
      const SPANS_PER_WINDOW = 25;

      /** A day of 5-minute windows of server spans ending 6 minutes ago: 1–2 of 25 failed, 50–140 ms. */
      const day = (): ServerRequest[] =>
        Array.from({ length: 287 * SPANS_PER_WINDOW }, (_, n) => {
          const window = Math.floor(n / SPANS_PER_WINDOW);
          const k = n % SPANS_PER_WINDOW;
          const startMs = nowMs - 6 * 60_000 - (286 - window) * 5 * 60_000 - 4 * 60_000 + k * 5_000;
          const failed = k < 1 + (window % 2);
          return { name: "GET /products/:id", startMs, durationMs: 50 + (k % 10) * 10, status: failed ? 500 : 200, errorStatus: failed };
        });
      const lastFiveMinutes = (failed: number, durationMs: number): ServerRequest[] =>
        Array.from({ length: SPANS_PER_WINDOW }, (_, k) => ({
          name: "GET /products/:id",
          startMs: nowMs - 4 * 60_000 + k * 5_000,
          durationMs: k < failed ? durationMs : 50 + (k % 10) * 10,
          status: k < failed ? 502 : 200,
        }));

      beforeAll(async () => {
        await exportSdkTelemetry(demo.ingestUrl, demo.token, SDK_STEADY, { requests: [...day(), ...lastFiveMinutes(1, 60)] });
        await exportSdkTelemetry(demo.ingestUrl, demo.token, SDK_SPIKING, { requests: [...day(), ...lastFiveMinutes(15, 2_000)] });
        await exportSdkTelemetry(demo.ingestUrl, demo.token, TAILED, { requests: [...day(), ...lastFiveMinutes(15, 2_000)] });
        await postMetrics(tailMetricsRequest(TAILED, windows(287, nowMs - 6 * 60_000, () => ({ ok: 100, exceptions: 1, wallTimeMs: 80 }))));
      }, 60_000);

      it.each([
        ["stays inside the tail's bands when the last 5 minutes look like the day", STEADY, false, "err", "p95"],
        ["leaves the tail's bands when errors and latency jump", SPIKING, true, "err", "p95"],
        ["stays inside the server-span bands for an SDK-only service whose last 5 minutes look like its day", SDK_STEADY, false, "serr", "sp95"],
        ["leaves the server-span bands when an SDK-only service's server spans fail and slow down", SDK_SPIKING, true, "serr", "sp95"],
      ] as const)("%s", async (_title, service, outside, errorRule, latencyRule) => {
        const values = await deviations(service);
        expect([values[errorRule]! > 3, values[latencyRule]! > 3]).toEqual([outside, outside]);
      });

      it("bands the share of invocations that ended in an uncaught exception (tail-exception-spike)", async () => {
        expect((await deviations(STEADY)).exc).toBeLessThan(3);
        // 30 of 100 against a day of 1–3%.
        expect((await deviations(SPIKING)).exc).toBeGreaterThan(3);
      });

      describe("what real fleets showed", () => {
        /** A day of steady windows ending 6 minutes ago, then the last 5 minutes as `last`. */
        const shapes = {
          // The p95 of steady traffic crossing the 250 ms bucket bound: +8%, noise.
          "lat-step": [{ ok: 1000, exceptions: 0, wallTimeMs: 240 }, { ok: 1000, exceptions: 0, wallTimeMs: 260 }],
          // 2.2 times slower, inside one bucket (100, 250]: an incident.
          "lat-2x": [{ ok: 1000, exceptions: 0, wallTimeMs: 110 }, { ok: 1000, exceptions: 0, wallTimeMs: 240 }],
          // 5% of invocations failed all day, then none: a fix.
          "err-fixed": [{ ok: 950, exceptions: 50, wallTimeMs: 80 }, { ok: 1000, exceptions: 0, wallTimeMs: 80 }],
          // 3 invocations a window; then 1 of 3 failed.
          "err-lowtraffic": [{ ok: 3, exceptions: 0, wallTimeMs: 80 }, { ok: 2, exceptions: 1, wallTimeMs: 80 }],
        } as const;

        beforeAll(async () => {
          for (const [service, [day, last]] of Object.entries(shapes)) {
            await postMetrics(tailMetricsRequest(service, [...windows(287, nowMs - 6 * 60_000, () => day), ...windows(1, nowMs - 60_000, () => last)]));
          }
        });

        it("reads a p95 at its value inside a bucket: +8% across a bucket bound stays in the band, 2.2x inside one bucket leaves it", async () => {
          const step = await deviations("lat-step");
          const doubled = await deviations("lat-2x");
          // σ is at least a tenth of the 240 ms baseline: 20 ms more is 20 / 24 σ.
          expect(step.p95).toBeCloseTo(20 / 24, 6);
          // 130 ms more on an 11 ms floor.
          expect(doubled.p95).toBeCloseTo(130 / 11, 6);
          const latency = renderedQueries(render({ ...RENDER_DEFAULTS, services: ["lat-2x"], database: demo.db.database, generation })).find(
            (query) => query.kind === "panel" && query.title === "Latency p50 / p95 / p99 (wall time)",
          )!;
          const sql = expandQuery(latency.rawSql, { fromMs: nowMs - 3 * 60_000, toMs: nowMs, intervalMs: 300_000, variables: { service: "lat-2x" } });
          const rows = await demo.db.client.query({ query: sql, format: "JSONEachRow" }).then((r) => r.json<{ p95: number }>());
          expect(rows.map((row) => row.p95)).toEqual([240]);
        });

        it("does not page when the error rate falls: the band is one-sided upward", async () => {
          const { err } = await deviations("err-fixed");
          expect(err).toBeLessThan(0);
        });

        it("judges no window with fewer invocations than the minimum (20 unless set)", async () => {
          expect(await deviations("err-lowtraffic")).toMatchObject({ err: null, p95: null });
          // Set to 3, the same 1 failure in 3 is judged.
          expect((await deviations("err-lowtraffic", 3)).err).toBeGreaterThan(3);
        });
      });

      it("judges nothing for a service the tail counts: its counts' rules do, so it pages once", async () => {
        const { serr, sp95 } = await deviations(TAILED);
        expect([serr, sp95]).toEqual([null, null]);
      });
    });

    describe("the storefront framework's metrics (D-11)", () => {
      const FRAMEWORK_STEADY = "framework-steady";
      const FRAMEWORK_SPIKING = "framework-spiking";
      const typical = { requests: { "/_products/$slug/p": { "2xx": 97, "5xx": 3 }, "/": { "2xx": 50, "5xx": 0 } }, hits: 90, misses: 10, commerceCalls: 100, commerceMs: 120 };
      const day = (i: number): Omit<FrameworkWindow, "endMs"> => ({ ...typical, hits: 88 + (i % 5), misses: 12 - (i % 5), commerceMs: 110 + (i % 3) * 10 });
      const framework = (service: string) => ({ [service]: FRAMEWORK_FAMILIES });

      beforeAll(async () => {
        for (const [service, last] of [
          [FRAMEWORK_STEADY, typical],
          [FRAMEWORK_SPIKING, { ...typical, hits: 40, misses: 60, commerceMs: 2_000 }],
        ] as const) {
          // A day of 5-minute windows ending 6 minutes ago, then the last 5 minutes.
          const series: FrameworkWindow[] = [
            ...Array.from({ length: 287 }, (_, i) => ({ endMs: nowMs - 6 * 60_000 - (286 - i) * 5 * 60_000, ...day(i) })),
            { endMs: nowMs - 60_000, ...last },
          ];
          // 10,000 in a cumulative point: a running total the panels and rules must not add.
          await postMetrics(frameworkMetricsRequest(service, series, { cumulativeRequests: 10_000 }));
        }
      });

      it("pages when the cache hit rate falls and the commerce p95 rises, not for a service whose last 5 minutes look like its day", async () => {
        const steady = await deviations(FRAMEWORK_STEADY, undefined, framework(FRAMEWORK_STEADY));
        const spiking = await deviations(FRAMEWORK_SPIKING, undefined, framework(FRAMEWORK_SPIKING));
        expect([steady.chd! > 3, steady.cus! > 3]).toEqual([false, false]);
        expect([spiking.chd! > 3, spiking.cus! > 3]).toEqual([true, true]);
        // Without the framework's metrics named, no such rule is rendered.
        expect(Object.keys(await deviations(FRAMEWORK_STEADY))).not.toContain("chd");
      });

      it("shows 5xx per route, the hit rate and the commerce p95 from summed values, not rows", async () => {
        const rendered = renderedQueries(
          render({ ...RENDER_DEFAULTS, services: [FRAMEWORK_SPIKING], database: demo.db.database, generation, frameworkMetrics: framework(FRAMEWORK_SPIKING) }),
        );
        const panel = async (title: string) => {
          const query = rendered.find((candidate) => candidate.kind === "panel" && candidate.title === title)!;
          const sql = expandQuery(query.rawSql, { fromMs: nowMs - 3 * 60_000, toMs: nowMs, intervalMs: 300_000, variables: { service: FRAMEWORK_SPIKING } });
          return demo.db.client.query({ query: sql, format: "JSONEachRow" }).then((r) => r.json<Record<string, unknown>>());
        };
        // One window: 3 of 100 requests of the route, not 1 of 2 points, and not the cumulative 10,000.
        expect(await panel("5xx by route_pattern")).toEqual([{ route: "/_products/$slug/p", errors: 3, requests: 100, error_rate: 0.03 }]);
        expect(await panel("Cache hit rate by layer")).toEqual([expect.objectContaining({ layer: "edge", hit_rate: 0.4 })]);
        expect(await panel("Commerce upstream p95 by provider / operation")).toEqual([
          expect.objectContaining({ operation: "vtex / vtex.intelligent-search.product_search", p95: 2_000 }),
        ]);
      });
    });

  });

  describe("a service only OpenTelemetry SDKs report", () => {
    const SDK_ONLY = "sdk-only-shop";
    let sentMs: number;

    beforeAll(async () => {
      sentMs = Math.floor(Date.now() / 1000) * 1000 - 2 * 60_000;
      // 8 good requests, 2 with Error status, one 502 whose instrumentation left the status
      // unset, and a 404 (the client's fault): 3 of 12 failed the user.
      const requests = [
        ...Array.from({ length: 8 }, (_, i) => ({ name: "GET /products/:id", startMs: sentMs + i * 1000, durationMs: 20 + i, status: 200 })),
        { name: "POST /checkout", startMs: sentMs + 9000, durationMs: 900, status: 500, errorStatus: true },
        { name: "POST /checkout", startMs: sentMs + 9500, durationMs: 950, status: 503, errorStatus: true },
        { name: "GET /products/:id", startMs: sentMs + 10_000, durationMs: 3000, status: 502 },
        { name: "GET /missing", startMs: sentMs + 11_000, durationMs: 5, status: 404 },
      ];
      await exportSdkTelemetry(demo.ingestUrl, demo.token, SDK_ONLY, { requests, errorLogs: ["checkout failed: payment upstream 503"] });
    });

    const sdkQueries = (servicesWithoutTailCounts: string[] = []) =>
      renderedQueries(render({ ...RENDER_DEFAULTS, services: [SDK_ONLY], servicesWithoutTailCounts, database: demo.db.database, generation }));
    const panel = (title: string) =>
      sdkQueries().find((query) => query.kind === "panel" && query.service === SDK_ONLY && query.title === title)!;
    const rowsOf = (query: RenderedQuery) => run(query);

    it("shows its requests, error rate, latency and failing operations from its server spans", async () => {
      const requests = await rowsOf(panel("Server requests (spans)"));
      const byOutcome = (outcome: string) => requests.filter((row) => row.outcome === outcome).reduce((n, row) => n + Number(row.spans), 0);
      expect([byOutcome("ok"), byOutcome("error")]).toEqual([9, 3]);
      const rates = (await rowsOf(panel("Error rate (server spans)"))).map((row) => Number(row.error_rate));
      expect(rates.some((rate) => rate > 0)).toBe(true);
      const failing = await rowsOf(panel("Failing operations (server spans)"));
      expect(failing.map((row) => [row.operation, Number(row.errors), Number(row.spans)])).toEqual([
        ["POST /checkout", 2, 2],
        ["GET /products/:id", 1, 9],
      ]);
      const latency = await rowsOf(panel("Latency p50 / p95 / p99 (server spans)"));
      expect(Math.max(...latency.map((row) => Number(row.p99)))).toBeGreaterThan(800);
    });

    it("leaves the tail's panels empty and says so: the channels, the fleet and the generated note", async () => {
      for (const title of TAIL_PANEL_TITLES) expect(await rowsOf(panel(title)), title).toEqual([]);
      const channels = Object.fromEntries((await rowsOf(panel("Telemetry by channel"))).map((row) => [row.channel, Number(row.amount)]));
      expect(channels).toMatchObject({ "tail: invocations counted": 0, "tail: log records": 0, "own: spans": 12, "own: log records": 1 });
      const fleet = renderedQueries(render({ ...RENDER_DEFAULTS, services: [SDK_ONLY], database: demo.db.database, generation })).find(
        (query) => query.service === undefined && query.title === "Services the tail does not count",
      )!;
      const untailed = await rowsOf(fleet);
      expect(untailed.map((row) => row.service)).toEqual(expect.arrayContaining([SDK_ONLY, DEMO_CLIENT_SERVICE]));
      expect(untailed.map((row) => row.service)).not.toContain(PRODUCER);

      const noted = render({ ...RENDER_DEFAULTS, services: [SDK_ONLY, PRODUCER], servicesWithoutTailCounts: [SDK_ONLY], database: demo.db.database, generation });
      const notes = (service: string) =>
        (noted.dashboards.find((one) => one.service === service)!.dashboard.panels ?? []).filter((one) => one.type === "text");
      expect(notes(SDK_ONLY)).toHaveLength(1);
      expect(JSON.stringify(notes(SDK_ONLY)[0])).toContain("tail_consumers");
      expect(notes(PRODUCER)).toEqual([]);
    });
  });

  describe("a Worker deployed under a wrangler environment whose SDK names it by its bare name", () => {
    // `wrangler deploy --env production`: the tail counts the script shop-production, the SDK says shop.
    const SDK_NAME = "split-shop";
    const SCRIPT = `${SDK_NAME}-production`;

    beforeAll(async () => {
      const nowMs = Math.floor(Date.now() / 1000) * 1000;
      await postMetrics(tailMetricsRequest(SCRIPT, windows(1, nowMs - 60_000, () => ({ ok: 30, exceptions: 0, wallTimeMs: 80 }))));
      await exportSdkTelemetry(demo.ingestUrl, demo.token, SDK_NAME, {
        requests: [{ name: "GET /", startMs: nowMs - 60_000, durationMs: 20, status: 200 }],
      });
    });

    const queriesFor = (service: string) => renderedQueries(render({ ...RENDER_DEFAULTS, services: [service], database: demo.db.database, generation }));

    it("is listed by the fleet as uncounted under its name, with the name the tail counts it as", async () => {
      const panel = queriesFor(SDK_NAME).find((query) => query.service === undefined && query.title === "Services the tail does not count")!;
      const rows = await run(panel);
      expect(rows.find((row) => row.service === SDK_NAME)).toMatchObject({ tail_counts_as: SCRIPT, invocations_counted: "0" });
      expect(rows.map((row) => row.service)).not.toContain(SCRIPT);
      expect(rows.find((row) => row.service === DEMO_CLIENT_SERVICE)).toMatchObject({ tail_counts_as: "" });
    });

    it("shows on its own dashboard what the tail counted under the environment's script name", async () => {
      const panel = queriesFor(SDK_NAME).find((query) => query.kind === "panel" && query.title === "Telemetry by channel")!;
      const channels = Object.fromEntries((await run(panel)).map((row) => [row.channel, Number(row.amount)]));
      expect(channels).toMatchObject({ "tail: invocations counted": 0, "tail: invocations counted as <service>-<env>": 30, "own: spans": 1 });
    });
  });

  it.each(RUNBOOK_QUERIES.map((query) => [`${query.runbook}: ${query.title}`, query.sql]))(
    "runs the runbook query %s",
    async (_title, sql) => {
      const rows = await demo.db.client
        .query({ query: sql.replaceAll("{service}", PRODUCER).replace(/;\s*$/, ""), format: "JSONEachRow" })
        .then((result) => result.json());
      // Only the query waiting for a pasted request id has nothing to show on its own.
      if (sql.includes("<request_id")) expect(rows).toEqual([]);
      else expect(rows.length, "rows on the demo's traffic").toBeGreaterThan(0);
    },
  );
});
