/**
 * One verdict per value, whatever the form: for each kind of key (a secret's, a whole name's, a
 * name part's, a card holder's, an e-mail's or a phone's) and each value (placeholders, a
 * validator's and a state's words, test data, real-looking values), the value is kept or
 * replaced alike in plain text (`k=v`, at a line's end and before the next pair), quoted text
 * (`k="v"`), a JSON body, an OTLP attribute and a URL query (form-encoded as a browser sends
 * it), and that verdict is the one chosen in `VERDICTS` (docs/decisions.md, 2026-12-04, "one
 * verdict per value").
 */
import { describe, expect, it } from "vitest";
import { redactedLogBody, storedLogAttributes } from "../support/redaction";

/** The keys of each kind. */
const KEYS = {
  secret: ["password", "api_key", "token"],
  name: ["customer_name", "display_name", "full_name"],
  part: ["first_name", "last_name"],
  holder: ["card_holder", "cardholder_name"],
  contact: ["email", "phone"],
} as const;
type KeyKind = keyof typeof KEYS;

/** Each form a sender writes `key` holding `value` in, as a log body; the attribute is apart. */
const FORMS: ReadonlyArray<readonly [form: string, write: (key: string, value: string) => string]> = [
  ["text at the line's end", (key, value) => `login failed ${key}=${value}`],
  ["text before a pair", (key, value) => `login failed ${key}=${value} retry=1`],
  ["quoted text", (key, value) => `login failed ${key}="${value}" retry=1`],
  ["JSON body", (key, value) => JSON.stringify({ msg: "login failed", [key]: value })],
  ["URL query", (key, value) => `GET /login?${new URLSearchParams({ [key]: value })}&retry=1`],
];

/** K: kept as sent; R: replaced. */
type Verdict = "K" | "R";

/**
 * The chosen verdicts, by value, in the order secret, name, part, holder, contact (e-mail and
 * phone alike unless the row says both). Why each: docs/decisions.md.
 */
const VERDICTS: ReadonlyArray<readonly [value: string, secret: Verdict, name: Verdict, part: Verdict, holder: Verdict, contact: Verdict | readonly [email: Verdict, phone: Verdict]]> = [
  // No value, in every key's place.
  ["null", "K", "K", "K", "K", "K"],
  ["none", "K", "K", "K", "K", "K"],
  ["N/A", "K", "K", "K", "K", "K"],
  ["n/a", "K", "K", "K", "K", "K"],
  // A validator's or a state's word: what a form or a status line prints in a value's place.
  ["required", "K", "K", "K", "K", "K"],
  ["missing", "K", "K", "K", "K", "K"],
  ["invalid", "K", "K", "K", "K", "K"],
  ["empty", "K", "K", "K", "K", "K"],
  ["blank", "K", "K", "K", "K", "K"],
  ["not set", "K", "K", "K", "K", "K"],
  ["expired", "K", "K", "K", "K", "K"],
  ["revoked", "K", "K", "K", "K", "K"],
  // Test data: a weak password someone set is the credential; no person and no card's holder is named so.
  ["test", "R", "K", "K", "K", "K"],
  ["Test", "R", "K", "K", "K", "K"],
  ["TEST", "R", "K", "K", "K", "K"],
  ["Test Card", "R", "K", "K", "K", "K"],
  ["Test User", "R", "K", "K", "K", "K"],
  ["guest", "R", "K", "K", "K", "K"],
  ["anonymous", "R", "K", "K", "K", "K"],
  ["unknown", "R", "K", "K", "K", "K"],
  ["Unknown", "R", "K", "K", "K", "K"],
  ["Test Customer", "R", "K", "K", "K", "K"],
  // A validator's sentence in a name's place, a whole phrase (a credential's key reads it so only after a colon in prose).
  ["must not be blank", "R", "K", "K", "K", "K"],
  // A holder field's own label is no holder; under a part's key one word of letters is that part.
  ["CARDHOLDER", "R", "K", "R", "K", "K"],
  // A placeholder name is written as a person's is, and goes as one (no list tells them apart).
  ["John Doe", "R", "R", "R", "R", "K"],
  ["Jane Doe", "R", "R", "R", "R", "K"],
  // Real-looking values.
  ["Maria Silva", "R", "R", "R", "R", "K"],
  ["maria silva", "R", "R", "R", "R", "K"],
  ["maria silva ok", "R", "R", "R", "R", "K"],
  ["hunter2", "R", "K", "K", "R", "K"],
  // A name a mask, a placeholder or a long filler pads is still a name: only a value that says no
  // name as a whole (each of its words, or one phrase) stays.
  ["JOHN SMITH XXXX", "R", "R", "R", "R", "K"],
  [`JOHN SMITH ${"X".repeat(64)}`, "R", "R", "R", "R", "K"],
  ["Ana Souza ***", "R", "R", "R", "R", "K"],
  ["John Smith N/A", "R", "R", "R", "R", "K"],
  ["ana@example.com", "R", "R", "R", "R", "R"],
  ["+1 415 555 0132", "R", "R", "R", "R", "R"],
  // A dashed number needs a phone's key or word (docs/decisions.md, 2026-12-04, name parts).
  ["415-555-0132", "R", "K", "K", "R", ["K", "R"]],
];

/** What the record stores of `value` under `key` in each form: kept whole (K) or not (R). */
function verdicts(key: string, value: string): Record<string, Verdict> {
  const found: Record<string, Verdict> = {};
  for (const [form, write] of FORMS) {
    const text = write(key, value);
    found[form] = redactedLogBody(text) === text ? "K" : "R";
  }
  found["attribute"] = storedLogAttributes([{ key, value: { stringValue: value } }]).values[key] === value ? "K" : "R";
  return found;
}

const KINDS: readonly KeyKind[] = ["secret", "name", "part", "holder", "contact"];
const cases = VERDICTS.flatMap(([value, ...chosen]) =>
  KINDS.flatMap((kind, column) =>
    KEYS[kind].map((key) => {
      const verdict = chosen[column]!;
      const expected = typeof verdict === "string" ? verdict : verdict[key === "email" ? 0 : 1];
      return [kind, key, value, expected] as const;
    }),
  ),
);

describe("one verdict per value under each kind of key, in every form", () => {
  it.each(cases)("%s key %s = %j: %s", (_kind, key, value, expected) => {
    const everyForm = Object.fromEntries([...FORMS.map(([form]) => form), "attribute"].map((form) => [form, expected]));
    expect(verdicts(key, value)).toEqual(everyForm);
  });
});
