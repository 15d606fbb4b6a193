import { describe, expect, it } from "vitest";
import { UsageError } from "../../cli/flags";
import { renderBanner } from "../../scripts/dev/banner";
import { parseDemoOptions } from "../../scripts/dev/demo-options";
import { DEFAULT_TOKEN } from "../../scripts/dev/defaults";
import type { LocalPipeline } from "../../scripts/dev/local-pipeline";
import { tokenFor } from "../../scripts/dev/local-tokens";
import { parseStartOptions } from "../../scripts/dev/start-options";
import { readIngestTokens } from "../../workers/ingest/http/tokens";

/** A scoped list as README's "Ingest tokens" has it: the storefront's own token, and an unscoped one for operations. */
const SCOPED = "web:web-secret-1:storefront-web|storefront-*,ops:ops-secret-2";

describe("npm start -- --token", () => {
  it("takes one bearer token from the flag, else $INGEST_TOKEN, else the default", () => {
    expect(parseStartOptions(["--token", "local-secret-1"], {}).tokens.setting).toBe("local-secret-1");
    expect(parseStartOptions([], { INGEST_TOKEN: "from-env" }).tokens.setting).toBe("from-env");
    expect(parseStartOptions([], {}).tokens).toEqual({
      setting: DEFAULT_TOKEN,
      from: "--token",
      tokens: [{ name: expect.stringMatching(/^sha256:/), secret: DEFAULT_TOKEN, services: undefined }],
    });
  });

  it("takes what the ingest Worker's INGEST_TOKENS takes: named and scoped entries, a list, a JSON array", () => {
    // Before, a list was refused, so scopes and their 403 could be tried only under `wrangler dev`.
    for (const text of [SCOPED, "store:s3cret", "a,b", JSON.stringify(["web:w1:storefront-web", "ops:o2"])]) {
      const parsed = readIngestTokens(text);
      expect(parsed.ok).toBe(true);
      expect(parseStartOptions(["--token", text], {}).tokens).toEqual({ setting: text, tokens: parsed.ok ? parsed.tokens : [], from: "--token" });
    }
    expect(parseStartOptions([], { INGEST_TOKEN: SCOPED }).tokens.tokens.map(({ name, services }) => ({ name, services }))).toEqual([
      { name: "web", services: ["storefront-web", "storefront-*"] },
      { name: "ops", services: undefined },
    ]);
  });

  it("refuses what the Worker refuses, in its words, and a list of no token", () => {
    for (const text of ["two words", "web:", "web:s1:", "a:s1,a:s2", "Bearer x", "[1]", "", " , "]) {
      expect(() => parseStartOptions(["--token", text], {})).toThrow(UsageError);
    }
    expect(() => parseStartOptions(["--token", "web:s1,web:s2"], {})).toThrow(
      `--token is the ingest Worker's INGEST_TOKENS, and entry 2 of 2 repeats the name "web" of entry 1: each token needs its own`,
    );
    expect(() => parseStartOptions(["--token", ","], {})).toThrow("--token lists no token");
  });

  it("names $INGEST_TOKEN, not --token, when the fault is in the variable", () => {
    expect(() => parseStartOptions([], { INGEST_TOKEN: "x,x" })).toThrow(
      "$INGEST_TOKEN is the ingest Worker's INGEST_TOKENS, and entry 2 of 2 repeats entry 1, secret included: list each token once",
    );
    expect(() => parseStartOptions(["--token", "x,x"], { INGEST_TOKEN: "fine" })).toThrow(/^--token is the ingest Worker's/);
  });
});

describe("npm run demo -- --token", () => {
  const list = "dev-token,web:web-secret:storefront-web|storefront-*";

  it("reads $INGEST_TOKEN as npm start does: the list set for npm start gives the demo a token of it, not the whole list", () => {
    expect(parseDemoOptions([], { INGEST_TOKEN: list }).sender.token.secret).toBe(DEFAULT_TOKEN);
    expect(parseDemoOptions([], { INGEST_TOKEN: "web:web-secret:storefront-web,ops:ops-secret" }).sender.token.secret).toBe("ops-secret");
    expect(parseDemoOptions(["--token", "a$b&c|d"], { INGEST_TOKEN: list }).sender.token.secret).toBe("a$b&c|d");
    expect(parseDemoOptions([], {}).sender.token.secret).toBe(DEFAULT_TOKEN);
    expect(() => parseDemoOptions([], { INGEST_TOKEN: "x,x" })).toThrow(/^\$INGEST_TOKEN is the ingest Worker's INGEST_TOKENS/);
  });
});

describe("which token a local sender presents", () => {
  const tokens = parseStartOptions(["--token", SCOPED], {}).tokens;

  it("is the first that may write its service.name, else the first, which the Worker refuses", () => {
    expect(tokenFor(tokens, "storefront-web")).toMatchObject({ token: { name: "web" }, inScope: true });
    expect(tokenFor(tokens, "example-shop")).toMatchObject({ token: { name: "ops" }, inScope: true });
    const webOnly = parseStartOptions(["--token", "web:web-secret-1:storefront-web"], {}).tokens;
    expect(tokenFor(webOnly, "example-shop")).toMatchObject({ token: { name: "web" }, inScope: false });
  });

  it("is named in the banner with every token's scope, and no other token's secret", () => {
    const pipeline = bannerPipeline(tokens);
    const banner = renderBanner(pipeline, "/");
    expect(banner).toContain(`header "Authorization: Bearer ops-secret-2"`);
    expect(banner).toContain("    web                   storefront-web, storefront-*\n    ops                   any service.name");
    expect(banner).toContain(`exporting to the endpoints above with the token "ops"`);
    expect(banner).not.toContain("web-secret-1");
    // The demo's own service, demo-client, only "ops" may write.
    expect(banner).toContain("npm run demo -- --token ops-secret-2");
    const refused = renderBanner({ ...pipeline, producerToken: { token: tokens.tokens[0]!, inScope: false } }, "/");
    expect(refused).toContain(`no token may write example-shop, so the ingest Worker refuses its exports with 403 (it sends "web")`);
  });

  it("is quoted for the shell in the banner's demo command, which the demo reads back as that token", () => {
    const odd = parseStartOptions(["--token", `ops:a$b&c|d'e`], {}).tokens;
    const banner = renderBanner({ ...bannerPipeline(odd), producerToken: tokenFor(odd, "example-shop") }, "/");
    expect(banner).toContain(`npm run demo -- --token 'a$b&c|d'\\''e'`);
    // What the shell passes for that quoted word, read by the demo.
    expect(parseDemoOptions(["--token", `a$b&c|d'e`], {}).sender.token.secret).toBe(`a$b&c|d'e`);
    // The list with the default token first: the demo, reading the same variable, sends the default.
    const withDefault = parseStartOptions([], { INGEST_TOKEN: "dev-token,web:web-secret:storefront-web|storefront-*" }).tokens;
    expect(renderBanner({ ...bannerPipeline(withDefault), producerToken: tokenFor(withDefault, "example-shop") }, "/")).toContain(
      "  npm run demo   ",
    );
  });
});

/** A running pipeline as the banner reads it, with `tokens`. */
function bannerPipeline(tokens: ReturnType<typeof parseStartOptions>["tokens"]): LocalPipeline {
  return {
    clickhouseUrl: "http://127.0.0.1:8123",
    ingestUrl: "http://127.0.0.1:4318",
    producerUrl: "http://127.0.0.1:8787",
    producerName: "example-shop",
    database: "otel",
    dataDir: "/tmp/ch",
    tokens,
    producerToken: tokenFor(tokens, "example-shop"),
    schemaObjectsCreated: 0,
    schemaWarnings: [],
  } as unknown as LocalPipeline;
}
