/**
 * Values a secret's key holds in shapes the rules used to pass over, and signed fractions the
 * phone detector took for numbers: found by a review of Go, Elixir, Ruby, Rust and Python prints.
 * Each output is pinned: the input with only the redacted values replaced.
 */
import { describe, expect, it } from "vitest";
import { expectKept, expectRedacted } from "../support/redaction";

const PHONE = "[REDACTED:phone]";

describe("a signed decimal fraction is no phone number", () => {
  it("keeps Go's monotonic clock reading and other signed fractions", () => {
    expectKept([
      // Go's Time.String of time.Now(), as `%v` prints it in every such log line.
      "2026-12-02 15:00:00.123 +0000 UTC m=+0.000000001",
      "started at 2026-12-02 15:00:00.123456789 -0300 -03 m=+3.141592653",
      "elapsed m=+3.141592653",
      "delta -12.5 ratio +1.0e-9 offset +12345678.9",
      "skew=+0.000012345 drift=-0.000012345",
    ]);
  });

  it("still redacts phone numbers written with a `+`", () => {
    expectRedacted([
      ["call +55 11 91234-5678", `call ${PHONE}`],
      ["call +1 (415) 555-0100", `call ${PHONE}`],
      ["call +5511912345678", `call ${PHONE}`],
      ["call +1.415.555.0100", `call ${PHONE}`],
      ["tel: +33 6.12.34.56.78", `tel: ${PHONE}`],
    ]);
  });
});
