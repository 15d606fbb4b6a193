/**
 * A person's name under a role's key (`customer`, `recipient`, `contact`, `assignee`, `reviewer`,
 * `patient`, `employee`, `beneficiary`) as an attribute, a JSON member or a field in text, and a
 * name's parts under a role (`contact.first`); the ids such keys hold as often stay
 * (`customer=cus_123`, `assignee=42`), and so do a program's display names (`Payments Dashboard`).
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { storedLogAttribute } from "../support/redaction";
import { itKeepsUncounted, itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const NAME = "[REDACTED:person_name]";


describe("a person's name under a role's key", () => {
  it.each([
    ["customer", "Ana Souza"],
    ["recipient", "Ana Souza"],
    ["shipping.recipient", "Ana Souza"],
    ["contact", "Ana Souza"],
    ["assignee", "Ana Souza"],
    ["reviewer", "José"],
    ["patient", "Maria da Silva"],
    ["employee", "Jean-Luc Picard"],
    ["beneficiary", "Ana Souza"],
    ["contact.first", "Ana"],
    ["customer.last", "Souza"],
  ])("attribute %s = %s", (key, value) => {
    expect(storedLogAttribute(key, { stringValue: value })).toEqual({ stringValue: NAME });
  });

  it.each([
    ["customer: Ana Souza", `customer: ${NAME}`, 1],
    ['{"customer":"Ana Souza","order":"o_1"}', `{"customer":"${NAME}","order":"o_1"}`, 1],
    ['assignee="Ana Souza" status=open', `assignee="${NAME}" status=open`, 1],
    ['{"contact":{"first":"Ana","last":"Souza"}}', `{"contact":{"first":"${NAME}","last":"${NAME}"}}`, 2],
  ])("in text: %s", (text, expected, count) => {
    expect(redactString(text, policy)).toEqual({ text: expected, counts: { person_name: count } });
  });

  it.each([
    ["customer", "cus_123"],
    ["assignee", "42"],
    ["customer", "guest"],
    ["reviewer", "dependabot"],
    ["patient", "Platform Team"],
    ["recipient", "Acme Corp"],
    ["customer.last", "2024-05-01"],
  ])("an id, an account or a group stays: %s = %s", (key, value) => {
    expect(storedLogAttribute(key, { stringValue: value })).toEqual({ stringValue: value });
  });

  it("an e-mail address under `contact` is the e-mail detector's", () => {
    expect(storedLogAttribute("contact", { stringValue: "ana@example.com" })).toEqual({ stringValue: "[REDACTED:email]" });
  });

  itKeepsUncounted("a company, a team, a role or a placeholder stays: %s", (text) => redactString(text, policy), [
    "Contact: Support Desk",
    "Contact: Help Desk",
    "Contact: Technical Support",
    "Assignee: Jira Automation",
    "Assignee: Release Manager",
    "Reviewer: Code Owners",
    "Reviewer: Security Review Board",
    "Recipient: All Staff",
    "Employee: Night Shift",
    "Customer: Walk-in Customer",
    "Customer: Guest User",
    '{"customer":"Deutsche Bahn"}',
    '{"customer":"Grupo Bimbo"}',
    '{"customer":"Blue Bottle Coffee"}',
    '{"customer":"Default Customer"}',
    '{"beneficiary":"Red Cross"}',
    '{"patient":"Test Patient"}',
    '{"recipient":"All Staff"}',
    'assignee="Maria Support"',
  ]);

  it.each([
    ["customer", "Deutsche Bahn"],
    ["contact", "Support Desk"],
    ["patient", "Test Patient"],
  ])("attribute %s = %s stays", (key, value) => {
    expect(storedLogAttribute(key, { stringValue: value })).toEqual({ stringValue: value });
  });

  itStoresCounting("a name led by a given name or written outside ASCII goes: %s", (text) => redactString(text, policy), { person_name: 1 }, [
    ['{"customer":"Maria Garcia"}', `{"customer":"${NAME}"}`],
    ["Contact: John Smith", `Contact: ${NAME}`],
    ['{"recipient":"Łukasz Nowak"}', `{"recipient":"${NAME}"}`],
  ]);

  it.each(["customer=cus_123", "assignee=42", "customer: guest"])("in text: %s stays", (text) => {
    expect(redactString(text, policy)).toEqual({ text, counts: {} });
  });
});

describe("a program's display name is no person's", () => {
  it.each([
    ["display_name", "Payments Dashboard"],
    ["display_name", "Checkout API"],
    ["displayName", "Orders Worker"],
    ["user.display_name", "Billing Service"],
  ])("%s = %s stays", (key, value) => {
    expect(storedLogAttribute(key, { stringValue: value })).toEqual({ stringValue: value });
    expect(redactString(`${key}=${value}`, policy)).toEqual({ text: `${key}=${value}`, counts: {} });
  });

  it("a person's display name still goes", () => {
    expect(storedLogAttribute("user.display_name", { stringValue: "Ana Souza" })).toEqual({ stringValue: NAME });
  });
});
