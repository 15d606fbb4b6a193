import { describe, expect, it } from "vitest";
import { CARD_HOLDER_WORD, HOLDER_BEFORE_NAME } from "../../workers/ingest/core/redact/card-holder-names";
import { Evidence, MoreEvidence, NAMED_VALUE_HINT, evidenceIn, needsOfPatterns } from "../../workers/ingest/core/redact/evidence";
import { wordKeysIn, wordKeysOf } from "../../workers/ingest/core/redact/word-keys";

/** The letters of each alternative `needsOfPatterns` gives, as lower-case words (`∅` for none). */
function lettersNeeded(...patterns: RegExp[]): string[] {
  const needs = needsOfPatterns(...patterns);
  const words: string[] = [];
  for (let i = 0; i < needs.length; i += 2) {
    expect(needs[i]).toBe(0);
    let word = "";
    for (let bit = 0; bit < 26; bit++) if ((needs[i + 1]! & (1 << bit)) !== 0) word += String.fromCharCode(97 + bit);
    words.push(word === "" ? "∅" : word);
  }
  return words;
}

describe("needsOfPatterns: the letters every match of an alternative holds", () => {
  it("reads the letters outside groups and classes, not optional ones or escapes", () => {
    expect(lettersNeeded(/holder|titular|on[ _.-]?(?:card|debit)/i)).toEqual(["dehlor", "ailrtu", "no"]);
    expect(lettersNeeded(/line_?[12]|ship_?to/)).toEqual(["eiln", "hiopst"]);
    expect(lettersNeeded(/ab?c*d{0,2}e{1}f+?/)).toEqual(["aef"]);
    expect(lettersNeeded(/x\u0041y|p\x42q|(?<n>a)\k<n>z|\bw\d/)).toEqual(["xy", "pq", "z", "w"]);
    expect(lettersNeeded(/[Ww]here|WHERE/)).toEqual(["ehr"]);
  });

  it("keeps only the alternatives whose letters hold no other's", () => {
    expect(lettersNeeded(/street|stra(?:ss|ß)e|addr|adress/i)).toEqual(["erst", "adr"]);
    expect(lettersNeeded(/name/, /process[ ._-]?owner|[Nn]ame/)).toEqual(["cenoprsw", "aem"]);
  });

  it("needs nothing of a pattern with the u or v flag, whose case folding maps letters past ASCII to ASCII ones", () => {
    expect(lettersNeeded(/kelvin/iu)).toEqual(["∅"]);
    expect(lettersNeeded(/(?:a|b)c/)).toEqual(["c"]);
    expect(lettersNeeded(/(?:a|b)/)).toEqual(["∅"]);
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

  it("reads a holder's or person field's words by the word pass, their two-letter and one-character ways by their other characters", () => {
    const holderOrPerson = (text: string) => (evidenceIn(text) & Evidence.CARD_HOLDER_FIELD) !== 0;
    expect(holderOrPerson("cardholder: Ana")).toBe(true);
    expect(holderOrPerson("customer_full_name=Ana")).toBe(true);
    expect(holderOrPerson("created-by Ana")).toBe(true);
    // A party's word of two letters needs its `:` or `=`; `prénom` may be spelt with any character for `é`.
    expect(holderOrPerson("cc: ana@example.com")).toBe(true);
    expect(holderOrPerson('"to"=x')).toBe(true);
    expect(holderOrPerson("cc-ana")).toBe(false);
    expect(holderOrPerson("pr3nom-Ana")).toBe(true);
    expect(holderOrPerson("PRÉNOM-Ana")).toBe(true);
    // Before a blank, the holder's words in any case, `ſ` folding to `s` as `HOLDER_BEFORE_NAME`'s `u` flag reads it.
    expect(holderOrPerson("Kontoinhaber Jan")).toBe(true);
    expect(holderOrPerson("Poſiadacz Jan")).toBe(true);
    expect(holderOrPerson("Posiada Jan")).toBe(false);
    // Ray ids, UUIDs and routes hold none of their words.
    expect(holderOrPerson("91a41f11d024b546-EWR")).toBe(false);
    expect(holderOrPerson("550e8400-e29b-41d4-a716-446655440000")).toBe(false);
    expect(holderOrPerson("GET /api/products/12345 200")).toBe(false);
  });

  it("gates the holder's words before a blank by the holder's word keys: each of them sets `CARD_HOLDER_WORD`'s keys", () => {
    // The leading group's top-level alternatives, each read up to its first group or class.
    const source = HOLDER_BEFORE_NAME.source;
    const words: string[] = [];
    let depth = 0;
    let word = "";
    for (let i = source.indexOf("(?:") + 3; depth >= 0; i++) {
      const character = source[i]!;
      if (character === "(") depth++;
      else if (character === ")") depth--;
      if (depth === 0 && character === "|") {
        words.push(word.split(/[([]/)[0]!);
        word = "";
      } else if (depth >= 0) word += character;
    }
    words.push(word.split(/[([]/)[0]!);
    expect(words).toContain("posiadacz");
    const keys = wordKeysOf([{ bit: 1, pattern: CARD_HOLDER_WORD }]);
    for (const word of words) expect(wordKeysIn(word.toUpperCase(), keys), word).toBe(1);
  });

  it("still finds what a text of word characters alone can hold", () => {
    expect(evidenceIn("09c8633e25d24ee4866daf583e89c3cb")).toBe(0);
    expect(evidenceIn("123456")).toBe(0);
    expect(evidenceIn("52998224725") & Evidence.CPF_DIGITS).toBe(Evidence.CPF_DIGITS);
    expect(evidenceIn("DE89370400440532013000") & Evidence.IBAN).toBe(Evidence.IBAN);
    expect(evidenceIn("AKIAIOSFODNN7EXAMPLE") & Evidence.KNOWN_TOKEN).toBe(Evidence.KNOWN_TOKEN);
  });

  it("finds a known prefix holding a dot or an S in a text without `-`, `_`, `A`, seven digits or three dots", () => {
    expect(evidenceIn("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") & Evidence.KNOWN_TOKEN).toBe(Evidence.KNOWN_TOKEN);
    expect(evidenceIn("SKcdeffedcfedcfedcfedcfedcfedcfedc") & Evidence.KNOWN_TOKEN).toBe(Evidence.KNOWN_TOKEN);
    expect(evidenceIn("Sessions of example.com ended") & Evidence.KNOWN_TOKEN).toBe(0);
  });

  it("reads a character past Latin-1 as no word character, whatever its low eight bits read as", () => {
    // U+0430 (Cyrillic `а`) reads as `0` in the class table; before a code it is no word character.
    expect(evidenceIn("PIN\u0430123456") & Evidence.CODE_PHRASE).toBe(Evidence.CODE_PHRASE);
    expect(evidenceIn("PIN0123456") & Evidence.CODE_PHRASE).toBe(0);
  });
});

describe("evidenceIn: facts only where their detector can find something", () => {
  /** The `MoreEvidence` facts of `text`. */
  const moreOf = (text: string): number => {
    const more = new Int32Array(1);
    evidenceIn(text, false, more);
    return more[0]!;
  };

  it("shows a home directory's parent as the detector reads it, not a route's `users`", () => {
    for (const text of ["/home/jdoe/app.js", "/Users/jdoe", "C:\\USERS\\jdoe\\x", "c:/users/jdoe/x", "/mnt/c/users/jdoe/x", '{"p":"c:\\\\users\\\\jdoe"}', "~jdoe/.bashrc"]) {
      expect(moreOf(text) & MoreEvidence.HOME_DIRECTORY, text).toBe(MoreEvidence.HOME_DIRECTORY);
    }
    expect(moreOf("/api/users/52745/orders") & MoreEvidence.HOME_DIRECTORY).toBe(0);
    expect(moreOf("GET /v1/USERS/42") & MoreEvidence.HOME_DIRECTORY).toBe(0);
    // The gate before the search: a text with none of the words' letters is searched only for a `~`.
    for (const text of ["~x/", "/~ana", "/Settings/", "/SETTINGS/", "\\home\\"]) expect(moreOf(text) & MoreEvidence.HOME_DIRECTORY, text).toBe(MoreEvidence.HOME_DIRECTORY);
    expect(moreOf("/api/products/98167") & MoreEvidence.HOME_DIRECTORY).toBe(0);
  });

  it("shows a national id's name only before a digit, where its number can follow", () => {
    expect(moreOf("DNI 12345678Z") & MoreEvidence.NATIONAL_ID).toBe(MoreEvidence.NATIONAL_ID);
    expect(moreOf("SIN: 046 454 286") & MoreEvidence.NATIONAL_ID).toBe(MoreEvidence.NATIONAL_ID);
    // A Ray ID from Singapore's colo: `SIN` ends the text.
    expect(moreOf("91a41f11d024b546-SIN") & MoreEvidence.NATIONAL_ID).toBe(0);
    expect(moreOf("order 482193 for Dni") & MoreEvidence.NATIONAL_ID).toBe(0);
  });

  it("shows the word facts wherever their words stand: after punctuation, between blanks, in CJK", () => {
    // An encoded `=` is the password phrase's; a hex id holding a `d` is none.
    expect(moreOf("token%3Dabc123") & MoreEvidence.PASSWORD_PHRASE).toBe(MoreEvidence.PASSWORD_PHRASE);
    expect(moreOf("8a905f1b15af6d03") & MoreEvidence.PASSWORD_PHRASE).toBe(0);
    expect(moreOf("my pw is hunter2 ok") & MoreEvidence.PASSWORD_PHRASE).toBe(MoreEvidence.PASSWORD_PHRASE);
    expect(moreOf("token for 12345 ok") & MoreEvidence.PASSWORD_PHRASE).toBe(MoreEvidence.PASSWORD_PHRASE);
    // CJK words, whatever their characters' low eight bits read as in the first loop.
    expect(moreOf("生年月日: 1990年01月01日") & MoreEvidence.PERSONAL_DOCUMENT).toBe(MoreEvidence.PERSONAL_DOCUMENT);
    expect(moreOf("田中様 12345") & MoreEvidence.GREETING).toBe(MoreEvidence.GREETING);
    expect(moreOf("Good Morning Ana 12") & MoreEvidence.GREETING).toBe(MoreEvidence.GREETING);
    expect(moreOf("sid=42") & MoreEvidence.SESSION_ID_PHRASE).toBe(MoreEvidence.SESSION_ID_PHRASE);
    expect(moreOf("shipped to 12 Main St today") & MoreEvidence.STREET_ADDRESS).toBe(MoreEvidence.STREET_ADDRESS);
    expect(moreOf("login failed for user Maria Gonzalez") & MoreEvidence.NAME_INTRODUCER).toBe(MoreEvidence.NAME_INTRODUCER);
    expect(moreOf("CN=John Smith,OU=Sales") & MoreEvidence.NAME_INTRODUCER).toBe(MoreEvidence.NAME_INTRODUCER);
    // Through the word pass (`word-keys.ts`): a word after a non-ASCII letter, ways that start no word.
    expect(moreOf("sessão 8f3a2c") & MoreEvidence.SESSION_ID_PHRASE).toBe(MoreEvidence.SESSION_ID_PHRASE);
    expect(moreOf("NINO: AB123456C") & MoreEvidence.NATIONAL_ID).toBe(MoreEvidence.NATIONAL_ID);
    expect(moreOf("d.o.b. 12/03/1980") & MoreEvidence.PERSONAL_DOCUMENT).toBe(MoreEvidence.PERSONAL_DOCUMENT);
    expect(moreOf("GET /api/orders/12345 200") & (MoreEvidence.GREETING | MoreEvidence.PASSWORD_PHRASE | MoreEvidence.NATIONAL_ID)).toBe(0);
  });

  it("shows a national id's name before its number, and the unnamed shapes without one", () => {
    expect(moreOf("Führerschein B072 1234") & MoreEvidence.NATIONAL_ID).toBe(MoreEvidence.NATIONAL_ID);
    expect(moreOf("codice fiscale RSSMRA85T10A562S") & MoreEvidence.NATIONAL_ID).toBe(MoreEvidence.NATIONAL_ID);
    // No name's letters, but a CURP's and a codice fiscale's shapes (upper-case hex can be the latter's start).
    expect(moreOf("GODE561231HDFRRL09") & MoreEvidence.NATIONAL_ID).toBe(MoreEvidence.NATIONAL_ID);
    expect(moreOf("ABCDEF12A3456") & MoreEvidence.NATIONAL_ID).toBe(MoreEvidence.NATIONAL_ID);
    expect(moreOf("8a905f1b15af6003") & MoreEvidence.NATIONAL_ID).toBe(0);
    // The shapes are in capitals: a text with no letter from `A` to `Z` is not searched for them, one with one anywhere is.
    expect(moreOf("id gode561231hdfrrl09") & MoreEvidence.NATIONAL_ID).toBe(0);
    expect(moreOf("x/GODE561231HDFRRL09/y") & MoreEvidence.NATIONAL_ID).toBe(MoreEvidence.NATIONAL_ID);
  });

  it("shows a national id's name read at a word's start, past an accent, or a camel-case key's id card", () => {
    for (const text of [
      "FÜHRERSCHEIN 123456",
      "cédula 1234567890",
      "numéro de sécurité sociale 1 85 05 78 006 084 36",
      "customerIdCard=T22000129 1",
      "holderId_Card: T22000129 1",
      "user.national_id=12345678Z",
      "ID Nº 123456789",
      "x_dni=12345678Z",
    ]) {
      expect(moreOf(text) & MoreEvidence.NATIONAL_ID, text).toBe(MoreEvidence.NATIONAL_ID);
    }
    // No name starts a word (hex ids, request lines, a name inside a word): the names' search does not run.
    for (const text of ["4bf92f3577b34da6a3ce929d0e0e4736", "GET /api/products/65274 304", "omni 123456 span", "a1c2ed3f 123456"]) {
      expect(moreOf(text) & MoreEvidence.NATIONAL_ID, text).toBe(0);
    }
  });

  it("shows a named value's forms: a `[` for the bracketed ones, `input` for the others", () => {
    // The gate before the search: every way of the regex opens with `[` or holds `input`.
    for (const way of NAMED_VALUE_HINT.source.split("|")) expect(way.startsWith("\\[") || way.includes("input"), way).toBe(true);
    for (const text of ['[["email", "ana@example.com"]]', "[Parameters=[@p0='ana@example.com']", "input_value='ana@example.com'", '{"input": "ana@example.com"}']) {
      expect(moreOf(text) & MoreEvidence.NAMED_VALUE, text).toBe(MoreEvidence.NAMED_VALUE);
    }
    expect(moreOf("GET /api/users/52745/orders 200") & MoreEvidence.NAMED_VALUE).toBe(0);
  });
});
