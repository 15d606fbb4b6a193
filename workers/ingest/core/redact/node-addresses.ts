import { lastPartIsFolded } from "./folded-words";

/**
 * A Kubernetes node's addresses, as the API's `status.addresses` lists them (core/v1
 * `NodeAddress`: `{"type":"ExternalIP","address":"34.120.5.6"}`): the `type` says which of the
 * node's addresses the `address` is, one the cluster or the world reaches the node at; never a visitor's.
 */

/** The API's NodeAddressType values (core/v1 types.go). */
export const NODE_ADDRESS_TYPES: readonly string[] = ["Hostname", "InternalIP", "ExternalIP", "InternalDNS", "ExternalDNS"];

/** Whether a member's key and text value say its object is a node's address: `type` one of `NODE_ADDRESS_TYPES`. */
export function saysNodeAddress(key: string, text: string): boolean {
  return lastPartIsFolded(key, "type") && NODE_ADDRESS_TYPES.includes(text);
}
