/**
 * The display name before a mailbox's address (`From: "Ana Souza" <ana@example.com>`, git's
 * `Signed-off-by: Alice Smith <alice@example.com>`) is a person's name and goes with the address;
 * a group's, a program's, a company's, a notice's or a sentence's capitalised words before an
 * address stay. A mail header's name is a person's only when it reads as one (a common given name
 * first, or letters outside ASCII); a git trailer's is a person's by git's convention.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { itKeepsUncounted } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const NAME = "[REDACTED:person_name]";
const EMAIL = "[REDACTED:email]";

describe("a display name before a mailbox", () => {
  it.each([
    ['From: "Ana Souza" <ana@example.com>', `From: "${NAME}" <${EMAIL}>`, 1, 1],
    ["Signed-off-by: Alice Smith <alice@example.com>", `Signed-off-by: ${NAME} <${EMAIL}>`, 1, 1],
    ["Co-authored-by: Zyx Qwerty <z@example.com>", `Co-authored-by: ${NAME} <${EMAIL}>`, 1, 1],
    ["To: Maria da Silva <maria@example.com>, John Smith <j@example.com>", `To: ${NAME} <${EMAIL}>, ${NAME} <${EMAIL}>`, 2, 2],
    ["Cc: Łukasz Nowak <lukasz@example.com>", `Cc: ${NAME} <${EMAIL}>`, 1, 1],
    ["Author: Zyx Qwerty <z@example.com>", `Author: ${NAME} <${EMAIL}>`, 1, 1],
    ['reply sent to "Ana" <ana@example.com>', `reply sent to "${NAME}" <${EMAIL}>`, 1, 1],
    ["mail queued for Bob Jones <bob@example.com>", `mail queued for ${NAME} <${EMAIL}>`, 1, 1],
  ])("%s", (text, expected, names, emails) => {
    expect(redactString(text, policy)).toEqual({ text: expected, counts: { person_name: names, email: emails } });
  });

  it.each([
    '"Jenkins" <ci@example.com>',
    "Orders Worker <worker@example.com>",
    "Reply To <reply@example.com>",
    "Error Sending <a@example.com>",
    "From: Apple Developer <developer@apple.com>",
    "From: Order Confirmation <orders@shop.example>",
    "Cc: Release Notes <notes@example.com>",
    "Signed-off-by: Release Bot <bot@example.com>",
  ])("%s keeps its name", (text) => {
    const result = redactString(text, policy);
    expect(result.counts).toEqual({ email: 1 });
    expect(result.text).toBe(text.replace(/<[^>]+>/, `<${EMAIL}>`));
  });

  // A role's mailbox (RFC 2142's and the common ones) names no person: its address stays too.
  itKeepsUncounted("%s keeps its name and its role's address", (text) => redactString(text, policy), [
    '"GitHub Actions" <noreply@github.com>',
    "Acme Billing <billing@acme.example>",
    "Sender: Mail Delivery Subsystem <mailer-daemon@googlemail.com>",
    "From: Microsoft Outlook <no-reply@microsoft.com>",
    "From: Password Reset <noreply@example.com>",
    "Reply-To: Do Not Reply <noreply@example.com>",
    'From: "Mail Delivery Subsystem" <mailer-daemon@googlemail.com>',
  ]);
});
