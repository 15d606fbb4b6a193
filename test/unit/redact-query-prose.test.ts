/**
 * A URL query's or a form body's value that is prose once decoded (`%20` or `+` for its blanks,
 * `%2C`, `%3A`, UTF-8 `%C3%BC`) is judged as its decoded text is in a log body, a JSON body or an
 * attribute: a callback note's phone, an e-mail in a sentence, a name after `my name is` go, in
 * every query-bearing form (a log line's URL, `url.full`, `url.query`, `http.target`, `http.url`,
 * a pino line's `req.url`, a form body). What is replaced is written back as markers are in a
 * query (`[REDACTED:phone]`, unencoded) and the rest of the query byte for byte. Search terms,
 * UTM parameters, encoded JSON, ids and dates with no personal data stay; a value a key rule
 * judges is not read again.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { redactedLogBody, redactionPolicy, storedLogAttribute, storedLogAttributes, storedPointAttributes, storedSpanAttributes } from "../support/redaction";
import { itKeepsUncounted, itStores, itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const redact = (text: string) => redactString(text, policy);
const PHONE = "[REDACTED:phone]";
const NAME = "[REDACTED:person_name]";
const EMAIL = "[REDACTED:email]";
const str = (key: string, value: string) => ({ key, value: { stringValue: value } });

/** Each query value the review found kept, and the value stored for it. */
const PHONE_NOTES: readonly (readonly [string, string])[] = [
  ["note=erreichbar%20von%209-17%20Uhr%20unter%200171%201234567", `note=erreichbar%20von%209-17%20Uhr%20unter%20${PHONE}`],
  ["note=call+me+at+0171+1234567", `note=call+me+at+${PHONE}`],
  ["note=R%C3%BCckruf%20unter%200171%201234567%2C%20danke", `note=R%C3%BCckruf%20unter%20${PHONE}%2C%20danke`],
  ["note=Bitte+beim+Nachbarn+abgeben%2C+Tel%3A+0171+1234567", `note=Bitte+beim+Nachbarn+abgeben%2C+Tel%3A+${PHONE}`],
  ["delivery_notes=Call%20415-867-5309%20on%20arrival", `delivery_notes=Call%20${PHONE}%20on%20arrival`],
  ["msg=ll%C3%A1menos%20al%20912%2034%2056%2078", `msg=ll%C3%A1menos%20al%20${PHONE}`],
];

describe("a query value that is prose once decoded is judged as its text", () => {
  // The decoded texts are redacted so as a log body.
  itStoresCounting("the decoded text %j", redact, { phone: 1 }, [
    ["erreichbar von 9-17 Uhr unter 0171 1234567", `erreichbar von 9-17 Uhr unter ${PHONE}`],
    ["call me at 0171 1234567", `call me at ${PHONE}`],
    ["Rückruf unter 0171 1234567, danke", `Rückruf unter ${PHONE}, danke`],
  ]);
  itStoresCounting(
    "in a log line's URL: %j",
    redact,
    { phone: 1 },
    PHONE_NOTES.map(([query, stored]) => [`GET /contact?${query}&page=2 200 512 - 3.1 ms`, `GET /contact?${stored}&page=2 200 512 - 3.1 ms`]),
  );
  itStoresCounting(
    "in an access log's request line: %j",
    redact,
    { ipv4: 1, phone: 1 },
    PHONE_NOTES.map(([query, stored]) => [
      `203.0.113.9 - - [04/Dec/2026:10:00:00 +0000] "GET /contact?${query} HTTP/1.1" 200 1234`,
      `[REDACTED:ipv4] - - [04/Dec/2026:10:00:00 +0000] "GET /contact?${stored} HTTP/1.1" 200 1234`,
    ]),
  );
  it.each(PHONE_NOTES.map((pair) => [...pair]))("in a record's url.full, url.query and url.path: %s", (query, stored) => {
    const values = storedLogAttributes([
      str("url.full", `https://shop.example.com/contact?${query}&page=2`),
      str("url.path", "/contact"),
      str("url.query", `${query}&page=2`),
    ]).values;
    expect(values).toEqual({ "url.full": `https://shop.example.com/contact?${stored}&page=2`, "url.path": "/contact", "url.query": `${stored}&page=2` });
  });
  it.each(PHONE_NOTES.map((pair) => [...pair]))("in a lone url.query: %s", (query, stored) => {
    expect(storedLogAttribute("url.query", { stringValue: query })).toEqual({ stringValue: stored });
  });
  it.each(PHONE_NOTES.map((pair) => [...pair]))("in a server span's http.target and http.url: %s", (query, stored) => {
    const values = storedSpanAttributes(2, [str("http.target", `/contact?${query}`), str("http.url", `https://api.example.com/contact?${query}`)]);
    expect(values["http.target"]).toBe(`/contact?${stored}`);
    expect(values["http.url"]).toBe(`https://api.example.com/contact?${stored}`);
  });
  it.each(PHONE_NOTES.map((pair) => [...pair]))("in a pino line's req.url: %s", (query, stored) => {
    const line = (url: string) => JSON.stringify({ level: 30, time: 1796000000000, req: { method: "GET", url }, msg: "request completed" });
    expect(redactedLogBody(line(`/contact?${query}`))).toBe(line(`/contact?${stored}`));
  });
  it.each(PHONE_NOTES.map((pair) => [...pair]))("in a form body, as a body and as an attribute: %s", (query, stored) => {
    expect(redactedLogBody(`${query}&submit=Send`)).toBe(`${stored}&submit=Send`);
    expect(storedLogAttribute("http.request.body", { stringValue: `${query}&submit=Send` })).toEqual({ stringValue: `${stored}&submit=Send` });
  });
  it("in a metric's query attribute, with the series' hashed marker", () => {
    const stored = storedPointAttributes("http.server.request.duration", [str("url.query", "note=call+me+at+0171+1234567&x=1")]);
    expect(stored["url.query"]).toMatch(/^note=call\+me\+at\+\[REDACTED:phone:[0-9a-f]{16}\]&x=1$/);
  });
});

describe("other kinds in a query's encoded prose go as in its text", () => {
  itStores("%j", (text) => redact(text).text, [
    ["GET /c?comment=please%20email%20me%20at%20jane.doe%40example.com 200", `GET /c?comment=please%20email%20me%20at%20${EMAIL} 200`],
    // The e-mail detector read the escaped sentence as one address: now the sentence stays.
    ["GET /c?msg=my%20email%20is%20jane.doe%40example.com 200", `GET /c?msg=my%20email%20is%20${EMAIL} 200`],
    ["GET /c?message=Hallo%2C%20mein%20Name%20ist%20Hans%20M%C3%BCller 200", `GET /c?message=Hallo%2C%20mein%20Name%20ist%20${NAME} 200`],
    ["GET /c?msg=my%20name%20is%20John%20Smith 200", `GET /c?msg=my%20name%20is%20${NAME} 200`],
    ["GET /pay?memo=Transfer%20from%20John%20Smith%20acct%2012345678&x=1 200", `GET /pay?memo=Transfer%20from%20${NAME}%20acct%2012345678&x=1 200`],
    ["GET /c?msg=Dear%20Jane%20Doe%2C%20thanks 200", `GET /c?msg=Dear%20${NAME}%2C%20thanks 200`],
    // A payee in capitals after a payment's party phrase, as in the text (name-introducers.ts).
    ["GET /pay?memo=TRANSFER%20FROM%20JOHN%20SMITH%20ACCT%2012345678&x=1 200", `GET /pay?memo=TRANSFER%20FROM%20${NAME}%20ACCT%2012345678&x=1 200`],
    ["TRANSFER FROM JOHN SMITH ACCT 12345678", `TRANSFER FROM ${NAME} ACCT 12345678`],
    ["GET /c?notes=CPF%20529.982.247-25%20confirmado 200", "GET /c?notes=CPF%20[REDACTED:cpf]%20confirmado 200"],
    ["GET /c?msg=IBAN%20DE89%203704%200044%200532%200130%2000 200", "GET /c?msg=IBAN%20[REDACTED:iban] 200"],
    ["GET /c?text=card+4111+1111+1111+1111+exp+12%2F28 200", "GET /c?text=card+[REDACTED:card]+exp+12%2F28 200"],
    ["GET /c?msg=my+password+is+hunter2 200", "GET /c?msg=my+password+is+[REDACTED:secret_param] 200"],
    // A `+` decoded from `%2B` before an E.164 number's digits.
    ["GET /c?note=call%20me%20at%20%2B49%20171%201234567 200", `GET /c?note=call%20me%20at%20${PHONE} 200`],
    ["GET /c?note=call+me+at+%2B1+415+867+5309 200", `GET /c?note=call+me+at+${PHONE} 200`],
    // A character past the Basic Multilingual Plane, and an escape that spells none, stay as sent.
    ["GET /c?q=%F0%9F%98%80%20call%20me%20at%200171%201234567 200", `GET /c?q=%F0%9F%98%80%20call%20me%20at%20${PHONE} 200`],
    ["GET /c?msg=broken%ZZescape%20call%20me%20at%200171%201234567 200", `GET /c?msg=broken%ZZescape%20call%20me%20at%20${PHONE} 200`],
  ]);
  it("counts each find once", () => {
    expect(redact("GET /c?msg=my%20name%20is%20John%20Smith&note=call+me+at+0171+1234567 200").counts).toEqual({ person_name: 1, phone: 1 });
  });
});

describe("a query's encoded prose without personal data stays", () => {
  itKeepsUncounted("keeps %j", redact, [
    "GET /search?q=red%20shoes&page=2 200",
    "GET /search?q=red+shoes&sort=price_asc 200",
    "GET /search?q=k%C3%BChlschrank+g%C3%BCnstig 200",
    "GET /?utm_source=newsletter&utm_medium=email&utm_campaign=black%20friday%202026 200",
    "GET /?utm_campaign=Summer+Sale+2026&utm_content=hero+banner 200",
    "GET /g/collect?v=2&tid=G-ABC123XYZ&dl=https%3A%2F%2Fshop.example.com%2Fcart&dt=Warenkorb%20%7C%20Shop&en=page_view 204",
    "GET /api/orders?filter=%7B%22status%22%3A%22paid%22%2C%22total%22%3A%7B%22gte%22%3A100%7D%7D 200",
    "GET /api/orders?sort=created_at%20desc&per_page=100 200",
    "GET /api/orders?d=2026-12-04%2010%3A00%3A00&tz=America%2FSao_Paulo 200",
    "GET /x?ids=%2B100+200+3000 200",
    // A `+` decoded from `%2B` before groups that are no E.164 number: a date, a difference (phone.ts, `isFormEncodedPhone`).
    '"GET /search?q=%2B1+2024+05+01+HTTP/1.1" 200',
    "GET /x?msg=delta+%2B1234+5678+units 200",
    "GET /x?msg=PAYMENT%20FAILED%20FOR%20ORDER%20123 200",
    "GET /x?msg=Payment%20failed%20for%20order%20123 200",
    "GET /x?query=SELECT+id%2C+total+FROM+orders+LIMIT+10 200",
    "GET /x?msg=connect%20ECONNREFUSED%2010.0.4.7%3A5432 200",
    "GET /x?error=access_denied&error_description=User%20cancelled%20login 302",
    "GET /x?subject=Re%3A%20Your%20order%20%2312345%20has%20shipped 200",
    "GET /x?message=Zahlung%20fehlgeschlagen%20f%C3%BCr%20Bestellung%20987 200",
    "GET /x?memo=Invoice%20INV-2026-0042%20paid 200",
    "GET /x?version=1.0.0%2Bsha.5114f85&v=1.2.3+build.45 200",
    // A bare name's value is read with the query's siblings and path (name-owners.ts), not as prose.
    "GET /api/products?name=Maria+Filo+Vestido 200",
  ]);
  it("keeps them in a record's url.full and url.query", () => {
    const query = "q=red%20shoes&utm_campaign=black%20friday%202026&filter=%7B%22status%22%3A%22paid%22%7D";
    const attributes = [str("url.full", `https://shop.example.com/search?${query}`), str("url.path", "/search"), str("url.query", query)];
    expect(storedLogAttributes(attributes).values).toEqual({ "url.full": `https://shop.example.com/search?${query}`, "url.path": "/search", "url.query": query });
  });
});

describe("a value a key rule judges is not read again as prose", () => {
  it("keeps a query value under a key the policy keeps", () => {
    const keeping = redactionPolicy({ keepKeys: ["note"] });
    const text = "GET /c?note=call+me+at+0171+1234567&x=1 200";
    expect(redactString(text, keeping)).toEqual({ text, counts: {} });
  });
  it("leaves a person's name field to its own reading: the name goes once, its note stays", () => {
    expect(redact("GET /customers?customer_name=John%20Smith%20(Deleted%20User)&page=2 200")).toEqual({
      text: `GET /customers?customer_name=${NAME}%20(Deleted%20User)&page=2 200`,
      counts: { person_name: 1 },
    });
  });
});
