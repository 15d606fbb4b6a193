/**
 * Applies printed TOML hand edits (`fixDocument`'s, one per environment) to a file's text as a
 * person following it to the letter would: each numbered edit where it says, from the last line
 * up so every line number keeps naming the file's line, the end-of-file tables last. Only the
 * edits that carry their lines can be applied so; another (`write … in place of …`) throws.
 */
export function applyTomlHandEdit(text: string, ...handEdits: string[]): string {
  const edits = handEdits.flatMap((handEdit) =>
    handEdit
      .slice(handEdit.indexOf("\n") + 1)
      .split(/\n\n(?=\d+\. )/)
      .map((chunk) => {
        const [first, ...lines] = chunk.split("\n");
        return { where: first!.replace(/^\d+\. /, ""), lines };
      }),
  );
  // Each step: at a line, remove `remove` lines and put `lines` there.
  const steps: { line: number; remove: number; lines: string[] }[] = [];
  const appended: string[] = [];
  for (const { where, lines } of edits) {
    const range = /^(?:in place of|remove) lines? (\d+)(?:–(\d+))?/.exec(where);
    const under = /^(?:right under the \[[^\]]+\] line \(line (\d+)\)|after line (\d+))/.exec(where);
    if (where.startsWith("add at the end of the file")) {
      appended.push("", ...lines);
    } else if (range !== null) {
      const from = Number(range[1]);
      steps.push({ line: from, remove: Number(range[2] ?? from) - from + 1, lines: where.startsWith("remove") ? [] : lines });
    } else if (under !== null) {
      // The file's lines these replace go, then the lines are put under the named one.
      for (const replaced of where.split("replacing")[1]?.matchAll(/\(line (\d+)\)/g) ?? []) steps.push({ line: Number(replaced[1]), remove: 1, lines: [] });
      steps.push({ line: Number(under[1] ?? under[2]) + 1, remove: 0, lines });
    } else {
      throw new Error(`not an edit to apply literally: ${where}`);
    }
  }
  const fileLines = text.split("\n");
  for (const step of steps.sort((a, b) => b.line - a.line || b.remove - a.remove)) fileLines.splice(step.line - 1, step.remove, ...step.lines);
  const edited = fileLines.join("\n");
  return appended.length === 0 ? edited : `${edited}${edited.endsWith("\n") ? "" : "\n"}${appended.join("\n")}\n`;
}
