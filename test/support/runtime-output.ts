import type { Readable } from "node:stream";

export interface RuntimeOutput {
  /** For Miniflare's `handleRuntimeStdio`: collects instead of printing. */
  handleRuntimeStdio(stdout: Readable, stderr: Readable): void;
  /** Every line workerd wrote so far: stdout's, then stderr's. */
  lines(): string[];
}

/** For Miniflare's `handleRuntimeStdio`: reads and drops the output, so a busy test prints nothing. */
export function discardRuntimeOutput(stdout: Readable, stderr: Readable): void {
  stdout.resume();
  stderr.resume();
}

/** Captures what the Workers write to the console (workerd's stdout and stderr), line by line. */
export function captureRuntimeOutput(): RuntimeOutput {
  const streams = { stdout: "", stderr: "" };
  return {
    handleRuntimeStdio(stdout, stderr) {
      for (const [name, stream] of [["stdout", stdout], ["stderr", stderr]] as const) {
        stream.setEncoding("utf8");
        stream.on("data", (chunk: string) => {
          streams[name] += chunk;
        });
      }
    },
    lines: () => `${streams.stdout}\n${streams.stderr}`.split("\n").filter((line) => line !== ""),
  };
}

/** The Workers' own JSON log lines (workers/shared/log.ts) whose `msg` is `msg`, in order. */
export function jsonLogLines(output: RuntimeOutput, msg: string): Record<string, unknown>[] {
  return output
    .lines()
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.msg === msg);
}
