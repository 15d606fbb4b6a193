/**
 * Whether a runtime-reported exception shows where it was made in the invocation's own code,
 * stored as `cloudflare.exception.own_frame` ("true"/"false", TAIL_OWN_FRAME_ATTRIBUTE) on the
 * tail's exception records.
 *
 * A callee's exception that reaches its caller (a service binding's or Durable Object's `fetch`
 * that threw) is recreated in the caller's isolate by the runtime: awaited, its stack holds only
 * the caller's `at async …` continuation frames (`Error: back failed\n    at async Object.fetch
 * (script-0:4:17)`); returned (`return env.BACK.fetch(…)`), it has no stack. The callee's own
 * record has the frame that threw (`at Object.fetch (…)`). So "no own frame" marks the rows that
 * may be a caller's copy of an exception recorded where it was thrown. It cannot say more: an
 * error a runtime API made (a `fetch` to an origin that is down, awaited) has the same shape and
 * no other record, and a trace item carries nothing (no trace or parent id) that ties a callee's
 * invocation to its caller's; the README's queries pair the rows.
 */

/** A stack frame line, `    at f (file:1:2)`; `    at async f (…)` is an await's continuation. */
const FRAME = /^\s*at\s/;
const ASYNC_FRAME = /^\s*at\s+async\s/;

/**
 * True when `stack` has a frame that is not an `async` continuation: the code that made the
 * error ran in this invocation. False for no stack, or frames that are all continuations.
 */
export function hasOwnFrame(stack: string | undefined): boolean {
  return (stack ?? "").split("\n").some((line) => FRAME.test(line) && !ASYNC_FRAME.test(line));
}
