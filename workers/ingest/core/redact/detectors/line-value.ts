/**
 * The unquoted value of a password or a passphrase written in prose or a log line, which holds
 * blanks (`correct horse battery staple`): read to the line's next pair, not to its first blank.
 * Shared by the forms that name such a value (`Password for bob: …`, `passphrase=…`).
 */

/** A log's next pair after the value (`user=bob`), which ends it. */
export const NEXT_PAIR = String.raw`[ \t]+[A-Za-z_][\w.-]{0,63}=`;

/** Where a single-quoted field may end: a next pair, a `,`, `}`, `]` or the line's end. */
const FIELD_END = String.raw`(?:${NEXT_PAIR}|[ \t]*(?:[,}\]]|\r?\n|$))`;
/**
 * A character of a single-quoted field's text: no quote but an apostrophe between word
 * characters (`bob's`, `O'Brien`) or one before a comma that closes no field (`x7',Qz9#k`).
 */
const FIELD_TEXT = String.raw`(?:[^'\n]|(?<=\w)'(?=\w)|'(?=[ \t]*,))`;
/**
 * A single quote closing a field opened before the sentence (`msg='…`, `'msg': '…`, `msg: '…`)
 * whose text holds the value's `:` or `=` (`msg='…: X#1' user='bob'`, a dict's repr
 * `{'msg': '…: X#1', 'user': 'bob'}`): before a field's end, but before a comma only when no
 * such quote follows before the next quote (`msg='…: x7',Qz9#k' user='bob'` ends at the second).
 * A quote that closes no such field stays in the value (`…: x7',Qz9#k`, `…: O'Neil', 1985`, the
 * `'bob'` of a next member). The look back, read only at such a quote, stops at a quote.
 */
const FIELD_CLOSING_QUOTE =
  String.raw`(?='[ \t]*,(?![^'\n]*'${FIELD_END})|'(?![ \t]*,)${FIELD_END})(?<=(?:[\w.-]=|[\w.'"-][ \t]*:[ \t]*)'(?=${FIELD_TEXT}{0,256}?[:=])${FIELD_TEXT}{1,256})`;

/**
 * The rest of the line from a character that is no blank, up to the blanks before a next pair,
 * a sentence's end (`.`, `!` or `?` before a blank: `…: correct horse. Retrying`), the line's
 * end, a double quote or backslash (where text held in a JSON string ends, `…staple"}`, or
 * an escape begins), or a single quote closing the field the sentence sits in (`FIELD_CLOSING_QUOTE`).
 */
export const UNQUOTED_LINE_VALUE = String.raw`[^\s"\\](?:(?:(?![.!?][ \t])[^\n"\\])*?[^\s"\\])?(?=${NEXT_PAIR}|[.!?][ \t]|[ \t]*(?:\r?\n|$|["\\])|${FIELD_CLOSING_QUOTE})`;

/**
 * A password's unquoted value of three to eight words of letters alone (`correct horse battery
 * staple`, a passphrase generator's output): read as one value when the words run to the line's
 * end, a sentence's end, a quote or the next pair. Prose after a password's token holds a word
 * with a digit (`password=hunter2 retrying`, `password=secret retrying in 5s`) or is shorter
 * (`password=secret retrying`): only the first token goes there. docs/decisions.md, 2026-12-03,
 * "A password's words after `=`".
 */
export const PASSWORD_WORDS_VALUE = String.raw`[A-Za-z]{2,}(?:[ ][A-Za-z]{2,}){2,7}(?=${NEXT_PAIR}|[.!?][ \t]|[.!?]?[ \t]*(?:\r?\n|$|["\\]))`;
