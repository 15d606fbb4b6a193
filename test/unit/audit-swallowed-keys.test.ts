import { describe, expect, it } from "vitest";
import { auditWithAdvice } from "../../audit/core/advice";
import { auditDocument } from "../../audit/core/audit";
import { fixDocument } from "../../audit/core/fix";
import { loadConfig } from "../../audit/core/load";

const toml = (text: string) => loadConfig("wrangler.toml", text);
const found = (text: string, rule: string) => auditDocument(toml(text)).findings.filter((f) => f.rule === rule).map((f) => [f.line, f.message]);

/** The trial's shop-b: `tail_consumers` written after `[observability]`, with a comment. */
const SHOP_B = `name = "shop-b"
main = "src/worker.ts"

[observability]
enabled = true

# the platform's tail
tail_consumers = [{ service = "deco-otel-tail" }] # every invocation

[version_metadata]
binding = "CF_VERSION_METADATA"
`;

describe("a Worker key a [table] header took in (swallowed-key)", () => {
  it("says where the key went, in its own finding and in the 'not set' one, with the move as the hint", () => {
    expect(found(SHOP_B, "swallowed-key")).toEqual([
      [8, "top level: `tail_consumers` on line 8 is read as `observability.tail_consumers` because it follows `[observability]` (line 4): every key line under a header belongs to that table up to the next header, so it is a key wrangler ignores there (\"Unexpected fields found\")"],
    ]);
    const notSet = auditDocument(toml(SHOP_B)).findings.find((f) => f.rule === "tail-consumer");
    expect(notSet?.message).toBe("top level: tail_consumers is not set (line 8's tail_consumers is read as observability.tail_consumers, under [observability]: see swallowed-key): deco-otel-tail never sees this Worker");
    expect(notSet?.fix).toBe("line 8's tail_consumers is read as observability.tail_consumers: move it above the first table header, with the other top-level keys (or run --fix)");
    // The advice's steps are the move, never a second [[tail_consumers]].
    const advice = auditWithAdvice(toml(SHOP_B)).findings.find((f) => f.rule === "swallowed-key");
    expect(advice?.fix).toContain('below line 2, which reads `main = "src/worker.ts"`, add these lines:');
    expect(advice?.fix).not.toContain("[[tail_consumers]]");
  });

  it("--fix moves the line with its comments above the first table, and adds no second tail_consumers", () => {
    const result = fixDocument(toml(SHOP_B));
    expect(result.after).toBe(`name = "shop-b"
main = "src/worker.ts"
# the platform's tail
tail_consumers = [{ service = "deco-otel-tail" }] # every invocation

[observability]
enabled = true

[version_metadata]
binding = "CF_VERSION_METADATA"
`);
    expect(result.changes).toEqual(["top level: moved line 8's tail_consumers (read as observability.tail_consumers, under [observability]) above the first table"]);
    expect(result.audit.findings.filter((f) => f.rule === "tail-consumer" || f.rule === "swallowed-key")).toEqual([]);
  });

  it("finds the kind under other tables: limits, placement, [vars] (a var, when the Worker does not set the key), an environment's tables", () => {
    const text = `name = "w"
tail_consumers = [{ service = "deco-otel-tail" }]

[limits]
cpu_ms = 50
version_metadata = { binding = "CF_VERSION_METADATA" }

[vars]
LOG_LEVEL = "info"
tail_consumers = "kept: the Worker sets its own"
compatibility_date = "2026-05-01"

[env.staging]
name = "w-staging"

[env.staging.placement]
mode = "smart"
tail_consumers = [{ service = "deco-otel-tail" }]
`;
    expect(auditDocument(toml(text)).findings.filter((f) => f.rule === "swallowed-key").map((f) => [f.env, f.line, f.message.split(": every")[0]])).toEqual([
      [null, 6, "top level: `version_metadata` on line 6 is read as `limits.version_metadata` because it follows `[limits]` (line 4)"],
      [null, 11, "top level: `compatibility_date` on line 11 is read as `vars.compatibility_date` because it follows `[vars]` (line 8)"],
      ["staging", 18, "env.staging: `tail_consumers` on line 18 is read as `env.staging.placement.tail_consumers` because it follows `[env.staging.placement]` (line 16)"],
    ]);
    expect(auditDocument(toml(text)).findings.find((f) => f.line === 11)?.message).toContain("so it is a var, not the Worker's compatibility_date");
    const result = fixDocument(toml(text));
    expect(result.changes.filter((change) => change.includes(": moved "))).toEqual([
      "top level: moved line 6's version_metadata (read as limits.version_metadata, under [limits]) above the first table",
      "top level: moved line 11's compatibility_date (read as vars.compatibility_date, under [vars]) above the first table",
      "env.staging: moved line 18's tail_consumers (read as env.staging.placement.tail_consumers, under [env.staging.placement]) under [env.staging]",
    ]);
    expect(result.after).toContain('[env.staging]\nname = "w-staging"\ntail_consumers = [{ service = "deco-otel-tail" }]\n');
    expect(result.audit.findings.filter((f) => f.rule === "swallowed-key")).toEqual([]);
  });

  it("leaves keys a table may hold, environments' own keys and JSONC alone; a key set twice is a hand edit", () => {
    const fine = `name = "w"

[env.production]
tail_consumers = [{ service = "deco-otel-tail" }]

[previews]
tail_consumers = [{ service = "deco-otel-tail" }]

[vars]
MAIN = "x"
`;
    expect(found(fine, "swallowed-key")).toEqual([]);
    expect(auditDocument(loadConfig("wrangler.jsonc", '{ "name": "w", "observability": { "enabled": true, "tail_consumers": [] } }')).findings.filter((f) => f.rule === "swallowed-key")).toEqual([]);
    const twice = `name = "w"
tail_consumers = [{ service = "deco-otel-tail" }]
version_metadata = { binding = "CF_VERSION_METADATA" }

[observability]
enabled = true
tail_consumers = [{ service = "other" }]
`;
    const result = fixDocument(toml(twice));
    expect(result.after).toBe(twice);
    expect(result.handEdits).toContain("top level: line 7's tail_consumers (read as observability.tail_consumers, under [observability]): top level sets tail_consumers already: keep one of the two");
  });

  it("moves under [env.<name>] only when that header exists; else the steps are given", () => {
    const text = `name = "w"

[env.staging.observability]
enabled = true
tail_consumers = [{ service = "deco-otel-tail" }]
`;
    const result = fixDocument(toml(text));
    // No second tail_consumers for env.staging beside the swallowed one.
    expect(result.after).not.toContain("[[env.staging.tail_consumers]]");
    expect(result.handEdits).toContain("env.staging: line 5's tail_consumers (read as env.staging.observability.tail_consumers, under [env.staging.observability]): move it right under the [env.staging] header, above the first [env.staging.…] table");
  });

  it("names the keys wrangler ignores inside observability (the trial's shop-i), once, and not a swallowed Worker key twice", () => {
    const text = `name = "shop-i"
observability = { enabled = true, foo = 1, logs = { enabled = true, sampling = 0.5 } }

[env.staging]
name = "shop-i-staging"
`;
    expect(auditDocument(toml(text)).findings.filter((f) => f.rule === "observability").map((f) => [f.env, f.message])).toEqual([
      [null, "top level: observability holds foo (line 2): wrangler reads only enabled and head_sampling_rate and logs and traces there and ignores the rest"],
      [null, "top level: observability.logs holds sampling (line 2): wrangler reads only enabled and head_sampling_rate and invocation_logs and destinations and persist there and ignores the rest"],
    ]);
    expect(auditDocument(toml(SHOP_B)).findings.filter((f) => f.rule === "observability")).toEqual([]);
  });

  it("gives a dotted key under a header (no line of its own to move) as a hand edit", () => {
    const text = `name = "w"\n\n[limits]\ncpu_ms = 5\ntail_consumers.x = 1\n`;
    const result = fixDocument(toml(text));
    expect(result.after).not.toContain("[[tail_consumers]]");
    expect(result.handEdits).toContain("top level: line 5's tail_consumers (read as limits.tail_consumers, under [limits]): move it above the first table header, with the other top-level keys");
  });

  it("names a top-level-only key below an [env.<name>] header, and leaves its move to a person", () => {
    const text = `name = "w"\n\n[env.production]\nname = "w-production"\nkeep_vars = true\ntail_consumers = [{ service = "deco-otel-tail" }]\n`;
    expect(found(text, "swallowed-key")).toEqual([
      [5, "top level: `keep_vars` on line 5 is read as `env.production.keep_vars` because it follows `[env.production]` (line 3): every key line under a header belongs to that table up to the next header, so it is a key wrangler ignores there (\"Unexpected fields found\")"],
    ]);
    const result = fixDocument(toml(text));
    expect(result.after).toContain("[env.production]\nname = \"w-production\"\nkeep_vars = true\n");
    expect(result.handEdits).toContain(
      "top level: line 5's keep_vars (read as env.production.keep_vars, under [env.production]): wrangler reads keep_vars only at the top level, for every environment: move it above the first table header, with the other top-level keys if every environment should have it, else remove it",
    );
  });
});
