import { MoreEvidence } from "../evidence";
import { isPasswordShaped, standsForSecret } from "../secret-names";
import { saysPasswordState, saysSecretState } from "../status-words";
import { readsAsWording } from "../error-wording";
import type { Detector } from "./detector";
import { SECRET_PARAM_KIND } from "./secret-parameter";
import { ESCAPED_QUOTED, NOT_AT_ESCAPED_QUOTE, quoteOpening } from "./escaped-quotes";
import { sentenceEndLength, valueEnd } from "./sentence-end";
import { UNQUOTED_LINE_VALUE } from "./line-value";

/**
 * A credential written in prose after a phrase that names it and a colon, where the word right
 * before the colon names no credential (the field detector reads `password: …`, `PIN: …`),
 * counted as `secret_param` as the same value is under the name:
 * - a credential's word and whom or what it is for, as prompts and audit lines write it
 *   (`Password for user bob: correct horse battery staple`, `Enter passphrase for key
 *   '/home/u/.ssh/id_rsa': …`, `PIN for card 4: 4821`, `API key for billing: sk_…`);
 * - a credential named in two words (`pass phrase: …`, `API key: …`, `secret key: …`, `access key: …`).
 *
 * A password or passphrase holds blanks (`correct horse battery staple`): its value is the rest
 * of the line, up to a log's next `name=` pair (`… user=bob` stays, as after `password=`) or a
 * sentence's end; an
 * API key, a secret key, a PIN or a token is one token, and only one shaped as a credential
 * (a letter and something else, `isPasswordShaped`; a PIN's 4 to 12 digits). Placeholders and
 * masks (`standsForSecret`), a state (`saysSecretState`: `expired`, `too short`) and, for a
 * password, what became of it (`saysPasswordState`: `changed`) stay. The phrase and the colon
 * stay; the value's quotes, and a sentence's final punctuation after an unquoted value, stay too.
 */
/** A password's word, which names a field alone: here only with whom or what it is for. */
const PASSWORD_WORD = String.raw`(?:[Pp]ass(?:word|phrase)|PASS(?:WORD|PHRASE)|[Ss]enha|SENHA|[Cc]ontrase(?:ñ|n)a|CONTRASE(?:Ñ|N)A)`;
/** A passphrase in two words, which no field's name reads. */
const PASS_PHRASE = String.raw`(?:[Pp]ass[ \t]+[Pp]hrase|PASS[ \t]+PHRASE)`;
/** Credentials in two words, whose second word alone (`key`, `phrase`) names none. */
const KEY_WORD = String.raw`(?:(?:[Aa]pi|API|[Ss]ecret|SECRET|[Aa]ccess|ACCESS)[ \t]+(?:[Kk]ey|KEY))`;
/** Credentials named by one word, also a field's name, read here only with whom or what they are for. */
const TOKEN_WORD = String.raw`(?:PIN|[Tt]oken|TOKEN|[Ss]ecret|SECRET)`;
/**
 * A next member after a quote closing a member: its comma, a key of one token, quoted or bare,
 * its `:` or `=` and the start of a quoted, nested or numeric value (`", "user": "`, `', 'user': '`,
 * `", user: "`, escaped `\", \"user\": \"`, `", "id": 4`), also after a nested member's `}` or
 * `]`. A comma before words (`"bob", host db1:`) or before a key whose value is bare prose
 * (`'alice', 'bob': S3cret#1`) starts none.
 */
const NEXT_MEMBER = String.raw`["'][ \t\]}]*,[ \t]*(?:\\*["'][\w.-]{1,64}\\*["']|[A-Za-z_][\w.-]{0,63})[ \t]*[:=][ \t]*(?:\\*["']|[{\[\d-])`;
/**
 * Whom or what the credential is for: up to 64 characters, no colon or line break (`for user bob`,
 * `for key '/root/.ssh/id_rsa'`, `for user "bob", host db1`), and no quote closing a member
 * before a next member (`NEXT_MEMBER`): in JSON with `": "` separators, a dict's repr or
 * `msg: "…", user: "…"`, the colon after `", "user"` is the next member's
 * (`{"msg": "password for alice", "user": "bob"}` keeps `bob`).
 */
const FOR_WHOM = String.raw`[ \t]+for[ \t]+(?:(?!${NEXT_MEMBER})[^:\n]){1,64}?`;
/** The colon after the phrase and the blanks before the value. */
const COLON = String.raw`[ \t]*:[ \t]+`;
/** A value in quotes, also escaped ones (text held in a JSON string: `\"correct horse\"`), then no word character: the quotes hold the whole value. */
const QUOTED_VALUE = String.raw`(?:"[^"\n]{1,256}"|'[^'\n]{1,256}'|${ESCAPED_QUOTED})(?![\w])`;
/** A password's value: quoted, or the rest of the line (`UNQUOTED_LINE_VALUE`). */
const LINE_VALUE = `${QUOTED_VALUE}|${UNQUOTED_LINE_VALUE}`;
/** A key's, a PIN's or a token's value: one token, perhaps quoted. */
const TOKEN_VALUE = String.raw`${QUOTED_VALUE}|${NOT_AT_ESCAPED_QUOTE}[^\s"'<>,;()\\]{1,512}`;

/** The phrases whose value is a password's (`LINE_VALUE`), and those whose value is one token (`TOKEN_VALUE`), with their colon. */
const PASSWORD_HEAD = String.raw`(?<![\w-])(?:${PASSWORD_WORD}${FOR_WHOM}|${PASS_PHRASE}(?:${FOR_WHOM})?)${COLON}`;
const TOKEN_HEAD = String.raw`(?<![\w-])(?:${KEY_WORD}(?:${FOR_WHOM})?|${TOKEN_WORD}${FOR_WHOM})${COLON}`;
/**
 * The value after its phrase, read by a lookbehind: the match starts where a known token's
 * would (`access key for ci: AKIA…`, an AWS key the known token detector, earlier in the list, names).
 */
/**
 * Every value starts with no blank: asked first, that spares the lookbehinds' backward reading of
 * a blank run at each of its blanks (a long run after a secret's name was quadratic).
 */
const SOURCE = String.raw`(?=\S)(?:(?<=${PASSWORD_HEAD})(?:${LINE_VALUE})|(?<=${TOKEN_HEAD})(?:${TOKEN_VALUE}))`;

/** `PASSWORD_HEAD` right before a value. */
const PASSWORD_HEAD_BEFORE = new RegExp(`${PASSWORD_HEAD}$`);
/** How far back a phrase is read: its words, 64 characters of whom it is for and the blanks. */
const HEAD_REACH = 128;
/** A PIN's phrase right before a value, and its digits. */
const PIN_HEAD_BEFORE = new RegExp(`(?<![\\w-])PIN${FOR_WHOM}${COLON}$`);
const PIN_DIGITS = /^\d{4,12}$/;

export const credentialPhraseDetector: Detector = {
  kind: SECRET_PARAM_KIND,
  source: SOURCE,
  evidence: 0,
  moreEvidence: MoreEvidence.PASSWORD_PHRASE,
  rewrite: (written, marker, text, start) => {
    // The quotes, after any backslashes escaping them, open and close the value alike, and stay.
    const quote = quoteOpening(written);
    const closed = quote !== "";
    const tail = closed ? quote : written.slice(written.length - sentenceEndLength(written, valueEnd(text, start, start + written.length)));
    const value = closed ? written.slice(quote.length, -quote.length) : written.slice(0, written.length - tail.length);
    if (value === "" || value.startsWith("[REDACTED") || standsForSecret(value) || saysSecretState(value) || (!closed && readsAsWording(value))) return undefined;
    const before = text.slice(Math.max(0, start - HEAD_REACH), start);
    if (PASSWORD_HEAD_BEFORE.test(before)) return saysPasswordState(value) ? undefined : `${closed ? quote : ""}${marker}${tail}`;
    const shaped = isPasswordShaped(value) || (PIN_HEAD_BEFORE.test(before) && PIN_DIGITS.test(value));
    return shaped ? `${closed ? quote : ""}${marker}${tail}` : undefined;
  },
};
