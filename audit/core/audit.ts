import { type DeployedNames, type WorkerEnvironment, environmentLabel, environmentsOf, previewsOf, scopeLabel } from "./environments";
import type { Finding, Rule } from "./findings";
import { type ConfigDocument, entryOf, stringAt } from "./model";
import { RULES } from "./rules/index";
import { isTomlInlineTable } from "./toml-edit";
import { DEFAULT_TAIL_NAMES, roleOf, type TailNames, type WorkerRole } from "./wiring";

/**
 * What a wrangler file deploys: a Worker, or a Cloudflare Pages project (a top-level
 * `pages_build_output_dir`, the key wrangler itself uses to tell them apart), whose config
 * wrangler limits to the keys workers-sdk's `validatePagesConfig` accepts.
 */
export type ProjectKind = "worker" | "pages";

export interface FileAudit {
  file: string;
  role: WorkerRole;
  kind: ProjectKind;
  /** `top level`, then each `env.<name>` audited. */
  environments: string[];
  /** The environments left out on request (`env.<name>`, or `top level`). */
  excluded: string[];
  findings: Finding[];
}

export interface AuditOptions {
  rules?: readonly Rule[];
  /** Whether to leave an environment out (`null` is the top level); none by default. */
  excludeEnvironment?: (env: string | null) => boolean;
  /** Which tail each environment must list; `deco-otel-tail` (and `deco-otel-tail-<env>` in `env.<env>`) by default. */
  tails?: TailNames;
  /** Whether to audit each environment's preview settings (`previews`, see `previewsOf`) too; true by default. */
  previews?: boolean;
  /** The names environments deploy as where the file's is not it (Workers Builds'); none by default. */
  deployedNames?: DeployedNames;
}

/** A fix hint's pointer to `--fix`, which never writes into a `previews` block: left out of the hints of findings there. */
const FIX_RUN = / \(or run --fix[^)]*\)/;

/**
 * A hit's hint as it applies to `environment`: `--fix` does not edit an environment written as an
 * inline TOML table (`staging = { vars = { … } }` under `[env]`: no `[env.staging.…]` header may
 * extend it), so there the pointer to `--fix` becomes the hand edit that lets it.
 */
function fixHint(document: ConfigDocument, environment: WorkerEnvironment, fix: string): string {
  if (document.format !== "toml" || environment.env === null || !FIX_RUN.test(fix) || !isTomlInlineTable(document.text, environment.block.at)) return fix;
  const env = environment.env;
  return fix.replace(FIX_RUN, ` (--fix does not edit env.${env}, an inline table on line ${environment.block.at.line}: make this edit in it by hand, or write it as an [env.${env}] table with its keys under it and run --fix)`);
}

/** The project kind a parsed wrangler file deploys. */
export function projectKindOf(document: ConfigDocument): ProjectKind {
  return entryOf(document.root, "pages_build_output_dir") === undefined ? "worker" : "pages";
}

/**
 * Runs every rule on every environment of one parsed wrangler file, and on the preview settings
 * each environment's `wrangler preview` deploys (`previewsOf`: its `previews` block, its own or
 * the top level's), which name no Worker of their own: findings there are the environment's,
 * labelled `previews` or `env.<name>.previews`. This pipeline's own Workers (recognised by name)
 * get only the rules that apply to them (the loop check); a Pages project only the rules whose
 * keys a Pages config may hold (`Rule.pages`), and no preview settings (wrangler refuses
 * `previews` in a Pages config: `pages-config` says so). Findings come in file order (line,
 * column), then rule order.
 */
export function auditDocument(document: ConfigDocument, options: AuditOptions = {}): FileAudit {
  const { rules = RULES, excludeEnvironment = () => false, tails = DEFAULT_TAIL_NAMES, previews = true } = options;
  const role = roleOf(stringAt(document.root, "name"), tails);
  const kind = projectKindOf(document);
  const environments = environmentsOf(document, options.deployedNames);
  const audited = environments.filter((e) => !excludeEnvironment(e.env));
  const scopes: WorkerEnvironment[] = audited.flatMap((e) => {
    const preview = previews && kind === "worker" ? previewsOf(e) : undefined;
    return preview === undefined ? [e] : [e, preview];
  });
  const findings: Finding[] = [];
  // The top level's `previews` findings, to leave out their repeats in environments that inherit the block.
  const topLevelPreviews = new Set<string>();
  for (const environment of scopes) {
    for (const rule of rules) {
      if (rule.scope === "producers" && role !== "producer") continue;
      if (kind === "pages" && !rule.pages) continue;
      for (const hit of rule.check(environment, { document, role, tails, excludeEnvironment })) {
        const fix = hit.fix ?? rule.fix;
        if (environment.previews !== undefined) {
          // An inherited block's finding that does not depend on the environment (a secret, a
          // refused entry) is the top level's, at the same place, fixed by the same edit.
          const key = `${rule.id}\u0000${hit.at.line}:${hit.at.column}\u0000${hit.message}`;
          if (environment.env === null) topLevelPreviews.add(key);
          else if (environment.previews.inherited && topLevelPreviews.has(key)) continue;
        }
        findings.push({
          file: document.file,
          env: environment.env,
          line: hit.at.line,
          column: hit.at.column,
          severity: hit.severity ?? rule.severity,
          rule: rule.id,
          message: `${scopeLabel(environment)}: ${hit.message}`,
          fix: environment.previews === undefined ? fixHint(document, environment, fix) : fix.replace(FIX_RUN, ""),
        });
      }
    }
  }
  findings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return {
    file: document.file,
    role,
    kind,
    environments: audited.map((e) => environmentLabel(e.env)),
    excluded: environments.filter((e) => excludeEnvironment(e.env)).map((e) => environmentLabel(e.env)),
    findings,
  };
}
