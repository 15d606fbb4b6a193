import type { Rule, RuleHit } from "../findings";
import type { ConfigEntry } from "../model";
import { secretReason } from "../secret-detection";
import { TOKEN_VAR } from "../wiring";

/** Tokens in vars are readable by anyone with the repository or the dashboard. */
export const secretInVarsRule: Rule = {
  id: "secret-in-vars",
  severity: "error",
  scope: "producers",
  pages: true,
  summary: `no token in vars: ${TOKEN_VAR} and anything that looks like a credential must be a secret`,
  fix: "remove it from vars, rotate it, and store it with `wrangler secret put <NAME>`",
  check(environment) {
    const vars = environment.own("vars");
    if (vars?.value.kind !== "object") return [];
    return [...vars.value.entries.values()].flatMap((entry) => inspect(entry.key, entry));
  },
};

/** A var's value may be a JSON object; its strings are vars too, named by their path. */
function inspect(path: string, entry: ConfigEntry): RuleHit[] {
  const value = entry.value;
  if (entry.key === TOKEN_VAR && path === entry.key) {
    return [{ at: entry.keyAt, message: `${TOKEN_VAR} is in vars: it must be a secret (vars are plain text in the file and the dashboard)` }];
  }
  if (value.kind === "object") return [...value.entries.values()].flatMap((child) => inspect(`${path}.${child.key}`, child));
  if (value.kind !== "scalar" || typeof value.value !== "string") return [];
  const reason = secretReason(entry.key, value.value);
  return reason === undefined ? [] : [{ at: entry.keyAt, message: `vars.${path} looks like a credential (${reason}): it must be a secret` }];
}
