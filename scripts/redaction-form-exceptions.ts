/**
 * `npx tsx scripts/redaction-form-exceptions.ts`: writes `test/fixtures/pii/form-exceptions.json`,
 * the corpus cases that fail a sender's form today (`test/fixtures/pii/sender-forms.ts`), which
 * `test/unit/redaction-sender-forms.test.ts` holds to: a failure not listed fails it, and so does
 * a listed one that passes now. Run it after a redaction change has fixed or knowingly left
 * cases, and read the diff: a listed case's reason is kept, a new one gets a reason written from
 * its verdict and kinds, to be replaced by why it fails when that is known.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  FORM_EXCEPTIONS_DESCRIPTION,
  exceptionKey,
  formCases,
  formFailures,
  type FormCase,
  type FormException,
  type FormFailure,
} from "../test/fixtures/pii/sender-forms";

const target = fileURLToPath(new URL("../test/fixtures/pii/form-exceptions.json", import.meta.url));

const listed = new Map<string, FormException>(
  existsSync(target)
    ? (JSON.parse(readFileSync(target, "utf8")) as { exceptions: FormException[] }).exceptions.map((entry) => [exceptionKey(entry), entry])
    : [],
);

/** A reason for a failure not listed before: what fails where, from the case's kinds and its plain body's verdict. */
function writtenReason(failure: FormFailure, item: FormCase, failsPlainBody: boolean): string {
  const what = failure.verdict === "leak" ? `${item.kinds.join(", ") || "secret"} left` : "look-alike replaced";
  if (failure.form === "plain body") return `${what} in a plain body`;
  return failsPlainBody ? `${what} in a plain body too` : `${what} in the ${failure.form} form only (a plain body is right)`;
}

const cases = formCases();
const byId = new Map(cases.map((item) => [item.id, item]));
const failures = formFailures(cases);
const plainFailures = new Set(failures.filter((failure) => failure.form === "plain body").map((failure) => failure.case));
const exceptions: FormException[] = failures.map((failure) => ({
  ...failure,
  reason: listed.get(exceptionKey(failure))?.reason ?? writtenReason(failure, byId.get(failure.case)!, plainFailures.has(failure.case)),
}));
writeFileSync(target, `${JSON.stringify({ description: FORM_EXCEPTIONS_DESCRIPTION, exceptions }, null, 2)}\n`);
const written = new Set(exceptions.map(exceptionKey));
const fixed = [...listed.keys()].filter((key) => !written.has(key)).length;
const added = exceptions.filter((entry) => !listed.has(exceptionKey(entry)));
console.log(
  `${exceptions.length} exceptions written to test/fixtures/pii/form-exceptions.json ` +
    `(${fixed} listed before now pass, ${added.length} new failures)`,
);
// A new failure is a regression unless the change meant it: name each so it is read, not only diffed.
for (const entry of added) console.log(`  new: ${entry.verdict} in the ${entry.form} form: ${entry.case}`);
