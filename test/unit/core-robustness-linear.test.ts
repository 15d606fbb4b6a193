/**
 * Texts whose redaction cost grows faster than their length: a secret's name (or a trigger
 * word) repeated with a short unit after it, so that each of the many candidates makes a
 * detector's search or check read on to the end of the text (a search for the next `name=` or
 * flag dash that finds none, a connection string's server word looked for in the whole text,
 * a token run that reaches the line's end). Found by timing log bodies of 16 KB and 64 KB built
 * from a detector's trigger words followed by runs of single characters and short units.
 *
 * Each case pins what redaction writes for such a text, at a size that still finishes quickly,
 * so that a linear rewrite of the search or check is shown to keep the output identical. Their
 * cost is measured in benchmarks, not asserted here.
 */
import { describe, expect, it } from "vitest";
import { parseIngestConfig } from "../../workers/ingest/config";
import { prepareExport } from "../../workers/ingest/core/pipeline";

const pipeline = parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123", AUTH_DISABLED: "true" }).pipeline;
const NOW = "1777190460000000000";
const SECRET = "[REDACTED:secret_param]";

type Attribute = { key: string; value: { stringValue: string } };

function logs(body: string, attributes: Attribute[] = []): Uint8Array {
  const resource = { attributes: [{ key: "service.name", value: { stringValue: "checkout" } }] };
  const record = { timeUnixNano: NOW, severityNumber: 9, body: { stringValue: body }, attributes };
  const request = { resourceLogs: [{ resource, scopeLogs: [{ scope: { name: "robustness" }, logRecords: [record] }] }] };
  return new TextEncoder().encode(JSON.stringify(request));
}

/** The single log row the export of `body` (with `attributes`) writes. */
function logRow(body: string, attributes: Attribute[] = []): Record<string, unknown> {
  const prepared = prepareExport("logs", "json", logs(body, attributes), pipeline, NOW);
  expect(prepared.accepted).toBe(1);
  expect(prepared.redactions.failed).toBeUndefined();
  expect(prepared.batches).toHaveLength(1);
  expect(prepared.batches[0]!.rows).toHaveLength(1);
  return prepared.batches[0]!.rows[0] as unknown as Record<string, unknown>;
}

/** About 16 KB of `unit`: whole units, so the expected text is built from the same count. */
function units(unit: string): number {
  return Math.ceil(16_384 / unit.length);
}

/** [name, unit, expected redaction of `unit` repeated `count` times] */
const cases: ReadonlyArray<readonly [string, string, (count: number) => string]> = [
  // secret-parameter.ts: each search for the next `name=` read every later `=` (no name start
  // before any of them: `-token` starts with a dash) back to its name.
  [
    "`token=\"-` repeated (the next parameter name searched to the end at each candidate)",
    'token="-',
    (count) => `token="${SECRET}"-`.repeat(Math.floor(count / 2)) + (count % 2 === 1 ? 'token="-' : ""),
  ],
  [
    "`password = -` repeated (the same search, each value a flag-like word)",
    "password = -",
    (count) => `password = ${SECRET} = -` + `password ${SECRET} -`.repeat(count - 2),
  ],
  [
    "`{\"password\":\"=` repeated (JSON-like members, each value an `=`)",
    '{"password":"=',
    (count) => '{"password":"' + `${SECRET}"password":"`.repeat(count - 1) + "=",
  ],
  [
    "`{'password': '=\"` repeated (a Python dict's members)",
    "{'password': '=\"",
    (count) => "{'password': '" + `${SECRET}'password': '`.repeat(count - 1) + '="',
  ],
  [
    "`Authorization: Bearer =` repeated (no credential; the parameter search still runs)",
    "Authorization: Bearer =",
    (count) => "Authorization: Bearer =".repeat(count),
  ],
  // secret-parameter.ts: each search for the next flag dash (`--password`) read every later
  // dash, none of which follows a blank, quote, `=`, `,`, `[` or `(`.
  [
    "`---\\npassword: |\\na` repeated (YAML documents whose dashes are no flags)",
    "---\npassword: |\na",
    (count) => "---\npassword: |\na".repeat(count),
  ],
  // credentials.ts: a connection string's `Password = '…'` looks for a server's name in the
  // whole text at each candidate.
  [
    "`password = '` repeated (a connection string's server word searched at each candidate)",
    "password = '",
    (count) => `password = '${SECRET}'`.repeat(Math.floor(count / 2)) + (count % 2 === 1 ? "password = '" : ""),
  ],
  // secret-parameter.ts: a field's value token runs over `{` to the end of the blank-free run,
  // read again at each later `Password:`. A Go field's value (`%+v` cut short): the run is the
  // first `Password`'s, one secret (a capitalized name is no key's namespace, key-namespaces.ts).
  ["`{Password:a:` repeated (a field's value token reaching the run's end at each name)", "{Password:a:", () => `{Password:${SECRET}`],
  // redis-commands.ts: each `AUTH` reads the words of the rest of the line.
  [
    "`AUTH ;` repeated (a Redis command's words read to the line's end at each command)",
    "AUTH ;",
    (count) => "AUTH ;".repeat(count - 2) + "AUTH [REDACTED:secret] ;",
  ],
];

describe("a trigger word repeated with a short unit, about 16 KB", () => {
  it.each(cases)("is redacted the same as a log body: %s", (_name, unit, expected) => {
    const count = units(unit);
    expect(logRow(unit.repeat(count)).Body).toBe(expected(count));
  });

  it.each(cases)("is redacted the same as a log attribute: %s", (_name, unit, expected) => {
    const count = units(unit);
    const row = logRow("order placed", [{ key: "details", value: { stringValue: unit.repeat(count) } }]);
    // Attributes are written flat, `[key, value, …]` sorted by key; `redaction.*` counts follow.
    expect((row.LogAttributes as string[]).slice(0, 2)).toEqual(["details", expected(count)]);
  });
});
