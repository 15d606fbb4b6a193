/**
 * A console line's text from its arguments, as the console printed it: the WHATWG Console
 * Standard's Formatter (https://console.spec.whatwg.org/#formatter) applied to a first argument
 * that is a string, then the arguments no specifier used appended with spaces.
 *
 * Where the standard leaves room, this follows Node's `util.format`, which is what workerd and
 * Workers Logs print: `%%` is one `%` once there is anything to format (a lone first argument
 * is printed as it is, `"100%% done"` included); Node's `%j` (JSON) is read as `%o` is, since
 * workerd's console formats it; a specifier with no argument left, or one neither names (`%x`),
 * stays as written. Two choices keep data exact
 * instead of copying the console's looks: objects (`%o`, `%O`, and unused arguments) are JSON,
 * as the tail stores them everywhere else, and numbers written from a BigInt or from a string of
 * digits keep every digit (the standard's `parseInt` would round past 2^53).
 */

/** `args` (a console call's arguments; a non-array is one argument) as one line of text. */
export function formatConsoleArguments(message: unknown): string {
  const args: unknown[] = Array.isArray(message) ? message : [message];
  const [first, ...rest] = args;
  if (typeof first !== "string" || rest.length === 0) return args.map(argumentText).join(" ");
  let used = 0;
  const text = first.replace(SPECIFIER, (specifier, letter: string) => {
    if (letter === "%") return "%";
    if (used === rest.length) return specifier;
    return substitute(letter, rest[used++]);
  });
  return [text, ...rest.slice(used).map(argumentText)].join(" ");
}

/** The specifiers of the standard's Formatter, Node's `%j`, and `%%`. */
const SPECIFIER = /%([sdifoOjc%])/g;

function substitute(letter: string, value: unknown): string {
  switch (letter) {
    case "s":
      return typeof value === "object" && value !== null ? jsonText(value) : String(value);
    case "d":
    case "i":
      return integerText(value);
    case "f":
      return floatText(value);
    case "c":
      // CSS for the console's own display: it prints nothing.
      return "";
    default:
      return jsonText(value);
  }
}

/** An argument no specifier used: a string as it is, anything else as JSON. */
function argumentText(value: unknown): string {
  return typeof value === "string" ? value : jsonText(value);
}

function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value, bigIntAsNumber) ?? String(value);
  } catch {
    // Cycles cannot be JSON; console would print something, so do too.
    return String(value);
  }
}

/**
 * A BigInt anywhere in an object written as the JSON number it is, every digit kept (the ingest
 * reads such numbers exactly), where plain JSON.stringify throws and the whole object would be
 * lost to `[object Object]`. `JSON.rawJSON` (V8 in workerd, Node 21+) writes the digits as they
 * are; a runtime without it (Node 20) gets them as a JSON string, exact still though quoted.
 */
function bigIntAsNumber(_key: string, value: unknown): unknown {
  if (typeof value !== "bigint") return value;
  return RAW_JSON === undefined ? value.toString() : RAW_JSON(value.toString());
}

const RAW_JSON = (JSON as unknown as { rawJSON?: (text: string) => unknown }).rawJSON;

/** `parseInt(value, 10)` of the standard, with every digit of the integer it reads. */
function integerText(value: unknown): string {
  if (typeof value === "symbol") return "NaN";
  const digits = /^\s*([+-]?)0*(\d+)/.exec(String(value));
  if (digits === null) return "NaN";
  const [, sign, magnitude = "0"] = digits;
  return sign === "-" && /[1-9]/.test(magnitude) ? `-${magnitude}` : magnitude;
}

/** `parseFloat(value)` of the standard; a BigInt keeps every digit. */
function floatText(value: unknown): string {
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "symbol") return "NaN";
  return String(Number.parseFloat(String(value)));
}
