/**
 * What a form, an export or a forge writes in a name's place under a person's or a card holder's
 * key (`Não informado`, `Not Available`, `Deleted User`, `Ghost User`, `Required Field`, `Guest
 * Checkout`) is kept in every form, since each of its words says no name; a name a mask or a
 * filler pads still goes, whole (`John Smith N/A` leaves no `/A`); and a name part's value
 * form-encoded in a URL query or a form body is read whole (`?first_name=John+Smith`), as a whole
 * name's is.
 */
import { describe } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { storedLogAttributes } from "../support/redaction";
import { itKeeps, itStores } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const NAME = "[REDACTED:person_name]";
const HOLDER = "[REDACTED:card_holder]";

const redacted = (text: string): string => redactString(text, policy).text;

/** The placeholders of the review, each a value no person holds. */
const PLACEHOLDERS = [
  "Não informado", "Nao Informado", "Not Available", "Not Applicable", "No Name", "Deleted User", "Removed User", "Deleted Account",
  "Ghost User", "Required Field", "Field Required", "Name Required", "Invalid Name", "Guest Checkout", "Required field",
];
/** Person-name keys (a whole name's, a part's, the conventions' login, a person's member) and card holders' keys. */
const KEYS = ["customer_name", "first_name", "user.name", "customer.name", "cardholder", "card_holder", "cardholder_name"];

/** `key` holding `value` in text, quoted text, a JSON body and a URL query, each as a sender writes it. */
function written(key: string, value: string): string[] {
  return [
    `update failed ${key}=${value}`,
    `update failed ${key}="${value}" retry=1`,
    JSON.stringify({ msg: "update failed", [key]: value }),
    `GET /orders?${new URLSearchParams({ [key]: value })}&page=2`,
  ];
}

describe("a placeholder under a person's or a holder's key is kept, in every form", () => {
  itKeeps("%j", redacted, KEYS.flatMap((key) => PLACEHOLDERS.flatMap((value) => written(key, value))));
  itKeeps("%j", redacted, ["charge declined cardholder=Required field", "GET /pay?cardholder=Required+field&amount=10"]);
  for (const key of KEYS) {
    itKeeps(`attribute ${key} = %j`, (value) => storedLogAttributes([{ key, value: { stringValue: value } }], policy).values[key], PLACEHOLDERS);
  }
});

describe("a name a mask or a filler pads still goes, whole", () => {
  itStores("%j", redacted, [
    ["customer_name=John Smith N/A", `customer_name=${NAME}`],
    ["login failed user.name=John Smith N/A retry=1", `login failed user.name=${NAME} retry=1`],
    ["charge declined cardholder=John Smith N/A", `charge declined cardholder=${HOLDER}`],
    ["charge declined cardholder=John Smith N/A. Retry", `charge declined cardholder=${HOLDER}. Retry`],
    ["customer_name=JOHN SMITH XXXX", `customer_name=${NAME}`],
    ['customer_name="Ana Souza ***"', `customer_name="${NAME}"`],
    ['{"first_name":"John Smith N/A"}', `{"first_name":"${NAME}"}`],
    ['{"card_holder":"JOHN SMITH XXXX"}', `{"card_holder":"${HOLDER}"}`],
    // A real name beside a placeholder's word is a name (`Ana Guest`, `Grace Field`); a surname alone too.
    ["customer_name=Ana Guest", `customer_name=${NAME}`],
    ["customer_name=Grace Field", `customer_name=${NAME}`],
    ["last_name=Field", `last_name=${NAME}`],
  ]);
});

describe("a name part's form-encoded value is read whole, up to the next parameter", () => {
  itStores("%j", redacted, [
    ["GET /signup?first_name=John+Smith", `GET /signup?first_name=${NAME}`],
    ["GET /signup?first_name=John+Smith+N/A", `GET /signup?first_name=${NAME}`],
    ["GET /signup?first_name=John+Smith+N%2FA&page=2", `GET /signup?first_name=${NAME}&page=2`],
    ["GET /signup?first_name=JOHN+SMITH+XXXX", `GET /signup?first_name=${NAME}`],
    ["GET /signup?first_name=John+Smith&last_name=Doe", `GET /signup?first_name=${NAME}&last_name=${NAME}`],
    ["first_name=John+Smith&last_name=Doe", `first_name=${NAME}&last_name=${NAME}`],
    ["GET /signup?first_name=John+Smith#form", `GET /signup?first_name=${NAME}#form`],
    ["POST /signup body=first_name=Jos%C3%A9+da+Silva done", `POST /signup body=first_name=${NAME} done`],
    ['{"url":"/signup?last_name=de+la+Cruz"}', `{"url":"/signup?last_name=${NAME}"}`],
    // Punctuation after the value is the line's, not the name's.
    ["signup first_name=Maria+Silva, plan=pro", `signup first_name=${NAME}, plan=pro`],
    ["signup saw first_name=John+Smith.", `signup saw first_name=${NAME}.`],
  ]);
  // A form's answers form-encoded stay: a validator's sentence, a state, a type.
  itKeeps("%j", redacted, [
    "GET /signup?first_name=must+not+be+blank",
    "GET /signup?first_name=Not+Available&page=2",
    "GET /signup?first_name=Required+field",
    "GET /signup?first_name=varchar(255)+x",
  ]);
});
