/**
 * The password phrase's evidence asks its forms holding a blank (`PASSWORD_PHRASE_WORD`) only of a
 * text holding one of `PASSWORD_PHRASE_PIECES`: every match of the regex must hold one, or a phrase
 * would go unsearched.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MoreEvidence, PASSWORD_PHRASE_PIECES, evidenceIn, wordSearches } from "../../workers/ingest/core/redact/evidence";

/** The forms holding a blank, as `wordSearches` lists them (the search whose ways open with `mot de passe`). */
const PHRASE = wordSearches().find((search) => search.pattern.source.startsWith("[Mm]ot[ \\t]+de"))!.pattern;

const holdsPiece = (text: string) => PASSWORD_PHRASE_PIECES.some((piece) => text.includes(piece));

/** One text per way of the regex, in each spelling it allows. */
const EACH_WAY = [
  "mot de passe", "Mot\tde passe", "MOT DE PASSE",
  "pass phrase", "Pass Phrase", "PASS PHRASE",
  "api key", "API KEY", "Secret Key", "SECRET key", "access Key", "ACCESS KEY",
  "PIN for ", "token is ", "Token was ", "TOKEN set to ", "secret is ", "SECRET was ",
  "pass is ", "PASS was ", "pw é ", "Pwd es ", "PW is ", "PWD was ",
  "pwd changed from ", "Pw changed -> x", "PASSWD changed => x", "db_pass set new=x", "smtp_PASS x → y", "dbPass old: x",
  "passwd changed to ", "PASSWD reset TO ",
];

function fixtureTexts(): string[] {
  return ["true-positives.json", "look-alikes.json"].flatMap((file) => {
    const corpus = JSON.parse(readFileSync(new URL(`../fixtures/pii/${file}`, import.meta.url), "utf8")) as { cases: { text: string }[] };
    return corpus.cases.map((entry) => entry.text);
  });
}

describe("the password phrase's pieces: what every match of its forms holding a blank holds", () => {
  it("are held by a match of each way of the regex, in each spelling", () => {
    for (const text of EACH_WAY) {
      expect(PHRASE.test(text), text).toBe(true);
      expect(holdsPiece(text), text).toBe(true);
    }
  });

  it("are held by every corpus text the regex matches, in its own case, upper and lower case", () => {
    const texts = fixtureTexts().flatMap((text) => [text, text.toUpperCase(), text.toLowerCase()]);
    const matched = texts.filter((text) => PHRASE.test(text));
    expect(matched.length).toBeGreaterThan(100);
    for (const text of matched) expect(holdsPiece(text), text).toBe(true);
  });

  it("leave a request line or a user agent without the evidence, and a phrase with it", () => {
    const more = new Int32Array(1);
    for (const text of ["GET /api/users/52745/orders 200", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15"]) {
      evidenceIn(text, false, more);
      expect(more[0]! & MoreEvidence.PASSWORD_PHRASE, text).toBe(0);
    }
    for (const text of ["the api key for 52745 is below", "pwd changed from a to b"]) {
      evidenceIn(text, false, more);
      expect(more[0]! & MoreEvidence.PASSWORD_PHRASE, text).not.toBe(0);
    }
  });
});
