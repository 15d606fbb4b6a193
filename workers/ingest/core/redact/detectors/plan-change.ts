import { lazy } from "../../../../shared/lazy";
import { Evidence } from "../evidence";
import type { Detector, Rewrite } from "./detector";
import { isCredentialLiteral } from "./secret-assignment";
import { SECRET_PARAM_KIND } from "./secret-parameter";

/**
 * The new value of an attribute's change as Terraform's plan writes it, `name = old -> "new"`
 * (`~ api_token = "sk_live_…" -> "sk_live_…"`, `~ password = null -> "…"`), counted as
 * `secret_param`: the old value is a quoted assignment's (secret-assignment.ts), and the new one
 * is judged as it would be in the name's own assignment (`isCredentialLiteral`: the name holds a
 * secret, `api_token`, `client_secret`, `db_password`, `secret_string`, and the value is one), so
 * both go or both stay. The old value is quoted, a bare word (`null`, a number) or the plan's
 * `(sensitive value)`; only a quoted new value is read, so `(sensitive value)`, `(known after
 * apply)`, `null`, numbers and flags stay, and so do a counter's or a version's values
 * (`token_ttl`, `api_token_version`, `password_length`), whose names hold none.
 *
 * The match is the quoted new value, its quotes escaped too (a plan's line held in a JSON string:
 * `-> \"…\"`), after `->` read back first by its lookbehind: a text with no arrow before a
 * quote pays one character's test a quote.
 */
const QUOTED = String.raw`(?:"(?:[^"\\\r\n]|\\[^\r\n]){0,1024}"|\\"[^"\\\r\n]{0,1024}\\")`;
const OLD = String.raw`(?:${QUOTED}|\(sensitive value\)|[^\s"()\\]{1,128})`;
const NAME = String.raw`(?<![\w.-])([A-Za-z_][\w-]{0,99})`;
const BEFORE = String.raw`${NAME}[ \t]{0,40}=[ \t]{0,8}${OLD}[ \t]{1,8}->[ \t]{1,8}`;

/** The name before a new value's start, read backwards from the end of the text before it. */
const NAME_BEFORE = lazy(() => new RegExp(String.raw`$(?<=${BEFORE})`));
/** How far before a new value its name and old value are read. */
const REACH = 1300;

export const planChangeDetector: Detector = {
  kind: SECRET_PARAM_KIND,
  source: String.raw`(?<=->[ \t]{1,8})(?<=${BEFORE})${QUOTED}`,
  evidence: Evidence.SECRET_ASSIGNMENT,
  rewrite: rewriteNewValue,
};

/** The new value replaced inside its quotes when its name holds a secret and the value is one (`isCredentialLiteral`); else undefined. */
function rewriteNewValue(match: string, marker: string, text: string, start: number): Rewrite | undefined {
  const name = NAME_BEFORE().exec(text.slice(Math.max(0, start - REACH), start))?.[1];
  const quote = match.startsWith("\\") ? '\\"' : '"';
  return name !== undefined && isCredentialLiteral(name, match.slice(quote.length, -quote.length), false) ? `${quote}${marker}${quote}` : undefined;
}
