/**
 * What was done to a secret, then prose (report-secrets.ts): the reading of a report after an
 * outcome's word stays as it was, and on it, the words of letters ending the value right after
 * an id a noun names are a passphrase (`for user 42 hunter`), and a link in the change's reach
 * introduces the new value (`to`, `into`, `as` after how and for whom, a `:`, `new:`, a secret's
 * noun and `is`, `new password` before the value's last word), judged as a password is: digits and dates are values (`changed to 123456`), a
 * version or a phrase's words are not (`to v2`, `as cookie`, `to expire`). A clause of another
 * verb has its own object (`email sent to support`). Each case in text, a pino line's message,
 * after a logger's prefix, a log attribute, a Cloudflare console line, a logfmt line's quoted
 * message and a quoted string.
 */
import { describe } from "vitest";
import { logfmtMessageForm, PROSE_FORMS, proseAndQuotedForms } from "../support/redaction";
import { itKeeps, itStores, wholeValuesReplaced } from "../support/redaction-cases";

const FORMS = proseAndQuotedForms(logfmtMessageForm('" user=bob'));

const R = "[REDACTED:secret_param]";

/**
 * The whole value goes, as it did before a closed grammar of reports was tried and dropped: no report's reading fits
 * it (in a logfmt message or a quoted string the outcome's word alone goes, as before).
 */
const WHOLE = wholeValuesReplaced([
  "password: reset Summer-2024",
  "password: changed Summer_2024",
  "password: set letmein-99",
  "password: changed for user bob Dragon-1234",
  "password: changed Summer.2024",
  "password: set 482913",
  "password: issued 482913",
  "password: created 1234567",
  "password: changed on request sunshine",
  "password: changed via app sunshine",
  "password: changed in db sunshine",
  "token: refreshed by job sunshine",
  "password: reset from site sunshine",
  "password: changed for user bob Sunshine",
  "token: refreshed for service cart Dragon",
  "password: changed for user bob Correct Horse Battery",
  "password: changed for user swordfish",
  "token: issued for tenant abcdefghijklmnopqrstu",
]);

/** The new value or the passphrase goes, the prose around it stays. */
const TAKEN: readonly (readonly [string, string])[] = [
  ["password: changed to 123456", `password: changed to ${R}`],
  ["password: set to 4821", `password: set to ${R}`],
  ["password: reset to 0000", `password: reset to ${R}`],
  ["password: changed to 123456 for user 42", `password: changed to ${R} for user 42`],
  ["password: reset to 2024-01-01", `password: reset to ${R}`],
  ["password: set to 12:30", `password: set to ${R}`],
  ["password: changed to fallback", `password: changed to ${R}`],
  ["password: changed to cookie", `password: changed to ${R}`],
  ["password: changed to valid", `password: changed to ${R}`],
  ["password: changed, to sunshine", `password: changed, to ${R}`],
  ["password: changed to sunshine request_id=abc123", `password: changed to ${R} request_id=${R}`],
  ["password: changed successfully to sunshine", `password: changed successfully to ${R}`],
  ["password: reset for bob to sunshine", `password: reset for bob to ${R}`],
  ["password: set for bob as sunshine", `password: set for bob as ${R}`],
  ["password: changed for user 42 to Summer-2024", `password: changed for user 42 to ${R}`],
  ["password: changed to a new value sunshine", `password: changed to ${R}`],
  ["password: set to correct horse battery staple", `password: set to ${R}`],
  ["token: set to expire sunshine", `token: set to ${R}`],
  ["secret: rotated to kid sunshine", `secret: rotated to kid ${R}`],
  ["password: reset via email: sunshine", `password: reset via email: ${R}`],
  ["password: changed: hunter2", `password: changed: ${R}`],
  ["password: reset, temp password is sunshine", `password: reset, temp password is ${R}`],
  ["password: changed successfully, new password is sunshine", `password: changed successfully, new password is ${R}`],
  ["password: updated, new: sunshine", `password: updated, new: ${R}`],
  ["password: rotated. New: Tr0ub4dor&3", `password: rotated. New: ${R}`],
  ["password: changed for user 42 hunter", `password: changed for user 42 ${R}`],
  ["password: changed for user 42 Hunter", `password: changed for user 42 ${R}`],
  ["password: changed for user 42 Sunshine Beach", `password: changed for user 42 ${R}`],
  ["token: refreshed for user u_42 sunshine", `token: refreshed for user u_42 ${R}`],
  ["client_secret: rotated for app web-7 hunter", `client_secret: rotated for app web-7 ${R}`],
  ["password: failed for user 42 hunter", `password: failed for user 42 ${R}`],
  ["token: invalid for user 42 sunshine", `token: invalid for user 42 ${R}`],
  ["token: expired for user 42 hunter", `token: expired for user 42 ${R}`],
  ["password: rejected for user 42 swordfish", `password: rejected for user 42 ${R}`],
  ["password: reset for bob, new password sunshine", `password: reset for bob, new password ${R}`],
  ["password: reset for bob new password Sunshine!", `password: reset for bob new password ${R}`],
  ["password: reset, temporary password sunshine", `password: reset, temporary password ${R}`],
  ["token: refreshed, new token 1234567", `token: refreshed, new token ${R}`],
  ["token: refreshed, new token abc123def456", `token: refreshed, new token ${R}`],
  ["password: failed for user 42 swordfish. Next", `password: failed for user 42 ${R}. Next`],
  ["password: reset, temporary password bluejay. Next", `password: reset, temporary password ${R}. Next`],
];

/** Prose and values that are no secret: versions, a phrase after `to`/`as`, another clause's object, a report's words. */
const KEPT = [
  "secret: rotated to v2",
  "secret: rotated into v2",
  "secret: rotated to v2.1.0",
  "password: changed to version 3",
  "password: changed to version 3x",
  "token: set as cookie",
  "token: set as header",
  "password: changed as well",
  "password: changed to comply",
  "token: set to expire at 2026-12-31",
  "token: set to expire in 3600s",
  "secret: rotated as scheduled",
  "token: renewed on schedule",
  "password: reset on request",
  "password: changed to meet policy",
  "password: reset via email link for u_42",
  "password: changed by admin at 10.0.0.5",
  "password: reset, email sent to support",
  "password: changed, notification sent to admin",
  "token: refreshed, forwarded to upstream",
  "token: refreshed and passed to worker",
  "token: refreshed, upstream: ok",
  "password: changed, status: done",
  "token: refreshed: OK",
  "token: refreshed request_id=req_8f1e2d3c",
  "token: rotated ERR_TOKEN_EXPIRED",
  "password: changed for user 42 at 2026-12-05 03:00:00 UTC",
  "api_key: rotated for key id k_123",
  "api_key: rotated for project p-7781 (old key revoked)",
  "secret: rotated for env prod by pipeline 1234",
  "password: changed for user 42 by jdoe",
  "token: refreshed for user 42 (HTTP 200)",
  "token: refreshed for user 42 with scope read:orders",
  "token: refreshed for user 42 using refresh token",
  "secret: rotated for 3 services",
  "password: changed via API",
  "token: revoked due to logout",
  "secret: rotated per policy",
  "token: refreshed in background",
  "password: changed, sessions invalidated",
  "token: refreshed, expires in 3600s",
  "token: refreshed after 401 from upstream",
  "password: changed on Monday",
  "password: reset requested by user 42 through the support portal",
  "token: rotated, old token revoked",
  "password: changed for user 42 anyway",
  "password: changed for user 42 via sso",
  "password: changed for user 42 upon request",
  "token: refreshed for user 42 automatically",
  "token: expired for user 42 again",
  "token: invalid for user 42 signature",
  "password: changed for user 42 Monday",
  "password: reset for user 42 as requested",
  "password: reset, new password required",
  "password: reset, new password sent",
  "token: rotated, new token active",
  "password: changed, new password ok",
  "token: refreshed, new token expires in 3600s",
  "token: rotated, new token now",
];

/** Redacting twice changes nothing: a marker after a noun naming a thing stays as it is. */
const REDACTED_BEFORE = [`secret: rotated to kid ${R}`, `password: changed to user ${R}`, `password: changed for user 42 ${R}`, `password: changed to ${R}`];

describe("after what was done to a secret, a new value in the change's reach and a passphrase after an id go, the report's prose stays", () => {
  for (const [form, storedIn] of FORMS) {
    itStores(`${form}: %s is stored %s`, storedIn, PROSE_FORMS.some(([name]) => name === form) ? [...WHOLE, ...TAKEN] : TAKEN);
    itKeeps(`${form}: %s stays`, storedIn, [...KEPT, ...REDACTED_BEFORE]);
  }
});
