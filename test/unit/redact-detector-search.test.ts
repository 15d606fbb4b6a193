/**
 * A detector's own search (`Detector.search`) must find what its regex finds from the same
 * position: the same start and the same match, or none, at every position of every text; and a
 * shortcut that rules a text out before the full search must never rule out what it would find.
 */
import { describe, expect, it } from "vitest";
import { emailDetector } from "../../workers/ingest/core/redact/detectors/email";
import { SQL_BOUND_LIST_MARKERS, SQL_BOUND_LIST_MARKER_STEMS } from "../../workers/ingest/core/redact/detectors/sql-values";
import { seededRandom } from "../../bench/random";

const SEARCHING = [emailDetector];

/** What `exec` of the global regex finds from each position, as [index, match] or null. */
function byRegex(source: string, text: string, from: number): [number, string] | null {
  const regex = new RegExp(source, "g");
  regex.lastIndex = from;
  const match = regex.exec(text);
  return match === null ? null : [match.index, match[0]];
}

function bySearch(search: (text: string, from: number) => RegExpExecArray | null, text: string, from: number): [number, string] | null {
  const match = search(text, from);
  return match === null ? null : [match.index, match[0]];
}

/** Texts built from the pieces an address is made of and what stands around one. */
function randomTexts(count: number): string[] {
  const random = seededRandom(29);
  const pieces = ["ana", "Ana.Souza", "joão", "x", "1", "%", "%40", "%4", "@", "@@", ".", "..", "-", "+", "_", "example", "com", "br", "c", "é", " ", "'", "(", ",", "×", "/", ":", "=", "\n", "localhost", "1.2.3"];
  return Array.from({ length: count }, () => Array.from({ length: random.int(1, 24) }, () => random.pick(pieces)).join(""));
}

const FIXED = [
  "",
  "mail ana@example.com now",
  "ana@example.com",
  "a%40example.com and b@example.org",
  "x%40y%40example.com",
  "user@localhost then pkg@1.2.3 then ana@example.com.br",
  "joão.silva@exemplo.com.br, josé@x.es",
  "a@b@c.com",
  "%40example.com",
  "ana@@example.com",
  "INSERT INTO t (id, email) VALUES (1, 'ana1@example.com'), (2, 'ana2@example.com')",
  "https://x.example/login?next=%2F&user=ana%40example.com",
  "ana.@example.com ×ana@example.com ÷bob@example.com",
];

describe("a detector's own search", () => {
  for (const detector of SEARCHING) {
    it(`finds what the regex of ${detector.kind} finds, from every position`, () => {
      for (const text of [...FIXED, ...randomTexts(3000)]) {
        for (let from = 0; from <= text.length; from++) {
          expect(bySearch(detector.search!, text, from), `${JSON.stringify(text)} from ${from}`).toEqual(byRegex(detector.source, text, from));
        }
      }
    });
  }
});

describe("the search for a bound list's marker", () => {
  it("rules out a text by the markers' stems only when it holds none of the markers: every marker holds a stem", () => {
    for (const marker of SQL_BOUND_LIST_MARKERS) {
      expect(SQL_BOUND_LIST_MARKER_STEMS.some((stem) => marker.includes(stem)), marker).toBe(true);
    }
  });
});
