/**
 * Code after a credential's name is read alike whatever assigns it: `=`, `:=`, `=>`, an object
 * literal's or a dict's `:`, with or without a receiver before the name. The code stays and its
 * string literals go, but a lookup's key; in a JSON string the code's escaped quotes delimit its
 * literals; a receiver chain of any length names the variable; and a long adversarial line costs
 * time in proportion to its length.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { expectUnchanged } from "../support/redaction";
import { workDone } from "../../workers/ingest/core/redact/scan-scope";
import { itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const PARAM = "[REDACTED:secret_param]";

describe("code after a credential's name keeps the code and loses its literals in every assignment form", () => {
  itStoresCounting("%j", (text) => redactString(text, policy), { secret_param: 1 }, [
    ['password: options.password || "hunter2"', `password: options.password || "${PARAM}"`],
    ['password = options.password || "hunter2"', `password = options.password || "${PARAM}"`],
    ['password := options.password || "hunter2"', `password := options.password || "${PARAM}"`],
    ['password => options.password || "hunter2"', `password => options.password || "${PARAM}"`],
    ['  password: options.password ?? "hunter2",', `  password: options.password ?? "${PARAM}",`],
    ['token: process.env.TOKEN ?? "abc123xyz"', `token: process.env.TOKEN ?? "${PARAM}"`],
    ['token = process.env.TOKEN ?? "abc123xyz"', `token = process.env.TOKEN ?? "${PARAM}"`],
    ['api_key: config.apiKey || "sk9f8a7d6s5a4"', `api_key: config.apiKey || "${PARAM}"`],
    ['password: opts.pw or "hunter2"', `password: opts.pw or "${PARAM}"`],
    ["password: $pw ?: 'hunter2'", `password: $pw ?: '${PARAM}'`],
    ["'password' => $opts['pw'] ?? 'hunter2',", `'password' => $opts['pw'] ?? '${PARAM}',`],
    [':password => opts[:pw] || "hunter2"', `:password => opts[:pw] || "${PARAM}"`],
    ["{'password': os.environ.get('PW') or 'hunter2'}", `{'password': os.environ.get('PW') or '${PARAM}'}`],
    // A type annotation between the name and its `=` (Python, TypeScript).
    ['password: str = os.getenv("PW") or "hunter2"', `password: str = os.getenv("PW") or "${PARAM}"`],
    ['password: str = "hunter2"', `password: str = "${PARAM}"`],
    ['password: string = "hunter2";', `password: string = "${PARAM}";`],
    // An object literal and a PHP array: the printed-record reader leaves code to the text's detectors.
    ['const cfg = { password: options.password || "hunter2" };', `const cfg = { password: options.password || "${PARAM}" };`],
    ["$cfg = ['password' => $opts['pw'] ?? 'hunter2'];", `$cfg = ['password' => $opts['pw'] ?? '${PARAM}'];`],
  ]);

  it("ends the value at a member's `,` or the object's close, so the next member is its own", () => {
    expect(redactString('const cfg = { password: opts.pw || "hunter2", user: "ana" };', policy)).toEqual({
      text: `const cfg = { password: opts.pw || "${PARAM}", user: "ana" };`,
      counts: { secret_param: 1 },
    });
  });

  it.each([
    // A lookup's key is a name, not the secret.
    'password: os.getenv("DB_PASSWORD")',
    "'password' => env('DB_PASSWORD'),",
    // Fallbacks that stand for no secret.
    'password: options.password || ""',
    'token: opts.token ?? "none"',
    // Prose's `or` before a plain word is no operator.
    "password: required or optional",
  ])("keeps %j", expectUnchanged);

  it("still replaces a password that holds `||` with no blank around it", () => {
    expect(redactString("password: abc||def", policy).text).toBe(`password: ${PARAM}`);
  });
});

describe("code held in a JSON string: escaped quotes delimit its literals", () => {
  it.each([
    ['{"msg":"config: this.password = opts.pw || \\"hunter2\\""}', `{"msg":"config: this.password = opts.pw || \\"${PARAM}\\""}`],
    ['{"msg":"password: options.password || \\"hunter2\\""}', `{"msg":"password: options.password || \\"${PARAM}\\""}`],
    ['{"msg":"password = os.getenv(\\"PW\\", \\"hunter2\\")"}', `{"msg":"password = os.getenv(\\"PW\\", \\"${PARAM}\\")"}`],
    // One level further down: JSON text held in a JSON string.
    ['{"body":"{\\"msg\\":\\"this.token = o.t || \\\\\\"abc123XYZ9\\\\\\"\\"}"}', `{"body":"{\\"msg\\":\\"this.token = o.t || \\\\\\"${PARAM}\\\\\\"\\"}"}`],
  ])("%j", (text, expected) => {
    const result = redactString(text, policy);
    expect(result).toEqual({ text: expected, counts: { secret_param: 1 } });
    expect(() => JSON.parse(result.text)).not.toThrow();
  });

  it("ends the code at the quote that closes the string holding it", () => {
    const text = '{"msg":"this.password = opts.pw || \\"hunter2\\"","note":"ok"}';
    expect(redactString(text, policy).text).toBe(`{"msg":"this.password = opts.pw || \\"${PARAM}\\"","note":"ok"}`);
  });
});

describe("a receiver chain of any length", () => {
  itStoresCounting("%j", (text) => redactString(text, policy), { secret_param: 1 }, [
    ["$this->a->b->c->d->password = hunter2", `$this->a->b->c->d->password = ${PARAM}`],
    ["a->b->c->d->e->password => hunter2", `a->b->c->d->e->password => ${PARAM}`],
    ["$cfg->a->b->c->d->e->f->api_key = AbC123xyz", `$cfg->a->b->c->d->e->f->api_key = ${PARAM}`],
    ["a.b.c.d.e.password = hunter2", `a.b.c.d.e.password = ${PARAM}`],
    ["a::b::c::d::e::password = hunter2", `a::b::c::d::e::password = ${PARAM}`],
    ['a.b.c.d.e.password = "x1y2z3"', `a.b.c.d.e.password = "${PARAM}"`],
    ['a.b.c.d.e.f.password = opts.pw || "hunter2"', `a.b.c.d.e.f.password = opts.pw || "${PARAM}"`],
  ]);

  it.each([
    // A chain inside a call's arguments is no line's assignment, as a short one is not.
    "log(x->a->b->c->d->password = hunter2)",
    "$this->a->b->c->d->password = $this->a->b->c->d->password;",
  ])("keeps %j", expectUnchanged);

  const adversarial: Array<[string, (size: number) => string]> = [
    ["a chain with an assignment at its end", (size) => `$${"a->".repeat(size / 3)}password = hunter2`],
    ["a chain after a word", (size) => `x ${"ab->".repeat(size / 4)}password = hunter2`],
    ["a line of chained assignments", (size) => "a->password = hunter2 ".repeat(size / 22)],
    ["code with many unclosed apostrophes", (size) => `this.password = opts.pw || ${"don't ".repeat(size / 6)}`],
    ["code with many escaped quotes", (size) => `this.password = opts.pw || ${'\\"'.repeat(size / 2)}`],
    ["code with many lookup calls", (size) => `password = cfg.get("db", ${'cfg.get("password", '.repeat(size / 20)}`],
    ["a chain of ternaries", (size) => `password = ${'a ? "x" : '.repeat(size / 10)}"y"`],
    ["a line of compound assignments", (size) => 'password ??= "hunter2" '.repeat(size / 23)],
  ];
  it.each(adversarial)("reads %s with work linear in its length", (_name, build) => {
    // The characters the checks read back and on (`countWork`): twice the text, at most twice the work.
    const work = (size: number) => {
      const before = workDone();
      redactString(build(size), policy);
      return workDone() - before;
    };
    const small = work(25_000);
    const large = work(50_000);
    expect(small).toBeGreaterThan(0);
    // A constant for the bounded reads (`CODE_LINE`) of the candidates near the text's end, which read less.
    expect(large).toBeLessThanOrEqual(2 * small + 65_536);
  });
});
