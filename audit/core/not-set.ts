import type { WorkerEnvironment } from "./environments";
import type { RuleHit } from "./findings";
import type { ConfigDocument } from "./model";
import { misspelledName, misspellingOf } from "./misspelled-keys";
import { swallowedFix, swallowedKeys } from "./swallowed-keys";

/**
 * The finding that a key wrangler does not inherit is missing from an environment, `consequence`
 * saying what that costs. It says when the top level has the key (which does not count), and
 * when the key is written but wrangler does not read it there: a `[table]` header above it took
 * it in (`swallowedKeys`: where it went, and the hint to move it), or it is misspelled
 * (`misspelledKeys`: the finding points at the misspelled key, and the hint renames it rather
 * than add the key beside it). `fix` is the hint otherwise, the rule's own when undefined.
 */
export function notSetHit(environment: WorkerEnvironment, document: ConfigDocument, key: string, consequence: string, fix?: string): RuleHit {
  const topLevelHasIt = environment.env !== null && environment.inheritable(key)?.inherited === true;
  const swallowed = swallowedKeys(document, environment).find((s) => s.key === key);
  const misspelled = swallowed === undefined ? misspellingOf(environment, key) : undefined;
  const where =
    swallowed !== undefined
      ? ` (line ${swallowed.entry.keyAt.line}'s ${key} is read as ${swallowed.readAs}, under ${swallowed.header}: see swallowed-key)`
      : misspelled !== undefined
        ? ` (${misspelledName(misspelled)} is no key wrangler reads: did you mean ${key}? see misspelled-key)`
        : "";
  const message = topLevelHasIt ? `${key} is not set in this environment (the top level's is not inherited by env.${environment.env})${where}` : `${key} is not set${where}`;
  const hint = swallowedFix(document, environment, key) ?? (misspelled === undefined ? fix : `rename ${misspelledName(misspelled)} to ${key} (or run --fix)`);
  return { at: misspelled?.entry.keyAt ?? environment.anchor, message: `${message}: ${consequence}`, ...(hint === undefined ? {} : { fix: hint }) };
}
