import { lazy } from "../../../../shared/lazy";
import { Evidence } from "../evidence";
import { namesSecretReference } from "../password-value-kinds";
import { standsInForSecret } from "../status-words";
import type { Detector, Rewrite } from "./detector";
import { isCredentialLiteral } from "./secret-assignment";
import { SECRET_PARAM_KIND } from "./secret-parameter";

/**
 * The new value of an attribute's change as Terraform's plan writes it, `name = old -> "new"`
 * (`~ api_token = "sk_live_…" -> "sk_live_…"`, `~ password = null -> "…"`), counted as
 * `secret_param`: the old value is a quoted assignment's (secret-assignment.ts), and the new one
 * is judged as it would be in the name's own assignment (`isCredentialLiteral`: the name holds a
 * secret, `api_token`, `client_secret`, `db_password`, `secret_string`, and the value is one), so
 * both go or both stay. The name may be quoted, as a plan writes a map's keys (`~ "DB_PASSWORD" =
 * …`, `\"DB_PASSWORD\"` in a JSON string). The old value is quoted, `null` or the plan's
 * `(sensitive value)` (a code's lambda, `token = s -> "tok_" + s`, is no change); only a quoted
 * new value is read, so `(sensitive value)`, `(known after apply)`, `null`, numbers and flags
 * stay, and so do a counter's or a version's values (`token_ttl`, `api_token_version`,
 * `password_length`), whose names hold none. A new value
 * that refers to where the secret is kept (`namesSecretReference`: `"env:DB_PASS"`,
 * `"var.api_token"`, an ARN) or reads as a flag's or state's word (`"Disabled"`, `"false"`) stays.
 *
 * The match is the quoted new value, in double or single quotes, its quotes escaped too (a plan's
 * line held in a JSON string: `-> \"…\"`), after `->` read back first by its lookbehind: a text
 * with no arrow before a quote pays one character's test a quote.
 */
const QUOTED = String.raw`(?:"(?:[^"\\\r\n]|\\[^\r\n]){0,1024}"|'[^'\\\r\n]{0,1024}'|\\"[^"\\\r\n]{0,1024}\\")`;
const OLD = String.raw`(?:${QUOTED}|\(sensitive value\)|null)`;
const NAME = String.raw`(?<![\w.-])(?:\\?"([A-Za-z_][\w-]{0,99})\\?"|([A-Za-z_][\w-]{0,99}))`;
const BEFORE = String.raw`${NAME}[ \t]{0,40}=[ \t]{0,8}${OLD}[ \t]{1,8}->[ \t]{1,8}`;

/** The name before a new value's start, read backwards from the end of the text before it. */
const NAME_BEFORE = lazy(() => new RegExp(String.raw`$(?<=${BEFORE})`));
/** How far before a new value its name and old value are read. */
const REACH = 1300;

export const planChangeDetector: Detector = {
  kind: SECRET_PARAM_KIND,
  source: String.raw`(?<=->[ \t]{1,8})(?<=${BEFORE})${QUOTED}`,
  // A name glued to its `=` and quote (`client_secret="…" -> "…"`) is a parameter's evidence, not an assignment's.
  evidence: Evidence.SECRET_ASSIGNMENT | Evidence.SECRET_PARAMETER,
  rewrite: rewriteNewValue,
};

/** The new value replaced inside its quotes when its name holds a secret and the value is one (`isCredentialLiteral`), no reference or state's word; else undefined. */
function rewriteNewValue(match: string, marker: string, text: string, start: number): Rewrite | undefined {
  const found = NAME_BEFORE().exec(text.slice(Math.max(0, start - REACH), start));
  const name = found?.[1] ?? found?.[2];
  const quote = match.startsWith("\\") ? '\\"' : match[0]!;
  const value = match.slice(quote.length, -quote.length);
  if (name === undefined || namesSecretReference(value) || standsInForSecret(value.toLowerCase())) return undefined;
  return isCredentialLiteral(name, value, false) ? `${quote}${marker}${quote}` : undefined;
}
