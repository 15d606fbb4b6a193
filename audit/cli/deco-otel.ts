/**
 * `deco-otel <command>`: the commands this project gives its users. Today: `audit`.
 */
import { runAudit, USAGE as AUDIT_USAGE } from "./main";
import { processOutput } from "./output";
import { messageWithCauses } from "../../cli/error-causes";
import { usageErrorText } from "../../cli/flags";

const USAGE = `Usage: deco-otel <command> [options]

Commands:
  audit    check producers' wrangler files are wired to deco-otel (deco-otel audit --help)
`;

const [command, ...rest] = process.argv.slice(2);
const output = processOutput();
if (command === "audit") {
  try {
    // npm sets npm_lifecycle_event to the script it runs: this checkout's "audit".
    process.exitCode = await runAudit(rest, output, { npmScript: process.env.npm_lifecycle_event === "audit" });
  } catch (error) {
    // A fault of the audit itself: never exit 1, which means "errors found" in block mode.
    // Its message and causes, not a stack: what the operator can act on (a file system error names its path).
    output.err(`deco-otel audit failed: ${messageWithCauses(error)}`);
    process.exitCode = 2;
  }
} else if (command === undefined || command === "--help" || command === "-h" || command === "help") {
  output.out(`${USAGE}\n${AUDIT_USAGE}`);
} else {
  output.err(usageErrorText(`unknown command "${command}": the commands are audit`, "deco-otel --help"));
  process.exitCode = 2;
}
