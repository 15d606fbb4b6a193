/**
 * One request's plans of its attribute lists (list-plans.ts): a list of a key sequence met before
 * in the request is ruled by that sequence's plan. The plan must answer as deciding per list
 * does (its walks, each member's key path and rule), records ruled from a shared plan must come
 * out as each ruled alone, the table stays within its bound whatever the request holds, and
 * lists of different keys, order, map or owner never share a plan.
 */
import { describe, expect, it } from "vitest";
import type { AnyValue, KeyValue, LogRecord } from "../../workers/shared/otlp/model";
import { defaultRedactionPolicy, redactRequest } from "../../workers/ingest/core/redact";
import { ListPlans, MAX_PLANNED_KEYS, SLOTS, type ListPlan } from "../../workers/ingest/core/redact/list-plans";
import { listWalks } from "../../workers/ingest/core/redact/list-walks";
import { logRecord, logsRequest } from "../support/model-builders";

const text = (stringValue: string): AnyValue => ({ stringValue });
const attr = (key: string, value: string): KeyValue => ({ key, value: text(value) });
const policy = defaultRedactionPolicy();

/** Runs `use` with a request's table of plans, released after as the walk releases it. */
function withPlans<T>(use: (plans: ListPlans) => T): T {
  const plans = new ListPlans(policy.keyRules);
  try {
    return use(plans);
  } finally {
    plans.release();
  }
}

/** What deciding per list gives where `plan` stands in: the walks, and where it rules members, each one's path and rule. */
function expectAnswersAsPerList(plan: ListPlan, attributes: readonly KeyValue[], prefix: string): void {
  expect(plan.keys).toEqual(attributes.map(({ key }) => key));
  expect(plan.walks).toBe(listWalks(attributes));
  if (plan.paths === undefined) return;
  expect(plan.walks).toBe(0);
  attributes.forEach(({ key }, i) => {
    const path = prefix === "" ? key : `${prefix}.${key}`;
    expect(plan.paths![i]).toBe(path);
    expect(plan.ruleAt(i)).toBe(policy.keyRules.ruleFor(path));
  });
}

/** Records of a few key sequences, with secrets, personal data and lists the per-list walks read, and maps nested under keys. */
function records(count: number): LogRecord[] {
  const shapes: ((n: number) => KeyValue[])[] = [
    (n) => [attr("requestId", `r${n}`), attr("user.email", `ana${n}@example.com`), attr("password", `hunter${n}`), attr("route", "/a")],
    (n) => [attr("requestId", `r${n}`), attr("client.address", `203.0.113.${n % 250}`), attr("route", "/b"), attr("redaction.count", "3")],
    (n) => [attr("Tag.Key", "api_key"), attr("Tag.Value", `zq81hd72${n}`), attr("status", "200")],
    (n) => [attr("shipping.name", "Jenny Rosen"), attr("shipping.address.city", "Berlin"), attr("route", "/c")],
    (n) => [
      attr("requestId", `r${n}`),
      { key: "customer", value: { kvlistValue: [attr("name", "Ana Silva"), attr("cpf", "123.456.789-09"), attr("plan", `p${n}`)] } },
      { key: "headers", value: { kvlistValue: [attr("authorization", `Bearer abcdef${n}ghijklmnop`), attr("accept", "*/*")] } },
    ],
    (n) => [attr("db.query.text", "UPDATE users SET password = $1 WHERE id = $2"), attr("db.query.parameter.0", `s3cret${n}`), attr("db.query.parameter.1", `${n}`)],
  ];
  return Array.from({ length: count }, (_, n) => logRecord({ body: text(`served ${n} for ana${n}@example.com`), attributes: shapes[n % shapes.length]!(n) }));
}

describe("a request's plans of its attribute lists", () => {
  it("answer as deciding per list does, at the first list of a sequence and at every one after", () => {
    withPlans((plans) => {
      for (const record of records(60)) {
        const plan = plans.planFor(record.attributes, "", true)!;
        expectAnswersAsPerList(plan, record.attributes, "");
        for (const { key, value } of record.attributes) {
          if ("kvlistValue" in value) expectAnswersAsPerList(plans.planFor(value.kvlistValue, key, false)!, value.kvlistValue, key);
        }
      }
    });
  });

  it("rule records sharing a sequence's plan as each is ruled alone, in a request of its own", () => {
    const batch = records(60);
    const alone = records(60);
    redactRequest("logs", logsRequest(batch), policy);
    for (const record of alone) redactRequest("logs", logsRequest([record]), policy);
    expect(batch).toEqual(alone);
    // The plans ruled something: secrets, addresses, a pair's value, a parameter, nested members and a producer's summary key.
    const stored = JSON.stringify(batch);
    for (const kind of ["secret", "email", "ipv4", "cpf"]) expect(stored).toContain(`[REDACTED:${kind}]`);
    expect(stored).toContain("producer.redaction.count");
    expect(stored).not.toContain("hunter");
    expect(stored).not.toContain("zq81hd72");
  });

  it("keep at most SLOTS plans of at most MAX_PLANNED_KEYS keys, each still its own sequence's", () => {
    withPlans((plans) => {
      for (let n = 0; n < 10 * SLOTS; n++) {
        const list = [attr(`k${n}`, "x"), attr("route", "/"), attr(`v${n % 7}`, "y")];
        expectAnswersAsPerList(plans.planFor(list, "", false)!, list, "");
        expect(plans.size).toBeLessThanOrEqual(SLOTS);
      }
      expect(plans.size).toBeGreaterThan(SLOTS / 2);
      const long = Array.from({ length: MAX_PLANNED_KEYS + 1 }, (_, i) => attr(`k${i}`, "x"));
      expect(plans.planFor(long, "", false)).toBeUndefined();
      expect(plans.planFor([], "", false)).toBeUndefined();
    });
  });

  it("give one plan to lists of one sequence, and different plans to different keys, orders, maps and owners", () => {
    withPlans((plans) => {
      const keys = ["requestId", "user", "route", "request.id"];
      const list = (names: readonly string[]) => names.map((key) => attr(key, "x"));
      const plan = plans.planFor(list(keys), "", true)!;
      // The same keys as other strings (each record's own): the same plan.
      expect(plans.planFor(list(keys.map((key) => [...key].join(""))), "", true)).toBe(plan);
      const others: [names: string[], prefix: string, summary: boolean][] = [
        [["requestId", "clientIp", "route", "request.id"], "", true],
        [["requestId", "callback", "route", "request.id"], "", true],
        [["requestId", "resu", "route", "request.id"], "", true],
        [["user", "requestId", "route", "request.id"], "", true],
        [["requestId", "user", "route"], "", true],
        [["requestId", "user", "route", "request.id", "route"], "", true],
        [keys, "", false],
        [keys, "event", false],
        [keys, "tneve", false],
      ];
      const seen = new Set<ListPlan>([plan]);
      for (const [names, prefix, summary] of others) {
        const other = plans.planFor(list(names), prefix, summary)!;
        expect(seen.has(other), `${names.join(",")} under "${prefix}"`).toBe(false);
        expectAnswersAsPerList(other, list(names), prefix);
        seen.add(other);
      }
      // Each kept its own plan: asked again, every list gets the plan it got first.
      expect(plans.planFor(list(keys), "", true)).toBe(plan);
    });
  });

  it("are not kept past their request", () => {
    const list = [attr("requestId", "1"), attr("route", "/")];
    const first = withPlans((plans) => plans.planFor(list, "", false));
    withPlans((plans) => {
      expect(plans.size).toBe(0);
      expect(plans.planFor(list, "", false)).not.toBe(first);
    });
  });

  it("leave a list whose walks run, or that renames a producer's summary key, to be ruled per list", () => {
    withPlans((plans) => {
      expect(plans.planFor([attr("Tag.Key", "api_key"), attr("Tag.Value", "x")], "", false)!.paths).toBeUndefined();
      expect(plans.planFor([attr("route", "/"), attr("redaction.count", "3")], "", true)!.paths).toBeUndefined();
      expect(plans.planFor([attr("route", "/"), attr("redaction.count", "3")], "", false)!.paths).toEqual(["route", "redaction.count"]);
    });
  });
});
