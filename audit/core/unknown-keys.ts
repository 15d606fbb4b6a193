import type { RuleHit } from "./findings";
import { nearMissKey } from "./misspelled-keys";
import type { ConfigDocument, ConfigValue } from "./model";

/**
 * A warning for the keys of one binding entry wrangler does not read (`analytics_engine_datasets[0]`
 * holding `FEATURE_FLAG`), or none. Wrangler only warns of them ("Unexpected fields found in
 * <field> field", workers-sdk `validateAdditionalProperties`) and deploys, but such a key is almost
 * always one meant for another table: in TOML, key lines written under a `[[…]]` or `[…]` header
 * belong to it up to the next header, so a header pasted above `[vars]`' lines takes them and the
 * Worker runs without those vars. A warning, as wrangler's, whatever the rule's severity. `known`
 * are the keys wrangler reads in the entry; `reportedElsewhere` are unknown keys another finding
 * names (a Worker key the table took in: `swallowedKeys`).
 */
export function unknownKeysHit(document: ConfigDocument, field: string, value: ConfigValue, known: readonly string[], reportedElsewhere: readonly string[] = []): RuleHit | undefined {
  if (value.kind !== "object") return undefined;
  const unknown = [...value.entries.values()].filter((entry) => !known.includes(entry.key) && !reportedElsewhere.includes(entry.key));
  if (unknown.length === 0) return undefined;
  const names = unknown.map((entry) => entry.key).join(", ");
  const listed = unknown.map((entry) => `${entry.key} (line ${entry.keyAt.line}${meantNote(entry.key, known)})`).join(", ");
  const reads = `wrangler reads only ${known.join(" and ")} there and ignores the rest`;
  const one = unknown.length === 1;
  const [them, they] = one ? ["it", "it belongs"] : ["them", "they belong"];
  const header = tableHeader(document, value);
  if (header === undefined) {
    return { at: unknown[0]!.keyAt, message: `${field} holds ${listed}: ${reads}`, fix: `remove ${names} from ${field}, or move ${them} to the table ${they} to`, severity: "warning" };
  }
  return {
    at: unknown[0]!.keyAt,
    message: `${field} holds ${listed}: ${reads}. Every key line under the ${header} header (line ${value.at.line}) belongs to it up to the next header, so keys written below it, vars for one, land in this entry and not where they were meant`,
    fix: `move the line${one ? "" : "s"} of ${names} out from under the ${header} header, into the table ${they} to (for vars, right under the [vars] line), or remove ${them}; headers go best at the end of the file`,
    severity: "warning",
  };
}

/** The `[…]`/`[[…]]` header a TOML table was read from, as written; undefined for an inline table or a JSONC object. */
function tableHeader(document: ConfigDocument, value: ConfigValue): string | undefined {
  if (document.format !== "toml") return undefined;
  const from = (document.text.split("\n")[value.at.line - 1] ?? "").slice(value.at.column - 1);
  return /^\[\[?[^\]]*\]\]?/.exec(from)?.[0];
}

/** `: did you mean binding?` for a key that is a near miss of one wrangler reads there (`nearMissKey`), else nothing. */
function meantNote(key: string, known: readonly string[]): string {
  const meant = nearMissKey(key, known);
  return meant === undefined ? "" : `: did you mean ${meant}?`;
}
