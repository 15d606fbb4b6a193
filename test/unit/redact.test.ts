import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  logRecord as defaultLogRecord,
  metricsRequest as sharedMetricsRequest,
  span as defaultSpan,
} from "../support/model-builders";
import type {
  AnyValue,
  KeyValue,
  LogRecord,
  LogsRequest,
  MetricsRequest,
  NumberDataPoint,
  Span,
  TracesRequest,
} from "../../workers/shared/otlp/model";
import {
  defaultRedactionPolicy,
  parseRedactionPolicy,
  readRedactionPolicyConfig,
  redactRequest,
  redactString,
  type RedactionPolicy,
} from "../../workers/ingest/core/redact";
import { BUILT_IN_DETECTORS } from "../../workers/ingest/core/redact/detectors";
import { RedactionTally } from "../../workers/ingest/core/redact/tally";
import { TextScanner } from "../../workers/ingest/core/redact/text-scanner";
import { Evidence, evidenceIn } from "../../workers/ingest/core/redact/evidence";
import { isSecretName, standsForSecret } from "../../workers/ingest/core/redact/secret-names";
import { scannedText, sessionMarker } from "../support/redaction";

interface TruePositive {
  name: string;
  text: string;
  pii: string[];
  counts: Record<string, number>;
}
interface LookAlike {
  name: string;
  text: string;
}

function corpus<T>(file: string): T[] {
  const url = new URL(`../fixtures/pii/${file}`, import.meta.url);
  return (JSON.parse(readFileSync(url, "utf8")) as { cases: T[] }).cases;
}

function policy(input: unknown): RedactionPolicy {
  const parsed = parseRedactionPolicy(input);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.policy;
}

const str = (stringValue: string): AnyValue => ({ stringValue });
const attr = (key: string, value: AnyValue): KeyValue => ({ key, value });
const attributeMap = (attributes: KeyValue[]) =>
  Object.fromEntries(attributes.map((a) => [a.key, a.value]));


/**
 * `text` with the quotes around markers that are a JSON array's items taken off: a marker is
 * quoted there only when the whole text is JSON (redact/json-place.ts), which words appended to
 * it change; the tests that append words compare what was found, not that quoting.
 */
function withoutItemQuotes(text: string): string {
  return text.replace(/([[,][ \t]*)(\\*)"(\[REDACTED:[a-z_0-9]+\])\2"/g, "$1$3");
}

describe("the text detectors alone: true positives", () => {
  it.each(corpus<TruePositive>("true-positives.json"))("$name", ({ text, pii, counts }) => {
    const result = scannedText(text, defaultRedactionPolicy());
    for (const item of pii) expect(result.text).not.toContain(item);
    expect(result.counts).toEqual(counts);
    // A session's id the detectors find wears the key rule's hashed marker, counted as `secret_param` (docs/decisions.md, 2026-12-03).
    const shows = (kind: string) => result.text.includes(`[REDACTED:${kind}]`) || (kind === "secret_param" && /\[REDACTED:secret:[0-9a-f]{16}\]/.test(result.text));
    for (const kind of Object.keys(counts)) expect(shows(kind), kind).toBe(true);
  });
});

describe("redactString: look-alikes", () => {
  it.each(corpus<LookAlike>("look-alikes.json"))("$name", ({ text }) => {
    expect(redactString(text, defaultRedactionPolicy())).toEqual({ text, counts: {} });
  });
});

describe("redactString", () => {
  it("keeps the scheme word and parameter name so the row still says what was there", () => {
    expect(redactString("Authorization: Bearer abc123def456", defaultRedactionPolicy()).text).toBe(
      "Authorization: Bearer [REDACTED:bearer]",
    );
    expect(redactString("/cb?state=1&code=xyz", defaultRedactionPolicy()).text).toBe(
      "/cb?state=1&code=[REDACTED:secret_param]",
    );
    expect(redactString("redis://u:p4ss@cache:6379", defaultRedactionPolicy()).text).toBe(
      "redis://u:[REDACTED:url_credentials]@cache:6379",
    );
  });

  it("is idempotent: redacting its own output changes and counts nothing", () => {
    for (const { text } of corpus<TruePositive>("true-positives.json")) {
      const once = redactString(text, defaultRedactionPolicy()).text;
      expect(redactString(once, defaultRedactionPolicy())).toEqual({ text: once, counts: {} });
    }
  });

  it("finds the second kind when the first candidate at a place fails its check", () => {
    // 14 digits that fail Luhn but are a valid CNPJ, and 14 that pass Luhn but are no CNPJ.
    expect(redactString("45678912000155", defaultRedactionPolicy()).counts).toEqual({ cnpj: 1 });
    expect(redactString("30569309025904", defaultRedactionPolicy()).counts).toEqual({ card: 1 });
  });

  it("leaves everything alone when the policy is disabled", () => {
    const off = policy({ enabled: false });
    expect(redactString("ana@example.com", off)).toEqual({ text: "ana@example.com", counts: {} });
  });

  it("turns off only the detectors the policy disables", () => {
    const noPhone = policy({ disabledDetectors: ["phone"] });
    expect(redactString("+55 11 91234-5678 ana@example.com", noPhone).text).toBe(
      "+55 11 91234-5678 [REDACTED:email]",
    );
  });

  it("applies extra patterns under their own kind", () => {
    const withOrderIds = policy({ extraPatterns: [{ name: "customer_id", pattern: "CUST-[0-9]{6}" }] });
    expect(redactString("customer CUST-004211 ana@example.com", withOrderIds)).toEqual({
      text: "customer [REDACTED:customer_id] [REDACTED:email]",
      counts: { customer_id: 1, email: 1 },
    });
  });

  it("finds the same in a longer string as in a short one", () => {
    // The words add letters, `b`, `s`, `i` and `r` to the evidence's first loop: nothing it can act on.
    // On a line of their own, they leave a message that is a code alone (`Código: 445566`) one.
    const words = "\nand nothing else was said here by anyone at all in this quiet little line of words";
    for (const { text } of corpus<TruePositive>("true-positives.json")) {
      const short = redactString(text, defaultRedactionPolicy());
      const long = redactString(text + words, defaultRedactionPolicy());
      expect({ ...long, text: withoutItemQuotes(long.text) }).toEqual({ text: withoutItemQuotes(short.text) + words, counts: short.counts });
    }
  });

  it("counts extra pattern groups correctly so later kinds keep their names", () => {
    const grouped = policy({ extraPatterns: [{ name: "ticket", pattern: "(TCK)-(\\d{4})" }] });
    expect(redactString("TCK-1234 by ana@example.com", grouped).counts).toEqual({ ticket: 1, email: 1 });
  });
});

/**
 * A detector's case runs two scanners over every corpus text in seven contexts: 2–10 s alone on
 * two cores, over 60 s (the suite's default) when other suites share them. The corpus grows with
 * every rule, so the limit is a hang guard with room for a loaded machine, not a speed check.
 */
const EVERY_CORPUS_TEXT_TIMEOUT_MS = 300_000;

describe("built-in detectors", () => {
  // The scanner runs a detector only on a text that shows one of its evidence facts, so a
  // detector must redact exactly what it would if it ran on every text. Each corpus text is
  // also tried glued to words and digits, inside JSON (written in and as a JSON string) and query strings, and past the length
  // where the evidence's first loop stops counting.
  const texts = [
    ...corpus<TruePositive>("true-positives.json").map((entry) => entry.text),
    ...corpus<LookAlike>("look-alikes.json").map((entry) => entry.text),
  ];
  const contexts = [
    (text: string) => text,
    (text: string) => `a${text}1`,
    (text: string) => `1 ${text}.`,
    (text: string) => `{"note":"${text}","id":"550e8400-e29b-41d4-a716-446655440000"}`,
    // Held in a JSON string, every quote escaped.
    (text: string) => JSON.stringify({ note: text }),
    (text: string) => `GET /search?q=${text}&page=2`,
    (text: string) => `${"lorem ipsum ".repeat(400)}${text}`,
  ];
  it.each(BUILT_IN_DETECTORS.map((detector) => [detector.kind, detector] as const))(
    "%s: finds the same with and without its evidence gate",
    (_kind, detector) => {
      const gated = new TextScanner([detector]);
      // Neither word of facts: a detector gated by `MoreEvidence` alone would still be gated with `evidence: 0`.
      const everyText = new TextScanner([{ ...detector, evidence: 0, moreEvidence: 0 }]);
      let redacted = 0;
      for (const text of texts) {
        for (const context of contexts) {
          const input = context(text);
          const gatedTally = new RedactionTally();
          const everyTally = new RedactionTally();
          const expected = everyText.redact(input, everyTally);
          expect(gated.redact(input, gatedTally)).toBe(expected);
          expect(gatedTally.toRecord()).toEqual(everyTally.toRecord());
          if (expected !== input) redacted++;
        }
      }
      expect(redacted).toBeGreaterThan(0);
    },
    EVERY_CORPUS_TEXT_TIMEOUT_MS,
  );

  it.each([
    ["a secret field with the only colon", "password: hunter2", "password: [REDACTED:secret_param]"],
    ["a route's colons", "/images/:size/:file", "/images/:size/:file"],
    ["an IPv6 address among ids", "2c880d12546948ab from 2001:db8::7 at 12:30", "2c880d12546948ab from [REDACTED:ipv6] at 12:30"],
    ["a card in a hex-looking line", "ab 4111 1111 1111 1111 cd", "ab [REDACTED:card] cd"],
    ["a CPF past 4,000 characters", `${"x".repeat(4100)} 123.456.789-09`, `${"x".repeat(4100)} [REDACTED:cpf]`],
    ["a known token past 4,000 characters", `${"x".repeat(4100)} AKIAIOSFODNN7EXAMPLE`, `${"x".repeat(4100)} [REDACTED:known_token]`],
    ["a flag as the whole text", "--password=hunter2", "--password=[REDACTED:secret_param]"],
    ["a flag's value in prose is a word", "pass --password secret or --token later", "pass --password secret or --token later"],
    ["a flag's lower-case passphrase", "--password correcthorsebatterystaple", "--password [REDACTED:secret_param]"],
    ["a URL with an empty user", "redis://:p4ss@cache:6379", "redis://:[REDACTED:url_credentials]@cache:6379"],
    ["a pool's URL keeps its scheme, user, host, port and database", "postgres://app:hunter2@db.internal:5432/orders", "postgres://app:[REDACTED:url_credentials]@db.internal:5432/orders"],
    ["a MongoDB SRV URL keeps its cluster", "mongodb+srv://u:p4ssw0rd@cluster0.x.mongodb.net/db?retryWrites=true", "mongodb+srv://u:[REDACTED:url_credentials]@cluster0.x.mongodb.net/db?retryWrites=true"],
    ["a URL in prose", "pool postgres://app:hunter2@db.internal:5432/orders exhausted", "pool postgres://app:[REDACTED:url_credentials]@db.internal:5432/orders exhausted"],
    ["a URL whose user is an e-mail address", "mongodb://ana@example.com:s3cret@db.internal:27017/app", "mongodb://[REDACTED:email]:[REDACTED:url_credentials]@db.internal:27017/app"],
    ["a URL whose user is a percent-encoded e-mail address", "mongodb://ana%40example.com:s3cret@db.internal:27017/app", "mongodb://[REDACTED:email]:[REDACTED:url_credentials]@db.internal:27017/app"],
    ["a URL's user and host without a password", "postgres://app@db.internal:5432/orders", "postgres://app@db.internal:5432/orders"],
    ["a git URL's user and host", "ssh://git@github.com/org/repo.git", "ssh://git@github.com/org/repo.git"],
    ["a URL's password standing for one", "postgres://app:${PG_PASSWORD}@db.internal/orders", "postgres://app:${PG_PASSWORD}@db.internal/orders"],
    ["an ADO.NET connection string", "Server=db.internal,1433;Database=orders;User Id=app;Password=hunter2;Encrypt=true", "Server=db.internal,1433;Database=orders;User Id=app;Password=[REDACTED:secret_param];Encrypt=true"],
    ["a short connection string", "Server=db;User Id=app;Password=x;", "Server=db;User Id=app;Password=[REDACTED:secret_param];"],
    ["an Npgsql connection string's quoted password", "Host=db;Username=app;Password='a;b c';Database=orders", "Host=db;Username=app;Password=[REDACTED:secret_param];Database=orders"],
    ["an ODBC connection string's braced password", "Driver={ODBC Driver 18};Server=db;Uid=app;Pwd={p;w0rd};", "Driver={ODBC Driver 18};Server=db;Uid=app;Pwd=[REDACTED:secret_param];"],
    ["a connection string in a JSON member", '{"dsn":"Server=db;User Id=app;Password=hunter2;"}', '{"dsn":"Server=db;User Id=app;Password=[REDACTED:secret_param];"}'],
    ["a connection string's password standing for one", "Server=db;User Id=app;Password=$DB_PASSWORD;", "Server=db;User Id=app;Password=$DB_PASSWORD;"],
    ["a password pair naming no server is a parameter", "a=1;password=x", "a=1;password=[REDACTED:secret_param]"],
    ["a token after a name keeps the name", "GITHUB_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789", "GITHUB_TOKEN=[REDACTED:secret_param]"],
    ["a bearer token of a known format", "Authorization: Bearer sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8t", "Authorization: Bearer [REDACTED:bearer]"],
  ])("%s", (_name, text, expected) => {
    expect(redactString(text, defaultRedactionPolicy()).text).toBe(expected);
  });

  it("asks no CPF, CNPJ or card detector about digits a letter follows (hex ids, file names)", () => {
    const numbers = Evidence.CPF_DIGITS | Evidence.CNPJ | Evidence.CARD_DIGITS;
    for (const text of ["176189766095a3d1", "6503418035370f3d", "GET /images/320/49905169188a.webp 200", "4111111111111111x", "52998224725_old"]) {
      expect(evidenceIn(text) & numbers).toBe(0);
      expect(redactString(text, defaultRedactionPolicy()).text).toBe(text);
    }
    expect(evidenceIn("cpf 52998224725.") & numbers).toBe(Evidence.CPF_DIGITS);
    expect(evidenceIn("11.222.333/0001-81") & numbers).toBe(Evidence.CPF_DIGITS | Evidence.CNPJ);
    expect(evidenceIn("card 4111 1111 1111 1111") & Evidence.CARD_DIGITS).toBe(Evidence.CARD_DIGITS);
  });

  it("asks the visitor-location detector about a `cf-` header's name, not about a ray id ending in `cf`", () => {
    for (const text of ["6af7c56c2b0feecf-IAD", "x_cf_ipcity=Campinas", "x-cf-ipcity=Campinas"]) {
      expect(evidenceIn(text) & Evidence.VISITOR_LOCATION).toBe(0);
      expect(redactString(text, defaultRedactionPolicy()).text).toBe(text);
    }
    for (const text of ["cf-ipcity=Campinas", '"CF-IPCity": "Campinas"', "cf_ipcity=Campinas"]) {
      expect(evidenceIn(text) & Evidence.VISITOR_LOCATION).toBe(Evidence.VISITOR_LOCATION);
      expect(redactString(text, defaultRedactionPolicy()).text).not.toContain("Campinas");
    }
  });

  it("asks the known-token regex about a Discord webhook's host, not about every `.com/api/` URL", () => {
    // Discord's webhooks are the only known token under `/api/`: its two hosts are the evidence.
    for (const url of ["GET https://shop.example.com/api/users/52745/orders?page=9", "https://api.example.com/api/v2/items"]) {
      expect(evidenceIn(url) & Evidence.KNOWN_TOKEN).toBe(0);
    }
    const token = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefgh";
    for (const host of ["discord.com", "discordapp.com"]) {
      for (const path of ["/api/webhooks/", "/api/v10/webhooks/"]) {
        const text = `POST https://${host}${path}123456789012345678/${token} failed`;
        expect(evidenceIn(text) & Evidence.KNOWN_TOKEN).toBe(Evidence.KNOWN_TOKEN);
        expect(redactString(text, defaultRedactionPolicy()).text).toBe("POST https://[REDACTED:known_token] failed");
      }
    }
  });
});

describe("redactString: codes, SSNs, versions and a sentence's punctuation", () => {
  const redacted = (text: string) => redactString(text, defaultRedactionPolicy()).text;

  it.each([
    ["Your OTP is 123456", "Your OTP is [REDACTED:secret_param]"],
    ["Use 482913 as your verification code", "Use [REDACTED:secret_param] as your verification code"],
    ["passcode 7788", "passcode [REDACTED:secret_param]"],
    ["G-123456 is your Google verification code.", "G-[REDACTED:secret_param] is your Google verification code."],
    ["Seu código é 123456", "Seu código é [REDACTED:secret_param]"],
    ["código de verificação: 4821", "código de verificação: [REDACTED:secret_param]"],
    ["VERIFICATION CODE: 4821", "VERIFICATION CODE: [REDACTED:secret_param]"],
  ])("keeps the words of a one-time code and hides its digits: %j", (text, expected) => {
    expect(redacted(text)).toBe(expected);
  });

  it.each([
    ["codigo de seguridad 987", "codigo de seguridad [REDACTED:secret_param]"],
    ["código de seguridad 987", "código de seguridad [REDACTED:secret_param]"],
    ["Codigo de seguridad: 987", "Codigo de seguridad: [REDACTED:secret_param]"],
  ])("hides a card security code after its Spanish name, written with or without accents: %j", (text, expected) => {
    expect(redacted(text)).toBe(expected);
  });

  it("keeps numbers after words that name no code", () => {
    for (const text of ["order 123456 shipped", "retry 3 of 5", "HTTP 404", "port 8080", "build 4821", "version 2.4.1", "error code 1001", "G-1234567"]) {
      expect(redacted(text)).toBe(text);
    }
  });

  it.each([
    ["OTP: 123456.", "OTP: [REDACTED:secret_param]."],
    ["otp: 123456.", "otp: [REDACTED:secret_param]."],
    ["(otp: 123456)", "(otp: [REDACTED:secret_param])"],
    ["(pin=4821).", "(pin=[REDACTED:secret_param])."],
    ["connect(host=db, password=Pg5ecret) failed", "connect(host=db, password=[REDACTED:secret_param]) failed"],
    ["(password=abc123).", "(password=[REDACTED:secret_param])."],
  ])("keeps a sentence's punctuation out of a value that cannot hold it: %j", (text, expected) => {
    expect(redacted(text)).toBe(expected);
  });

  it.each([
    // A password or a token may end in `.`, `:` or `)`: the whole value goes, never its last character alone.
    ["login failed for password=hunter2.", "login failed for password=[REDACTED:secret_param]"],
    ["password=abc123. next", "password=[REDACTED:secret_param] next"],
    ["password=abc.def", "password=[REDACTED:secret_param]"],
    ["password=hunter2: rejected", "password=[REDACTED:secret_param] rejected"],
    ["password=:-)", "password=[REDACTED:secret_param]"],
    ["password=a(b)", "password=[REDACTED:secret_param]"],
    ["see https://x.example/cb?token=abc123.", "see https://x.example/cb?token=[REDACTED:secret_param]"],
    ["Authorization: Bearer abc123def456.", "Authorization: Bearer [REDACTED:bearer]"],
    ["authorization=Token abc123def456.", "authorization=Token [REDACTED:secret_param]"],
    ["mysql -uroot -pS3cret.", "mysql -uroot -p[REDACTED:secret_param]"],
    ["docker login -u ci -p Zx9kQ2mW7vB4.", "docker login -u ci -p [REDACTED:secret_param]"],
    ["password=Hunter2!", "password=[REDACTED:secret_param]"],
  ])("takes a final punctuation mark a secret may hold with the secret: %j", (text, expected) => {
    expect(redacted(text)).toBe(expected);
  });

  it("reads a MySQL client's -p up to 256 characters of arguments back, whatever the line holds before and after", () => {
    const near = `mysql ${"--opt=x ".repeat(30)}-pS3cret shop`;
    expect(redacted(near)).toBe(`mysql ${"--opt=x ".repeat(30)}-p[REDACTED:secret_param] shop`);
    // The same command after a long line of other flags: its own arguments are what is read.
    const late = `${"x -pa ".repeat(2000)}; mysql -uroot -pS3cret shop`;
    expect(redacted(late)).toBe(`${"x -pa ".repeat(2000)}; mysql -uroot -p[REDACTED:secret_param] shop`);
    // A -p far past the client's arguments is some other program's option.
    const far = `mysql ${"--opt=x ".repeat(40)}-pa`;
    expect(redacted(far)).toBe(far);
  });

  it("leaves no character of a true positive when a period follows it: the sentence keeps it only after a number or a format's end", () => {
    for (const { text, pii } of corpus<TruePositive>("true-positives.json")) {
      const alone = withoutItemQuotes(redacted(text));
      for (const [suffix, kept, taken] of [[".", `${alone}.`, alone], [". Next", `${alone}. Next`, `${alone} Next`]] as const) {
        const result = withoutItemQuotes(redacted(`${text}${suffix}`));
        expect([kept, taken], `${text}${suffix}`).toContain(result);
        for (const item of pii) expect(result).not.toContain(item);
      }
    }
  });

  it("reads a dotted quad after words naming a version as that version, and any other as an address", () => {
    for (const text of ["app_version=1.0.0.0", "version 1.0.0.0", "v1.2.3.4", "release 2.0.0.1 deployed", '"appVersion": "5.0.0.1"', "--version 8.0.0.0", "build is 4.1.0.7"]) {
      expect(redacted(text)).toBe(text);
    }
    expect(redacted("client 203.0.113.7 connected")).toBe("client [REDACTED:ipv4] connected");
    expect(redacted("from=198.51.100.23")).toBe("from=[REDACTED:ipv4]");
    expect(redacted("version 1.0.0.0 from 203.0.113.7")).toBe("version 1.0.0.0 from [REDACTED:ipv4]");
  });

  it("finds SSNs printed with dashes anywhere, and other spellings only after their name", () => {
    expect(redacted("ssn=123-45-6789")).toBe("ssn=[REDACTED:ssn]");
    expect(redacted("SSN: 123 45 6789")).toBe("SSN: [REDACTED:ssn]");
    expect(redacted("social security number 123456789")).toBe("social security number [REDACTED:ssn]");
    expect(redacted("SSN# 123456789, SSN is 536228841")).toBe("SSN# [REDACTED:ssn], SSN is [REDACTED:ssn]");
    expect(redactString("ssn=123-45-6789", defaultRedactionPolicy()).counts).toEqual({ ssn: 1 });
    for (const text of ["123 45 6789", "123456789", "000-12-3456", "666-12-3456", "900-12-3456", "123-00-6789", "123-45-0000", "2024-11-30", "id-123-45-6789", "123-45-6789-1", "550e8400-123-45-6789"]) {
      expect(redacted(text)).toBe(text);
    }
    expect(redactString("ssn=123-45-6789", policy({ disabledDetectors: ["ssn"] })).text).toBe("ssn=123-45-6789");
  });

  it("keeps check-digit-valid numbers given as an id's value; a document's printed form still goes", () => {
    for (const text of ["order_id=52998224725", '"trace.parent_id":"45678912000155"', "orderId: 11144477735", "cloudflare.ray_id=11222333000181"]) {
      expect(redacted(text)).toBe(text);
    }
    expect(redacted("order_id=529.982.247-25")).toBe("order_id=[REDACTED:cpf]");
    expect(redacted("CPF 123.456.789-09")).toBe("CPF [REDACTED:cpf]");
    expect(redacted("customer.document=12345678909")).toBe("customer.document=[REDACTED:cpf]");
  });
});

describe("redactString: Portuguese and Spanish names, public keys, placeholders, ids and URL punctuation", () => {
  const redacted = (text: string) => redactString(text, defaultRedactionPolicy()).text;

  it("reads senha, contraseña and a qualified chave or clave as secret names, and their describing heads as none", () => {
    for (const name of ["senha", "usuario.senha", "SENHA_BANCO", "novaSenha", "contraseña", "contrasena", "chave_api", "chaveSecreta", "clave_privada"]) {
      expect(isSecretName(name), name).toBe(true);
    }
    for (const name of ["chave", "clave", "chave_acesso", "ClaveProdServ", "tipo_senha", "validade_token", "nome_senha"]) {
      expect(isSecretName(name), name).toBe(false);
    }
  });

  it("reads a public key or token as no secret, and a password beside one as one", () => {
    for (const name of ["PublicKeyToken", "publickeytoken", "public_key", "publicToken", "publishable_key", "site_key"]) {
      expect(isSecretName(name), name).toBe(false);
    }
    expect(isSecretName("public_key_password")).toBe(true);
    expect(isSecretName("access_token")).toBe(true);
  });

  it("keeps word placeholders in angle brackets and nothing else in brackets", () => {
    for (const value of ["<your-key>", "<API_TOKEN>", "<password>", "<redacted>", "<set in dashboard>", "<nil>"]) {
      expect(standsForSecret(value), value).toBe(true);
    }
    for (const value of ["<Secr3t!>", "<p@ss>", "<x9Kq2mZ7vB4nL1>", "<<hunter2>>", "<a8$kQ>"]) {
      expect(standsForSecret(value), value).toBe(false);
    }
    expect(redacted("login failed password=<<hunter2>> user=ana")).toBe("login failed password=[REDACTED:secret_param] user=ana");
    expect(redacted('password="<Secr3t!>" x')).toBe('password="[REDACTED:secret_param]" x');
  });

  it("keeps punctuation with a value that the text goes on after, and gives a sentence a number's", () => {
    expect(redacted("?code=4/0AX4XfWh.&state=1")).toBe("?code=[REDACTED:secret_param]&state=1");
    expect(redacted("Authorization: Bearer abc.def.ghi.&x=1")).toBe("Authorization: Bearer [REDACTED:bearer]&x=1");
    expect(redacted("see ?token=abc123.")).toBe("see ?token=[REDACTED:secret_param]");
    expect(redacted("token=abc123.\nnext")).toBe("token=[REDACTED:secret_param]\nnext");
    expect(redacted("otp=123456.\nnext")).toBe("otp=[REDACTED:secret_param].\nnext");
  });

  it("replaces only a code's digits, so the words around it are still scanned", () => {
    expect(redacted("verification code for ana@example.com: 771234")).toBe("verification code for [REDACTED:email]: [REDACTED:secret_param]");
    expect(redactString("Your WhatsApp code: 123-456", defaultRedactionPolicy()).counts).toEqual({ secret_param: 1 });
  });

  it("keeps an SSN-shaped identifier of a thing and finds the same number under a person's id", () => {
    expect(redacted("order_id=123-45-6789 sku=321-54-9876")).toBe("order_id=123-45-6789 sku=321-54-9876");
    expect(redacted("user_id=123-45-6789")).toBe("user_id=[REDACTED:ssn]");
    expect(redacted("order_id=ssn 536-22-8841")).toBe("order_id=ssn [REDACTED:ssn]");
  });

  it("reads which-version names before a dotted quad as a version's, and other names as an address's", () => {
    expect(redacted("version_from=10.1.2.3 ver. 1.0.0.1 versions 1.0.0.0")).toBe("version_from=10.1.2.3 ver. 1.0.0.1 versions 1.0.0.0");
    expect(redacted("release_client=203.0.113.9")).toBe("release_client=[REDACTED:ipv4]");
  });
});

describe("redactString: addresses the words before them name as a server's or a visitor's", () => {
  const redacted = (text: string) => redactString(text, defaultRedactionPolicy()).text;

  it.each([
    ["server 54.232.10.11 port 443"],
    ['upstream: "http://54.232.10.11:8080/"'],
    ["upstream_addr=54.232.10.11:80, 54.232.10.12:80 : 54.232.10.13:80"],
    ["dial tcp [2606:4700:4700::1111]:443: i/o timeout"],
    ["connect ECONNREFUSED 54.232.10.11:443"],
    ['Could not connect to server: Connection refused Is the server running on host "54.232.10.11"'],
    ["connect to mx.example.com[54.232.10.11]:25"],
    ["Host: 54.232.10.11"],
    ["example.com. 300 IN AAAA 2606:2800:220:1:248:1893:25c8:1946"],
  ])("keeps a server's address: %s", (text) => {
    expect(redacted(text)).toBe(text);
  });

  it.each([
    ["client 198.51.100.7 connected", "client [REDACTED:ipv4] connected"],
    ["X-Forwarded-For: 198.51.100.7, 203.0.113.9", "X-Forwarded-For: [REDACTED:ipv4], [REDACTED:ipv4]"],
    ["lost connection to client 198.51.100.7", "lost connection to client [REDACTED:ipv4]"],
    ["connected to 54.232.10.11 from 198.51.100.7", "connected to 54.232.10.11 from [REDACTED:ipv4]"],
    ["remote host: 198.51.100.7", "remote host: [REDACTED:ipv4]"],
    ["blocked host 198.51.100.7", "blocked host [REDACTED:ipv4]"],
    ["read tcp 54.232.10.11:443->198.51.100.7:51234", "read tcp 54.232.10.11:443->[REDACTED:ipv4]:51234"],
    ["connect from unknown[198.51.100.7]", "connect from unknown[[REDACTED:ipv4]]"],
  ])("redacts a visitor's address: %s", (text, expected) => {
    expect(redacted(text)).toBe(expected);
  });
});

describe("redactString: PEM private keys, keys that sign or encrypt, short password names, phones printed like SSNs", () => {
  const redacted = (text: string) => redactString(text, defaultRedactionPolicy());
  const KEY = "MIIEowIBAAKCAQEA1x2yZ3abcDEFghij9Kq2mZ7vB4nL1pQr";

  it.each(["RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "DSA PRIVATE KEY", "PGP PRIVATE KEY BLOCK"])(
    "replaces the material of a %s and keeps its armor lines",
    (label) => {
      for (const newline of ["\n", "\r\n", "\\n", "\\\\n", " "]) {
        const text = `key -----BEGIN ${label}-----${newline}${KEY}${newline}${KEY.slice(5)}==${newline}-----END ${label}----- loaded`;
        expect(redacted(text), JSON.stringify(newline)).toEqual({
          text: `key -----BEGIN ${label}-----[REDACTED:private_key]-----END ${label}----- loaded`,
          counts: { private_key: 1 },
        });
      }
    },
  );

  it("replaces a truncated key up to the first character no key holds", () => {
    expect(redacted(`"-----BEGIN RSA PRIVATE KEY-----\\n${KEY}\\nAbCd…" (cut)`).text).toBe('"-----BEGIN RSA PRIVATE KEY-----[REDACTED:private_key]…" (cut)');
  });

  it("ends a header line of a key flattened to one line at the END line, and keeps what follows", () => {
    expect(redacted("-----BEGIN PGP PRIVATE KEY BLOCK----- Version: GnuPG v2 lQOYBF0Zx9kBCADJ7q3Zp -----END PGP PRIVATE KEY BLOCK----- next").text).toBe(
      "-----BEGIN PGP PRIVATE KEY BLOCK-----[REDACTED:private_key]-----END PGP PRIVATE KEY BLOCK----- next",
    );
  });

  it("replaces a key after a secret name whole, not its first word", () => {
    for (const head of ["private_key=", "private_key: ", "--private-key ", '{"private_key":"']) {
      expect(redacted(`${head}-----BEGIN RSA PRIVATE KEY-----\n${KEY}\n-----END RSA PRIVATE KEY-----`).text, head).toBe(
        `${head}-----BEGIN RSA PRIVATE KEY-----[REDACTED:private_key]-----END RSA PRIVATE KEY-----`,
      );
    }
  });

  it.each(["PRIVATE KEY", "RSA PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "OPENSSH PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY", "PGP PRIVATE KEY BLOCK"])(
    "replaces a %s after a secret name whole, whatever the separator, with one private_key marker",
    (label) => {
      const heads = [
        "private_key = ", "password = ", "private_key =", "private_key= ", "private_key\t=\t", "private_key => ", "private_key := ", "secret = ",
        "[default]\nregion = us-east-1\nprivate_key = ", "export PRIVATE_KEY = ", "ERROR:root:private_key = ", "$private_key = ", "self.private_key = ",
        'secrets["tls"] = ', "[private_key] => ", "loaded config: private_key = ",
      ];
      for (const head of heads) {
        for (const newline of ["\n", "\r\n", "\\n", "\\\\n", " "]) {
          const text = `${head}-----BEGIN ${label}-----${newline}${KEY}${newline}${KEY.slice(5)}==${newline}-----END ${label}-----`;
          expect(redacted(text), JSON.stringify(head + newline)).toEqual({
            text: `${head}-----BEGIN ${label}-----[REDACTED:private_key]-----END ${label}-----`,
            counts: { private_key: 1 },
          });
        }
      }
    },
  );

  it("replaces a key in a quoted value after a spaced `=` as without the blanks, and an unclosed one to where a key's lines end", () => {
    for (const [open, close] of [['"', '"'], ["'''", "'''"], ['"""', '"""']]) {
      const newline = open === '"' ? "\\n" : "\n";
      for (const head of ["private_key = ", "key = ", "private_key="]) {
        expect(redacted(`${head}${open}-----BEGIN PRIVATE KEY-----${newline}${KEY}${newline}-----END PRIVATE KEY-----${close}`).text, head + open).toBe(
          `${head}${open}-----BEGIN PRIVATE KEY-----[REDACTED:private_key]-----END PRIVATE KEY-----${close}`,
        );
      }
    }
    expect(redacted(`private_key = -----BEGIN PRIVATE KEY-----\n${KEY}\n${KEY.slice(3)}… (truncated)`).text).toBe(
      "private_key = -----BEGIN PRIVATE KEY-----[REDACTED:private_key]… (truncated)",
    );
    // Percent-encoded in a query, which the key's own reading does not decode, the value is the parameter's token, whole.
    const encoded = `-----BEGIN%20RSA%20PRIVATE%20KEY-----%0A${KEY}%2B%0A${KEY.slice(4)}%0A-----END%20RSA%20PRIVATE%20KEY-----`;
    expect(redacted(`GET /v1/callback?private_key=${encoded}&page=2 -> 502`).text).toBe("GET /v1/callback?private_key=[REDACTED:secret_param]&page=2 -> 502");
    expect(redacted("password = -----BEGINhunter2x").text).toBe("password = [REDACTED:secret_param]");
    // A JSON member is its key rule's: the whole value goes.
    expect(redacted(`{"private_key": "-----BEGIN PRIVATE KEY-----\\n${KEY}\\n-----END PRIVATE KEY-----\\n"}`).text).toBe('{"private_key": "[REDACTED:secret]"}');
  });

  it("reads the line after a key replaced after a spaced `=` as its own", () => {
    expect(redacted(`private_key = -----BEGIN PRIVATE KEY-----\n${KEY}\n-----END PRIVATE KEY-----\nregion = us-east-1\npassword = hunter2x9`)).toEqual({
      text: "private_key = -----BEGIN PRIVATE KEY-----[REDACTED:private_key]-----END PRIVATE KEY-----\nregion = us-east-1\npassword = [REDACTED:secret_param]",
      counts: { private_key: 1, secret_param: 1 },
    });
  });

  it("replaces a PEM value the key detector cannot take whole as the name's secret, whole", () => {
    const lines = (br: string, label = "RSA PRIVATE KEY") => `-----BEGIN ${label}-----${br}${KEY}${br}${KEY.slice(5)}==${br}-----END ${label}-----`;
    const cases: [string, string][] = [
      // XML's character references and HTML's line breaks, which no key line reads.
      [`<add key="PrivateKey" value="${lines("&#xA;")}" />`, '<add key="PrivateKey" value="[REDACTED:secret_param]" />'],
      [`<setting name="PrivateKey" value="${lines("&#xA;")}"/>`, '<setting name="PrivateKey" value="[REDACTED:secret_param]"/>'],
      [`<config><PrivateKey>${lines("&#xD;\n")}</PrivateKey></config>`, "<config><PrivateKey>[REDACTED:secret_param]</PrivateKey></config>"],
      [`<PrivateKey>${lines("&#13;\n")}</PrivateKey>`, "<PrivateKey>[REDACTED:secret_param]</PrivateKey>"],
      [`<PrivateKey>${lines("&#10;")}</PrivateKey>`, "<PrivateKey>[REDACTED:secret_param]</PrivateKey>"],
      [`private_key = "${lines("<br>")}"`, 'private_key = "[REDACTED:secret_param]"'],
      // OpenVPN's static key, no PEM private key, under a secret's name.
      [`<secret>\n${lines("\n", "OpenVPN Static key V1")}\n</secret>`, "<secret>[REDACTED:secret_param]</secret>"],
      [`secret = "${lines("\\n", "OpenVPN Static key V1")}"`, 'secret = "[REDACTED:secret_param]"'],
      [`const OVPN_SECRET = "${lines("\\n", "OpenVPN Static key V1")}";`, 'const OVPN_SECRET = "[REDACTED:secret_param]";'],
      // A key cut in the middle, its lines after the cut; a lower-case label; no armor line at all.
      [`private_key = "-----BEGIN RSA PRIVATE KEY-----\\n${KEY}...\\n${KEY.slice(5)}==\\n-----END RSA PRIVATE KEY-----"`, 'private_key = "[REDACTED:secret_param]"'],
      [`private_key = "-----BEGIN RSA PRIVATE KEY-----\\n${KEY}…\\n${KEY.slice(5)}==\\n-----END RSA PRIVATE KEY-----"`, 'private_key = "[REDACTED:secret_param]"'],
      [`private_key = "${lines("\\n", "rsa private key")}"`, 'private_key = "[REDACTED:secret_param]"'],
      ['password = "-----BEGIN hunter2x9"', 'password = "[REDACTED:secret_param]"'],
      // Unquoted, a value no key's or public armor opens keeps its first-word replacement.
      ["password = -----BEGIN hunter2x9", "password = [REDACTED:secret_param] hunter2x9"],
      [`secret = ${lines("\n", "OpenVPN Static key V1")}`, `secret = [REDACTED:secret_param] OpenVPN Static key V1-----\n${KEY}\n${KEY.slice(5)}==\n-----END OpenVPN Static key V1-----`],
      // A name glued after the END line: the value's first word, as always, so that the name's rule sees it.
      [`private_key = ${lines(" ")}password=hunter2x9`, `private_key = [REDACTED:secret_param] RSA PRIVATE KEY----- ${KEY} ${KEY.slice(5)}== -----END RSA PRIVATE KEY-----password=[REDACTED:secret_param]`],
    ];
    for (const [text, expected] of cases) expect(redacted(text).text, text).toBe(expected);
    // A key taken whole (to its END line, or to where a cut key's lines end) is the key detector's.
    expect(redacted(`private_key = "-----BEGIN RSA PRIVATE KEY-----\\n${KEY}…"`).text).toBe('private_key = "-----BEGIN RSA PRIVATE KEY-----[REDACTED:private_key]…"');
    // A certificate percent-encoded in a query stays, as it does written out.
    const certificate = `-----BEGIN%20CERTIFICATE-----%0A${KEY}%0A-----END%20CERTIFICATE-----`;
    expect(redacted(`GET /v1/callback?key=${certificate}&page=2`).text).toBe(`GET /v1/callback?key=${certificate}&page=2`);
    expect(redacted(`GET /v1/callback?secret=-----BEGIN+PUBLIC+KEY-----%0A${KEY}`).text).toBe(`GET /v1/callback?secret=-----BEGIN+PUBLIC+KEY-----%0A${KEY}`);
  });

  it("keeps public keys and certificates", () => {
    for (const label of ["PUBLIC KEY", "RSA PUBLIC KEY", "CERTIFICATE", "PGP PUBLIC KEY BLOCK", "CERTIFICATE REQUEST"]) {
      const text = `-----BEGIN ${label}-----\n${KEY}\n-----END ${label}-----`;
      expect(redacted(text).text).toBe(text);
      expect(redacted(`public_key=${text}`).text).toBe(`public_key=${text}`);
      // Under a secret's name too, whatever the separator: the material is published by design.
      for (const head of ["password=", "password = ", "private_key = ", "[password] => ", 'password = "']) {
        expect(redacted(`${head}${text}`).text, head + label).toBe(`${head}${text}`);
      }
    }
  });

  it("reads keys that sign or encrypt and a name's last pass as secret names, and their look-alikes as none", () => {
    for (const name of ["hmac_key", "encryption_key", "master_key", "session_key", "signing_key", "decryption_key", "admin_pass", "db_pass", "DB_PASS", "smtp_pwd", "pwd", "PGPASSWORD", "gpgpassphrase"]) {
      expect(isSecretName(name), name).toBe(true);
    }
    for (const name of [
      "pass", "pass_rate", "passed", "passenger", "bypass", "compass", "session_key_count", "session_key_ttl", "master_key_id",
      "PWD", "OLDPWD", "partition_key", "primary_key", "sort_key", "cache_key", "idempotency_key", "routing_key", "public_key",
    ]) {
      expect(isSecretName(name), name).toBe(false);
    }
    expect(redacted("PWD=/home/app db_pwd=s3cr3tPw").text).toBe("PWD=/home/app db_pwd=[REDACTED:secret_param]");
    expect(redacted("?user=ana&pwd=hunter22").text).toBe("?user=ana&pwd=[REDACTED:secret_param]");
  });

  it("reads a number printed like an SSN after a phone word as a phone, and as an SSN when an SSN is named", () => {
    for (const text of ["Call 800-55-1234", "Phone: 555-12-3456", "TEL. 555-12-3456", "customerPhone=555-12-3456", "telefone: 555-12-3456", "call us at 555-12-3456"]) {
      expect(redacted(text).counts, text).toEqual({ phone: 1 });
      expect(redactString(text, policy({ disabledDetectors: ["phone"] })).text, text).toBe(text);
    }
    expect(redacted("phone ok, SSN: 555-12-3456").text).toBe("phone ok, SSN: [REDACTED:ssn]");
    expect(redacted("hotel 555-12-3456").text).toBe("hotel [REDACTED:ssn]");
    expect(redacted("Phone: +1 415 555 0100").text).toBe("Phone: [REDACTED:phone]");
  });
});

describe("parseRedactionPolicy", () => {
  it("accepts an empty object as the default policy", () => {
    expect(parseRedactionPolicy({}).ok).toBe(true);
  });

  it.each([
    [{ hashKeys: ["user.id"] }, "hashSecret is required when hashKeys is set"],
    [{ hashKeys: ["user.id"], hashSecret: "short" }, "hashSecret must be at least 16 characters"],
    [{ hashSecret: "short" }, "hashSecret must be at least 16 characters"],
    [{ dropKeys: "user.email" }, "dropKeys must be a list of attribute keys"],
    [{ keepKeys: [""] }, "keepKeys.0 must not contain an empty key"],
    [{ enabled: "yes" }, "enabled must be true or false"],
    [{ disabledDetectors: ["emails"] }, 'disabledDetectors.0 names no built-in detector: "emails"'],
    [{ extraPatterns: [{ name: "x", pattern: "(" }] }, "extraPatterns.0.pattern does not compile"],
    [{ extraPatterns: [{ name: "x", pattern: "a*" }] }, "extraPatterns.0.pattern must not match the empty string"],
    [{ extraPatterns: [{ name: "x", pattern: "(a)\\1" }] }, "extraPatterns.0.pattern must not use backreferences"],
    [{ extraPatterns: [{ name: "x", pattern: "(?<id>a)" }] }, "extraPatterns.0.pattern must not use named groups"],
    [{ extraPatterns: [{ name: "email", pattern: "x" }] }, 'extraPatterns.0.name must not reuse the built-in kind "email"'],
    [{ extraPatterns: [{ name: "Bad Name", pattern: "x" }] }, "extraPatterns.0.name must be lower-case"],
    [
      { extraPatterns: Array.from({ length: 17 }, (_, i) => ({ name: `p${i}`, pattern: "x" })) },
      "extraPatterns must hold at most 16 patterns",
    ],
    [{ keepKeys: ["user.id"], dropKeys: ["User.Id"] }, 'dropKeys must not repeat "User.Id", which is already in keepKeys'],
    [{ dropKeys: ["user.email", 7] }, "dropKeys.1 must be a string"],
    [{ extraPatterns: ["CUST-[0-9]{6}"] }, "extraPatterns.0 must be an object"],
    [{ extraPatterns: [{ pattern: "x" }] }, "extraPatterns.0.name is required"],
    [{ geoPrecision: "street" }, 'geoPrecision must be one of '],
    [null, "(policy) must be an object"],
    // A member read nowhere must not pass: `flags: "i"` left the pattern case-sensitive.
    [
      { extraPatterns: [{ name: "cust", pattern: "cust-\\d{6}", flags: "i" }] },
      'extraPatterns.0 has unknown members "flags": only name and pattern are read',
    ],
    [{ extraPatterns: [{ name: "cust", pattern: "x", note: 1, Pattern: "y" }] }, 'extraPatterns.0 has unknown members "note", "Pattern"'],
    [
      { extraPatterns: [{ name: "cust", pattern: "x" }, { name: "other", pattern: "y" }, { name: "cust", pattern: "z" }] },
      'extraPatterns.2.name must not repeat "cust", the name of extraPatterns.0',
    ],
    [{ hashKeys: ["user.id"], hashSecret: " ".repeat(16) }, "hashSecret must be at least 16 characters long, not counting spaces around it"],
    [{ hashKeys: ["user.id"], hashSecret: 1234567890123456 }, "hashSecret must be a string, got a number"],
    [{ extraPatterns: [{ name: 5, pattern: "x" }] }, "extraPatterns.0.name must be a string, got 5"],
    [{ extraPatterns: [{ name: "x", pattern: 5 }] }, "extraPatterns.0.pattern is required: a JavaScript regular expression source, got 5"],
    [{ dropKeys: "user.email" }, 'dropKeys must be a list of attribute keys, got "user.email"'],
    [{ enabled: "yes" }, 'enabled must be true or false, got "yes"'],
  ])("rejects %j naming the setting", (input, message) => {
    const parsed = parseRedactionPolicy(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(message);
  });
  it("names every problem: too many patterns and a bad name among them", () => {
    const extraPatterns = Array.from({ length: 17 }, (_, i) => ({ name: i === 3 ? "Bad" : `p${i}`, pattern: "x" }));
    expect(parseRedactionPolicy({ extraPatterns })).toEqual({
      ok: false,
      error:
        'redaction policy is invalid: extraPatterns.3.name must be lower-case letters, digits and underscores, got "Bad"; ' +
        "extraPatterns must hold at most 16 patterns",
    });
  });

  it("never shows the hash secret's value", () => {
    const parsed = parseRedactionPolicy({ hashKeys: ["user.id"], hashSecret: 9876543210987654 });
    expect(parsed.ok === false && parsed.error).not.toMatch(/98765/);
  });

  it("takes the fields it knows, with their defaults, and ignores others", () => {
    expect(readRedactionPolicyConfig({ dropKeys: ["user.email"], extraPatterns: [{ name: "x", pattern: "y" }], other: 1 })).toEqual({
      ok: true,
      config: {
        enabled: true,
        dropKeys: ["user.email"],
        keepKeys: [],
        hashKeys: [],
        hashSecret: undefined,
        geoPrecision: "region",
        extraPatterns: [{ name: "x", pattern: "y" }],
        disabledDetectors: [],
      },
    });
  });
});

function logRecord(overrides: Partial<LogRecord>): LogRecord {
  return defaultLogRecord({
    timeUnixNano: "1751500800000000000",
    observedTimeUnixNano: "1751500800000000001",
    severityNumber: 9,
    severityText: "INFO",
    flags: 1,
    traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
    spanId: "00f067aa0ba902b7",
    ...overrides,
  });
}

function logsRequest(records: LogRecord[], resourceAttributes: KeyValue[] = []): LogsRequest {
  return {
    resourceLogs: [
      {
        resource: { attributes: resourceAttributes, droppedAttributesCount: 0 },
        scopeLogs: [
          {
            scope: { name: "storefront", version: "1.0.0", attributes: [], droppedAttributesCount: 0 },
            logRecords: records,
            schemaUrl: "",
          },
        ],
        schemaUrl: "",
      },
    ],
  };
}

describe("redactRequest: logs", () => {
  it("redacts string bodies and strings nested in array and kvlist bodies", () => {
    const record = logRecord({
      body: {
        kvlistValue: [
          attr("who", str("ana@example.com")),
          attr("seen", { arrayValue: [str("203.0.113.9"), { intValue: "42" }] }),
        ],
      },
    });
    const redactions = redactRequest("logs", logsRequest([record]), defaultRedactionPolicy());
    expect(redactions).toEqual({ count: 2, kinds: { email: 1, ipv4: 1 } });
    expect(record.body).toEqual({
      kvlistValue: [
        attr("who", str("[REDACTED:email]")),
        attr("seen", { arrayValue: [str("[REDACTED:ipv4]"), { intValue: "42" }] }),
      ],
    });
  });

  it("summarizes on the record what was redacted in it", () => {
    const record = logRecord({
      body: str("ana@example.com paid from 203.0.113.9"),
      attributes: [attr("user.email", str("bia@example.com")), attr("request.id", str("req-1"))],
    });
    redactRequest("logs", logsRequest([record]), defaultRedactionPolicy());
    expect(attributeMap(record.attributes)).toEqual({
      "user.email": str("[REDACTED:email]"),
      "request.id": str("req-1"),
      "redaction.count": { intValue: "3" },
      "redaction.kinds": str("email,ipv4"),
    });
  });

  it("classifies keys the same after a request with more distinct keys than its cache holds", () => {
    const policy = parseRedactionPolicy({ dropKeys: ["geo.city"] });
    if (!policy.ok) throw new Error(policy.error);
    const many = logRecord({
      attributes: Array.from({ length: 5000 }, (_, i) => attr(`field${i}.token`, str(`v${i}`))),
    });
    redactRequest("logs", logsRequest([many]), policy.policy);
    expect(attributeMap(many.attributes)["field4999.token"]).toEqual(str("[REDACTED:secret]"));
    const record = logRecord({
      attributes: [attr("geo.city", str("Recife")), attr("authorization", str("t")), attr("route", str("/a"))],
    });
    redactRequest("logs", logsRequest([record]), policy.policy);
    expect(attributeMap(record.attributes)).toEqual({
      authorization: str("[REDACTED:secret]"),
      route: str("/a"),
      "redaction.count": { intValue: "2" },
      "redaction.kinds": str("dropped,secret"),
    });
  });

  it("adds no summary to a record with nothing to redact, and changes nothing in it", () => {
    const record = logRecord({ body: str("cart updated"), attributes: [attr("cart.items", { intValue: "3" })] });
    const before = structuredClone(record);
    expect(redactRequest("logs", logsRequest([record]), defaultRedactionPolicy()).count).toBe(0);
    expect(record).toEqual(before);
  });

  it("replaces values of keys naming credentials, matching the last dotted segment in any case", () => {
    const record = logRecord({
      attributes: [
        attr("http.request.header.authorization", str("Token abc")),
        attr("http.request.header.Cookie", { arrayValue: [str("sid=1"), str("theme=dark")] }),
        attr("http.response.header.set-cookie", str("sid=2; HttpOnly")),
        attr("http.request.header.x-api-key", str("k_live_1")),
        attr("gen_ai.usage.prompt_tokens", { intValue: "120" }),
        attr("llm.token_count", { intValue: "7" }),
        attr("cache_key", str("cart:42")),
        attr("code", str("E_TIMEOUT")),
      ],
    });
    redactRequest("logs", logsRequest([record]), defaultRedactionPolicy());
    const secret = str("[REDACTED:secret]");
    expect(attributeMap(record.attributes)).toEqual({
      // A credential header keeps its scheme word, its cookies' names and attributes and a preference's value (credential-headers.ts);
      // a session's cookie wears its id's hashed marker, as the id does anywhere.
      "http.request.header.authorization": str("Token [REDACTED:secret]"),
      "http.request.header.Cookie": { arrayValue: [str(`sid=${sessionMarker("1")}`), str("theme=dark")] },
      "http.response.header.set-cookie": str(`sid=${sessionMarker("2")}; HttpOnly`),
      "http.request.header.x-api-key": secret,
      "gen_ai.usage.prompt_tokens": { intValue: "120" },
      "llm.token_count": { intValue: "7" },
      cache_key: str("cart:42"),
      code: str("E_TIMEOUT"),
      "redaction.count": { intValue: "4" },
      "redaction.kinds": str("secret"),
    });
  });

  it("replaces card security codes, PINs and one-time passwords even as numbers; other numbers stay", () => {
    // A lifted payment line: {"card":{"number":…,"cvv":"737"},"otp":123456,"pin":"4921",…}.
    const record = logRecord({
      attributes: [
        attr("card", { kvlistValue: [attr("cvv", str("737")), attr("brand", str("visa"))] }),
        attr("otp", { intValue: "123456" }),
        attr("pin", str("4921")),
        attr("security_code", { intValue: "737" }),
        attr("payment.card.security.code", { doubleValue: 7319 }),
        attr("user.mfa_code", str("552211")),
        attr("cardCvc2", { intValue: "123" }),
        attr("otp_enabled", { boolValue: true }),
        attr("pin_count", { intValue: "3" }),
        attr("llm.token_count", { intValue: "7" }),
        attr("http.response.status_code", { intValue: "402" }),
        attr("error.code", str("card_declined")),
        attr("constructor", { intValue: "1" }),
      ],
    });
    redactRequest("logs", logsRequest([record]), defaultRedactionPolicy());
    const secret = str("[REDACTED:secret]");
    expect(attributeMap(record.attributes)).toEqual({
      card: { kvlistValue: [attr("cvv", secret), attr("brand", str("visa"))] },
      otp: secret,
      pin: secret,
      security_code: secret,
      "payment.card.security.code": secret,
      "user.mfa_code": secret,
      cardCvc2: secret,
      otp_enabled: { boolValue: true },
      pin_count: { intValue: "3" },
      "llm.token_count": { intValue: "7" },
      "http.response.status_code": { intValue: "402" },
      "error.code": str("card_declined"),
      constructor: { intValue: "1" },
      "redaction.count": { intValue: "7" },
      "redaction.kinds": str("secret"),
    });
  });

  it("replaces the element after a secret flag in an argument list, as that flag's value", () => {
    const args = [
      "/usr/bin/node",
      "--db-password=hunter2",
      "--token",
      "s3cr3t",
      "-Dapp.secret",
      "abc",
      "--password",
      "--verbose",
      "--token-file",
      "/run/secrets/token",
      "--no-password",
      "shop",
      "app.js",
    ];
    const record = logRecord({
      attributes: [
        attr("process.command_args", { arrayValue: args.map(str) }),
        attr("process.command_line", str(`node --api-key=k9Xq2mPz7Lw4 --password hunter2 app.js`)),
      ],
    });
    redactRequest("logs", logsRequest([record]), defaultRedactionPolicy());
    const marker = "[REDACTED:secret_param]";
    // By index: the `=` value, and the elements after `--token` and `-Dapp.secret`.
    const redacted = new Map([[1, `--db-password=${marker}`], [3, marker], [5, marker]]);
    expect(attributeMap(record.attributes)).toEqual({
      "process.command_args": { arrayValue: args.map((arg, index) => str(redacted.get(index) ?? arg)) },
      "process.command_line": str(`node --api-key=${marker} --password ${marker} app.js`),
      "redaction.count": { intValue: "5" },
      "redaction.kinds": str("secret_param"),
    });
    const mysql = logRecord({
      attributes: [
        attr("process.command_args", { arrayValue: ["/usr/bin/mysql", "-uroot", "-pS3cr3t!x", "shop"].map(str) }),
        attr("ssh.args", { arrayValue: ["ssh", "-p2222", "bastion"].map(str) }),
      ],
    });
    redactRequest("logs", logsRequest([mysql]), defaultRedactionPolicy());
    expect(attributeMap(mysql.attributes)["process.command_args"]).toEqual({ arrayValue: ["/usr/bin/mysql", "-uroot", marker, "shop"].map(str) });
    expect(attributeMap(mysql.attributes)["ssh.args"]).toEqual({ arrayValue: ["ssh", "-p2222", "bastion"].map(str) });
    const off = logRecord({ attributes: [attr("process.command_args", { arrayValue: ["--token", "s3cr3t"].map(str) })] });
    redactRequest("logs", logsRequest([off]), policy({ disabledDetectors: ["secret_param"] }));
    expect(attributeMap(off.attributes)["process.command_args"]).toEqual({ arrayValue: ["--token", "s3cr3t"].map(str) });
  });

  it("replaces a program's password option in an argument list, and keeps the same letters elsewhere", () => {
    const args = (...items: string[]) => ({ arrayValue: items.map(str) });
    const record = logRecord({
      attributes: [
        attr("redis.args", args("/usr/bin/redis-cli", "-h", "cache", "-a", "S3cretRedis")),
        attr("sqlcmd.args", args("sqlcmd", "-S", "db", "-P", "Str0ngPass")),
        attr("curl.args", args("curl", "-u", "ci-bot:gh0stPassw0rd", "https://x")),
        attr("curl.user_only", args("curl", "-u", "ci-bot", "https://x")),
        attr("docker.args", args("docker", "run", "-p", "8080:8080", "app")),
        attr("ssh.args", args("ssh", "-p", "2222", "bastion")),
      ],
    });
    redactRequest("logs", logsRequest([record]), defaultRedactionPolicy());
    const marker = "[REDACTED:secret_param]";
    expect(attributeMap(record.attributes)).toEqual({
      "redis.args": args("/usr/bin/redis-cli", "-h", "cache", "-a", marker),
      "sqlcmd.args": args("sqlcmd", "-S", "db", "-P", marker),
      "curl.args": args("curl", "-u", marker, "https://x"),
      "curl.user_only": args("curl", "-u", "ci-bot", "https://x"),
      "docker.args": args("docker", "run", "-p", "8080:8080", "app"),
      "ssh.args": args("ssh", "-p", "2222", "bastion"),
      "redaction.count": { intValue: "3" },
      "redaction.kinds": str("secret_param"),
    });
  });

  it("keeps values under names that describe a secret, and arguments that stand for one", () => {
    const kept: Record<string, AnyValue> = {
      session_ttl: str("3600"),
      "k8s.secret_name": str("prod-db-credentials"),
      "llm.token_count": str("512"),
      "auth.token_type": str("Bearer"),
      "user.otp_enabled": str("true"),
      cvv_check: str("pass"),
      "process.command_args": {
        arrayValue: ["/usr/bin/app", "--password", "$DB_PASSWORD", "--token", "${GITHUB_TOKEN}", "--api-key", "********"].map(str),
      },
      "mysql.args": { arrayValue: ["/usr/bin/mysql", "-uroot", "-p${MYSQL_ROOT_PASSWORD}"].map(str) },
    };
    const record = logRecord({
      attributes: [...Object.entries(structuredClone(kept)).map(([key, value]) => attr(key, value)), attr("session_token", str("k9Xq2mPz7Lw4"))],
    });
    redactRequest("logs", logsRequest([record]), defaultRedactionPolicy());
    expect(attributeMap(record.attributes)).toEqual({
      ...kept,
      session_token: str("[REDACTED:secret]"),
      "redaction.count": { intValue: "1" },
      "redaction.kinds": str("secret"),
    });
  });

  it("keeps a placeholder under a credential key, as text does; a value beside it still goes", () => {
    const kept: Record<string, AnyValue> = {
      password: str("${DB_PASSWORD}"),
      api_key: str("<your-key>"),
      token: str("$TOKEN"),
      secret: str("****"),
      "http.request.header.authorization": str("{{ .Values.token }}"),
    };
    const record = logRecord({
      attributes: [...Object.entries(structuredClone(kept)).map(([key, value]) => attr(key, value)), attr("db.password", str("${DB_PASSWORD}x"))],
    });
    redactRequest("logs", logsRequest([record]), defaultRedactionPolicy());
    expect(attributeMap(record.attributes)).toEqual({
      ...kept,
      "db.password": str("[REDACTED:secret]"),
      "redaction.count": { intValue: "1" },
      "redaction.kinds": str("secret"),
    });
  });

  it("drops, keeps and hashes keys as the policy says", () => {
    const configured = policy({
      dropKeys: ["user.email"],
      keepKeys: ["debug.client_ip"],
      hashKeys: ["user.id", "customer_id"],
      hashSecret: "a-long-enough-secret-value",
    });
    const record = logRecord({
      attributes: [
        attr("user.email", str("ana@example.com")),
        attr("debug.client_ip", str("203.0.113.9")),
        attr("user.id", str("u-1001")),
        attr("checkout.customer_id", { intValue: "1001" }),
      ],
    });
    redactRequest("logs", logsRequest([record]), configured);
    const values = attributeMap(record.attributes);
    expect(Object.keys(values)).toEqual([
      "debug.client_ip",
      "user.id",
      "checkout.customer_id",
      "redaction.count",
      "redaction.kinds",
    ]);
    expect(values["debug.client_ip"]).toEqual(str("203.0.113.9"));
    expect(values["user.id"]).toEqual({ stringValue: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(values["redaction.count"]).toEqual({ intValue: "3" });
    expect(values["redaction.kinds"]).toEqual(str("dropped,hashed"));
  });

  it("applies listed keys to every key ending in them: a lifted key that collided, a path inside JSON text", () => {
    const configured = policy({ dropKeys: ["internal.note"], hashKeys: ["user.id"], hashSecret: "a-long-enough-secret-value" });
    const record = logRecord({
      body: str('{"level":"warn","items":[{"user":{"id":"cust-9"},"internal":{"note":"n9"}}]}'),
      attributes: [
        attr("user.id", str("u-own")),
        attr("log.user.id", str("cust-1")),
        attr("log.internal.note", str("from the line")),
        attr("ctx.user.id", str("cust-2")),
        attr("user.identity", str("kept: no dotted suffix is user.id")),
      ],
    });
    redactRequest("logs", logsRequest([record]), configured);
    const values = attributeMap(record.attributes);
    const hashed = { stringValue: expect.stringMatching(/^[0-9a-f]{16}$/) };
    expect(values["user.id"]).toEqual(hashed);
    expect(values["log.user.id"]).toEqual(hashed);
    expect(values["ctx.user.id"]).toEqual(hashed);
    expect(values["log.internal.note"]).toBeUndefined();
    expect(values["user.identity"]).toEqual(str("kept: no dotted suffix is user.id"));
    const body = (record.body as { stringValue: string }).stringValue;
    expect(body).not.toContain("cust-9");
    expect(body).not.toContain("n9");
    expect(JSON.parse(body)).toEqual({ level: "warn", items: [{ user: { id: expect.stringMatching(/^[0-9a-f]{16}$/) }, internal: {} }] });
  });

  it("hashes the same value to the same short hash, and differently under another secret", () => {
    const hashed = (secret: string, id: string) => {
      const record = logRecord({ attributes: [attr("user.id", str(id))] });
      redactRequest("logs", logsRequest([record]), policy({ hashKeys: ["user.id"], hashSecret: secret }));
      return record.attributes[0]?.value;
    };
    const secret = "first-secret-0123456789";
    expect(hashed(secret, "u-1")).toEqual(hashed(secret, "u-1"));
    expect(hashed(secret, "u-1")).not.toEqual(hashed(secret, "u-2"));
    expect(hashed(secret, "u-1")).not.toEqual(hashed("other-secret-0123456789", "u-1"));
  });

  it("summarizes resource and scope redactions on the resource and scope", () => {
    const request = logsRequest(
      [logRecord({ body: str("ok") })],
      [attr("host.ip", str("10.1.2.3")), attr("app.contact", str("203.0.113.9"))],
    );
    request.resourceLogs[0]!.scopeLogs[0]!.scope.attributes.push(attr("owner", str("jane@example.com")));
    redactRequest("logs", request, defaultRedactionPolicy());
    const resourceLogs = request.resourceLogs[0]!;
    expect(attributeMap(resourceLogs.resource.attributes)).toEqual({
      "host.ip": str("10.1.2.3"),
      "app.contact": str("[REDACTED:ipv4]"),
      "redaction.count": { intValue: "1" },
      "redaction.kinds": str("ipv4"),
    });
    expect(attributeMap(resourceLogs.scopeLogs[0]!.scope.attributes)["redaction.kinds"]).toEqual(str("email"));
    expect(resourceLogs.scopeLogs[0]!.logRecords[0]!.attributes).toEqual([]);
  });

  it("overwrites a producer's own summary attributes", () => {
    const record = logRecord({
      body: str("ana@example.com"),
      attributes: [attr("redaction.count", { intValue: "0" })],
    });
    redactRequest("logs", logsRequest([record]), defaultRedactionPolicy());
    expect(attributeMap(record.attributes)["redaction.count"]).toEqual({ intValue: "1" });
  });

  it("does nothing when the policy is disabled", () => {
    const record = logRecord({ body: str("ana@example.com") });
    expect(redactRequest("logs", logsRequest([record]), policy({ enabled: false })).count).toBe(0);
    expect(record.body).toEqual(str("ana@example.com"));
  });
});

function span(overrides: Partial<Span>): Span {
  return defaultSpan({
    traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
    spanId: "00f067aa0ba902b7",
    flags: 1,
    name: "GET /",
    kind: 2,
    startTimeUnixNano: "1751500800000000000",
    endTimeUnixNano: "1751500800100000000",
    ...overrides,
  });
}

describe("redactRequest: traces", () => {
  it("redacts span names, status messages, events and links, summarizing on the span", () => {
    const redacted = span({
      name: "GET /users/ana@example.com",
      status: { code: 2, message: "card 4111111111111111 declined" },
      attributes: [attr("url.full", str("https://shop.example/cb?token=abc123"))],
      events: [
        {
          timeUnixNano: "1751500800050000000",
          name: "exception",
          attributes: [attr("exception.message", str("no customer with cpf 529.982.247-25"))],
          droppedAttributesCount: 0,
        },
      ],
      links: [
        {
          traceId: "5bf92f3577b34da6a3ce929d0e0e4736",
          spanId: "10f067aa0ba902b7",
          traceState: "",
          attributes: [attr("peer", str("198.51.100.7"))],
          droppedAttributesCount: 0,
          flags: 0,
        },
      ],
    });
    const request: TracesRequest = {
      resourceSpans: [
        {
          resource: { attributes: [], droppedAttributesCount: 0 },
          scopeSpans: [
            {
              scope: { name: "s", version: "", attributes: [], droppedAttributesCount: 0 },
              spans: [redacted],
              schemaUrl: "",
            },
          ],
          schemaUrl: "",
        },
      ],
    };
    expect(redactRequest("traces", request, defaultRedactionPolicy()).count).toBe(5);
    expect(redacted.name).toBe("GET /users/[REDACTED:email]");
    expect(redacted.status.message).toBe("card [REDACTED:card] declined");
    expect(redacted.events[0]!.attributes[0]!.value).toEqual(str("no customer with cpf [REDACTED:cpf]"));
    expect(redacted.links[0]!.attributes[0]!.value).toEqual(str("[REDACTED:ipv4]"));
    expect(redacted.links[0]!.traceId).toBe("5bf92f3577b34da6a3ce929d0e0e4736");
    expect(redacted.traceId).toBe("4bf92f3577b34da6a3ce929d0e0e4736");
    expect(redacted.startTimeUnixNano).toBe("1751500800000000000");
    expect(attributeMap(redacted.attributes)).toEqual({
      "url.full": str("https://shop.example/cb?token=[REDACTED:secret_param]"),
      "redaction.count": { intValue: "5" },
      "redaction.kinds": str("card,cpf,email,ipv4,secret_param"),
    });
  });
});

describe("redactRequest: metrics", () => {
  function point(attributes: KeyValue[], exemplarAttributes: KeyValue[] = []): NumberDataPoint {
    return {
      attributes,
      startTimeUnixNano: "0",
      timeUnixNano: "1751500800000000000",
      value: { asInt: "1" },
      exemplars: [
        {
          filteredAttributes: exemplarAttributes,
          timeUnixNano: "1751500800000000000",
          value: { asDouble: 1 },
          spanId: "00f067aa0ba902b7",
          traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
        },
      ],
      flags: 0,
    };
  }

  function metricsRequest(points: NumberDataPoint[], metadata: KeyValue[] = [], resource: KeyValue[] = []): MetricsRequest {
    const data = { type: "sum", dataPoints: points, aggregationTemporality: 2, isMonotonic: true } as const;
    return sharedMetricsRequest(
      [{ name: "http.server.requests.by.203.0.113.9", description: "", unit: "1", metadata, data }],
      resource,
    );
  }
  const hashed = (kinds: string) => ({ stringValue: expect.stringMatching(new RegExp(`^\\[REDACTED:${kinds}:[0-9a-f]{16}\\]$`)) });

  it("replaces identifying values by a keyed hash and adds no attribute key; names stay", () => {
    const first = point([attr("client.address", str("203.0.113.9"))], [attr("user", str("ana@example.com"))]);
    const second = point([attr("route", str("/cart"))]);
    const request = metricsRequest(
      [first, second],
      [attr("owner", str("jane@example.com"))],
      [attr("service.owner", str("jane@example.com"))],
    );
    expect(redactRequest("metrics", request, defaultRedactionPolicy())).toEqual({
      count: 4,
      kinds: { email: 3, ipv4: 1 },
    });
    const resourceMetrics = request.resourceMetrics[0]!;
    const metric = resourceMetrics.scopeMetrics[0]!.metrics[0]!;
    expect(metric.name).toBe("http.server.requests.by.203.0.113.9");
    expect(metric.metadata[0]!.value).toEqual(hashed("email"));
    expect(resourceMetrics.resource.attributes.map((a) => a.key)).toEqual(["service.owner"]);
    expect(first.exemplars[0]!.filteredAttributes[0]!.value).toEqual(hashed("email"));
    expect(attributeMap(first.attributes)).toEqual({ "client.address": hashed("ipv4") });
    expect(attributeMap(second.attributes)).toEqual({ route: str("/cart") });
  });

  it("keeps two series that differ by one client address apart, and the same address the same", () => {
    const points = ["203.0.113.9", "203.0.113.10", "203.0.113.9"].map((address) =>
      point([attr("client.address", str(address)), attr("http.route", str("/cart"))]),
    );
    redactRequest("metrics", metricsRequest(points), defaultRedactionPolicy());
    const values = points.map((p) => (p.attributes[0]!.value as { stringValue: string }).stringValue);
    expect(values[0]).not.toBe(values[1]);
    expect(values[0]).toBe(values[2]);
    expect(values.join(" ")).not.toContain("203.0.113");
    for (const p of points) expect(p.attributes.map((a) => a.key)).toEqual(["client.address", "http.route"]);
  });

  it("hashes credential values too, so distinct credentials stay distinct series", () => {
    const points = ["a1", "b2"].map((value) => point([attr("authorization", str(value))]));
    redactRequest("metrics", metricsRequest(points), defaultRedactionPolicy());
    const [a, b] = points.map((p) => p.attributes[0]!.value);
    expect(a).toEqual(hashed("secret"));
    expect(a).not.toEqual(b);
  });

  it("hashes each credential of a header in place, its scheme word kept", () => {
    const points = ["Bearer a1", "Bearer b2"].map((value) => point([attr("authorization", str(value))]));
    redactRequest("metrics", metricsRequest(points), defaultRedactionPolicy());
    const [a, b] = points.map((p) => (p.attributes[0]!.value as { stringValue: string }).stringValue);
    expect(a).toMatch(/^Bearer \[REDACTED:secret:[0-9a-f]{16}\]$/);
    expect(a).not.toEqual(b);
  });

  it("hashes numeric card security codes and one-time passwords; counts under secret names stay", () => {
    const points = ["123456", "654321"].map((otp) => point([attr("otp", { intValue: otp }), attr("token_count", { intValue: "3" })]));
    redactRequest("metrics", metricsRequest(points), defaultRedactionPolicy());
    const [a, b] = points.map((p) => p.attributes[0]!.value);
    expect(a).toEqual(hashed("secret"));
    expect(a).not.toEqual(b);
    expect(points[0]!.attributes[1]!.value).toEqual({ intValue: "3" });
  });

  it("keys the hash with the configured secret", () => {
    const hashOf = (input: unknown) => {
      const p = point([attr("client.address", str("203.0.113.9"))]);
      redactRequest("metrics", metricsRequest([p]), policy(input));
      return p.attributes[0]!.value;
    };
    expect(hashOf({ hashSecret: "one-secret-value-0001" })).toEqual(hashOf({ hashSecret: "one-secret-value-0001" }));
    expect(hashOf({ hashSecret: "one-secret-value-0001" })).not.toEqual(hashOf({ hashSecret: "another-secret-0002" }));
  });

  it("without a secret keys the hash at random: one policy hashes a value the same, another policy differently, and no key in the source recomputes it", () => {
    const stored = (compiled: ReturnType<typeof policy>) => {
      const p = point([attr("client.address", str("203.0.113.9"))]);
      redactRequest("metrics", metricsRequest([p]), compiled);
      return p.attributes[0]!.value;
    };
    const first = policy({});
    expect(stored(first)).toEqual(stored(first));
    expect(stored(first)).not.toEqual(stored(policy({})));
  });
});
