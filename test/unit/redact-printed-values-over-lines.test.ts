/**
 * Printed values that span lines and printed forms the readers did not read before: PHP's
 * print_r values over several lines and var_dump strings whose byte count misses, print_r pairs
 * in prose, Clojure's reader forms around EDN maps, and a secret written beside the sender's own
 * mask. Each output is pinned: only the secret replaced, the rest (ids, hosts, the sender's
 * mask, ordinary words) as written.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { expectKept, expectRedacted, redactedLogBody, scannedText } from "../support/redaction";
import { itKeeps, itStores } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const SECRET = "[REDACTED:secret]";
const PARAM = "[REDACTED:secret_param]";

const redactedBody = (body: string): unknown => redactedLogBody(body, policy);

describe("PHP's print_r: a value over several lines", () => {
  itStores("replaces all of it, read as a record: %j", redactedBody, [
    // Up to the next member at the member's indentation.
    ["Array\n(\n    [password] => line1\nline2\n    [user] => ana\n)", `Array\n(\n    [password] => ${SECRET}\n    [user] => ana\n)`],
    // Up to the container's lone `)`, blank lines at the value's end kept.
    ["Array\n(\n    [user] => ana\n    [password] => line1\n  line2\n\n)\n", `Array\n(\n    [user] => ana\n    [password] => ${SECRET}\n\n)\n`],
    // In a nested container: its `)` is indented less than its members.
    [
      "Array\n(\n    [db] => Array\n        (\n            [password] => pw line1\n  pw line2\n            [host] => db-01.internal\n        )\n\n    [id] => 42\n)\n",
      `Array\n(\n    [db] => Array\n        (\n            [password] => ${SECRET}\n            [host] => db-01.internal\n        )\n\n    [id] => 42\n)\n`,
    ],
    ["Array\r\n(\r\n    [password] => line1\r\nline2\r\n    [user] => ana\r\n)\r\n", `Array\r\n(\r\n    [password] => ${SECRET}\r\n    [user] => ana\r\n)\r\n`],
  ]);

  it("replaces all of it as text too, where no record is read", () => {
    for (const [text, scanned] of [
      ["Array\n(\n    [password] => line1\nline2\n    [user] => ana\n)", `Array\n(\n    [password] => ${PARAM}\n    [user] => ana\n)`],
      ["Array\n(\n    [password] => line1\nline2\n)", `Array\n(\n    [password] => ${PARAM}\n)`],
    ]) expect(scannedText(text!, policy).text, text).toBe(scanned);
  });

  it("keeps the lines after a member that end at no member nor `)` (the log's own), and a value of no secret", () => {
    expect(redactString("[password] => line1\nnext log line", policy).text).toBe(`[password] => ${PARAM}\nnext log line`);
    expectKept([
      "Array\n(\n    [user] => ana\n    [note] => line1\nline2\n)\n",
      "Array\n(\n    [password] => Array\n        (\n            [min_length] => 12\n        )\n\n)\n",
    ]);
  });
});

describe("PHP's var_dump: a string whose byte count misses", () => {
  itStores("is read to the quote before the next member: %j", redactedBody, [
    // Counted in another encoding than the UTF-8 sent.
    ['array(2) {\n  ["password"]=>\n  string(12) "hunter2ção!"\n  ["user"]=>\n  string(3) "ana"\n}', `array(2) {\n  ["password"]=>\n  string(12) "${SECRET}"\n  ["user"]=>\n  string(3) "ana"\n}`],
    // Cut short by a logger: the count runs into the next member, which is no string's end.
    ['array(2) {\n  ["password"]=>\n  string(40) "hunter2!Pw..."\n  ["user"]=>\n  string(3) "ana"\n}', `array(2) {\n  ["password"]=>\n  string(40) "${SECRET}"\n  ["user"]=>\n  string(3) "ana"\n}`],
    // Over lines, quotes inside.
    ['array(2) {\n  ["password"]=>\n  string(99) "line1 "q"\nline2ção"\n  ["user"]=>\n  string(3) "ana"\n}', `array(2) {\n  ["password"]=>\n  string(99) "${SECRET}"\n  ["user"]=>\n  string(3) "ana"\n}`],
  ]);
});

describe("print_r pairs in prose", () => {
  it("replaces the value, to the line's end or the next member, wherever on the line", () => {
    expectRedacted([
      ["login failed [pass] => hunter2", `login failed [pass] => ${PARAM}`],
      ["user ana [password] => hunter2 from db-01.internal", `user ana [password] => ${PARAM}`],
      ["[user] => ana [password] => hunter2", `[user] => ana [password] => ${PARAM}`],
      ["(login [api_token] => tok_8f2a9c1d7e)", `(login [api_token] => ${PARAM})`],
    ]);
  });

  it("keeps values of no secret, `pass`'s verdicts and senders' masks", () => {
    expectKept(["login failed [user] => ana", "x [pass] => true", "tests [pass] => 3", "x [password] => [REDACTED]", "[password] => ********", "x [password_changed_at] => 2024-01-01"]);
  });
});

describe("EDN maps inside Clojure's reader forms", () => {
  itStores("%s", redactedBody, [
    ["{:creds '{:password \"hunter2\"} :user \"ana\"}", `{:creds '{:password "${SECRET}"} :user "ana"}`],
    // A replaced quoted symbol keeps its quote; an unquoted one stays unquoted.
    ["{:password 'hunter2 :user \"ana\"}", `{:password '${SECRET} :user "ana"}`],
    ["{:tmpl `{:password ~pw :user \"ana\"}}", `{:tmpl \`{:password ~${SECRET} :user "ana"}}`],
    ["{:args ~@xs :state @state :password \"hunter2\"}", `{:args ~@xs :state @state :password "${SECRET}"}`],
    ["{:v #'app/config :password \"hunter2\"}", `{:v #'app/config :password "${SECRET}"}`],
    ["{:x ^{:doc \"d\"} sym :y ^:private z :password \"hunter2\"}", `{:x ^{:doc "d"} sym :y ^:private z :password "${SECRET}"}`],
    ["{:f #(assoc % :k 1) :password \"hunter2\"}", `{:f #(assoc % :k 1) :password "${SECRET}"}`],
    ["{:p #?(:clj 1 :cljs 2) :q #?@(:clj [1 2]) :password \"hunter2\"}", `{:p #?(:clj 1 :cljs 2) :q #?@(:clj [1 2]) :password "${SECRET}"}`],
    ["{:min ##-Inf :max ##Inf :n ##NaN :password \"hunter2\"}", `{:min ##-Inf :max ##Inf :n ##NaN :password "${SECRET}"}`],
    ["{:a #<Atom@1a2b: {:password \"hunter2\", :user \"ana\"}> :id 7}", `{:a #<Atom@1a2b: {:password "${SECRET}", :user "ana"}> :id 7}`],
    ["{:o #<Object java.lang.Object@1a2b> :password \"hunter2\"}", `{:o #<Object java.lang.Object@1a2b> :password "${SECRET}"}`],
    // Discarded forms: a discarded key first, two discarded after `#_#_`, a discarded old value.
    ["{#_ :x :password \"hunter2\"}", `{#_ :x :password "${SECRET}"}`],
    ["{:password \"hunter2\" #_#_ :a 1}", `{:password "${SECRET}" #_#_ :a 1}`],
    ["{:password #_\"old\" \"hunter2\"}", `{:password #_"old" "${SECRET}"}`],
  ]);

  itKeeps("keeps ids, hosts and reader forms as written: %s", redactedBody, [
    "{:id 42 :host \"db-01.internal\" :f #(inc %) :tags '[a b] :max ##Inf :v #'app/config}",
    "{:state #<Atom@1a2b: {:user-id 7}> :n ##NaN}",
    // A discard left open, a metadata with nothing after it, an unreadable object never closed: no map, kept.
    "{:a 1 #_}",
    "{:a ^:private}",
    "{:a #<Atom@1a2b: {:user-id 7} :b 2}",
  ]);

  it("reads an unreadable object never closed as no map, yet a quoted password after its word as prose does", () => {
    // No EDN map (the `#<` never closes); the password-phrase detector still reads `password "…"`.
    expect(redactedBody('{:a #<Atom@1a2b: {:password "hunter2"} :b 2}')).toBe('{:a #<Atom@1a2b: {:password "[REDACTED:secret_param]"} :b 2}');
  });
});

describe("a secret beside the sender's own mask", () => {
  it("replaces the word in a (was …) note or right after the mask", () => {
    expectRedacted([
      ["password=*** (was hunter2)", `password=*** (was ${PARAM})`],
      ["pwd: [REDACTED] hunter2x9", `pwd: [REDACTED] ${PARAM}`],
      ["pwd: [REDACTED] P@ssw0rd!", `pwd: [REDACTED] ${PARAM}`],
      ["password=*** hunter2x9.", `password=*** ${PARAM}`],
      ["token: [FILTERED] (previously sk_4fA9x2)", `token: [FILTERED] (previously ${PARAM})`],
      ["token: [FILTERED] sk_4fA9x2", `token: [FILTERED] ${PARAM}`],
      ["token=*** abc123XYZ9", `token=*** ${PARAM}`],
      ["password => ***** hunter2!", `password => ***** ${PARAM}`],
      ["pwd: [REDACTED] s3cr3t, user=ana", `pwd: [REDACTED] ${PARAM}, user=ana`],
      // In brackets, what they hold is judged; they stay.
      ["password=*** (P@ss1)", `password=*** (${PARAM})`],
      ["login failed password=*** (was hunter2) user=ana host=db-01.internal", `login failed password=*** (was ${PARAM}) user=ana host=db-01.internal`],
    ]);
  });

  it("keeps ordinary words, states, fields, hosts, addresses, ids and versions after a mask, and any word after a name of no secret", () => {
    expectKept([
      "password=*** (was empty)",
      "secret=*** (was unset)",
      "password=*** for user ana",
      "password=[FILTERED] user=ana",
      "token=[FILTERED] expired",
      "token=[FILTERED] expired, retrying",
      "secret=*** db-01.internal",
      "password=*** 10.0.0.1",
      "token=*** 550e8400-e29b-41d4-a716-446655440000",
      "password=*** req-42",
      "password=*** 3 attempts",
      "password=*** v2.1.0",
      // Numbered and named things a log writes next: a word then digits bears no password's mark
      // (`hunter2` has the shape of `user7`: the accepted miss, docs/decisions.md).
      "password=*** k8s-node-7",
      "password=*** utf8",
      "password=*** user7",
      "password=*** node7 connected",
      "password=*** v2",
      "password=*** deploy-api-7",
      "password=*** db_shard_2",
      "token=[FILTERED] Node7",
      "pwd: [REDACTED] hunter2",
      "password=*** (node7)",
      "password=*** (attempt 2)",
      "token=[FILTERED] [node7]",
      "secret=<redacted> --password <password>",
      "status=*** hunter2",
    ]);
  });
});
