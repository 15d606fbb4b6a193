/**
 * A name right after the quote that opens a string is a name, as after a blank: a whole text in
 * quotes, a JSON string value of a body kept as JSON, `'…'`, and the same one level down where
 * JSON text held in a string escapes its quotes (detectors/escaped-quotes.ts `OPENING_QUOTES`).
 * The corpus (test/fixtures/pii/) holds the same examples end to end.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy } from "../../workers/ingest/core/redact";
import { scannedText } from "../support/redaction";
import { itKeeps, itStores } from "../support/redaction-cases";

const redacted = (text: string) => scannedText(text, defaultRedactionPolicy()).text;

describe("a name right after a string's opening quote", () => {
  itStores("%s", redacted, [
    ['"password=hunter2"', '"password=[REDACTED:secret_param]"'],
    ["'password=hunter2'", "'password=[REDACTED:secret_param]'"],
    ['"token=abcdef123456abcdef"', '"token=[REDACTED:secret_param]"'],
    ['"CEP: 01310-100"', '"CEP: [REDACTED:postal_code]"'],
    ["'CEP: 01310-100'", "'CEP: [REDACTED:postal_code]'"],
    ['"zip=94105"', '"zip=[REDACTED:postal_code]"'],
    ['{"m":"CEP: 01310-100"}', '{"m":"CEP: [REDACTED:postal_code]"}'],
    ['{"m":"zip=94105"}', '{"m":"zip=[REDACTED:postal_code]"}'],
    ['{"m": "password=hunter2 ok"}', '{"m": "password=[REDACTED:secret_param] ok"}'],
    ['["zip=94105","x"]', '["zip=[REDACTED:postal_code]","x"]'],
    // A string that opens with an escaped quote: the outer quote opens it too.
    ['{"q":"\\"smtp_pass=hunter22\\""}', '{"q":"\\"smtp_pass=[REDACTED:secret_param]\\""}'],
  ]);

  itStores("after an opening bracket: %s", redacted, [
    ["(password=hunter2)", "(password=[REDACTED:secret_param])"],
    ["[password=hunter2]", "[password=[REDACTED:secret_param]]"],
    ["[zip=94105]", "[zip=[REDACTED:postal_code]]"],
    // Java's `Map.toString()` and a record's `toString()`: the bracket closing them is not the value's.
    ["{password=hunter2, user=bob}", "{password=[REDACTED:secret_param], user=bob}"],
    ["{user=bob, password=hunter2}", "{user=bob, password=[REDACTED:secret_param]}"],
    ["User[name=bob, password=hunter2]", "User[name=bob, password=[REDACTED:secret_param]]"],
    // A command in a subshell.
    ["out=$(mysql -uroot -pS3cret shop -e 'select 1')", "out=$(mysql -uroot -p[REDACTED:secret_param] shop -e 'select 1')"],
    ["id=$(curl -u ci-bot:gh0stPassw0rd https://x.example/id)", "id=$(curl -u ci-bot:[REDACTED:secret_param] https://x.example/id)"],
  ]);

  it("reads the same one level down, and the text stays JSON", () => {
    for (const inner of ['{"m":"CEP: 01310-100"}', '{"m":"zip=94105"}', '"password=hunter2"', '{"cep":"01310-100"}']) {
      const once = redacted(inner);
      expect(once).not.toBe(inner);
      const held = JSON.stringify({ q: inner });
      const result = redacted(held);
      expect(JSON.parse(JSON.parse(result).q)).toEqual(JSON.parse(once));
    }
  });

  itKeeps("keeps %s", redacted, [
    // A switch or a count in quotes stays, as it does unquoted.
    '"zip=1"',
    '{"m":"zip=v2"}',
    '{"m":"gzip=94105"}',
    '"CEP: n/a"',
    '{"msg":"retries=3"}',
    // A closing quote is no opening one: a value glued after it is not read as a name.
    '"a"zip=94105 "b"password=hunter2',
  ]);
});

describe("member-level and quoted forms one level down (JSON text inside a JSON string)", () => {
  // Each as a sender writes it at the first level; held in a JSON string, its quotes are escaped.
  const texts = [
    '{"cep":"01310-100"}',
    '{"zip":94105}',
    '{"cep":["01310-100"]}',
    '["--token","abcdef1234567890"]',
    '["--password", "abcdef1234567890"]',
    '"smtp_pass=hunter22"',
    '{"a":"smtp_pass=hunter22"}',
    "ALTER USER app IDENTIFIED BY \"hunter22\"",
    'array(1) { ["password"]=> string(8) "hunter22" }',
    'user data cf={"city":"Sao Paulo","postalCode":"01310-100","country":"BR"}',
    '{"cf":{"city":"Campinas","latitude":"-22.9","colo":"GRU"}}',
    '{"applicant":{"socialSecurityNumber":"536228841"}}',
    '{"rg":"12345678X"}',
  ];
  it.each(texts)("%s", (text) => {
    const once = redacted(text);
    expect(once).not.toBe(text);
    const result = redacted(JSON.stringify({ q: text }));
    // The text held in the string reads, once decoded, as the text redacted at the first level.
    expect(JSON.parse(result).q).toBe(once);
  });

  it("keeps what the first level keeps", () => {
    for (const text of ['{"cf":{"country":"BR","colo":"GRU"}}', '["--verbose","--output","out.txt"]', '{"zip":1}', 'array(1) { ["name"]=> string(3) "Ana" }']) {
      expect(redacted(text)).toBe(text);
      const held = JSON.stringify({ q: text });
      expect(redacted(held)).toBe(held);
    }
  });
});
