/**
 * One-time and verification codes in German, French, Italian and Dutch sentences: the code
 * phrase's words in those languages (`Ihr Code lautet`, `Bestätigungscode`, `TAN`, `votre code
 * :`, `code de vérification`, `il tuo codice è`, `verificatiecode`) name the digits after them
 * as the reader's code; an error's, a status's, an order's or a place's code stays, and so does
 * a count (`Dein Code ist 1234 Zeilen lang`, `je code 1234 lignes`) or a year and a project's
 * word (`TAN 2024 rollout`) after the words.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { expectKept, expectRedacted } from "../support/redaction";

const SECRET_PARAM = "[REDACTED:secret_param]";
const policy = defaultRedactionPolicy();

describe("a one-time code in German, French, Italian and Dutch", () => {
  it("goes after the words that name the reader's code", () => {
    expectRedacted([
      ["Ihr Code lautet 482913", `Ihr Code lautet ${SECRET_PARAM}`],
      ["IHR CODE LAUTET: 482913", `IHR CODE LAUTET: ${SECRET_PARAM}`],
      ["Ihr Bestätigungscode: 482913", `Ihr Bestätigungscode: ${SECRET_PARAM}`],
      ["Sicherheitscode 482913", `Sicherheitscode ${SECRET_PARAM}`],
      ["Einmalpasswort 482913", `Einmalpasswort ${SECRET_PARAM}`],
      ["Ihr Einmal-Passwort ist 482913", `Ihr Einmal-Passwort ist ${SECRET_PARAM}`],
      ["TAN: 482913", `TAN: ${SECRET_PARAM}`],
      ["Ihre mTAN lautet 48291374", `Ihre mTAN lautet ${SECRET_PARAM}`],
      ["Dein Code für Amazon lautet 482 913", `Dein Code für Amazon lautet ${SECRET_PARAM}`],
      ["Ihr Code wurde gesendet: 482913", `Ihr Code wurde gesendet: ${SECRET_PARAM}`],
      ["Dein Login-Code: 482913", `Dein Login-Code: ${SECRET_PARAM}`],
      ["Ihr SMS-Code lautet 482913", `Ihr SMS-Code lautet ${SECRET_PARAM}`],
      ["votre code : 482913", `votre code : ${SECRET_PARAM}`],
      ["Votre code de vérification est 482913", `Votre code de vérification est ${SECRET_PARAM}`],
      ["code de confirmation : 482913", `code de confirmation : ${SECRET_PARAM}`],
      ["Ton code est 482913", `Ton code est ${SECRET_PARAM}`],
      ["code d'accès : 4829", `code d'accès : ${SECRET_PARAM}`],
      ["482913 est votre code de sécurité", `${SECRET_PARAM} est votre code de sécurité`],
      ["Entrez le code 482913 pour continuer", `Entrez le code ${SECRET_PARAM} pour continuer`],
      ["il tuo codice è 482913", `il tuo codice è ${SECRET_PARAM}`],
      ["codice di verifica: 482913", `codice di verifica: ${SECRET_PARAM}`],
      ["482913 è il tuo codice", `${SECRET_PARAM} è il tuo codice`],
      ["Inserisci il codice 482913", `Inserisci il codice ${SECRET_PARAM}`],
      ["codice inviato: 482913", `codice inviato: ${SECRET_PARAM}`],
      ["Uw verificatiecode is 482913", `Uw verificatiecode is ${SECRET_PARAM}`],
      ["je code: 482913", `je code: ${SECRET_PARAM}`],
      ["Jouw inlogcode is 482913", `Jouw inlogcode is ${SECRET_PARAM}`],
      ["482913 is je code", `${SECRET_PARAM} is je code`],
    ]);
  });

  it("goes after Italian `Codice:` alone, German `Der Code lautet` and a TAN by its procedure", () => {
    expectRedacted([
      ["Codice: 482913", `Codice: ${SECRET_PARAM}`],
      ["CODICE: 482913", `CODICE: ${SECRET_PARAM}`],
      ["Der Code lautet 482913", `Der Code lautet ${SECRET_PARAM}`],
      ["Der Code lautet: 482913", `Der Code lautet: ${SECRET_PARAM}`],
      ["DER CODE LAUTET 482913", `DER CODE LAUTET ${SECRET_PARAM}`],
      ["Der Code lautet wie folgt: 482913", `Der Code lautet wie folgt: ${SECRET_PARAM}`],
      ["chipTAN 482913", `chipTAN ${SECRET_PARAM}`],
      ["pushTAN: 482913", `pushTAN: ${SECRET_PARAM}`],
      ["TAN-Nr.: 482913", `TAN-Nr.: ${SECRET_PARAM}`],
      ["TAN Nummer 482913", `TAN Nummer ${SECRET_PARAM}`],
      ["TAN-NUMMER: 482913", `TAN-NUMMER: ${SECRET_PARAM}`],
      ["pushTAN-Code: 482913", `pushTAN-Code: ${SECRET_PARAM}`],
      ["smartTAN 482913", `smartTAN ${SECRET_PARAM}`],
      ["Sm@rt-TAN 482913", `Sm@rt-TAN ${SECRET_PARAM}`],
      ["Push-TAN: 482913", `Push-TAN: ${SECRET_PARAM}`],
      ["photoTAN 48291374", `photoTAN ${SECRET_PARAM}`],
      ["smsTAN 482913", `smsTAN ${SECRET_PARAM}`],
      ["mTAN 482913", `mTAN ${SECRET_PARAM}`],
      ["Ihre pushTAN lautet 482913", `Ihre pushTAN lautet ${SECRET_PARAM}`],
      ["TAN-Nummer: 482913", `TAN-Nummer: ${SECRET_PARAM}`],
      ["QR-TAN 482913", `QR-TAN ${SECRET_PARAM}`],
    ]);
  });

  it("stays after those words when they name no code or another", () => {
    expectKept([
      "Codice: 404",
      "codice errore 500",
      "Errore. Codice: 5001",
      "Codice: 12345 - Maglietta",
      "Codice cliente: 482913",
      "Der Code lautet wie folgt:",
      "Der Code lautet wie folgt: siehe Anhang",
      "Der Code ist 1234 Zeilen lang",
      "Der Code für die Bestellung lautet 4711",
      "Der Fehlercode lautet 4711",
      "Der Code lautet 2024-12-01",
      "Code 2024 lautet",
      "ist 1234 Zeilen lang",
      "chipTAN-Verfahren aktiviert",
      "chipTAN-Verfahren 2024 aktiviert",
      "pushTAN-App 2024",
      "TAN-Nr. fehlt",
      "TAN Nummer 5 ungültig",
      "smartTAN plus Gerät",
      "ein chipTAN-Generator 4829",
      "TAN-Liste",
      "TAN-Liste 2024",
      "chipTANs 1234",
    ]);
  });

  it("stays when the words name another code or none", () => {
    expectKept([
      "HTTP code 404",
      "Code 500 returned",
      "Fehlercode 482913",
      "Fehler-Code 482913",
      "HTTP-Code 4040",
      "Ihr Fehlercode lautet 482913",
      "Ihr Rabatt Code lautet 482913",
      "Ihr Gutscheincode lautet 482913",
      "Bestellnummer 482913",
      "Ihre Bestellung 482913",
      "Sicherheitscode ändern",
      "TAN-Verfahren 2024 aktiviert",
      "TANK 4821",
      "code de retour 1",
      "code de retour 1234",
      "votre code client : 482913",
      "votre code promo est 482913",
      "code de confirmation envoyé",
      "codice errore 482913",
      "il tuo codice errore è 4829",
      "codice prodotto 482913",
      "statuscode 200",
      "Uw bestelcode is 482913",
      "a ton of code 4821",
      "Ihr Code ist abgelaufen",
      "votre code est incorrect",
      "il tuo codice è scaduto",
      "Geben Sie den Code ein, um fortzufahren",
    ]);
  });
});

describe("a count or a year after a code's words", () => {
  it("stays: a unit or a counted thing after the number, a project's word after a year", () => {
    expectKept([
      "Dein Code ist 1234 Zeilen lang",
      "Ihr Code ist 4096 Zeichen lang",
      "your code is 1234 lines long",
      "YOUR CODE IS 1234 LINES",
      "Your code is 4096 bytes",
      "Your code is 1500 ms",
      "your code is 1234 LOC",
      "the code is 200 lines",
      "le code est 1234 lignes",
      "votre code est 1234 lignes",
      "je code 1234 lignes",
      "Je code 1234 lignes de Python",
      "il code 200 lignes par jour",
      "je code 12000 lignes par jour",
      "Tu código es 1234 líneas",
      "Seu código é 1234 linhas",
      "Il tuo codice è 1234 righe",
      "Uw code is 1234 regels",
      "TAN 2024 rollout",
      "TAN 2025 migration",
      "TAN 2024-Rollout",
      "SMS-TAN 2024 rollout",
      "mTAN 2025 Umstellung",
      "Ihre TAN 2024 Einführung",
      "TAN: 2024 migration",
      "OTP 2024 rollout",
    ]);
  });

  it("goes when no unit or project's word follows, or the number is no year", () => {
    expectRedacted([
      ["your code is 1234", `your code is ${SECRET_PARAM}`],
      ["Dein Code ist 482913", `Dein Code ist ${SECRET_PARAM}`],
      ["TAN 482913", `TAN ${SECRET_PARAM}`],
      ["Ihre TAN: 482913", `Ihre TAN: ${SECRET_PARAM}`],
      ["TAN 482913 eingeben", `TAN ${SECRET_PARAM} eingeben`],
      ["TAN 2024 eingeben", `TAN ${SECRET_PARAM} eingeben`],
      ["TAN 482913 rollout", `TAN ${SECRET_PARAM} rollout`],
      ["Your code is 482913 valid for 5 minutes", `Your code is ${SECRET_PARAM} valid for 5 minutes`],
      ["je code 4567", `je code ${SECRET_PARAM}`],
      // A capitalised word opens the next sentence, a key's `=` a field; six digits or groups are a code's; `update` and `review` are no project.
      ["Your verification code is 482913 Token expires in 10 minutes", `Your verification code is ${SECRET_PARAM} Token expires in 10 minutes`],
      ["Your login code: 482913 Line 2 of the SMS", `Your login code: ${SECRET_PARAM} Line 2 of the SMS`],
      ["Your code is 4829 ms=12", `Your code is ${SECRET_PARAM} ms=12`],
      ["Il tuo codice è 4829 ore 14:30", `Il tuo codice è ${SECRET_PARAM} ore 14:30`],
      ["Dein Code ist 482913 Zeichen", `Dein Code ist ${SECRET_PARAM} Zeichen`],
      ["Your code is 482 913 lines", `Your code is ${SECRET_PARAM} lines`],
      ["Ihre TAN lautet 2024 Update", `Ihre TAN lautet ${SECRET_PARAM} Update`],
      ["OTP 2024 plan", `OTP ${SECRET_PARAM} plan`],
    ]);
  });
});

/**
 * A code's words and digits repeated for 64 KB, a hyphen glued to each code so that only the
 * first is one (the words after it are glued to the hyphen): each later code still reads the
 * words before it, and that read stays short (64 KB of `TAN 2024-` took over half a second).
 * What redaction writes is pinned, never the time; the size stays so a slow read shows in the run.
 */
describe("a code's words and digits repeated for 64 KB", () => {
  const repeated = (unit: string) => unit.repeat(Math.ceil(65_536 / unit.length));

  it.each([
    ["TAN 2024-", "2024"],
    ["OTP 2024-", "2024"],
    ["TAN 12345-", "12345"],
    ["PIN 2024-2024-", "2024-2024"],
    ["OTP 123-456-", "123-456"],
  ])("redacts the first code only: %j", (unit, code) => {
    const text = repeated(unit);
    expect(redactString(text, policy).text).toBe(text.replace(code, SECRET_PARAM));
  });

  it.each(["2024-TAN ", "TAN-2024 ", "code 2024-", "Code: 2024-", "codice 2024-", "Código 2024-"])("keeps %j repeated as it is", (unit) => {
    const text = repeated(unit);
    expect(redactString(text, policy).text).toBe(text);
  });

  it("redacts every code after its own word", () => {
    const text = repeated("TAN 2024 ");
    expect(redactString(text, policy).text.split(SECRET_PARAM)).toHaveLength(text.split("2024").length);
  });
});

/**
 * A secret's or a code's name and its colon repeated for 64 KB (each value the next name, a
 * class's line, a code of capitals): every candidate's checks read the same name again, and that
 * stays cheap. What redaction writes is pinned (its length, its count and a digest of the text, a
 * session's hashed markers written `#`), never the time.
 */
describe("a name and its colon repeated for 64 KB", () => {
  const repeated = (unit: string) => unit.repeat(Math.ceil(65_536 / unit.length));

  it.each([
    ["auth: ", 163836, 5461, "4beb4eed0d18c43af367b57cc9e58ed1"],
    ['"msg":"auth: ', 166366, 5041, "36c99db836a2aeb6dd148e4fb2da5471"],
    ["Auth:142 - ", 29, 1, "a3071b50fc8b1cc359cc99c9c34b645e"],
    ["session: ", 105589, 3641, "09f830c3b79d88f9ec541611dd9f8a8b"],
    ["token: ", 105338, 2341, "e891e372ea180ce87cd29fc9a6e1d33d"],
    ["password: Ab1!x => ", 127650, 3450, "37b9843a11c1cbeaae08407b5c6c99f3"],
    ["OTP: ", 190066, 6554, "9a07d1547bd1b021f01969829cbe1608"],
    ["code KXQPMZ ", 65544, 0, "9816244cc6ebb9be48068da379630738"],
  ])("%j repeated", (unit, length, replaced, digest) => {
    const redacted = redactString(repeated(unit), policy);
    const text = redacted.text.replace(/\[REDACTED:secret:[0-9a-f]+\]/g, "[REDACTED:secret:#]");
    expect([text.length, redacted.counts.secret_param ?? 0, createHash("sha256").update(text).digest("hex").slice(0, 32)]).toEqual([length, replaced, digest]);
  });
});
