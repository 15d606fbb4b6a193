/**
 * The German identity card's number in lower case judged by its check digit in every form (text,
 * JSON, attribute, URL query); a note saying no name after a name in a URL query kept beside the
 * marker, percent-encoded as it came. Each in the forms it applies to. (A callback note's point in
 * time before its number, `um 14 Uhr`, `at 5pm`, is in redact-callback-windows-id-cards.test.ts.)
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { redactedLogBody, storedLogAttribute, storedLogAttributes } from "../support/redaction";
import { itKeepsUncounted, itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const redacted = (text: string) => redactString(text, policy);
const ID = "[REDACTED:national_id]";
const NAME = "[REDACTED:person_name]";

describe("the German card's number in lower case: its check digit decides in every form", () => {
  const KEYS = ["idCard", "id_card", "ausweisnummer"];
  it.each(KEYS.map((key) => [key]))("keeps t220001294 (check digit fails) under %s in text, JSON, an attribute and a query", (key) => {
    for (const text of [`${key}=t220001294`, `{"${key}":"t220001294"}`, `GET /kyc?${key}=t220001294&step=2 200`]) {
      expect(redacted(text)).toEqual({ text, counts: {} });
    }
    expect(storedLogAttribute(key, { stringValue: "t220001294" })).toEqual({ stringValue: "t220001294" });
    expect(storedLogAttribute("url.query", { stringValue: `${key}=t220001294&step=2` })).toEqual({ stringValue: `${key}=t220001294&step=2` });
  });
  it.each(KEYS.map((key) => [key]))("redacts t220001293 (check digit holds) under %s in text, JSON, an attribute and a query", (key) => {
    expect(redacted(`${key}=t220001293`)).toEqual({ text: `${key}=${ID}`, counts: { national_id: 1 } });
    expect(redacted(`{"${key}":"t220001293"}`)).toEqual({ text: `{"${key}":"${ID}"}`, counts: { national_id: 1 } });
    expect(redacted(`GET /kyc?${key}=t220001293&step=2 200`)).toEqual({ text: `GET /kyc?${key}=${ID}&step=2 200`, counts: { national_id: 1 } });
    expect(storedLogAttribute(key, { stringValue: "t220001293" })).toEqual({ stringValue: ID });
  });

  // A hex-looking value in the card's alphabet (no vowel, no B, D, Q, S) under the card's key is
  // read as the card's number.
  itStoresCounting("redacts %j", redacted, { national_id: 1 }, [
    ["idCard=c0ff33123", `idCard=${ID}`],
    ['{"idCard":"c0ff33123"}', `{"idCard":"${ID}"}`],
    ["GET /kyc?idCard=c0ff33123 200", `GET /kyc?idCard=${ID} 200`],
  ]);
  // One with a hex letter outside it is a hash or a generated id, kept in every form (redact-scheme-words-national-look-alikes.test.ts).
  itKeepsUncounted("keeps the lower-case hex id %j", redacted, ["idCard=c0ffee123", "idCard=5f1a2b3c4d5e6f7a8b9c0d1e"]);
  it("redacts the hex-looking value in the card's alphabet as an attribute", () => {
    expect(storedLogAttribute("idCard", { stringValue: "c0ff33123" })).toEqual({ stringValue: ID });
  });
});

describe("a note saying no name after a name in a URL query stays, percent-encoded as it came", () => {
  itStoresCounting("%j", redacted, { person_name: 1 }, [
    ["GET /customers?customer_name=John%20Smith%20%5Bdeleted%5D 200", `GET /customers?customer_name=${NAME}%20%5Bdeleted%5D 200`],
    ["GET /customers?customer_name=John%20Smith%20(Deleted%20User)&page=2 200", `GET /customers?customer_name=${NAME}%20(Deleted%20User)&page=2 200`],
    ["GET /customers?customer_name=John%20Smith%20-%20N%2FA 200", `GET /customers?customer_name=${NAME}%20-%20N%2FA 200`],
    ["GET /customers?customer_name=John+Smith+-+N%2FA&page=2 200", `GET /customers?customer_name=${NAME}+-+N%2FA&page=2 200`],
    ["GET /customers?customer_name=John+Smith+%5Bdeleted%5D 200", `GET /customers?customer_name=${NAME}+%5Bdeleted%5D 200`],
    ["GET /customers?customer_name=Ana%20Souza%20(N%C3%A3o%20informado) 200", `GET /customers?customer_name=${NAME}%20(N%C3%A3o%20informado) 200`],
    ["GET /users?name=John%20Smith%20%5Bdeleted%5D 200", `GET /users?name=${NAME}%20%5Bdeleted%5D 200`],
    ["GET /users?name=John%20Smith%20(Deleted%20User) 200", `GET /users?name=${NAME}%20(Deleted%20User) 200`],
    ["GET /users?name=John%20Smith%20-%20N%2FA 200", `GET /users?name=${NAME}%20-%20N%2FA 200`],
  ]);
  // The text form keeps the same note beside the same marker.
  itStoresCounting("%j", redacted, { person_name: 1 }, [
    ["customer_name=John Smith [deleted]", `customer_name=${NAME} [deleted]`],
    ["customer_name=John Smith (Deleted User)", `customer_name=${NAME} (Deleted User)`],
    ["customer_name=John Smith - N/A", `customer_name=${NAME} - N/A`],
  ]);
  it("keeps the note in a record's url.query under a people path and in its url.full", () => {
    const query = "name=John%20Smith%20%5Bdeleted%5D&page=2";
    const stored = storedLogAttributes([
      { key: "url.full", value: { stringValue: `https://shop.example.com/users?${query}` } },
      { key: "url.path", value: { stringValue: "/users" } },
      { key: "url.query", value: { stringValue: query } },
    ]).values;
    expect(stored["url.full"]).toBe(`https://shop.example.com/users?name=${NAME}%20%5Bdeleted%5D&page=2`);
    expect(stored["url.query"]).toBe(`name=${NAME}%20%5Bdeleted%5D&page=2`);
  });
  // A note that is no placeholder's is not split off: the value is judged whole.
  itKeepsUncounted("keeps %j", redacted, ["GET /customers?customer_name=Acme%20Corp%20%5Bdeleted%5D 200"]);
});
