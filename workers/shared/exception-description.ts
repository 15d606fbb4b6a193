/**
 * An exception described without its message: an exception's message may quote its input
 * (`JSON.parse`'s does, `new URL`'s does), and the input of our code is a sender's data, which
 * must not reach a log or an answer unredacted. Its name and the code position it was thrown at
 * hold no data.
 */

/** The exception's name (`TypeError`), or the type of a thrown non-Error (`string`, `null`). */
export function exceptionName(error: unknown): string {
  if (error instanceof Error) return error.name;
  return error === null ? "null" : typeof error;
}

/**
 * The first `at …` line of the exception's stack (`at accept (…/text-scanner.ts:262:31)`), ""
 * when it has none. The stack opens with the exception's name and message (V8's
 * `Error.prototype.stack`), and a message may hold a line break and `at ` of its input
 * (`JSON.parse("x\n at ana@example.com")`), so frames are looked for only after that header;
 * "" when the stack does not open with it (a stack or message changed after the throw).
 */
export function exceptionFrame(error: unknown): string {
  if (!(error instanceof Error) || typeof error.stack !== "string") return "";
  const header = error.message === "" ? error.name : `${error.name}: ${error.message}`;
  if (!error.stack.startsWith(header)) return "";
  const frame = /^\s*(at .*)$/m.exec(error.stack.slice(header.length));
  return frame === null ? "" : frame[1]!;
}
