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
import type { Detector } from "../../workers/ingest/core/redact/detectors/detector";
import { opensCookiePair } from "../../workers/ingest/core/redact/credential-headers";
import { countWork, workDone } from "../../workers/ingest/core/redact/scan-scope";
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

/** The work of redacting `unit` repeated to `size` characters, by `on` (the detector alone). */
function workOf(unit: string, size: number, on = scanner): number {
  const text = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  const before = workDone();
  on.redact(text, new RedactionTally());
  return workDone() - before;
}

/**
 * A detector that reads each dash's value to the text's end before rejecting it, as the flag in
 * `key=-` repeated was read before its name was judged: a quadratic unit the bound must catch.
 */
const TO_THE_END = /-[^]*/y;
const readsToTheEnd: Detector = {
  kind: "reads_to_the_end",
  source: TO_THE_END.source,
  evidence: 0,
  search: (text, from) => {
    TO_THE_END.lastIndex = text.indexOf("-", from);
    if (TO_THE_END.lastIndex < 0) return null;
    const match = TO_THE_END.exec(text);
    countWork(match?.[0].length ?? 0);
    return match;
  },
  rewrite: () => undefined,
};

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
  return units;
}

/**
 * Units once read to the text's end at each repeat and rejected there: a flag's value after a
 * bare key's or a code's `=` (each `-key=…` read as a flag, under a name no flag's secret is), and
 * under a session path's name a value holding a backslash before a character of its run, a
 * decoded control character (`\\b`) or a `#` before no parameter's `name=`, which no session id
 * holds; and under a session's name, in a parameter or a glued field, a value opening with `-=`
 * before a character no session id holds, once read as a cookie's pair (whose name wants a
 * letter or `_` first); and a glued session field's value with a backslash after its first run
 * before a character its token holds (`sid:-\\!`, `sid:-\\#`), or opening with two backslashes before one
 * (`sessionid:\\\\a`) or with a decoded control character (`\\b`); and a glued session field's
 * value with two backslashes or more, at its opening or after its first run, before an `&` before
 * no parameter's `name=`, a `u` without four hex digits or another character its token holds that
 * starts no escape (`sessionid:\\\\&`, `sessionid:\\\\u`, `sessionid:-\\\\`, `sid:\\\\\\x`); and a
 * glued cookie's or webhook signature header's field whose short value a backslash ends, read as
 * the header with nothing marked (`cookie:-=\\`, `x-hub-signature:-\\`); and a glued field whose
 * part is the `?` an instrumentation sanitized a key's part to, before another colon, under any
 * name but a credential header's (`cookies:?:`, `password:?:`), a key's namespace the rewrite rejects; and
 * a credential header's or `X-` header's placeholder dash before `!` or `?`, glued or after `=`,
 * on a line holding no secret-shaped token (`authorization:-!`, `cookie=-?`), which the header's
 * reading kept only after reading the rest of the line. Each stays as it was.
 */
const ONCE_QUADRATIC = [
  "key=-", "code=-", "pins=-", "otps=-", "cvvs=-", "cvcs=-", "key=--", "code=-a",
  "session::id=\\", "session::id=a\\b", "session::id=\\.", "session::id=-#", "session::id=\\#",
  "sessionid=-=(", "session::id=-=!", "sess_id=-=(", "session=-={", "sessionid:-=(", "sess_id:-=!", "session:-=&", "sid:-=(",
  "sessionid:-\\!", "sid:-\\-", "sess_id:-\\.", "sessionid:\\\\a", "sess_id:\\\\!", "sess_id:\\\\", "sessionid:\b", "sid:\b",
  "sessionid:-\\#", "sessionid:-\\?", "sessionid:-\\&", "sess_id:-\\#",
  "sessionid:\\\\&", "sessionid:\\\\u", "sessionid:-\\\\", "sess_id:a\\\\!", "JSESSIONID:-\\\\7", "sid:\\\\\\x", "session:a\\\\&",
  "cookie:-=\\", "Cookie:a=\\", "cookies:-=\\", "set-cookie:-=\\", "set_cookie:-=\\", "x-hub-signature:-\\", "stripe-signature:-\\",
  "cookies:?:",
  "x-hub-signature:?:", "x-hub-signature-256:?:\\", "stripe-signature:?:", "x-signature:?:", "password:?:", "token:?:",
  "authorization=-?", "cookie=-?", "authorization:-!", "cookie:-!", "proxy-authorization:-!", "proxy-authorization=-?",
  "x-api-key:-?", "x-api-key=-?", "Cookie:-?", "set-cookie:-?", "authorization:-?\\", "cookie:-!\\",
];

/**
 * A credential header's name glued by `:?:`, a dump's sanitized separator, repeated: the secret
 * field forms leave such a field to sanitized-headers.ts's reading before reading its value.
 */
const SANITIZED_HEADER_UNITS = ["x-api-key:?:", "cookie:?:", "set-cookie:?:\\", "authorization:?:", "proxy-authorization:?:\\", "api-key:?:"];

describe("secret parameters: every name, separator and short value repeated costs linear work", () => {
  it.each(SANITIZED_HEADER_UNITS)("%s repeated: the field is left to the sanitized dump's reading, its value unread and nothing redacted", (unit) => {
    expect(workOf(unit, LARGE)).toBeLessThanOrEqual(2.5 * workOf(unit, SMALL) + LARGE);
    const text = unit.repeat(64);
    expect(scanner.redact(text, new RedactionTally())).toBe(text);
  });

  it.each(ONCE_QUADRATIC)("%s repeated: twice the text costs at most 2.5 times the work, and nothing is redacted", (unit) => {
    const small = workOf(unit, SMALL);
    expect(small).toBeGreaterThan(0);
    expect(workOf(unit, LARGE)).toBeLessThanOrEqual(2.5 * small + LARGE);
    const text = unit.repeat(64);
    expect(scanner.redact(text, new RedactionTally())).toBe(text);
  });

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

  it("still redacts a glued cookie's or signature's credential before a backslash, and no more than its value", () => {
    const text = String.raw`cookie:sid=Zx9Kq2Lm7Pw4abcd\x x-hub-signature:sha256=abc123def456abc123\x cookie:theme=dark\x`;
    const redacted = scanner.redact(text, new RedactionTally());
    expect(redacted).toMatch(/^cookie:sid=\[REDACTED:[^\]]+\]\\x x-hub-signature:sha256=\[REDACTED:[^\]]+\]\\x cookie:theme=dark\\x$/);
  });

  it("counts a cookie's name run read whether a pair opens after it or not", () => {
    const name = "a".repeat(1000);
    const count = (text: string) => {
      const before = workDone();
      const opens = opensCookiePair(text, 0);
      return { opens, work: workDone() - before };
    };
    expect(count(`${name}!:`)).toEqual({ opens: false, work: expect.any(Number) });
    expect(count(`${name}!:`).work).toBeGreaterThanOrEqual(1000);
    expect(count(`${name} =b`)).toEqual({ opens: true, work: expect.any(Number) });
    expect(count(`${name} =b`).work).toBeGreaterThanOrEqual(1000);
    expect(count(":a=b").opens).toBe(false);
  });

  it("redacts a key written after a `?` part, at linear work repeated, and keeps the sanitized part", () => {
    const redact = (text: string) => scanner.redact(text, new RedactionTally());
    // A credential header's is the sanitized dump's reading (sanitized-headers.ts), which this scanner does not hold.
    expect(redact("x-api-key:?:Zx9Kq2Lm7Pw4abcd")).toBe("x-api-key:?:Zx9Kq2Lm7Pw4abcd");
    expect(redact("x-auth-token:?:Zx9Kq2Lm7Pw4abcd")).toMatch(/^x-auth-token:\[REDACTED:[^\]]+\]$/);
    expect(redact("token:?:Zx9Kq2Lm7Pw4abcd")).toMatch(/^token:\[REDACTED:[^\]]+\]$/);
    expect(redact("GET session:?")).toBe("GET session:?");
    // A token in the next JSON member is past the statement's string: the part stays sanitized.
    expect(redact('"GET x-api-key:?:?","id":"abc123def456"')).toBe('"GET x-api-key:?:?","id":"abc123def456"');
    for (const unit of ["x-api-key:?:ab12cd34", "token:?:ab12cd34!", "cookies:?:?"]) {
      expect(workOf(unit, LARGE)).toBeLessThanOrEqual(2.5 * workOf(unit, SMALL) + LARGE);
    }
  });

  it("still redacts a token after a header's placeholder and a mark, and a cookie's pair after the dash", () => {
    const redact = (text: string) => scanner.redact(text, new RedactionTally());
    expect(redact("authorization:-!Zx9Kq2Lm7Pw4abcd")).toMatch(/^authorization:\[REDACTED:[^\]]+\]$/);
    expect(redact("authorization=-?Zx9Kq2Lm7Pw4abcd")).toMatch(/^authorization=\[REDACTED:[^\]]+\]$/);
    expect(redact("authorization:-! then Zx9Kq2Lm7Pw4abcd")).toMatch(/^authorization:\[REDACTED:[^\]]+\] then Zx9Kq2Lm7Pw4abcd$/);
    expect(redact("cookie:-!sid=Zx9Kq2Lm7Pw4abcd")).toMatch(/^cookie:-!sid=\[REDACTED:[^\]]+\]$/);
    // A token on the next line is that line's own: the placeholders stay.
    expect(redact("authorization:-!x-api-key:-?\ntoken:Zx9Kq2Lm7Pw4abcd")).toMatch(/^authorization:-!x-api-key:-\?\ntoken:\[REDACTED:[^\]]+\]$/);
  });

  it("reads every name it is given, and its bound catches a unit whose value is read to the text's end at each repeat", () => {
    expect(NAMES).toEqual(expect.arrayContaining(["sid", "sessionid", "key", "code", "token", "password"]));
    for (const unit of ["key=a(", "sid:a|{", "password=x "]) expect(workOf(unit, SMALL)).toBeGreaterThan(0);
    const quadratic = new TextScanner([readsToTheEnd]);
    const small = workOf("key=-", SMALL, quadratic);
    expect(workOf("key=-", LARGE, quadratic)).toBeGreaterThan(2.5 * small + LARGE);
  });
});
