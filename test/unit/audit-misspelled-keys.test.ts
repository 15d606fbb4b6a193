import { describe, expect, it } from "vitest";
import { auditDocument } from "../../audit/core/audit";
import { environmentsOf } from "../../audit/core/environments";
import { loadConfig } from "../../audit/core/load";
import { plainValue } from "../../audit/core/model";
import { BLOCK_KEYS, nearMissKey } from "../../audit/core/misspelled-keys";
import { fixedReporting } from "../support/audit-fix";
import { expectContainsEach } from "../support/text-checks";
import { NESTED_NEAR_MISS_TRIAL } from "../support/toml-trial";

const WIRED_JSONC = '"version_metadata": { "binding": "CF_VERSION_METADATA" },\n  "observability": { "enabled": true }';

/** Each finding of a rule as `line:column severity message` and its hint. */
function findings(file: string, text: string, rule: string): string[] {
  return auditDocument(loadConfig(file, text)).findings.filter((f) => f.rule === rule).map((f) => `${f.line}:${f.column} ${f.severity} ${f.message}\n  fix: ${f.fix}`);
}

describe("keys that are near misses of one wrangler reads", () => {
  // Spellings met in real fleets: each leaves the Worker with no tail consumer, so "tail_consumers is not set" alone would hide why.
  const spellings: [string, string, number][] = [
    ["wrangler.jsonc", `{\n  "name": "a",\n  "tail_consumer": [{ "service": "deco-otel-tail" }],\n  ${WIRED_JSONC}\n}\n`, 3],
    ["wrangler.toml", `name = "b"\ntailConsumers = [{ service = "deco-otel-tail" }]\nversion_metadata = { binding = "CF_VERSION_METADATA" }\n[observability]\nenabled = true\n`, 2],
    ["wrangler.jsonc", `{\n  "name": "a",\n  "tail-consumers": [{ "service": "deco-otel-tail" }],\n  ${WIRED_JSONC}\n}\n`, 3],
    ["wrangler.toml", `name = "b"\ntailconsumers = [{ service = "deco-otel-tail" }]\nversion_metadata = { binding = "CF_VERSION_METADATA" }\n[observability]\nenabled = true\n`, 2],
    ["wrangler.toml", `name = "b"\ntail_consumer = [{ service = "deco-otel-tail" }]\nversion_metadata = { binding = "CF_VERSION_METADATA" }\n[observability]\nenabled = true\n`, 2],
  ];

  it.each(spellings)("%s: names the misspelled key and its line, and --fix renames it keeping its value", (file, text, line) => {
    const key = /^\s*"?([\w-]+)"?\s*[:=]\s*\[/m.exec(text.split("\n")[line - 1]!)![1]!;
    const column = file.endsWith(".toml") ? 1 : 3;
    const [notSet] = findings(file, text, "tail-consumer");
    // At the misspelled key, the text to change.
    expect(notSet).toMatch(new RegExp(`^${line}:${column} error `));
    expect(notSet).toContain(`tail_consumers is not set (line ${line}'s "${key}" is no key wrangler reads: did you mean tail_consumers? see misspelled-key)`);
    expect(notSet).toContain(`fix: rename line ${line}'s "${key}" to tail_consumers (or run --fix)`);
    expect(findings(file, text, "misspelled-key")).toEqual([
      `${line}:${column} warning top level: "${key}" (line ${line}) is no key wrangler reads: did you mean tail_consumers? Wrangler warns of it ("Unexpected fields found") and deploys without what it holds\n  fix: rename line ${line}'s "${key}" to tail_consumers, keeping its value (or run --fix)`,
    ]);
    const fixed = fixedReporting(file, text, [`top level: renamed line ${line}'s "${key}" to tail_consumers`]);
    // Renamed in place, never a second key beside the dead one.
    expect(fixed.after).toBe(text.replace(file.endsWith(".toml") ? key : `"${key}"`, file.endsWith(".toml") ? "tail_consumers" : '"tail_consumers"'));
    expect(fixed.audit.findings.filter((f) => f.rule === "tail-consumer" || f.rule === "misspelled-key")).toEqual([]);
  });

  it("renames every header of a misspelled array of tables and a misspelled table, in any environment", () => {
    const text = `name = "v"\nversion_metadata = { binding = "CF_VERSION_METADATA" }\n\n[observabilty]\nenabled = true\n\n[[tail-consumers]]\nservice = "deco-otel-tail"\n\n[[tail-consumers]]\nservice = "audit-log"\n\n[env.staging]\ntailconsumers = [{ service = "deco-otel-tail-staging" }]\nversion_metadata = { binding = "CF_VERSION_METADATA" }\n`;
    expect(findings("wrangler.toml", text, "observability")[0]).toContain('4:2 warning top level: observability is not set (line 4\'s "observabilty" is no key wrangler reads: did you mean observability? see misspelled-key)');
    const fixed = fixedReporting("wrangler.toml", text, [
      'top level: renamed line 4\'s "observabilty" to observability',
      'top level: renamed line 7\'s "tail-consumers" to tail_consumers',
      'env.staging: renamed line 14\'s "tailconsumers" to tail_consumers',
    ]);
    expect(fixed.after).toBe(text.replace("[observabilty]", "[observability]").replaceAll("[[tail-consumers]]", "[[tail_consumers]]").replace("tailconsumers =", "tail_consumers ="));
    expect(fixed.audit.findings.filter((f) => ["tail-consumer", "misspelled-key", "observability"].includes(f.rule))).toEqual([]);
  });

  it("leaves a misspelled key beside the key it means to a person: which holds the meant value is not the fix's to choose", () => {
    const text = `{\n  "name": "a",\n  "tail_consumers": [{ "service": "deco-otel-tail" }],\n  "tail_consumer": [{ "service": "audit-log" }],\n  ${WIRED_JSONC}\n}\n`;
    expect(findings("wrangler.jsonc", text, "misspelled-key")).toEqual([
      `4:3 warning top level: "tail_consumer" (line 4) is no key wrangler reads: did you mean tail_consumers? Wrangler warns of it ("Unexpected fields found") and deploys without what it holds\n  fix: tail_consumers is set too: keep what line 4's "tail_consumer" holds in tail_consumers if it is meant, and remove "tail_consumer"`,
    ]);
    const fixed = fixedReporting("wrangler.jsonc", text, []);
    expect(fixed.after).toBe(text);
    expect(fixed.handEdits).toContain(`top level: line 4's "tail_consumer" is no key wrangler reads, and tail_consumers is set too: keep what it holds in tail_consumers if it is meant, and remove it`);
  });

  it("names near misses of a table's own keys where the rule reading the table names its unknown keys", () => {
    const text = `name = "b"\ntail_consumers = [{ servce = "deco-otel-tail" }]\nversion_metadata = { bindng = "CF_VERSION_METADATA" }\n[observability]\nenabeld = true\n`;
    expect(findings("wrangler.toml", text, "tail-consumer").join("\n")).toContain(`wrangler refuses to deploy ("tail_consumers[0].service" is a required field): line 2's "servce" is no key wrangler reads: did you mean service?`);
    expect(findings("wrangler.toml", text, "version-metadata")[0]).toContain(`wrangler refuses to deploy (binding should have a string "binding" field): line 3's "bindng" is no key wrangler reads: did you mean binding?`);
    expect(findings("wrangler.toml", text, "observability").join("\n")).toContain("observability holds enabeld (line 5: did you mean enabled?)");
    // The refused entry's hint is the rename --fix makes, not the entry written again.
    expect(findings("wrangler.toml", text, "tail-consumer").join("\n")).toContain(`fix: rename line 2's "servce" to service (or run --fix)`);
    // So is "does not list" when that entry names the tail: a second entry beside it would list it twice once renamed.
    expect(findings("wrangler.toml", text, "tail-consumer").find((f) => f.includes("does not list"))).toContain(`fix: rename line 2's "servce" to service (or run --fix): that entry names deco-otel-tail`);
    expect(findings("wrangler.toml", text, "version-metadata")[0]).toContain(`fix: rename line 3's "bindng" to binding (or run --fix)`);
    const datasets = `{\n  "name": "a",\n  "analytics_engine_datasets": [{ "bindig": "DECO_METRICS", "dataset": "m" }]\n}\n`;
    expect(findings("wrangler.jsonc", datasets, "analytics-engine").join("\n")).toContain(`fix: rename line 3's "bindig" to binding (or run --fix)`);
  });

  it("reads a near miss as wrangler's spellings folded (case, _ and -) or a few edits off, and never a key wrangler reads itself", () => {
    expect(nearMissKey("TAIL_CONSUMERS", BLOCK_KEYS)).toBe("tail_consumers");
    expect(nearMissKey("versionMetadata", BLOCK_KEYS)).toBe("version_metadata");
    expect(nearMissKey("analytics_engine_dataset", BLOCK_KEYS)).toBe("analytics_engine_datasets");
    expect(nearMissKey("var", BLOCK_KEYS)).toBe("vars");
    expect(nearMissKey("log_push", BLOCK_KEYS)).toBe("logpush");
    // Keys wrangler reads, and short or distant words, are no misspelling.
    for (const key of ["route", "routes", "dev", "ai", "env", "site", "build", "my_custom_key", "compatibility_flags"]) expect(nearMissKey(key, BLOCK_KEYS)).toBeUndefined();
  });

  // A trial: each of these was named "did you mean …?" and --fix left it, adding a second tail beside a refused entry.
  it("renames a near miss inside an environment's tables, TOML tables and inline entries alike, and adds nothing beside it", () => {
    const text = NESTED_NEAR_MISS_TRIAL;
    const fixed = fixedReporting("wrangler.toml", text, [
      'top level: renamed line 11\'s "servce" in tail_consumers[1] to service',
      'top level: renamed line 14\'s "bindng" in analytics_engine_datasets[0] to binding',
      'top level: renamed line 5\'s "enabeld" in observability to enabled',
      'env.production: renamed line 18\'s "servce" in tail_consumers[0] to service',
      'env.production: renamed line 21\'s "bindng" in version_metadata to binding',
      'env.production: renamed line 28\'s "datset" in analytics_engine_datasets[0] to dataset',
      'env.production: renamed line 24\'s "enabeld" in observability.logs to enabled',
    ]);
    // Each key renamed where it stands, its value and comment kept; nothing added.
    expect(fixed.after).toBe(
      text
        .replace("enabeld = true", "enabled = true")
        .replace('servce = "deco-otel-tail"  # ours', 'service = "deco-otel-tail"  # ours')
        .replace('bindng = "DECO_METRICS"', 'binding = "DECO_METRICS"')
        .replace("[{ servce =", "[{ service =")
        .replace('bindng = "CF_VERSION_METADATA"', 'binding = "CF_VERSION_METADATA"')
        .replace("enabeld = true", "enabled = true")
        .replace('datset = "deco_metrics_shop"', 'dataset = "deco_metrics_shop"'),
    );
    expect(fixed.handEdits.filter((edit) => !edit.includes("DECO_OTEL_*_ENDPOINT"))).toEqual([]);
    expect(fixed.audit.findings.filter((f) => f.rule !== "otlp-endpoints")).toEqual([]);
    // Read back with the audit's own reader: every environment holds what wrangler reads.
    const [top, production] = environmentsOf(loadConfig("wrangler.toml", fixed.after)).map((environment) => (key: string) => plainValue(environment.own(key)!.value));
    expect(top!("tail_consumers")).toEqual([{ service: "audit-log" }, { service: "deco-otel-tail" }]);
    expect(top!("analytics_engine_datasets")).toEqual([{ binding: "DECO_METRICS", dataset: "deco_metrics_shop" }]);
    expect(production!("tail_consumers")).toEqual([{ service: "deco-otel-tail" }]);
    expect(production!("version_metadata")).toEqual({ binding: "CF_VERSION_METADATA" });
    expect(production!("observability")).toEqual({ logs: { enabled: true } });
    expect(production!("analytics_engine_datasets")).toEqual([{ binding: "DECO_METRICS", dataset: "deco_metrics_shop" }]);
  });

  it("renames a near miss inside env.staging's objects in a JSONC file, keeping its comments, and rewrites what it then reads", () => {
    const text = `{
  "name": "shop",
  "tail_consumers": [{ "service": "deco-otel-tail" }],
  ${WIRED_JSONC},
  "env": {
    "staging": {
      // the tail, and our audit log
      "tail_consumers": [{ "service": "audit-log" }, { "servise": "deco-otel-tails", "enviroment": "staging" }], // keep
      "version_metadata": { "Binding": "CF_VERSION_METADATA" },
      "streaming_tail_consumers": [{ "sevice": "stream-sink" }]
    }
  }
}
`;
    const fixed = fixedReporting("wrangler.jsonc", text, [
      'env.staging: renamed line 9\'s "servise" in tail_consumers[1] to service',
      'env.staging: renamed line 9\'s "enviroment" in tail_consumers[1] to environment',
      'env.staging: renamed line 11\'s "sevice" in streaming_tail_consumers[0] to service',
      'env.staging: renamed line 10\'s "Binding" in version_metadata to binding',
      // Once renamed, the entry is read as wrangler would: a near miss of the tail's name, rewritten.
      'env.staging: wrote tail_consumers[1] as { "service": "deco-otel-tail" } (it was {"service":"deco-otel-tails","environment":"staging"})',
    ]);
    expectContainsEach(fixed.after, [
      '"tail_consumers": [{ "service": "audit-log" }, { "service": "deco-otel-tail", "environment": "staging" }], // keep',
      "// the tail, and our audit log",
      '"version_metadata": { "binding": "CF_VERSION_METADATA" }',
      '"streaming_tail_consumers": [{ "service": "stream-sink" }]',
    ]);
    expect(fixed.audit.findings.filter((f) => f.rule !== "otlp-endpoints" && f.rule !== "analytics-engine")).toEqual([]);
    const staging = environmentsOf(loadConfig("wrangler.jsonc", fixed.after))[1]!;
    expect(plainValue(staging.own("tail_consumers")!.value)).toEqual([{ service: "audit-log" }, { service: "deco-otel-tail", environment: "staging" }]);
  });

  it("leaves a near miss inside a table that holds the meant key too to a person", () => {
    const text = `name = "b"\ntail_consumers = [{ service = "deco-otel-tail", servce = "audit-log" }]\nversion_metadata = { binding = "CF_VERSION_METADATA" }\n[observability]\nenabled = true\n`;
    const fixed = fixedReporting("wrangler.toml", text, []);
    expect(fixed.after).toBe(text);
    expect(fixed.handEdits).toContain(`top level: line 2's "servce" in tail_consumers[0] is no key wrangler reads, and service is set too: keep what it holds in service if it is meant, and remove it`);
  });
});
