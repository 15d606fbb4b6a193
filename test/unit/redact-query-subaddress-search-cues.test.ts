/**
 * A query value's `+` and its search keys, as a review found them leaking:
 * - a `+` stays literal only as an e-mail's subaddress (the last `+` of a local-part run whose `@`
 *   or `%40` a domain follows): before an `@` that starts no domain (`+%40+work`, `+@+home`,
 *   `+@checkout`) the phone, the card, the name and the street go as their kinds, and before an
 *   address the words, phones and IBANs of a sentence go as theirs;
 * - under a search's, a filter's or a title's key a full name after `my name is`, `customer`, a
 *   salutation or a courtesy title, and a street line with its postal code go; a `greeting` names
 *   its addressee;
 * - a plural's possessive (`the+Smiths'+house`) does not end the value.
 * Each case in every query-bearing form (test/support/query-forms.ts).
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { redactedLogBody } from "../support/redaction";
import { itStoresInEveryForm } from "../support/query-forms";
import { itKeepsUncounted, itStores, itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const redact = (text: string) => redactString(text, policy);
const text = (line: string) => redact(line).text;
const PHONE = "[REDACTED:phone]";
const EMAIL = "[REDACTED:email]";
const NAME = "[REDACTED:person_name]";
const STREET = "[REDACTED:street_address]";

describe("a + before an @ that starts no domain is a blank", () => {
  itStoresInEveryForm("%s", [
    ["msg=Hi+my+name+is+Anna+Weber+call+0171+1234567+%40+work", `msg=Hi+my+name+is+${NAME}+call+${PHONE}+%40+work`],
    ["msg=Call+me+on+0171+1234567+@+home", `msg=Call+me+on+${PHONE}+@+home`],
    ["note=pay+4111+1111+1111+1111+@checkout", "note=pay+[REDACTED:card]+@checkout"],
    ["msg=my+card+4111+1111+1111+1111+@shop", "msg=my+card+[REDACTED:card]+@shop"],
    ["msg=Ship+to+10+Downing+Street+@+reception", `msg=Ship+to+${STREET}+@+reception`],
  ]);
  it("a pino line's req.url", () => {
    const line = JSON.stringify({ msg: "done", req: { url: "/x?msg=Call+me+on+0171+1234567+@+home" } });
    expect(redactedLogBody(line)).toBe(JSON.stringify({ msg: "done", req: { url: `/x?msg=Call+me+on+${PHONE}+@+home` } }));
  });
});

describe("before an address only the last + is a subaddress's", () => {
  itStores("%j", text, [
    [
      "GET /x?msg=please+call+me+at+415+867+5309+or+write+to+my+assistant+at+jane.doe@example.com 200",
      `GET /x?msg=please+call+me+at+${PHONE}+or+write+to+my+assistant+${EMAIL} 200`,
    ],
    ["GET /x?msg=IBAN+DE89370400440532013000+to+a@b.co 200", `GET /x?msg=IBAN+[REDACTED:iban]+${EMAIL} 200`],
  ]);
  // Where that reading would leave a digit or a common given name or surname in sight, the whole run is the address.
  itStores("a sentence with what the detectors miss goes whole: %j", text, [
    ["GET /x?q=John+Smith+jsmith@example.com 200", `GET /x?q=${EMAIL} 200`],
    ["GET /x?msg=Anna+Weber+0171+1234567+anna@example.com 200", `GET /x?msg=${EMAIL} 200`],
    ["GET /x?msg=call+Anna+Weber+on+0171+1234567+or+mail+her+colleague+at+the+office+desk+jane@example.com 200", `GET /x?msg=${EMAIL} 200`],
    [
      "GET /x?msg=hi+Anna+Weber+pls+call+0171+1234567+or+email+anna.weber@example.com 200",
      `GET /x?msg=hi+${NAME}+pls+call+${PHONE}+or+${EMAIL} 200`,
    ],
  ]);
  itStoresCounting("a subaddress stays whole: %j", redact, { email: 1 }, [
    ["GET /x?to=jane+news@example.com&page=2 200", `GET /x?to=${EMAIL}&page=2 200`],
    ["GET /x?msg=mail+jane.doe+work%40example.com+today 200", `GET /x?msg=mail+${EMAIL}+today 200`],
  ]);
});

describe("a search's key lets a person's plain data go", () => {
  itStoresInEveryForm("%s", [
    ["search=Anna+Weber+Hauptstr.+5+10115+Berlin", `search=Anna+${STREET}`],
    ["filter=customer+Anna+Weber", `filter=customer+${NAME}`],
    ["greeting=Dear+Anna+Weber%2C", `greeting=Dear+${NAME}%2C`],
    ["title=Mr+John+Smith+profile", `title=Mr+${NAME}+profile`],
    ["s=John+Smith+10+Downing+Street+SW1A+2AA", `s=John+Smith+${STREET}`],
    ["search_term=my+name+is+Anna+Weber", `search_term=my+name+is+${NAME}`],
    ["q=my+name+is+Anna+Weber", `q=my+name+is+${NAME}`],
    // A greeting names its addressee: its key is no search's.
    ["greeting=Hi+John%2C", `greeting=Hi+${NAME}%2C`],
  ]);
  itKeepsUncounted("a name or a street alone stays a lookup: %j", redact, [
    "GET /search?q=Dr.+Seuss+books 200",
    "GET /search?q=Contact+John+Lewis 200",
    "GET /search?q=Dear+John 200",
    "GET /search?q=Hi+John%2C 200",
    "GET /search?q=zip+code+90210 200",
    "GET /search?q=10+Downing+Street 200",
    "GET /search?q=Mrs+Fields+cookies 200",
    "GET /b?title=Dear+John+Letter 200",
  ]);
});

describe("a plural's possessive does not end the value", () => {
  itStoresInEveryForm("%s", [["msg=the+Smiths'+house+at+10+Downing+Street", `msg=the+Smiths'+house+at+${STREET}`]]);
});
