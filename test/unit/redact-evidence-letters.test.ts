import { describe, expect, it } from "vitest";
import { Evidence, MoreEvidence, evidenceIn, needsOfPatterns } from "../../workers/ingest/core/redact/evidence";

/**
 * The letters of each alternative `needsOfPatterns` gives, as lower-case words (`∅` for none), a
 * `+` after them when the alternative also needs a class of characters (punctuation, a blank) or
 * a character past ASCII.
 */
function lettersNeeded(...patterns: RegExp[]): string[] {
  const needs = needsOfPatterns(...patterns);
  const words: string[] = [];
  for (let i = 0; i < needs.length; i += 2) {
    let word = "";
    for (let bit = 0; bit < 26; bit++) if ((needs[i + 1]! & (1 << bit)) !== 0) word += String.fromCharCode(97 + bit);
    const more = needs[i] !== 0 || needs[i + 1]! >>> 26 !== 0;
    words.push((word === "" ? "∅" : word) + (more ? "+" : ""));
  }
  return words;
}

describe("needsOfPatterns: the letters every match of an alternative holds", () => {
  it("reads the letters outside classes, not optional ones or escapes", () => {
    expect(lettersNeeded(/holder|titular|on[ _.-]?(?:card|debit)/i)).toEqual(["dehlor", "ailrtu", "acdnor", "bdeinot"]);
    expect(lettersNeeded(/line_?[12]|ship_?to/)).toEqual(["eiln", "hiopst"]);
    expect(lettersNeeded(/ab?c*d{0,2}e{1}f+?/)).toEqual(["aef"]);
    expect(lettersNeeded(/x\u0041y|p\x42q|(?<n>a)\k<n>z|\bw\d/)).toEqual(["xy", "pq", "az", "w"]);
    expect(lettersNeeded(/[Ww]here|WHERE/)).toEqual(["ehrw"]);
  });

  it("keeps only the alternatives whose letters hold no other's", () => {
    expect(lettersNeeded(/street|stra(?:ss|ß)e|addr|adress/i)).toEqual(["erst", "adr"]);
    expect(lettersNeeded(/name/, /process[ ._-]?owner|[Nn]ame/)).toEqual(["aemn", "cenoprsw"]);
  });

  it("needs nothing of a pattern with the u or v flag, whose case folding maps letters past ASCII to ASCII ones", () => {
    expect(lettersNeeded(/kelvin/iu)).toEqual(["∅"]);
  });

  it("multiplies a group's alternatives out into the letters around it", () => {
    expect(lettersNeeded(/(?:a|b)c/)).toEqual(["ac", "bc"]);
    expect(lettersNeeded(/(?:a|b)/)).toEqual(["a", "b"]);
    expect(lettersNeeded(/x(?:a(?:p|q)|b)y/)).toEqual(["apxy", "aqxy", "bxy"]);
    // An optional group needs nothing; a repeated one its letters.
    expect(lettersNeeded(/(?:ab|cd)?x(?:ef)+/)).toEqual(["efx"]);
  });

  it("needs nothing of a lookaround, and reads a class of one letter's two cases as that letter", () => {
    expect(lettersNeeded(/(?<![A-Za-z])(?:[Ss]id|SID)(?![A-Za-z])/)).toEqual(["dis"]);
    expect(lettersNeeded(/(?=abc)d|(?<=e)f|(?!g)h|(?<!i)j/)).toEqual(["d", "f", "h", "j"]);
    expect(lettersNeeded(/[Pp]in|[Xy]z|[AB]c/)).toEqual(["inp", "z", "c"]);
  });

  it("reads punctuation and blanks by their classes, and a character past ASCII only where it has no other case", () => {
    expect(lettersNeeded(/%3[Dd]/)).toEqual(["d+"]);
    expect(lettersNeeded(/n[ée]e? le/)).toEqual(["eln+"]);
    // `生年月日`: its characters' low eight bits (`年` reads as `t`) and a character past Latin-1.
    expect(lettersNeeded(/生年月日/i)).toEqual(["t+"]);
    // `ñ` matches `Ñ` under `i`, whose low eight bits differ: nothing needed of it.
    expect(lettersNeeded(/añ/i)).toEqual(["a"]);
  });

  it("keeps what every way through a group needs when the ways are too many to list", () => {
    const letters = "abcdefghijklmnopqrstuvwxyz".split("");
    // 26 × 26 ways through two groups of single letters, each with `z` after it.
    const pattern = new RegExp(`(?:${letters.join("|")})(?:${letters.join("|")})qz`);
    expect(lettersNeeded(pattern)).toEqual(["qz"]);
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

  it("finds the facts of the words read past a group, a lookaround, a class of two cases and characters past ASCII", () => {
    const cases: [string, number][] = [
      ["redirect=%3Dabc", MoreEvidence.PASSWORD_PHRASE],
      ["the PASSPHRASE was wrong", MoreEvidence.PASSWORD_PHRASE],
      ["API key sk_live_00000000000000 rotated", MoreEvidence.PASSWORD_PHRASE],
      ["token for alice is ready", MoreEvidence.PASSWORD_PHRASE],
      ["sid 123abcdef", MoreEvidence.SESSION_ID_PHRASE],
      ["sesión 12345", MoreEvidence.SESSION_ID_PHRASE],
      ["生年月日 1990-01-01", MoreEvidence.PERSONAL_DOCUMENT],
      ["PASSPORT 123456789", MoreEvidence.PERSONAL_DOCUMENT],
      ["née le 01/02/1990", MoreEvidence.PERSONAL_DOCUMENT],
      ["Sehr geehrte Frau Müller", MoreEvidence.GREETING],
      ["Good Morning Ana", MoreEvidence.GREETING],
      ["shipped to 12 Main St today", MoreEvidence.STREET_ADDRESS],
      ["DNI 12345678Z", MoreEvidence.NATIONAL_ID],
      ["Führerschein B072RRE2", MoreEvidence.NATIONAL_ID],
      ["PAN ABCPD1234E", MoreEvidence.NATIONAL_ID],
      ["see /password/reset/abc", MoreEvidence.URL_PATH_TOKEN],
      ["your SECRET is abcdefghijklmnopqrstu", MoreEvidence.KEY_PHRASE],
    ];
    for (const [text, fact] of cases) {
      const more = new Int32Array(1);
      evidenceIn(text, false, more);
      expect(more[0]! & fact, text).toBe(fact);
    }
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
