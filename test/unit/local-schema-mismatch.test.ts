import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import type { SchemaDifference } from "../../schema/index";
import { describeLocalMismatch } from "../../scripts/dev/apply-schema";

const window: SchemaDifference = {
  severity: "mismatch",
  table: "otel.otel_logs",
  aspect: "deduplication window",
  found: "non_replicated_deduplication_window 0 (off)",
  asked: "1000",
  keepFlag: "--dedup-window 0",
  change: "ALTER TABLE `otel`.`otel_logs` MODIFY SETTING non_replicated_deduplication_window = 1000",
};
const generation: SchemaDifference = {
  severity: "mismatch",
  table: "otel.otel_metrics_sum",
  aspect: "generation",
  found: "legacy (TimeUnix DateTime64(9))",
  asked: "current",
  keepFlag: "--generation legacy",
};

describe("npm start's words on local tables that differ from its schema", () => {
  it("quotes the data folder so the printed commands work as pasted, spaces and quotes included", () => {
    const folder = "/home/me/my data/it's";
    const message = describeLocalMismatch([window], folder);
    const rm = /^ {2}rm -rf (.+)$/m.exec(message)?.[1];
    expect(rm).toBeDefined();
    expect(execFileSync("sh", ["-c", `printf %s ${rm}`], { encoding: "utf8" })).toBe(folder);
    expect(message).toContain(`npm run clickhouse -- --data ${rm}`);
  });

  it("offers the ALTERs only when every difference can be changed in place, and never schema apply's flags", () => {
    const alterable = describeLocalMismatch([window], "/data");
    expect(alterable).toContain(`  ${window.change};`);
    const mixed = describeLocalMismatch([generation, window], "/data");
    expect(mixed).toContain("  otel.otel_metrics_sum  generation: legacy (TimeUnix DateTime64(9)); asked: current");
    expect(mixed).not.toContain("ALTER TABLE");
    expect(mixed).toContain("A table's generation or engine cannot be changed in place.");
    for (const text of [alterable, mixed]) expect(text).not.toMatch(/--generation|--dedup-window/);
  });
});
