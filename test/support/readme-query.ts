/** The README's SQL, as a reader copies it. */
import { readFileSync } from "node:fs";

/**
 * A statement of the README's `sql` blocks, found by the start of its first comment line
 * (`comment` without the `-- `): its comment lines and SQL, without the closing `;`.
 */
export function readmeQuery(comment: string): string {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const statement = [...readme.matchAll(/```sql\n([\s\S]*?)```/g)]
    .flatMap((match) => match[1]!.split(/;\s*\n/))
    .find((text) => text.trimStart().startsWith(`-- ${comment}`));
  if (statement === undefined) throw new Error(`no README query starts with "-- ${comment}"`);
  return statement;
}

/** `readmeQuery` without its comment lines. */
export function readmeSql(comment: string): string {
  return readmeQuery(comment)
    .split("\n")
    .filter((line) => !line.trimStart().startsWith("--"))
    .join("\n")
    .trim();
}
