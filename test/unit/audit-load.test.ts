import { describe, expect, it } from "vitest";
import { environmentsOf } from "../../audit/core/environments";
import { decodeConfigFile, isWranglerFile, loadConfig } from "../../audit/core/load";
import { LineIndex } from "../../audit/core/line-index";
import { ConfigParseError, entryOf, plainValue } from "../../audit/core/model";
import { loadFleet } from "../support/fleet";

function parseError(file: string, text: string): ConfigParseError {
  try {
    loadConfig(file, text);
  } catch (error) {
    if (error instanceof ConfigParseError) return error;
    throw error;
  }
  throw new Error("parsed");
}

describe("loading wrangler files", () => {
  it("reads JSONC with comments and trailing commas, keeping every key's and value's position", () => {
    const document = loadFleet("comments/wrangler.jsonc");
    expect(document.format).toBe("jsonc");
    expect(document.root.at).toEqual({ line: 2, column: 1 });
    const name = entryOf(document.root, "name")!;
    expect(name.keyAt).toEqual({ line: 4, column: 2 });
    expect(name.value).toEqual({ kind: "scalar", value: "blog", at: { line: 4, column: 10 } });
    expect(plainValue(entryOf(document.root, "vars")!.value)).toEqual({ SITE: "blog.acme.dev" });
    expect(entryOf(entryOf(document.root, "env")!.value, "preview")!.keyAt).toEqual({ line: 15, column: 3 });
  });

  it("reads TOML tables, arrays of tables, inline tables and dotted headers into the same model", () => {
    const document = loadFleet("environments-toml/wrangler.toml");
    expect(document.format).toBe("toml");
    expect(plainValue(document.root)).toEqual({
      name: "catalog",
      main: "src/worker.ts",
      compatibility_date: "2026-04-20",
      tail_consumers: [{ service: "deco-otel-tail" }],
      observability: { enabled: true },
      version_metadata: { binding: "CF_VERSION_METADATA" },
      vars: {
        DECO_OTEL_LOGS_ENDPOINT: "https://deco-otel-ingest.acme.workers.dev/v1/logs",
        DECO_OTEL_TRACES_ENDPOINT: "https://deco-otel-ingest.acme.workers.dev/v1/traces",
        DECO_OTEL_METRICS_ENDPOINT: "https://deco-otel-ingest.acme.workers.dev/v1/metrics",
      },
      env: {
        staging: {
          routes: ["staging.catalog.acme.dev/*"],
          vars: { DECO_OTEL_LOGS_ENDPOINT: "https://deco-otel-ingest.acme.workers.dev/v1/logs", DECO_OTEL_TOKEN: "5b1f0c0e-staging" },
        },
        production: { tail_consumers: [{ service: "deco-otel-ingest" }] },
      },
      // A top-level array of tables written after the env tables still belongs to the top level.
      analytics_engine_datasets: [{ binding: "DECO_METRICS", dataset: "deco_metrics" }],
    });
    const stagingVars = entryOf(entryOf(entryOf(document.root, "env")!.value, "staging")!.value, "vars")!;
    expect(stagingVars.value.at).toEqual({ line: 21, column: 1 });
    expect(entryOf(stagingVars.value, "DECO_OTEL_TOKEN")!.keyAt).toEqual({ line: 23, column: 1 });
    expect(entryOf(stagingVars.value, "DECO_OTEL_TOKEN")!.value.at).toEqual({ line: 23, column: 19 });
    const production = entryOf(entryOf(document.root, "env")!.value, "production")!.value;
    const consumers = entryOf(production, "tail_consumers")!.value;
    expect(consumers.kind === "array" && consumers.items[0]!.at).toEqual({ line: 25, column: 1 });
  });

  it("reads an inline-table environment and a wrangler.json the same way", () => {
    const toml = loadFleet("good-toml/wrangler.toml");
    const production = entryOf(entryOf(toml.root, "env")!.value, "production")!.value;
    expect(plainValue(entryOf(production, "version_metadata")!.value)).toEqual({ binding: "CF_VERSION_METADATA" });
    expect(loadFleet("no-version-metadata/wrangler.json").format).toBe("jsonc");
  });

  it("refuses unparsable JSONC with jsonc-parser's error and its position", () => {
    const error = parseError("wrangler.jsonc", '{\n  "name": "broken",\n  "main": "src/worker.ts"\n  "compatibility_date": "2026-04-20"\n}\n');
    expect(error.message).toBe("JSONC parse error: CommaExpected");
    expect(error.at).toEqual({ line: 4, column: 3 });
    expect(parseError("wrangler.json", "[1, 2]").message).toBe("a wrangler file must hold one object");
  });

  it("calls a JSONC file of nothing but whitespace or comments empty, not a parse error code", () => {
    const empty = "the file is empty (nothing but whitespace or comments): a wrangler file must hold one object";
    for (const text of ["", "\n  \n", "// wrangler settings go here\n/* none yet */\n"]) {
      const error = parseError("wrangler.jsonc", text);
      expect(error.message).toBe(empty);
      expect(error.at).toEqual({ line: 1, column: 1 });
      expect(error.fix).toMatch(/^write the Worker's settings as one object/);
    }
    expect(parseError("wrangler.json", "// only a comment, then\n,").message).toBe("JSONC parse error: ValueExpected");
  });

  it("refuses unparsable TOML with the parser's message and position", () => {
    const duplicate = parseError("wrangler.toml", 'name = "a"\nmain = "b"\nname = "twice"\n');
    expect(duplicate.message).toBe("TOML parse error: Defining a key multiple times is invalid");
    expect(duplicate.at).toEqual({ line: 3, column: 1 });
    const redefined = parseError("wrangler.toml", '[vars]\nA = "1"\n[vars]\nB = "2"\n');
    expect(redefined.at.line).toBe(3);
    expect(parseError("wrangler.toml", 'name = "unterminated\n').at.line).toBe(1);
  });

  it("counts lines after \\n, \\r\\n and a lone \\r", () => {
    const lines = new LineIndex("a\r\nb\rc\nd");
    expect([0, 3, 5, 7].map((offset) => lines.positionOf(offset))).toEqual([
      { line: 1, column: 1 },
      { line: 2, column: 1 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
    ]);
    expect(loadConfig("wrangler.jsonc", '{\r\n  "name": "x"\r\n}').root.entries.get("name")!.keyAt).toEqual({ line: 2, column: 3 });
  });

  it("reads a file saved with a UTF-8 byte order mark as wrangler does: the mark dropped, positions an editor's", () => {
    const texts = {
      "wrangler.jsonc": '{\n  "name": "bom", // the worker\n  "tail_consumers": [ /* none yet */ ],\n}\n',
      "wrangler.json": '{ "name": "bom", "tail_consumers": [] }',
      "wrangler.toml": 'name = "bom"\ntail_consumers = []\n',
    };
    for (const [file, text] of Object.entries(texts)) {
      const plain = loadConfig(file, text);
      const marked = loadConfig(file, `\uFEFF${text}`);
      expect([marked.byteOrderMark, plain.byteOrderMark], file).toEqual([true, false]);
      expect(marked.text, file).toBe(text);
      // The same model with the same positions: a column on line 1 does not count the mark.
      expect(marked.root, file).toEqual(plain.root);
    }
  });

  it("decodes a file's bytes as UTF-8, keeping a UTF-8 byte order mark for loadConfig to record", () => {
    const utf8 = new TextEncoder().encode('\uFEFF{ "name": "caf\u00e9" }');
    expect(utf8.subarray(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(decodeConfigFile(utf8)).toBe('\uFEFF{ "name": "caf\u00e9" }');
    expect(decodeConfigFile(new TextEncoder().encode("name = 1"))).toBe("name = 1");
  });

  it.each([
    ["UTF-16 LE", [0xff, 0xfe, 0x7b, 0x00]],
    ["UTF-16 BE", [0xfe, 0xff, 0x00, 0x7b]],
    ["UTF-32 LE", [0xff, 0xfe, 0x00, 0x00, 0x7b, 0x00, 0x00, 0x00]],
    ["UTF-32 BE", [0x00, 0x00, 0xfe, 0xff, 0x00, 0x00, 0x00, 0x7b]],
  ])("refuses a file encoded as %s, as wrangler does, naming the encoding", (encoding, bytes) => {
    let error: unknown;
    try {
      decodeConfigFile(new Uint8Array(bytes));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigParseError);
    expect((error as ConfigParseError).message).toBe(
      `the file is encoded as ${encoding} (it starts with that byte order mark); wrangler reads only UTF-8 and refuses it`,
    );
    expect([(error as ConfigParseError).at, (error as ConfigParseError).fix]).toEqual([{ line: 1, column: 1 }, "save the file as UTF-8"]);
  });

  it("recognises wrangler's file names and -c variants, and nothing else", () => {
    expect(["wrangler.jsonc", "wrangler.json", "wrangler.toml", "wrangler.tail.jsonc", "dir/wrangler.staging.toml"].map(isWranglerFile)).toEqual([true, true, true, true, true]);
    expect(["wrangler-config.ts", "package.json", "wrangler.yaml", "my-wrangler.toml"].map(isWranglerFile)).toEqual([false, false, false, false]);
  });
});

describe("environments, as wrangler resolves them", () => {
  it("lists the top level then each env, with the name wrangler deploys each as", () => {
    const environments = environmentsOf(loadFleet("environments/wrangler.jsonc"));
    expect(environments.map((e) => [e.env, e.scriptName])).toEqual([
      [null, "storefront"],
      ["staging", "storefront-staging"],
      ["production", "storefront-production"],
    ]);
    const named = environmentsOf(loadConfig("wrangler.jsonc", '{ "name": "a", "env": { "x": { "name": "custom" } } }'));
    expect(named[1]!.scriptName).toBe("custom");
  });

  it("does not inherit vars, tail_consumers or version_metadata; inherits observability whole", () => {
    const [top, staging, production] = environmentsOf(loadFleet("environments/wrangler.jsonc"));
    expect(top!.own("tail_consumers")).toBeDefined();
    expect(staging!.own("tail_consumers")).toBeUndefined();
    expect(staging!.own("vars")).toBeUndefined();
    expect(staging!.own("version_metadata")).toBeUndefined();
    expect(staging!.inheritable("observability")).toMatchObject({ inherited: true, entry: { keyAt: { line: 9, column: 3 } } });
    expect(production!.inheritable("observability")).toMatchObject({ inherited: false, entry: { keyAt: { line: 21, column: 7 } } });
    expect(top!.inheritable("observability")!.inherited).toBe(false);
  });
});
