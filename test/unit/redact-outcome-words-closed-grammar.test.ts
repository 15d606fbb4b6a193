/**
 * What was done to a secret, then prose: kept only when EVERY word after the outcome's word is
 * accounted for by a closed grammar (report-secrets.ts, `isOutcomeProse`): function words, a
 * naming noun and a name or id, addresses, times, versions and a closed list of phrases. A word
 * left over (`sunshine`, `abc123def456`, `new password sunshine`) makes the whole value go. A
 * link (`to`, `as`, `into`, a `:`, `new password is`) anywhere after the outcome's word introduces
 * the new value, unless what follows is accounted for (`to v2`, `as cookie`, `to expire`). Each
 * case in text, a pino line's message, after a logger's prefix, a log attribute, a Cloudflare
 * console line, a logfmt line's quoted message and a quoted string.
 */
import { describe } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { PROSE_FORMS } from "../support/redaction";
import { itKeeps, itStores, wholeValuesReplaced } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const stored = (text: string) => redactString(text, policy).text;
const LOGFMT_HEAD = 'level=info msg="';
const LOGFMT_TAIL = '" user=bob';
const inLogfmtMessage = (text: string) => stored(`${LOGFMT_HEAD}${text}${LOGFMT_TAIL}`).slice(LOGFMT_HEAD.length, -LOGFMT_TAIL.length);
const quoted = (text: string) => stored(`"${text}"`).slice(1, -1);

const FORMS: readonly (readonly [string, (text: string) => string])[] = [
  ...PROSE_FORMS,
  ["a logfmt message", inLogfmtMessage],
  ["a quoted string", quoted],
];

const R = "[REDACTED:secret_param]";

/** A word no grammar accounts for after the outcome's word: the whole value goes. */
const WHOLE = wholeValuesReplaced([
  "password: reset for bob, new password sunshine",
  "password: reset for bob; new password sunshine",
  "password: reset for bob new password sunshine",
  "password: reset for bob, password sunshine",
  "password: reset for bob, new secret sunshine",
  "password: reset for bob, new password Sunshine!",
  "password: changed for bob, new value sunshine",
  "passphrase: reset for bob, new passphrase correct horse",
  "password: changed successfully sunshine",
  "password: changed successfully Sunshine",
  "password: updated successfully correcthorsebatterystaple",
  "password: reset for bob to sunshine",
  "password: set for bob as sunshine",
  "password: updated for bob sunshine",
  "password: set for bob sunshine",
  "password: reset by admin sunshine",
  "password: reset by admin, sunshine",
  "password: changed by admin sunshine",
  "password: changed at 10.0.0.5 sunshine",
  "password: changed by admin at 10.0.0.5 new sunshine",
  "token: refreshed for user u_42 sunshine",
  "token: set for cart abc123def456",
  "token: set for cart 9f8e7d6c5b4a3210",
  "token: set for bob abc123def456",
  "password: reset; now sunshine",
  "password: reset successfully, sunshine",
  "token: refreshed, new token abc123def456",
  "password: changed for user swordfish",
  "token: issued for tenant abcdefghijklmnopqrstu",
]);

/** A link introduces the new value: it goes, the prose around it stays. */
const TAKEN: readonly (readonly [string, string])[] = [
  ["password: changed successfully to sunshine", `password: changed successfully to ${R}`],
  ["password: changed to a new value sunshine", `password: changed to ${R}`],
  ["password: set to correct horse battery staple", `password: set to ${R}`],
  ["token: set to expire sunshine", `token: set to ${R}`],
  ["password: reset via email: sunshine", `password: reset via email: ${R}`],
  ["password: changed: hunter2", `password: changed: ${R}`],
  ["password: reset, temp password is sunshine", `password: reset, temp password is ${R}`],
  ["password: changed successfully, new password is sunshine", `password: changed successfully, new password is ${R}`],
  ["password: updated, new: sunshine", `password: updated, new: ${R}`],
  ["password: rotated. New: Tr0ub4dor&3", `password: rotated. New: ${R}`],
];

/** Every word accounted for: a version, a manner or purpose after `to`/`as`, a name after its noun, a time. */
const KEPT = [
  "secret: rotated to v2",
  "token: set as cookie",
  "token: set as header",
  "password: changed as well",
  "password: changed to comply",
  "token: set to expire at 2026-12-31",
  "token: set to expire in 3600s",
  "token: refreshed for service cart",
  "token: renewed until 2026-12-31T00:00:00Z",
  "token: renewed until tomorrow",
  "password: changed for user bob",
  "password: changed for user alice",
  "token: refreshed for tenant acme-prod",
  "token: refreshed for client web-app-prod",
  "token: refreshed for app cart",
  "secret: rotated as scheduled",
  "token: renewed on schedule",
  "password: reset on request",
  "password: changed to meet policy",
  "password: reset via email link for u_42",
  "password: changed by admin at 10.0.0.5",
];

describe("after what was done to a secret every word is accounted for, or the value goes", () => {
  for (const [form, storedIn] of FORMS) {
    itStores(`${form}: %s is stored %s`, storedIn, [...WHOLE, ...TAKEN]);
    itKeeps(`${form}: %s stays`, storedIn, KEPT);
  }
});
