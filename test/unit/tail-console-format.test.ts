import { describe, expect, it } from "vitest";
import { formatConsoleArguments } from "../../workers/tail/console-format";

describe("formatConsoleArguments (WHATWG Console Standard's Formatter)", () => {
  it("formats a printf-style line as the console printed it, objects as JSON", () => {
    expect(formatConsoleArguments(["%s failed for %d items (%o)", "checkout", 7, { step: "pay" }])).toBe(
      'checkout failed for 7 items ({"step":"pay"})',
    );
  });

  it("keeps a single argument as it is, %% and specifiers included", () => {
    expect(formatConsoleArguments(["100%% done"])).toBe("100%% done");
    expect(formatConsoleArguments(["%s and %d"])).toBe("%s and %d");
    expect(formatConsoleArguments(['{"msg":"x","n":1}'])).toBe('{"msg":"x","n":1}');
    expect(formatConsoleArguments("plain")).toBe("plain");
  });

  it("turns %% into % once there is something to format, and appends what no specifier used", () => {
    expect(formatConsoleArguments(["100%% of %s", "cart"])).toBe("100% of cart");
    expect(formatConsoleArguments(["100%% done", 3])).toBe("100% done 3");
    expect(formatConsoleArguments(["%s", "a", "b", { c: 1 }, null])).toBe('a b {"c":1} null');
  });

  it("joins arguments with spaces when the first is not a string, as before", () => {
    expect(formatConsoleArguments([1, "%s", true, null, { b: [2] }])).toBe('1 %s true null {"b":[2]}');
  });

  it("leaves a specifier without an argument, and unknown ones, as written", () => {
    expect(formatConsoleArguments(["%s %s %x %j", "a"])).toBe("a %s %x %j");
    expect(formatConsoleArguments(["%x %s", "a"])).toBe("%x a");
    // Node's %j, which workerd's console formats: JSON, as %o.
    expect(formatConsoleArguments(["c06 %j json", { a: 1 }, { b: [1, 2] }])).toBe('c06 {"a":1} json {"b":[1,2]}');
  });

  it("reads %d and %i as parseInt does, keeping every digit", () => {
    expect(formatConsoleArguments(["%d|%i|%d|%d|%i", 7.9, "-42px", "abc", null, "007"])).toBe("7|-42|NaN|NaN|7");
    expect(formatConsoleArguments(["%d %i", 12345678901234567890n, "98765432109876543210"])).toBe(
      "12345678901234567890 98765432109876543210",
    );
    expect(formatConsoleArguments(["%d", "-0"])).toBe("0");
  });

  it("reads %f as parseFloat does; a BigInt keeps its digits", () => {
    expect(formatConsoleArguments(["%f %f %f", "3.25kg", "x", 18446744073709551615n])).toBe("3.25 NaN 18446744073709551615");
  });

  it("writes %s of strings and BigInts exactly, of objects as JSON", () => {
    expect(formatConsoleArguments(["<%s>", "  spaced %d  "])).toBe("<  spaced %d  >");
    expect(formatConsoleArguments(["id=%s", 18446744073709551615n])).toBe("id=18446744073709551615");
    expect(formatConsoleArguments(["%s|%O", [1, "a"], { n: null }])).toBe('[1,"a"]|{"n":null}');
  });

  it("prints nothing for %c (CSS) and consumes its argument", () => {
    expect(formatConsoleArguments(["%cred%c text", "color: red", "", "tail"])).toBe("red text tail");
  });

  it("renders what JSON cannot hold as the console would", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(formatConsoleArguments(["%o", cyclic])).toBe("[object Object]");
    expect(formatConsoleArguments(["a", 5n])).toBe("a 5");
  });

  it("writes a BigInt inside an object as the JSON number it is, every digit kept", () => {
    expect(formatConsoleArguments(["order", { id: 18446744073709551615n, items: [1n, 2] }])).toBe('order {"id":18446744073709551615,"items":[1,2]}');
    expect(formatConsoleArguments(["%o", { total: -9007199254740993n }])).toBe('{"total":-9007199254740993}');
  });
});
