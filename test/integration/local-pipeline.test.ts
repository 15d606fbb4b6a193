/**
 * `npm start` and `npm run demo` as a newcomer runs them: the start command as a child process
 * on free ports and a data directory of its own, the demo against the URLs it prints.
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { createClient } from "@clickhouse/client-web";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultDatabase } from "../../schema/index";
import { DEFAULT_ADMIN_TOKEN, LOCAL_VERSION_METADATA } from "../../scripts/dev/defaults";
import { LOCAL_TAIL_HAND_OFF_MSG } from "../../scripts/dev/retry-ledger";
import { oneRequestQuery } from "../../scripts/dev/demo/one-request-query";
import { eventually } from "../support/exactly-once";
import { bannerOf, REPOSITORY_ROOT, runScript, startPipeline, stdoutReaches, stopWithSigint, urlsIn, withLocalClickHouse, type PipelineUrls, type Started } from "../support/local-start";

function portOf(url: string): number {
  return Number(new URL(url).port);
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function childPidsOf(pid: number): number[] {
  try {
    return execFileSync("pgrep", ["-P", String(pid)], { encoding: "utf8" }).split("\n").filter(Boolean).map(Number);
  } catch {
    return []; // pgrep exits 1 when there are none
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** One SQL statement on the ClickHouse at `url`; its answer's text, or an error with it when not 200. */
async function statement(url: string, query: string): Promise<string> {
  const response = await fetch(url, { method: "POST", body: query });
  const text = await response.text();
  if (!response.ok) throw new Error(`${query}\n${response.status}: ${text}`);
  return text;
}

/**
 * An HTTP server on a free port that holds every request until `release()`, then answers the
 * TSV row `1`; `arrived` settles at the first request. Read by ClickHouse's url() in a view, it
 * holds an INSERT open until the test says, where a sleep in the view would only hope to.
 */
async function heldGate() {
  let arrive!: () => void;
  let release!: () => void;
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const server = createServer((_request, response) => {
    arrive();
    void released.then(() => response.end("1\n"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    arrived,
    release,
    close() {
      release();
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}


interface DemoReport {
  runId: string;
  traffic: { boomRequestId: string; checkoutRequestId: string; checkoutTraceId: string; healthyRequestIds: string[]; invocations: string };
  findings: Array<{ title: string; sql: string; complete: boolean; rows: Array<Record<string, unknown>> }>;
  grafana: { outDir: string; files: string[] };
}

let dataDir: string;
let pipeline: Started;
let urls: PipelineUrls;

/**
 * `--token` as the ingest Worker's INGEST_TOKENS takes it: the demo's and the producer's bare
 * token first (it writes any service), then a token scoped to the storefront's services.
 */
const TOKENS = "test-token,web:web-secret-1:storefront-web|storefront-*";

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "deco-otel-local-pipeline-"));
  pipeline = startPipeline(dataDir, TOKENS);
  urls = urlsIn(await bannerOf(pipeline));
});

afterAll(async () => {
  if (pipeline?.child.exitCode === null) {
    pipeline.child.kill("SIGKILL");
    await pipeline.exited;
  }
  await rm(dataDir, { recursive: true, force: true });
});

describe("npm run demo", () => {
  let report: DemoReport;
  let demoMessages: string;
  const finding = (title: string) => {
    const found = report.findings.find((candidate) => candidate.title.startsWith(title));
    if (!found) throw new Error(`no finding titled ${title}`);
    return found.rows;
  };

  beforeAll(async () => {
    // The list npm start was given, as one INGEST_TOKEN set for both would pass it: the demo
    // sends its token that may write demo-client (test-token), not the list as one bearer token.
    const demo = runScript("scripts/dev/demo.ts", [
      ...["--json", "--token", TOKENS, "--timeout", "40"],
      ...["--producer-url", urls.producer, "--ingest-url", urls.ingest, "--clickhouse-url", urls.clickhouse],
      ...["--grafana-out", join(dataDir, "grafana")],
    ]);
    const { code } = await demo.exited;
    expect(code, demo.output()).toBe(0);
    report = JSON.parse(demo.stdout()) as DemoReport;
    // With --json the report is stdout and the words for a person are stderr; the two pipes
    // interleave in any order, so the ending is looked for in stderr alone.
    demoMessages = demo.stderr();
  }, 90_000);

  it("finds every failure the tail caught, with the request ids it sent", () => {
    const rows = finding("Errors the tail caught");
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          event: "fetch",
          outcome: "exception",
          request_id: report.traffic.boomRequestId,
          path: "/boom",
          body: "TypeError: Cannot read properties of undefined (reading 'items')",
        }),
        expect.objectContaining({
          event: "fetch",
          request_id: report.traffic.checkoutRequestId,
          path: "/checkout",
          severity: "ERROR",
          body: "payment declined",
        }),
        expect.objectContaining({ event: "scheduled", outcome: "exception", severity: "ERROR" }),
      ]),
    );
  });

  it("finds the checkout's logs from both routes and its spans with the README's one-request query", () => {
    const found = report.findings.find((candidate) => candidate.title.startsWith("One request"))!;
    expect(found.sql).toBe(oneRequestQuery(report.traffic.checkoutRequestId, { logs: `${defaultDatabase}.otel_logs`, traces: `${defaultDatabase}.otel_traces` }));
    const rows = found.rows.map(({ kind, what }) => `${String(kind)} ${String(what)}`);
    expect(rows.sort()).toEqual([
      "log payment declined",
      "log payment declined for [REDACTED:email]: card declined by issuer",
      "span GET /checkout",
      "span GET /checkout",
      "span payment.authorize",
    ]);
  });

  it("stores the e-mail address nowhere", () => {
    const rows = finding("The e-mail address");
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.address_stored === 0 && row.redacted === "email")).toBe(true);
    expect(rows.find((row) => row.log_via === "tail Worker")?.email_attribute).toBe("[REDACTED:email]");
    expect(rows.find((row) => row.log_via === "direct OTLP")?.body).toContain("[REDACTED:email]");
  });

  it("shows one trace from the SDK's client span through the producer's spans", () => {
    const rows = finding("The checkout's trace");
    const span = (name: string, service: string) => rows.find((row) => row.span === name && row.service === service);
    const client = span("GET /checkout", "demo-client");
    const server = span("GET /checkout", "example-shop");
    const payment = span("payment.authorize", "example-shop");
    expect(client).toMatchObject({ kind: "Client", parent_span_id: "" });
    expect(server).toMatchObject({ kind: "Server", parent_span_id: client?.span_id });
    expect(payment).toMatchObject({ kind: "Client", status: "Error", parent_span_id: server?.span_id });
  });

  it("counts every invocation the traffic made", () => {
    const rows = finding("Invocations counted by the tail");
    const count = (event: string, outcome: string, statusClass: string) =>
      Number(rows.find((row) => row.event === event && row.outcome === outcome && row.status_class === statusClass)?.invocations ?? 0);
    expect(count("fetch", "ok", "2xx")).toBe(report.traffic.healthyRequestIds.length);
    expect(count("fetch", "ok", "4xx")).toBe(1);
    expect(count("fetch", "exception", "none")).toBe(1);
    // The cron run threw: the runtime reported it ok, the tail counts it as the failure it was.
    expect(count("scheduled", "exception", "none")).toBe(1);
    expect(rows.find((row) => row.event === "scheduled")?.reported_outcome).toBe("ok");
    expect(count("scheduled", "ok", "none")).toBe(0);
    // Counts are 64-bit integers, printed as ClickHouse prints them in JSON: exact decimal strings, as the latency finding's requests.
    for (const row of rows) expect(row.invocations).toMatch(/^[0-9]+$/);
    // The traffic's own count is written the same way: one key, one type, and it adds up.
    const counted = rows.reduce((total, row) => total + BigInt(row.invocations as string), 0n);
    expect(report.traffic.invocations).toBe(String(counted));
  });

  it("reads request counts and a p95 bound from both duration histograms", () => {
    const rows = finding("Latency");
    const healthy = report.traffic.healthyRequestIds.length;
    expect(rows.find((row) => row.service === "example-shop")).toMatchObject({
      metric: "http.server.request.duration",
      requests: String(healthy + 1),
    });
    expect(rows.find((row) => row.service === "demo-client")).toMatchObject({
      metric: "http.client.request.duration",
      requests: String(healthy + 2),
    });
    for (const row of rows) expect(Number(row.p95_at_most_ms)).toBeGreaterThan(0);
  });

  it("ends by pointing at Grafana dashboards for its services and how to import them", async () => {
    const outDir = join(dataDir, "grafana");
    expect(report.grafana.outDir).toBe(outDir);
    expect(report.grafana.files.map((file) => relative(outDir, file)).sort()).toEqual([
      join("dashboards", "deco-otel-demo-client.json"),
      join("dashboards", "deco-otel-example-shop.json"),
      join("dashboards", "deco-otel-fleet.json"),
      join("provisioning", "dashboards", "deco-otel.yaml"),
      join("provisioning", "datasources", "deco-otel.yaml"),
    ]);
    const datasource = await readFile(join(outDir, "provisioning", "datasources", "deco-otel.yaml"), "utf8");
    expect(datasource).toContain(`port: ${portOf(urls.clickhouse)}`);
    expect(demoMessages.trimEnd().split("\n").slice(-8).join("\n")).toContain("Dashboards > New > Import");
  });

  it("prints SQL that returns exactly the rows it shows", async () => {
    const client = createClient({ url: urls.clickhouse });
    try {
      for (const { sql, rows, complete } of report.findings) {
        expect(complete).toBe(true);
        expect(await (await client.query({ query: sql, format: "JSONEachRow" })).json()).toEqual(rows);
      }
    } finally {
      await client.close();
    }
  });
});

describe("npm run demo with a token the ingest Worker refuses", () => {
  /** The demo against the running pipeline with `token`: its exit code and what it printed. */
  const demoWith = async (token: string) => {
    const demo = runScript("scripts/dev/demo.ts", ["--token", token, "--producer-url", urls.producer, "--ingest-url", urls.ingest, "--clickhouse-url", urls.clickhouse]);
    const { code } = await demo.exited;
    return { code, stdout: demo.stdout(), stderr: demo.stderr() };
  };

  it("none listed may write demo-client: exit 1 before any traffic, naming the token, the scope it lacks and the --token entry to add", async () => {
    // Before, the SDK's exporters met the 403 and the demo ended in a stack trace with protobuf bytes.
    const { code, stdout, stderr } = await demoWith("web:web-secret-1:storefront-web|storefront-*");
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      `npm run demo: the ingest Worker at ${urls.ingest} refused the demo's token "web" (from --token) with HTTP 403: ` +
        'token "web" may not write service.name "demo-client": it may write service.name "storefront-web", "storefront-*"; nothing was written\n' +
        'No token --token lists may write service.name "demo-client", the demo\'s own service, so it sent the first. If npm start\'s ' +
        "--token (or $INGEST_TOKEN) holds one that may (an entry SECRET or NAME:SECRET, any service, or NAME:SECRET:demo-client), " +
        "pass the demo npm start's whole list, or that token: no restart is needed. Otherwise add such an entry to npm start's " +
        "--token, restart npm start and pass the demo the same list.\n",
    );
  }, 60_000);

  it("a token npm start was not given: exit 1, saying to pass the demo npm start's list", async () => {
    const { code, stderr } = await demoWith("demo-only-token");
    expect(code).toBe(1);
    expect(stderr).toContain("with HTTP 401: invalid bearer token\n");
    expect(stderr).toContain("pass the demo the --token (or $INGEST_TOKEN) npm start was given.");
    expect(stderr).not.toContain("demo-only-token");
    expect(stderr).not.toContain("OTLPExporterError");
  }, 60_000);
});

// After the demo, whose counts cover everything the producer served since it started.
describe("npm start", () => {
  it("answers on every URL its banner prints, with the schema applied", async () => {
    const home = await fetch(`${urls.producer}/`, { headers: { "x-request-id": "local-pipeline-test" } });
    expect(home.status).toBe(200);
    expect(home.headers.get("x-request-id")).toBe("local-pipeline-test");
    await home.arrayBuffer();

    const health = await fetch(`${urls.ingest}/health/deep`);
    expect(await health.json()).toEqual({ status: "ok", clickhouse: "ok" });
    const withoutToken = await fetch(`${urls.ingest}/v1/logs`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(withoutToken.status).toBe(401);
    await withoutToken.arrayBuffer();

    expect(await (await fetch(`${urls.clickhouse}/ping`)).text()).toBe("Ok.\n");
    const tables = await (
      await fetch(urls.clickhouse, { method: "POST", body: "SELECT name FROM system.tables WHERE database = 'otel'" })
    ).text();
    expect(tables.split("\n")).toEqual(expect.arrayContaining(["otel_logs", "otel_traces", "otel_metrics_sum", "otel_metrics_histogram"]));
  });

  it("takes scoped tokens as INGEST_TOKENS does: a token writes its own services and is refused others with 403", async () => {
    // Before, `--token` took one bare token only, so scopes could be tried only under `wrangler dev`.
    expect(pipeline.stdout()).toContain("    web                   storefront-web, storefront-*");
    const post = (service: string) =>
      fetch(`${urls.ingest}/v1/logs`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: "Bearer web-secret-1" },
        body: JSON.stringify({
          resourceLogs: [
            {
              resource: { attributes: [{ key: "service.name", value: { stringValue: service } }] },
              scopeLogs: [{ logRecords: [{ body: { stringValue: `scoped-token-check ${service}` } }] }],
            },
          ],
        }),
      });
    const refused = await post("billing");
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toBe(
      'token "web" may not write service.name "billing": it may write service.name "storefront-web", "storefront-*"; nothing was written',
    );
    const written = await post("storefront-checkout");
    expect(written.status).toBe(200);
    await written.arrayBuffer();
    const stamped = async () =>
      (
        await fetch(urls.clickhouse, {
          method: "POST",
          body: "SELECT ServiceName, ResourceAttributes['deco.ingest.token'] FROM otel.otel_logs WHERE Body LIKE 'scoped-token-check %' FORMAT TSV",
        })
      ).text();
    await eventually(async () => expect(await stamped()).toBe("storefront-checkout\tweb\n"));
  });

  it("gives the producer's request.id as the Workers give the Ray ID, in lower case", async () => {
    // Before, the producer kept cf-ray's case, so its request.id and cloudflare.ray_id differed.
    const home = await fetch(`${urls.producer}/`, { headers: { "cf-ray": "8F3B2C1D4E5F6A7C-GRU" } });
    expect(home.status).toBe(200);
    expect(home.headers.get("x-request-id")).toBe("8f3b2c1d4e5f6a7c");
    await home.arrayBuffer();
  });

  it("binds the producer's version metadata: its own spans, metrics and logs carry the version id and tag", async () => {
    const versions = await (
      await fetch(urls.clickhouse, {
        method: "POST",
        // The producer's own export, by its instrumentation scope (the tail's rows have their own).
        body: `SELECT DISTINCT signal, ResourceAttributes['service.version'], ResourceAttributes['cloudflare.script_version.tag'] FROM (
  SELECT 'logs' AS signal, ResourceAttributes FROM otel.otel_logs WHERE ServiceName = 'example-shop' AND ScopeName = 'example-shop'
  UNION ALL SELECT 'traces', ResourceAttributes FROM otel.otel_traces WHERE ServiceName = 'example-shop' AND ScopeName = 'example-shop'
  UNION ALL SELECT 'metrics', ResourceAttributes FROM otel.otel_metrics_sum WHERE ServiceName = 'example-shop' AND ScopeName = 'example-shop'
) ORDER BY signal FORMAT TSV`,
      })
    ).text();
    const { id, tag } = LOCAL_VERSION_METADATA;
    expect(versions).toBe(["logs", "metrics", "traces"].map((signal) => `${signal}\t${id}\t${tag}\n`).join(""));
  });

  it("gives the tail's rows the producer's version too, as the platform's TraceItems do", async () => {
    const versions = await (
      await fetch(urls.clickhouse, {
        method: "POST",
        body: `SELECT DISTINCT signal, ResourceAttributes['service.version'], ResourceAttributes['cloudflare.script_version.tag'] FROM (
  SELECT 'logs' AS signal, ResourceAttributes FROM otel.otel_logs WHERE LogAttributes['_source'] = 'tail-worker'
  UNION ALL SELECT 'metrics', ResourceAttributes FROM otel.otel_metrics_sum WHERE MetricName = 'cloudflare.worker.invocations'
) ORDER BY signal FORMAT TSV`,
      })
    ).text();
    const { id, tag } = LOCAL_VERSION_METADATA;
    expect(versions).toBe(["logs", "metrics"].map((signal) => `${signal}\t${id}\t${tag}\n`).join(""));
  });

  it("runs the ingest Worker with its dead-letter bucket: `npm run dead-letters -- list` answers", () => {
    const listing = execFileSync(
      process.execPath,
      ["--import", "tsx", "dead-letters/cli.ts", "list", "--json", "--url", urls.ingest],
      { cwd: REPOSITORY_ROOT, encoding: "utf8", env: { ...process.env, DECO_OTEL_ADMIN_TOKEN: DEFAULT_ADMIN_TOKEN } },
    );
    expect(JSON.parse(listing)).toEqual({
      undelivered: { batches: 0, rows: 0, groups: [] },
      refused: { batches: 0, rows: 0, groups: [] },
      unreadableMessages: 0,
    });
  });
});

describe("stopping and starting again", () => {
  /** Another `npm start` on the same data directory, its URLs, and SQL on its ClickHouse. */
  async function startAgain() {
    const started = startPipeline(dataDir);
    const found = urlsIn(await bannerOf(started));
    return { started, ...found, sql: (query: string) => statement(found.clickhouse, query) };
  }

  /** SQL on the data directory once `npm start` has stopped, one statement after another: a repair after a test. */
  const sqlWhenStopped = (...queries: string[]) =>
    withLocalClickHouse(dataDir, async (url) => {
      for (const query of queries) await statement(url, query);
    });

  it("stops everything on SIGINT with exit code 0, and a second start keeps the data", async () => {
    const children = childPidsOf(pipeline.child.pid!);
    expect(children.length).toBeGreaterThan(0);
    expect(await stopWithSigint(pipeline)).toEqual({ code: 0, signal: null });
    for (const url of Object.values(urls)) expect(await isListening(portOf(url))).toBe(false);
    // Helpers such as esbuild's service leave on their own once their parent is gone.
    await eventually(async () => expect(children.filter(isAlive)).toEqual([]));

    const again = startPipeline(dataDir);
    try {
      const banner = await bannerOf(again);
      expect(banner).toContain("schema already in place");
      const rows = await (
        await fetch(urlsIn(banner).clickhouse, {
          method: "POST",
          body: "SELECT count() FROM otel.otel_logs WHERE LogAttributes['_source'] = 'tail-worker'",
        })
      ).text();
      expect(Number(rows)).toBeGreaterThanOrEqual(3);
    } finally {
      expect(await stopWithSigint(again)).toEqual({ code: 0, signal: null });
    }
  });

  it("waits for the retry queue on SIGINT and says how many rows it could not write, for the local queue lives in memory", async () => {
    const { started, ingest, sql } = await startAgain();
    // The table gone: the export is answered 200, its row queued for a later write.
    await sql("RENAME TABLE otel.otel_logs TO otel.otel_logs_away");
    try {
      const answer = await fetch(`${ingest}/v1/logs`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: "Bearer test-token" },
        body: JSON.stringify({ resourceLogs: [{ resource: { attributes: [{ key: "service.name", value: { stringValue: "lost-on-stop" } }] }, scopeLogs: [{ logRecords: [{ body: { stringValue: "queued" } }] }] }] }),
      });
      expect(answer.status).toBe(200);
      await eventually(async () => expect(started.stdout()).toMatch(/"msg":"export written".*"queued":1,/));
      expect(await stopWithSigint(started)).toEqual({ code: 0, signal: null });
      expect(started.stdout()).toContain("Waiting up to 10 s for the tail Worker's hand-offs and the retry queue to be delivered...");
      expect(started.stderr()).toContain(
        "1 of the 1 retry queue message(s) this run sent were not written to ClickHouse (the 1 held 1 rows between them); the local queue lives in memory, so their rows are lost",
      );
    } finally {
      await sqlWhenStopped("RENAME TABLE otel.otel_logs_away TO otel.otel_logs");
    }
  });

  it("waits on SIGINT for the tail Worker's hand-off to the ingest Worker, which the stop would otherwise cut", async () => {
    const { started, producer, sql } = await startAgain();
    const gate = await heldGate();
    try {
      // The tail's log rows (only theirs: the producer's own go straight in) go on through a Null
      // table whose view joins the gate by url(): their INSERT, and so the tail's hand-off that
      // waits for its answer, stays open until the test releases the gate.
      await sql("CREATE TABLE otel.held_tail_rows (row UInt8) ENGINE = Null");
      await sql("CREATE MATERIALIZED VIEW otel.hold_tail_rows TO otel.held_tail_rows AS SELECT 1 AS row FROM otel.otel_logs WHERE LogAttributes['_source'] = 'tail-worker'");
      await sql(`CREATE MATERIALIZED VIEW otel.tail_rows_gate ENGINE = Null AS SELECT row FROM otel.held_tail_rows CROSS JOIN url('${gate.url}', 'TSV', 'open UInt8') AS gate`);
      const answer = await fetch(`${producer}/boom`);
      expect(answer.status).toBe(500);
      await answer.arrayBuffer();
      // The tail's INSERT is held: its hand-off has begun and cannot end before the release.
      await gate.arrived;
      started.child.kill("SIGINT");
      const waiting = "Waiting up to 10 s for the tail Worker's hand-offs and the retry queue to be delivered...";
      await stdoutReaches(started, waiting);
      gate.release();
      expect(await started.exited).toEqual({ code: 0, signal: null });

      const stdout = started.stdout();
      const stop = stdout.slice(stdout.indexOf(waiting));
      // The stop waited for the hand-off: the tail's rows were written after it began waiting,
      // then it counted the hand-off ended and stopped.
      const tailLogsWritten = /"msg":"export written","requestId":"[^"]+","entrypoint":"tail-ingest","signal":"logs"/.exec(stop);
      const summary = /The tail Worker's ([1-9]\d*) hand-off\(s\) to the ingest Worker this run all ended\./.exec(stop);
      expect(tailLogsWritten, stdout).not.toBeNull();
      expect(summary, stdout).not.toBeNull();
      expect(tailLogsWritten!.index).toBeLessThan(summary!.index);
      expect(stop.indexOf("Stopped.")).toBeGreaterThan(summary!.index);
      expect(started.stderr()).not.toContain("hand-off(s) of the tail Worker to the ingest Worker this run had not ended");
      // Counted, not printed: the terminal shows no hand-off line.
      expect(started.output()).not.toContain(LOCAL_TAIL_HAND_OFF_MSG);
    } catch (error) {
      if (started.child.exitCode === null) started.child.kill("SIGKILL");
      await started.exited;
      throw error;
    } finally {
      await gate.close();
      await sqlWhenStopped("DROP VIEW IF EXISTS otel.tail_rows_gate", "DROP VIEW IF EXISTS otel.hold_tail_rows", "DROP TABLE IF EXISTS otel.held_tail_rows");
    }
  });
});
