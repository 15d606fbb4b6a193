import { describe, expect, it } from "vitest";
import { describeError, printedErrorAttributes, translateLogs, type TranslatedLogs } from "../../workers/tail/translate-logs";
import type { JsonLogRecord } from "../../workers/tail/otlp-json";
import type { TailLog, TailTraceItem } from "../../workers/tail/trace-item";
import { attributeMap, loadTraceItems } from "../fixtures/trace-items/index";

/** The log records of a translated request, over every resource and scope. */
const recordsIn = (request: TranslatedLogs["request"]): number =>
  request.resourceLogs.reduce((total, resource) => total + resource.scopeLogs.reduce((sum, scope) => sum + scope.logRecords.length, 0), 0);

const OBSERVED_AT_MS = 1777190460000;
const config = { captureLevels: new Set(["error"]), serviceNameFallback: "unknown-worker" };

function translate(fixture: string, overrides: Partial<typeof config> = {}) {
  return translateLogs(loadTraceItems(fixture), { ...config, ...overrides }, OBSERVED_AT_MS);
}

function onlyResource(fixture: string) {
  const { resourceLogs } = translate(fixture).request;
  expect(resourceLogs).toHaveLength(1);
  const [resourceLog] = resourceLogs;
  return {
    resource: attributeMap(resourceLog!.resource.attributes),
    scope: resourceLog!.scopeLogs[0]!.scope,
    records: resourceLog!.scopeLogs[0]!.logRecords,
  };
}

const attributesOf = (record: JsonLogRecord) => attributeMap(record.attributes);

describe("an uncaught exception in a fetch handler", () => {
  const { resource, scope, records } = onlyResource("fetch-exception");
  const [record] = records;

  it("becomes one ERROR record named after the exception, at the exception's time", () => {
    expect(records).toHaveLength(1);
    expect(record).toMatchObject({
      severityNumber: 17,
      severityText: "ERROR",
      body: { stringValue: "TypeError: Cannot read properties of undefined (reading 'items')" },
      timeUnixNano: "1777190400031000000",
      observedTimeUnixNano: "1777190460000000000",
    });
    expect(scope.name).toBe("deco-otel-tail");
  });

  it("carries the exception semantic-convention attributes, stack in its natural JS form", () => {
    expect(attributesOf(record!)).toMatchObject({
      "exception.type": "TypeError",
      "exception.message": "Cannot read properties of undefined (reading 'items')",
      "exception.stacktrace":
        "TypeError: Cannot read properties of undefined (reading 'items')\n" +
        "    at parseCart (index.js:120:11)\n    at Object.fetch (index.js:45:20)",
    });
  });

  it("describes the request by path and method only, and the invocation", () => {
    expect(attributesOf(record!)).toEqual(
      expect.objectContaining({
        _source: "tail-worker",
        _outcome: "exception",
        "cloudflare.event.kind": "fetch",
        "faas.trigger": "http",
        "url.path": "/api/cart/checkout",
        "http.request.method": "POST",
        "request.id": "xreq-123",
        "cloudflare.execution_model": "stateless",
        "cloudflare.cpu_time_ms": 7,
        "cloudflare.wall_time_ms": 48,
        "cloudflare.truncated": false,
      }),
    );
    // The Worker threw, so there was no response to report.
    expect(attributesOf(record!)).not.toHaveProperty("http.response.status_code");
  });

  it("never copies the query string, headers, cookies or geolocation", () => {
    const serialized = JSON.stringify(records);
    for (const secret of ["s3cr3t", "ana%40example.com", "REDACTED", "203.0.113.7", "São Paulo", "-23.55050", "GRU"]) {
      expect(serialized).not.toContain(secret);
    }
  });

  it("takes the trace id and flags from the traceparent header, not the caller's span id", () => {
    expect(record).toMatchObject({
      traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
      flags: 1,
    });
    // The header's span id is the caller's span: the record was not made in it.
    expect(record).not.toHaveProperty("spanId");
  });

  it("names the producer in the resource with the attributes and values Cloudflare's OTLP export sets", () => {
    expect(resource).toEqual({
      "service.name": "shop-api",
      "service.version": "4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
      "cloudflare.script_version.tag": "v42",
      "cloud.provider": "cloudflare",
      "cloud.platform": "cloudflare.workers",
      "faas.name": "shop-api",
      "cloudflare.script_name": "shop-api",
      "faas.version": "4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
      "cloudflare.script_version.id": "4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
    });
  });
});

describe("console.error lines in a healthy invocation", () => {
  const { records } = onlyResource("fetch-console-error");

  it("become one record each, at the line's time; other levels are not captured by default", () => {
    expect(records.map((record) => record.body)).toEqual([
      { stringValue: 'payment provider said no for order 1042 {"retry":false,"code":"card_declined"}' },
      { stringValue: '{"level":"error","msg":"inventory out of sync","sku":"SKU-9","request.id":"req-from-log"}' },
      { stringValue: "Error: upstream timed out" },
    ]);
    expect(records.map((record) => record.timeUnixNano)).toEqual([
      "1777190400180000000",
      "1777190400190000000",
      "1777190400200000000",
    ]);
    expect(records.every((record) => record.severityText === "ERROR" && record.severityNumber === 17)).toBe(true);
  });

  it("give a console.error(err) line, printed by the runtime as \"Error: message\" alone, no exception attributes", () => {
    // The same text as console.error("Error: upstream timed out"): nothing tells them apart.
    expect(attributesOf(records[2]!)).not.toHaveProperty("exception.type");
    expect(attributesOf(records[0]!)).not.toHaveProperty("exception.type");
  });

  it("prefer the request id the producer logged over the x-request-id header", () => {
    expect(records.map((record) => attributesOf(record)["request.id"])).toEqual([
      "req-from-log",
      "req-from-log",
      "req-from-log",
    ]);
  });

  it("report the response status, the path without its query, and the ok outcome", () => {
    expect(attributesOf(records[0]!)).toMatchObject({
      _outcome: "ok",
      "url.path": "/api/orders/1042",
      "http.request.method": "PUT",
      "http.response.status_code": 500,
    });
  });

  it("include the warn line when warn is a captured level, at WARN severity", () => {
    const withWarn = translate("fetch-console-error", { captureLevels: new Set(["error", "warn"]) });
    const lastRecord = withWarn.request.resourceLogs[0]!.scopeLogs[0]!.logRecords.at(-1)!;
    expect(recordsIn(withWarn.request)).toBe(4);
    expect(lastRecord).toMatchObject({ severityNumber: 13, severityText: "WARN", body: { stringValue: "slow upstream" } });
  });
});

describe("failures that leave no exception or error line behind", () => {
  it("exceededCpu gets one synthetic ERROR record that says what happened", () => {
    const { records } = onlyResource("exceeded-cpu");
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      severityText: "ERROR",
      severityNumber: 17,
      timeUnixNano: "1777190400000000000",
      body: { stringValue: "The Worker was stopped because it used more CPU time than its limit allows." },
    });
    expect(attributesOf(records[0]!)).toMatchObject({
      _outcome: "exceededCpu",
      "url.path": "/api/report",
      "cloudflare.cpu_time_ms": 30004,
      "request.id": "8f3b2c1d4e5f6a7b",
    });
  });

  it("exceededMemory gets one synthetic ERROR record", () => {
    const { records } = onlyResource("exceeded-memory");
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      severityText: "ERROR",
      body: { stringValue: "The Worker was stopped because it used more memory than its limit allows." },
    });
    expect(attributesOf(records[0]!)._outcome).toBe("exceededMemory");
  });

  it("a canceled request is INFO, not an error", () => {
    const { records } = onlyResource("canceled");
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      severityText: "INFO",
      severityNumber: 9,
      body: { stringValue: "The client went away before the Worker finished, so the invocation was canceled." },
    });
    expect(attributesOf(records[0]!)._outcome).toBe("canceled");
  });

  it("an outcome invented after this code was written is an ERROR that names it", () => {
    const { records } = onlyResource("future-outcome");
    expect(records.map((record) => [record.severityText, record.body])).toEqual([
      [
        "ERROR",
        {
          stringValue:
            'The invocation ended with outcome "exceededEgressBudget", which this tail Worker does not know yet; it is treated as a failure.',
        },
      ],
      ["ERROR", { stringValue: "The Workers runtime could not tell how the invocation ended." }],
    ]);
    expect(attributesOf(records[1]!)).toMatchObject({ _outcome: "unknown", "cloudflare.event.kind": "none" });
  });
});

describe("a non-ok ending after captured lines", () => {
  const warnLine = { level: "warn", timestamp: 1777190400100, message: ["slow pricing call"] };
  const errorLine = { level: "error", timestamp: 1777190400100, message: ["retrying pricing call"] };
  const withLogs = (fixture: string, logs: object[], captureLevels = ["warn", "error"]) => {
    const items = loadTraceItems(fixture).map((item) => ({ ...item, logs: logs as TailLog[] }));
    const { request } = translateLogs(items, { ...config, captureLevels: new Set(captureLevels) }, OBSERVED_AT_MS);
    return request.resourceLogs.flatMap((resourceLog) => resourceLog.scopeLogs[0]!.logRecords);
  };
  const summary = (records: JsonLogRecord[]) =>
    records.map((record) => [record.severityText, bodyText(record), attributesOf(record)._outcome]);
  const bodyText = (record: JsonLogRecord) => ("stringValue" in record.body ? record.body.stringValue : undefined);

  it("a CPU kill after a WARN line still gets the ERROR record that says so", () => {
    expect(summary(withLogs("exceeded-cpu", [warnLine]))).toEqual([
      ["WARN", "slow pricing call", "exceededCpu"],
      ["ERROR", "The Worker was stopped because it used more CPU time than its limit allows.", "exceededCpu"],
    ]);
  });

  it("a memory kill after a line below the captured levels gets it too", () => {
    expect(summary(withLogs("exceeded-memory", [{ ...warnLine, level: "log" }]))).toEqual([
      ["ERROR", "The Worker was stopped because it used more memory than its limit allows.", "exceededMemory"],
    ]);
  });

  it("an exception outcome without an exception in the list, after a WARN line, gets it too", () => {
    const onlyLines = loadTraceItems("fetch-exception").map((item) => ({ ...item, exceptions: [], logs: [warnLine] }));
    const translated = translateLogs(onlyLines, { ...config, captureLevels: new Set(["warn"]) }, OBSERVED_AT_MS);
    expect(summary(translated.request.resourceLogs[0]!.scopeLogs[0]!.logRecords)).toEqual([
      ["WARN", "slow pricing call", "exception"],
      ["ERROR", "The Worker failed with an uncaught exception.", "exception"],
    ]);
  });

  it("a client-side ending after a WARN line gets its INFO record", () => {
    expect(summary(withLogs("canceled", [warnLine]))).toEqual([
      ["WARN", "slow pricing call", "canceled"],
      ["INFO", "The client went away before the Worker finished, so the invocation was canceled.", "canceled"],
    ]);
  });

  it("an ERROR line already surfaces the ending: no synthetic record beside it", () => {
    expect(summary(withLogs("exceeded-cpu", [warnLine, errorLine]))).toEqual([
      ["WARN", "slow pricing call", "exceededCpu"],
      ["ERROR", "retrying pricing call", "exceededCpu"],
    ]);
  });
});

describe("a handler that threw while the runtime reported ok", () => {
  // workerd reports a throwing scheduled(), queue() or hibernatable webSocketMessage() handler
  // with outcome "ok" beside the exception (tail-miniflare.test.ts sees it from the runtime).
  it.each(["scheduled-exception", "queue-exception"])("%s: the exception record reports outcome exception", (fixture) => {
    const { records } = onlyResource(fixture);
    expect(records).toHaveLength(1);
    expect(records[0]!.severityText).toBe("ERROR");
    expect(attributesOf(records[0]!)).toMatchObject({ _outcome: "exception", "cloudflare.reported_outcome": "ok" });
  });

  it("keeps no reported outcome where the runtime's agrees", () => {
    const { records } = onlyResource("fetch-exception");
    expect(attributesOf(records[0]!)._outcome).toBe("exception");
    expect(attributesOf(records[0]!)).not.toHaveProperty("cloudflare.reported_outcome");
  });
});

describe("non-fetch events", () => {
  it("scheduled: the cron and its scheduled time", () => {
    const { resource, records } = onlyResource("scheduled-exception");
    expect(attributesOf(records[0]!)).toMatchObject({
      "cloudflare.event.kind": "scheduled",
      "faas.trigger": "timer",
      "faas.cron": "0 3 * * *",
      "faas.time": "2026-04-26T08:00:00.000Z",
    });
    expect(records[0]!.body).toEqual({ stringValue: "Error: nightly sync failed" });
    // No tag: the version id alone.
    expect(resource["service.version"]).toBe("9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a");
    expect(resource).not.toHaveProperty("cloudflare.script_version.tag");
  });

  it("queue: the queue name and batch size", () => {
    const { records } = onlyResource("queue-exception");
    expect(attributesOf(records[0]!)).toMatchObject({
      "cloudflare.event.kind": "queue",
      "faas.trigger": "pubsub",
      "messaging.destination.name": "order-events",
      "messaging.batch.message_count": 25,
      "exception.type": "SyntaxError",
    });
  });

  it("alarm: the scheduled time, and the Durable Object class as entrypoint", () => {
    const { resource, records } = onlyResource("alarm-exception");
    expect(attributesOf(records[0]!)).toMatchObject({
      "cloudflare.event.kind": "alarm",
      "faas.trigger": "timer",
      "faas.time": "2026-04-26T08:00:00.000Z",
      "cloudflare.execution_model": "durableObject",
    });
    expect(resource["cloudflare.entrypoint"]).toBe("CartObject");
  });

  it("email: recipient and size, never the sender's address", () => {
    const { records } = onlyResource("email-exception");
    expect(attributesOf(records[0]!)).toMatchObject({
      "cloudflare.event.kind": "email",
      "cloudflare.email.rcpt_to": "support@shop.example.com",
      "cloudflare.email.raw_size": 48213,
    });
    expect(JSON.stringify(records)).not.toContain("customer@example.org");
  });

  it("rpc: the method called", () => {
    const { resource, records } = onlyResource("rpc-exception");
    expect(attributesOf(records[0]!)).toMatchObject({ "cloudflare.event.kind": "rpc", "rpc.method": "charge" });
    expect(resource["cloudflare.entrypoint"]).toBe("BillingService");
  });
});

describe("a batch from several producers", () => {
  it("keeps each producer under its own resource, with dispatch namespace and script tags", () => {
    const { request } = translate("workers-for-platforms");
    const recordCount = recordsIn(request);
    // The dispatcher returned a 500 without an exception or error line: nothing to say about it.
    expect(recordCount).toBe(1);
    expect(request.resourceLogs.map((resourceLog) => attributeMap(resourceLog.resource.attributes))).toEqual([
      {
        "service.name": "customer-acme",
        "service.version": "5555eeee-6666-4fff-8aaa-7777bbbb8888",
        "cloud.provider": "cloudflare",
        "cloud.platform": "cloudflare.workers",
        "faas.name": "customer-acme",
        "cloudflare.script_name": "customer-acme",
        "faas.version": "5555eeee-6666-4fff-8aaa-7777bbbb8888",
        "cloudflare.script_version.id": "5555eeee-6666-4fff-8aaa-7777bbbb8888",
        "cloudflare.dispatch_namespace": "customers",
        "cloudflare.script_tags": ["plan:pro", "customer:acme"],
      },
    ]);
  });

  it("uses the fallback service name when the runtime reports no script name", () => {
    const [item] = loadTraceItems("exceeded-cpu");
    const { request } = translateLogs([{ ...item!, scriptName: null }], config, OBSERVED_AT_MS);
    const attributes = attributeMap(request.resourceLogs[0]!.resource.attributes);
    expect(attributes["service.name"]).toBe("unknown-worker");
    // The fallback is not the Worker's name: the export's faas.name would never say it.
    expect(attributes).not.toHaveProperty("faas.name");
    expect(attributes).toHaveProperty("cloud.platform", "cloudflare.workers");
  });
});

describe("errors of a custom class (this workerd's shape: name Error, the real header in the stack)", () => {
  const { records } = onlyResource("custom-errors");
  const exceptionRecords = records.filter((record) => attributesOf(record)["exception.type"] !== undefined);

  it("take exception.type from the stack's header, and keep the stack with its one header", () => {
    expect(exceptionRecords.map((record) => attributesOf(record))).toEqual([
      expect.objectContaining({
        "exception.type": "CheckoutError",
        "exception.message": "card declined",
        "exception.stacktrace": "CheckoutError: card declined\n    at Object.fetch (index.js:1:447)",
      }),
      expect.objectContaining({
        "exception.type": "AggregateError",
        "exception.message": "several failed",
        "exception.stacktrace": "AggregateError: several failed\n    at Object.fetch (index.js:1:194)",
      }),
      expect.objectContaining({
        "exception.type": "EmptyError",
        "exception.message": "",
        "exception.stacktrace": "EmptyError\n    at Object.fetch (index.js:1:379)",
      }),
    ]);
  });

  it("name the real type in the body, as JS prints the error", () => {
    expect(exceptionRecords.map((record) => record.body)).toEqual([
      { stringValue: "CheckoutError: card declined" },
      { stringValue: "AggregateError: several failed" },
      { stringValue: "EmptyError" },
    ]);
  });
});

describe("describeError", () => {
  it("puts the header in front of a stack of frames only (older runtimes, production)", () => {
    expect(describeError("Error", "several failed", "    at Object.fetch (index.js:1:194)")).toEqual({
      type: "Error",
      stacktrace: "Error: several failed\n    at Object.fetch (index.js:1:194)",
    });
  });

  it("reads the type only from a header carrying exactly the error's message, multi-line ones too", () => {
    const stack = "ValidationError: bad input\nfield: email\n    at check (index.js:3:9)";
    expect(describeError("Error", "bad input\nfield: email", stack)).toEqual({ type: "ValidationError", stacktrace: stack });
    // A message changed after the error was made: the header is not this error's, so the name
    // stays; the stack already has a header and gets no second one.
    expect(describeError("Error", "new message", "CheckoutError: old message\n    at f (index.js:1:1)")).toEqual({
      type: "Error",
      stacktrace: "CheckoutError: old message\n    at f (index.js:1:1)",
    });
    // A longer message that merely starts like this one's is another message.
    expect(describeError("Error", "card", "CheckoutError: card declined\n    at f (index.js:1:1)").type).toBe("Error");
  });

  // As workerd reports them (recorded): `err.name = "Payment Error"` on a plain Error, and a
  // RangeError("a") whose message was then changed to "b".
  it("reads a name of several words from the header, and keeps a stack whose first line is no header as sent", () => {
    expect(describeError("Error", "declined", "Payment Error: declined\n    at Object.fetch (script-10:1:124)")).toEqual({
      type: "Payment Error",
      stacktrace: "Payment Error: declined\n    at Object.fetch (script-10:1:124)",
    });
    expect(describeError("RangeError", "b", "a\n    at Object.fetch (script-9:1:44)")).toEqual({
      type: "RangeError",
      stacktrace: "a\n    at Object.fetch (script-9:1:44)",
    });
    // Words with no message after them are not taken for a type.
    expect(describeError("Error", "", "something went wrong\n    at f (index.js:1:1)").type).toBe("Error");
  });

  it("gives no stack trace when the runtime sent none", () => {
    expect(describeError("CheckoutError", "card declined", undefined)).toEqual({ type: "CheckoutError", stacktrace: undefined });
    expect(describeError("Error", "card declined", "")).toEqual({ type: "Error", stacktrace: undefined });
  });

  it("reads a console.error(err.stack) line, an Error's printed stack, as that error", () => {
    const [item] = loadTraceItems("custom-errors");
    const logged: TailLog = {
      level: "error",
      timestamp: 1777190400020,
      message: ["CheckoutError: logged custom\n    at Object.fetch (index.js:1:300)"],
    };
    const { request } = translateLogs([{ ...item!, exceptions: [], logs: [logged] }], config, OBSERVED_AT_MS);
    const [record] = request.resourceLogs[0]!.scopeLogs[0]!.logRecords;
    expect(attributesOf(record!)).toMatchObject({
      "exception.type": "CheckoutError",
      "exception.message": "logged custom",
      "exception.stacktrace": "CheckoutError: logged custom\n    at Object.fetch (index.js:1:300)",
    });
  });
});

describe("printedErrorAttributes", () => {
  it.each([
    ["an Error printed with frames", ["TypeError: x is undefined\n    at f (index.js:1:2)"], { type: "TypeError", message: "x is undefined" }],
    ["a message over several lines", ["Error: line one\nline two\n    at f (index.js:1:2)"], { type: "Error", message: "line one\nline two" }],
    ["an empty message", ["RangeError\n    at f (index.js:1:2)"], { type: "RangeError", message: "" }],
    ["a bare string argument", "Error: boom\n    at f (index.js:1:2)", { type: "Error", message: "boom" }],
  ])("reads %s", (_name, message, expected) => {
    expect(printedErrorAttributes({ message })).toMatchObject({
      "exception.type": expected.type,
      "exception.message": expected.message,
    });
  });

  it.each([
    ["prose that reads like an error, without frames", ["Error: could not reach x"]],
    ["console.error(err) as the runtime prints it", ["TypeError: typed inside"]],
    ["an error among other arguments", ["context:", "TypeError: typed inside\n    at f (index.js:1:2)"]],
    ["words before the frames that are no type", ["could not reach x: timeout\n    at f (index.js:1:2)"]],
    ["frames alone", ["    at f (index.js:1:2)"]],
    ["an object", [{ error: "x" }]],
  ])("gives no exception attributes to %s", (_name, message) => {
    expect(printedErrorAttributes({ message })).toEqual({});
  });
});

describe("an invocation whose logs the platform truncated (over 256 KB)", () => {
  const [okItem, thrownItem] = loadTraceItems("log-limit-exceeded");

  it("keeps the platform's WARN notice though warn is not captured: the error it replaced left nothing else", () => {
    const { request } = translateLogs([okItem!], config, OBSERVED_AT_MS);
    const recordCount = recordsIn(request);
    expect(recordCount).toBe(1);
    const [record] = request.resourceLogs[0]!.scopeLogs[0]!.logRecords;
    expect(record).toMatchObject({ severityText: "WARN", severityNumber: 13, timeUnixNano: "1777190400012000000" });
    expect(record!.body).toMatchObject({ stringValue: expect.stringMatching(/^Log size limit exceeded: More than 256KB/) });
    expect(attributesOf(record!)).toMatchObject({ "cloudflare.truncated": true, _outcome: "ok", "url.path": "/huge" });
  });

  it("keeps it beside the exception that did get through", () => {
    const { request } = translateLogs([thrownItem!], config, OBSERVED_AT_MS);
    const records = request.resourceLogs[0]!.scopeLogs[0]!.logRecords;
    expect(records.map((record) => record.severityText)).toEqual(["ERROR", "WARN"]);
    expect(records.every((record) => attributesOf(record)["cloudflare.truncated"] === true)).toBe(true);
  });

  it("writes a WARN record of its own when the notice line is missing", () => {
    const { request } = translateLogs([{ ...okItem!, logs: [] }], config, OBSERVED_AT_MS);
    const records = request.resourceLogs[0]!.scopeLogs[0]!.logRecords;
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ severityText: "WARN", timeUnixNano: "1777190400000000000" });
    expect(records[0]!.body).toMatchObject({ stringValue: expect.stringMatching(/^Log size limit exceeded: .*what followed is missing$/) });
  });

  it("does not keep a line that only looks like the notice in an invocation that was not truncated", () => {
    const recordCount = recordsIn(translateLogs([{ ...okItem!, truncated: false }], config, OBSERVED_AT_MS).request);
    expect(recordCount).toBe(0);
  });
});

describe("the ray id", () => {
  it("is kept as cloudflare.ray_id, the name Cloudflare's OTLP export gives it, on every record of a fetch", () => {
    const { records } = onlyResource("fetch-console-error");
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) expect(attributesOf(record)["cloudflare.ray_id"]).toBe("8f3b2c1d4e5f6a7b");
  });

  const withCfRay = (cfRay: string) => {
    const items = loadTraceItems("fetch-exception").map((item) => {
      const event = item.event as { request: { headers: Record<string, string> } };
      const headers: Record<string, string> = { ...event.request.headers, "cf-ray": cfRay };
      delete headers["x-request-id"];
      return { ...item, event: { ...event, request: { ...event.request, headers } } } as typeof item;
    });
    const [record] = translateLogs(items, config, OBSERVED_AT_MS).request.resourceLogs[0]!.scopeLogs[0]!.logRecords;
    return attributesOf(record!);
  };

  it("is the Ray ID without the header's data-centre suffix, as the export writes it, and request.id falls back to it; the header as sent is kept", () => {
    expect(withCfRay("8f3b2c1d4e5f6a7b-GRU")).toMatchObject({
      "cloudflare.ray_id": "8f3b2c1d4e5f6a7b",
      "http.request.header.cf-ray": "8f3b2c1d4e5f6a7b-GRU",
      "request.id": "8f3b2c1d4e5f6a7b",
    });
  });

  it("is in lower case, the one form both channels store, when the header came in upper case", () => {
    expect(withCfRay("8F3B2C1D4E5F6A7B-GRU")).toMatchObject({
      "cloudflare.ray_id": "8f3b2c1d4e5f6a7b",
      "http.request.header.cf-ray": "8F3B2C1D4E5F6A7B-GRU",
      "request.id": "8f3b2c1d4e5f6a7b",
    });
  });

  it("is absent where the event has none", () => {
    const { records } = onlyResource("scheduled-exception");
    expect(attributesOf(records[0]!)).not.toHaveProperty("cloudflare.ray_id");
  });
});

describe("one severity rule for the records of an invocation's ending, over every outcome × exceptions", () => {
  const thrown = { timestamp: 1777190400050, name: "Error", message: "Network connection lost." };
  const base = loadTraceItems("canceled")[0]!;
  const ending = (outcome: string, exceptions: (typeof thrown)[]) => {
    const { request } = translateLogs([{ ...base, outcome, exceptions, logs: [] }], config, OBSERVED_AT_MS);
    return request.resourceLogs[0]?.scopeLogs[0]!.logRecords ?? [];
  };
  const clientSide = ["canceled", "responseStreamDisconnected", "aborted"];
  const failures = ["exception", "exceededCpu", "exceededMemory", "exceededWallTime", "scriptNotFound", "killSwitch"];
  const more = ["daemonDown", "loadShed", "internalError", "unknown", "brandNewOutcome"];

  it.each(clientSide)("%s with the client's own exception: INFO, exception.* kept, counted as no failure", (outcome) => {
    const records = ending(outcome, [thrown]);
    expect(records.map((record) => [record.severityText, record.severityNumber])).toEqual([["INFO", 9]]);
    expect(attributesOf(records[0]!)).toMatchObject({
      _outcome: outcome,
      "exception.type": "Error",
      "exception.message": "Network connection lost.",
    });
  });

  it.each(clientSide)("%s beside a real error: that error is an ERROR, the disconnect's own stays INFO", (outcome) => {
    const bug = {
      timestamp: 1777190400060,
      name: "TypeError",
      message: "Cannot read properties of undefined (reading 'x')",
      stack: "TypeError: Cannot read properties of undefined (reading 'x')\n    at a (b.js:1:1)",
    };
    const records = ending(outcome, [thrown, bug]);
    expect(records.map((record) => [record.severityText, record.severityNumber])).toEqual([
      ["INFO", 9],
      ["ERROR", 17],
    ]);
    // Counted as the failure it is (outcomes.ts invocationOutcome), the runtime's ending kept beside it.
    expect(attributesOf(records[1]!)).toMatchObject({
      _outcome: "exception",
      "cloudflare.reported_outcome": outcome,
      "exception.type": "TypeError",
    });
    expect(ending(outcome, [bug]).map((record) => record.severityText)).toEqual(["ERROR"]);
  });

  it.each(clientSide)("%s beside a hung Worker's exception: ERROR (a bug of the Worker, not the client)", (outcome) => {
    const hung = { timestamp: 1777190400060, name: "Error", message: "The script will never generate a response." };
    expect(ending(outcome, [hung]).map((record) => record.severityText)).toEqual(["ERROR"]);
  });

  it.each(clientSide)("%s without an exception: the INFO outcome record", (outcome) => {
    expect(ending(outcome, []).map((record) => record.severityText)).toEqual(["INFO"]);
  });

  it.each([...failures, ...more])("%s, with or without an exception: ERROR", (outcome) => {
    expect(ending(outcome, [thrown]).map((record) => record.severityText)).toEqual(["ERROR"]);
    expect(ending(outcome, []).map((record) => record.severityText)).toEqual(["ERROR"]);
  });

  it("ok with an exception is reported as exception: ERROR; ok alone writes nothing", () => {
    const records = ending("ok", [thrown]);
    expect(records.map((record) => [record.severityText, attributesOf(record)._outcome])).toEqual([["ERROR", "exception"]]);
    expect(ending("ok", [])).toEqual([]);
  });
});

describe("console lines at the console's default level", () => {
  const line = (level: string) => ({ level, timestamp: 1777190400001, message: ['{"level":"error","msg":"x"}'] });
  const severities = (levels: string[]) => {
    const items = loadTraceItems("fetch-ok").slice(0, 1).map((item) => ({ ...item, logs: levels.map(line) }));
    const { request } = translateLogs(items, { ...config, captureLevels: new Set(levels) }, OBSERVED_AT_MS);
    return request.resourceLogs[0]!.scopeLogs[0]!.logRecords.map((record) => [record.severityNumber, record.severityText]);
  };

  it("are number 9 with no text, as Cloudflare's export writes them, so the ingest reads a JSON line's level alike", () => {
    expect(severities(["log", "info", "dir"])).toEqual([
      [9, ""],
      [9, ""],
      [9, ""],
    ]);
  });

  it("make a trace line OTLP's TRACE, not INFO (workerd sends none today: test/integration/tail-miniflare)", () => {
    expect(severities(["trace"])).toEqual([[1, "TRACE"]]);
  });

  it("keep the level the Worker chose for debug, warn and error", () => {
    expect(severities(["debug", "warn", "error"])).toEqual([
      [5, "DEBUG"],
      [13, "WARN"],
      [17, "ERROR"],
    ]);
  });
});

describe("a reported time after the tail's clock, or over a day before it", () => {
  const item = loadTraceItems("exceeded-cpu")[0]!;
  const recordsOf = (over: Partial<TailTraceItem>) =>
    translateLogs([{ ...item, ...over }], { ...config, captureLevels: new Set(["warn", "error"]) }, OBSERVED_AT_MS).request
      .resourceLogs[0]!.scopeLogs[0]!.logRecords;
  const HOUR_AHEAD = OBSERVED_AT_MS + 3_600_000;

  it("dates the record at the tail's clock, as the counts are, the reported time noted", () => {
    const [record] = recordsOf({ eventTimestamp: HOUR_AHEAD });
    expect(record!.timeUnixNano).toBe(`${OBSERVED_AT_MS}000000`);
    expect(attributesOf(record!)["cloudflare.timestamp.original"]).toBe(`${HOUR_AHEAD}000000`);
  });

  it.each([
    ["a line", { logs: [{ level: "warn", timestamp: HOUR_AHEAD, message: ["late"] }] }],
    ["an exception", { outcome: "exception", exceptions: [{ timestamp: HOUR_AHEAD, name: "Error", message: "x" }] }],
    ["a 0 eventTimestamp", { eventTimestamp: 0, exceptions: [], logs: [] }],
  ] as const)("does so for %s", (_name, over) => {
    const [record] = recordsOf(over as Partial<TailTraceItem>);
    expect(record!.timeUnixNano).toBe(`${OBSERVED_AT_MS}000000`);
    expect(attributesOf(record!)).toHaveProperty("cloudflare.timestamp.original");
  });

  it("keeps a usable time as reported, with no note; no reported time gets the tail's clock, no note", () => {
    const [usable] = recordsOf({});
    expect(usable!.timeUnixNano).toBe(`${item.eventTimestamp}000000`);
    expect(attributesOf(usable!)).not.toHaveProperty("cloudflare.timestamp.original");
    const [none] = recordsOf({ eventTimestamp: null });
    expect(none!.timeUnixNano).toBe(`${OBSERVED_AT_MS}000000`);
    expect(attributesOf(none!)).not.toHaveProperty("cloudflare.timestamp.original");
  });
});
