/**
 * The detectors' regexes never put two quantified runs of blanks next to each other with only an
 * optional token between (`[ \t]*:?[ \t]+`): on a long run of blanks that does not end in a match
 * the engine tries every split of the run, quadratic in its length (a text of 40 KB took seconds).
 * Read from the sources, never timed; and each such phrase still reads its value after blanks.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { BUILT_IN_DETECTORS } from "../../workers/ingest/core/redact/detectors";
import { itStores } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();

/** `[ \t]*` or `[ \t]+` as the sources spell it. */
const BLANKS = String.raw`\[ \\t\][*+]`;
/** Between two runs: closing groups, and at most one optional token (`:?`, `[:=]?`, `(?:…)?`). */
const OPTIONAL = String.raw`(?:\)\??)*(?:\(\?:[^()]*\)\?|\\?[^\[()\\]\?|\[[^\]]*\]\?)?(?:\)\??)*`;
const ADJACENT_BLANK_RUNS = new RegExp(`${BLANKS}${OPTIONAL}${BLANKS}`, "g");

describe("detectors' regexes on runs of blanks", () => {
  it("no detector's source has two runs of blanks with only an optional token between", () => {
    const found = BUILT_IN_DETECTORS.flatMap((detector) => [...detector.source.matchAll(ADJACENT_BLANK_RUNS)].map((m) => `${detector.kind}: ${m[0]}`));
    expect(found).toEqual([]);
  });

  it("the check itself finds the shape it forbids", () => {
    for (const shape of [String.raw`[ \t]*:?[ \t]+`, String.raw`[ \t]*:?)?[ \t]+`, String.raw`[ \t]*[:=]?[ \t]*`]) {
      expect(shape.match(ADJACENT_BLANK_RUNS)).toEqual([shape]);
    }
    expect(String.raw`(?:[ \t]*:)?[ \t]+`.match(ADJACENT_BLANK_RUNS)).toBeNull();
  });

  it.each([
    ["an address's ZIP and a long run of blanks", "shipping to Augusta 1500 12345 zip" + " ".repeat(40_000) + "x"],
    ["a CEP and a word, then a long run of blanks", "CEP 12345 CEP destino" + " ".repeat(40_000)],
    ["a code's word, then a long run of blanks", "your code is x " + " ".repeat(800) + "123456"],
    ["a bank's TAN hyphenated many times, then digit pairs", "SMS-TAN-".repeat(2_000) + " 06 12 34 56 78"],
  ])("leaves %s as it is", (_, text) => {
    expect(redactString(text, policy).text).toBe(text);
  });

  itStores("still reads the code after blanks and a colon: %s", (text) => redactString(text, policy).text, [
    ["shipping address: Rua Augusta 1500, zip   :   01310-100", "shipping address: [REDACTED:street_address], zip   :   [REDACTED:postal_code]"],
    ["Rua Augusta 1500, ZIP: 01310100", "[REDACTED:street_address], ZIP: [REDACTED:postal_code]"],
    ["CEP destino:   01310-100", "CEP destino:   [REDACTED:postal_code]"],
    ["CEP \t 01310-100", "CEP \t [REDACTED:postal_code]"],
  ]);
});
