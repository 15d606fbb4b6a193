/** The README's SQL and marked snippets, as a reader copies them. */
import { readFileSync } from "node:fs";

/** The fenced block right after `<!-- readme-snippet: name -->`, without its fences; throws when there is none. */
export function readmeSnippet(name: string): string {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const match = readme.match(new RegExp(`<!-- readme-snippet: ${name} -->\\n\`\`\`\\w*\\n([\\s\\S]*?)\`\`\`\\n`));
  if (!match) throw new Error(`README has no block marked readme-snippet: ${name}`);
  return match[1]!;
}

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
