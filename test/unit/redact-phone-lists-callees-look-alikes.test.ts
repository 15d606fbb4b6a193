/**
 * A review of the phone list and callee readings: a list's later item after a phone is one only
 * when it is a plan's number as a lone number would be (no ten-digit timestamp or id, no NANP
 * number under a `0`/`1` code, no filler, no unit after it, no CSV row's other column, a form's
 * check for a form's item); a callee is a person (a known given name, a title, a customer's noun),
 * never a team, product, city or company, and the number a plan's whole; German `unter … an`,
 * `erreichbar`, `melden` only with a calling verb or a person.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { redactedLogBody, storedLogAttribute } from "../support/redaction";
import { itKeepsUncounted, itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const redacted = (text: string) => redactString(text, policy);
const redactedText = (text: string) => redactString(text, policy).text;
const PHONE = "[REDACTED:phone]";
const storedUnder = (key: string) => (value: string) => (storedLogAttribute(key, { stringValue: value }) as { stringValue: string }).stringValue;

/** Each `[text, kept tail]`: the first phone goes, the tail after it stays. */
const LISTS_OF_A_PHONE_AND_NO_PHONE: readonly (readonly [string, string, string])[] = [
  ["tel ", "4155550132", ", 1733270400"],
  ["tel ", "4155550132", ", 9876543210"],
  ["tel ", "4155550132", ", 0000000000"],
  ["tel ", "4155550132", ", 1111111111"],
  ["tel ", "4155550132", ", 1234567890 USD"],
  ["sms sent to ", "4155550132", ", 1733270400, 1733270401, 1733270402"],
  ["phone ", "415-867-5309", ", 123-456-7890"],
  ["phone ", "415-867-5309", ", 000-000-0000"],
  ["phone ", "415-867-5309", ", 999-999-9999"],
  ["phone ", "415-867-5309", ", 100-200-3000"],
  ["phone ", "415-867-5309", " and 192-168-0001"],
  ["tel ", "0171 1234567", " o 100 200 300"],
  ["tel ", "06 12 34 56 78", " et 10 20 30 40 50"],
  ["tel ", "06 12 34 56 78", " / 00 00 00 00 00"],
  ["tel ", "0171 1234567", ", 0000 0000000"],
  ["tel ", "+44 20 7946 0958", ", 12 3456 7890"],
  ["phone ", "4155550132", ", 1733270400 ms"],
  ["phone ", "415-867-5309", ", 123-456-7890 bytes"],
  ["phone ", "0171 1234567", " / 0171 1234567 ms"],
  ["phone,customer_id\n", "4155550132", ",9876543210"],
  ["phone,id\n", "415-867-5309", ",555-123-4567"],
  ["phone,order\n", "415-867-5309", ",123-456-7890"],
  ["phone,serial\n", "0171 1234567", ",0815 4711 0815"],
  ["phone;serial\n", "0171 1234567", ";0815 4711 0815"],
  ["/cb?phone=", "+1+415+867+5309", "%2C+8080+8443+9090"],
];

describe("a list's later item after a phone is a plan's number or stays", () => {
  itStoresCounting(
    "%j",
    redacted,
    { phone: 1 },
    LISTS_OF_A_PHONE_AND_NO_PHONE.map(([before, phone, tail]) => [`${before}${phone}${tail}`, `${before}${PHONE}${tail}`] as const),
  );

  it("as an attribute and a JSON body", () => {
    for (const [before, phone, tail] of LISTS_OF_A_PHONE_AND_NO_PHONE.filter(([before]) => !before.includes("\n") && !before.startsWith("/"))) {
      expect(storedUnder("message")(`${before}${phone}${tail}`)).toBe(`${before}${PHONE}${tail}`);
      expect(redactedLogBody(JSON.stringify({ msg: `${before}${phone}${tail}` }))).toBe(JSON.stringify({ msg: `${before}${PHONE}${tail}` }));
    }
  });

  itKeepsUncounted("keeps %j", redacted, ["ports 8080, 8443", "retry in 30 or 60 s"]);
  itStoresCounting("keeps what follows %j", redacted, { phone: 1 }, [
    ["call 415-867-5309 or press 2", `call ${PHONE} or press 2`],
    ["+1 415 867 5309, 2024-12-04, 42", `${PHONE}, 2024-12-04, 42`],
  ]);

  itStoresCounting("still replaces a list of phones %j", redacted, { phone: 2 }, [
    ["phone 415-867-5309, 212-555-0134", `phone ${PHONE}, ${PHONE}`],
    ["tel 4155550132, 2125550134", `tel ${PHONE}, ${PHONE}`],
    ["tel 06 12 34 56 78 et 06 98 76 54 32", `tel ${PHONE} et ${PHONE}`],
    ["phone,mobile\n4155550132,2125550134", `phone,mobile\n${PHONE},${PHONE}`],
    ["tel +44 20 7946 0958, 020 7946 0959", `tel ${PHONE}, ${PHONE}`],
    ["/cb?phone=+1+415+867+5309%2C+%2B1+212+555+0134", `/cb?phone=${PHONE}%2C+${PHONE}`],
  ]);
});

describe("a callee is a person and the number a plan's whole", () => {
  itKeepsUncounted("keeps a number no plan gives out %j", redacted, [
    "call Backend at 00 11 22 33 44",
    "reach Cluster Node on 10 20 30 40 50",
    "Call Kafka on 0 9092 1234",
    "call Redis at 0 6379 1234",
    "retry: call Auth on 0 1234 5678 failed",
    "retry call Billing at 000 000 000",
    "contact Ops at 0001 2345 6789",
    "call Orders at 0100 0200 0300",
    "call Orders on 0123 4567 8901 (order id)",
    "call Alerts on 04 12 20 24 10",
    "contact Ops on 010 2024 1204",
    "call Node at 01 23 45 67",
    "contact Sales at 0 1234 5678 9",
    "call Anna at 0 1234 5678 9",
    "call Anna Weber at 00 11 22 33 44",
  ]);

  itKeepsUncounted("keeps a team's, product's, city's or company's number %j", redacted, [
    "call Redis at 0171 1234567",
    "reach Datadog on 0001 1234 5678",
    "Contact Cloudflare at 0800 123 4567",
    "call Frankfurt at 069 12345678",
    "call Paris au 01 23 45 67 89",
    "call Redis on 6379",
    "Call GetUser on 10.0.0.1",
    "call API on port 8080",
    "call Stripe at 2024-12-04 10:00",
  ]);

  itStoresCounting("replaces a person's %j", redacted, { phone: 1 }, [
    ["Call Anna on 0171 1234567", `Call Anna on ${PHONE}`],
    ["call the customer Weber at 0171 1234567", `call the customer Weber at ${PHONE}`],
    ["reach John at 020 7946 0958", `reach John at ${PHONE}`],
    ["Appelez le client Martin au 06 12 34 56 78", `Appelez le client Martin au ${PHONE}`],
  ]);

  it("as an attribute and a JSON body", () => {
    expect(storedUnder("message")("call Redis at 0171 1234567")).toBe("call Redis at 0171 1234567");
    expect(redactedLogBody('{"msg":"call Paris au 01 23 45 67 89"}')).toBe('{"msg":"call Paris au 01 23 45 67 89"}');
    expect(storedUnder("message")("Call Anna on 0171 1234567")).toBe(`Call Anna on ${PHONE}`);
  });
});

describe("German unter with a verb", () => {
  itKeepsUncounted("keeps %j", redacted, [
    "Legen Sie den Vorgang unter 0815 4711 an.",
    "Konto unter 0000 1234 5678 an",
    "Objekt unter 0815 0815 0815 an",
    "Ticket unter 010 2024 1204 melden",
    "Bestellung unter 02024 120412 melden",
    "Tracking unter 0034 1234 5678 melden",
    "Datei unter 0815 4711 erreichbar",
    "Job unter 0 1234 5678 erreichbar",
    "Vorgang unter 0171 1234567 anlegen",
    "unter 1234 Einträge",
    "Datei unter 0815 4711 abgelegt",
    "unter 10.0.0.1 erreichbar",
    "Dienst unter 0 8080 erreichbar",
  ]);

  itStoresCounting("replaces %j", redacted, { phone: 1 }, [
    ["Anna Weber ist unter 0171 1234567 erreichbar", `Anna Weber ist unter ${PHONE} erreichbar`],
    ["Bitte Herrn Weber unter 0171 1234567 melden", `Bitte Herrn Weber unter ${PHONE} melden`],
    ["Rufen Sie uns unter 0171 1234567 an.", `Rufen Sie uns unter ${PHONE} an.`],
    ["Bitte unter 030 12345678 zurückrufen", `Bitte unter ${PHONE} zurückrufen`],
  ]);
});

describe("every phone of a form's list, a list glued by a comma, a phone key's whole value", () => {
  itStoresCounting("%j", redacted, { phone: 2 }, [
    ["/x?tel=4155550132%2C4155550133", `/x?tel=${PHONE}%2C${PHONE}`],
    ["/x?tel=4155550132%2C%204155550133", `/x?tel=${PHONE}%2C%20${PHONE}`],
    ["/x?phone=%2B14158675309%2F%2B442079460958", `/x?phone=${PHONE}%2F${PHONE}`],
    ["/x?phone=%2B14158675309%7C%2B442079460958", `/x?phone=${PHONE}%7C${PHONE}`],
    ["/x?phone=(415)+867-5309,(212)+555-0134", `/x?phone=${PHONE},${PHONE}`],
    ["/x?tel=0171+1234567,0171+7654321", `/x?tel=${PHONE},${PHONE}`],
    ["/x?tel=0171+1234567%2C0171+7654321", `/x?tel=${PHONE}%2C${PHONE}`],
    ["tel 415-867-5309,212-555-0134", `tel ${PHONE},${PHONE}`],
    ["phone: +1 415 867 5309 / +1 200 512 1234", `phone: ${PHONE} / ${PHONE}`],
    ["phones: +1 415 867 5309, +1 200 512 1234", `phones: ${PHONE}, ${PHONE}`],
  ]);
  itStoresCounting("%j", redacted, { phone: 1 }, [
    ["tel: 1 (200) 512-1234", `tel: ${PHONE}`],
    ["tel: 1 (415) 867-5309", `tel: ${PHONE}`],
    ["/x?tel=4155550132%2C%201733270400", `/x?tel=${PHONE}%2C%201733270400`],
    ["/x?tel=0171+1234567%2C+8080+8443", `/x?tel=${PHONE}%2C+8080+8443`],
  ]);
  it("keeps a form list's ports once redacted, as before (idempotent)", () => {
    const once = redacted("GET /cb?phone=+1+415+867+5309%2C+8080+8443+9090 200").text;
    expect(once).toBe(`GET /cb?phone=${PHONE}%2C+8080+8443+9090 200`);
    expect(redacted(once)).toEqual({ text: once, counts: {} });
    expect(redactedText("/cb?phone=X%2C+8080+8443+9090")).toBe("/cb?phone=X%2C+8080+8443+9090");
    expect(redactedText("/x?phone=X,0171+7654321")).toBe(`/x?phone=X,${PHONE}`);
  });
  itKeepsUncounted("keeps %j", redacted, ["x 1 (200) 512-1234", "pi 3,14-15 and 52998224725,50", "/x?a=1,2+3&b=2024+12,05+06", "/a%2F12345678%2F4155550132"]);

  it("as an attribute and url.full", () => {
    expect(storedUnder("message")("tel 415-867-5309,212-555-0134")).toBe(`tel ${PHONE},${PHONE}`);
    expect(storedUnder("url.full")("https://a.example/x?tel=4155550132%2C4155550133")).toBe(`https://a.example/x?tel=${PHONE}%2C${PHONE}`);
    expect(storedUnder("user.phone")("+1 415 867 5309 / +1 200 512 1234")).toBe(`${PHONE} / ${PHONE}`);
  });
});
