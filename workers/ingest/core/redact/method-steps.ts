/**
 * A Ruby method's name glued after its class's `#` (`Class#method`, as Rails controllers and
 * models log the step they are in: `User#update_password: user_id=42`,
 * `UsersController#reset_password: redirect to /login`), whose last word is `password`: the
 * name says what the method does to a password, and its `:` opens the step's message, no value.
 */

/**
 * Whether the name `name`, ending at the `:` at `colon` in `text`, is such a method's (lower snake
 * case, a word or more before `password`, glued after a class's name and `#`) and its value,
 * `rest` (the rest of the line after the `:` and its blanks), is that step's message: it opens
 * with a `key=value` pair (`user_id=42`) or a word of lower-case letters that more words follow
 * (`redirect to /login`), and every word of it is a plain one (`PLAIN_WORD`). A password's shape
 * anywhere in it (`config#reset_password: Xk9#mPq2vL`, `…: new one is Xk9#mPq2vL`), a word alone
 * (`User#update_password: hunter`), a line longer than `STEP_REACH` and a name without a class
 * (`update_password: …`, a setting's key) are no such step.
 */
export function opensMethodStep(name: string, text: string, colon: number, rest: string): boolean {
  const nameStart = colon - name.length;
  if (!METHOD_NAME.test(name) || text.slice(nameStart, colon) !== name || !CLASS_BEFORE.test(text.slice(Math.max(0, nameStart - 2), nameStart))) return false;
  const line = /^[^\r\n]*/.exec(rest)![0];
  // The whole line must be read: it ends within the reach (`rest` is cut there).
  return (line.length < rest.length || rest.length < STEP_REACH) && STEP_OPENING.test(line) && line.split(/[ \t]+/).every((word) => word === "" || PLAIN_WORD.test(word));
}
/** How much of a step's line is read: a longer one is read as a value, as before. */
export const STEP_REACH = 256;
/** A method's name in lower snake case whose last word is `password` (`update_password`, `reset_password`). */
const METHOD_NAME = /^[a-z][a-z0-9]{0,31}(?:_[a-z0-9]{1,32}){0,4}_password$/;
/** A class's name's last character and `#` right before the method's name. */
const CLASS_BEFORE = /[A-Za-z0-9_]#$/;
/** A `key=value` pair, or a lower-case word and more words after blanks. */
const STEP_OPENING = /^(?:[A-Za-z_][\w.-]{0,63}=|[a-z]{2,24}[ \t]+\S)/;
/**
 * A plain word of a step's message: letters, a number perhaps with a unit (`12ms`), a path of
 * words (`/login`, `/users/42/edit`), or a `key=value` pair whose value is one of those
 * (`user_id=42`, `status=302`, `format=html`), a sentence's punctuation after any.
 */
const PLAIN_WORD = /^(?:[A-Za-z_][\w.-]{0,63}=)?(?:[A-Za-z]{1,32}|\d{1,12}(?:\.\d{1,6})?[a-z]{0,3}|(?:\/[a-z0-9_-]{1,64}){1,8}\/?)[.,;:!?]?$/;
