/**
 * A name written as a call's string argument, its colon inside the string (`console.log("password:", pw)`,
 * `print('pin:', pin)`, `["otp:",123456]`): the quote after the colon closes the name's string, so what
 * follows that quote is the next argument, not a value the quote opens.
 */

/**
 * The name's string up to a colon at the end of the text before it: opened by a quote (escapes, 1; the
 * quote, 2) that starts an argument, at the text's start or after `(`, `[` or `,` and blanks, holding no
 * quote, backslash or line break (its words, 3). A quote after anything else is most often the closing quote
 * of an earlier value (`msg="done." password: "…"`) or the opening of a value holding the name
 * (`msg="password: "…""`): no argument's string.
 */
const NAME_STRING = /(?:^|[([,])[ \t]*(\\{0,8})(["'])([^"'\\\n]{1,64})$/;
/** How far back a name's string is read. */
const NAME_STRING_REACH = 80;
/**
 * A blank perhaps, then the quote closing the name's string (escapes, 1; the quote, 2), then the next argument:
 * after `,` or `+` any (`pw`, `(count) => …`), after blanks alone a string, a number or a list.
 */
const QUOTE_AFTER_COLON = /^[ \t]?(\\{0,8})(["'])(?:[ \t]*[,+][ \t]*\S|[ \t]+(?:\\{0,8}["'[]|-?\d))/;

/** The words of the name's string whose colon is at `colon`, when the quote after the colon closes that string and the next argument follows; undefined otherwise. */
export function nameStringAt(text: string, colon: number): string | undefined {
  const closing = QUOTE_AFTER_COLON.exec(text.slice(colon + 1, colon + 40));
  if (closing === null) return undefined;
  const opening = NAME_STRING.exec(text.slice(Math.max(0, colon - NAME_STRING_REACH), colon));
  return opening !== null && opening[1] === closing[1] && opening[2] === closing[2] ? opening[3] : undefined;
}
