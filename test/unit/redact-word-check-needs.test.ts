import { describe, expect, it } from "vitest";
import { MoreEvidence, WORD_CHECKS, evidenceIn, showsNeeds } from "../../workers/ingest/core/redact/evidence";
import { UNNAMED_CAPITALS, UNNAMED_HINT, holdsCapitalRun, holdsNationalIdHint } from "../../workers/ingest/core/redact/national-documents";

/** A small deterministic generator (a 32-bit LCG), so a failure names a text that fails again. */
function generator(seed: number): (below: number) => number {
  let state = seed >>> 0;
  return (below) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    // The high bits: an LCG's low ones repeat within a short period.
    return Math.floor((state / 2 ** 32) * below);
  };
}

const HEX = "0123456789abcdef";
function hex(random: (below: number) => number, length: number, upper = false): string {
  let text = "";
  for (let i = 0; i < length; i++) text += HEX[random(16)]!;
  return upper ? text.toUpperCase() : text;
}
function digits(random: (below: number) => number, length: number): string {
  let text = "";
  for (let i = 0; i < length; i++) text += String(random(10));
  return text;
}
const pad = (n: number) => String(n).padStart(2, "0");

/**
 * The shapes most texts of a request have that hold no word: ids, hashes, trace and span ids,
 * UUIDs, timestamps, numbers, versions, paths and routes made of ids, IP addresses.
 */
function commonShapes(random: (below: number) => number): string[] {
  const uuid = () => `${hex(random, 8)}-${hex(random, 4)}-${hex(random, 4)}-${hex(random, 4)}-${hex(random, 12)}`;
  return [
    hex(random, 32),
    hex(random, 16),
    uuid(),
    `${2020 + random(10)}-${pad(1 + random(12))}-${pad(1 + random(28))}T${pad(random(24))}:${pad(random(60))}:${pad(random(60))}.${digits(random, 3)}Z`,
    digits(random, 1 + random(19)),
    `${random(1000)}.${digits(random, 1 + random(6))}`,
    `-${digits(random, 1 + random(9))}`,
    `${random(20)}.${random(40)}.${random(200)}`,
    `${random(256)}.${random(256)}.${random(256)}.${random(256)}`,
    `/${hex(random, 24)}/${digits(random, 1 + random(8))}/${uuid()}`,
    `${digits(random, 3)}-${digits(random, 2)}_${hex(random, 6)}:${digits(random, 4)}`,
  ];
}

/**
 * Pieces of words the checks read, in their spellings and near them, and of the shapes around them: a text
 * built of them matches a check now and then, which is where a gate could be wrong.
 */
const PIECES = [
  "password", "PASSWORD", "Passphrase", "pass", "PASS", "pw", "PW", " phrase", "senha", "Contraseña", "%3D", "%3d", "%25",
  "API", "api", "Access", " key", " KEY", "secret", "Secret", "token", "PIN", " for ", " is ", " was ", " é ", " set to ",
  "session", "Sessão", "sesión", "SESSAO", "sid", "SID", "birth", "born", "d.o.b", "DOB", "nasc", "née le", "生年月日", "誕生日", "passport",
  "reset", "verify", "share", "stripe.com", "code", "Dear", "Hi", "hello", "Olá", "Hola", "Guten Tag", "Cześć",
  "St", "Rd", "Ave", "Rua", "ul.", "Calle", "street", "addr", "line_1", "ship_to", "Berlin", "AB", "DE", "SP",
  "DNI", "dni", "PAN", "licence", "License", "Führerschein", "NINO", "BSN", "CURP", "national id", "cédula",
  "ABCD", "EFGHIJ", "H", "M", "X", "LM", "holder", "titular", "name", "owner", "WHERE", "where", "auth", "AUTH", "config", "user ",
  " ", "\t", "/", "-", "_", ".", ":", "=", "%", "#", ">", "'", '"', "(", "ã", "ñ", "Ÿ", "ÿ", "ſ", "K", "様", "さん",
];

function piecedText(random: (below: number) => number): string {
  let text = "";
  const parts = 1 + random(8);
  for (let i = 0; i < parts; i++) {
    const kind = random(4);
    text += kind === 0 ? digits(random, 1 + random(8)) : kind === 1 ? hex(random, 1 + random(6), random(2) === 0) : PIECES[random(PIECES.length)]!;
  }
  return text;
}

/** That each of `checks` rules `text` out by its needs, and that none of its regexes matches it. */
function expectRuledOut(checks: typeof WORD_CHECKS, text: string): void {
  for (const check of checks) {
    expect(showsNeeds(text, check.needs), `${check.name}: ${text}`).toBe(false);
    for (const pattern of check.patterns) expect(pattern.test(text), `${check.name}: ${text}`).toBe(false);
  }
}

describe("the word checks' gates (WORD_CHECKS): a text showing none of a check's needs matches none of its regexes", () => {
  it("holds for texts built of the checks' words, their pieces and the shapes around them", () => {
    const random = generator(57);
    let matched = 0;
    for (let n = 0; n < 8_000; n++) {
      const text = piecedText(random);
      for (const check of WORD_CHECKS) {
        if (showsNeeds(text, check.needs)) continue;
        for (const pattern of check.patterns) {
          pattern.lastIndex = 0;
          expect(pattern.test(text), `${check.name}: ${JSON.stringify(text)}`).toBe(false);
        }
      }
      if (WORD_CHECKS.some((check) => check.patterns.some((pattern) => pattern.test(text)))) matched++;
    }
    // The texts match the checks often enough to try the gates where they matter.
    expect(matched).toBeGreaterThan(2_000);
  });

  it("rules every check out for the common shapes of ids, numbers, timestamps and paths of ids, which none matches", () => {
    const random = generator(14);
    for (let n = 0; n < 2_000; n++) {
      for (const text of commonShapes(random)) {
        expectRuledOut(WORD_CHECKS, text);
      }
    }
  });

  it("rules every check out for upper-case hex, and the unnamed national id shapes by their capitals in a row", () => {
    const random = generator(40);
    for (let n = 0; n < 2_000; n++) {
      const text = hex(random, 40, true);
      expectRuledOut(WORD_CHECKS, text);
      expect(holdsCapitalRun(text, UNNAMED_CAPITALS) || !UNNAMED_HINT.test(text), text).toBe(true);
    }
  });

  it("looks for the unnamed national id shapes only where their capitals stand in a row, as every match starts", () => {
    // Each alternative starts with `[A-Z]{n}`, n at least UNNAMED_CAPITALS: a new one that does not breaks this.
    for (const alternative of UNNAMED_HINT.source.split("|")) {
      const run = /^\[A-Z\]\{(\d+)\}/.exec(alternative);
      expect(run, alternative).not.toBeNull();
      expect(Number(run![1])).toBeGreaterThanOrEqual(UNNAMED_CAPITALS);
    }
    const random = generator(4);
    const pieces = ["ABC", "AB", "RSSMRA", "GODE", "H", "X", "L", "T", "Z", "-", " ", "a", "e"];
    let matched = 0;
    for (let n = 0; n < 20_000; n++) {
      let text = "";
      for (let parts = 1 + random(6); parts > 0; parts--) text += random(2) === 0 ? digits(random, 1 + random(7)) : pieces[random(pieces.length)]!;
      const matches = UNNAMED_HINT.test(text);
      if (matches) matched++;
      expect(!matches || holdsCapitalRun(text, UNNAMED_CAPITALS), text).toBe(true);
      expect(holdsNationalIdHint(text, 6, false), text).toBe(matches);
    }
    expect(matched).toBeGreaterThan(100);
    expect(holdsCapitalRun("ABCd", 4)).toBe(false);
    expect(holdsCapitalRun("xABCD", 4)).toBe(true);
  });

  // A ray id's airport may spell a name (`-SIN`: Canada's Social Insurance Number), and its letters meet more words' needs.
  it("rules the checks out for ray ids that no word of theirs can meet", () => {
    const random = generator(70);
    const airports = ["SIN", "GIG", "LHR", "FRA", "IAD", "GRU", "NRT", "AMS", "CDG", "SJC"];
    const ruledOut = ["password phrase", "URL path token", "key phrase", "national id name, few digits", "street postal code", "SQL WHERE"];
    const checks = WORD_CHECKS.filter(({ name }) => ruledOut.includes(name));
    expect(checks).toHaveLength(ruledOut.length);
    for (let n = 0; n < 2_000; n++) expectRuledOut(checks, `${hex(random, 16)}-${airports[random(airports.length)]}`);
  });

  it("still finds each check's fact where its words are", () => {
    const more = new Int32Array(1);
    const facts: [string, number][] = [
      ["my password is hunter2 now", MoreEvidence.PASSWORD_PHRASE],
      ["login?next=%3D1", MoreEvidence.PASSWORD_PHRASE],
      ["session 9f2c1a", MoreEvidence.SESSION_ID_PHRASE],
      ["sid 42", MoreEvidence.SESSION_ID_PHRASE],
      ["d.o.b 12/04/1990", MoreEvidence.PERSONAL_DOCUMENT],
      ["生年月日 1990年4月12日", MoreEvidence.PERSONAL_DOCUMENT],
      ["/account/reset/abc", MoreEvidence.URL_PATH_TOKEN],
      ["the signing secret abcdefgh12345678", MoreEvidence.KEY_PHRASE],
      ["DNI 12345678Z", MoreEvidence.NATIONAL_ID],
      ["RSSMRA85T10A562S", MoreEvidence.NATIONAL_ID],
      ["Olá Ana, tudo bem?", MoreEvidence.GREETING],
      ["shipping to 12 Main St", MoreEvidence.STREET_ADDRESS],
      ["Hauptstraße 5, 10115 Berlin", MoreEvidence.STREET_ADDRESS],
    ];
    for (const [text, fact] of facts) {
      evidenceIn(text, false, more);
      expect(more[0]! & fact, text).toBe(fact);
    }
  });
});
