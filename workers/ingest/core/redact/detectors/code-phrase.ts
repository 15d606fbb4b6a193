import { Evidence } from "../evidence";
import { SECRET_PARAM_KIND } from "./secret-parameter";
import type { Detector } from "./detector";

/**
 * A one-time or verification code written into a sentence, as notification services log the
 * SMS and e-mail they send: the words name a code that proves who holds an account (the code
 * words of `secret_param`), so the 4 to 8 digits they name are that code; the words stay.
 * Counted as `secret_param`, as the same code written `otp=482913` is. The wordings:
 *
 * - words, then the code: `Your verification code is 482913`, `Login code: 5521`, `Your OTP is
 *   123456`, `passcode 7788`, `PIN: 4821`, `Your one-time password is 482913`, `Your Acme code
 *   is 4821`, `Seu código é 123456`, `código de verificação: 4821`;
 * - the code, then words that make it the reader's code: `Use 482913 as your verification
 *   code`, `482913 is your Google verification code`, `123456 é o seu código`;
 * - Google's SMS form, `G-123456` (the `G-` stays).
 *
 * A number after any other word (`order 123456`, `build 4821`, `port 8080`, `error code 1001`,
 * `status code 404`) is not a code: only these words, or "your" before "code", name one. The
 * digits must end there (`Access code 2026-12-01` is a date). `CODE_WORD` in `evidence.ts` is
 * what every match holds.
 */
const QUALIFIER =
  "(?:[Vv]erification|[Ss]ecurity|[Ll]og-?in|[Ss]ign-?in|[Oo]ne[- ][Tt]ime|[Aa]uthentication|[Cc]onfirmation|[Aa]ccess" +
  "|OTP|2FA|MFA|SMS|PIN|VERIFICATION|SECURITY|LOGIN|ONE[- ]TIME)";
/** Nouns that name a code after a qualifier; `password` only after "one-time". */
const QUALIFIED_NOUN = "(?:code|Code|CODE|passcode|PIN|(?<=[Ee][- ][Tt]ime[ \\t]+|E[- ]TIME[ \\t]+)(?:password|Password|PASSWORD))";
/** Nouns that name a one-time code alone. */
const LONE_NOUN = "(?:OTP|TOTP|passcode|Passcode|PASSCODE|PIN)";
/** "your" (and an issuer's name) before a bare "code": the reader's code. */
const YOUR_CODE = "(?:[Yy]our|YOUR)[ \\t]+(?:[A-Z][\\w-]*[ \\t]+)?(?:code|Code|CODE)";
const ENGLISH = `(?:${QUALIFIER}[ \\t]+${QUALIFIED_NOUN}|${LONE_NOUN}|${YOUR_CODE})(?:[ \\t]+(?:is|was|IS))?`;
const CODIGO = "(?:[Cc](?:ó|o)digo|C(?:Ó|O)DIGO)";
const PORTUGUESE =
  `(?:${CODIGO}[ \\t]+(?:de[ \\t]+)?(?:verifica(?:ç|c)(?:ã|a)o|seguran(?:ç|c)a|acesso|confirma(?:ç|c)(?:ã|a)o|autentica(?:ç|c)(?:ã|a)o|login)` +
  `|(?:[Ss]eu|SEU)[ \\t]+${CODIGO}(?:[ \\t]+[A-Z][\\w-]*)?)(?:[ \\t]+(?:é|e))?`;
/** The code's digits, ending there: not glued to a word, nor the start of a date, a decimal or a longer number. */
const DIGITS = "\\d{4,8}(?!\\w|[.,/:-]\\d)";
/** What follows a code given first: a verb, "your" and the name of a code. */
const NAMED_AFTER =
  `[ \\t]+(?:is|as|IS|AS|é|como)[ \\t]+(?:[Yy]our|YOUR|o[ \\t]+seu|[Ss]eu|[Ss]ua)[ \\t]+(?:[A-Z][\\w-]*[ \\t]+)?` +
  `(?:${QUALIFIER}[ \\t]+${QUALIFIED_NOUN}|${LONE_NOUN}|code|Code|CODE|${CODIGO})`;

export const codePhraseDetector: Detector = {
  kind: SECRET_PARAM_KIND,
  source:
    `(?<![\\w-])(?:${ENGLISH}|${PORTUGUESE})[ \\t]*:?[ \\t]*${DIGITS}` +
    `|(?<![\\w.,/:-])${DIGITS}(?=${NAMED_AFTER})` +
    `|(?<![\\w-])G-\\d{6}(?![\\w-]|[.,]\\d)`,
  evidence: Evidence.CODE_PHRASE,
  // The digits end every match: the words before them stay.
  rewrite: (match, marker) => `${match.replace(/\d+$/, "")}${marker}`,
};
