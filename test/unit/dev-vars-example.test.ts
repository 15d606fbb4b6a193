/**
 * The shipped `.dev.vars.example` files are valid settings as they stand: copied to
 * `.dev.vars`, `wrangler dev` starts Workers whose configuration parses.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_INGEST_PORT, localUrl } from "../../scripts/dev/defaults";
import { parseIngestConfig, parsePublicAuthConfig } from "../../workers/ingest/config";

/** KEY=VALUE lines as dotenv (and so wrangler) reads them; `#` lines are comments. */
function devVars(path: string): Record<string, string> {
  const text = readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
  return Object.fromEntries(
    text
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "" && !line.startsWith("#"))
      .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
  );
}

describe(".dev.vars.example", () => {
  it("gives the ingest Worker a valid token list and settings", () => {
    const vars = devVars(".dev.vars.example");
    expect(parsePublicAuthConfig(vars).tokens).toEqual([{ name: "dev", secret: "dev-token", services: undefined }]);
    expect(() => parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123", ...vars })).not.toThrow();
  });

  it("gives the example producer one of those tokens", () => {
    const { DECO_OTEL_TOKEN } = devVars("examples/producer/.dev.vars.example");
    const tokens = parsePublicAuthConfig(devVars(".dev.vars.example")).tokens.map((token) => token.secret);
    expect(tokens).toContain(DECO_OTEL_TOKEN);
  });

  it("points the example producer's three endpoints at the ingest Worker run on the OTLP port", () => {
    // wrangler dev lets .dev.vars replace the wrangler file's vars (its deployable https URLs).
    const vars = devVars("examples/producer/.dev.vars.example");
    const origin = localUrl(DEFAULT_INGEST_PORT);
    expect(vars).toMatchObject({
      DECO_OTEL_LOGS_ENDPOINT: `${origin}/v1/logs`,
      DECO_OTEL_TRACES_ENDPOINT: `${origin}/v1/traces`,
      DECO_OTEL_METRICS_ENDPOINT: `${origin}/v1/metrics`,
    });
  });
});
