/**
 * CPU time of the workerd process Miniflare runs, read from Linux's per-thread scheduler
 * statistics (`/proc/<pid>/task/<tid>/schedstat`, first field: nanoseconds on a CPU). Summed
 * over all threads, so V8's background compiler and GC threads count too. workerd itself does
 * not report per-request CPU, and in-Worker clocks stand still while code runs (a Spectre
 * mitigation), so the process is measured from outside, one request at a time.
 */
import { readdirSync, readFileSync } from "node:fs";

/** The workerd processes that are children of this Node process. */
export function workerdChildren(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited while listing
    }
    // Fields after the parenthesized command name: state, ppid, …
    const close = stat.lastIndexOf(")");
    const command = stat.slice(stat.indexOf("(") + 1, close);
    const ppid = Number(stat.slice(close + 2).split(" ")[1]);
    if (command === "workerd" && ppid === process.pid) pids.push(Number(entry));
  }
  return pids;
}

/** Nanoseconds all threads of `pid` have spent on a CPU so far. */
export function processCpuNanos(pid: number): number {
  return threadCpuNanos(pid).total;
}

/**
 * CPU nanoseconds of a workerd process so far, all threads and split by thread: `main` is the
 * process's own first thread (tid = pid), which runs the event loop and the isolate's JavaScript;
 * `v8Background` the threads V8 names "V8 DefaultWorke…" (its platform workers: concurrent and
 * parallel GC, the background compilers), where garbage a request leaves costs CPU off the main
 * thread. Any other thread counts only in `total`.
 */
export interface ThreadCpu {
  total: number;
  main: number;
  v8Background: number;
}

export function threadCpuNanos(pid: number): ThreadCpu {
  const cpu: ThreadCpu = { total: 0, main: 0, v8Background: 0 };
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    let nanos: number;
    let command: string;
    try {
      nanos = Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]);
      command = readFileSync(`/proc/${pid}/task/${tid}/comm`, "utf8");
    } catch {
      continue; // a thread that ended between listing and reading has nothing left to add
    }
    cpu.total += nanos;
    if (Number(tid) === pid) cpu.main += nanos;
    else if (command.startsWith("V8 DefaultWorke")) cpu.v8Background += nanos;
  }
  return cpu;
}

/** The one workerd a Miniflare instance started after `before` (the pids that already existed). */
export function newWorkerdPid(before: readonly number[]): number {
  const started = workerdChildren().filter((pid) => !before.includes(pid));
  if (started.length !== 1) throw new Error(`expected one new workerd process, found ${started.length}`);
  return started[0]!;
}
