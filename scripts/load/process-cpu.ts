/**
 * CPU time of processes, read from Linux's `/proc/<pid>/stat` (user + system time of all the
 * process's threads, in clock ticks). The Worker's CPU is measured from outside because
 * workerd reports none per request and clocks inside a Worker stand still while it computes.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

interface ProcStat {
  command: string;
  parent: number;
  /** utime + stime, in clock ticks. */
  ticks: number;
}

function readStat(pid: number): ProcStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return undefined; // gone between listing and reading
  }
  // The command is parenthesized and may hold spaces; the numbered fields follow its `)`.
  const close = text.lastIndexOf(")");
  const fields = text.slice(close + 2).split(" ");
  // After the command: state(3) ppid(4) … utime(14) stime(15); fields[0] is state.
  return {
    command: text.slice(text.indexOf("(") + 1, close),
    parent: Number(fields[1]),
    ticks: Number(fields[11]) + Number(fields[12]),
  };
}

/** Direct children of `parent` whose command is `command`. */
export function childrenNamed(parent: number, command: string): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => {
      const stat = readStat(pid);
      return stat?.command === command && stat.parent === parent;
    });
}

let ticksPerSecond: number | undefined;

/** The kernel's clock tick rate (USER_HZ), 100 on practically every Linux. */
function clockTicksPerSecond(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** Milliseconds of CPU the process has used so far, every thread counted. */
export function cpuMillis(pid: number): number {
  const stat = readStat(pid);
  if (stat === undefined) throw new Error(`process ${pid} is gone`);
  return (stat.ticks * 1000) / clockTicksPerSecond();
}
