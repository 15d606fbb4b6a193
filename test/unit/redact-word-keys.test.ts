import { describe, expect, it } from "vitest";
import { wordSearches } from "../../workers/ingest/core/redact/evidence";
import { wordKeysIn, wordKeysOf } from "../../workers/ingest/core/redact/word-keys";

/** Whether `text` may match `pattern` by the word pass alone. */
function mayMatch(pattern: RegExp, text: string): boolean {
  return wordKeysIn(text, wordKeysOf([{ bit: 1, pattern }])) !== 0;
}

describe("wordKeysOf: the first letters of every way through a regex", () => {
  it("keys a way behind a letter-excluding lookbehind by the word it starts, one to three letters", () => {
    const street = /(?<![\w])(?:St|Rd|Avenue)(?![a-z])/;
    expect(mayMatch(street, "12 Main St")).toBe(true);
    expect(mayMatch(street, "12 Main Rd.")).toBe(true);
    expect(mayMatch(street, "9 Avenue Foch")).toBe(true);
    // `St` inside a word starts none.
    expect(mayMatch(street, "Best 12 Main")).toBe(false);
    // A word starting with a key is let through; the regex decides (`stay` is no `St`).
    expect(mayMatch(street, "stay 12")).toBe(true);
  });

  it("keys any other way by three letters anywhere, in any case", () => {
    const password = /[Pp]ass(?:word|wort)|[Kk]ennwort/;
    expect(mayMatch(password, "dbPassword=1")).toBe(true);
    expect(mayMatch(password, "USERKENNWORT")).toBe(true);
    expect(mayMatch(password, "pa ss")).toBe(false);
    expect(mayMatch(password, "bypass")).toBe(true);
    expect(mayMatch(password, "trace_id=4bf92f3577b34da6")).toBe(false);
  });

  it("reads classes of several letters, optional and repeated groups as each way they allow", () => {
    expect(mayMatch(/na[cs]/i, "fechaNac")).toBe(true);
    expect(mayMatch(/na[cs]/i, "nat")).toBe(false);
    const optional = /(?:[Pp]ersonal)?[Aa]usweis/;
    expect(mayMatch(optional, "Ausweis")).toBe(true);
    expect(mayMatch(optional, "personal")).toBe(true);
    // A repeated group is read to its own end: `abcabc` is not missed for `bca`.
    expect(mayMatch(/(?:abc)+d/, "xx abcabcd")).toBe(true);
    expect(mayMatch(/(?:abc)+d/, "xx d")).toBe(false);
  });

  it("sets a search always when a way is keyed by nothing, and throws on a flag or a gated way it cannot read", () => {
    expect(wordKeysOf([{ bit: 2, pattern: /pw|%3/ }]).always).toBe(2);
    expect(wordKeysOf([{ bit: 2, pattern: /password|%3D/, gatedElsewhere: ["%3D"] }]).always).toBe(0);
    expect(() => wordKeysOf([{ bit: 2, pattern: /password/, gatedElsewhere: ["%3D"] }])).toThrow(/no alternative/);
    expect(() => wordKeysOf([{ bit: 2, pattern: /kelvin/iu }])).toThrow(/past ASCII/);
    expect(() => wordKeysOf([{ bit: 3, pattern: /kelvin/ }])).toThrow(/one bit/);
  });

  it("reads a word as a run of ASCII letters: non-ASCII letters, digits and `_` end one", () => {
    const greeting = /(?<![A-Za-z\u00C0-\u017F])(?:[Hh]i|[Dd]ear)(?![a-z])/;
    expect(mayMatch(greeting, "éHi")).toBe(true);
    expect(mayMatch(greeting, "İHi there")).toBe(true);
    expect(mayMatch(greeting, "x_hi")).toBe(true);
    expect(mayMatch(greeting, "1Dear")).toBe(true);
    expect(mayMatch(greeting, "ßchi")).toBe(false);
  });

  it("keys a way past a character that ends a word by the word after it, when that has as many letters", () => {
    const licence = /[Ff][üÜ]hrerschein/;
    expect(mayMatch(licence, "Führerschein 1234")).toBe(true);
    expect(mayMatch(licence, "FÜHRERSCHEIN")).toBe(true);
    // Not keyed by `f` alone: a hex id's `f` after a digit is let through no more.
    expect(mayMatch(licence, "4bf92f3577b34da6")).toBe(false);
    const card = /[Cc][ée]dula|I[Dd][ _-]?Card/;
    expect(mayMatch(card, "cédula 12")).toBe(true);
    expect(mayMatch(card, "CEDULA")).toBe(true);
    expect(mayMatch(card, "ID-Card")).toBe(true);
    expect(mayMatch(card, "IdCard")).toBe(true);
    expect(mayMatch(card, "a1c2d3")).toBe(false);
    // Past the word's end too few letters: the letters before key it (`pw` anywhere keys nothing).
    expect(wordKeysOf([{ bit: 2, pattern: /pw[ _]?x/ }]).always).toBe(2);
    expect(mayMatch(/(?<![A-Za-z])pw[ _]x/, "pw_x")).toBe(true);
    expect(mayMatch(/(?<![A-Za-z])pw[ _]x/, "pa_x")).toBe(false);
  });

  it("reads a lookbehind in a group and keys a way by its lookahead when that rules out more", () => {
    const names = /(?:(?<![A-Za-z0-9])|(?<=[a-z])(?=I[Dd][_-]?Card))(?:NI|[Nn]i|ID[ _-]?[Cc]ard)/;
    expect(wordKeysOf([{ bit: 1, pattern: names }]).always).toBe(0);
    expect(mayMatch(names, "ni=AB123456C")).toBe(true);
    expect(mayMatch(names, "customerIdCard=T22000129")).toBe(true);
    expect(mayMatch(names, "holderId_Card=T22000129")).toBe(true);
    expect(mayMatch(names, "omni 123456")).toBe(false);
    expect(mayMatch(names, "91a41f11d024b546-SFO")).toBe(false);
  });
});

/** Pieces the word searches read and the characters around words that decide their boundaries. */
const PIECES = [
  "password", "Passwort", "pass", "pw", "Kennwort", "mot de passe", "contraseña", "senha", "hasło", "Haslo", "lösenord", "%3D", "api key", "token for", "PIN is", "session",
  "sessão", "SESIÓN", "sid", "reset", "verify", "invite", "stripe.com", "key", "code", "negotiate", "aws4-hmac-sha256", "digest", "ntlm", "street",
  "addr", "line1", "endereço", "straße", "ship_to", "St", "Ave", "Rd", "Av.", "Rua", "Calle", "ul.", "al.", "Plac", "Mr", "Dr.", "Prof.", "Herr",
  "Señor", "Dipl.-Ing.", "CN=", "Name:", "user", "from", "to", "by", "usuário", "my name is", "I am", "I’m", "Ich bin", "Dear", "Hi", "Hello",
  "Good morning", "Sehr geehrte", "Olá", "Oi", "Cześć", "Użytkownik", "birth", "d.o.b", "né le", "passport", "生年月日", "national id", "NINO",
  "NI", "DNI", "PAN", "SIN", "aadhaar", "CURP", "codice fiscale", "cod. fisc.", "sécurité sociale", "Steuer-ID", "Personalausweis", "ausweis",
  "Führerschein", "driver's license", "ID card", "ID number", "cédula", "IdCard", "Id_Card", "ID-Card", "customer", "cedula", "Fuhrerschein",
  "securite", "numéro de sécurité sociale", "rol Único tributario", "Nº", "#", "º", "John", "Maria", "İstanbul", "ı", "ß", "ſ", "K", "é", "ñ", "x",
  "holder", "cardholder", "titulaire", "Kontoinhaber", "intestatario", "posiadacz", "nameOnCard", "on_account", "first_name", "surname", "apellido",
  "sobrenome", "nazwisko", "prénom", "owner", "author", "created_by", "empfänger", "bénéficiaire", "nome_completo", "user.name", "process owner",
  "htpasswd", "chpasswd", "rabbitmqctl", "net user", "net.exe use", "net", "Key (", "Duplicate entry '", "duplicate key value is (", "Failing row contains (",
];
const GLUE = [" ", "", "_", "-", ".", "1", "é", "ß", "İ", "ı", ":", "=", "/", "\t", "a", "X", "123456"];

describe("the evidence walk's word searches: a set bit wherever the regex matches", () => {
  it("misses no match of any search's regex on 30,000 joins of their words, cases and boundaries", () => {
    let seed = 7;
    const next = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
      return seed % n;
    };
    const keys = wordKeysOf(wordSearches());
    const matched = new Map<number, number>();
    for (let n = 0; n < 30_000; n++) {
      let text = "";
      for (let parts = 1 + next(5); parts > 0; parts--) {
        const piece = PIECES[next(PIECES.length)]!;
        const cased = [piece, piece.toUpperCase(), piece.toLowerCase()][next(3)]!;
        text += GLUE[next(GLUE.length)]! + cased;
      }
      const found = wordKeysIn(text, keys);
      for (const { bit, pattern, gatedElsewhere = [] } of wordSearches()) {
        const elsewhere = gatedElsewhere.some((way) => new RegExp(way, pattern.flags).test(text));
        if (!pattern.test(text) || elsewhere) continue;
        matched.set(bit, (matched.get(bit) ?? 0) + 1);
        if ((found & bit) === 0) expect.fail(`/${pattern.source.slice(0, 60)}…/ matches ${JSON.stringify(text)}, its bit is not set`);
      }
    }
    // Every search was met often enough for the check to mean something.
    for (const { bit } of wordSearches()) expect(matched.get(bit) ?? 0).toBeGreaterThan(100);
  });
});

/**
 * The pass's answer as its doc comment states it, read plainly: each run of ASCII letters is a
 * word; a word's first one, two and three letters are looked up in `starts`, every three letters
 * in a row in `inner`. The pass itself reads the same with masks instead of branches.
 */
function wordKeysReadPlainly(text: string, keys: ReturnType<typeof wordKeysOf>): number {
  const number = (letter: string) => (letter.toLowerCase().charCodeAt(0) - 96);
  const keyOf = (letters: string) => [...letters].reduce((key, letter) => (key << 5) | number(letter), 0);
  let found = keys.always;
  for (const [word] of text.matchAll(/[A-Za-z]+/g)) {
    for (let length = 1; length <= Math.min(3, word.length); length++) found |= keys.starts[keyOf(word.slice(0, length))]!;
    for (let end = 3; end <= word.length; end++) found |= keys.inner[keyOf(word.slice(end - 3, end))]!;
  }
  return found;
}

describe("wordKeysIn: the pass reads what its doc comment says", () => {
  it("gives the plain reading's bits on ids, request lines, long words and characters past ASCII", () => {
    const keys = wordKeysOf(wordSearches());
    const fixed = [
      "",
      "91a41f11d024b546-EWR",
      "4bf92f3577b34da6a3ce929d0e0e4736",
      "GET /api/products/12345 200",
      "Passwordpasswordpasswordpasswordpassword",
      "a",
      "ab",
      "abc",
      // Characters past ASCII whose low seven bits are a letter's code (`š` U+0161, `á` U+00E1, `İ` U+0130): no letter.
      "šá Hi İd ıd ſid Kid",
      "\u{1F600}id\u{1F600}dni",
    ];
    for (const text of fixed) expect(wordKeysIn(text, keys), text).toBe(wordKeysReadPlainly(text, keys));
    let seed = 11;
    const next = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
      return seed % n;
    };
    const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _-./:=éšáİıſKß€\u0100\u0141";
    for (let n = 0; n < 20_000; n++) {
      let text = next(2) === 0 ? PIECES[next(PIECES.length)]! : "";
      for (let length = next(40); length > 0; length--) text += alphabet[next(alphabet.length)];
      expect(wordKeysIn(text, keys), text).toBe(wordKeysReadPlainly(text, keys));
    }
  });
});
