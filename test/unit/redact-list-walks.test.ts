/**
 * The gates in front of redaction's per-list walks and of its search for JSON written in prose:
 * each only spares work, so each must be a necessary condition of what it gates. The list walks'
 * gate (list-walks.ts) is checked against the walks themselves over lists built from every kind
 * of key they read, in many spellings, with its memo of keys crowded past its slots; the prose
 * gate (`mayHoldJsonInProse`) against the patterns it stands in front of over the redaction
 * corpus and printed records of several languages.
 */
import { describe, expect, it } from "vitest";
import type { KeyValue } from "../../workers/shared/otlp/model";
import { dbQueryParameterColumns, queryEvents } from "../../workers/ingest/core/redact/db-query-parameters";
import { EDN_MAP_OPENING } from "../../workers/ingest/core/redact/edn-text";
import { GraphQLDocuments, graphQLRequestsInAttributes } from "../../workers/ingest/core/redact/graphql-variables";
import { INSPECT_MEMBER_OPENING } from "../../workers/ingest/core/redact/inspect-text";
import { mayHoldJsonInProse } from "../../workers/ingest/core/redact/json-text";
import { ListWalk, listWalks } from "../../workers/ingest/core/redact/list-walks";
import { ownedNamesIn } from "../../workers/ingest/core/redact/name-owners";
import { pairRuledKey, ruledPairNamesIn } from "../../workers/ingest/core/redact/name-value-pairs";
import { TEXT_LOOK_ALIKES, TEXT_TRUE_POSITIVES } from "../fixtures/pii/corpus";

const attr = (key: string, value: string): KeyValue => ({ key, value: { stringValue: value } });

/**
 * Each walk with whether its answer may change how the list is ruled: it finds something, and
 * for name/value pairs, a key is ruled under a pair's name (the only use of their answer).
 */
const WALKS: ReadonlyArray<[bit: number, name: string, finds: (attributes: KeyValue[]) => boolean]> = [
  [ListWalk.GRAPHQL_REQUESTS, "GraphQL requests", (attributes) => graphQLRequestsInAttributes(attributes, new GraphQLDocuments()).length > 0],
  [ListWalk.QUERY_PARAMETERS, "query parameters", (attributes) => dbQueryParameterColumns(attributes) !== undefined],
  [ListWalk.QUERY_EVENTS, "query events", (attributes) => queryEvents(attributes) !== undefined],
  [ListWalk.PAIR_NAMES, "name/value pairs", (attributes) => pairsRuleAnew(attributes)],
  [ListWalk.OWNED_NAMES, "whose name", (attributes) => ownedNamesIn(attributes) !== undefined],
];

function pairsRuleAnew(attributes: KeyValue[]): boolean {
  const names = ruledPairNamesIn(attributes);
  return names !== undefined && attributes.some(({ key, value }) => pairRuledKey(key, value, names) !== key);
}

/** Lists each walk finds something in, with the parent key `prefix` before every key. */
function findingLists(prefix: string): KeyValue[][] {
  return [
    [attr(`${prefix}graphql.document`, "mutation Login($p: String!) { login(password: $p) { id } }"), attr(`${prefix}graphql.variables.p`, "hunter2")],
    [attr(`${prefix}query`, "query Q($e: String) { user(email: $e) { id } }"), attr(`${prefix}variables`, '{"e":"ana@example.com"}')],
    [attr("db.query.text", "UPDATE users SET password = $1 WHERE id = $2"), attr("db.query.parameter.0", "hunter2"), attr("db.query.parameter.1", "7")],
    [attr(`${prefix}query`, "SELECT * FROM users WHERE email = $1"), attr(`${prefix}params`, '["ana@example.com"]')],
    [attr(`${prefix}sql`, "select * from users where email = ?"), attr(`${prefix}bindings`, '["ana@example.com"]')],
    [attr(`${prefix}text`, "SELECT * FROM users WHERE ssn = $1"), attr(`${prefix}values`, '["123-45-6789"]')],
    [attr(`${prefix}Name`, "DB_PASSWORD"), attr(`${prefix}Value`, "hunter2")],
    [attr(`${prefix}ParameterKey`, "password"), attr(`${prefix}ParameterValue`, "hunter2")],
    [attr(`${prefix}name`, "Ana Silva"), attr(`${prefix}email`, "ana@example.com")],
    [attr(`${prefix}NAME`, "Ana Silva"), attr(`${prefix}type`, "customer")],
  ];
}

/** Keys of no walk's kind, and near misses of each kind. */
const OTHER_KEYS = [
  "service.name.x", "names", "rename", "querystring", "url.query.string", "document", "graphql.doc", "source", "db", "dbx.query.text",
  "d.b.query", "param", "bindingz", "parameter", "value", "valueset", "keys", "monkey", "variables", "cache.status", "status",
  "requestId", "cloudflare.colo", "error.message", "", ".", "..name",
];

describe("the per-list walks' gate", () => {
  it("sets each walk's bit for a list the walk finds something in, in every parent key and case", () => {
    for (const prefix of ["", "event.", "req.body.", "A.b."]) {
      const lists = findingLists(prefix);
      for (const [bit, name, finds] of WALKS) {
        const found = lists.filter(finds);
        expect(found.length, `${name} under "${prefix}"`).toBeGreaterThan(0);
        for (const list of found) expect(listWalks(list) & bit, `${name}: ${JSON.stringify(list)}`).toBe(bit);
      }
    }
  });

  it("clears a walk's bit only where that walk finds nothing, with the memo's slots crowded by thousands of keys", () => {
    // Thousands of keys, many times the memo's slots: keys evict each other, and each list is
    // asked twice, the second time with copies of its keys (the same text, other strings).
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      // The high bits: a power-of-two modulus of the low bits of this generator repeats within a few calls.
      return (seed >>> 8) % n;
    };
    const parents = ["", "a.", "req.", "Event.", "x.y.", "db.", "graphql.", "İ."];
    const spelled = (key: string) => (random(4) === 0 ? key.toUpperCase() : random(4) === 0 ? `${key}${random(50)}` : key);
    let lists = 0;
    let finding = 0;
    for (let round = 0; round < 3000; round++) {
      const list: KeyValue[] = [];
      for (let n = random(3); n > 0; n--) {
        const found = findingLists(parents[random(parents.length)]!);
        // A fifth of the keys left out: lists holding one of a walk's two keys without the other.
        for (const { key, value } of found[random(found.length)]!) if (random(5) !== 0) list.push({ key: spelled(key), value });
      }
      for (let n = random(4); n > 0; n--) list.push(attr(`${parents[random(parents.length)]!}${spelled(OTHER_KEYS[random(OTHER_KEYS.length)]!)}`, "x"));
      const copies = list.map(({ key, value }) => ({ key: [...key].join(""), value }));
      const walks = listWalks(list);
      expect(listWalks(copies)).toBe(walks);
      for (const [bit, name, finds] of WALKS) {
        if (finds(list)) {
          finding++;
          expect(walks & bit, `${name}: ${JSON.stringify(list)}`).toBe(bit);
        }
      }
      lists++;
    }
    expect(finding).toBeGreaterThan(lists / 10);
  });

  it("sets no bit for lists of keys no walk reads", () => {
    expect(listWalks([attr("cloudflare.ray_id", "1"), attr("requestId", "2"), attr("cache.status", "HIT"), attr("durationMs", "3")])).toBe(0);
    expect(listWalks([])).toBe(0);
  });

  it("sets no bit for a list holding a walk's first key without the key it needs beside it", () => {
    // A Cloudflare push's console line: `name` and `error.name` with no word saying whose and no `value`.
    const line = ["name", "cloudflare.invocation.sequence.number", "requestId", "method", "path", "route", "status", "error.name", "error.message", "request.id"];
    expect(listWalks(line.map((key) => attr(key, "x")))).toBe(0);
    // Its invocation record: `url.query` names a document, but no key holds `variables`; its
    // query is read with the record's path (`QUERY_PATHS`, which a query attribute completes itself).
    const invocation = [attr("url.full", "https://example.com/?q=1"), attr("url.query", "q=1"), attr("geo.city", "Lisbon")];
    expect(listWalks(invocation)).toBe(ListWalk.QUERY_PATHS);
    expect(listWalks([attr("url.query", "q=1")])).toBe(ListWalk.QUERY_PATHS);
    expect(listWalks([attr("url.path", "/users"), attr("url.full", "https://example.com/users"), attr("http.route", "/users")])).toBe(0);
    for (const [first, second, bit] of [
      ["graphql.document", "graphql.variables.p", ListWalk.GRAPHQL_REQUESTS],
      ["db.query.parameter.0", "db.query.text", ListWalk.QUERY_PARAMETERS],
      ["db.query.parameter.0", "db.statement", ListWalk.QUERY_PARAMETERS],
      ["event.params", "event.query", ListWalk.QUERY_EVENTS],
      ["values", "text", ListWalk.QUERY_EVENTS],
      ["Tag.Key", "Tag.Value", ListWalk.PAIR_NAMES],
      ["shipping.name", "shipping.address.city", ListWalk.OWNED_NAMES],
      ["author.Name", "author.EMAIL", ListWalk.OWNED_NAMES],
    ] as const) {
      expect(listWalks([attr(first, "x")]) & bit, first).toBe(0);
      expect(listWalks([attr(second, "x")]) & bit, second).toBe(0);
      expect(listWalks([attr(first, "x"), attr("other", "x"), attr(second, "x")]) & bit, `${first} and ${second}`).toBe(bit);
    }
    // knex's bindings are an event without their statement too.
    expect(listWalks([attr("knex.bindings", "[]")]) & ListWalk.QUERY_EVENTS).toBe(ListWalk.QUERY_EVENTS);
  });
});

/** The member-opening patterns `mayHoldJsonInProse` answers for, without its gate: JSON's, printed records', EDN maps' and a Swift dump's mark. */
const MEMBER_OPENING = /\{[ \t\n\r]*\\?"/;
const ungated = (text: string) =>
  MEMBER_OPENING.test(text) || INSPECT_MEMBER_OPENING.test(text) || EDN_MAP_OPENING.test(text) || text.includes("\u25bf ");

/** Objects as loggers and other languages print them, after words. */
const PRINTED = [
  'login {"password":"hunter2"}',
  'body: {\\"password\\":\\"x\\"}',
  "user { name: 'Ana Silva', email: 'ana@example.com' }",
  "user: User(name='Ana Silva', email='ana@example.com')",
  "User(id=1, name=Ana Silva)",
  '{:name=>"Ana"}',
  '%{name: "Ana"}',
  "{Name:Ana Email:ana@example.com}",
  'User { name: "Ana" }',
  "{ [Symbol(kCapture)]: false }",
  "GET /api/users/{id}",
  "TypeError: x (worker.js:1:2)",
  "plain words",
  "https://example.com/a?b=c",
  // Openings without a `{` or `(`: Go's maps, Java records, PHP, keyword lists, Ruby and Elixir.
  "map[user_name:Ana Silva email:ana@example.com]",
  "Customer[fullName=Ana Silva, id=42]",
  '["user_name"]=> string(9) "Ana Silva"',
  '[name: "Ana Silva"]',
  '["full_name": "Ana Silva"]',
  '#<User id: 7, name: "Ana Silva">',
  // Clojure's maps, keyword and string keys (Ring's params), and Swift's dump().
  '{:name "Ana Silva" :password "x"}',
  'params: {"username" "ana", "password" "x"}',
  '\u25bf main.User\r\n  - name: "Ana Silva"\r\n',
  '#User<name: "Ana Silva", ...>',
  "[pid:42] worker started",
];

describe("the gate before looking for JSON in prose", () => {
  it("answers as the member-opening patterns do, over the redaction corpus and printed records", () => {
    const texts = [...TEXT_TRUE_POSITIVES.map((entry) => entry.text), ...TEXT_LOOK_ALIKES.map((entry) => entry.text), ...PRINTED];
    let opening = 0;
    for (const text of texts) {
      for (const variant of [text, `note ${text} done`]) {
        expect(mayHoldJsonInProse(variant), variant).toBe(ungated(variant));
        if (ungated(variant)) opening++;
      }
    }
    expect(opening).toBeGreaterThan(10);
  });
});
