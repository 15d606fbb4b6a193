/** Which ClickHouse `npm run dashboards` reads, and what a failure to reach it says about where that URL came from. */
import { describe, expect, it } from "vitest";
import { isConnectionFailure } from "../../cli/error-causes";
import { chooseClickHouseUrl, DEFAULT_CLICKHOUSE_URL, pointElsewhereHint } from "../../dashboards/clickhouse-url";

describe("the dashboards' ClickHouse URL", () => {
  it("is --url, else CLICKHOUSE_URL (an empty one being unset), else the local default", () => {
    expect(chooseClickHouseUrl("https://ch.example:8443", "http://other:8123")).toEqual({ url: "https://ch.example:8443", from: "--url" });
    expect(chooseClickHouseUrl(undefined, "http://other:8123")).toEqual({ url: "http://other:8123", from: "CLICKHOUSE_URL" });
    expect(chooseClickHouseUrl(undefined, "")).toEqual({ url: "http://127.0.0.1:8123", from: "default" });
    expect(chooseClickHouseUrl(undefined, undefined)).toEqual({ url: DEFAULT_CLICKHOUSE_URL, from: "default" });
  });

  it("refuses a value that is not an http(s) URL, naming where it came from", () => {
    expect(() => chooseClickHouseUrl("ch:9000", undefined)).toThrow(/^--url must be ClickHouse's http\(s\) URL/);
    expect(() => chooseClickHouseUrl(undefined, "tcp://ch:9000")).toThrow(/^CLICKHOUSE_URL must be ClickHouse's http\(s\) URL/);
  });

  it("says, when the default cannot be reached, that it is the default and how to point elsewhere", () => {
    expect(pointElsewhereHint(chooseClickHouseUrl(undefined, undefined))).toBe(
      "http://127.0.0.1:8123 is the default, read as neither --url nor CLICKHOUSE_URL is set: for a ClickHouse elsewhere, pass --url URL or set CLICKHOUSE_URL=URL.",
    );
  });
});

describe("isConnectionFailure", () => {
  it("is true for a connection failure however deep its cause, false for an answer read wrong", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:8123"), { code: "ECONNREFUSED" });
    expect(isConnectionFailure(new TypeError("fetch failed", { cause: refused }))).toBe(true);
    expect(isConnectionFailure(new TypeError("fetch failed", { cause: new Error("bad port") }))).toBe(true);
    expect(isConnectionFailure(new Error("the answer is not ClickHouse's"))).toBe(false);
    expect(isConnectionFailure("a thrown string")).toBe(false);
  });
});
