/**
 * A query value read as its decoded prose (query-prose.ts), per key and per spelling:
 * - a plus-addressed e-mail sent with a literal `+` goes whole, as the query as sent gave it
 *   (read as a blank, the `+` cut the address and left its local part);
 * - under a search's, a filter's, a title's, a campaign's or RelayState's key, what someone typed
 *   to find or a page shows: contact data and secrets go, names, streets and postal codes stay
 *   (`Dr. Seuss books`, `10 Downing Street`, `zip code 90210`);
 * - an apostrophe inside a word (`It's`), an `&amp;` between parameters, a role's key whose value
 *   holds no name (`recipient=John Smith, Tel …`) and a one-field form body are read too.
 * Each case in every query-bearing form: a log line's URL, an access log's request line,
 * `url.full`, `url.query`, a server span's `http.target` and `http.url`, a pino line's `req.url`.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { redactedLogBody, storedLogAttribute } from "../support/redaction";
import { formsOf, itStoresInEveryForm, storedForms } from "../support/query-forms";
import { itKeepsUncounted, itStores, itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const redact = (text: string) => redactString(text, policy);
const PHONE = "[REDACTED:phone]";
const EMAIL = "[REDACTED:email]";

describe("a plus-addressed e-mail with a literal + goes whole", () => {
  const keys = ["email", "login_hint", "mail", "emailAddress", "customer_email", "account", "invite", "unsubscribe", "e", "q", "user", "to", "recipient", "reply_to"];
  itStoresInEveryForm(
    "%s",
    keys.map((key) => [`${key}=jane.doe+work@example.com&page=2`, `${key}=${EMAIL}&page=2`]),
  );
  itStoresInEveryForm("inside encoded JSON: %s", [
    ["variables=%7B%22email%22%3A%22jane.doe+x%40example.com%22%7D", `variables=${EMAIL}%22%7D`],
    ["variables=%7B%22email%22%3A%22jane.doe%2Bx%40example.com%22%7D", `variables=${EMAIL}%22%7D`],
  ]);
  itStoresCounting("counts it once: %j", redact, { email: 1 }, [
    ["GET /verify?email=jane.doe+work@example.com&page=2 302", `GET /verify?email=${EMAIL}&page=2 302`],
    // Only the run's last `+` is a subaddress's: the words before it read as blanks.
    ["GET /c?msg=write+to+jane.doe+work@example.com+please 200", `GET /c?msg=write+to+${EMAIL}+please 200`],
    ["GET /c?msg=write%20to%20jane.doe+work%40example.com%20please 200", `GET /c?msg=write%20to%20${EMAIL}%20please 200`],
    // The word before the last `+` may join the address: a word over-redacted, none shown.
    ["GET /c?q=write+to+jane.doe%40example.com+please 200", `GET /c?q=write+${EMAIL}+please 200`],
  ]);
});

describe("a search's, a filter's, a title's, a campaign's or RelayState's prose keeps its names and places", () => {
  const looked = [
    "Dr.+Seuss+books", "Ms.+Marvel", "Mrs.+Doubtfire", "Dr.+Strange", "Dr.+Stone+anime", "Dr.+Phil+show", "Dr.+Bronner%27s+soap",
    "Dr.+Squatch+soap", "Dr.+Jart", "Dr.+Teal%27s", "Mr.+Beast+burger", "Mr+Porter+sale", "Mrs+Fields+cookies", "Mrs.+Meyers+soap",
    "Ms.+Pac-Man", "Ms.+Rachel+songs", "Prof.+Layton", "Prof.+Xavier", "Madame+Bovary", "Se%C3%B1or+Frog%27s", "Sr.+Pago", "Frau+Antje",
    "Herr+Rossi", "Dr.+Pepper", "Dr.+Who", "Dr.+Martens", "Mr.+Robot", "Mr.+Clean", "Mrs.+Dash", "Miss+Dior", "Hey+Dude", "Dr.+No",
    "Contact+John+Lewis", "Dear+John", "zip+code+90210", "plz+10115", "postleitzahl+10115", "code+postal+75001", "postcode+SW1A+1AA",
    "10+Downing+Street", "1600+Pennsylvania+Avenue", "221B+Baker+Street", "john+deere+tractor", "call+of+duty", "berlin+hotel+near+main+st",
  ];
  itKeepsUncounted(
    "keeps %j",
    redact,
    looked.map((term) => `GET /search?q=${term}&page=2 200`),
  );
  itKeepsUncounted("keeps %j", redact, [
    "GET /b?title=Dr.+Jekyll+and+Mr.+Hyde 200",
    "GET /b?title=Dr.+Strangelove+or+How+I+Learned 200",
    "GET /?utm_campaign=Mrs.+Hinch+collab&utm_source=newsletter 200",
    "GET /sso?RelayState=Dr.+Smith+portal 200",
    "GET /api?filter=%7B%22title%22%3A%22Dr.+Seuss%22%7D 200",
    "GET /api?filters%5Btitle%5D=Dr.+Seuss 200",
    "GET /s?search_query=Mrs.+Doubtfire&searchTerm=Dr.+Strange&keywords=Herr+Rossi 200",
    "GET /c?q=Hi+John%2C 200",
  ]);
  it("keeps them in every form", () => {
    for (const query of ["q=Dr.+Seuss+books&page=2", "title=Dr.+Jekyll+and+Mr.+Hyde", "q=zip+code+90210", "q=10+Downing+Street"]) {
      expect(storedForms(query)).toEqual(formsOf(query));
    }
  });
  // Contact data and secrets a search holds go: a query typed with them stores them as any text does.
  itStoresInEveryForm("contact data goes: %s", [
    ["q=call+me+at+0171+1234567", `q=call+me+at+${PHONE}`],
    ["q=who+called+me+%2B1+415+867+5309", `q=who+called+me+${PHONE}`],
    ["q=test+card+4242+4242+4242+4242", "q=test+card+[REDACTED:card]"],
    ["search=IBAN+DE89+3704+0044+0532+0130+00", "search=IBAN+[REDACTED:iban]"],
    ["q=write+to+jane.doe%2Bx%40example.com+please", `q=write+to+${EMAIL}+please`],
  ]);
  itStores("a message's key still reads the names: %j", (text) => redact(text).text, [
    ["GET /c?msg=Dear%20Jane%20Doe%2C%20thanks 200", "GET /c?msg=Dear%20[REDACTED:person_name]%2C%20thanks 200"],
    ["GET /c?note=10+Downing+Street+London 200", "GET /c?note=[REDACTED:street_address]+London 200"],
  ]);
});

describe("the prose the query reading missed", () => {
  itStoresInEveryForm("%s", [
    // An apostrophe `encodeURIComponent` leaves as it is, inside a word.
    ["note=It's%20urgent%2C%20call%20me%20at%200171%201234567&x=1", `note=It's%20urgent%2C%20call%20me%20at%20${PHONE}&x=1`],
    ["note=It%27s%20urgent%2C%20call%20me%20at%200171%201234567&x=1", `note=It%27s%20urgent%2C%20call%20me%20at%20${PHONE}&x=1`],
    // A role's key whose value holds no name: its phone goes, as under the attribute.
    ["contact=call+0171+1234567", `contact=call+${PHONE}`],
    ["assignee=call+0171+1234567", `assignee=call+${PHONE}`],
    ["recipient=John+Smith%2C+Tel+0171+1234567", `recipient=John+Smith%2C+Tel+${PHONE}`],
    // A party's key too (`to`, `user`); a whole name there still goes by its key.
    ["user=call+me+at+0171+1234567", `user=call+me+at+${PHONE}`],
    ["to=John+Smith&x=1", "to=[REDACTED:person_name]&x=1"],
  ]);
  it("reads a role's key as its attribute", () => {
    expect(storedLogAttribute("recipient", { stringValue: "John Smith, Tel 0171 1234567" })).toEqual({ stringValue: `John Smith, Tel ${PHONE}` });
    expect(storedLogAttribute("contact", { stringValue: "call 0171 1234567" })).toEqual({ stringValue: `call ${PHONE}` });
  });
  itStoresCounting("an HTML page's &amp; between parameters: %j", redact, { phone: 1 }, [
    ["GET /c?a=1&amp;note=call+me+at+0171+1234567 200", `GET /c?a=1&amp;note=call+me+at+${PHONE} 200`],
  ]);
  it("a one-field form body, as a log body and as http.request.body", () => {
    expect(redactedLogBody("note=call+me+at+0171+1234567")).toBe(`note=call+me+at+${PHONE}`);
    expect(storedLogAttribute("http.request.body", { stringValue: "note=call+me+at+0171+1234567" })).toEqual({ stringValue: `note=call+me+at+${PHONE}` });
  });
  itStores("a quote or a backtick after the value still closes it: %j", (text) => redact(text).text, [
    ["url='/c?note=call+me+at+0171+1234567' status=200", `url='/c?note=call+me+at+${PHONE}' status=200`],
    ["fetch `/c?note=call+me+at+0171+1234567` failed", `fetch \`/c?note=call+me+at+${PHONE}\` failed`],
  ]);
  itKeepsUncounted("keeps %j", redact, [
    // A quote closing a value stays a quote; an apostrophe is one only between letters.
    "url='/search?q=red+shoes' status=200",
    "note=red+shoes",
    "GET /c?a=1&amp;q=Dr.+Seuss+books 200",
  ]);
});
