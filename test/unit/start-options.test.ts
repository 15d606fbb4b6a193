import { describe, expect, it } from "vitest";
import { UsageError } from "../../cli/flags";
import { DEFAULT_TOKEN } from "../../scripts/dev/defaults";
import { parseStartOptions } from "../../scripts/dev/start-options";

describe("npm start -- --token", () => {
  it("takes one bearer token from the flag, else $INGEST_TOKEN, else the default", () => {
    expect(parseStartOptions(["--token", "local-secret-1"], {}).token).toBe("local-secret-1");
    expect(parseStartOptions([], { INGEST_TOKEN: "from-env" }).token).toBe("from-env");
    expect(parseStartOptions([], {}).token).toBe(DEFAULT_TOKEN);
  });

  it("refuses an INGEST_TOKENS entry or list, which the producer's bearer header would never match", () => {
    for (const token of ["store:s3cret:storefront", "a,b", "two words", ""]) {
      expect(() => parseStartOptions(["--token", token], {})).toThrow(UsageError);
    }
    expect(() => parseStartOptions(["--token", "store:s3cret"], {})).toThrow(
      '--token must be one bearer token, without ":", "," or spaces (the local run sends it as the producer\'s Authorization: Bearer), got "store:s3cret"',
    );
    expect(() => parseStartOptions([], { INGEST_TOKEN: "x:y" })).toThrow(UsageError);
  });
});
