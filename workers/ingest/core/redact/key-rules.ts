import { isSecretName } from "./secret-names";

/**
 * What happens to an attribute's value, decided by its key alone: scan its strings with the text
 * detectors, keep it exactly as it is, drop the attribute, replace the value by its keyed hash,
 * or replace it by the secret marker because the key names a credential.
 */
export type KeyRule = "scan" | "keep" | "drop" | "hash" | "secret";

export interface KeyRuleLists {
  keepKeys: readonly string[];
  dropKeys: readonly string[];
  hashKeys: readonly string[];
  /** Whether keys naming credentials (`authorization`, `cookie`, ...) hide their values. */
  secretKeys: boolean;
}

/** Distinct keys are few in practice; the bound only stops hostile input from growing memory. */
const MAX_CACHED_KEYS = 4096;

/**
 * Classifies attribute keys. Keys match case-insensitively, as a whole or by their last dotted
 * segment, so `authorization` also covers `http.request.header.authorization`. Precedence:
 * keep, drop, hash, secret, scan. Results are cached because the same keys repeat on every record.
 */
export class KeyRules {
  private readonly keep: ReadonlySet<string>;
  private readonly drop: ReadonlySet<string>;
  private readonly hash: ReadonlySet<string>;
  private readonly secretKeys: boolean;
  private readonly cache = new Map<string, KeyRule>();

  constructor(lists: KeyRuleLists) {
    this.keep = lowerCaseSet(lists.keepKeys);
    this.drop = lowerCaseSet(lists.dropKeys);
    this.hash = lowerCaseSet(lists.hashKeys);
    this.secretKeys = lists.secretKeys;
  }

  ruleFor(key: string): KeyRule {
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const rule = this.classify(key);
    if (this.cache.size < MAX_CACHED_KEYS) this.cache.set(key, rule);
    return rule;
  }

  private classify(key: string): KeyRule {
    const whole = key.toLowerCase();
    const last = whole.slice(whole.lastIndexOf(".") + 1);
    const listed = (set: ReadonlySet<string>) => set.has(whole) || set.has(last);
    if (listed(this.keep)) return "keep";
    if (listed(this.drop)) return "drop";
    if (listed(this.hash)) return "hash";
    if (this.secretKeys && isSecretName(last)) return "secret";
    return "scan";
  }
}

function lowerCaseSet(keys: readonly string[]): ReadonlySet<string> {
  return new Set(keys.map((key) => key.toLowerCase()));
}
