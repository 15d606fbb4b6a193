/**
 * `npm run lockfile`: adds to package-lock.json the entries `npm ci` needs for optional
 * dependencies the registry does not have (see unpublished-optionals.ts). Run it after any
 * `npm install` that rewrote the lockfile from scratch or upgraded chdb.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { UsageError, parseFlags } from "../../cli/flags";
import { unresolvedOptionals, withUnresolvedOptionals, type PackageLock } from "./unpublished-optionals";

const usage = `Usage: npm run lockfile [-- --check] [-- --file package-lock.json]

Adds to the lockfile an entry for every optional dependency no entry resolves (chDB's
unpublished platform packages), so \`npm ci\` accepts it. Run it after \`npm install\` whenever
the lockfile was regenerated or chdb upgraded.

  --check        change nothing; exit 1 and list what is missing
  --file PATH    the lockfile (default package-lock.json)
  --help         this text`;

function main(argv: string[]): number {
  const flags = parseFlags(argv, {
    check: { type: "boolean" },
    file: { type: "string" },
    help: { type: "boolean" },
  });
  if (flags.help === true) {
    console.log(usage);
    return 0;
  }
  const file = flags.file ?? "package-lock.json";
  const lock = JSON.parse(readFileSync(file, "utf8")) as PackageLock;
  const missing = unresolvedOptionals(lock);
  if (missing.length === 0) {
    console.log(`${file}: every optional dependency has an entry; npm ci accepts it`);
    return 0;
  }
  const listed = missing.map((m) => `  ${m.name}@${m.spec} (optional dependency of ${m.dependent})`).join("\n");
  if (flags.check === true) {
    console.error(`${file} lacks entries npm ci needs; run \`npm run lockfile\`:\n${listed}`);
    return 1;
  }
  writeFileSync(file, `${JSON.stringify(withUnresolvedOptionals(lock), null, 2)}\n`);
  console.log(`${file}: added\n${listed}`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof UsageError ? `${error.message}\n\n${usage}` : String(error instanceof Error ? error.message : error));
  process.exitCode = 2;
}
