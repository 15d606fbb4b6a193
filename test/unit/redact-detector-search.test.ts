/**
 * A detector's own search (`Detector.search`) must find what its regex finds from the same
 * position: the same start and the same match, or none, at every position of every text, but
 * that it may pass over candidates the detector rejects (a key's namespace, a base64 token's
 * prefix inside a body that reads as words); and a
 * shortcut that rules a text out before the full search must never rule out what it would find.
 */
import { describe, expect, it } from "vitest";
import type { Detector } from "../../workers/ingest/core/redact/detectors/detector";
import { emailDetector } from "../../workers/ingest/core/redact/detectors/email";
import { nestingKnownTokenDetector } from "../../workers/ingest/core/redact/detectors/known-token";
import { secretParameterDetector } from "../../workers/ingest/core/redact/detectors/secret-parameter";
import { SQL_BOUND_LIST_MARKERS, SQL_BOUND_LIST_MARKER_STEMS } from "../../workers/ingest/core/redact/detectors/sql-values";
import { seededRandom } from "../../bench/random";


function bySearch(search: (text: string, from: number) => RegExpExecArray | null, text: string, from: number): [number, string] | null {
  const match = search(text, from);
  return match === null ? null : [match.index, match[0]];
}

/** `count` texts of 1 to 24 of `pieces`, in a seeded random order. */
function randomTexts(count: number, pieces: readonly string[]): string[] {
  const random = seededRandom(29);
  return Array.from({ length: count }, () => Array.from({ length: random.int(1, 24) }, () => random.pick(pieces)).join(""));
}

/** The pieces an address is made of and what stands around one. */
const EMAIL_PIECES = ["ana", "Ana.Souza", "joão", "x", "1", "%", "%40", "%4", "@", "@@", ".", "..", "-", "+", "_", "example", "com", "br", "c", "é", " ", "'", "(", ",", "×", "/", ":", "=", "\n", "localhost", "1.2.3", "иван", "用户", "例子", "中国", "рф", "भारत", "。", "，", "＠", "\u00a0", "\u200b", "😀", "和", "ไทย", "・", "xn--p1ai", "張三2", "ω"];

const EMAIL_TEXTS = [
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
  "иван@yandex.ru, 用户@例子.中国。谢谢 उपयोगकर्ता@उदाहरण.भारत। @用户 пакет@1.2.3 😀ana@bücher.de",
  "联系人：ana@example.com和bob@corp.cn 用户%40ana@x.com ab用.12@例子.中国 ana@пример.xn--p1aiспасибо 升级到react@18.x后报错",
  "ana@example.comтел8 ana@x.com.brдо1 react@18.🎉 ana❤️@example.com 😀@x.com 𠮷野@例子.中国👍 感谢@张三.👍",
];

/** The pieces of names, separators, flags, quotes and values a secret parameter is made of. */
const SECRET_PARAMETER_PIECES = [
  "password", "token", "api_key", "db-password", "secret", "x", "_token", "é", "×", "1", "code", "BR", "s3cr3t", "Bearer", "Basic", "abc.def",
  "=", "==", ":", ": ", ":=", "-", "--", "-p", "-D", "mysql ", "-property:", "/p:", "//registry/:", "?", "&", "#", ";", ",", " ", "\t", "\n",
  "\"", "'", "\\\"", "\\", "(", "[", "{", "}", "<", ">", "%20", "+", "/", ".",
  // Keys' namespaces glued to their parts (`tokens:revoked:…`), which the search passes over.
  "pwd:", "tokens:", "session:", "revoked:", "a:", "Password:", "{Password:a:",
];

const SECRET_PARAMETER_TEXTS = [
  "",
  "GET /login?user=ana&password=hunter2 HTTP/1.1",
  "password: hunter2",
  '{"password":"hunter2","token":"abc"}',
  "mysql -uroot -pS3cret shop",
  "java -Dspring.datasource.password=s3cr3t -jar app.jar",
  "--token abc --api-key=xyz",
  "x.password=abc a-b=c é=d ×token=e ÷secret=f",
  "Authorization: Bearer abc.def.ghi",
  "//registry.npmjs.org/:_authToken=abc",
  "dotnet build /p:DbPassword=abc -property:Token=x",
  "connect(password=abc) User[password=x] {password=y, token=z}",
  '-var \'db_password=abc\' -e "token=x"',
  "2026-12-01T10:00:00Z 0b9a-4c1d-8e7f password = x",
  "INSERT INTO t (id, pw) VALUES (1, 'a'), (2, 'b') -- password=abc",
];

/** The pieces of tokens whose body may hold their prefix (Grafana's `glc_`, Sentry's `sntrys_`, GitLab's `glpat-`) and what stands around and inside one. */
const NESTING_TOKEN_PIECES = [
  "glc_", "sntrys_", "glpat-", "glrt-", "sntryu_", "/", "+", "=", "==", "_", "-", " ", "x", "eyJvIjoiMTIzNDU2Iiwi", "Xk9mQ2pLr7TbWc3Yh8Nz", "abcdefghij", "0123456789", ".", "\n",
];

const NESTING_TOKEN_TEXTS = [
  "",
  "grafana glc_eyJvIjoiMTIzNDU2IiwibiI6InN0YWNrLTEyMy1obS1yZWFkIiwiayI6IjhkN2U1ZjIxYTNiNGM1ZDYifQ== ok",
  `${"glc_/".repeat(40)} glc_eyJvIjoiMTIzNDU2IiwibiI6InN0YWNrLTEyMy1obS1yZWFkIiwiayI6IjhkN2U1ZjIx`,
  `glc_/glc_/glc_eyJvIjoiMTIzNDU2IiwibiI6InN0YWNrLTEyMy1obS1yZWFkIiwiayI6IjhkN2U1ZjIx/${"sntrys_=".repeat(20)}`,
  `${"glpat-.".repeat(40)} glpat-Xk9mQ2pLr7TbWc3Yh8Nz glrt-.glrt-.glrt-Xk9mQ2pLr7TbWc3Yh8Nz.x`,
];

const SEARCHING = [
  { detector: emailDetector, texts: [...EMAIL_TEXTS, ...randomTexts(3000, EMAIL_PIECES)] },
  { detector: secretParameterDetector, texts: [...SECRET_PARAMETER_TEXTS, ...randomTexts(3000, SECRET_PARAMETER_PIECES)] },
  { detector: nestingKnownTokenDetector, texts: [...NESTING_TOKEN_TEXTS, ...randomTexts(1500, NESTING_TOKEN_PIECES)] },
];

describe("a detector's own search", () => {
  for (const { detector, texts } of SEARCHING) {
    it(`finds what the regex of ${detector.kind} finds, from every position, passing over only candidates the detector rejects`, () => {
      const regex = new RegExp(detector.source, "g");
      for (const text of texts) {
        for (let from = 0; from <= text.length; from++) expectFoundAsRegex(detector, regex, text, from);
      }
    });
  }
});

/**
 * That the search from `from` finds the first match of `regex` (the detector's, global) from
 * there, or a later one when every match before it is one the detector rejects (`rewrite`
 * undefined): as the scanner goes on one character after a rejected candidate, passing over
 * such a match changes nothing.
 */
function expectFoundAsRegex(detector: Detector, regex: RegExp, text: string, from: number): void {
  const found = bySearch(detector.search!, text, from);
  regex.lastIndex = from;
  for (let match = regex.exec(text); ; match = regex.exec(text)) {
    if (match === null) {
      if (found !== null) expect.fail(`${JSON.stringify(text)} from ${from}: found ${JSON.stringify(found)}, the regex nothing`);
      return;
    }
    if (found !== null && found[0] === match.index && found[1] === match[0]) return;
    if (detector.rewrite?.(match[0], "[REDACTED:x]", text, match.index, 0) !== undefined) {
      expect.fail(`${JSON.stringify(text)} from ${from}: passed over ${JSON.stringify(match[0])} at ${match.index}, which the detector accepts`);
    }
    regex.lastIndex = match.index + 1;
  }
}

describe("the search for a bound list's marker", () => {
  it("rules out a text by the markers' stems only when it holds none of the markers: every marker holds a stem", () => {
    for (const marker of SQL_BOUND_LIST_MARKERS) {
      expect(SQL_BOUND_LIST_MARKER_STEMS.some((stem) => marker.includes(stem)), marker).toBe(true);
    }
  });
});
