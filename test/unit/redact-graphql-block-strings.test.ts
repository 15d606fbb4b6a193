/**
 * GraphQL block strings (`"""…"""`, GraphQL specification §2.9.4) as inline argument values: each
 * rule that reads `name: "value"` reads `name: """value"""` alike, in a document alone, in JSON
 * text (a request body, its quotes escaped) and in prose, and the block's quotes stay.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { itKeeps, itStores } from "../support/redaction-cases";

const redacted = (text: string) => redactString(text, defaultRedactionPolicy()).text;

describe("GraphQL block strings", () => {
  it("redacts a password in a block string beside one in a string (the probe's login mutation)", () => {
    const document = 'mutation {\n  login(\n    email: "zoe@example.com"\n    password: """Tr0ub4dor&3"""\n  ) { token }\n}';
    expect(redacted(document)).toBe(
      'mutation {\n  login(\n    email: "[REDACTED:email]"\n    password: """[REDACTED:secret_param]"""\n  ) { token }\n}',
    );
  });

  itStores("replaces the content of a block string argument: %s", redacted, [
    ['login(password: """Tr0ub4dor&3""")', 'login(password: """[REDACTED:secret_param]""")'],
    ['login(password:"""Tr0ub4dor&3""") { token }', 'login(password:"""[REDACTED:secret_param]""") { token }'],
    ['rotate(apiKey: """abc123def456ghi789jkl""") { id }', 'rotate(apiKey: """[REDACTED:secret_param]""") { id }'],
    ['login(password: """\n  two words\n  over lines\n""") { token }', 'login(password: """[REDACTED:secret_param]""") { token }'],
    ['login(password: """with \\""" inside""") { ok }', 'login(password: """[REDACTED:secret_param]""") { ok }'],
    ['createUser(input: {ssn: """123456789"""}) { id }', 'createUser(input: {ssn: """[REDACTED:ssn]"""}) { id }'],
    ['createUser(cpf: """123.456.789-09""") { id }', 'createUser(cpf: """[REDACTED:cpf]""") { id }'],
    ['createUser(email: """ana@example.com""") { id }', 'createUser(email: """[REDACTED:email]""") { id }'],
    ['createUser(phone: """11987654321""") { id }', 'createUser(phone: """[REDACTED:phone]""") { id }'],
    ['createUser(rg: """123456789""") { id }', 'createUser(rg: """[REDACTED:rg]""") { id }'],
    ['createUser(zip: """94105""") { id }', 'createUser(zip: """[REDACTED:postal_code]""") { id }'],
  ]);

  it("reads a block string in a JSON body, its quotes escaped", () => {
    const body = '{"query":"mutation { login(password: \\"\\"\\"Tr0ub4dor&3\\"\\"\\") { token } }"}';
    expect(redacted(body)).toBe('{"query":"mutation { login(password: \\"\\"\\"[REDACTED:secret_param]\\"\\"\\") { token } }"}');
  });

  it("reads a block string in prose", () => {
    expect(redacted('sent mutation login(password: """Tr0ub4dor&3""") and got 200')).toBe(
      'sent mutation login(password: """[REDACTED:secret_param]""") and got 200',
    );
  });

  itKeeps("keeps an empty block string, a placeholder, a marker and a block under another name: %s", redacted, [
    'login(password: """""") { token }',
    'login(password: """********""") { token }',
    'createPost(body: """Hello there, this is a post""") { id }',
    'login(password: """[REDACTED:secret_param]""") { token }',
  ]);
});

describe("GraphQL strings in defaults, lists, after a line break and escaped twice", () => {
  itStores("redacts %j", redacted, [
    ['query ($password: String = "hunter2x9") { me { id } }', 'query ($password: String = "[REDACTED:secret_param]") { me { id } }'],
    [
      'mutation($password: String = """Tr0ub4dor&3""") { login(password: $password) { ok } }',
      'mutation($password: String = """[REDACTED:secret_param]""") { login(password: $password) { ok } }',
    ],
    ['val password: String = "hunter2x9"', 'val password: String = "[REDACTED:secret_param]"'],
    ['setSecrets(passwords: ["a1b2c3d4", "x9y8z7w6"]) { ok }', 'setSecrets(passwords: ["[REDACTED:secret_param]", "[REDACTED:secret_param]"]) { ok }'],
    [
      'setSecrets(passwords: ["""Tr0ub4dor&3""" """x9y8z7w6"""]) { ok }',
      'setSecrets(passwords: ["""[REDACTED:secret_param]""" """[REDACTED:secret_param]"""]) { ok }',
    ],
    ['login(password:\n  "Tr0ub4dor&3") { ok }', 'login(password:\n  "[REDACTED:secret_param]") { ok }'],
    ['login(password:\n  """Tr0ub4dor&3""") { ok }', 'login(password:\n  """[REDACTED:secret_param]""") { ok }'],
  ]);

  it("reads a block string escaped twice and three times", () => {
    const document = 'mutation { login(password: """Tr0ub4dor&3""") { token } }';
    const stored = 'mutation { login(password: """[REDACTED:secret_param]""") { token } }';
    const twice = JSON.stringify({ body: JSON.stringify({ query: document }) });
    expect(redacted(twice)).toBe(JSON.stringify({ body: JSON.stringify({ query: stored }) }));
    const thrice = JSON.stringify({ x: twice });
    expect(redacted(thrice)).toBe(JSON.stringify({ x: JSON.stringify({ body: JSON.stringify({ query: stored }) }) }));
  });

  itKeeps("keeps %j", redacted, [
    "query ($first: Int = 10) { items(first: $first) { id } }",
    'query ($password: String = "") { x }',
    'secrets: ["STRIPE_KEY", "DB_PASSWORD"]',
    'note tokens: ["12", "30"]',
    'roles: ["admin", "viewer"]',
    'password:\n  "user": "bob"',
  ]);
});
