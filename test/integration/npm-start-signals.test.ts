/**
 * `npm start` stopped as a terminal's Ctrl-C stops it: SIGINT to the whole foreground process
 * group (npm, its shell and the script's Node alike). The other local
 * tests run the script on this Node directly; this runs the package's own script, so what sits
 * between npm and the script is what a user has (`npm run clickhouse` has the same form, held
 * by the first test; its stop is tested through the script itself in local-clickhouse tests).
 *
 * The fault they guard against: with `tsx <script>` as the package script, tsx's CLI is a parent
 * process that relays a SIGINT it receives to its child unless the child has told it (over IPC)
 * that it saw the signal itself. When the group's signal reaches the child before that message
 * reaches tsx, tsx relays it again, and the child counts a second SIGINT: "now", leaving at once
 * without waiting for the tail's hand-offs or printing what the stop counted (about one stop in
 * five on a loaded machine). Run as `node --import tsx <script>`, there is one process and one
 * SIGINT. npm itself ends by the same SIGINT once its script has exited (as a shell shows, 130),
 * so what it reads is the script's own output, not npm's status.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { REPOSITORY_ROOT, bannerOf, keptOutput, stdoutReaches, type Started } from "../support/local-start";

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "deco-otel-npm-start-signals-"));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** `npm run <script> -- <args>` leading a process group of its own, as a terminal's job is. */
function npmRun(script: string, args: string[]): Started {
  return keptOutput(
    spawn("npm", ["run", "--silent", script, "--", ...args], {
      cwd: REPOSITORY_ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    }),
  );
}

/** Ctrl-C: SIGINT to every process of the group `started` leads. */
function interruptGroup(started: Started): void {
  process.kill(-started.child.pid!, "SIGINT");
}

/** Whatever of the group is still running, killed (a failed test leaves nothing behind). */
function killGroup(started: Started): void {
  try {
    process.kill(-started.child.pid!, "SIGKILL");
  } catch {
    // The group has already ended.
  }
}

describe("package scripts stopped by the process group's SIGINT", () => {
  it("runs the scripts that wait on a stop without a relaying wrapper process", async () => {
    const { scripts } = JSON.parse(await readFile(join(REPOSITORY_ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(scripts.start).toBe("node --import tsx scripts/dev/start.ts");
    expect(scripts.clickhouse).toBe("node --import tsx scripts/clickhouse/cli.ts");
  });

  it("npm start: one Ctrl-C waits for the hand-offs and says what the stop counted", async () => {
    const started = npmRun("start", [
      ...["--clickhouse-port", "0", "--ingest-port", "0", "--producer-port", "0"],
      ...["--data-dir", dataDir, "--token", "test-token"],
    ]);
    try {
      await bannerOf(started);
      interruptGroup(started);
      await stdoutReaches(started, "Stopped.");
      await started.exited;
      const stop = started.stdout().slice(started.stdout().indexOf("SIGINT: stopping"));
      expect(stop).toContain("Waiting up to 10 s for the tail Worker's hand-offs and the retry queue to be delivered...");
      expect(stop).toMatch(/The tail Worker's \d+ hand-off\(s\) to the ingest Worker this run all ended\./);
      expect(started.stdout().match(/SIGINT: stopping/g)).toHaveLength(1);
      expect(started.stderr()).not.toContain("had not ended");
    } finally {
      killGroup(started);
      await started.exited;
    }
  });
});
