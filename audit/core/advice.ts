import { type AuditOptions, type FileAudit, auditDocument } from "./audit";
import { environmentLabel } from "./environments";
import { fixDocument } from "./fix";
import type { ConfigDocument } from "./model";
import { TomlText, handSteps } from "./toml-edit";
import { allSplices } from "./toml-fix";

/** What the advice writes where `--fix` would need `--ingest-url` and `--metrics-dataset`. */
const PLACEHOLDERS = { ingestUrl: "https://<ingest origin>", metricsDataset: "<dataset>" };

/**
 * The audit of one file, with the fix hints a person can follow in its own syntax: for a
 * `wrangler.toml`, the hint of each finding `--fix` would fix becomes the edits `--fix` would
 * make for that rule in that environment (`fixDocument`'s own plan, with `<ingest origin>` and
 * `<dataset>` where it would need the options), each placed by line number and that line's text
 * (`handSteps`), after the `--fix` command that makes them. JSONC hints are already JSON; a
 * `previews` block's findings keep theirs (`--fix` never writes there).
 */
export function auditWithAdvice(document: ConfigDocument, options: Pick<AuditOptions, "excludeEnvironment" | "tails"> = {}): FileAudit {
  const audit = auditDocument(document, options);
  if (document.format !== "toml" || audit.findings.length === 0) return audit;
  const { tomlChanges } = fixDocument(document, { ...options, ...PLACEHOLDERS });
  if (tomlChanges.length === 0) return audit;
  const toml = new TomlText(document.text);
  const findings = audit.findings.map((finding) => {
    const planned = tomlChanges.filter((change) => change.env === finding.env && change.rule === finding.rule);
    if (planned.length === 0 || !finding.message.startsWith(`${environmentLabel(finding.env)}: `)) return finding;
    const steps = handSteps(document.text, allSplices(toml, planned));
    const byHand = steps.length === 1 ? steps[0]! : steps.map((step, i) => `${i + 1}. ${step}`).join("\n");
    const run = / \(or (run --fix[^)]*)\)/.exec(finding.fix)?.[1] ?? "run --fix";
    return { ...finding, fix: `${run}, or by hand: ${byHand}` };
  });
  return { ...audit, findings };
}
