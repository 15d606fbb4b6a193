/**
 * The redaction corpus judged in every form a sender writes it in (test/fixtures/pii/sender-forms.ts:
 * a plain body, Cloudflare's console line of an object, a pino line, an OTel SDK log with the
 * text as an attribute too, a line after a logger's timestamp and level) through the pure core.
 * What fails today is listed in test/fixtures/pii/form-exceptions.json with why; any other
 * failure fails here, and so does a listed case that passes now (regenerate the list with
 * `npx tsx scripts/redaction-form-exceptions.ts` and read its diff).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { parseIngestConfig } from "../../workers/ingest/config";
import { prepareExport } from "../../workers/ingest/core/pipeline";
import {
  FORMS,
  exceptionKey,
  formCases,
  formExceptions,
  formFailures,
  type FormCase,
  type FormException,
  type FormFailure,
} from "../fixtures/pii/sender-forms";

const REGENERATE = "npx tsx scripts/redaction-form-exceptions.ts";
/** What a failure is compared by: what names it, and what was found. */
const found = (failure: FormFailure) => `${exceptionKey(failure)} | ${failure.found}`;

describe("the redaction corpus in every sender's form", () => {
  let cases: FormCase[] = [];
  let failures: FormFailure[] = [];
  const exceptions: FormException[] = formExceptions();

  beforeAll(() => {
    cases = formCases();
    failures = formFailures(cases);
  });

  it("judges every text case of true-positives.json and look-alikes.json, and keyed cases of places.json", () => {
    const ids = cases.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id.startsWith("true-positives.json: ")).length).toBeGreaterThan(800);
    expect(ids.filter((id) => id.startsWith("look-alikes.json: ")).length).toBeGreaterThan(700);
    expect(ids.filter((id) => id.startsWith("places.json truePositives: ")).length).toBeGreaterThan(250);
    expect(ids.filter((id) => id.startsWith("places.json lookAlikes: ")).length).toBeGreaterThan(350);
  });

  it.each(FORMS)("fails no case in the %s form but the listed exceptions", (form) => {
    const listed = new Set(exceptions.filter((entry) => entry.form === form).map(found));
    const unlisted = failures.filter((failure) => failure.form === form && !listed.has(found(failure)));
    expect(unlisted, `new failures (fix them, or list them with ${REGENERATE})`).toEqual([]);
  });

  it("lists no exception that passes now (stale: regenerate the list)", () => {
    const failing = new Set(failures.map(found));
    const stale = exceptions.filter((entry) => !failing.has(found(entry)));
    expect(stale, `fixed cases still listed (remove them with ${REGENERATE})`).toEqual([]);
  });

  it("lists each exception once, with a reason, in a form that exists", () => {
    const keys = exceptions.map(exceptionKey);
    expect(new Set(keys).size).toBe(keys.length);
    for (const entry of exceptions) {
      expect(FORMS).toContain(entry.form);
      expect(entry.reason.trim(), exceptionKey(entry)).not.toBe("");
    }
  });
});

describe("the forms are what senders send", () => {
  const pipeline = parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123", AUTH_DISABLED: "true" }).pipeline;
  const TIME = "1796000000000000000";

  /** The one log row of a request holding one record with `body` at severity 9, as Cloudflare's export sends a console line. */
  function consoleRow(body: string): Record<string, unknown> {
    const record = { timeUnixNano: TIME, severityNumber: 9, body: { stringValue: body }, attributes: [{ key: "name", value: { stringValue: "log" } }] };
    const request = { resourceLogs: [{ resource: { attributes: [] }, scopeLogs: [{ scope: { name: "workers-observability" }, logRecords: [record] }] }] };
    const prepared = prepareExport("logs", "json", new TextEncoder().encode(JSON.stringify(request)), pipeline, TIME);
    return prepared.batches[0]!.rows[0] as Record<string, unknown>;
  }

  it("a Cloudflare console line of an object is lifted: its message is the body, its level the severity", () => {
    expect(consoleRow('{"message":"checkout failed","level":"error"}')).toMatchObject({ Body: "checkout failed", SeverityText: "ERROR" });
  });

  it("a pino line is lifted: its msg is the body, its level 50 an error", () => {
    const row = consoleRow('{"level":50,"time":1796000000000,"pid":1,"hostname":"h","msg":"checkout failed"}');
    expect(row).toMatchObject({ Body: "checkout failed", SeverityText: "ERROR" });
  });
});
