import { Evidence } from "../evidence";
import { isPasswordShaped, isSecretName, namesPasswordByShape, nameBefore, standsForSecret } from "../secret-names";
import { isSenderMask } from "../sender-masks";
import type { Detector, Rewrite } from "./detector";
import { SECRET_PARAM_KIND } from "./secret-parameter";
import { sentenceEndLength, valueEnd } from "./sentence-end";

/**
 * A secret written next to the sender's own mask of it, counted as `secret_param`: a note of the
 * value it had (`password=*** (was hunter2)`, `token: [FILTERED] (previously sk_4f…)`) or a
 * word right after the mask (`pwd: [REDACTED] P@ssw0rd!`), as a logger that masks the field and
 * then prints the raw value beside it writes. The mask stays (it is the sender's, `isSenderMask`),
 * and so do the name, the note's words and its parentheses: only the word is replaced.
 *
 * In a `(was …)` note the word is the old value of a secret's field: it goes unless it is itself
 * a mask, a marker, a placeholder or a state (`(was empty)`, `(was expired)`). A word after the
 * mask is a secret only when shaped as a password (`isPasswordShaped`: a letter and something
 * else), marked as one (`marksPassword`: a symbol, a digit between letters, mixed case) and
 * not shaped as what a log line writes next (`ORDINARY_NEXT_WORD`: `user=ana`, a flag, a host,
 * an address, a path, an id, a version): `password=*** for user ana`, `token=[FILTERED] expired`,
 * `secret=*** db-01.internal`, `password=*** node7 connected`, `password=*** utf8` stay, and so
 * does a technical name (`TECHNICAL_NAME`: `password=*** utf8mb4`, `password=*** sha1WithRSA`). A
 * password of letters, or of letters then digits (`hunter2`, the shape of `user7`), after a mask
 * is the accepted miss; a marked word that is no secret (`password=*** attempt#2`) the accepted
 * false positive (docs/decisions.md, "A word after a sender's mask", and its revision).
 *
 * The match starts at the separator (`=`, `:`, `=>`), after a name read back by its lookbehind,
 * and runs only on texts that show a secret's name before a separator (the evidence of the
 * `secret_param` forms): a text without one pays nothing.
 */
const MASK = String.raw`(?:\*{3,}|x{3,}|X{3,}|\u2022{3,}|\u25cf{3,}|\.{3,}|\u2026|\[[A-Za-z]{4,12}\]|\([A-Za-z]{4,12}\)|<[A-Za-z]{4,12}>|\*{1,8}[A-Za-z]{4,12}\*{1,8}|[A-Z]{6,10})(?![^\s(])`;
/** The words that open a note of the value before (`(was …)`, `(previously: …)`, `(old=…)`). */
const NOTE = String.raw`[ \t]*\((?:was|previously|formerly|old)(?:[ \t]*[:=][ \t]*|[ \t]+)[^\s()"'\\]{1,128}\)`;
/** A mask's first character: looked at before the name is read back, so most separators cost one look. */
const MASK_START = String.raw`[*xX\u2022\u25cf.\u2026[(<A-Z]`;
/**
 * The separator first (a native scan for `=` and `:`), a mask's first character after it, then
 * the name read back behind it, then the mask and the note or the word, which end at a quote or
 * a backslash (the string's that holds the line: `"pwd: [REDACTED] hunter2"` in JSON text).
 */
const SOURCE = String.raw`(?:=>|=|:)(?=[ \t]*${MASK_START})(?<=(?<![\w.-])[A-Za-z_][\w.-]{0,63}["']?[ \t]*(?:=>|=|:))[ \t]*${MASK}(?:${NOTE}|[ \t]+[^\s"'\\]{1,128})`;
/** The match's parts: the separator, blanks and mask (1); the note's opening (2), its word (3); or the blanks (4) and word (5) after the mask. */
const PARTS = new RegExp(String.raw`^((?:=>|=|:)[ \t]*${MASK})(?:([ \t]*\([a-z]+(?:[ \t]*[:=][ \t]*|[ \t]+))([^\s()]+)\)|([ \t]+)(\S+))$`);

/** A state a note gives instead of a value (`(was empty)`, `(was expired)`), in any case. */
const STATE_WORD = /^(?:empty|unset|none|null|nil|blank|set|changed|reset|expired|rotated|default|same|n\/a|-)$/i;
/**
 * A word a log line writes after a field, no secret: another field (`user=ana`, `at:10:00`), a
 * command's flag (`--password`), a path or a URL, an e-mail address (its own detector's), a host or an address or a version (dotted
 * labels), a hex or UUID id, an id of a word and a number (`req-42`, `order_1234`), a name of
 * lower-case words and numbers joined by `-` or `_` (a Kubernetes node's or a deployment's:
 * `k8s-node-7`, `deploy-api-7`, `db_shard_2`).
 */
const ORDINARY_NEXT_WORD = /[=:/\\]|^[^@\s]+@[\w-]+(?:\.[\w-]+)+$|^--?[A-Za-z]|^[\w-]+(?:\.[\w-]+)+$|^[0-9a-fA-F-]{8,}$|^[A-Za-z]+[-_]\d+$|^[a-z0-9]+(?:[-_][a-z0-9]+)+$/;

/**
 * A technical name a log line writes after a masked field, no secret though it mixes letters and
 * digits: a character set (MySQL's `utf8mb4`, `latin1`, `cp1252`, `koi8r`, `gb2312`, `big5`), an
 * X.509 signature algorithm (RFC 4055's `sha256WithRSAEncryption`, OpenSSL's `sha1WithRSA`,
 * `ecdsa-with-SHA256`), a cipher, a curve or a key's type and size (`aes256-gcm`,
 * `chacha20-poly1305`, `ed25519`, `secp384r1`, `rsa2048`). In any case.
 */
const TECHNICAL_NAME =
  /^(?:utf-?(?:8|16|32)(?:mb[34]|le|be)?|latin\d{1,2}|cp\d{3,4}|koi8-?[ru]?|ucs-?[24]|gb(?:2312|k|18030)|big5|euc-?(?:jp|kr)|windows-?\d{4}|(?:md5|sha-?\d{1,3}|sha3-\d{3})[-_]?with[-_]?(?:rsa(?:encryption)?|ecdsa|dsa)|ecdsa-with-sha\d{1,3}|(?:aes|camellia)-?(?:128|192|256)(?:[-_](?:gcm|cbc|ctr|ccm|ecb|cfb|ofb))?|chacha20(?:-poly1305)?|(?:ed|x)(?:25519|448)|rsa-?\d{4}|secp\d{3}[rk]1|prime256v1)$/i;

/**
 * Whether a word after a mask bears what a chosen or generated secret has and a log's next word
 * (a numbered host, user, shard or encoding: `node7`, `user7`, `utf8`, `v2`) has not: a symbol
 * no identifier holds (`P@ssw0rd!`, `hunter2!`), a digit between letters (`s3cr3t`, `hunter2x9`)
 * or a capital after a lower-case letter (`abc123XYZ9`, `hunTer2`) beside a digit.
 */
function marksPassword(word: string): boolean {
  return /[^A-Za-z0-9._-]/.test(word) || (/\d/.test(word) && /[A-Za-z]\d+[A-Za-z]|[a-z][A-Z]/.test(word));
}

export const secretAfterMaskDetector: Detector = {
  kind: SECRET_PARAM_KIND,
  source: SOURCE,
  evidence: Evidence.SECRET_PARAMETER | Evidence.SECRET_FIELD | Evidence.SECRET_ASSIGNMENT,
  rewrite: (match, marker, text, start) => redactAfterMask(match, marker, text, start),
};

/** The word after the mask or in its note replaced (`secretAfterMaskDetector`), when the name before is a secret's and the mask a sender's. */
function redactAfterMask(match: string, marker: string, text: string, start: number): Rewrite | undefined {
  const parts = PARTS.exec(match);
  if (parts === null) return undefined;
  const [, head, noteOpening, noted, blanks, word] = parts;
  const mask = head!.replace(/^(?:=>|=|:)[ \t]*/, "");
  const name = nameBefore(text, start);
  if (!isSenderMask(mask) || !(isSecretName(name) || namesPasswordByShape(name))) return undefined;
  if (noted !== undefined) {
    if (isSenderMask(noted) || noted.startsWith("[REDACTED:") || standsForSecret(noted) || STATE_WORD.test(noted)) return undefined;
    return `${head}${noteOpening}${marker})`;
  }
  const wordStart = head!.length + blanks!.length;
  // A sentence's final punctuation, and a list's `,` or `;` after the word (`expired,`), are not the word's.
  const length = word!.length - sentenceEndLength(word!, valueEnd(text, start + wordStart, start + match.length));
  const written = word!.slice(0, length).replace(/(?<![,;])[,;]+$/, "");
  // A word in brackets (`(node7)`, `[req-42]`) is judged by what they hold; they stay.
  const opening = /^[([{<]*/.exec(written)![0].length;
  const secret = written.slice(opening).replace(/[)\]}>]+$/, "");
  if (!isPasswordShaped(secret) || !marksPassword(secret) || ORDINARY_NEXT_WORD.test(secret) || TECHNICAL_NAME.test(secret)) return undefined;
  if (secret.startsWith("[REDACTED:") || standsForSecret(secret)) return undefined;
  return `${match.slice(0, wordStart + opening)}${marker}${word!.slice(opening + secret.length)}`;
}
