import type { Rule } from "../findings";
import { type MisspelledKey, misspelledKeys, misspelledName } from "../misspelled-keys";

/**
 * A key of an environment's block that is a near miss of one wrangler reads (`misspelledKeys`:
 * `tail_consumer`, `tailConsumers`, `observabilty`): wrangler warns of it ("Unexpected fields
 * found") and deploys as if it were not there, so what it holds never applies. A warning, as
 * wrangler's; the rule about the meant key (tail-consumer, …) says that key is not set and points
 * here. `--fix` renames the key, keeping its value, when the block does not set the meant key too.
 */
export const misspelledKeyRule: Rule = {
  id: "misspelled-key",
  severity: "warning",
  scope: "all",
  // Renaming could write a key a Pages config may not hold (tail_consumers): pages-config names those.
  pages: false,
  summary: "no key is a near miss of one wrangler reads (tail_consumer, tailConsumers, observabilty), which wrangler ignores",
  fix: "rename the key to the one wrangler reads (or run --fix)",
  check(environment) {
    return misspelledKeys(environment).map((misspelled) => ({ at: misspelled.entry.keyAt, message: misspelledMessage(misspelled), fix: misspelledFix(misspelled) }));
  },
};

function misspelledMessage(misspelled: MisspelledKey): string {
  const { entry, meant } = misspelled;
  return `${JSON.stringify(entry.key)} (line ${entry.keyAt.line}) is no key wrangler reads: did you mean ${meant}? Wrangler warns of it ("Unexpected fields found") and deploys without what it holds`;
}

function misspelledFix(misspelled: MisspelledKey): string {
  if (misspelled.alsoSet) return `${misspelled.meant} is set too: keep what ${misspelledName(misspelled)} holds in ${misspelled.meant} if it is meant, and remove ${JSON.stringify(misspelled.entry.key)}`;
  return `rename ${misspelledName(misspelled)} to ${misspelled.meant}, keeping its value (or run --fix)`;
}
