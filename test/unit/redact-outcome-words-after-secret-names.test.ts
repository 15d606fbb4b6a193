/**
 * What was done to a secret (`changed`, `refreshed`, `rotated`, `reset`, `revoked`, `saved`…)
 * after its name, then prose: read as prose after a state's word is (report-secrets.ts,
 * `isOutcomeProse`), its ids, addresses and times kept, only the words shaped as a secret taken;
 * after `to`, `into` or `as` the word ending the clause is the new value, whatever its shape; a
 * log's next pairs end the value after `password=changed` and after a length's report. Each case
 * in text, a pino line's message (JSON text), after a logger's prefix, a log attribute's string,
 * a Cloudflare console line, a logfmt line's quoted message and a quoted string.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { LOGFMT_MESSAGE_HEAD, logfmtMessageForm, PROSE_FORMS, proseAndQuotedForms } from "../support/redaction";
import { itKeeps, itStores, wholeValuesReplaced } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const stored = (text: string) => redactString(text, policy).text;
const formNamed = (name: string) => PROSE_FORMS.find(([form]) => form === name)![1];
const inJsonBody = formNamed("a pino message");
const afterPrefix = formNamed("after a logger's prefix");
const inConsoleLine = formNamed("a Cloudflare console line");
const inLogfmtMessage = logfmtMessageForm('" request_id=8f1e2d3c4b5a6978');
const FORMS = proseAndQuotedForms(inLogfmtMessage);

const R = "[REDACTED:secret_param]";

/** Prose after what was done to the secret, and a length's report before a log's pairs: kept whole (were taken). */
const KEPT = [
  "token: refreshed for user u_42 on host edge-fra-03",
  "password: changed by admin at 10.0.0.5",
  "password: changed for user u_42 on host edge-fra-03",
  "password: changed by admin",
  "secret: rotated for service cart on host edge-fra-03",
  "token: expired at 2026-12-05T05:40:00Z for u_42",
  "api_key: regenerated for project p-7781 by user 42",
  "client_secret: renewed for app billing-7 in region eu-west-1",
  "password: reset for user 42 via email link",
  "password: updated successfully for account acct_9912",
  "secret: removed from cache for tenant t-9",
  "token: cleared for user alice42 on logout",
  "password: set for new user u_9001 by admin",
  "password: saved for user u_42 on host edge-fra-03",
  "token: set for user 42 to expire at 2026-12-06T00:00:00Z",
  "password: changed - please sign in again",
  "password: changed as requested by user 42",
  "password: changed to meet policy",
  "password: changed to comply with policy",
  "password: reset to random value by admin",
  "password: changed to version 3",
  "password: reset to default",
  "token: rotated to kid 4f1c2b9a",
  "secret: stored as base64 in kv",
  "password: 12 chars user=bob",
  "password: at least 12 characters user=bob ip=10.0.0.1",
];

/** A new value after `to`, `into` or `as`, and a word shaped as a secret after the outcome's word: taken, the prose kept. */
const TAKEN: readonly (readonly [string, string])[] = [
  ["password: changed to sunshine", `password: changed to ${R}`],
  ["password: changed to Lato2026!", `password: changed to ${R}`],
  ["token: set to abc", `token: set to ${R}`],
  ["secret: rotated to s3cr3t", `secret: rotated to ${R}`],
  ["password: changed to sunshine by admin", `password: changed to ${R} by admin`],
  ["api_key: regenerated as Zx9qLm2Pk7Vb", `api_key: regenerated as ${R}`],
  ["password: changed into Summer2024!", `password: changed into ${R}`],
  ["password: set to 'Winter2025!'", `password: set to '${R}'`],
  ["password: reset to temp123 for user 42", `password: reset to ${R} for user 42`],
  ["password: changed hunter2x9", `password: changed ${R}`],
  ["token: refreshed for user u_42 on host edge-fra-03, Zx9qLm2Pk7Vb", `token: refreshed for user u_42 on host edge-fra-03, ${R}`],
  // An id after `revoked` with no noun naming it: by the id rules only a labelled hex id or UUID is one; a token may be a UUID.
  ["token: revoked 3f2b8c1e-9d4a-4c7b-8e21-5a6f0b1c2d3e", `token: revoked ${R}`],
];

/** A plain word where a party's name stands, or a phrase in brackets, may be the passphrase: the name's own rules take it all. */
const WHOLE = wholeValuesReplaced([
  "password: changed for user swordfish",
  "password: issued for user correct-horse-battery",
  "password: changed (correct horse battery staple)",
  "password: changed for user 42 (correct horse battery)",
  "password: sent from heaven 77",
]);

describe("prose after what was done to a secret reads as after a state's word", () => {
  for (const [form, storedIn] of FORMS) {
    itKeeps(`${form}: %s stays`, storedIn, KEPT);
    itStores(`${form}: %s is stored %s`, storedIn, storedIn === inLogfmtMessage ? TAKEN : [...TAKEN, ...WHOLE]);
  }
  // There the name's other rules replace the value's first word, as before.
  it.each(WHOLE)("a logfmt message %s is not kept", (text) => {
    expect(inLogfmtMessage(text)).toContain(R);
  });
});

describe("a person's name or a URL after the user's noun, in a long sentence", () => {
  const NAMED: readonly (readonly [string, string])[] = [
    ["password: failed for user https://idp.example.com/users/u_42", "password: failed for user https://idp.example.com/users/u_42"],
    [
      "password: failed for user John Michael Smith of the accounts payable team",
      "password: failed for user [REDACTED:person_name] of the accounts payable team",
    ],
    [
      "password: failed for user John Michael Smith of the accounts payable team in building 4 on floor 2 near the kitchen",
      "password: failed for user [REDACTED:person_name] of the accounts payable team in building 4 on floor 2 near the kitchen",
    ],
    [
      "token: refreshed for user John Michael Smith of the accounts payable team in building 4 on floor 2",
      "token: refreshed for user [REDACTED:person_name] of the accounts payable team in building 4 on floor 2",
    ],
  ];
  itStores("text %s is stored %s", stored, NAMED);
  itStores("a pino message %s is stored %s", inJsonBody, NAMED);
  itStores("a Cloudflare console line %s is stored %s", inConsoleLine, NAMED);
});

describe("a new value in double quotes after `to`", () => {
  it("takes all the quotes hold, escaped in JSON text too", () => {
    expect(stored('password: changed to "correct horse battery staple"')).toBe(`password: changed to "${R}"`);
    expect(inJsonBody('password: changed to "correct horse battery staple"')).toBe(`password: changed to "${R}"`);
    expect(afterPrefix('password: changed to "correct horse battery staple"')).toBe(`password: changed to "${R}"`);
  });
});

describe("a log's next pairs after `password=` and an outcome's word", () => {
  it("takes the word shaped as a secret after it and keeps the pairs", () => {
    expect(stored("password=changed hunter2 user=bob")).toBe(`password=changed ${R} user=bob`);
    expect(stored(`${LOGFMT_MESSAGE_HEAD.slice(0, -5)}login password=changed hunter2 user=bob`)).toBe(`level=info login password=changed ${R} user=bob`);
  });
  it("takes the word itself before other prose, a password there as often", () => {
    expect(stored("password=changed for user u_42 user=bob")).toBe(`password=${R} for user u_42 user=bob`);
    expect(stored("login attempt user=ana password=changed from 10.0.0.5")).toBe(`login attempt user=ana password=${R} from 10.0.0.5`);
  });
  it("keeps a connection string's and a flag's value the password", () => {
    expect(stored("host=db user=app password=reset dbname=orders")).toBe(`host=db user=app password=${R} dbname=orders`);
    expect(stored("--password=changed user=x")).toBe(`--password=${R} user=x`);
  });
  it("takes a length's report with a password after it, up to the pairs", () => {
    expect(stored("password: 12 chars Xk9mQ7vLp user=bob")).toBe(`password: ${R} user=bob`);
  });
});
