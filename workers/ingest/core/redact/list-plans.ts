import type { KeyValue } from "../../../shared/otlp/model";
import type { KeyRule, KeyRules } from "./key-rules";
import { listWalks } from "./list-walks";
import { REDACTION_COUNT_ATTRIBUTE, REDACTION_KINDS_ATTRIBUTE } from "./tally";

/**
 * What the redaction walk decides about an attribute list from its keys alone, once per key
 * sequence in a request: a batch's records repeat a few sequences (18 in the 1,000 lines of a
 * Cloudflare push, 20 in 1,000 Workers JSON log records), so the records after the first of
 * each read their plan instead of deciding again per key.
 *
 * - `walks`: the per-list walks the keys call for (`listWalks`, list-walks.ts);
 * - where no walk runs, and no key is a summary's own (`redaction.count`, renamed per list), each
 *   member's ruled key path (`prefix.key`: no string joined per record) and its key rule
 *   (`KeyRules.ruleFor`), the facts that decide which detectors its value is scanned with.
 *   Where a walk runs, its answer depends on the list's values (a pair's name, a query's text),
 *   so the members are ruled per list as before.
 *
 * A plan is a function of the keys, the map's `prefix` and whether the list is a summary owner's,
 * for the one policy of the walk, so a list answered from it is ruled as it would be without it.
 */
export class ListPlan {
  /** Each member's key rule, filled as the walk first asks for it (so what throws, throws where it did: `ruleAt`). */
  private readonly rules: (KeyRule | undefined)[];

  constructor(
    /** The list's keys, in order. */
    readonly keys: readonly string[],
    readonly prefix: string,
    readonly summary: boolean,
    /** The `ListWalk` bits of the walks to make over a list of these keys. */
    readonly walks: number,
    /** Each member's key path (`prefix.key`), when its rule is the plan's (`ruleAt`); undefined when the members are ruled per list. */
    readonly paths: readonly string[] | undefined,
    private readonly keyRules: KeyRules,
  ) {
    this.rules = paths === undefined ? [] : new Array<KeyRule | undefined>(paths.length).fill(undefined);
  }

  /** The key rule of the member at `index` (`KeyRules.ruleFor` of its path), decided once for the plan. Only with `paths`. */
  ruleAt(index: number): KeyRule {
    return (this.rules[index] ??= this.keyRules.ruleFor(this.paths![index]!));
  }
}

/**
 * One request's plans (`ListPlan`), by key sequence. Each sequence has two candidate slots of a
 * fixed table (a hash of its keys' lengths and last characters picks them), and a plan is found
 * by comparing its keys with the list's, the key strings themselves: most compare by identity,
 * and no key is hashed whole. A new sequence takes an empty candidate, else replaces the second
 * one's plan, so a few sequences that share a slot keep theirs. Memory is bounded: at most SLOTS
 * plans of at most MAX_PLANNED_KEYS keys; a longer list is walked without a plan.
 *
 * Used for one request's walk and then `release`d, which empties the slots it filled: no key or
 * rule outlives its request (the policy may differ in the next), and the slots are reused by the
 * next walk, as `UnchangedTexts`' are (a table made per request would cost a small one more than
 * its plans save).
 */
export class ListPlans {
  private readonly slots: Slots;

  constructor(private readonly keyRules: KeyRules) {
    this.slots = idle ?? newSlots();
    idle = undefined;
  }

  /**
   * The plan of `attributes` (a map's members when `prefix` is its path, a summary owner's list
   * when `summary`), made on the first list of its keys; undefined for a list of no keys or of
   * more than MAX_PLANNED_KEYS.
   */
  planFor(attributes: readonly KeyValue[], prefix: string, summary: boolean): ListPlan | undefined {
    const count = attributes.length;
    if (count === 0 || count > MAX_PLANNED_KEYS) return undefined;
    let hash = count * 31 + prefix.length;
    for (let i = 0; i < count; i++) {
      const key = attributes[i]!.key;
      hash = (Math.imul(hash, 31) + key.length * 7 + (key.charCodeAt(key.length - 1) | 0)) | 0;
    }
    const plans = this.slots.plans;
    const first = hash & (SLOTS - 1);
    const second = (hash >>> 8) & (SLOTS - 1);
    const atFirst = plans[first];
    if (atFirst !== undefined && isPlanOf(atFirst, attributes, prefix, summary)) return atFirst;
    const atSecond = plans[second];
    if (atSecond !== undefined && isPlanOf(atSecond, attributes, prefix, summary)) return atSecond;
    const plan = newPlan(attributes, prefix, summary, this.keyRules);
    const slot = atFirst === undefined ? first : second;
    if (plans[slot] === undefined) this.slots.filled.push(slot);
    plans[slot] = plan;
    return plan;
  }

  /** How many plans the table holds: at most SLOTS, whatever the request. */
  get size(): number {
    return this.slots.filled.length;
  }

  /** Empties the slots this walk filled and leaves them to the next; the instance is not used again. */
  release(): void {
    const { plans, filled } = this.slots;
    for (const slot of filled) plans[slot] = undefined;
    filled.length = 0;
    idle = this.slots;
  }
}

/** Whether `plan` is the plan of `attributes` under `prefix` and `summary`: the same keys in the same order. */
function isPlanOf(plan: ListPlan, attributes: readonly KeyValue[], prefix: string, summary: boolean): boolean {
  const keys = plan.keys;
  if (keys.length !== attributes.length || plan.prefix !== prefix || plan.summary !== summary) return false;
  for (let i = 0; i < keys.length; i++) if (keys[i] !== attributes[i]!.key) return false;
  return true;
}

function newPlan(attributes: readonly KeyValue[], prefix: string, summary: boolean, keyRules: KeyRules): ListPlan {
  const keys = attributes.map(({ key }) => key);
  const walks = listWalks(attributes);
  const paths = walks !== 0 ? undefined : prefix === "" ? keys : keys.map((key) => `${prefix}.${key}`);
  // A summary owner's own `redaction.*` key is renamed for the list it is in (`moveToProducerName`).
  const renamed = summary && paths?.some((path) => path === REDACTION_COUNT_ATTRIBUTE || path === REDACTION_KINDS_ATTRIBUTE) === true;
  return new ListPlan(keys, prefix, summary, walks, renamed ? undefined : paths, keyRules);
}

interface Slots {
  readonly plans: (ListPlan | undefined)[];
  /** The slots holding a plan, to empty on `release`. */
  readonly filled: number[];
}

/**
 * The slots no walk holds (all empty), or undefined while one does: a walk is synchronous, so
 * there is one at a time, but a walk started inside another (none is) would get slots of its own.
 */
let idle: Slots | undefined;

function newSlots(): Slots {
  return { plans: new Array<ListPlan | undefined>(SLOTS).fill(undefined), filled: [] };
}

/** Plans one request keeps (a power of two): many times the key sequences a batch's records repeat. */
export const SLOTS = 256;
/** The most keys a planned list has: a record's attributes, a lifted line's; a longer list is rare and costs its keys' walk anyway. */
export const MAX_PLANNED_KEYS = 128;
