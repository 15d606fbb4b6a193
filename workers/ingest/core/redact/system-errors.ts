import { lastPartIsFolded } from "./folded-words";

/**
 * Node's system errors (`SystemError`: what `net`, `dns` and `http` throw, as `util.inspect`,
 * pino, bunyan or `JSON.stringify` print them: `{ errno: -111, code: 'ECONNREFUSED', syscall:
 * 'connect', address: '52.84.12.3', port: 443 }`). Their `address` is "the address to which a
 * network connection failed" (Node's errors documentation): the server a `connect` dialled or
 * the address the service's own `bind` or `listen` took, never a visitor's. Read beside a
 * `syscall` that connects, binds or looks up, or a `code` naming an errno (`ECONNREFUSED`,
 * `ETIMEDOUT`, `EHOSTUNREACH`): the same object's members, in text (`detectors/ip.ts`) and
 * as a record's attributes (`addressOwnersIn`, address-owners.ts).
 */

/** The system calls whose error's `address` names the other end or the service's own socket. */
export const SYSTEM_ERROR_SYSCALLS: readonly string[] = ["connect", "getaddrinfo", "bind", "listen"];

/** An errno's name, as Node's `code` holds it (`ECONNREFUSED`, `ETIMEDOUT`, `ENOTFOUND`). */
export const ERRNO_CODE = "E[A-Z]{3,}";
const WHOLE_ERRNO_CODE = new RegExp(`^${ERRNO_CODE}$`);

/** Whether a member's key and text value say its object is a system error: `syscall` one of `SYSTEM_ERROR_SYSCALLS`, or `code` an errno. */
export function saysSystemError(key: string, text: string): boolean {
  if (lastPartIsFolded(key, "syscall")) return SYSTEM_ERROR_SYSCALLS.includes(text);
  return lastPartIsFolded(key, "code") && WHOLE_ERRNO_CODE.test(text);
}
