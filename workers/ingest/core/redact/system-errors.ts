import type { KeyValue } from "../../../shared/otlp/model";
import { lastPartIsFolded } from "./folded-words";

/**
 * Node's system errors (`SystemError`: what `net`, `dns` and `http` throw, as `util.inspect`,
 * pino, bunyan or `JSON.stringify` print them: `{ errno: -111, code: 'ECONNREFUSED', syscall:
 * 'connect', address: '52.84.12.3', port: 443 }`). Their `address` is "the address to which a
 * network connection failed" (Node's errors documentation): the server a `connect` dialled or
 * the address the service's own `bind` or `listen` took, never a visitor's. Read beside a
 * `syscall` that connects, binds or looks up, or a `code` naming an errno (`ECONNREFUSED`,
 * `ETIMEDOUT`, `EHOSTUNREACH`): the same object's members, in text (`detectors/ip.ts`) and
 * as a record's attributes (`systemErrorParentsIn`).
 */

/** The system calls whose error's `address` names the other end or the service's own socket. */
export const SYSTEM_ERROR_SYSCALLS: readonly string[] = ["connect", "getaddrinfo", "bind", "listen"];

/** An errno's name, as Node's `code` holds it (`ECONNREFUSED`, `ETIMEDOUT`, `ENOTFOUND`). */
export const ERRNO_CODE = "E[A-Z]{3,}";
const WHOLE_ERRNO_CODE = new RegExp(`^${ERRNO_CODE}$`);

/** Whether a member's key and text value say its object is a system error: `syscall` one of `SYSTEM_ERROR_SYSCALLS`, or `code` an errno. */
function saysSystemError(key: string, text: string): boolean {
  if (lastPartIsFolded(key, "syscall")) return SYSTEM_ERROR_SYSCALLS.includes(text);
  return lastPartIsFolded(key, "code") && WHOLE_ERRNO_CODE.test(text);
}

/** Whether `key` may be a system error's `address` (its last part is `address`, in any case): the walk's start. */
export function mayBeSystemErrorAddress(key: string): boolean {
  return lastPartIsFolded(key, "address");
}

/** Whether `key` may say its object is a system error (its last part is `syscall` or `code`): what completes the walk. */
export function mayBeSystemErrorWitness(key: string): boolean {
  return lastPartIsFolded(key, "syscall") || lastPartIsFolded(key, "code");
}

/**
 * The parents (a key's part before its last, with its `.`: "" at the top, `err.` for a lifted
 * `err.syscall`) whose members say they are a system error, among an attribute list's; undefined
 * when none does.
 */
export function systemErrorParentsIn(attributes: readonly KeyValue[]): Set<string> | undefined {
  let parents: Set<string> | undefined;
  for (const { key, value } of attributes) {
    if ("stringValue" in value && saysSystemError(key, value.stringValue)) (parents ??= new Set()).add(key.slice(0, key.lastIndexOf(".") + 1));
  }
  return parents;
}

/**
 * The key a system error's `address` is ruled under: `error.address` below its parent
 * (`address` → `error.address`, `err.address` → `err.error.address`), which the key rules read as
 * a server's (`key-rules.ts`, an error's address); any other key as it is.
 */
export function systemErrorRuledKey(key: string, parents: ReadonlySet<string>): string {
  if (!mayBeSystemErrorAddress(key)) return key;
  const parent = key.slice(0, key.length - "address".length);
  return parents.has(parent) ? `${parent}error.address` : key;
}
