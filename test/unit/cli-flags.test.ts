import { describe, expect, it } from "vitest";
import { UsageError, parseCommandArgs } from "../../cli/flags";

const options = { "dry-run": { type: "boolean" }, mode: { type: "string" }, help: { type: "boolean", short: "h" } } as const;

/** The UsageError message parseCommandArgs throws for `args`. */
function refusal(args: string[], allowPositionals = false): string {
  try {
    parseCommandArgs({ args, options, strict: true, allowPositionals });
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`${args.join(" ")} was accepted`);
}

describe("parseCommandArgs: what was wrong and what to do, in place of Node's parseArgs words", () => {
  it("names an unknown option without Node's unbalanced quotes, with the option it nearly is", () => {
    expect(refusal(["--bogus"])).toBe("unknown option --bogus");
    expect(refusal(["--dryrun"])).toBe("unknown option --dryrun: did you mean --dry-run?");
    expect(refusal(["-x"])).toBe("unknown option -x");
    // The start of a longer flag, or a flag with a word added, is a near miss an edit distance misses.
    expect(refusal(["--dry"])).toBe("unknown option --dry: did you mean --dry-run?");
    expect(refusal(["--mode-name"])).toBe("unknown option --mode-name: did you mean --mode?");
    expect(refusal(["--dryness"])).toBe("unknown option --dryness");
    // Where arguments are taken, one starting with "-" goes after "--".
    expect(refusal(["--bogus"], true)).toBe('unknown option --bogus (an argument that starts with "-" goes after "--": -- --bogus)');
  });

  it("says which option needs a value, or takes none, and what to write", () => {
    expect(refusal(["--mode"])).toBe("--mode needs a value (--mode <value>)");
    expect(refusal(["--dry-run=yes"])).toBe("--dry-run takes no value: write --dry-run alone");
    expect(refusal(["--mode", "-h"])).toBe('--mode needs a value, and what follows it starts with "-": if that is the value, write --mode=<value>');
    expect(refusal(["extra"])).toBe('unexpected argument "extra": this command takes options only');
  });

  it("returns what parseArgs reads when nothing is wrong", () => {
    expect(parseCommandArgs({ args: ["--mode", "block", "-h"], options, strict: true }).values).toEqual({ mode: "block", help: true });
  });
});
