import { Place } from "./detector";

/**
 * A message's identifier (RFC 5322 §3.6.4: `<local@host>`, the `Message-ID` a mailer makes up)
 * is written as an e-mail address is, but names a message, no mailbox: where the sender says it
 * is one, or its shape says a program made it, the e-mail detector keeps it.
 */

/**
 * Header or member names whose value is a message's identifier (`Message-ID`, `message_id`,
 * `messageId`, `In-Reply-To`, `References`), then the value's `<` (`<CAF8q7=abc123@mail.gmail.com>`)
 * or, after `:` or `=`, the value itself (`message_id=6751…@api-1.mail`, `"message_id":"…"`),
 * earlier identifiers of the list, and the id's text before the match.
 */
const MESSAGE_ID_BEFORE =
  /(?:message[-_. ]?id|in-reply-to|references)["']?[ \t]*(?:[:=][ \t]*["']?(?:<[^<>\s]*>[ \t,]*)*<?|(?:<[^<>\s]*>[ \t,]*)*<)[^<>\s@]*$/i;
/** How much of the text before a match `MESSAGE_ID_BEFORE` reads. */
const MESSAGE_ID_REACH = 160;

/**
 * A mail's or a message's word right before the id, perhaps in `<>` (Rails ActionMailer's
 * `Delivered mail 6751a3c0e1b2f_1a2b3c4d5e6f7@api-1.mail (12.3ms)`, `message <…> queued`): only
 * with a made-up local part (`isMadeUpLocalPart`); `Sent mail to ana@…` has `to` between.
 */
const MAIL_WORD_BEFORE = /(?<![\w-])(?:mail|message|msg|MAIL|MESSAGE|MSG|Mail|Message|Msg)[ \t]+<?$/;

/**
 * Top-level names no Internet mail reaches: RFC 6761's and RFC 6762's special-use names
 * (`local`, `localhost`, `test`, `invalid`, `example`), ICANN's private-use `internal`, and the
 * names ICANN will not delegate for their collisions (`mail`, `corp`, `home`), with the
 * customary `localdomain` and `lan`. Rails' Mail gem ends its ids' host in `.mail`.
 */
const NO_MAIL_TLD = /\.(?:local|localhost|localdomain|lan|test|invalid|example|internal|mail|corp|home)$/i;

/**
 * A local part a program made up: runs of hex digits joined by `_`, `.` or `-`, holding a
 * digit and one run of 8 or more, 16 hex digits in all (`6751a3c0e1b2f_1a2b3c4d5e6f7`, JavaMail's
 * `1234567.0.1690000000000`). A person's local part has letters past `f` (`maria.silva`,
 * `ana.1982`) or is short.
 */
function isMadeUpLocalPart(local: string): boolean {
  if (!/^[0-9a-f]+(?:[._-][0-9a-f]+)+$/i.test(local) || !/\d/.test(local)) return false;
  const runs = local.split(/[._-]/);
  return runs.some((run) => run.length >= 8) && runs.join("").length >= 16;
}

/**
 * Whether the e-mail shaped `match` at `start` of `text` is a message's id: under a key naming one
 * (`place` holds `Place.MESSAGE_ID_VALUE`: `message_id`, `messageId`), after a header or member
 * naming one (`MESSAGE_ID_BEFORE`), or with a made-up local part (`isMadeUpLocalPart`) after a
 * mail's word (`Delivered mail …`) or at a host no Internet mail reaches (`NO_MAIL_TLD`). A real
 * address stays one (`maria.silva@example.com`, `maria@mail.example.com`).
 */
export function isMessageId(match: string, text: string, start: number, place: number): boolean {
  if ((place & Place.MESSAGE_ID_VALUE) !== 0) return true;
  if (MESSAGE_ID_BEFORE.test(text.slice(Math.max(0, start - MESSAGE_ID_REACH), start))) return true;
  const at = match.search(/@|%40/);
  if (!isMadeUpLocalPart(match.slice(0, at))) return false;
  return NO_MAIL_TLD.test(match) || MAIL_WORD_BEFORE.test(text.slice(Math.max(0, start - 16), start));
}

/**
 * Whether a key's words (`nameWords`) name a message's identifier: `message_id`, `messageId`,
 * `msg_id`, `mail.message_id`, `Message-ID`, `in_reply_to`. An e-mail shaped value there is that
 * id (`isMessageId`).
 */
export function namesMessageId(words: readonly string[]): boolean {
  const last = words.length - 1;
  if (words[last] === "id") return words[last - 1] === "message" || words[last - 1] === "msg";
  return words[last] === "to" && words[last - 1] === "reply" && words[last - 2] === "in";
}
