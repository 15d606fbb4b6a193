/**
 * The display name before a mailbox's address (`From: "Ana Souza" <ana@example.com>`, git's
 * `Signed-off-by: Alice Smith <alice@example.com>`) is a person's name and goes with the address;
 * a group's, a program's or a sentence's capitalised words before an address stay.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";

const policy = defaultRedactionPolicy();
const NAME = "[REDACTED:person_name]";
const EMAIL = "[REDACTED:email]";

describe("a display name before a mailbox", () => {
  it.each([
    ['From: "Ana Souza" <ana@example.com>', `From: "${NAME}" <${EMAIL}>`, 1, 1],
    ["Signed-off-by: Alice Smith <alice@example.com>", `Signed-off-by: ${NAME} <${EMAIL}>`, 1, 1],
    ["Co-authored-by: Zyx Qwerty <z@example.com>", `Co-authored-by: ${NAME} <${EMAIL}>`, 1, 1],
    ["To: Maria da Silva <maria@example.com>, Zyx Qwerty <z@example.com>", `To: ${NAME} <${EMAIL}>, ${NAME} <${EMAIL}>`, 2, 2],
    ['reply sent to "Ana" <ana@example.com>', `reply sent to "${NAME}" <${EMAIL}>`, 1, 1],
    ["mail queued for Bob Jones <bob@example.com>", `mail queued for ${NAME} <${EMAIL}>`, 1, 1],
  ])("%s", (text, expected, names, emails) => {
    expect(redactString(text, policy)).toEqual({ text: expected, counts: { person_name: names, email: emails } });
  });

  it.each([
    '"GitHub Actions" <noreply@github.com>',
    "Acme Billing <billing@acme.example>",
    '"Jenkins" <ci@example.com>',
    "Orders Worker <worker@example.com>",
    "Reply To <reply@example.com>",
    "Error Sending <a@example.com>",
  ])("%s keeps its name", (text) => {
    const result = redactString(text, policy);
    expect(result.counts).toEqual({ email: 1 });
    expect(result.text).toBe(text.replace(/<[^>]+>/, `<${EMAIL}>`));
  });
});
