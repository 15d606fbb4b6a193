/**
 * Words whose letters past ASCII were lost to decoding: text written in Latin-1 and sent as UTF-8
 * holds U+FFFD for each of them (`Passwort ge\uFFFDndert f\uFFFDr M\uFFFDller`). Such a word is
 * damaged prose, not a password: it is judged as the word it was, so a state's or a change's
 * word stays, and a value that is a password with its letters back still goes.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { damagedSpelling, withLostLetters } from "../../workers/ingest/core/redact/lost-letters";
import { expectUnchanged } from "../support/redaction";
import { itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const PARAM = "[REDACTED:secret_param]";
const LOST = "\ufffd";

describe("a state's or a change's word damaged by decoding", () => {
  it.each([
    `Passwort ge${LOST}ndert f${LOST}r M${LOST}ller`,
    `Passwort zur${LOST}ckgesetzt`,
    `Kennwort ge${LOST}ndert`,
    `PASSWORT GE${LOST}NDERT`,
    `Passwort ge${LOST}ndert!`,
    `Passwort ge${LOST}${LOST}ndert`,
    `mot de passe modifi${LOST}`,
    `mot de passe oubli${LOST}`,
    `password cambi${LOST} for user`,
    `senha alterad${LOST}`,
    `Passwort ist ge${LOST}ndert`,
    `password is ge${LOST}ndert`,
    `Passwort: ge${LOST}ndert`,
    `Passwort: ung${LOST}ltig`,
    `Kennwort: zur${LOST}ckgesetzt`,
    `Passwort=ge${LOST}ndert`,
    `mot de passe : modifi${LOST}`,
    `mot de passe : r${LOST}initialis${LOST}`,
    `Passwort "ge${LOST}ndert"`,
    `Passwort ${LOST}ge${LOST}ndert${LOST}`,
    `Passwort Gr${LOST}nkohl!`,
  ])("keeps %j", (text) => {
    expectUnchanged(text);
  });
});

describe("a password holding a damaged letter", () => {
  itStoresCounting("%j", (text) => redactString(text, policy), { secret_param: 1 }, [
    [`Passwort: Gr${LOST}n123!`, `Passwort: ${PARAM}`],
    [`Passwort Gr${LOST}n123!`, `Passwort ${PARAM}`],
    [`Passwort ist Gr${LOST}n123`, `Passwort ist ${PARAM}`],
    [`mot de passe : azertyu${LOST}op`, `mot de passe : ${PARAM}`],
    [`the secret is Gr${LOST}n12345`, `the secret is ${PARAM}`],
    [`password changed to Gr${LOST}${LOST}e2024`, `password changed to ${PARAM}`],
    [`Passwort: M${LOST}llerstra${LOST}e`, `Passwort: ${PARAM}`],
    [`Das Passwort ist "${LOST}bernommen"`, `Das Passwort ist "${PARAM}"`],
    // A capital after it inside a word: a separator Latin-1 writes past ASCII (`§`, `€`), not a letter.
    [`Login with password Sommer${LOST}Winter failed`, `Login with password ${PARAM} failed`],
    [`Passwort ist Apfel${LOST}Birne`, `Passwort ist ${PARAM}`],
  ]);
});

describe("lost letters", () => {
  it("spells a word as decoding damaged it: each character past ASCII as U+FFFD", () => {
    expect(damagedSpelling("zurückgesetzt")).toBe(`zur${LOST}ckgesetzt`);
    expect(damagedSpelling("falsch")).toBe("falsch");
  });

  it("gives back a letter for each U+FFFD next to a letter, a capital at the word's start or in capitals, and keeps the others", () => {
    expect(withLostLetters(`ge${LOST}${LOST}ndert`)).toBe("geäändert");
    expect(withLostLetters(`${LOST}bernommen`)).toBe("Äbernommen");
    expect(withLostLetters(`GE${LOST}NDERT`)).toBe("GEÄNDERT");
    expect(withLostLetters(`42${LOST}!`)).toBe(`42${LOST}!`);
    expect(withLostLetters(`Sommer${LOST}Winter`)).toBe(`Sommer${LOST}Winter`);
    expect(withLostLetters("plain")).toBe("plain");
  });

  it("stays linear on a long run of U+FFFD and letters", () => {
    const text = `Passwort ${`a${LOST.repeat(64)}`.repeat(1000)}`;
    const started = performance.now();
    redactString(text, policy);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
