/**
 * A sweep of the secret parameter detector's cost: every secret name it knows (its field names'
 * endings and its bare parameter names, from its own lists), every separator, and short values
 * before an ending character, each unit repeated to two sizes. Twice the text may cost at most
 * about 2.5 times the work (`countWork`, never timed): a value read to the end of the text at each
 * of its repeats costs four times. The detector runs alone in a scanner, as the policy's scanner
 * runs it, so the sweep's thousands of texts pay for its work only.
 */
import { describe, expect, it } from "vitest";
import { secretParameterDetector } from "../../workers/ingest/core/redact/detectors/secret-parameter";
import { workDone } from "../../workers/ingest/core/redact/scan-scope";
import { SECRET_NAME_ENDINGS, SECRET_PARAMETER_NAMES } from "../../workers/ingest/core/redact/secret-names";
import { RedactionTally } from "../../workers/ingest/core/redact/tally";
import { TextScanner } from "../../workers/ingest/core/redact/text-scanner";
import { seededRandom } from "../../bench/random";

const scanner = new TextScanner([secretParameterDetector]);

/** Every printable ASCII character, two letters past it, a tab and a line break. */
const CHARACTERS = [...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)), "\u044f", "\u00e9", "\t", "\n"];
const SEPARATORS = ["=", ":", ": ", "%3D"];
const NAMES = [...new Set([...SECRET_NAME_ENDINGS, ...SECRET_PARAMETER_NAMES])];
/** How many two-character values each name and separator are tried with, drawn at random (seeded). */
const TWO_CHARACTER_SAMPLE = 12;
const SMALL = 2048;
const LARGE = 4096;

/**
 * Units quadratic on main as well, left out of the sweep and open: a flag's value after a bare
 * `key`'s or a code's `=` (`key=-`, `code=-`, and under the plural codes' names `pins=-`, `otps=-`,
 * `cvvs=-`, `cvcs=-`: each `-key=…` is read as a flag to the end of the text), and a
 * backslash opening a session path's value (`session::id=\\`: a backslash is no refusing
 * character, as a JSON string's escape such as `\\n` is read as what it stands for, so each value
 * is read to the end of the text).
 */
const KNOWN_QUADRATIC = new Set(["key=-", "code=-", "pins=-", "otps=-", "cvvs=-", "cvcs=-", "session::id=\\"]);

/** The work of redacting `unit` repeated to `size` characters. */
function workOf(unit: string, size: number): number {
  const text = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  const before = workDone();
  scanner.redact(text, new RedactionTally());
  return workDone() - before;
}

/**
 * The units of `name`: under each separator no value before each ending; each one-character value
 * once, under the separators in turn, before a drawn ending; and a sample of two-character values
 * before drawn endings under each separator.
 */
function unitsOf(name: string, random: ReturnType<typeof seededRandom>): string[] {
  const units = SEPARATORS.flatMap((separator) => CHARACTERS.map((ending) => `${name}${separator}${ending}`));
  CHARACTERS.forEach((value, i) => units.push(`${name}${SEPARATORS[i % SEPARATORS.length]}${value}${random.pick(CHARACTERS)}`));
  for (const separator of SEPARATORS) {
    for (let i = 0; i < TWO_CHARACTER_SAMPLE; i++) units.push(`${name}${separator}${random.pick(CHARACTERS)}${random.pick(CHARACTERS)}${random.pick(CHARACTERS)}`);
  }
  return units.filter((unit) => !KNOWN_QUADRATIC.has(unit));
}

describe("secret parameters: every name, separator and short value repeated costs linear work", () => {
  it.each(NAMES)("under %s, twice the text costs at most 2.5 times the work", (name) => {
    const random = seededRandom(name.length * 7919 + name.charCodeAt(0));
    const quadratic: string[] = [];
    for (const unit of unitsOf(name, random)) {
      const small = workOf(unit, SMALL);
      const large = workOf(unit, LARGE);
      // A read of the whole text is the constant: a unit whose work is a few reads of it stays linear.
      if (large > 2.5 * small + LARGE) quadratic.push(`${JSON.stringify(unit)}: ${small} then ${large}`);
    }
    expect(quadratic).toEqual([]);
  });

  it("reads every name it is given, and its bound catches a unit left out as quadratic", () => {
    expect(NAMES).toEqual(expect.arrayContaining(["sid", "sessionid", "key", "code", "token", "password"]));
    for (const unit of ["key=a(", "sid:a|{", "password=x "]) expect(workOf(unit, SMALL)).toBeGreaterThan(0);
    const small = workOf("key=-", SMALL);
    expect(workOf("key=-", LARGE)).toBeGreaterThan(2.5 * small + LARGE);
  });
});
