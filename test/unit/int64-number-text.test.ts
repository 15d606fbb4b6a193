import { describe, expect, it } from "vitest";
import { decimalFromNumberText, decimalFromString } from "../../workers/ingest/core/decode/int64";

describe("decimalFromNumberText: a JSON number token's exact integer value", () => {
  it.each([
    ["1796149742123456789.0", false, "1796149742123456789"],
    ["23058430092136939530e-1", true, "2305843009213693953"],
    ["1.5e19", false, "15000000000000000000"],
    ["12300e-2", true, "123"],
    ["0.000e5", false, "0"],
    ["-0.0", true, "0"],
    ["0e-99999", false, "0"],
    ["9223372036854775807.000", true, "9223372036854775807"],
    ["-9.223372036854775808E18", true, "-9223372036854775808"],
    ["18446744073709551615e0", false, "18446744073709551615"],
  ])("reads %s (signed: %s) as %s", (text, signed, decimal) => {
    expect(decimalFromNumberText(text, signed)).toBe(decimal);
  });

  it.each([
    ["1.5", true, "not an integer"],
    ["1796149742123456789.5", false, "not an integer"],
    ["1e-400", true, "not an integer"],
    ["1e400", true, "out of range"],
    ["9223372036854775808.0", true, "out of range"],
    ["18446744073709551616.0", false, "out of range"],
    ["-1.0e0", false, "out of range"],
  ])("refuses %s (signed: %s): %s", (text, signed, problem) => {
    expect(decimalFromNumberText(text, signed)).toBe(problem);
  });
});

describe("decimalFromString: a 64-bit integer as text, in the proto3 JSON mapping's number forms too", () => {
  it.each([
    ["1.77719046e18", false, "1777190460000000000"],
    ["1e3", true, "1000"],
    ["1.0", true, "1"],
    ["-2.5e1", true, "-25"],
    ["+5", true, "5"],
    ["007", false, "7"],
  ])("reads %s (signed: %s) as %s", (text, signed, decimal) => {
    expect(decimalFromString(text, signed)).toBe(decimal);
  });

  it.each([
    ["1.5e0", false, "not an integer"],
    ["1e", true, "not an integer"],
    [".5e1", true, "not an integer"],
    ["+1e3", true, "not an integer"],
    ["1e20", false, "out of range"],
    ["-1e0", false, "out of range"],
  ])("refuses %s (signed: %s): %s", (text, signed, problem) => {
    expect(decimalFromString(text, signed)).toBe(problem);
  });
});
