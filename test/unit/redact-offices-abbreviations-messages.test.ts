/**
 * Over-redactions a diff of redaction before and after a round of name and code rules found, by
 * class: an office or a role after a greeting's courtesy title read as a surname (`Dear Mr.
 * President`), a holder's value cut inside a dotted abbreviation (`Orange S.A.` →
 * `[REDACTED:card_holder]A.`), and a failure's message in code read as a credential's fallback
 * (`.expect("JWT_SECRET must be set")`). Each example is checked standalone (`redactString`,
 * default policy) and through the core as a log body; the forms that must still be redacted stay
 * so.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { redactedLogBody } from "../support/redaction";

const policy = defaultRedactionPolicy();

/** `text` as stored standalone and as a log body: both the same, and `stored`. */
function expectStored(text: string, stored: string): void {
  expect(redactString(text, policy).text).toBe(stored);
  expect(redactedLogBody(text), "log body").toBe(stored);
}

describe("an office or a role after a greeting's courtesy title is no surname", () => {
  it.each([
    "Bonjour Monsieur le Directeur",
    "Bonjour Monsieur le Maire",
    "Bonjour Madame la Présidente",
    "Hola Señor Presidente",
    "Hola Señora Directora",
    "Hola Señor Cliente",
    "Dear Mr. President",
    "Dear Mr. President, your ticket was closed.",
    "Sehr geehrter Herr Präsident",
    "Sehr geehrter Herr Doktor",
    "Bonjour Monsieur le Maire, votre demande a été enregistrée.",
    "Dear Madam Chair,",
  ])("%s stays", (text) => expectStored(text, text));

  it.each([
    ["Dear Mr. Smith", "Dear Mr. [REDACTED:person_name]"],
    ["Sehr geehrter Herr Müller", "Sehr geehrter Herr [REDACTED:person_name]"],
    ["Bonjour Monsieur de Villepin", "Bonjour Monsieur [REDACTED:person_name]"],
    // The name after an office is still a person's; the office and its article stay.
    ["Sehr geehrter Herr Doktor Müller,", "Sehr geehrter Herr Doktor [REDACTED:person_name],"],
    ["Bonjour Monsieur le Directeur Dupont,", "Bonjour Monsieur le Directeur [REDACTED:person_name],"],
    ["Hola Señora Directora Fernández", "Hola Señora Directora [REDACTED:person_name]"],
  ])("%s", (text, stored) => expectStored(text, stored));
});

describe("a holder's value never ends inside a dotted abbreviation", () => {
  it.each([
    "titulaire du compte: Orange S.A.",
    "titular de la cuenta: Telefónica S.A.",
    "card_holder=Acme Holdings S.A.",
  ])("%s is read whole (a company, kept)", (text) => {
    const stored = redactString(text, policy).text;
    expect(stored).toBe(text);
    expect(redactedLogBody(text)).toBe(text);
  });

  it.each([
    ["Card holder: John P. Smith", "Card holder: [REDACTED:card_holder]"],
    ["Card holder: J. Smith", "Card holder: [REDACTED:card_holder]"],
    ["Card holder: John Smith.", "Card holder: [REDACTED:card_holder]."],
    ["titulaire du compte: Jean Dupont", "titulaire du compte: [REDACTED:person_name]"],
    ["card_holder=John P. Smith amount=3", "card_holder=[REDACTED:card_holder] amount=3"],
    ["card_holder=John Smith.", "card_holder=[REDACTED:card_holder]."],
  ])("%s", (text, stored) => expectStored(text, stored));

  it("no marker is followed by the rest of a token", () => {
    for (const text of ["titulaire du compte: Orange S.A.", "Kontoinhaber: Max Mustermann S.A.", "card_holder=Jane Roe S.A. amount=1"]) {
      expect(redactString(text, policy).text).not.toMatch(/\]\.?[A-Za-z]/);
    }
  });
});

describe("a failure's message in code is no credential's fallback", () => {
  it.each([
    'let secret = std::env::var("JWT_SECRET").expect("JWT_SECRET must be set");',
    'let secret = std::env::var("JWT_SECRET").unwrap_or_else(|| panic!("JWT_SECRET must be set"));',
    'const secret = process.env.JWT_SECRET ?? throw new Error("JWT_SECRET must be set");',
    'my $secret = $ENV{JWT_SECRET} || die "JWT_SECRET must be set";',
    'secret = os.environ.get("JWT_SECRET") or raise KeyError("JWT_SECRET must be set")',
    'token = cfg.get("token") or raise SystemExit("token missing")',
    'let secret = std::env::var("JWT_SECRET").unwrap_or_default();',
    'let secret = std::env::var("JWT_SECRET").unwrap_or_else(|_| panic!("JWT_SECRET must be set"));',
    'api_key = os.getenv("API_KEY") or sys.exit("API_KEY missing")',
    'let region = std::env::var("REGION").unwrap_or("eu".to_string());',
  ])("%s stays", (text) => expectStored(text, text));

  it.each([
    // A fallback's call: the literal is the value when the variable is unset, a word of letters too.
    ['let secret = std::env::var("JWT_SECRET").unwrap_or("secret");', 'let secret = std::env::var("JWT_SECRET").unwrap_or("[REDACTED:secret_param]");'],
    ['let secret = std::env::var("JWT_SECRET").unwrap_or("hunter2xyz");', 'let secret = std::env::var("JWT_SECRET").unwrap_or("[REDACTED:secret_param]");'],
    ['String password = Optional.ofNullable(System.getenv("DB_PASSWORD")).orElse("changeme");', 'String password = Optional.ofNullable(System.getenv("DB_PASSWORD")).orElse("[REDACTED:secret_param]");'],
    ['let secret = std::env::var("JWT_SECRET").unwrap_or_else(|_| "secret".to_string());', 'let secret = std::env::var("JWT_SECRET").unwrap_or_else(|_| "[REDACTED:secret_param]".to_string());'],
    ['String token = Optional.ofNullable(System.getenv("TOKEN")).orElseGet(() -> "changeme");', 'String token = Optional.ofNullable(System.getenv("TOKEN")).orElseGet(() -> "[REDACTED:secret_param]");'],
    ['const token = process.env.API_TOKEN ?? "hunter2xyz";', 'const token = process.env.API_TOKEN ?? "[REDACTED:secret_param]";'],
    ['password = os.environ.get("DB_PASSWORD") or "secret"', 'password = os.environ.get("DB_PASSWORD") or "[REDACTED:secret_param]"'],
    // A message beside a fallback: only the fallback goes.
    ['const password = process.env.DB_PASSWORD ?? "hunter2xyz" ?? throw new Error("DB_PASSWORD unset");', 'const password = process.env.DB_PASSWORD ?? "[REDACTED:secret_param]" ?? throw new Error("DB_PASSWORD unset");'],
  ])("%s", (text, stored) => expectStored(text, stored));
});

describe("pwd and pw follow password's state words", () => {
  it.each(["none", "missing", "changed", "true", "expired", "not set"])("%s", (word) => {
    for (const name of ["password", "pwd", "pw"]) expectStored(`${name}: ${word}`, `${name}: ${word}`);
  });

  it("a word people pick as a password is the value after pwd as after password (docs/decisions.md, 2026-12-02)", () => {
    for (const word of ["ok", "set"]) {
      expectStored(`password: ${word}`, "password: [REDACTED:secret_param]");
      expectStored(`pwd: ${word}`, "pwd: [REDACTED:secret_param]");
    }
  });
});
