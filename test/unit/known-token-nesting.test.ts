/**
 * Which known token formats may hold their own prefix in their body (`nestsInOwnBody`), read
 * from each body without building a regex for the bodies that cannot match a separator at all
 * (cold start): the gate before the regex must never turn away a body that nests.
 */
import { describe, expect, it } from "vitest";
import { BASE64_SEPARATORS, KNOWN_TOKEN_FORMATS, issuedShape, nestsInOwnBody, type KnownTokenFormat } from "../../workers/ingest/core/redact/token-formats";

const format = (body: string): KnownTokenFormat => ({ issuer: "test", prefix: "tk_", body });

describe("nestsInOwnBody", () => {
  it("finds GitLab's dotted and Grafana's and Sentry's base64 bodies among the formats, and no other", () => {
    expect(KNOWN_TOKEN_FORMATS.filter((known) => nestsInOwnBody(known)).map((known) => known.prefix)).toEqual(["glpat-", "glrt-", "glc_", "sntrys_"]);
  });

  it("finds only the base64 bodies after a base64 separator", () => {
    expect(KNOWN_TOKEN_FORMATS.filter((known) => nestsInOwnBody(known, BASE64_SEPARATORS)).map((known) => known.prefix)).toEqual(["glc_", "sntrys_"]);
  });

  it("reads every way a body can match a separator through to the regex", () => {
    for (const body of ["[A-Za-z0-9/_]{20,}", "[A-Za-z0-9+_]{20,}", "[A-Za-z0-9=_]{20,}", "[A-Za-z0-9._]{20,}", ".{20,}", "[^\\s]{20,}", "\\S{20,}", "[\\W\\w]{20,}", "[\\D\\d]{20,}"]) {
      expect(nestsInOwnBody(format(body)), body).toBe(true);
    }
  });

  it("passes bodies that cannot hold a separator, or not their prefix after one", () => {
    for (const body of ["[A-Za-z0-9_-]{20,}", "[a-f0-9]{64}", "\\d{5,16}:A[A-Za-z0-9_-]{30,}", "[A-Za-z0-9/]{40}"]) {
      expect(nestsInOwnBody(format(body)), body).toBe(false);
    }
  });

  it("holds every format's character ranges to letters and digits, which span no separator", () => {
    // The gate reads a separator only where the body writes it, a `.`, a negated class or a
    // class escape: a range like `!-~` would hold `/`, `+` and `=` without writing them.
    const ranges = KNOWN_TOKEN_FORMATS.flatMap((known) =>
      [...known.body.matchAll(/\[([^\]]*)\]/g)].flatMap(([, members]) => [...members!.replace(/\\./g, "").matchAll(/(.)-(.)/g)].map(([range]) => range!)),
    );
    expect(ranges.length).toBeGreaterThan(100);
    expect(ranges.filter((range) => !/^(?:[a-z]-[a-z]|[A-Z]-[A-Z]|[0-9]-[0-9])$/.test(range))).toEqual([]);
  });
});

describe("issuedShape", () => {
  it("takes a body that bounds its length as its own issued shape, and no body of any length", () => {
    expect(issuedShape(format("[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}"))).toBe("[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}");
    expect(issuedShape(format("\\d{6,20}-[a-f0-9]{32}"))).toBe("\\d{6,20}-[a-f0-9]{32}");
    // A `+` or `*` in a class bounds nothing.
    expect(issuedShape(format("[A-Za-z0-9+/*]{40}"))).toBe("[A-Za-z0-9+/*]{40}");
    for (const body of ["[A-Za-z0-9]{20,}", "[A-Za-z0-9]+", "(?:[a-z]\\.)*[A-Za-z0-9]{40}"]) expect(issuedShape(format(body)), body).toBeUndefined();
    expect(issuedShape({ ...format("[A-Za-z0-9_-]{20,}"), issued: "[A-Za-z0-9_-]{20}" })).toBe("[A-Za-z0-9_-]{20}");
  });

  it("gives every format an issued shape but those whose bodies vary in length as issued", () => {
    // Each of these is told from words by its look (`looksGenerated`): a new format with a fixed
    // length belongs in the other list, by its body or its `issued`.
    expect([...new Set(KNOWN_TOKEN_FORMATS.filter((known) => issuedShape(known) === undefined).map((known) => known.prefix))]).toEqual([
      "glptt-", "hooks.slack.com/services/", "xoxb-", "xoxp-", "xoxa-", "xoxo-", "xoxr-", "xoxs-", "xoxe-", "xapp-", "sk_live_", "sk_test_", "rk_live_",
      "rk_test_", "whsec_", "hcaik_", "hcxik_", "hcamk_", "hcxmk_", "hcxlk_", "glc_", "pypi-", "sntrys_", "sk_", "ak_live_", "ak_test_", "$aact_", "hvs.",
      "hvb.", "hvr.", "EAACEdEose0cBA", "dp.st.", "dp.pt.", "dp.ct.", "dp.sa.", "dp.scim.", "dp.audit.", "discord.com/api/", "discordapp.com/api/",
      "ya29.", "webhook.office.com/webhookb2/",
    ]);
  });
});
