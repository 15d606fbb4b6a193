/**
 * Personal data next to a JSON escape (`redact/escape-view.ts`): the detectors read what a
 * string's escapes say (`\n`, `\t`, `\uXXXX`, and `\\n`, `\\u00e3` one level down), every
 * replacement is written over whole escapes, and JSON text stays JSON. The corpus
 * (test/fixtures/pii/) holds the same examples end to end.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { escapeView, escapesMayShowEvidence } from "../../workers/ingest/core/redact/escape-view";
import { TEXT_LOOK_ALIKES, TEXT_TRUE_POSITIVES } from "../fixtures/pii/corpus";
import { Evidence, MoreEvidence, evidenceIn } from "../../workers/ingest/core/redact/evidence";
import { parsesAsJson } from "../support/json-text";
import { redactionWork } from "../support/redaction";
import { itStores } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const redacted = (text: string) => redactString(text, policy).text;

/** `text` decoded as JSON `levels` times (a string inside a string, …); throws when it is not JSON. */
function decoded(text: string, levels: number): unknown {
  let value: unknown = text;
  for (let i = 0; i < levels; i++) value = JSON.parse(value as string);
  return value;
}

/** JSON text as Python's `json.dumps` writes it by default (`ensure_ascii`): every character past ASCII as `\uXXXX`. */
const asciiOnly = (json: string) => json.replace(/[\u007f-\uffff]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`);

describe("personal data next to an escape, as a new user's probe sent it", () => {
  it.each([
    [String.raw`{"obs": "Cliente:\n529.982.247-25"}`, String.raw`{"obs": "Cliente:\n[REDACTED:cpf]"}`],
    [String.raw`{"obs": "cpf:\n52998224725"}`, String.raw`{"obs": "cpf:\n[REDACTED:cpf]"}`],
    [String.raw`"cartao\n4111111111111111"`, String.raw`"cartao\n[REDACTED:card]"`],
    [String.raw`"ip\n203.0.113.9"`, String.raw`"ip\n[REDACTED:ipv4]"`],
    [String.raw`"linha1\n52998224725"`, String.raw`"linha1\n[REDACTED:cpf]"`],
    [String.raw`"a\tana@example.com"`, String.raw`"a\t[REDACTED:email]"`],
    [String.raw`"t\u00e9l +55 11 98765-4321"`, String.raw`"t\u00e9l [REDACTED:phone]"`],
    [String.raw`"x\u00e0 203.0.113.9 y"`, String.raw`"x\u00e0 [REDACTED:ipv4] y"`],
    // The label before the value is kept as the sender wrote it, escape and all.
    [String.raw`{"obs": "senha\u003dabc123 ok"}`, String.raw`{"obs": "senha\u003d[REDACTED:secret_param] ok"}`],
    [String.raw`{"user": "ana\u0040example.com"}`, String.raw`{"user": "[REDACTED:email]"}`],
    // Python's json.dumps: the match started inside `\u00e3`, leaving `jo\[REDACTED:email]`, no longer JSON.
    [String.raw`{"c":"jo\u00e3o.silva@exemplo.com.br"}`, String.raw`{"c":"[REDACTED:email]"}`],
    [String.raw`{"contato": "jos\u00e9@x.es", "tel": "+55 11 98765-4321"}`, String.raw`{"contato": "[REDACTED:email]", "tel": "[REDACTED:phone]"}`],
    [String.raw`{"obs": "linha1\nana@example.com"}`, String.raw`{"obs": "linha1\n[REDACTED:email]"}`],
    [String.raw`{"url": "https:\/\/x.com\/?token=abc123def456"}`, String.raw`{"url": "https:\/\/x.com\/?token=[REDACTED:secret_param]"}`],
    [String.raw`{"detalhe":"cliente 52998224725\ncartao 4111111111111111"}`, String.raw`{"detalhe":"cliente [REDACTED:cpf]\ncartao [REDACTED:card]"}`],
  ])("%s", (text, expected) => {
    const result = redacted(text);
    expect(result).toBe(expected);
    expect(() => JSON.parse(result)).not.toThrow();
  });

  it("reads a logfmt value and a one-line stack trace through their escapes", () => {
    expect(redacted(String.raw`level=info msg="Cliente:\n529.982.247-25 cartao\t4111111111111111"`)).toBe(
      String.raw`level=info msg="Cliente:\n[REDACTED:cpf] cartao\t[REDACTED:card]"`,
    );
    expect(redacted(String.raw`Error: falha\nCPF 529.982.247-25\n    at f (a.js:1:1)`)).toBe(String.raw`Error: falha\nCPF [REDACTED:cpf]\n    at f (a.js:1:1)`);
  });

  it("reads JSON text held in a string one level down (`\\\\r\\\\n`, `\\\\u00ba`), and both levels stay JSON", () => {
    // A payload a Python service wrote with json.dumps, logged as a string member.
    const text = JSON.stringify({ payload: asciiOnly(JSON.stringify({ ips: "\r\n203.0.113.9\r\n", doc: "nº 529.982.247-25", obs: "linha\nana@example.com" })) });
    expect(text).toContain(String.raw`\"ips\":\"\\r\\n203.0.113.9`);
    expect(text).toContain(String.raw`n\\u00ba 529`);
    const result = redacted(text);
    const inner = JSON.parse((JSON.parse(result) as { payload: string }).payload) as Record<string, string>;
    expect(inner).toEqual({ ips: "\r\n[REDACTED:ipv4]\r\n", doc: "nº [REDACTED:cpf]", obs: "linha\n[REDACTED:email]" });
  });
});

/** Ways a sender writes a text inside JSON, each with the way back to the text. */
const ENCODINGS: Array<[string, (text: string) => string, (json: string) => unknown]> = [
  ["a JSON string", (text) => JSON.stringify(text), (json) => JSON.parse(json)],
  ["a member of JSON text", (text) => JSON.stringify({ msg: text }), (json) => (JSON.parse(json) as { msg: string }).msg],
  ["a member as json.dumps writes it", (text) => asciiOnly(JSON.stringify({ msg: text })), (json) => (JSON.parse(json) as { msg: string }).msg],
  [
    "a member of JSON text held in a string member",
    (text) => JSON.stringify({ payload: JSON.stringify({ msg: text }) }),
    (json) => (JSON.parse((JSON.parse(json) as { payload: string }).payload) as { msg: string }).msg,
  ],
  [
    "a member as json.dumps writes it, held in a string member",
    (text) => JSON.stringify({ payload: asciiOnly(JSON.stringify({ msg: text })) }),
    (json) => (JSON.parse((JSON.parse(json) as { payload: string }).payload) as { msg: string }).msg,
  ],
];

describe("a text reads the same written inside JSON, its line breaks, tabs and accents escaped", () => {
  const texts = [
    "Cliente:\n529.982.247-25",
    "cartão 4111 1111 1111 1111 recusado",
    "Usuário ana@example.com logou de 203.0.113.9",
    "joão.silva@exemplo.com.br",
    "contato josé@x.es\ttel +55 11 98765-4321",
    "Dados do cliente\nCPF 52998224725\nTel (11) 98765-4321",
    "tél +55 11 98765-4321",
    "xà 203.0.113.9 y",
    "Error: falha\nCPF 529.982.247-25\n    at f (a.js:1:1)",
    "\r\n203.0.113.9\r\n",
    "https://x.com/?token=abc123def456",
    "endereço: Rua Augusta 1500\nCEP: 01310-100",
    "Olá João, seu código é 482913\nAtt.",
    "Code: 482913",
    "client 2001:db8::1ff:fe23:4567:890a\nok",
    "Authorization: Bearer 8f3a2c1d9e7b6a5f4c3d2e1f\ncódigo gerado: 4829",
  ];
  it.each(ENCODINGS.flatMap(([encoding, encode, decode]) => texts.map((text) => [encoding, text, encode, decode] as const)))(
    "as %s: %j",
    (_, text, encode, decode) => {
      const expected = redacted(text);
      expect(expected).not.toBe(text);
      expect(decode(redacted(encode(text)))).toBe(expected);
    },
  );
});

describe("look-alikes next to escapes are kept", () => {
  const texts = [
    "C:\\new\\table\\2024\\report.csv",
    "config loaded pattern=^\\d{3}\\.\\d{3}\\.\\d{3}-\\d{2}$ route=^/api/v1/orders/\\d+$ phone=\\(\\d{2}\\) \\d{5}-\\d{4}",
    "versão 1.2.3.4 instalada, número de itens: 12, versões 2.0.0.1",
    "Preço médio 1234.56 em 30 dias, 4 versões, café 2024",
    "pedido nº 123456 às 10:00\ttotal 4\titens",
    "ts=2026-12-01T10:00:00.123Z\nrequest_id=9f8e7d6c5b4a3210\ntrace_id=0af7651916cd43dd8448eb211c80319c\nspan_id=00f067aa0ba902b7\nduration_ms=1234\nstatus=200",
    "done\n1764583200000000000 ns\nepoch 1764583200",
    "build 4821\nport 8080\norder 123456 shipped",
    "order_id=52998224725\ninvoiceId: 11144477735",
    // A value's word before an escaped quote is that word (the backslash is the quote's).
    "Signature: Approved",
    "level=warn msg=\"auth config\" basic_auth=disabled proxy_auth=none auth=off",
  ];
  it.each(ENCODINGS.flatMap(([encoding, encode]) => texts.map((text) => [encoding, text, encode] as const)))("as %s: %j", (_, text, encode) => {
    expect(redacted(text)).toBe(text);
    const json = encode(text);
    expect(redacted(json)).toBe(json);
  });

  it("keeps the version after a word whose accent is escaped (`vers\\u00e3o 1.2.3.4`), which read raw was an address", () => {
    const text = String.raw`{"msg":"vers\u00e3o 1.2.3.4 instalada"}`;
    expect(redacted(text)).toBe(text);
  });
});

describe("JSON stays JSON", () => {
  it("the value's closing quote keeps its escape: a match's trailing backslashes are the quote's", () => {
    const text = JSON.stringify({ a: JSON.stringify({ detail: "password=abc12345", x: 1 }) });
    const result = redacted(text);
    expect(JSON.parse((JSON.parse(result) as { a: string }).a)).toEqual({ detail: "password=[REDACTED:secret_param]", x: 1 });
    const twice = JSON.stringify(JSON.stringify("--client-secret=9d8f7e6c5b4a"));
    expect(decoded(redacted(twice), 2)).toBe("--client-secret=[REDACTED:secret_param]");
  });

  it("for every true positive and look-alike of the corpus, written in JSON every way above", async () => {
    const { TEXT_LOOK_ALIKES, TEXT_TRUE_POSITIVES } = await import("../fixtures/pii/corpus");
    for (const { text } of [...TEXT_TRUE_POSITIVES, ...TEXT_LOOK_ALIKES]) {
      for (const [encoding, encode, decode] of ENCODINGS) {
        const result = redacted(encode(text));
        expect(() => decode(result), `${encoding}: ${text}`).not.toThrow();
      }
      // A text that is JSON text itself (an object, an array or a string) stays JSON text.
      if (/^[{["]/.test(text) && parsesAsJson(text)) expect(parsesAsJson(redacted(text)), text).toBe(true);
    }
  });
});

describe("the facts of a text with escapes are those of what it says", () => {
  it("shows only `ESCAPES` as written, and its view shows the `@` an escape hid", () => {
    const text = String.raw`{"user": "ana\u0040example.com"}`;
    expect(evidenceIn(text)).toBe(Evidence.ESCAPES);
    const view = escapeView(text)!;
    expect(view.text).toBe('{"user": "ana@example.com"}');
    expect(evidenceIn(view.text, true) & Evidence.MAIL_AT).toBe(Evidence.MAIL_AT);
  });

  it("reads a text whose backslashes encode no character (`\\\"`, `\\\\`) as it is", () => {
    for (const text of [String.raw`{\"password\":\"x\"}`, String.raw`C:\\Users\\ana@example.com`]) {
      expect(evidenceIn(text)).toBe(evidenceIn(text, true));
      expect(evidenceIn(text) & Evidence.ESCAPES).toBe(0);
    }
  });

  it("never shows `ESCAPES` for a text without a backslash, whatever shares its first loop's bit (`J`, `$`)", () => {
    for (const text of ["Jane paid $5 via eyJhbGciOi", "JSON $ref", "ana@example.com", ""]) {
      expect(evidenceIn(text) & Evidence.ESCAPES).toBe(0);
    }
  });
});

describe("the view of a string holding escapes", () => {
  it("reads each escape that encodes a character as it, one level down too, and leaves quotes, backslashes and the rest as written", () => {
    const view = escapeView(String.raw`a\nb\rc\td\be\ff\/g\u00e3h\\ni\\\nj\\\\tk\u0022l\u005cm\"n\\o\dp\u12zz`)!;
    expect(view.text).toBe("a\nb\rc\td\be\ff/gãh\ni\\\\\nj\tk" + String.raw`\u0022l\u005cm\"n\\o\dp\u12zz`);
  });

  it("is none when no escape encodes a character", () => {
    for (const text of [String.raw`{\"a\":\"b\"}`, String.raw`C:\\Users\\ana`, String.raw`^\d+$`, String.raw`\u0022 \u005C`, "\\"]) {
      expect(escapeView(text)).toBeUndefined();
    }
  });

  it("maps each of its characters to where it starts as written: whole escapes", () => {
    const view = escapeView(String.raw`ab\u00e3cd\\nef`)!;
    expect(view.text).toBe("abãcd\nef");
    expect([0, 2, 3, 4, 5, 6, 8].map((at) => view.rawIndex(at))).toEqual([0, 2, 8, 9, 10, 13, 15]);
    // Asked behind the last position, the walk starts over.
    expect(view.rawIndex(3)).toBe(8);
  });

  it("writes what a replacement keeps of the replaced text as written, and escapes control characters at the replaced text's level", () => {
    const label = escapeView(String.raw`senha\u003dabc123`)!;
    expect(label.written(0, label.text.length, "senha=[REDACTED:secret_param]")).toBe(String.raw`senha\u003d[REDACTED:secret_param]`);
    const deeper = escapeView(String.raw`x\\ny`)!;
    expect(deeper.written(0, 3, "A\nB")).toBe(String.raw`A\\nB`);
    expect(deeper.written(0, 3, "x\n[REDACTED:k]")).toBe(String.raw`x\\n[REDACTED:k]`);
  });
});

describe("the cost of reading through escapes", () => {
  /** `prefix` and `unit` repeated to `size` characters at least, whole. */
  const built = (prefix: string, unit: string, size: number) => prefix + unit.repeat(Math.ceil(size / unit.length));


  it.each([
    ["escapes only", "", String.raw`\n`],
    ["escaped accents", "", String.raw`caf\u00e9 `],
    ["long backslash runs", "", String.raw`\\\\\\\\n\\\\\\\\\\\"`],
    ["e-mails between escaped line breaks", "", String.raw`a@b.co\n`],
    ["e-mails after one escaped line break", String.raw`\n`, "ana@example.com "],
    ["addresses between doubly escaped tabs", "", String.raw`203.0.113.9\\t`],
    ["e-mails in escaped quotes with escaped accents", "", String.raw`\"n\u00e3o\":\"ana@example.com\",`],
  ])("is linear in the text (%s): twice the text, at most twice the work", (_, prefix, unit) => {
    const n = 1 << 15;
    const small = redactionWork(built(prefix, unit, n));
    const large = redactionWork(built(prefix, unit, 2 * n));
    expect(small.work).toBeGreaterThan(0);
    expect(large.work).toBeLessThanOrEqual(2 * small.work + 8192);
    expect(large.work).toBeLessThanOrEqual(8 * 2 * n);
    expect(large.markers).toBe(2 * small.markers);
  });
});

describe("the view is built only where it may show evidence (escapesMayShowEvidence)", () => {
  /** Ways senders write a text with escapes: JSON strings one and two levels down, blanks as escaped line breaks and tabs, every character past ASCII, `@` and `/` as `\uXXXX`. */
  const FORMS: Array<[string, (text: string) => string]> = [
    ["a JSON string", (text) => JSON.stringify(text).slice(1, -1)],
    ["a JSON string in a JSON string", (text) => JSON.stringify(JSON.stringify(text)).slice(3, -3)],
    ["blanks as \\n", (text) => text.replaceAll(" ", String.raw`\n`)],
    ["blanks as \\t", (text) => text.replaceAll(" ", String.raw`\t`)],
    ["blanks as stack trace lines", (text) => text.replaceAll(" ", String.raw` \n    `)],
    ["blanks as \\\\n", (text) => text.replaceAll(" ", String.raw`\\n`)],
    ["line breaks around each word", (text) => text.replaceAll(" ", String.raw`\r\n`)],
    ["@, / and letters past ASCII as \\u", (text) => asciiOnly(text).replace(/[@/]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`)],
  ];
  const TEXTS = [...TEXT_TRUE_POSITIVES, ...TEXT_LOOK_ALIKES].map(({ name, text }) => [name, text] as const);

  it("loses no evidence the view shows, over the corpus written in each form: the raw text's facts hold the view's", () => {
    let skipped = 0;
    for (const [form, write] of FORMS) {
      for (const [name, text] of TEXTS) {
        const written = write(text);
        const view = escapeView(written);
        if (view === undefined || escapesMayShowEvidence(written)) continue;
        skipped++;
        // The raw facts are asked in the view's place: they must hold every one of them, in both words.
        const rawMore = new Int32Array(1);
        const viewMore = new Int32Array(1);
        const raw = evidenceIn(written, true, rawMore);
        const missing = evidenceIn(view.text, true, viewMore) & ~raw;
        expect({ form, name, missing, missingMore: viewMore[0]! & ~rawMore[0]! }).toEqual({ form, name, missing: 0, missingMore: 0 });
      }
    }
    // No empty check: many texts take the cheap way (most in the stack trace's form).
    expect(skipped).toBeGreaterThan(50);
  });

  it("reads an escaped tab as the blank the view shows, where the view is skipped", () => {
    const text = String.raw`GET\t/auth/google/callback?code=abc123`;
    expect(escapesMayShowEvidence(text)).toBe(false);
    const more = new Int32Array(1);
    evidenceIn(text, true, more);
    expect(more[0]! & MoreEvidence.KEY_PHRASE).toBe(MoreEvidence.KEY_PHRASE);
  });

  it("skips the view of a stack trace's lines, and the text comes back as the same string", () => {
    const trace = String.raw`Error: request failed\n    at fetchOrder (/app/src/orders.ts:42:11)\n    at async handle (/app/src/index.ts:7:3)`;
    expect(escapesMayShowEvidence(trace)).toBe(false);
    expect(evidenceIn(trace, true)).toBe(0);
    expect(redacted(trace)).toBe(trace);
  });

  itStores("still reads through the escapes that may show evidence: %s", redacted, [
    [String.raw`Cliente:\n529.982.247-25`, String.raw`Cliente:\n[REDACTED:cpf]`],
    [String.raw`contato\tana\u0040example.com`, String.raw`contato\t[REDACTED:email]`],
    [String.raw`ok)\n    senha=hunter22`, String.raw`ok)\n    senha=[REDACTED:secret_param]`],
  ]);
});
