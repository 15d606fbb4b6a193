import type { KeyValue } from "../../../shared/otlp/model";
import { isQueryParameterKey, isQueryTextKey, mayBeQueryEventValuesKey, mayCompleteQueryEvent } from "./db-query-parameters";
import { mayHoldGraphQLVariables, namesGraphQLDocument } from "./graphql-variables";
import { mayBeOwnedName, mayBeOwnerKey } from "./name-owners";
import { mayBePairNameMember, mayBePairValueMember } from "./name-value-pairs";
import { mayBeOwnedAddress, mayNameAddressOwner } from "./address-owners";
import { isPathKey, isQueryKey } from "./query-paths";
import { mayBeCommandArguments, mayBeCommandName } from "./redis-command-objects";

/**
 * The walks the redaction walk makes over an attribute list before ruling its attributes
 * (`RequestWalker.attributes`), one bit each in what `listWalks` answers: each finds something
 * only in a list holding two keys of its own kinds, which most lists do not hold.
 */
export const ListWalk = {
  /** `graphQLRequestsInAttributes`: a key naming a GraphQL document (`query`, `graphql.document`) and one holding `variables`. */
  GRAPHQL_REQUESTS: 1 << 0,
  /** `dbQueryParameterColumns`: a `db.query.parameter.<key>` and the query text (`db.query.text`, `db.statement`). */
  QUERY_PARAMETERS: 1 << 2,
  /** `queryEvents`: a key ending in an event's values (`params`, `bindings`, `parameters`, `values`) and one ending in its statement's (`query`, `sql`, `text`). */
  QUERY_EVENTS: 1 << 4,
  /** `ruledPairNamesIn`: a key that may be a pair's name member (ending in `name` or `key`, or `variable`) and one ending in `value`. */
  PAIR_NAMES: 1 << 6,
  /** `ownedNamesIn`: a key whose last part is `name` and one whose last part is a word saying whose (`type`, `email`, `city`). */
  OWNED_NAMES: 1 << 8,
  /** `addressOwnersIn`: a key whose last part is `address` and one whose last part is `syscall`, `code` (Node's system error) or `type` (a Kubernetes node's address). */
  ADDRESS_OWNERS: 1 << 10,
  /**
   * `queryPlaceIn`: a query sent without its path (`url.query`), which completes the walk itself
   * (its value is read as a query with or without a path beside it), or a key holding the record's path (`url.path`, `url.full`).
   */
  QUERY_PATHS: 1 << 12,
  /** `commandObjectsIn`: a key whose last part is `args` and one whose last part is `name` (a Redis command object's). */
  REDIS_COMMAND_OBJECTS: 1 << 14,
} as const;

/**
 * The `ListWalk` bits of the walks whose answer may change how `attributes` are ruled, from
 * their keys alone: a walk whose bit is clear finds nothing there, or nothing its caller reads
 * (`ruledPairNamesIn`'s names are read only for a key ending in `value`), so skipping it changes
 * no output.
 *
 * Each walk needs two keys of different kinds in the list: the key it starts from (a GraphQL
 * document, a query parameter, a query event's values, a pair's name member, a `name`) and the
 * key that makes it find something beside it (the variables, the query text, the event's
 * statement, a pair's value member, a word saying whose); a record's `url.query` is both (its
 * walk always says it is a query). So each key gets a packed record of two
 * bits per walk, at `ListWalk`'s bit (starts) and the bit above it (completes); the list's
 * records are or-ed, and a walk runs where both of its bits are set. Each bit is a necessary
 * condition, never a sufficient one: the walk itself still decides.
 *
 * Why one pass: those walks each read every key of every list, five passes over a record's
 * attributes where one suffices, and a batch repeats its keys from record to record (28 distinct
 * keys in 13,903 attributes of 1,000 Workers log records), so each key's record is remembered by
 * the key: a set of two slots chosen from its length and two of its characters, the newer key
 * first, the older one replaced by the next key of the set (two keys of one set in every record,
 * a Cloudflare push's `geo.city` and `cache.ageSeconds`, each replaced the other's record at each
 * record when a set had one slot). The memo holds at most SLOTS keys, kept across requests as the key rules' own memo of
 * recent keys is (`KeyRules.ruleFor`): keys are names, not the values a request sends. Lists of
 * one key sequence within a request are answered once (list-plans.ts).
 */
export function listWalks(attributes: readonly KeyValue[]): number {
  let kinds = 0;
  for (let i = 0; i < attributes.length; i++) kinds |= kindsOfKey(attributes[i]!.key);
  return kinds & (kinds >>> 1) & WALK_BITS;
}

/** `ListWalk`'s bits: the lower of each walk's two. */
const WALK_BITS =
  ListWalk.GRAPHQL_REQUESTS | ListWalk.QUERY_PARAMETERS | ListWalk.QUERY_EVENTS | ListWalk.PAIR_NAMES | ListWalk.OWNED_NAMES |
  ListWalk.ADDRESS_OWNERS | ListWalk.QUERY_PATHS | ListWalk.REDIS_COMMAND_OBJECTS;

/** Slots of the memo (a power of two), in sets of two: more than the distinct keys a batch's records repeat. */
const SLOTS = 512;
const slotKeys = new Array<string | undefined>(SLOTS).fill(undefined);
const slotKinds = new Int32Array(SLOTS);

/** The packed record of `key`: for each walk, its bit when the walk may start from the key, the bit above when the key may complete it. */
function kindsOfKey(key: string): number {
  const length = key.length;
  const slot = (length * 31 + key.charCodeAt(length >> 1) * 7 + key.charCodeAt(length - 1)) & (SLOTS - 2);
  if (slotKeys[slot] === key) return slotKinds[slot]!;
  if (slotKeys[slot + 1] === key) return slotKinds[slot + 1]!;
  const kinds =
    kindBits(ListWalk.GRAPHQL_REQUESTS, namesGraphQLDocument(key), mayHoldGraphQLVariables(key)) |
    kindBits(ListWalk.QUERY_PARAMETERS, isQueryParameterKey(key), isQueryTextKey(key)) |
    kindBits(ListWalk.QUERY_EVENTS, mayBeQueryEventValuesKey(key), mayCompleteQueryEvent(key)) |
    kindBits(ListWalk.PAIR_NAMES, mayBePairNameMember(key), mayBePairValueMember(key)) |
    kindBits(ListWalk.OWNED_NAMES, mayBeOwnedName(key), mayBeOwnerKey(key)) |
    kindBits(ListWalk.ADDRESS_OWNERS, mayBeOwnedAddress(key), mayNameAddressOwner(key)) |
    kindBits(ListWalk.QUERY_PATHS, isQueryKey(key), isQueryKey(key) || isPathKey(key)) |
    kindBits(ListWalk.REDIS_COMMAND_OBJECTS, mayBeCommandArguments(key), mayBeCommandName(key));
  slotKeys[slot + 1] = slotKeys[slot];
  slotKinds[slot + 1] = slotKinds[slot]!;
  slotKeys[slot] = key;
  slotKinds[slot] = kinds;
  return kinds;
}

/** A key's two bits for the walk whose `ListWalk` bit is `walk`. */
function kindBits(walk: number, starts: boolean, completes: boolean): number {
  return (starts ? walk : 0) | (completes ? walk << 1 : 0);
}
