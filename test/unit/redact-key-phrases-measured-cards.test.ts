/**
 * A trial's finds: keys named in prose with no `=` or `:` (kept unchanged), and numbers that pass
 * a card's checks where the text says they are an id, a quantity or a digest (redacted as cards).
 * Each output is pinned: the input with only the redacted values replaced.
 */
import { describe, expect, it } from "vitest";
import { expectKept, expectRedacted, storedLogAttributes } from "../support/redaction";

const SECRET_PARAM = "[REDACTED:secret_param]";
const CARD = "[REDACTED:card]";

describe("a key named in prose", () => {
  it("goes when what follows its name looks like a key", () => {
    expectRedacted([
      ["apikey Kx9Lm2Np4Qr6St8Uv0WxYz1A", `apikey ${SECRET_PARAM}`],
      ["using api key Kx9Lm2Np4Qr6St8Uv0WxYz1A for tenant 7", `using api key ${SECRET_PARAM} for tenant 7`],
      ["API key is 9f86d081884c7d659a2feaa0c55ad015.", `API key is ${SECRET_PARAM}.`],
      ["aws configure set aws_secret_access_key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", `aws configure set aws_secret_access_key ${SECRET_PARAM}`],
      ["AKIAIOSFODNN7EXAMPLE used with secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", `[REDACTED:known_token] used with secret ${SECRET_PARAM}`],
      ["client_secret 8Zq2Lm9Np4Qr6St0Uv2WxY rejected", `client_secret ${SECRET_PARAM} rejected`],
      ["recovery codes: 8f3k-2m9x 4p7q-1z8w", `recovery codes: ${SECRET_PARAM}`],
      ["backup codes 12345678, 87654321 printed", `backup codes ${SECRET_PARAM} printed`],
    ]);
  });

  it("stays when what follows is a word, a path or an id of no key's shape", () => {
    expectKept([
      "api key missing",
      "api key rotated",
      "token expired",
      "secret rotated yesterday",
      "client secret for tenant-7",
      "cache key 9f86d081884c7d659a2feaa0c55ad015",
      "secret projects/123/secrets/db-password/versions/2 loaded",
      "recovery codes: none left",
      "api key NotConfiguredYet",
    ]);
  });
});

describe("a card's checks passed by an id, a quantity or a digest", () => {
  it("keeps numbers PostgreSQL's errors, counters and prose say are no card", () => {
    expectKept([
      "DETAIL: Key (order_id)=(4242424242424242) already exists.",
      "DETAIL: Key (tenant, order_id)=(7, 4242424242424242) already exists.",
      "Failing row contains (4242424242424242, pending, 1999).",
      "bytes_sent=4532015112830366",
      "redis_bytes_used=4532015112830366",
      "rows_read=4532015112830366",
      "file size 4532015112830366 bytes",
      "memory.usage=5105105105105100",
      "checksum 4539578763621486",
      '{"bytes_sent":"4532015112830366"}',
      "seq=4539578763621486",
      "transaction_id=4539578763621486",
      "version 4111.1111.1111.1111.2",
    ]);
  });

  it("keeps them under attributes naming a measure", () => {
    const stored = storedLogAttributes([
      { key: "rows", value: { stringValue: "4532015112830366" } },
      { key: "memory.usage", value: { stringValue: "5105105105105100" } },
    ]);
    expect(stored.values).toEqual({ rows: "4532015112830366", "memory.usage": "5105105105105100" });
  });

  it("still redacts a card under a card's name, in prose, in printed groups, or under another column", () => {
    expectRedacted([
      ["card 4242424242424242", `card ${CARD}`],
      ["pan=4242424242424242", `pan=${CARD}`],
      ["cc=4242424242424242", `cc=${CARD}`],
      ['{"card":"4242424242424242"}', `{"card":"${CARD}"}`],
      ["DETAIL: Key (card_number)=(4242424242424242) already exists.", `DETAIL: Key (card_number)=(${CARD}) already exists.`],
      ["Failing row contains (7, 4242424242424242, pending).", `Failing row contains (7, ${CARD}, pending).`],
      ["bytes_sent=4532 0151 1283 0366", `bytes_sent=${CARD}`],
      ["charged us 4532015112830366 today", `charged us ${CARD} today`],
      ["paid with 4111.1111.1111.1111", `paid with ${CARD}`],
      ["paid with 4111.1111.1111.1111.", `paid with ${CARD}.`],
    ]);
  });

  it("redacts a card whose next pair is named by a unit's word, and one a card's name precedes", () => {
    expectRedacted([
      ["card_number=4111111111111111 bytes=12", `card_number=${CARD} bytes=12`],
      ["card=4111111111111111 rows=3", `card=${CARD} rows=3`],
      ["card 4111111111111111 rows 2", `card ${CARD} rows 2`],
      ["paid 4111111111111111 bytes: 12", `paid ${CARD} bytes: 12`],
      ["card 4532015112830366 bytes", `card ${CARD} bytes`],
      ['{"pan":"4111111111111111","bytes":12}', `{"pan":"${CARD}","bytes":12}`],
    ]);
  });

  it("keeps a number its own unit's word follows, before the next pair", () => {
    expectKept(["read 4532015112830366 rows", "size=4532015112830366 bytes=12", "upload 4532015112830366 bytes, done"]);
  });
});

describe("an IBAN printed with dashes", () => {
  it("goes when its groups of four are parted by dashes throughout", () => {
    expectRedacted([["IBAN DE89-3704-0044-0532-0130-00", "IBAN [REDACTED:iban]"]]);
  });

  it("stays when the separators are mixed or a further group is glued to it", () => {
    expectKept(["IBAN DE89-3704 0044-0532-0130-00", "IBAN DE89-3704-0044-0532-0130-00-12", "order BR12-4455"]);
  });
});
