import type { KeyValue } from "../../../shared/otlp/model";
import { mayBeQueryEventValuesKey, mayBeQueryParameterKey } from "./db-query-parameters";
import { namesGraphQLDocument } from "./graphql-variables";
import { mayBeOwnedName } from "./name-owners";
import { mayBePairNameMember } from "./name-value-pairs";

/**
 * The walks the redaction walk makes over an attribute list before ruling its attributes
 * (`RequestWalker.attributes`), one bit each: each finds something only in a list holding a key
 * of its own kind, which most lists do not hold.
 */
export const ListWalk = {
  /** `graphQLRequestsInAttributes`: a key naming a GraphQL document (`query`, `graphql.document`). */
  GRAPHQL_REQUESTS: 1,
  /** `dbQueryParameterColumns`: a key under `db.` (a query parameter, the query text). */
  QUERY_PARAMETERS: 2,
  /** `queryEvents`: a key ending in an event's values (`params`, `bindings`, `parameters`, `values`). */
  QUERY_EVENTS: 4,
  /** `ruledPairNamesIn`: a key that may be a pair's name member (ending in `name` or `key`, or `variable`). */
  PAIR_NAMES: 8,
  /** `ownedNamesIn`: a key whose last part is `name`. */
  OWNED_NAMES: 16,
} as const;

/**
 * The `ListWalk` bits of the walks that may find something in `attributes`, from their keys
 * alone: a walk whose bit is clear finds nothing there (each bit is the test its walk makes of
 * every key before looking further: a necessary condition, never a sufficient one), so skipping
 * it changes no output.
 *
 * Why one pass: those walks each read every key of every list, five passes over a record's
 * attributes where one suffices, and a batch repeats its keys from record to record (28 distinct
 * keys in 13,903 attributes of 1,000 Workers log records), so each key's bits are remembered by
 * the key: a slot chosen from its length and two of its characters, replaced by the next key of
 * the slot. The memo holds at most SLOTS keys, kept across requests as the key rules' own memo of
 * recent keys is (`KeyRules.ruleFor`): keys are names, not the values a request sends.
 */
export function listWalks(attributes: readonly KeyValue[]): number {
  let walks = 0;
  for (let i = 0; i < attributes.length; i++) walks |= walksOfKey(attributes[i]!.key);
  return walks;
}

/** Slots of the memo (a power of two): more than the distinct keys a batch's records repeat. */
const SLOTS = 256;
const slotKeys = new Array<string | undefined>(SLOTS).fill(undefined);
const slotWalks = new Int32Array(SLOTS);

function walksOfKey(key: string): number {
  const length = key.length;
  const slot = (length * 31 + key.charCodeAt(length >> 1) * 7 + key.charCodeAt(length - 1)) & (SLOTS - 1);
  if (slotKeys[slot] === key) return slotWalks[slot]!;
  const walks =
    (namesGraphQLDocument(key) ? ListWalk.GRAPHQL_REQUESTS : 0) |
    (mayBeQueryParameterKey(key) ? ListWalk.QUERY_PARAMETERS : 0) |
    (mayBeQueryEventValuesKey(key) ? ListWalk.QUERY_EVENTS : 0) |
    (mayBePairNameMember(key) ? ListWalk.PAIR_NAMES : 0) |
    (mayBeOwnedName(key) ? ListWalk.OWNED_NAMES : 0);
  slotKeys[slot] = key;
  slotWalks[slot] = walks;
  return walks;
}
