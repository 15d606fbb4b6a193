/**
 * `anyWord(words)` matches exactly the words of `words`: each of them, and no prefix, extension or
 * other casing of one; `anyWord(words, true)` exactly what the words written `caseless` match;
 * and the password sentences' clause-word check written with it holds where the list of
 * alternatives held, as a date of birth's month names do.
 */
import { describe, expect, it } from "vitest";
import { anyWord } from "../../workers/ingest/core/redact/regex-word-set";
import { whosePhrase } from "../../workers/ingest/core/redact/password-sentences";
import { caseless } from "../../workers/ingest/core/redact/detectors/detector";
import { redactString } from "../../workers/ingest/core/redact/redact-string";
import { defaultRedactionPolicy } from "../../workers/ingest/core/redact/policy";

describe("anyWord", () => {
  const words = ["and", "And", "AND", "or", "oraz", "Oraz", "ORAZ", "e", "E", "es", "est", "et", "było", "bylo", "ÉTAIT", "é", "a.b", "x-y", "[z]"];
  const whole = new RegExp(`^${anyWord(words)}$`);
  it("matches each word", () => {
    for (const word of words) expect(whole.test(word), word).toBe(true);
  });
  it("matches nothing else", () => {
    const others = ["", "an", "ands", "aNd", "o", "ora", "orazz", "oRAZ", "ess", "ESt", "byo", "bło", "axb", "x_y", "z", "[", "É"];
    for (const other of others) expect(whole.test(other), other).toBe(false);
  });
});

describe("a whose-phrase with its clause words as one tree", () => {
  it("stops where it stopped at each clause word", () => {
    const phrase = new RegExp(`^${whosePhrase(["für", "for"])}`);
    const texts = ["für anna ist", " für anna ist x", " für Benutzer anna und host", " for bob was reset and host", " for bob AND x", " for bob And x", " for bob aNd x", " for bob andy x", " for est", " for e x", " for oraz", " for É x"];
    const expected = ["", " für anna", " für Benutzer anna", " for bob", " for bob", " for bob", " for bob aNd x", " for bob andy x", " for est", "", " for oraz", ""];
    expect(texts.map((text) => phrase.exec(text)?.[0] ?? "")).toEqual(expected);
  });
});

describe("anyWord, caseless", () => {
  const words = ["march", "marco", "março", "mar", "märz", "mars", "août", "aout", "mañana"];
  const tree = new RegExp(`^${anyWord(words, true)}$`);
  const list = new RegExp(`^(?:${words.map(caseless).join("|")})$`);
  it("matches what the words written caseless match, and nothing else", () => {
    const texts = [...words, "MARCH", "MaRcO", "MARçO", "MARÇO", "MÄRZ", "mÄrz", "AOûT", "AOÛT", "AoUt", "MAÑANA", "Mañana", "ma", "marc", "marchs", "mar.", "", "aou"];
    for (const text of texts) expect(tree.test(text), text).toBe(list.test(text));
  });
});

describe("a date of birth with its month's name", () => {
  it("is read with the month's whole name in any case, never a shorter one", () => {
    const policy = defaultRedactionPolicy();
    const texts = ["dob: 12 March 1990", "dob: 12-mar-1990", "dob: 12 Março 1990", "dob: Sept. 12, 1990", "dob: 12 de abril de 1990", "dob: 1 Août 1990", "dob: 12 Marc 1990", "dob: 12 Marchy 1990"];
    const expected = ["dob: [REDACTED:birth_date]", "dob: [REDACTED:birth_date]", "dob: [REDACTED:birth_date]", "dob: [REDACTED:birth_date]", "dob: [REDACTED:birth_date]", "dob: [REDACTED:birth_date]", "dob: 12 Marc 1990", "dob: 12 Marchy 1990"];
    expect(texts.map((text) => redactString(text, policy).text)).toEqual(expected);
  });
});
