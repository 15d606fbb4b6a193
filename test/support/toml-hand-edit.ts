import { expect } from "vitest";

/**
 * Makes printed TOML hand edits as a person following them to the letter would: each numbered
 * step of a hand edit (`fixDocument`'s "the file was not written" edit), in order, at the line
 * number it names in the file as the steps before it left it, after checking that the line reads
 * what the step says it reads.
 */
export function applyTomlHandEdit(text: string, handEdit: string): string {
  const steps = handEdit
    .slice(handEdit.indexOf("\n") + 1)
    .split(/\n\n(?=\d+\. )/)
    .map((step) => step.replace(/^\d+\. /, ""));
  return steps.reduce(applyTomlStep, text);
}

/** One printed step (`below line 4, which reads \`…\`, add these lines:`, `at the end of the file, …`, `remove …`, `replace …`) made in `text`. */
export function applyTomlStep(text: string, step: string): string {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const lines = text.split(/\r\n|\n/);
  const [head, ...body] = step.split("\n");
  const quoted = (block: string[]) => block.map((line) => line.replace(/^ {4}/, ""));
  if (head!.startsWith("at the end of the file, add these lines:")) {
    const ended = text === "" || text.endsWith("\n");
    return `${text}${ended ? "" : eol}${quoted(body).join(eol)}${eol}`;
  }
  // "(line N before the steps above)" names the same place in the file as it was read.
  const below = /^below line (\d+)(?: \(line \d+ before the steps above\))?, which reads `(.*)`, add these lines:$/.exec(head!);
  if (below !== null) {
    const at = Number(below[1]);
    expect(lines[at - 1]!.trim(), step).toBe(below[2]);
    lines.splice(at, 0, ...quoted(body));
    return lines.join(eol);
  }
  const span = /^(remove|replace) lines? (\d+)(?:–(\d+))?(?: \(line \d+ before the steps above\))?, which reads?:$/.exec(head!);
  if (span === null) throw new Error(`not a step to make literally: ${head}`);
  const from = Number(span[2]);
  const to = Number(span[3] ?? from);
  const withAt = body.indexOf("  with:");
  const old = quoted(withAt === -1 ? body : body.slice(0, withAt));
  expect(lines.slice(from - 1, to), step).toEqual(old);
  lines.splice(from - 1, to - from + 1, ...(span[1] === "remove" ? [] : quoted(body.slice(withAt + 1))));
  return lines.join(eol);
}
