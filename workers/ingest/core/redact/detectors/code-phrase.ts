import { Evidence } from "../evidence";
import { SECRET_PARAM_KIND } from "./secret-parameter";
import type { Detector } from "./detector";

/**
 * A one-time or verification code written into a sentence, as notification services log the
 * SMS and e-mail they send: "Your verification code is 482913", "Login code: 5521",
 * "Seu código de verificação é 482913". The words name a code that proves who holds an account
 * (the code words of `secret_param`), so the 4 to 8 digits after them are that code; the words
 * stay. Counted as `secret_param`, as the same code written `otp=482913` is.
 */
const QUALIFIER =
  "(?:[Vv]erification|[Ss]ecurity|[Ll]og-?in|[Ss]ign-?in|[Oo]ne-time|[Aa]uthentication|[Cc]onfirmation|[Aa]ccess|OTP|2FA|MFA|SMS|VERIFICATION|SECURITY|LOGIN)";
const ENGLISH = `${QUALIFIER}[ \\t]+(?:code|Code|CODE|passcode|PIN)(?:[ \\t]+is)?`;
const PORTUGUESE =
  "[Cc](?:ó|o)digo[ \\t]+(?:de[ \\t]+)?(?:verifica(?:ç|c)(?:ã|a)o|seguran(?:ç|c)a|acesso|confirma(?:ç|c)(?:ã|a)o)(?:[ \\t]+(?:é|e))?";

export const codePhraseDetector: Detector = {
  kind: SECRET_PARAM_KIND,
  source: `(?<![\\w-])(?:${ENGLISH}|${PORTUGUESE})[ \\t]*:?[ \\t]*\\d{4,8}(?![\\d.,/:-]?\\d)`,
  evidence: Evidence.CODE_PHRASE,
  rewrite: (match, marker) => `${match.replace(/\d+$/, "")}${marker}`,
};
