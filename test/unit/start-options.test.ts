import { describe, expect, it } from "vitest";
import { UsageError } from "../../cli/flags";
import { renderBanner } from "../../scripts/dev/banner";
import { DEFAULT_TOKEN } from "../../scripts/dev/defaults";
import type { LocalPipeline } from "../../scripts/dev/local-pipeline";
import { tokenFor } from "../../scripts/dev/local-tokens";
import { parseStartOptions } from "../../scripts/dev/start-options";
import { parseIngestTokens } from "../../workers/ingest/http/tokens";

/** A scoped list as README's "Ingest tokens" has it: the storefront's own token, and an unscoped one for operations. */
const SCOPED = "web:web-secret-1:storefront-web|storefront-*,ops:ops-secret-2";

describe("npm start -- --token", () => {
  it("takes one bearer token from the flag, else $INGEST_TOKEN, else the default", () => {
    expect(parseStartOptions(["--token", "local-secret-1"], {}).tokens.setting).toBe("local-secret-1");
    expect(parseStartOptions([], { INGEST_TOKEN: "from-env" }).tokens.setting).toBe("from-env");
    expect(parseStartOptions([], {}).tokens).toEqual({
      setting: DEFAULT_TOKEN,
      tokens: [{ name: expect.stringMatching(/^sha256:/), secret: DEFAULT_TOKEN, services: undefined }],
    });
  });

  it("takes what the ingest Worker's INGEST_TOKENS takes: named and scoped entries, a list, a JSON array", () => {
    // Before, a list was refused, so scopes and their 403 could be tried only under `wrangler dev`.
    for (const text of [SCOPED, "store:s3cret", "a,b", JSON.stringify(["web:w1:storefront-web", "ops:o2"])]) {
      const parsed = parseIngestTokens(text.startsWith("[") ? (JSON.parse(text) as string[]) : text);
      expect(parsed.ok).toBe(true);
      expect(parseStartOptions(["--token", text], {}).tokens).toEqual({ setting: text, tokens: parsed.ok ? parsed.tokens : [] });
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
      `--token is the ingest Worker's INGEST_TOKENS, and entry 2 of 2 repeats the name "web": each token needs its own`,
    );
    expect(() => parseStartOptions(["--token", ","], {})).toThrow("--token lists no token");
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
    const pipeline = {
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
});
