/**
 * One-time codes that hold letters (`7H3K9Q`, `AB12CD`, `KXQPMZ`) after the code phrase's words,
 * in every language those words cover: capitals and digits go after any of them, a code of one
 * capital among digits or of six to eight capitals alone only after words that name a one-time
 * code by themselves (`verification code is`, `OTP:`, `Bestätigungscode`); and a bare `Code:`,
 * `Código:` or `Codice:` message whose code is said to be valid for a while (`Codice: 482913
 * valido per 5 minuti`). Other codes, states, standards and hashes stay.
 */
import { describe, it } from "vitest";
import { expectKept, expectRedacted } from "../support/redaction";

const SECRET_PARAM = "[REDACTED:secret_param]";

describe("a one-time code of capitals and digits", () => {
  it("goes after the words that name the reader's code, in every language they cover", () => {
    expectRedacted([
      ["Your verification code is 7H3K9Q", `Your verification code is ${SECRET_PARAM}`],
      ["2FA code: AB12CD", `2FA code: ${SECRET_PARAM}`],
      ["Your security code is AB12CD.", `Your security code is ${SECRET_PARAM}.`],
      ["Your login code: 7H3K9Q (valid 10 min)", `Your login code: ${SECRET_PARAM} (valid 10 min)`],
      ["your one-time password is K9X2PQ", `your one-time password is ${SECRET_PARAM}`],
      ["OTP for login is AB12CD", `OTP for login is ${SECRET_PARAM}`],
      ["Your code is 7H3K9Q", `Your code is ${SECRET_PARAM}`],
      ["Telegram code: AB12CD", `Telegram code: ${SECRET_PARAM}`],
      ["Your code has been sent: AB12CD", `Your code has been sent: ${SECRET_PARAM}`],
      ["We sent you a code: 7H3K9Q", `We sent you a code: ${SECRET_PARAM}`],
      ["Use AB12CD to verify your account", `Use ${SECRET_PARAM} to verify your account`],
      ["Use code AB12CD to sign in", `Use code ${SECRET_PARAM} to sign in`],
      ["Digite o código AB12CD para confirmar", `Digite o código ${SECRET_PARAM} para confirmar`],
      ["7H3K9Q is your Google verification code", `${SECRET_PARAM} is your Google verification code`],
      ["YOUR VERIFICATION CODE IS 7H3K9Q", `YOUR VERIFICATION CODE IS ${SECRET_PARAM}`],
      ["Seu código de verificação é 7H3K9Q", `Seu código de verificação é ${SECRET_PARAM}`],
      ["Tu código de verificación es AB12CD", `Tu código de verificación es ${SECRET_PARAM}`],
      ["Ihr Code lautet AB12CD", `Ihr Code lautet ${SECRET_PARAM}`],
      ["Der Code lautet 7H3K9Q", `Der Code lautet ${SECRET_PARAM}`],
      ["Entrez le code 7H3K9Q", `Entrez le code ${SECRET_PARAM}`],
      ["Il tuo codice di verifica è 7H3K9Q", `Il tuo codice di verifica è ${SECRET_PARAM}`],
      ["Il tuo codice è AB12CD", `Il tuo codice è ${SECRET_PARAM}`],
      ["Uw verificatiecode is AB12CD", `Uw verificatiecode is ${SECRET_PARAM}`],
    ]);
  });

  it("goes as one capital among digits or six to eight capitals only after words naming a one-time code", () => {
    expectRedacted([
      ["Your verification code is A12345", `Your verification code is ${SECRET_PARAM}`],
      ["Your verification code is KXQPMZ", `Your verification code is ${SECRET_PARAM}`],
      ["Ihr Bestätigungscode lautet KXQPMZ", `Ihr Bestätigungscode lautet ${SECRET_PARAM}`],
      ["votre code de vérification est KXQPMZ", `votre code de vérification est ${SECRET_PARAM}`],
      ["Jouw verificatiecode is KXQPMZ", `Jouw verificatiecode is ${SECRET_PARAM}`],
      ["código de acceso: KXQPMZ", `código de acceso: ${SECRET_PARAM}`],
      ["Su código de seguridad es QWERTY", `Su código de seguridad es ${SECRET_PARAM}`],
      ["Ihr TAN: KXQPMZ", `Ihr TAN: ${SECRET_PARAM}`],
    ]);
    expectKept(["Your code is KXQPMZ", "Ihr Code lautet ABCDEF", "Your code is E1234", "Your code is H264", "Your code is X509"]);
  });

  it("goes in a bare `Code:` message when a validity follows the code", () => {
    expectRedacted([
      ["Codice: 482913 valido per 5 minuti", `Codice: ${SECRET_PARAM} valido per 5 minuti`],
      ["Codice: 482913 scade tra 5 minuti", `Codice: ${SECRET_PARAM} scade tra 5 minuti`],
      ["Código: 445566 válido por 5 minutos", `Código: ${SECRET_PARAM} válido por 5 minutos`],
      ["Code: 482913 expires in 5 minutes", `Code: ${SECRET_PARAM} expires in 5 minutes`],
      ["Code: AB12CD valid for 10 minutes", `Code: ${SECRET_PARAM} valid for 10 minutes`],
      ["Code : 482913 gültig für 5 Minuten", `Code : ${SECRET_PARAM} gültig für 5 Minuten`],
    ]);
    expectKept(["Code: AB12CD", "Code: E1234 valid", "status code: 5000 valid", "Errore. Codice: 5001 valido"]);
  });

  it("stays: another code, a state, a standard's name, a hash, words without a code", () => {
    expectKept([
      "error code E1234",
      "status code 404",
      "code ABC123 not found in catalog",
      "promo code SUMMER24",
      "Your promo code is SUMMER24",
      "Your order code is AB12CD",
      "Use o código AB12CD para o frete",
      "Use HTTP2 to verify the proxy",
      "Error code: AB12CD",
      "country code DE",
      "code review",
      "verification code sent",
      "verification code expired",
      "invalid verification code",
      "code is valid for 10 minutes",
      "the code is OK",
      "code 7H3K9Q",
      "TLSv1 code",
      "Your code is HTTP2 ready",
      "Your verification code is UTF8",
      "Your code is SHA256 signed",
      "Your code is ARM64 compatible",
      "set PIN GPIO17 high",
      "code 3f2a9c1",
      "Your verification code is EXPIRED",
      "verification code is ENABLED",
      "verification code: INVALID",
      "2FA code: REQUIRED",
      "TAN: PENDING",
      "Your verification code is GOOGLE",
      "OTP verification FAILED",
      "Your zip code is SW1A1AA",
      "ERROR Code: E1045",
    ]);
  });
});
