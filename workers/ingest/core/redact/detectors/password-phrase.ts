import { MoreEvidence } from "../evidence";
import { isPasswordShaped, isSecretParameterName, standsForSecret } from "../secret-names";
import type { Detector } from "./detector";
import { SECRET_PARAM_KIND } from "./secret-parameter";

/**
 * A password written in prose after its word, where no `:` or `=` makes it a field (the field
 * detectors read those), counted as `secret_param` as the same value is under the name:
 * - quoted after the word, perhaps after `is`, `was`, `set to` (`Login with password
 *   "hunter2hunter2"`, `User 42 set password "S3cr3t!pass"`, `password was set to 'x9!…'`): the
 *   value unless it is a plain lower-case word, which prose quotes as often as a value
 *   (`password "reset" link sent`, `password "required"`); the quotes stay;
 * - unquoted after `is` or `was` (`password is hunter2x`): only a password's shape
 *   (`isPasswordShaped`, six characters or more), so `password is required`, `password is too
 *   short` and `password is 8 characters` stay;
 * - a secret's parameter with its `=` percent-encoded (`password%3Dhunter2x`,
 *   `redirect=%2Fcb%3Fcode%3Dabc`, RFC 3986 §2.1), as a URL nested in another's query writes
 *   it: the name as a parameter's (`isSecretParameterName`), the value up to an encoded `&`.
 * Other credentials' words (`secret`, `token`, `PIN`, `API key`, `pass phrase`) only before a
 * quoted value after `is`, `was` or `set to` (`secret was "s3cr3tValue"`).
 * English, Portuguese (`senha`) and Spanish (`contraseña`) words; a value that stands for a
 * secret (`standsForSecret`: `"<redacted>"`, `"********"`) stays.
 */
const PASSWORD_WORD = String.raw`(?:[Pp]ass(?:word|phrase)|PASS(?:WORD|PHRASE)|[Ss]enha|SENHA|[Cc]ontrase(?:ñ|n)a|CONTRASE(?:Ñ|N)A)`;
/** What may stand between the word and its value: blanks and `is`, `was`, `set to`, `é`, `es`. */
const LINK = String.raw`[ \t]+(?:(?:is|was|was[ \t]+set[ \t]+to|set[ \t]+to|é|es)[ \t]+)?`;
/**
 * Other credentials' words, whose quoted value counts only after `is`, `was` or `set to`
 * (`secret was "s3cr3tValue"`, `API key is 'k-93f…'`): right before a quote they name an
 * object as often (Kubernetes' `secret "db-creds" not found`, a parser's `unexpected token "}"`).
 */
const CREDENTIAL_WORD = String.raw`(?:[Ss]ecret|SECRET|[Tt]oken|TOKEN|PIN|(?:[Aa]pi|API|[Ss]ecret|SECRET|[Aa]ccess|ACCESS)[ \t]+(?:[Kk]ey|KEY)|[Pp]ass[ \t]+[Pp]hrase|PASS[ \t]+PHRASE)`;
const VERB_LINK = String.raw`[ \t]+(?:is|was|was[ \t]+set[ \t]+to|set[ \t]+to)[ \t]+`;
const QUOTED = String.raw`(?<=(?<![\w-])(?:${PASSWORD_WORD}${LINK}|${CREDENTIAL_WORD}${VERB_LINK}))(["'])[^"'\s\\]{1,128}\1(?![\w])`;
const AFTER_IS = String.raw`(?<=(?<![\w-])${PASSWORD_WORD}[ \t]+(?:is|was)[ \t]+)[^\s"'\[,;()]{6,128}(?<![.!?:])(?![^\s,;()])`;
/** A name, `%3D`, and the value: characters of a query's value and percent-escapes other than an encoded `&` or `=`. */
const ENCODED = String.raw`(?<![\w.%-])[A-Za-z_][\w.-]{0,63}%3[Dd](?:[^&\s"'%]|%(?!26|3[Dd])[0-9A-Fa-f]{2}){1,512}`;
const ENCODED_EQUALS = /%3[Dd]/;
/** The word and `is`/`was` right before an unquoted value (`AFTER_IS`'s lookbehind), read again to tell its matches from `ENCODED`'s. */
const IS_BEFORE = new RegExp(String.raw`(?<![\w-])${PASSWORD_WORD}[ \t]+(?:is|was)[ \t]+$`);

export const passwordPhraseDetector: Detector = {
  kind: SECRET_PARAM_KIND,
  source: `${QUOTED}|${AFTER_IS}|${ENCODED}`,
  evidence: 0,
  moreEvidence: MoreEvidence.PASSWORD_PHRASE,
  rewrite: (match, marker, text, start) => {
    if (match.startsWith("[REDACTED")) return undefined;
    const quote = /^["']/.exec(match)?.[0];
    if (quote !== undefined) {
      const value = match.slice(1, -1);
      return /^[a-z]{1,24}$/.test(value) || standsForSecret(value) || value.startsWith("[REDACTED") ? undefined : `${quote}${marker}${quote}`;
    }
    if (IS_BEFORE.test(text.slice(Math.max(0, start - 40), start))) return isPasswordShaped(match) ? marker : undefined;
    const equals = ENCODED_EQUALS.exec(match)!;
    const value = match.slice(equals.index + 3);
    const named = isSecretParameterName(match.slice(0, equals.index));
    return named && !standsForSecret(value) && !value.startsWith("[REDACTED") ? `${match.slice(0, equals.index + 3)}${marker}` : undefined;
  },
};
