/**
 * `anyWord(words)` matches exactly the words of `words`: each of them, and no prefix, extension or
 * other casing of one; and the password sentences' clause-word check written with it holds
 * where the list of alternatives held.
 */
import { describe, expect, it } from "vitest";
import { anyWord } from "../../workers/ingest/core/redact/regex-word-set";
import { whosePhrase } from "../../workers/ingest/core/redact/password-sentences";

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
