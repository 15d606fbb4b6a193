/**
 * Lifted log lines through the ingest Worker in workerd into ClickHouse, as Cloudflare's export
 * delivers them (`name = "log"` on every console line, severity 9): a logger's `name` beside
 * Cloudflare's, key rules in every copy of a value, a producer's `redaction.*`, and the attribute
 * length limit against redaction's markers. The rows are read back from the tables.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKeyedHasher } from "../../workers/ingest/core/redact/keyed-hash";
import { bearer, startIngestWorker, type IngestUnderTest } from "../support/ingest-worker";
import { discardRuntimeOutput } from "../support/runtime-output";
import { recentBaseNanos } from "../support/fixture-clock";

const HASH_SECRET = "0123456789abcdef0123";
const hash = createKeyedHasher(HASH_SECRET);

let ingest: IngestUnderTest;
let limited: IngestUnderTest;
let sequence = 0;

beforeAll(async () => {
  const vars = { REDACTION_HASH_KEYS: "user.id", REDACTION_HASH_SECRET: HASH_SECRET, REDACTION_DROP_KEYS: "user.phone_hash" };
  [ingest, limited] = await Promise.all([
    startIngestWorker({ prefix: "lift_redaction", handleRuntimeStdio: discardRuntimeOutput, vars }),
    startIngestWorker({
      prefix: "lift_redaction_limited",
      handleRuntimeStdio: discardRuntimeOutput,
      vars: { ...vars, MAX_ATTRIBUTE_VALUE_LENGTH: "64", LIFT_KEEP_ORIGINAL: "true" },
    }),
  ]);
});

afterAll(async () => {
  await Promise.all([ingest?.dispose(), limited?.dispose()]);
});

interface Row {
  Body: string;
  LogAttributes: Record<string, string>;
}

type Attribute = { key: string; value: { stringValue: string } | { intValue: number } };

/** One console line as Cloudflare's export sends it; returns its row. */
async function store(worker: IngestUnderTest, line: string, attributes: Attribute[] = [{ key: "name", value: { stringValue: "log" } }]): Promise<Row> {
  const service = `lift-redaction-${++sequence}`;
  const record = { timeUnixNano: String(recentBaseNanos()), severityNumber: 9, body: { stringValue: line }, attributes };
  const payload = { resourceLogs: [{ resource: { attributes: [{ key: "service.name", value: { stringValue: service } }] }, scopeLogs: [{ logRecords: [record] }] }] };
  const response = await worker.fetch("/v1/logs", { method: "POST", headers: { ...bearer(), "content-type": "application/json" }, body: JSON.stringify(payload) });
  expect(response.status, await response.text()).toBe(200);
  const rows = await worker.rows<Row>(`SELECT Body, LogAttributes FROM otel_logs WHERE ServiceName = '${service}'`);
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

const LINE = {
  name: "checkout",
  level: 30,
  // pino's epoch milliseconds: with `msg` they show pino's scale, on which 30 is INFO.
  time: 1796000000000,
  msg: "paid",
  user: { id: "cust-829311", phone_hash: "a1b2c3" },
  geo: { city: "Campinas", postal_code: "13083-970", region: "SP" },
};
const PERSONAL = ["cust-829311", "a1b2c3", "Campinas", "13083-970"];

function expectNothingPersonal(row: Row): void {
  for (const value of PERSONAL) expect(JSON.stringify(row)).not.toContain(value);
}

describe("a pino or bunyan line through Cloudflare's export", () => {
  it("is stored as its message, the logger's name as log.name, each value once with its key rule", async () => {
    const row = await store(ingest, JSON.stringify(LINE));
    expect(row).toEqual({
      Body: "paid",
      LogAttributes: {
        name: "log",
        "log.name": "checkout",
        time: "1796000000000",
        "user.id": hash("cust-829311"),
        "geo.region": "SP",
        // pino's level 30, read as INFO: its own spelling of INFO, so no note repeats it.
        "redaction.count": "4",
        "redaction.kinds": "dropped,hashed",
      },
    });
  });

  it("kept as written when two of its keys flatten to one name: the body gets the same key rules", async () => {
    const row = await store(ingest, JSON.stringify({ ...LINE, "a.b": 1, a: { b: 2 } }));
    expect(JSON.parse(row.Body)).toEqual({ name: "checkout", level: 30, time: 1796000000000, msg: "paid", user: { id: hash("cust-829311") }, geo: { region: "SP" }, "a.b": 1, a: { b: 2 } });
    expect(row.LogAttributes["user.id"]).toBe(hash("cust-829311"));
    expectNothingPersonal(row);
  });

  it("counts an e-mail once", async () => {
    const row = await store(ingest, '{"name":"api","level":30,"msg":"login ana@example.com"}');
    expect(row.Body).toBe("login [REDACTED:email]");
    expect(row.LogAttributes).toMatchObject({ "log.name": "api", "redaction.count": "1", "redaction.kinds": "email" });
  });
});

describe("a producer's redaction.count and redaction.kinds", () => {
  it("are stored as producer.*, and no summary is made up when nothing was redacted", async () => {
    const row = await store(ingest, '{"msg":"m","redaction.kinds":"pii-reviewed"}', [{ key: "redaction.count", value: { intValue: 9 } }]);
    expect(row).toEqual({ Body: "m", LogAttributes: { "producer.redaction.count": "9", "producer.redaction.kinds": "pii-reviewed" } });
  });
});

describe("with MAX_ATTRIBUTE_VALUE_LENGTH=64 and LIFT_KEEP_ORIGINAL=true", () => {
  it("a value that fit as sent is stored whole after its e-mail became a longer marker", async () => {
    const row = await store(limited, JSON.stringify({ msg: "m", note: `a@b.co ${"k".repeat(57)}` }));
    expect(row.LogAttributes.note).toBe(`[REDACTED:email] ${"k".repeat(57)}`);
    // The whole line is longer than 64: log.record.original could not hold it, so the body did.
    expect(row.Body).toBe(`{"msg":"m","note":"[REDACTED:email] ${"k".repeat(57)}"}`);
    expect(row.LogAttributes).not.toHaveProperty("log.record.original");
    expect(row.LogAttributes).not.toHaveProperty("otel.truncated_values");
  });

  it("log.record.original gets the key rules", async () => {
    const row = await store(limited, '{"msg":"m","a.b":1,"a":{"b":2},"user":{"id":"cust-829311"}}');
    expect(row.Body).toBe("m");
    expect(row.LogAttributes["log.record.original"]).toBe(`{"msg":"m","a.b":1,"a":{"b":2},"user":{"id":"${hash("cust-829311")}"}}`);
    expectNothingPersonal(row);
  });
});

describe("a member named by its parent, in the body kept as JSON text and in its lifted attribute", () => {
  it("gets one verdict in both: an order's number kept, a customer's id holding a CPF redacted", async () => {
    // Both pass the CPF's check digits; a line without a message is kept as written beside its attributes.
    const line = JSON.stringify({ evento: "pedido criado", pedido: { numero: "52998224725" }, cliente: { id: "11144477735" } });
    const row = await store(ingest, line);
    expect(row).toEqual({
      Body: JSON.stringify({ evento: "pedido criado", pedido: { numero: "52998224725" }, cliente: { id: "[REDACTED:cpf]" } }),
      LogAttributes: {
        name: "log",
        evento: "pedido criado",
        "pedido.numero": "52998224725",
        "cliente.id": "[REDACTED:cpf]",
        "redaction.count": "2",
        "redaction.kinds": "cpf",
      },
    });
  });
});

describe("a Serilog line whose body is its template rendered", () => {
  it("stores each property in the Body as its attribute is stored: a key-redacted password and an e-mail address", async () => {
    const line = '{"@t":"2026-12-03T10:00:00Z","@mt":"Login with password {Password} by {Email}","Password":"hunter2hunter2","Email":"bob@example.com"}';
    const row = await store(ingest, line);
    expect(row.Body).toBe('Login with password "[REDACTED:secret]" by "[REDACTED:email]"');
    expect(row.LogAttributes.Password).toBe("[REDACTED:secret]");
    expect(row.LogAttributes.Email).toBe("[REDACTED:email]");
    expect(JSON.stringify(row)).not.toContain("hunter2hunter2");
  });

  it("is the same for a compact line without @t, whose record carries its time", async () => {
    const row = await store(ingest, '{"@mt":"Login with password {Password} by {User}","@l":"Warning","Password":"hunter2hunter2","User":"bob"}');
    expect(row.Body).toBe('Login with password "[REDACTED:secret]" by "bob"');
    expect(row.LogAttributes).toEqual({
      name: "log",
      "@mt": "Login with password {Password} by {User}",
      Password: "[REDACTED:secret]",
      User: "bob",
      // `@l` was read: Warning replaced the record's 9 (no export scope here, so it is noted).
      "otel.severity_number.original": "9",
      // The password in its attribute and in the Body.
      "redaction.count": "2",
      "redaction.kinds": "secret",
    });
  });
});

describe(".NET lines and records whose message was formatted from a template", () => {
  const SECRET = "zQ9v4lu3x7Kq";

  it("the JSON console formatter's line: Body, State.Message and a scope's Message hold the stored marker, the templates their tokens", async () => {
    const line =
      `{"EventId":1,"LogLevel":"Information","Category":"C","Message":"Using ${SECRET} now","State":{"Message":"Using ${SECRET} now","Password":"${SECRET}","{OriginalFormat}":"Using {Password} now"},` +
      `"Scopes":[{"Message":"Login with ${SECRET}","UserPassword":"${SECRET}","{OriginalFormat}":"Login with {UserPassword:l}"}]}`;
    const row = await store(ingest, line);
    expect(row.Body).toBe("Using [REDACTED:secret] now");
    expect(row.LogAttributes["State.Message"]).toBe("Using [REDACTED:secret] now");
    expect(row.LogAttributes["State.{OriginalFormat}"]).toBe("Using {Password} now");
    expect(JSON.parse(row.LogAttributes.Scopes!)).toEqual([{ Message: "Login with [REDACTED:secret]", UserPassword: "[REDACTED:secret]", "{OriginalFormat}": "Login with {UserPassword:l}" }]);
    expect(JSON.stringify(row)).not.toContain(SECRET);
  });

  it("an OTLP record as the .NET SDK sends it: the formatted Body beside {OriginalFormat} and the property", async () => {
    const row = await store(ingest, `Using ${SECRET} now`, [
      { key: "Password", value: { stringValue: SECRET } },
      { key: "{OriginalFormat}", value: { stringValue: "Using {Password} now" } },
    ]);
    expect(row.Body).toBe("Using [REDACTED:secret] now");
    expect(row.LogAttributes["{OriginalFormat}"]).toBe("Using {Password} now");
    expect(JSON.stringify(row)).not.toContain(SECRET);
  });
});
