import { environmentLabel, environmentsOf } from "./environments";
import type { Finding, Rule } from "./findings";
import { type ConfigDocument, stringAt } from "./model";
import { RULES } from "./rules/index";
import { roleOf, type WorkerRole } from "./wiring";

export interface FileAudit {
  file: string;
  role: WorkerRole;
  /** `top level`, then each `env.<name>`. */
  environments: string[];
  findings: Finding[];
}

/**
 * Runs every rule on every environment of one parsed wrangler file. This pipeline's own
 * Workers (recognised by name) get only the rules that apply to them (the loop check).
 * Findings come in file order (line, column), then rule order.
 */
export function auditDocument(document: ConfigDocument, rules: readonly Rule[] = RULES): FileAudit {
  const role = roleOf(stringAt(document.root, "name"));
  const environments = environmentsOf(document);
  const findings: Finding[] = [];
  for (const environment of environments) {
    for (const rule of rules) {
      if (rule.scope === "producers" && role !== "producer") continue;
      for (const hit of rule.check(environment, { document, role })) {
        findings.push({
          file: document.file,
          env: environment.env,
          line: hit.at.line,
          column: hit.at.column,
          severity: rule.severity,
          rule: rule.id,
          message: `${environmentLabel(environment.env)}: ${hit.message}`,
          fix: rule.fix,
        });
      }
    }
  }
  findings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { file: document.file, role, environments: environments.map((e) => environmentLabel(e.env)), findings };
}
