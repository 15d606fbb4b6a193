/**
 * Texts whose redaction cost grows faster than their length: a secret's name (or a trigger
 * word) repeated with a short unit after it, so that each of the many candidates makes a
 * detector's search or check read on to the end of the text (a search for the next `name=` or
 * flag dash that finds none, a connection string's server word looked for in the whole text,
 * a token run that reaches the line's end). Found by timing log bodies of 16 KB and 64 KB built
 * from a detector's trigger words followed by runs of single characters and short units.
 *
 * Each case pins what redaction writes for such a text, at a size that still finishes quickly,
 * so that a linear rewrite of the search or check is shown to keep the output identical. Their
 * cost is measured in benchmarks, not asserted here.
 */
import { describe, expect, it } from "vitest";
import { parseIngestConfig } from "../../workers/ingest/config";
import { prepareExport } from "../../workers/ingest/core/pipeline";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { BUILT_IN_DETECTORS } from "../../workers/ingest/core/redact/detectors";
import { COMMAND_PASSWORD_SOURCE } from "../../workers/ingest/core/redact/command-passwords";

const pipeline = parseIngestConfig({ CLICKHOUSE_URL: "http://127.0.0.1:8123", AUTH_DISABLED: "true" }).pipeline;
const NOW = "1777190460000000000";
const SECRET = "[REDACTED:secret_param]";

type Attribute = { key: string; value: { stringValue: string } };

function logs(body: string, attributes: Attribute[] = []): Uint8Array {
  const resource = { attributes: [{ key: "service.name", value: { stringValue: "checkout" } }] };
  const record = { timeUnixNano: NOW, severityNumber: 9, body: { stringValue: body }, attributes };
  const request = { resourceLogs: [{ resource, scopeLogs: [{ scope: { name: "robustness" }, logRecords: [record] }] }] };
  return new TextEncoder().encode(JSON.stringify(request));
}

/** The single log row the export of `body` (with `attributes`) writes. */
function logRow(body: string, attributes: Attribute[] = []): Record<string, unknown> {
  const prepared = prepareExport("logs", "json", logs(body, attributes), pipeline, NOW);
  expect(prepared.accepted).toBe(1);
  expect(prepared.redactions.failed).toBeUndefined();
  expect(prepared.batches).toHaveLength(1);
  expect(prepared.batches[0]!.rows).toHaveLength(1);
  return prepared.batches[0]!.rows[0] as unknown as Record<string, unknown>;
}

/** About 16 KB of `unit`: whole units, so the expected text is built from the same count. */
function units(unit: string): number {
  return Math.ceil(16_384 / unit.length);
}

/** [name, unit, expected redaction of `unit` repeated `count` times] */
const cases: ReadonlyArray<readonly [string, string, (count: number) => string]> = [
  // secret-parameter.ts: each search for the next `name=` read every later `=` (no name start
  // before any of them: `-token` starts with a dash) back to its name.
  [
    "`token=\"-` repeated (the next parameter name searched to the end at each candidate)",
    'token="-',
    (count) => `token="${SECRET}"-`.repeat(Math.floor(count / 2)) + (count % 2 === 1 ? 'token="-' : ""),
  ],
  // After the first value, each `-password = -password` is a flag whose spaced `=` stands before
  // the next flag: no value (it was once read as the `=` itself, the password after it kept).
  [
    "`password = -` repeated (the same search, each value a flag-like word)",
    "password = -",
    (count) => `password = ${SECRET}` + " = -password".repeat(count - 2) + " = -",
  ],
  [
    "`{\"password\":\"=` repeated (JSON-like members, each value an `=`)",
    '{"password":"=',
    (count) => '{"password":"' + `${SECRET}"password":"`.repeat(count - 1) + "=",
  ],
  [
    "`{'password': '=\"` repeated (a Python dict's members)",
    "{'password': '=\"",
    (count) => "{'password': '" + `${SECRET}'password': '`.repeat(count - 1) + '="',
  ],
  [
    "`Authorization: Bearer =` repeated (no credential; the parameter search still runs)",
    "Authorization: Bearer =",
    (count) => "Authorization: Bearer =".repeat(count),
  ],
  // secret-parameter.ts: each search for the next flag dash (`--password`) read every later
  // dash, none of which follows a blank, quote, `=`, `,`, `[` or `(`.
  [
    "`---\\npassword: |\\na` repeated (YAML documents whose dashes are no flags)",
    "---\npassword: |\na",
    (count) => "---\npassword: |\na".repeat(count),
  ],
  // credentials.ts: a connection string's `Password = '…'` looks for a server's name in the
  // whole text at each candidate.
  [
    "`password = '` repeated (a connection string's server word searched at each candidate)",
    "password = '",
    (count) => `password = '${SECRET}'`.repeat(Math.floor(count / 2)) + (count % 2 === 1 ? "password = '" : ""),
  ],
  // secret-parameter.ts: a field's value token runs over `{` to the end of the blank-free run,
  // read again at each later `Password:`. A Go field's value (`%+v` cut short): the run is the
  // first `Password`'s, one secret (a capitalized name is no key's namespace, key-namespaces.ts).
  ["`{Password:a:` repeated (a field's value token reaching the run's end at each name)", "{Password:a:", () => `{Password:${SECRET}`],
  // redis-commands.ts: each `AUTH` reads the words of the rest of the line. Each `;AUTH` starts
  // a command of its own, never an `AUTH` argument: no password anywhere.
  ["`AUTH ;` repeated (a Redis command's words read to the line's end at each command)", "AUTH ;", (count) => "AUTH ;".repeat(count)],
  // Each `;get` (a command's name in lower case glued after `;`) ends the `AUTH` before it; the
  // name is read back from each word's end only.
  [
    "`AUTH s3cr3tPw;get ` repeated (a lower-case command's name after each password)",
    "AUTH s3cr3tPw;get ",
    (count) => "AUTH [REDACTED:secret];get ".repeat(count),
  ],
  // name-field.ts: each `=` after a person's, a card holder's or a street's field name started a
  // value running to the end of the blank-free run, read and judged again at every one.
  ["`user.name=` repeated (a person's field, each value the rest of the run)", "user.name=", (count) => "user.name=".repeat(count)],
  ["`owner.name=` repeated", "owner.name=", (count) => "owner.name=".repeat(count)],
  ["`user.full_name=` repeated", "user.full_name=", (count) => "user.full_name=".repeat(count)],
  ["`customer.name=` repeated", "customer.name=", (count) => "customer.name=".repeat(count)],
  ["`user.name=a` repeated (each value a word and the rest of the run)", "user.name=a", (count) => "user.name=a".repeat(count)],
  ["`rua=` repeated (a street's field)", "rua=", (count) => "rua=".repeat(count)],
  ["`address=` repeated", "address=", (count) => "address=".repeat(count)],
  // secret-parameter.ts: a key's namespace glued to its part (`pwd:pwd:…`) is no field, but its
  // value was read to the end of the run before the field was rejected, at every colon.
  ["`pwd:` repeated (a key's namespace at every colon)", "pwd:", (count) => "pwd:".repeat(count)],
  ["`token:` repeated", "token:", (count) => "token:".repeat(count)],
  ["`session:` repeated", "session:", (count) => "session:".repeat(count)],
  // known-token.ts: a base64 token's body holds its own prefix after `/`, `+` or `=`, so each
  // `glc_` started a candidate running to the run's end, rejected as words at every one.
  ["`glc_/` repeated (a Grafana token's prefix inside another's body)", "glc_/", (count) => "glc_/".repeat(count)],
  ["`glc_+` repeated", "glc_+", (count) => "glc_+".repeat(count)],
  ["`sntrys_=` repeated (a Sentry token's)", "sntrys_=", (count) => "sntrys_=".repeat(count)],
  ["`sntrys_/` repeated", "sntrys_/", (count) => "sntrys_/".repeat(count)],
  // GitLab's personal access and runner tokens' bodies hold dots: the same after each `.`.
  ["`glpat-.` repeated (a GitLab token's prefix inside another's body)", "glpat-.", (count) => "glpat-.".repeat(count)],
  ["`glrt-.` repeated", "glrt-.", (count) => "glrt-.".repeat(count)],
  ["`glpat-a.` repeated", "glpat-a.", (count) => "glpat-a.".repeat(count)],
  // A placeholder of the issued shape (`glpat-` and 20 `x`) is none: the search went on from it to the run's end at every one.
  ["`glpat-xxxxxxxxxxxxxxxxxxxx.` repeated (a placeholder of the issued shape)", "glpat-xxxxxxxxxxxxxxxxxxxx.", (count) => "glpat-xxxxxxxxxxxxxxxxxxxx.".repeat(count)],
  // credentials.ts: each `basic <word>` was decoded as base64 by a throwing `atob` (linear, but
  // a throw at each word: 64 KB took 150 ms).
  ["`basic ` repeated (a Basic scheme's word that is no base64)", "basic ", (count) => "basic ".repeat(count)],
  // evidence.ts: a password option's name (`-p`, `-a`, `-P`, `-u`) had the whole text searched
  // for the programs that take one (and `-p<letter>` for a MySQL client's name) at every flag:
  // 64 KB took over a second.
  ["`-p ` repeated (a password option's name without its program)", "-p ", (count) => "-p ".repeat(count)],
  ["`-a ` repeated", "-a ", (count) => "-a ".repeat(count)],
  ["`-P ` repeated", "-P ", (count) => "-P ".repeat(count)],
  ["`-u ` repeated", "-u ", (count) => "-u ".repeat(count)],
  ["`-px ` repeated (a MySQL client's glued password without the client)", "-px ", (count) => "-px ".repeat(count)],
  // name-field.ts: after a spaced `=`, an identifier's code shape (camelCase, a capital inside)
  // was a regex of nested runs of word characters, tried at each split of the word: 64 KB took
  // seconds. The identifier is now judged by the rewrite, once per value.
  ["`FullName = FullName,` repeated (an identifier assigned in code)", "FullName = FullName,", (count) => "FullName = FullName,".repeat(count)],
  ["`first_name = firstName;` repeated", "first_name = firstName;", (count) => "first_name = firstName;".repeat(count)],
  ["`full_name = aA` repeated (each value a camelCase word and the next name)", "full_name = aA", (count) => "full_name = aA".repeat(count)],
  ["`full_name = JoAnn,` repeated (a name with a capital inside)", "full_name = JoAnn,", (count) => "full_name = [REDACTED:person_name],".repeat(count)],
  // name-field.ts, person-name-field.ts: a title before a name field's value, particles before its last word.
  ["`full_name = Dr. Ana ` repeated (a titled name)", "full_name = Dr. Ana ", (count) => "full_name = Dr. [REDACTED:person_name] ".repeat(count)],
  ["`full_name = Ana da ` repeated (a particle before the next name)", "full_name = Ana da ", (count) => "full_name = [REDACTED:person_name] da ".repeat(count)],
  // street-address.ts: a street field's value asked whether a longer street line starts there.
  ["`address = 742 Evergreen Terrace, ` repeated", "address = 742 Evergreen Terrace, ", (count) => "address = [REDACTED:street_address], ".repeat(count)],
  // postal-code-parameter.ts: a spaced `=` read back for an SQL condition's word before its name.
  ["`debug = on\\nzip = 94105\\n` repeated (the line before's value is no condition)", "debug = on\nzip = 94105\n", (count) => "debug = on\nzip = [REDACTED:postal_code]\n".repeat(count)],
];

describe("a trigger word repeated with a short unit, about 16 KB", () => {
  it.each(cases)("is redacted the same as a log body: %s", (_name, unit, expected) => {
    const count = units(unit);
    expect(logRow(unit.repeat(count)).Body).toBe(expected(count));
  });

  it.each(cases)("is redacted the same as a log attribute: %s", (_name, unit, expected) => {
    const count = units(unit);
    const row = logRow("order placed", [{ key: "details", value: { stringValue: unit.repeat(count) } }]);
    // Attributes are written flat, `[key, value, …]` sorted by key; `redaction.*` counts follow.
    expect((row.LogAttributes as string[]).slice(0, 2)).toEqual(["details", expected(count)]);
  });
});

/** A Grafana Cloud access policy token's shape (`token-formats.ts`), letters and digits, with a `/` of its base64. */
const GRAFANA_TOKEN = "glc_eyJvIjoiMTIzNDU2IiwibiI6InN0YWNr/LTEyMy1obS1yZWFkIiwiayI6IjhkN2U1ZjIxIn0=";

describe("a run of base64 token prefixes around a token", () => {
  it("redacts a token after prefixes that read as words, as one match from the first prefix", () => {
    // The first `glc_` starts a body that runs over the rest and holds the token's characters:
    // one generated match, as before the prefixes inside it were passed over.
    expect(logRow(`sent glc_/glc_/${GRAFANA_TOKEN} to grafana`).Body).toBe("sent [REDACTED:known_token] to grafana");
  });

  it("keeps prefixes that read as words and redacts the token after a blank", () => {
    expect(logRow(`${"glc_/".repeat(400)} ${GRAFANA_TOKEN}`).Body).toBe(`${"glc_/".repeat(400)} [REDACTED:known_token]`);
  });
});

describe("a name field's unquoted word of more than 512 characters is no name", () => {
  // A login, an e-mail address (254 characters at most) or a name, URL-encoded or not, is
  // shorter: a longer word is not read as the field's value (name-field.ts, MAX_UNQUOTED_WORD),
  // so that its many `=` are not each judged with the rest of the word.
  it("redacts a word of 512 characters", () => {
    const word = `JOHN+SMITH+${"X".repeat(501)}`;
    expect(logRow(`charge card_holder=${word} ok`).Body).toBe("charge card_holder=[REDACTED:card_holder] ok");
  });

  it("keeps a word of 513 characters, once redacted whole", () => {
    const word = `JOHN+SMITH+${"X".repeat(502)}`;
    expect(logRow(`charge card_holder=${word} ok`).Body).toBe(`charge card_holder=${word} ok`);
  });

  it("judges a field inside a long word on its own (`card_holder=` repeated was redacted whole)", () => {
    // The last fields' words are short enough: the one whose rest of the run fits is judged as
    // a field is, and the holder's key reads any word as a name.
    const text = "card_holder=".repeat(1366);
    const kept = text.length - "card_holder=".length * 42;
    expect(logRow(text).Body).toBe(`${text.slice(0, kept)}[REDACTED:card_holder]`);
  });

  it("keeps `user.name=é` repeated, once redacted whole as a person's name", () => {
    expect(logRow("user.name=é".repeat(1490)).Body).toBe("user.name=é".repeat(1490));
  });
});

describe("a long word after a name field's spaced `=`", () => {
  // name-field.ts: the word is read for code once from the `=` (at most 64 characters for a
  // member's or a call's name), not at each split of it; it is no name (more than 512 characters).
  it.each(["full_name = ", "display_name = ", "full_name="])("keeps %j before 16 KB of `aA`", (field) => {
    const text = `${field}${"aA".repeat(8192)}-`;
    expect(logRow(text).Body).toBe(text);
  });
});

/**
 * A secret's name, its separator and a long run of blanks (core-robustness.test.ts stores such
 * texts): a pattern that reads the name back in a lookbehind over `[ \t]*` or `[ \t]+` read the
 * whole run back at each of its blanks, quadratic in the run (16 KB after `password=` took
 * seconds, 64 KB a Worker's CPU limit). A search is tried at every position, so the read is
 * bounded only when something refusing a blank is asked before such a lookbehind: then each blank
 * costs one look at one character and the run is read back once, from the first character after
 * it. The shapes are read from the sources, never timed; what redaction writes for 64 KB runs is
 * pinned.
 */
describe("a secret's name and a long run of blanks", () => {
  const policy = defaultRedactionPolicy();
  const run = " ".repeat(65_536);

  /** What is asked before a lookbehind so that it is never tried at a blank. */
  const GUARDS = [String.raw`(?=\S)`, String.raw`(?![ \t])`, "(?=[A-Za-z0-9])"];
  /** `[ \t]*`, `[ \t]+`, `\s*`, `\s+`: a run of blanks as the sources spell it. */
  const BLANK_RUN = /\[ \\t\][*+]|\\s[*+]/;
  /** A lookbehind ending in a character that is no blank (`…"[\w.@]{1,128}")`, `…[ \t]*:)`): read back from a blank, it fails at once. */
  const ENDS_IN_NO_BLANK = /[A-Za-z0-9"':=,{/]\)$/;
  /** Whether `lookbehind` may read a run of blanks back from a blank. */
  const readsBlanksBack = (lookbehind: string) => BLANK_RUN.test(lookbehind) && !ENDS_IN_NO_BLANK.test(lookbehind);

  /** Calls `each` with the index of each character of `source` outside escapes and character classes, and its group depth. */
  function walk(source: string, each: (at: number, depth: number) => boolean | void): void {
    let depth = 0;
    let inClass = false;
    for (let i = 0; i < source.length; i++) {
      const c = source[i];
      if (c === "\\") i++;
      else if (inClass) inClass = c !== "]";
      else if (c === "[") inClass = true;
      else if (c === ")" && --depth === 0 && each(i, 0) === true) return;
      else if (c !== ")" && each(i, depth) === true) return;
      if (c === "(" && !inClass) depth++;
    }
  }

  /** The group of `source` opening at `at`, to its closing parenthesis. */
  function groupAt(source: string, at: number): string {
    let end = source.length - 1;
    walk(source.slice(at), (i, depth) => {
      if (depth === 0 && source[at + i] === ")") end = at + i;
      return depth === 0 && source[at + i] === ")";
    });
    return source.slice(at, end + 1);
  }

  /** The alternatives of `source` at its top level, a group around the whole of one opened. */
  function topAlternatives(source: string): string[] {
    const alternatives: string[] = [];
    let start = 0;
    walk(source, (i, depth) => {
      if (depth === 0 && source[i] === "|") alternatives.push(source.slice(start, i)), (start = i + 1);
    });
    alternatives.push(source.slice(start));
    return alternatives.flatMap((alternative) => (alternative.startsWith("(?:") && groupAt(alternative, 0) === alternative ? topAlternatives(alternative.slice(3, -1)) : [alternative]));
  }

  /**
   * The lookbehinds of `source` reading a run of blanks back (`readsBlanksBack`) that a search tries at a blank: one
   * opening the pattern or one of its alternatives, unless a guard (`GUARDS`) opens the pattern
   * or the alternative; and one right after a run of blanks the pattern reads (`[ \t]*(?:(?<=…`),
   * unless a guard comes first.
   */
  function unguardedLookbehinds(source: string): string[] {
    const found: string[] = [];
    if (!GUARDS.some((guard) => source.startsWith(guard))) {
      for (const alternative of topAlternatives(source)) {
        if (alternative.startsWith("(?<=") && readsBlanksBack(groupAt(alternative, 0))) found.push(groupAt(alternative, 0).slice(0, 80));
      }
    }
    for (const after of source.matchAll(/(?:\[ \\t\][*+]|\\s[*+])(?:\(\?:)*\(\?<=/g)) {
      const lookbehind = groupAt(source, after.index + after[0].length - 4);
      if (readsBlanksBack(lookbehind)) found.push(lookbehind.slice(0, 80));
    }
    return found;
  }

  /** `[ \t]*`, `[ \t]+`, `\s*`, `\s+` opening an alternative: tried at each blank of a run, it reads the rest of the run there. */
  const OPENS_WITH_BLANK_RUN = /^(?:\[ \\t\]|\\s)[*+]/;

  /**
   * The alternatives of `source` that open with a run of blanks (`OPENS_WITH_BLANK_RUN`:
   * `[ \t]*=>`): a search tried at each blank of a long run reads the rest of it from each
   * (quadratic) unless something refusing a blank before it comes first (`(?<![ \t])`,
   * `(?<=[^\s;|>"])`), which leaves the run's first blank only.
   */
  function unguardedBlankRuns(source: string): string[] {
    return topAlternatives(source)
      .filter((alternative) => OPENS_WITH_BLANK_RUN.test(alternative))
      .map((alternative) => alternative.slice(0, 80));
  }

  it("no built-in detector's alternative reads a run of blanks on from each of its blanks", () => {
    const found = BUILT_IN_DETECTORS.flatMap((detector) => unguardedBlankRuns(detector.source).map((alternative) => `${detector.kind}: ${alternative}`));
    expect(found).toEqual([]);
  });

  it("the check of alternatives finds the shapes it forbids", () => {
    expect(unguardedBlankRuns(String.raw`=x|[ \t]*=>(?<=\w[ \t]*=>)\d{5}`)).toHaveLength(1);
    expect(unguardedBlankRuns(String.raw`(?:\s+AUTH|x)`)).toHaveLength(1);
    expect(unguardedBlankRuns(String.raw`=x|(?<![ \t])[ \t]*=>(?<=\w[ \t]*=>)\d{5}`)).toEqual([]);
    expect(unguardedBlankRuns(String.raw`(?<=[^\s;|>"])[ \t]+AUTH`)).toEqual([]);
  });

  it("no built-in detector's lookbehind reads a run of blanks back at each of its blanks", () => {
    const found = BUILT_IN_DETECTORS.flatMap((detector) => unguardedLookbehinds(detector.source).map((lookbehind) => `${detector.kind}: ${lookbehind}`));
    expect(found).toEqual([]);
  });

  it("the check itself finds the shapes it forbids", () => {
    expect(unguardedLookbehinds(String.raw`(?<=password[ \t]+)\S+|x`)).toHaveLength(1);
    expect(unguardedLookbehinds(String.raw`x|(?:(?<=,[ \t]*)input=\S+)`)).toHaveLength(1);
    expect(unguardedLookbehinds(String.raw`token[ \t]*=[ \t]*(?:(?<=[?|&/]=[ \t]*)(?![ \t])|\S)`)).toHaveLength(1);
    expect(unguardedLookbehinds(String.raw`(?=\S)(?:(?<=password[ \t]+)\S+|(?<=,[ \t]*)input)`)).toEqual([]);
    expect(unguardedLookbehinds(String.raw`token[ \t]*=[ \t]*(?:(?![ \t])(?<=[?|&/]=[ \t]*)|\S)`)).toEqual([]);
    expect(unguardedLookbehinds(String.raw`:(?<=name[ \t]*:)\S+`)).toEqual([]);
  });

  it.each(["password=", "password =", "token =", "jwt =", "password :", "secret:", "api_key :", "authz=", "token ??=", "session id", "input_value=1 [", '[["a", 1], '])(
    "keeps 64 KB of blanks after %j as they are",
    (head) => {
      expect(redactString(head + run, policy).text).toBe(head + run);
    },
  );

  it.each([
    ["password = x", "", `password = ${SECRET}${run}`],
    ["password = x;", "end", `password = ${SECRET};${run}end`],
    ["session id", "abc123def456", undefined],
  ])("redacts the value before or after 64 KB of blanks: %j … %j", (head, tail, expected) => {
    const text = redactString(head + run + tail, policy).text;
    if (expected !== undefined) expect(text).toBe(expected);
    else expect(text).toMatch(new RegExp(`^session id {65536}\\[REDACTED:secret:[0-9a-f]{16}\\]$`));
  });
});

/**
 * A secret's name, a word and a long run of blanks before more text (`password: changed` and
 * 64 KB of blanks and `x`; `cookie: ` and a run of `;`): functions that search a value or a line
 * without an anchor read the rest of the run from each of its blanks or marks, quadratic in the
 * run (64 KB took 30 s). A log's next `name=` pair after a value and the value's sentence
 * punctuation at its end (secret-parameter.ts), a note after a name (`(Deleted User)`,
 * no-name-values.ts) and PHP's `=>` after a postal code's name (postal-code-parameter.ts) are
 * now looked for from a run's first blank or mark only, and a Redis command's prompt (`redis> AUTH pw`)
 * only where a `>` ends the text before the command (redis-commands.ts: `AUTH a, ` repeated
 * tried a long search at each `AUTH`). What redaction writes for 64 KB runs is pinned.
 */
describe("a secret's name, a word and a long run of blanks before more text", () => {
  const policy = defaultRedactionPolicy();
  const run = " ".repeat(65_536);
  const mixed = " \t".repeat(32_768);

  it.each([
    ["password: changed", run, "x", `password: ${SECRET}`],
    ["token: refreshed", run, "x", `token: ${SECRET}`],
    ["password: for user 42", run, "x", `password: ${SECRET}`],
    ["token: to", run, "abc", `token: ${SECRET}`],
    ["password: changed", mixed, "x", `password: ${SECRET}`],
    ["password=x", run, "x", `password=${SECRET}${run}x`],
    ["password: failed", run, "x", `password: failed${run}x`],
    ["zip: ", run, "x", `zip: ${run}x`],
    ["'zip'", run, "=> 94103", `'zip'${run}=> [REDACTED:postal_code]`],
    ["street: changed", run, "x", "street: [REDACTED:street_address]"],
    ["street: changed", mixed, "Ana", "street: [REDACTED:street_address]"],
    // A run of `;` after the name: the value's trailing sentence punctuation was looked for from each.
    ["cookie: ", ";".repeat(65_536), "x", `cookie: ${SECRET}`],
    ["session: ", ";".repeat(65_536), "x", `session: ${";".repeat(65_536)}x`],
  ])("redacts %j, 64 KB of blanks (with tabs, or of \`;\`) and what follows as before", (head, blanks, tail, expected) => {
    expect(redactString(head + blanks + tail, policy).text).toBe(expected);
  });

  // A run of marks or digits before more text: a regex for the marks ending a word (`[.!?]+$`,
  // a form's `+` blanks) was tried at each mark, and a street's check for a machine's address
  // split a run of digits each way.
  it.each([
    ["AUTH ", ".", "x", "AUTH [REDACTED:secret]"],
    ["AUTH changed", "?", "x", "AUTH [REDACTED:secret]"],
    ["AUTH x", "!", "x", "AUTH [REDACTED:secret]"],
    ["street: x", "+", "x", "street: [REDACTED:street_address]"],
    ["street: ", "0", "x", `street: ${"0".repeat(65_536)}x`],
  ])("redacts %j, 64 KB of %j and %j as before", (head, mark, tail, expected) => {
    expect(redactString(head + mark.repeat(65_536) + tail, policy).text).toBe(expected);
  });

  it("redacts `AUTH a, ` repeated to 64 KB: the first command's password only, its clause's comma kept", () => {
    expect(redactString("AUTH a, ".repeat(8192), policy).text).toBe(`AUTH [REDACTED:secret], ${"AUTH a, ".repeat(8191)}`);
  });

  // A secret's name repeated: each of its thousands of fields asked again whether `password` names
  // a secret, as nothing a text's scan asks is remembered past the text (bounded-memo.ts).
  it.each([
    ["password: Ab1!x => ", `${`password: ${SECRET} => `.repeat(3449)}passw`],
    ["password: ", `${`password: ${SECRET} `.repeat(3276)}password: ${SECRET}`],
    ["user_name=", "user_name=".repeat(6554).slice(0, 65_536)],
    ["password changed from Ab1! to ", "password changed from Ab1! to ".repeat(2185).slice(0, 65_536)],
    ["config set requirepass Ab1!x ", `${"config set requirepass [REDACTED:secret] ".repeat(2259)}config set requirepass [REDACTED:secret]`],
    ["requirepass Ab1!x\n", `${"requirepass [REDACTED:secret]\n".repeat(3640)}requirepass [REDACTED:secret]`],
  ])("redacts %j repeated to 64 KB as before", (unit, expected) => {
    expect(redactString(unit.repeat(Math.ceil(65_536 / unit.length)).slice(0, 65_536), policy).text).toBe(expected);
  });
});

/**
 * A command that takes a password as an argument and long runs of blanks (`passwd` and 8 KB of
 * blanks, `passwd` and 64 blanks repeated): its forms are lookbehinds asked after each blank,
 * and one reading back a run of blanks unbounded read the run again from each of its blanks
 * (1.6 s for 8 KB). Its blanks are now bounded (command-passwords.ts); what is written is pinned.
 */
describe("a command taking a password as an argument and long runs of blanks", () => {
  const policy = defaultRedactionPolicy();
  const to64k = (unit: string) => unit.repeat(Math.ceil(65_536 / unit.length)).slice(0, 65_536);

  it("reads no run of blanks unbounded", () => {
    expect(COMMAND_PASSWORD_SOURCE).not.toMatch(/\[ \\t\][*+]|\\s[*+]/);
  });

  it.each(["passwd ", "htpasswd -b f alice ", "net user alice ", "net use \\\\srv\\share ", "rabbitmqctl add_user alice ", "echo alice:", "echo x"])(
    "keeps %j, 8 KB of blanks and `x S3cr3t!pw` as they are",
    (head) => {
      const text = `${head}${" ".repeat(8192)}x S3cr3t!pw | chpasswd`;
      expect(redactString(text, policy).text).toBe(text);
    },
  );

  it.each(["passwd" + " ".repeat(64), "passwd" + " ".repeat(512), "htpasswd -b f alice" + " ".repeat(64), "net user a" + "\t".repeat(64)])(
    "keeps %j repeated to 64 KB as it is",
    (unit) => {
      expect(redactString(to64k(unit), policy).text).toBe(to64k(unit));
    },
  );

  it("still redacts a password after eight blanks", () => {
    expect(redactString(`htpasswd -b f alice${" ".repeat(8)}S3cr3t!pw`, policy).text).toBe(`htpasswd -b f alice${" ".repeat(8)}${SECRET}`);
  });
});
