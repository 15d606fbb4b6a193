/**
 * A review of the phone readings after the reserved NANP codes: a marker covers a number's whole,
 * its country code included; a NANP number under a reserved area code (200, 300, 400: no number
 * is in service there) gets one verdict in every spelling (kept), except under a phone's key,
 * which makes any value a phone and replaces all of it; every phone of a list goes, in prose
 * (`or`, `oder`), in a form's value (`,+`, `%2C`) and in JSON; a number a note says to call a
 * person on (`Call Anna Weber on 0171 1234567`) goes in text and in a query's encoded prose.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { redactedLogBody, storedLogAttribute } from "../support/redaction";
import { itKeepsUncounted, itStores, itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const redacted = (text: string) => redactString(text, policy);
const redactedText = (text: string) => redactString(text, policy).text;
const PHONE = "[REDACTED:phone]";
const text = (value: string) => ({ stringValue: value });
/** What a log record stores for `value` under the attribute `key`, as text. */
const storedUnder = (key: string) => (value: string) => (storedLogAttribute(key, text(value)) as { stringValue: string }).stringValue;
/** What a log record's JSON body stores for `value` as the member `key`'s. */
const storedAsMember = (key: string) => (value: string) => redactedLogBody(JSON.stringify({ [key]: value }));
/** `value` as a form writes it in a URL's query (`encodeURIComponent`, blanks as `+`). */
const formEncoded = (value: string) => encodeURIComponent(value).replace(/%20/g, "+");

const RESERVED = ["+1 (200) 512-1234", "(200) 512-1234", "200-512-1234", "200.512.1234", "+1-200-512-1234", "+1 200 512 1234", "1-200-512-1234", "+1 (300) 512-1234", "400-512-1234"];
const REAL = ["+1 (415) 867-5309", "(415) 867-5309", "+1-415-867-5309", "1-415-867-5309"];

describe("a NANP number under a reserved area code, in every spelling", () => {
  itKeepsUncounted("keeps it in text %j", redacted, RESERVED.flatMap((value) => [value, `customer ${value} ok`, `note="${value}"`]));

  it("keeps it as a JSON member, an attribute and a query value that name no phone", () => {
    for (const value of RESERVED) {
      expect(storedAsMember("note")(value), value).toBe(JSON.stringify({ note: value }));
      expect(storedUnder("message")(value), value).toBe(value);
      expect(redactedText(`/x?ref=${formEncoded(value)}&a=1`), value).toBe(`/x?ref=${formEncoded(value)}&a=1`);
    }
  });

  it("replaces the whole value under a phone's key or word, country code included", () => {
    for (const value of RESERVED) {
      expect(storedUnder("user.phone")(value), value).toBe(PHONE);
      expect(storedAsMember("phone")(value), value).toBe(JSON.stringify({ phone: PHONE }));
      expect(redactedText(`phone: ${value}`), value).toBe(`phone: ${PHONE}`);
      expect(redactedText(`phone="${value}"`), value).toBe(`phone="${PHONE}"`);
      expect(redactedText(`/x?phone=${value}`), value).toBe(`/x?phone=${PHONE}`);
      expect(redactedText(`/x?phone=${formEncoded(value)}&a=1`), value).toBe(`/x?phone=${PHONE}&a=1`);
      expect(storedUnder("url.full")(`https://a.example/x?phone=${formEncoded(value)}`), value).toBe(`https://a.example/x?phone=${PHONE}`);
    }
  });

  itStoresCounting("replaces a later item of a phones list %j", redacted, { phone: 2 }, [
    ["phones: +1 415 867 5309, +1 200 512 1234", `phones: ${PHONE}, ${PHONE}`],
  ]);

  itKeepsUncounted("keeps an access line's status, bytes and time after a +1 value %j", redacted, [
    "GET /api/x?delta=+1 200 512 1234",
    "GET /api/x?phone=+1 200 512 1234",
    "balance +1 200",
    "counter=+1, total=2 (200) requests",
    "order 200-512-1234 shipped",
    "version 200.512.1234",
    "order_id=1-200-512-1234",
  ]);

  it("keeps it under an attribute naming no phone", () => {
    expect(storedUnder("http.status_text")("+1 200 512 1234")).toBe("+1 200 512 1234");
  });
});

describe("a real NANP number in the same spellings", () => {
  itStoresCounting("replaces all of it in text %j", redacted, { phone: 1 }, REAL.map((value) => [`customer ${value} ok`, `customer ${PHONE} ok`] as const));

  it("replaces all of it as a member, an attribute, a query value and url.full", () => {
    for (const value of [...REAL, "415-867-5309"]) {
      expect(storedUnder("user.phone")(value), value).toBe(PHONE);
      expect(storedAsMember("phone")(value), value).toBe(JSON.stringify({ phone: PHONE }));
      expect(redactedText(`/x?phone=${formEncoded(value)}&a=1`), value).toBe(`/x?phone=${PHONE}&a=1`);
      expect(storedUnder("url.full")(`https://a.example/x?phone=${formEncoded(value)}`), value).toBe(`https://a.example/x?phone=${PHONE}`);
    }
    for (const value of REAL) expect(storedUnder("message")(value), value).toBe(PHONE);
  });

  itStores("replaces a dashed one after a phone's word %j", redactedText, [
    ["phone: 415-867-5309", `phone: ${PHONE}`],
    ['phone="415-867-5309"', `phone="${PHONE}"`],
  ]);

  it("replaces a form-encoded one whose parentheses are left as written", () => {
    expect(redactedText("/x?phone=%2B1+(415)+867-5309&a=1")).toBe(`/x?phone=${PHONE}&a=1`);
    expect(redactedText("/x?phone=(415)+867-5309&a=1")).toBe(`/x?phone=${PHONE}&a=1`);
  });
});

describe("every phone of a list", () => {
  itStoresCounting("%j", redacted, { phone: 2 }, [
    ["?phone=+1+415+867+5309,++1+212+555+0134", `?phone=${PHONE},+${PHONE}`],
    ["?phone=%2B1+415+867+5309,+%2B1+212+555+0134", `?phone=${PHONE},+${PHONE}`],
    ["/x?phones=%2B14158675309%2C%2B12125550134", `/x?phones=${PHONE}%2C${PHONE}`],
    ["phones=+1 415 867 5309, +1 212 555 0134", `phones=${PHONE}, ${PHONE}`],
    ['{"phones":"+44 20 7946 0958; +44 20 7946 0959"}', `{"phones":"${PHONE}; ${PHONE}"}`],
    ["call 415-867-5309 or 212-555-0134", `call ${PHONE} or ${PHONE}`],
    ["Tel: 0171 1234567 oder 0171 7654321", `Tel: ${PHONE} oder ${PHONE}`],
    ["joignable au 06 12 34 56 78 ou 06 98 76 54 32", `joignable au ${PHONE} ou ${PHONE}`],
    ["call (415) 867-5309 / (212) 555-0134", `call ${PHONE} / ${PHONE}`],
  ]);
  itStoresCounting("%j", redacted, { phone: 3 }, [["call 415-867-5309, 212-555-0134 or 646-555-0199", `call ${PHONE}, ${PHONE} or ${PHONE}`]]);

  it("as an attribute, a JSON body and url.full", () => {
    expect(storedUnder("user.phones")("+1 415 867 5309, +1 212 555 0134")).toBe(`${PHONE}, ${PHONE}`);
    expect(storedUnder("url.query")("phone=%2B1+415+867+5309,+%2B1+212+555+0134")).toBe(`phone=${PHONE},+${PHONE}`);
    expect(storedUnder("url.full")("https://a.example/x?phone=+1+415+867+5309,++1+212+555+0134")).toBe(`https://a.example/x?phone=${PHONE},+${PHONE}`);
    expect(storedUnder("message")("call 415-867-5309 or 212-555-0134")).toBe(`call ${PHONE} or ${PHONE}`);
    expect(redactedLogBody('{"msg":"call 415-867-5309 or 212-555-0134"}')).toBe(`{"msg":"call ${PHONE} or ${PHONE}"}`);
  });

  itStoresCounting("keeps what follows a phone and is no phone %j", redacted, { phone: 1 }, [
    ["Tel: 0171 1234567, 2 Anrufe", `Tel: ${PHONE}, 2 Anrufe`],
    ["call 415-867-5309 or 2024-12-05", `call ${PHONE} or 2024-12-05`],
    ["phone: 0171 1234567 or 12345678 bytes", `phone: ${PHONE} or 12345678 bytes`],
    ["at 2026-12-04 21:00:00 call (415) 867-5309; 200 OK", `at 2026-12-04 21:00:00 call ${PHONE}; 200 OK`],
  ]);
  itKeepsUncounted("keeps a list of ids %j", redacted, ["ids: 4158675309, 2125550134", "?ids=+1001+1002+1003,+1004"]);
});

describe("a number a note says to call a person on", () => {
  itStores("%j", redactedText, [
    ["/x?msg=call+Anna+Weber+on+0171+1234567", `/x?msg=call+Anna+Weber+on+${PHONE}`],
    ["Call Anna Weber on 0171 1234567", `Call Anna Weber on ${PHONE}`],
    ["/x?msg=Call%20Anna%20Weber%20on%200171%201234567", `/x?msg=Call%20Anna%20Weber%20on%20${PHONE}`],
    ["Appelez Marie Dupont au 06 12 34 56 78", `Appelez Marie Dupont au ${PHONE}`],
    ["/x?msg=appeler+Marie+Dupont+au+06+12+34+56+78", `/x?msg=appeler+Marie+Dupont+au+${PHONE}`],
    ["/x?note=reach+John+Smith+at+020+7946+0958", `/x?note=reach+John+Smith+at+${PHONE}`],
    ["llame a Juan Pérez al 612 345 678", `llame a Juan Pérez al ${PHONE}`],
    ["Rufen Sie Anna Weber unter 0171 1234567 an.", `Rufen Sie Anna Weber unter ${PHONE} an.`],
    ["Bitte unter 030 12345678 anrufen", `Bitte unter ${PHONE} anrufen`],
    ["/x?msg=call+Anna+on+%2B44+20+7946+0958", `/x?msg=call+Anna+on+${PHONE}`],
    ["chiamare Mario Rossi al 347 123 4567", `chiamare Mario Rossi al ${PHONE}`],
    ["Rückruf an Herrn Weber unter 030 12345678", `Rückruf an Herrn Weber unter ${PHONE}`],
    ["/x?msg=R%C3%BCckruf+an+Herrn+Weber+unter+030+12345678", `/x?msg=R%C3%BCckruf+an+Herrn+Weber+unter+${PHONE}`],
    ["/x?q=call+Anna+on+0171+1234567+or+0171+7654321", `/x?q=call+Anna+on+${PHONE}+or+${PHONE}`],
  ]);

  it("as an attribute and a JSON body", () => {
    expect(storedUnder("message")("Call Anna Weber on 0171 1234567")).toBe(`Call Anna Weber on ${PHONE}`);
    expect(redactedLogBody('{"msg":"Call Anna Weber on 0171 1234567"}')).toBe(`{"msg":"Call Anna Weber on ${PHONE}"}`);
  });

  it("replaces the number after a name a name rule takes too", () => {
    expect(redactedText("/x?msg=Bitte+Frau+Weber+unter+030+12345678+anrufen")).not.toContain("12345678");
  });

  itKeepsUncounted("keeps %j", redacted, [
    "Call Anna Weber on 2024 12345",
    "Called GetUser at 2024 12345",
    "call GetOrder at 0017 1234567 ms",
    "Rechnung unter 2024 12345 an Kunden",
    "Ticket unter 0815 123456 abgelegt",
    "port 8080 on 10.0.0.1 5432",
  ]);
});
