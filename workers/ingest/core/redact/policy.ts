import { BUILT_IN_DETECTORS, type Detector } from "./detectors";
import { SECRET_PARAM_KIND } from "./detectors/secret-parameter";
import { REDIS_PASSWORD_KIND } from "./detectors/redis-command";
import { POSTAL_CODE_KIND } from "./detectors/postal-code-parameter";
import { createKeyedHasher } from "./keyed-hash";
import { DEFAULT_GEO_PRECISION, GEO_PRECISIONS, geoPrecisionLevel, type GeoPrecision } from "./geo";
import { VISITOR_LOCATION_KIND, visitorLocationDetector } from "./detectors/visitor-location";
import { KeyRules } from "./key-rules";
import { holdsPersonName } from "./person-names";
import { SQL_BOUND_PARAMETER_DETECTOR, sqlBoundParameterDetector } from "./detectors/sql-bound-parameter";
import { NAMED_VALUES_DETECTOR, namedValuesDetector } from "./detectors/named-values";
import { DATABASE_ERROR_VALUES_DETECTOR, databaseErrorValuesDetector } from "./detectors/database-error-values";
import { BUILT_IN_KINDS, CARD_HOLDER_KIND, DROPPED_KIND, HASHED_KIND, PERSON_NAME_KIND, SECRET_KEY_KIND, STREET_ADDRESS_KIND, redactionMarker } from "./kinds";
import { REDACTION_FAILED_KIND } from "./failures";
import { TextScanner } from "./text-scanner";
import { shown, shownType } from "../../../shared/env-schema";

/** Long enough that the secret cannot be guessed to reverse the hashes of low-entropy ids. */
const MIN_HASH_SECRET_LENGTH = 16;

/**
 * Extra patterns declare no evidence, so each one searches every string: the bound is their
 * cost, not the scanner's masks (which only the built-in detectors, with evidence, take).
 */
const MAX_EXTRA_PATTERNS = 16;

/**
 * The redaction policy as configured. Every field has a default, so `{}` is the default policy:
 * every built-in detector on, no extra keys dropped, kept or hashed, `geo.*` kept down to the
 * region. `hashSecret` also keys the hashes that replace identifying values in metric
 * attributes; without it their key is random (see `RedactionPolicy.seriesHash`).
 */
export interface RedactionPolicyConfig {
  enabled: boolean;
  dropKeys: string[];
  keepKeys: string[];
  hashKeys: string[];
  hashSecret: string | undefined;
  geoPrecision: GeoPrecision;
  extraPatterns: { name: string; pattern: string }[];
  disabledDetectors: string[];
}

/** Where in a policy a problem is: a field, an item's index, an extra pattern's member. */
export type PolicyPath = (string | number)[];
type Path = PolicyPath;

/**
 * How problems name a place in the policy: by default its path (`extraPatterns.0.name`); the
 * ingest Worker names the setting instead (`REDACTION_EXTRA_PATTERNS[0].name`).
 */
export type PolicyPathNames = (path: PolicyPath) => string;

const policyPath: PolicyPathNames = (path) => path.join(".") || "(policy)";

/**
 * The problems found reading a policy, each "place message" (`extraPatterns.0.name must be …`).
 * When a value is not of its field's type, the checks across fields, which read the fields'
 * values, are not run.
 */
class PolicyProblems {
  readonly found: string[] = [];
  /** How many values were not of their field's type. */
  wrongTypes = 0;

  constructor(readonly name: PolicyPathNames = policyPath) {}

  add(path: Path, message: string): void {
    this.found.push(`${this.name(path)} ${message}`);
  }

  addWrongType(path: Path, message: string): void {
    this.wrongTypes++;
    this.add(path, message);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A list of strings, each checked by `problem` (a message, or undefined when the item is fine). */
function readStringList(
  raw: unknown,
  path: Path,
  listMessage: string,
  problems: PolicyProblems,
  problem: (item: string) => string | undefined,
): string[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.addWrongType(path, `${listMessage}, got ${shown(raw)}`);
    return [];
  }
  raw.forEach((item: unknown, index) => {
    if (typeof item !== "string") return problems.addWrongType([...path, index], `must be a string, got ${shown(item)}`);
    const message = problem(item);
    if (message !== undefined) problems.add([...path, index], message);
  });
  return raw as string[];
}

function readKeyList(raw: unknown, field: string, problems: PolicyProblems): string[] {
  return readStringList(raw, [field], "must be a list of attribute keys", problems, (key) =>
    key.length === 0 ? "must not contain an empty key" : undefined,
  );
}

/** A secret's string: an error names the JSON type received, never the value. */
function readOptionalSecret(raw: unknown, field: string, problems: PolicyProblems): string | undefined {
  if (raw === undefined || typeof raw === "string") return raw;
  problems.addWrongType([field], `must be a string, got ${shownType(raw)}`);
  return undefined;
}

const EXTRA_PATTERN_NAME = /^[a-z][a-z0-9_]*$/;

/** An extra pattern's members: nothing else is read, so nothing else may be written. */
const EXTRA_PATTERN_MEMBERS = ["name", "pattern"];


function readExtraPatterns(raw: unknown, problems: PolicyProblems): { name: string; pattern: string }[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.addWrongType(["extraPatterns"], `must be a list of { name, pattern }, got ${shown(raw)}`);
    return [];
  }
  const extras = raw.map((item: unknown, index) => {
    const path = ["extraPatterns", index];
    if (!isRecord(item)) {
      problems.addWrongType(path, `must be an object { name, pattern }, got ${shown(item)}`);
      return { name: "", pattern: "" };
    }
    // A member read nowhere would be a promise not kept: `"flags": "i"` left the pattern
    // case-sensitive, so values in the other case went through unredacted.
    const unknown = Object.keys(item).filter((member) => !EXTRA_PATTERN_MEMBERS.includes(member));
    if (unknown.length > 0) {
      problems.add(
        path,
        `has unknown members ${unknown.map((member) => JSON.stringify(member)).join(", ")}: only name and pattern are read ` +
          "(no flags: for either case write both into the pattern, e.g. [Cc][Uu][Ss][Tt]-\\d{6})",
      );
    }
    const { name, pattern } = item;
    if (name === undefined) problems.addWrongType([...path, "name"], "is required");
    else if (typeof name !== "string") problems.addWrongType([...path, "name"], `must be a string, got ${shown(name)}`);
    else if (!EXTRA_PATTERN_NAME.test(name)) {
      problems.add([...path, "name"], `must be lower-case letters, digits and underscores, got ${JSON.stringify(name)}`);
    }
    if (typeof pattern !== "string") {
      const got = pattern === undefined ? "" : `, got ${shown(pattern)}`;
      problems.addWrongType([...path, "pattern"], `is required: a JavaScript regular expression source${got}`);
    }
    return { name: String(name), pattern: String(pattern) };
  });
  if (raw.length > MAX_EXTRA_PATTERNS) {
    problems.add(["extraPatterns"], `must hold at most ${MAX_EXTRA_PATTERNS} patterns`);
  }
  return extras;
}

/** The policy's fields with their defaults, and every problem with them. */
function readPolicyConfig(input: unknown, problems: PolicyProblems): RedactionPolicyConfig | undefined {
  if (!isRecord(input)) {
    problems.addWrongType([], "must be an object");
    return undefined;
  }
  const enabled = input["enabled"] === undefined ? true : input["enabled"];
  if (typeof enabled !== "boolean") problems.addWrongType(["enabled"], `must be true or false, got ${shown(enabled)}`);
  const geoPrecision = input["geoPrecision"] === undefined ? DEFAULT_GEO_PRECISION : input["geoPrecision"];
  if (!GEO_PRECISIONS.includes(geoPrecision as GeoPrecision)) {
    problems.addWrongType(["geoPrecision"], `must be one of ${GEO_PRECISIONS.join(", ")}, got ${JSON.stringify(geoPrecision)}`);
  }
  return {
    enabled: enabled as boolean,
    dropKeys: readKeyList(input["dropKeys"], "dropKeys", problems),
    keepKeys: readKeyList(input["keepKeys"], "keepKeys", problems),
    hashKeys: readKeyList(input["hashKeys"], "hashKeys", problems),
    hashSecret: readOptionalSecret(input["hashSecret"], "hashSecret", problems),
    geoPrecision: geoPrecision as GeoPrecision,
    extraPatterns: readExtraPatterns(input["extraPatterns"], problems),
    // Read in any case, shown as written when it names none.
    disabledDetectors: readStringList(input["disabledDetectors"], ["disabledDetectors"], "must be a list of detector names", problems, (kind) =>
      BUILT_IN_KINDS.includes(kind.toLowerCase())
        ? undefined
        : `names no built-in detector: ${JSON.stringify(kind)} (known: ${BUILT_IN_KINDS.join(", ")})`,
    ).map((kind) => (typeof kind === "string" ? kind.toLowerCase() : kind)),
  };
}

/** The checks across fields: a hash secret for hashed keys, no key in two lists, usable extra patterns. */
function checkPolicy(policy: RedactionPolicyConfig, problems: PolicyProblems): void {
  if (policy.hashKeys.length > 0 && policy.hashSecret === undefined) {
    problems.add(["hashSecret"], `is required when ${problems.name(["hashKeys"])} is set: the key of the keyed hash`);
  }
  // Whenever set, for it keys the series hashes of metric attributes too (seriesHash).
  if (policy.hashSecret !== undefined && policy.hashSecret.trim().length < MIN_HASH_SECRET_LENGTH) {
    problems.add(["hashSecret"], `must be at least ${MIN_HASH_SECRET_LENGTH} characters long, not counting spaces around it`);
  }
  reportKeysInTwoLists(policy, problems);
  // Two patterns of one name would report their finds as one kind, and the second would read
  // as a copy-paste slip, not a choice.
  const firstOfName = new Map<string, number>();
  policy.extraPatterns.forEach((extra, index) => {
    const first = firstOfName.get(extra.name);
    if (first !== undefined) {
      problems.add(["extraPatterns", index, "name"], `must not repeat ${JSON.stringify(extra.name)}, the name of ${problems.name(["extraPatterns", first])}`);
    } else firstOfName.set(extra.name, index);
    const problem = patternProblem(extra.pattern);
    if (problem !== undefined) problems.add(["extraPatterns", index, "pattern"], problem);
    if (RESERVED_KINDS.has(extra.name)) {
      problems.add(["extraPatterns", index, "name"], `must not reuse the built-in kind "${extra.name}"`);
    }
  });
}

/**
 * Reads a policy as configured (JSON-like: missing fields take their defaults, other members
 * of the policy are ignored, an extra pattern's are refused): the policy, or every problem with it, each "field message" in the fields' order
 * with the checks across fields last.
 */
export function readRedactionPolicyConfig(
  input: unknown,
  names?: PolicyPathNames,
): { ok: true; config: RedactionPolicyConfig } | { ok: false; problems: string[] } {
  const problems = new PolicyProblems(names);
  const config = readPolicyConfig(input, problems);
  if (config !== undefined && problems.wrongTypes === 0) checkPolicy(config, problems);
  return config !== undefined && problems.found.length === 0 ? { ok: true, config } : { ok: false, problems: problems.found };
}

const RESERVED_KINDS = new Set([...BUILT_IN_KINDS, DROPPED_KIND, HASHED_KIND, REDACTION_FAILED_KIND]);

function reportKeysInTwoLists(policy: RedactionPolicyConfig, problems: PolicyProblems): void {
  const lists = ["keepKeys", "dropKeys", "hashKeys"] as const;
  const seen = new Map<string, string>();
  for (const list of lists) {
    for (const key of policy[list]) {
      const lower = key.toLowerCase();
      const other = seen.get(lower);
      if (other !== undefined && other !== list) {
        problems.add([list], `must not repeat "${key}", which is already in ${problems.name([other])}`);
      }
      seen.set(lower, list);
    }
  }
}

/**
 * Why an extra pattern is refused, or undefined when it is taken. Backreferences and named
 * groups were refused while every pattern shared one combined regex; the scanner now runs each
 * pattern alone, so these two rules could be lifted, but the accepted settings are left as
 * they were until that is decided (docs/decisions.md, 2026-11-30, "each triggered detector
 * searches with its own regex").
 */
function patternProblem(pattern: string): string | undefined {
  let compiled: RegExp;
  try {
    compiled = new RegExp(pattern);
  } catch (error) {
    return `does not compile: ${(error as Error).message}`;
  }
  if (/\\[1-9]|\\k</.test(pattern)) return "must not use backreferences";
  if (/\(\?<(?![=!])/.test(pattern)) return "must not use named groups";
  if (compiled.test("")) return "must not match the empty string";
  return undefined;
}

/** A validated policy with its regexes compiled, ready to run on every request. */
export interface RedactionPolicy {
  readonly enabled: boolean;
  /** Undefined when every text detector is off. */
  readonly scanner: TextScanner | undefined;
  /** The scanner's address detectors (IPv4, IPv6): off where an address names a server. */
  readonly addressDetectors: number;
  /** The scanner's card detector: off in the value of a key naming an id. */
  readonly cardDetectors: number;
  /**
   * Whether `secret_param` runs: then, in an argument list, the element after a flag naming a
   * secret (`["--password", "…"]`) is replaced as that flag's value.
   */
  readonly secretFlags: boolean;
  /**
   * Whether the Redis command detector runs: then, in an argument list whose first item is a
   * Redis command (`["AUTH", "default", "…"]`), the items its grammar makes passwords are replaced.
   */
  readonly redisArguments: boolean;
  readonly keyRules: KeyRules;
  /** Undefined when no key is hashed. */
  readonly hash: ((value: string) => string) | undefined;
  /**
   * The keyed hash that replaces an identifying value in metric attributes, where a marker
   * would merge distinct series: keyed with `hashSecret`, else with a random key drawn when the
   * policy is compiled (`randomSeriesKey`): the same value hashes the same for
   * as long as this policy lives, and nobody can recompute it. Never a key the source shows, for
   * anyone could then hash every IPv4 address and read the hashed ones back.
   */
  readonly seriesHash: (value: string) => string;
  /**
   * The marker a session's id leaves wherever it is found, under a session's key or by the text
   * detectors (`session_id=…`, a `Cookie`'s `JSESSIONID=…`, `session abc123…`):
   * `[REDACTED:secret:<seriesHash of the id>]`, so one session's records group in every signal
   * and nobody without the key can tell which session it was (docs/decisions.md, 2026-12-03).
   */
  readonly sessionMarker: (id: string) => string;
}

/** A key of 256 random bits, hex: the series key of a policy configured without a secret. */
function randomSeriesKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(32)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * The detectors that judge a value by its column's or name's rules, each with the maker of its
 * copy that keeps the kinds a policy withholds (its detectors turned off), as the policy keeps
 * them everywhere else.
 */
const COLUMN_RULE_COPIES: ReadonlyMap<Detector, (withheld: ReadonlySet<string>) => Detector> = new Map([
  [SQL_BOUND_PARAMETER_DETECTOR, sqlBoundParameterDetector],
  [NAMED_VALUES_DETECTOR, namedValuesDetector],
  [DATABASE_ERROR_VALUES_DETECTOR, databaseErrorValuesDetector],
]);

export function compileRedactionPolicy(config: RedactionPolicyConfig): RedactionPolicy {
  const disabled = new Set(config.disabledDetectors);
  // At `full` no postal code or location is redacted; below it, the location detector keeps the policy's levels.
  const keepsLocation = config.geoPrecision === "full";
  // The kinds an SQL column's values keep (the detectors turned off), as the policy keeps them everywhere else.
  const withheld = new Set([...disabled, ...(keepsLocation ? [POSTAL_CODE_KIND] : [])]);
  const detectors: Detector[] = [
    ...BUILT_IN_DETECTORS.filter(
      (detector) => !disabled.has(detector.kind) && !(keepsLocation && (detector.kind === POSTAL_CODE_KIND || detector.kind === VISITOR_LOCATION_KIND)),
    ).map((detector) =>
      detector.kind === VISITOR_LOCATION_KIND && config.geoPrecision !== DEFAULT_GEO_PRECISION
        ? visitorLocationDetector(geoPrecisionLevel(config.geoPrecision))
        : withheld.size > 0
          ? (COLUMN_RULE_COPIES.get(detector)?.(withheld) ?? detector)
          : detector,
    ),
    // Extra patterns declare no evidence: they run on every non-empty string, after the built-ins.
    ...config.extraPatterns.map((extra) => ({ kind: extra.name, source: extra.pattern, evidence: 0 })),
  ];
  const seriesHash = createKeyedHasher(config.hashSecret ?? randomSeriesKey());
  const sessionMarker = (id: string) => redactionMarker(`${SECRET_KEY_KIND}:${seriesHash(id)}`);
  const keyRules = new KeyRules({
    keepKeys: config.keepKeys,
    dropKeys: config.dropKeys,
    hashKeys: config.hashKeys,
    secretKeys: !disabled.has(SECRET_KEY_KIND),
    cardHolderKeys: !disabled.has(CARD_HOLDER_KIND),
    personNameKeys: !disabled.has(PERSON_NAME_KIND),
    streetAddressKeys: !disabled.has(STREET_ADDRESS_KIND),
    geoPrecision: config.geoPrecision,
  });
  // A query parameter's prose value is scanned with what its key's rule says, as an attribute of
  // that key is (query-prose.ts): a role's or a party's key's value that holds no name too (redact-request.ts).
  const parameterPlace = (key: string, value: string) => {
    const rule = keyRules.ruleFor(key);
    if (rule.action === "person_name" && (rule.nameField === "role" || rule.nameField === "party")) return holdsPersonName(value, rule.nameField) ? undefined : (rule.scanPlace ?? 0);
    return rule.action === "scan" ? rule.place : undefined;
  };
  const scanner = detectors.length > 0 ? new TextScanner(detectors, sessionMarker, parameterPlace) : undefined;
  return {
    enabled: config.enabled,
    scanner,
    addressDetectors: scanner?.maskOf(["ipv4", "ipv6"]) ?? 0,
    cardDetectors: scanner?.maskOf(["card"]) ?? 0,
    secretFlags: (scanner?.groupMaskOf([SECRET_PARAM_KIND]) ?? 0) !== 0,
    redisArguments: (scanner?.maskOf([REDIS_PASSWORD_KIND]) ?? 0) !== 0,
    keyRules,
    hash:
      config.hashKeys.length > 0 && config.hashSecret !== undefined
        ? createKeyedHasher(config.hashSecret)
        : undefined,
    seriesHash,
    sessionMarker,
  };
}

export type ParsedRedactionPolicy =
  | { ok: true; policy: RedactionPolicy }
  | { ok: false; error: string };

/**
 * Validates and compiles a policy; the error names every bad setting and why, each place as
 * `names` gives it (default: its path in the policy).
 */
export function parseRedactionPolicy(input: unknown, names?: PolicyPathNames): ParsedRedactionPolicy {
  const read = readRedactionPolicyConfig(input, names);
  if (read.ok) return { ok: true, policy: compileRedactionPolicy(read.config) };
  return { ok: false, error: `redaction policy is invalid: ${read.problems.join("; ")}` };
}

let defaultPolicy: RedactionPolicy | undefined;

/**
 * The default policy (`{}`: every built-in detector on), compiled on first use and kept. Not
 * compiled at module evaluation: the Worker compiles the policy its settings name, and
 * compiling the scanner's regexes, key rules and hashers at load only lengthened every cold
 * start.
 */
export function defaultRedactionPolicy(): RedactionPolicy {
  defaultPolicy ??= compileRedactionPolicy(readPolicyConfig({}, new PolicyProblems())!);
  return defaultPolicy;
}
