/** URLs in settings' messages: shown without a password or query values. */
import { describe, expect, it } from "vitest";
import { parseIngestConfig } from "../../workers/ingest/config";
import { ConfigError } from "../../workers/shared/env-schema";
import { hideUrlCredentials, hideUrlCredentialsIn } from "../../workers/shared/url-credentials";

describe("hideUrlCredentials", () => {
  it.each([
    ["clickhouse://default:hunter2@ch.internal:9000", "clickhouse://default:***@ch.internal:9000"],
    ["https://6f1c9a2e@ch.example.com", "https://***@ch.example.com"],
    ["http://u:pa/ss@w@ch:8123/db", "http://u:***@ch:8123/db"],
    ["http://ch:8123/?user=default&password=hunter2#top", "http://ch:8123/?user=***&password=***#top"],
    ["https://ch.example.com:8443/path", "https://ch.example.com:8443/path"],
    ["not a url", "not a url"],
  ])("shows %j as %j", (url, shown) => {
    expect(hideUrlCredentials(url)).toBe(shown);
  });

  it("finds every URL in a message", () => {
    expect(hideUrlCredentialsIn('got "https://a:b@h", then https://h/?k=v and "x"')).toBe('got "https://a:***@h", then https://h/?k=*** and "x"');
  });

  it("leaves no password of a refused CLICKHOUSE_URL in the error, even one with a space", () => {
    for (const url of ["clickhouse://default:hunter2@ch:9000", "ftp://default:hunter 2@ch:21"]) {
      const error = (() => {
        try {
          parseIngestConfig({ CLICKHOUSE_URL: url, AUTH_DISABLED: "true" });
        } catch (thrown) {
          return thrown as ConfigError;
        }
      })();
      expect(error).toBeInstanceOf(ConfigError);
      expect(error?.message).toMatch(/^deco-otel-ingest configuration is invalid: CLICKHOUSE_URL must be an http\(s\) URL, got ".*:\*\*\*@ch:\d+"$/);
      expect(error?.message).not.toContain("hunter");
    }
  });

  it("hides a URL's credentials in any ConfigError", () => {
    expect(new ConfigError("CORS_ALLOWED_ORIGINS entry \"https://u:p@shop.example.com\" is not an origin").message).toBe(
      'CORS_ALLOWED_ORIGINS entry "https://u:***@shop.example.com" is not an origin',
    );
  });
});
