import { describe, expect, it } from "vitest";
import { Evidence, MoreEvidence, evidenceIn, needsOfPatterns, showsNeeds } from "../../workers/ingest/core/redact/evidence";

describe("needsOfPatterns: what every match of a pattern needs", () => {
  it("needs nothing of a pattern with the u or v flag, whose case folding maps letters past ASCII to ASCII ones", () => {
    expect(showsNeeds("", needsOfPatterns(/kelvin/iu))).toBe(true);
    expect(showsNeeds("", needsOfPatterns(/kelvin/v))).toBe(true);
    expect(showsNeeds("", needsOfPatterns(/kelvin/i))).toBe(false);
    expect(showsNeeds("", needsOfPatterns(/kelvin|x?/i))).toBe(true);
  });

  it("needs a letter in either case under the i flag, a capital as such without it", () => {
    expect(showsNeeds("KEY", needsOfPatterns(/key/i))).toBe(true);
    expect(showsNeeds("key", needsOfPatterns(/KEY/i))).toBe(true);
    expect(showsNeeds("key", needsOfPatterns(/[A-Z]{3}/))).toBe(false);
    expect(showsNeeds("kEy", needsOfPatterns(/[A-Z]/))).toBe(true);
    expect(showsNeeds("key", needsOfPatterns(/[A-Z]/i))).toBe(true);
  });
});

describe("evidenceIn: the letters and word characters read in the first loop", () => {
  it("finds the word searches' facts in any case and in texts holding their letters", () => {
    expect(evidenceIn("card_holder=Ana Silva") & Evidence.CARD_HOLDER_FIELD).toBe(Evidence.CARD_HOLDER_FIELD);
    expect(evidenceIn("CUSTOMER_NAME: Ana Silva") & Evidence.CARD_HOLDER_FIELD).toBe(Evidence.CARD_HOLDER_FIELD);
    expect(evidenceIn("AUTH hunter2") & Evidence.REDIS_COMMAND).toBe(Evidence.REDIS_COMMAND);
    expect(evidenceIn("Authorization: BEARER abc.def") & Evidence.BEARER).toBe(Evidence.BEARER);
    expect(evidenceIn("UPDATE users SET password = 'x' WHERE id = 1") & Evidence.SQL_STATEMENT).toBe(Evidence.SQL_STATEMENT);
    const more = new Int32Array(1);
    evidenceIn("Shipping_Address: 12 Main St", false, more);
    expect(more[0]).toBe(MoreEvidence.STREET_ADDRESS);
  });

  it("shows no fact for a URL or a ray id, whose separators call for the word searches", () => {
    const more = new Int32Array(1);
    // `=`, `:` and `-` are there, but no `holder`, `titular`, `on`, `name`, `owner`, street word or `WHERE`.
    expect(evidenceIn("https://shop.example.com/api/cart?page=6", false, more)).toBe(0);
    expect(more[0]).toBe(0);
    expect(evidenceIn("a5ca50522260d5a6-GIG")).toBe(0);
  });

  it("still finds what a text of word characters alone can hold", () => {
    expect(evidenceIn("09c8633e25d24ee4866daf583e89c3cb")).toBe(0);
    expect(evidenceIn("123456")).toBe(0);
    expect(evidenceIn("52998224725") & Evidence.CPF_DIGITS).toBe(Evidence.CPF_DIGITS);
    expect(evidenceIn("DE89370400440532013000") & Evidence.IBAN).toBe(Evidence.IBAN);
    expect(evidenceIn("AKIAIOSFODNN7EXAMPLE") & Evidence.KNOWN_TOKEN).toBe(Evidence.KNOWN_TOKEN);
  });

  it("reads a character past Latin-1 as no word character, whatever its low eight bits read as", () => {
    // U+0430 (Cyrillic `а`) reads as `0` in the class table; before a code it is no word character.
    expect(evidenceIn("PIN\u0430123456") & Evidence.CODE_PHRASE).toBe(Evidence.CODE_PHRASE);
    expect(evidenceIn("PIN0123456") & Evidence.CODE_PHRASE).toBe(0);
  });
});
