/**
 * `deco-otel <command>`: the commands this project gives its users. Today: `audit`.
 */
import { runAudit, USAGE as AUDIT_USAGE } from "./main";

const USAGE = `Usage: deco-otel <command> [options]

Commands:
  audit    check producers' wrangler files are wired to deco-otel (deco-otel audit --help)
`;

const [command, ...rest] = process.argv.slice(2);
const output = { out: (text: string) => console.log(text), err: (text: string) => console.error(text) };
if (command === "audit") {
  try {
    process.exitCode = await runAudit(rest, output);
  } catch (error) {
    // A fault of the audit itself: never exit 1, which means "errors found" in block mode.
    console.error(`deco-otel audit failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 2;
  }
} else if (command === undefined || command === "--help" || command === "-h" || command === "help") {
  console.log(`${USAGE}\n${AUDIT_USAGE}`);
} else {
  console.error(`unknown command "${command}"\n\n${USAGE}`);
  process.exitCode = 2;
}
