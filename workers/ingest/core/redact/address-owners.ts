import type { KeyValue } from "../../../shared/otlp/model";
import { lastPartIsFolded } from "./folded-words";
import { saysNodeAddress } from "./node-addresses";
import { saysSystemError } from "./system-errors";

/**
 * An attribute list's `address` whose sibling says whose it is, where the key alone says nothing:
 * Node's system error's (system-errors.ts: `syscall` `connect`, `code` `ECONNREFUSED`), the server
 * a `connect` dialled or the service's own socket; a Kubernetes node's (node-addresses.ts: `type`
 * `ExternalIP`), the node's. Siblings are the members of one map (a kvlist's, an object a JSON
 * body lifted: `status.addresses[0]`) or the keys flattened below one parent (`err.syscall`,
 * `status.addresses.0.type`). The same members in text are read by `detectors/ip.ts`.
 */

/** Whether `key` may be such an `address` (its last part is `address`, in any case): the walk's start. */
export function mayBeOwnedAddress(key: string): boolean {
  return lastPartIsFolded(key, "address");
}

/** Whether `key` may say whose its siblings' `address` is (its last part is `syscall`, `code` or `type`): what completes the walk. */
export function mayNameAddressOwner(key: string): boolean {
  return lastPartIsFolded(key, "syscall") || lastPartIsFolded(key, "code") || lastPartIsFolded(key, "type");
}

/**
 * The parents (a key's part before its last, with its `.`: "" at the top, `err.` for a lifted
 * `err.syscall`) whose members say whose their `address` is, among an attribute list's, each
 * with the word its address is ruled under (`error`, `node`); undefined when none does.
 */
export function addressOwnersIn(attributes: readonly KeyValue[]): Map<string, string> | undefined {
  let owners: Map<string, string> | undefined;
  for (const { key, value } of attributes) {
    if (!("stringValue" in value)) continue;
    const owner = saysSystemError(key, value.stringValue) ? "error" : saysNodeAddress(key, value.stringValue) ? "node" : undefined;
    if (owner !== undefined) (owners ??= new Map()).set(key.slice(0, key.lastIndexOf(".") + 1), owner);
  }
  return owners;
}

/**
 * The key an owned `address` is ruled under: its owner's word before it, below its parent
 * (`address` → `error.address` beside a system error's `syscall`, `status.addresses.0.address` →
 * `status.addresses.0.node.address` beside a node address's `type`), which the key rules read as a
 * server's (`key-rules.ts`, server-names.ts); any other key as it is.
 */
export function ownedAddressRuledKey(key: string, owners: ReadonlyMap<string, string>): string {
  if (!mayBeOwnedAddress(key)) return key;
  const parent = key.slice(0, key.length - "address".length);
  const owner = owners.get(parent);
  return owner === undefined ? key : `${parent}${owner}.address`;
}
