/**
 * A name written as a call's string argument, its colon inside the string (`console.log("password:", pw)`,
 * `print('pin:', pin)`, `["otp:",123456]`): the quote after the colon closes the name's string, so what
 * follows that quote is the next argument, not a value the quote opens.
 */

/**
 * The name's string up to a colon at the end of the text before it: opened by a quote (escapes, 1; the
 * quote, 2) at the text's start or after what is no word's character, backslash or quote (a blank, `(`, `[`,
 * `,`, a member's `:`), holding no quote, backslash or line break (its words, 3).
 */
const NAME_STRING = /(?:^|[^\w\\"'])(\\{0,8})(["'])([^"'\\\n]{1,64})$/;
/** How far back a name's string is read. */
const NAME_STRING_REACH = 80;
/** A blank perhaps, then a quote (escapes, 1; the quote, 2). */
const QUOTE_AFTER_COLON = /^[ \t]?(\\{0,8})(["'])/;

/** The words of the name's string whose colon is at `colon`, when the quote after the colon closes that string; undefined otherwise. */
export function nameStringAt(text: string, colon: number): string | undefined {
  const closing = QUOTE_AFTER_COLON.exec(text.slice(colon + 1, colon + 12));
  if (closing === null) return undefined;
  const opening = NAME_STRING.exec(text.slice(Math.max(0, colon - NAME_STRING_REACH), colon));
  return opening !== null && opening[1] === closing[1] && opening[2] === closing[2] ? opening[3] : undefined;
}
