import type { WorkerEnvironment } from "./environments";
import type { ConfigDocument, Position } from "./model";
import type { TailNames, WorkerRole } from "./wiring";

export type Severity = "error" | "warning";

/** One problem found in one environment of one file. The `--json` output is an array of these. */
export interface Finding {
  file: string;
  /** `null` for the top level, else the environment's name. */
  env: string | null;
  /** 1-based; `null` only for a path that could not be read at all. */
  line: number | null;
  column: number | null;
  severity: Severity;
  rule: string;
  message: string;
  /** One line saying how to fix it. */
  fix: string;
}

/** What a rule reports: where, and what is wrong (the environment is added by the audit). */
export interface RuleHit {
  at: Position;
  message: string;
  /** The fix hint for this hit when the rule's general one would name what is not there. */
  fix?: string;
  /** This hit's severity when it is graver than the rule's: a value wrangler refuses to deploy is an error. */
  severity?: Severity;
}

export interface RuleContext {
  document: ConfigDocument;
  role: WorkerRole;
  /** Which tail each environment must list. */
  tails: TailNames;
  /** Whether `--exclude-env` leaves an environment out: a rule comparing environments reads none it leaves out. */
  excludeEnvironment: (env: string | null) => boolean;
}

/** A check run on every environment of a file. */
export interface Rule {
  id: string;
  severity: Severity;
  /** Which Workers it applies to: producers only, or also this pipeline's own Workers. */
  scope: "producers" | "all";
  /**
   * Whether it applies to a Cloudflare Pages project too: only when every key it checks (or
   * `--fix` writes) is one a Pages config may hold (workers-sdk's `validatePagesConfig`
   * refuses the rest, e.g. `tail_consumers`, `observability`).
   */
  pages: boolean;
  /** One line, for `--help` and the README. */
  summary: string;
  fix: string;
  check(environment: WorkerEnvironment, context: RuleContext): RuleHit[];
}
