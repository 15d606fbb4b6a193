import type { Output } from "./main";

/**
 * The process's stdout and stderr as the CLI's Output, closing quietly when the reader goes
 * away: a run piped into `head` gets EPIPE once `head` has what it wants, which Node raises as
 * an unhandled 'error' event (a stack trace on stderr, exit 1). Unix tools end quietly there;
 * so does this one: what is left is not written, and the exit status stays the audit's verdict
 * (what was found does not depend on how much of it was read). Other write errors are thrown.
 */
export function processOutput(): Output {
  const closed = { out: false, err: false };
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    closed.out = true;
  });
  process.stderr.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    closed.err = true;
  });
  return {
    out: (text) => {
      if (!closed.out) process.stdout.write(`${text}\n`);
    },
    err: (text) => {
      if (!closed.err) process.stderr.write(`${text}\n`);
    },
  };
}
