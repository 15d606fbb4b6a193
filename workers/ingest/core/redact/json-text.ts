/**
 * Key rules inside JSON text. A log body kept as the line its producer wrote, the same line in
 * `log.record.original`, arrays and deep objects that lifting stored as JSON text, and any
 * attribute holding a JSON document (a span's `http.request.body`, `graphql.variables`, an
 * event's `exception.message`) hold keys that, sent as attributes, a key rule (drop, hash,
 * credential) would rule: the rule must reach the text too, or the value it removes from an
 * attribute stays readable in the text. docs/normalization-and-redaction.md, "Key rules in
 * JSON text".
 */
import { EXACT_JSON_SUPPORTED, INEXACT_NUMBER, isRawJsonNumber, parseJsonExactly } from "../decode/exact-json";
import { firstNonBlankCharCode, lastNonBlankCharCode } from "../normalize/json-object-body";
import { propertyTokenOf } from "../normalize/message-template";
import { graphQLRequestInObject, type GraphQLDocuments, type VariableArguments } from "./graphql-variables";
import { EDN_MAP_OPENING, opensEdnMap, parseEdnMap, writeEdnMap } from "./edn-text";
import {
  CLASS_CALL_NAME,
  CLOSING_CODE,
  INSPECT_MEMBER_OPENING,
  inWordApostrophe,
  isArrowEnd,
  opensBracketObject,
  opensInspectObject,
  opensPrintedString,
  parseInspectObject,
  RECORD_NAME_CHARACTER,
  writeInspectObject,
  type InspectObject,
} from "./inspect-text";
import { headerListPairs, isEmptyPairValue, namesHeaderList, ruledPairOf } from "./name-value-pairs";
import { isNameMember, ownedNameOf } from "./name-owners";
import { blanksAfter, blanksBefore } from "./blanks";
import { countWork } from "./scan-scope";
import { keptSpelling } from "./json-spelling";
import { nameBefore } from "./secret-names";
import { parseSwiftDump, SWIFT_DUMP_MARK, swiftDumpsIn, writeSwiftDump } from "./swift-dump";

/** Leave the member to the text detectors; its own members are visited. */
export const DESCEND = 0;
/** Leave the member exactly as it is (`keepKeys`). */
export const KEEP = 1;
/** Remove the member (`dropKeys`, `geo.*` finer than the policy). */
export const REMOVE = 2;

/**
 * What a key rule makes of a member: one of the constants above, the text replacing its value, or
 * the array replacing its array (some items replaced by their texts).
 */
export type MemberAction = typeof DESCEND | typeof KEEP | typeof REMOVE | string | readonly unknown[];

export interface JsonKeyRules {
  /**
   * The action for the member holding `value` (a parsed JSON value, whose numbers may be
   * RawJsonNumbers). `path` is its keys from the JSON root, dot-joined, after the caller's
   * prefix; `rootPath` the same keys without the prefix (equal to `path` when the prefix is
   * empty). An array's items share the array's path. `name`: the member's own name, the last
   * segment of both paths, the one the text detectors read before its value. `argumentPaths`:
   * when the member is a variable of a GraphQL request (graphql-variables.ts), the arguments its
   * document passes it as; `name` is then the variable's. `prose`: the member is in an object
   * written after words (applyKeyRulesToObjectsInProse), whose members are rewritten but never
   * removed: the line stays as its producer wrote it, its text detectors mark what a removal
   * would take (`cf={"latitude":…}`).
   */
  member(path: string, rootPath: string, value: unknown, name: string, argumentPaths?: readonly string[], prose?: boolean): MemberAction;
  /** The walk starts over on an exact parse: forget what the members seen so far counted. */
  restart(): void;
  /** The GraphQL documents the request's walk read last (kept for that walk only); none: each read anew. */
  readonly graphQLDocuments?: GraphQLDocuments;
}

/**
 * Applies `rules` to every member of `text` when it is a JSON object, or an array holding one
 * (`prefix`: the path the members' paths start with, "" for none), and to the members of every
 * string inside it that is such JSON text itself (a line logging a payload it received as text:
 * `{"payload":"{\"user\":{\"id\":\"u-42\"}}"}`), at any depth, a string's members ruled by
 * the path of the member holding it (`payload.user.id`), as if the text were the object it
 * encodes. A text that is no JSON but holds JSON objects after words (`note {"credentials":…}`),
 * and such a string inside JSON text, has each object ruled as if it were the whole text, the
 * words around it left as written (applyKeyRulesToObjectsInProse). The variables of a GraphQL
 * request in it (an object with `query` and `variables`, graphql-variables.ts) are ruled knowing the arguments they are passed as; `variables` says
 * what the document beside `text` binds when `text` is the variables themselves (a
 * `graphql.variables` attribute). Returns the text with what the rules replaced, spelt as it
 * was written but for the values replaced (`keptSpelling`), or, when a rule changed its shape
 * (a member removed), re-serialized compactly (every number written as it was spelled, every other value as
 * JSON.stringify writes it; of a key named twice the last one, as JSON.parse reads it); an inner
 * text a rule changed is re-serialized the same way, in its members' order, and stays a string. Text the rules leave
 * alone, text that is no such JSON, and JSON nesting deeper than MAX_JSON_TEXT_DEPTH come back as
 * the same string; an inner text nested in more than MAX_JSON_TEXT_NESTING texts, or whose
 * objects would take the nesting past MAX_JSON_TEXT_DEPTH, is left as written (the text detectors
 * still read it) while the rest is ruled.
 *
 * Cost: an inner text is a part of the text holding it, so each level of text nesting parses at
 * most the outer text's length again: the whole walk is linear in the text's length, at most
 * MAX_JSON_TEXT_NESTING + 1 times it, whatever a hostile sender nests.
 *
 * The first walk runs on a plain `JSON.parse`, which is all that text the rules leave alone
 * costs; only when a rule changed something is the text parsed again keeping every number's
 * spelling (exact-json.ts) and walked again for the text that is written.
 */
export function applyKeyRulesToJsonText(text: string, prefix: string, rules: JsonKeyRules, variables?: VariableArguments): string {
  const parsed = parseJsonContainer(text, JSON.parse, prefix);
  if (parsed === undefined) return mayHoldJsonInProse(text) ? applyKeyRulesToObjectsInProse(text, prefix, rules) : text;
  try {
    if (!walk(parsed, prefix, "", rules, 0, 0, false, variables)) return text;
  } catch (error) {
    if (error === TOO_DEEP) return text;
    // A number JSON.parse rounded, which a rule wants whole: the exact walk below has it.
    if (error !== INEXACT_NUMBER) throw error;
  }
  rules.restart();
  const exact = parseJsonContainer(text, parseKeepingNumbers, prefix)!;
  try {
    walk(exact, prefix, "", rules, 0, 0, true, variables);
  } catch (error) {
    if (error === TOO_DEEP) return text;
    throw error;
  }
  return keptSpelling(text, JSON.stringify(exact));
}

/**
 * Whether `text` can be JSON text applyKeyRulesToJsonText works on, judged by its first
 * character alone (`{`, `[` or JSON whitespace): the one test most values pay.
 */
export function mayBeJsonContainer(text: string): boolean {
  const first = text.charCodeAt(0);
  return first === OPEN_BRACE || first === OPEN_BRACKET || first === 0x20 || first === 0x09 || first === 0x0a || first === 0x0d || isLeadingMark(first);
}

/**
 * A byte order mark (U+FEFF) or a no-break space (U+00A0) before the text: what a producer that
 * wrote a file or copied a line leaves in front of JSON, which JSON.parse rejects (RFC 8259
 * §2's whitespace is four ASCII characters) while the members are a reader's all the same.
 */
function isLeadingMark(code: number): boolean {
  return code === 0xfeff || code === 0xa0;
}

/** `text` without the byte order marks and no-break spaces in front of it (`isLeadingMark`). */
function withoutLeadingMarks(text: string): string {
  let start = 0;
  while (start < text.length && isLeadingMark(text.charCodeAt(start))) start++;
  return start === 0 ? text : text.slice(start);
}

/**
 * Levels of objects and arrays walked: lifting's deepest flattening (16) and the nesting it
 * stores as JSON text (128), with room. A log line's nesting is the line's own, which no request
 * limit sees; deeper text is left to the text detectors. The levels of inner texts count on
 * those of the text holding them.
 */
export const MAX_JSON_TEXT_DEPTH = 160;

/**
 * Levels of JSON text inside JSON text walked. Producers encode a payload as text once or twice
 * (a queue message's body inside a logged event); each level escapes every quote of the ones
 * inside again, so a level past a few is no real sender's.
 */
export const MAX_JSON_TEXT_NESTING = 8;

const TOO_DEEP = new Error(`JSON text nests more than ${MAX_JSON_TEXT_DEPTH} levels`);

const keepEveryNumber = (): boolean => true;

/** The exact parse: every number keeps its spelling, so a rewritten text writes it back as sent. */
const parseKeepingNumbers = (text: string): unknown => parseJsonExactly(text, EXACT_JSON_SUPPORTED ? keepEveryNumber : undefined);

/**
 * Whether any member changed. `path` and `rootPath`: the node's path with and without the
 * caller's prefix; `depth`: levels of objects and arrays above the node, `nesting`: texts
 * holding it; `write`: whether an inner text the rules changed is written back (the exact walk;
 * the first walk only learns whether anything changes, and stops at the first change: the exact
 * walk redoes every rule, so a text with many ruled members pays their rules, hashes included,
 * once); `variables`: the node is a GraphQL request's variables, bound so; `prose`: the node is
 * in an object written after words (`JsonKeyRules.member`). Throws TOO_DEEP past
 * MAX_JSON_TEXT_DEPTH levels.
 */
function walk(node: unknown, path: string, rootPath: string, rules: JsonKeyRules, depth: number, nesting: number, write: boolean, variables?: VariableArguments, prose = false): boolean {
  if (node === null || typeof node !== "object" || isRawJsonNumber(node)) return false;
  if (depth === MAX_JSON_TEXT_DEPTH) throw TOO_DEEP;
  let changed = false;
  if (Array.isArray(node)) {
    const items = node as unknown[];
    // A header list's name/value pairs (name-value-pairs.ts): a value is ruled under its header's name.
    const headers = headerListPairs(items, path);
    for (let i = 0; i < items.length; i++) {
      const header = headers?.get(i);
      if (header !== undefined) {
        const action = rules.member(joinedPath(path, header), joinedPath(rootPath, header), items[i], header, undefined, prose);
        if (action === KEEP || action === DESCEND) continue;
        if (!write) return true;
        // A dropped header's value: the list's shape stays, the value goes.
        items[i] = action === REMOVE ? null : action;
        changed = true;
        continue;
      }
      const ruled = ruledValue(items[i], path, rootPath, rules, depth + 1, nesting, write, undefined, prose);
      if (ruled === UNCHANGED) continue;
      if (!write) return true;
      items[i] = ruled;
      changed = true;
    }
    return changed;
  }
  const object = node as Record<string, unknown>;
  const graphQL = graphQLRequestInObject(object, rules.graphQLDocuments);
  // A name/value pair's value is ruled under the name its sibling gives it (name-value-pairs.ts).
  const pair = ruledPairOf(object);
  // A `name` is ruled as whose its siblings say it is (name-owners.ts).
  const owned = ownedNameOf(object);
  for (const name in object) {
    const value = object[name];
    const ruledAs =
      pair !== undefined && name === pair.value && !isEmptyPairValue(value) ? pair.name : owned !== undefined && isNameMember(name) ? owned : name;
    const key = path === "" ? ruledAs : `${path}.${ruledAs}`;
    // Without a prefix both paths are one string, built once.
    const rootKey = rootPath === path ? key : rootPath === "" ? ruledAs : `${rootPath}.${ruledAs}`;
    const action = rules.member(key, rootKey, value, name, variables?.get(name), prose);
    if (action === DESCEND) {
      const bound = graphQL !== undefined && name === graphQL.variablesKey ? graphQL.arguments : undefined;
      const ruled = ruledValue(value, key, rootKey, rules, depth + 1, nesting, write, bound, prose);
      if (ruled === UNCHANGED) continue;
      if (!write) return true;
      object[name] = ruled;
      changed = true;
    } else if (!write && action !== KEEP) {
      return true;
    } else if (action === REMOVE) {
      delete object[name];
      changed = true;
    } else if (action !== KEEP) {
      object[name] = action;
      changed = true;
    }
  }
  return changed;
}

/** What ruledValue returns for a value no rule changed. */
const UNCHANGED: unique symbol = Symbol("unchanged");

/**
 * The value a member or array item at `path` (`depth` levels deep; a GraphQL request's
 * `variables` when bound so) holds once the rules are applied below it: an object or array
 * changed in place (the same value), a string that is JSON text re-serialized (innerText);
 * UNCHANGED when no rule changed anything.
 */
function ruledValue(value: unknown, path: string, rootPath: string, rules: JsonKeyRules, depth: number, nesting: number, write: boolean, variables: VariableArguments | undefined, prose: boolean): unknown {
  if (typeof value === "string") {
    const ruled = innerText(value, path, rootPath, rules, depth, nesting, write, variables, prose);
    return ruled === value ? UNCHANGED : ruled;
  }
  return walk(value, path, rootPath, rules, depth, nesting, write, variables, prose) ? value : UNCHANGED;
}

/**
 * `text`, a string member at `path` (`depth` levels deep), with the rules applied to its members
 * when it is JSON text (parseJsonContainer's test), re-serialized when they changed something.
 * The same string when nothing changed, when the text is nested in MAX_JSON_TEXT_NESTING texts
 * already, or when its objects would nest past MAX_JSON_TEXT_DEPTH: that is checked before any
 * rule sees a member, so the counts of what the rules did only hold what is written.
 * In the first walk (`write` false) a changed text comes back as any other string.
 */
function innerText(text: string, path: string, rootPath: string, rules: JsonKeyRules, depth: number, nesting: number, write: boolean, variables: VariableArguments | undefined, prose: boolean): string {
  if (nesting === MAX_JSON_TEXT_NESTING) return text;
  // A class's call form or a Ruby object found in prose (`Customer(name='Ana')`, `#<User name: "Ana">`, `objectsInProse`): its `(` or `<` starts the text.
  const first = text.charCodeAt(0);
  // A Swift dump found in prose (`▿ main.User`, `swiftDumpsIn`) starts the text with its mark.
  if (first === OPEN_PAREN || first === LESS_THAN || first === SWIFT_DUMP_MARK_CODE) return ruledPrintedObject(text, path, rootPath, rules, depth, nesting, write, prose);
  if (!mayBeJsonContainer(text)) {
    return mayHoldJsonInProse(text)
      ? ruledPrintsInProse(text, (object, name) => innerText(object, joinedPath(path, name), rootPath, rules, depth, nesting, write, undefined, true))
      : text;
  }
  const parsed = parseJsonContainer(text, write ? parseKeepingNumbers : JSON.parse, path);
  if (parsed === undefined) return ruledPrintedObject(text, path, rootPath, rules, depth, nesting, write, prose);
  // Each level of objects and arrays takes two characters: a short text cannot nest too deep.
  const levels = MAX_JSON_TEXT_DEPTH - depth;
  if (text.length > 2 * levels && !fitsDepth(parsed, levels)) return text;
  if (!walk(parsed, path, rootPath, rules, depth, nesting + 1, write, variables, prose)) return text;
  return write ? JSON.stringify(parsed) : CHANGED;
}

/**
 * `text` with the rules applied to its members when it is one object as Node's util.inspect
 * prints it (inspect-text.ts: `{ name: 'Ana Silva', email: 'ana@example.com' }`, what
 * `console.log(obj)` and winston's `%o` write) or another language's print does (inspect-text.ts
 * too; an EDN map, edn-text.ts; a Swift dump, swift-dump.ts), as to the same object sent as JSON
 * text: the text as written, only the values the rules replaced written again (as the form
 * writes strings). The same string when it is no such text or the rules change nothing; in the
 * first walk (`write` false) a changed text comes back as any other string.
 */
function ruledPrintedObject(text: string, path: string, rootPath: string, rules: JsonKeyRules, depth: number, nesting: number, write: boolean, prose: boolean): string {
  const form = printedFormOf(text);
  if (form === undefined) return text;
  const read = form.parse(text, MAX_JSON_TEXT_DEPTH - depth, write);
  if (read === undefined || !walk(read.root, path, rootPath, rules, depth, nesting + 1, write, undefined, prose)) return text;
  return write ? form.write(text, read) : CHANGED;
}

/** A printed form's reader and writer (`ruledPrintedObject`); `parse`'s `placed` is whether the places are noted. */
interface PrintedForm {
  parse(text: string, maxDepth: number, placed: boolean): InspectObject | undefined;
  write(text: string, read: InspectObject): string;
}
const INSPECT_FORM: PrintedForm = { parse: parseInspectObject, write: writeInspectObject };
const EDN_FORM: PrintedForm = { parse: parseEdnMap, write: writeEdnMap };
const SWIFT_DUMP_FORM: PrintedForm = { parse: parseSwiftDump, write: writeSwiftDump };

/** The printed form `text` opens as: util.inspect's or another language's record first, an EDN map (`{:id 42`), a Swift dump (`▿ `). */
function printedFormOf(text: string): PrintedForm | undefined {
  if (opensInspectObject(text, 0)) return INSPECT_FORM;
  if (opensEdnMap(text, 0)) return EDN_FORM;
  return text.startsWith(SWIFT_DUMP_MARK) ? SWIFT_DUMP_FORM : undefined;
}

/**
 * Whether `text`, which is no JSON text, may hold a JSON object written after words, as a log
 * line writes what it sent, received or loaded (`note {"credentials":{…}}`, `user: {…}`, pino's
 * and winston's `msg {…}`, `POST /graphql {"query":…,"variables":{…}}`, several on a line): a
 * native search for a `{` opening a member (`opensMember`) or an EDN map (`{:id 42`, edn-text.ts),
 * an object as util.inspect prints one (`user { name: 'Ana Silva' }`, inspect-text.ts), or a
 * Swift dump's mark (`▿ main.User`, swift-dump.ts), so that text without one (plain prose, `{id}`
 * templates, a GraphQL document's selections) pays nothing more.
 *
 * Each opening either pattern matches holds a `{`, a `(` (a class call's, Python's
 * `User(name='…')`), a `[` (a Go map's, a Java record's, a keyword list's) or a `#` (Ruby's
 * `#<User …>`, Elixir's `#User<…>`): every alternative of INSPECT_MEMBER_OPENING opens with one of
 * them. So a text with none, as most are (words, ids, URLs, paths), is answered by native
 * searches: a pattern opening with a character class is tried at every position.
 */
export function mayHoldJsonInProse(text: string): boolean {
  if (text.indexOf(SWIFT_DUMP_OPENING) >= 0) return true;
  const brace = text.indexOf("{") >= 0;
  if (!brace && text.indexOf("(") < 0 && text.indexOf("[") < 0 && text.indexOf("#") < 0) return false;
  return (brace && (MEMBER_OPENING.test(text) || EDN_MAP_OPENING.test(text))) || INSPECT_MEMBER_OPENING.test(text);
}

/**
 * Whether `text`, at `path`, may be a header list as name/value pairs in JSON text, an array
 * with no object (`[["cookie","…"]]`, Node's `rawHeaders`): under a header list's name
 * (`namesHeaderList`), which the walk rules by its pairs (name-value-pairs.ts).
 */
export function mayBeHeaderList(text: string, path: string): boolean {
  // The first character's test first: most values are no JSON text, and pay only that.
  return mayBeJsonContainer(text) && firstNonBlankCharCode(withoutLeadingMarks(text)) === OPEN_BRACKET && namesHeaderList(path);
}

/**
 * A `{`, JSON whitespace, and the quote of a member's name (RFC 8259 §4), perhaps escaped once:
 * JSON text printed with its string's escapes (`body: {\"password\":…}`, a logger printing a
 * stringified body as a string again).
 */
const MEMBER_OPENING = /\{[ \t\n\r]*\\?"/;

/**
 * The key rules applied to each JSON object (`objectsInProse`) that `text` holds after words, as
 * applyKeyRulesToJsonText applies them to a text that is one: the object's members are ruled by
 * their paths from the object (after `prefix`), so a member under a secret's name holds the
 * secret (`note {"credentials":{"value":…}}`), a list under a person's data name is that data
 * (`{"user":{"ids":[…]}}`) and a thing's number stays (`{"pedido":{"numero":…}}`), as in the
 * same object sent as the whole text; a GraphQL request's arguments reach its variables
 * (`login(password: $p)` rules `variables.p` as a password). The words around the objects stay as
 * written, for the text detectors, and so does each object but for the values replaced
 * (`keptSpelling`). Both walks as for a text that is JSON: the first learns
 * whether anything changes, the exact one writes every object again (counted once, after
 * `restart`).
 */
function applyKeyRulesToObjectsInProse(text: string, prefix: string, rules: JsonKeyRules): string {
  let changed = false;
  try {
    ruledPrintsInProse(text, (object, name) => {
      if (!changed) changed = innerText(object, joinedPath(prefix, name), "", rules, 0, 0, false, undefined, true) !== object;
      return object;
    });
  } catch (error) {
    // A number JSON.parse rounded, which a rule wants whole: the exact walk below has it.
    if (error !== INEXACT_NUMBER) throw error;
    changed = true;
  }
  if (!changed) return text;
  rules.restart();
  // Only the values the rules replaced change; the object keeps its spelling, as a whole JSON text does.
  return ruledPrintsInProse(text, (object, name) => keptSpelling(object, innerText(object, joinedPath(prefix, name), "", rules, 0, 0, true, undefined, true)));
}

/**
 * `text` with each object written in it (`ruledObjectsInProse`) and each Swift dump
 * (`swiftDumpsIn`, named by its root's label or type: `User`) replaced by `rule(its text, its
 * name)`; the objects are looked for in the text between the dumps. Linear in the text's length.
 */
function ruledPrintsInProse(text: string, rule: (object: string, name: string) => string): string {
  if (text.indexOf(SWIFT_DUMP_OPENING) < 0) return ruledObjectsInProse(text, rule);
  let out = "";
  let copied = 0;
  swiftDumpsIn(text, (start, end, name) => {
    out += ruledObjectsInProse(text.slice(copied, start), rule) + rule(text.slice(start, end), name);
    copied = end;
  });
  return out + ruledObjectsInProse(text.slice(copied), rule);
}

/** `path` and then `name` (a name the text gives an object, `ruledObjectsInProse`), dot-joined; either alone when the other is empty. */
function joinedPath(path: string, name: string): string {
  return name === "" ? path : path === "" ? name : `${path}.${name}`;
}

/**
 * `text` with each object written in it (`objectsInProse`: from a `{` that opens a member to the
 * `}` that closes it, read past strings) replaced by `rule(object's text, its name)`. The name
 * is the label the text writes before the object (`objectName`: `user {…}`, `user: {…}`,
 * `user={…}`, `user -> {…}`, `"user": {…}`), as its member's name would be in JSON
 * (`credentials: {"value":…}` is `credentials.value`, `user {"name":…}` is `user.name`); for
 * the items of an array written so (`users [{…},{…}]`) the array's label, as the items of a JSON
 * array share its path; "" for an object after no label. Every character is read once (a name
 * at most 64 characters back, `nameBefore`) and each object parsed once by the rule, linear in
 * the text's length.
 */
function ruledObjectsInProse(text: string, rule: (object: string, name: string) => string): string {
  let out: string | undefined;
  let copied = 0;
  // The label of the array the last object was an item of ("" when none), and that item's `}`.
  let itemsName = "";
  let itemClose = -1;
  objectsInProse(text, (open, close) => {
    const object = text.slice(open, close + 1);
    // A message template's token (`{ApiKey:l}`) is a hole, no object.
    if (propertyTokenOf(object) !== undefined) return;
    const before = blanksBefore(text, open) - 1;
    const code = text.charCodeAt(before);
    if (code === OPEN_BRACKET) itemsName = objectName(text, before);
    else if (code !== COMMA || blanksBefore(text, before) - 1 !== itemClose) itemsName = "";
    itemClose = close;
    const name = itemsName !== "" ? itemsName : objectName(text, open);
    const ruled = escapedObjectAt(text, open) ? ruleEscapedObject(object, name, rule) : rule(object, name);
    if (ruled !== object) {
      out = (out ?? "") + text.slice(copied, open) + ruled;
      copied = close + 1;
    }
  });
  return out === undefined ? text : out + text.slice(copied);
}

/**
 * The objects written in prose `text`, each given to `found` (index of its `{`, index of its `}`)
 * in text order, an object as soon as it closes (no list of them is built: a text of many
 * small objects allocates nothing per object here):
 * each `{` that opens a member (`{"`, `{ "`) or an object as util.inspect prints one (`{ name:
 * 'x'`: `opensInspectObject`) outside any object, to the `}` closing it, and each `(`, `[` or `<`
 * opening another language's printed record (`opensPrintedObject`: `User(name=…)`,
 * `Customer[name=…]`, `map[name:…]`, `#<User name: …>`, PHP's `Array\n(`) to the `)`, `]` or `>`
 * closing it (not an arrow's `=>`), braces inside JSON
 * strings not counted (`"{id}"`, an escaped quote), nor, in a printed object, inside its strings
 * in single quotes or backticks (`'{id}'`). An object that closes is one
 * whole (what it nests is its own: a secret's members, a request's `variables`); one that never closes (`retry after
 * {"error": "timeout" POST /graphql {…}`, words a line cut short) is no object, and the objects
 * closed inside it stand in its place, as if it were prose. One pass with a stack of the open
 * braces, each character read once (counted as work, scan-scope.ts).
 */
function objectsInProse(text: string, found: (open: number, close: number) => void): void {
  // The open braces, outermost first, and for each level the objects closed directly inside the
  // brace open at that level (index pairs, flat): they stand for it when it never closes.
  const opens: number[] = [];
  const inside: number[][] = [];
  // Whether the outermost open object is util.inspect's or another language's print, whose strings are in single quotes or backticks too.
  let inspect = false;
  // The code opening the outermost open object, when it is no `{`: a class's call form closed by its
  // `)` (`Customer(…)`), a bracket's members by their `]` (`Customer[…]`, `map[…]`), a Ruby object by its `>`.
  let reopen = OPEN_BRACE;
  let reclose = CLOSE_BRACE;
  // The next `{`, `(`, `[` and `<` at or after `i`, each searched again only once `i` passes it
  // (-2: none is left): a native search each, as most texts hold few of the last three.
  let brace = -1;
  let paren = -1;
  let bracket = -1;
  let angle = -1;
  let escapedCloses: EscapedCloses | undefined;
  let i = 0;
  while (i < text.length) {
    if (opens.length === 0) {
      if (brace < i && brace !== -2) brace = nextIndexOf(text, "{", i);
      if (paren < i && paren !== -2) paren = nextIndexOf(text, "(", i);
      if (bracket < i && bracket !== -2) bracket = nextIndexOf(text, "[", i);
      if (angle < i && angle !== -2) angle = nextIndexOf(text, "<", i);
      const open = earliest(earliest(brace, paren), earliest(bracket, angle));
      if (open < 0) break;
      countWork(open + 1 - i);
      i = open + 1;
      reopen = text.charCodeAt(open);
      reclose = CLOSING_CODE[reopen]!;
      if (reopen !== OPEN_BRACE) {
        if (!opensPrintedObject(text, open)) continue;
        opens.push(open);
        emptied(inside, 0);
        inspect = true;
        continue;
      }
      if (escapedObjectAt(text, open)) {
        // JSON text printed with its escapes: read whole as its unescaped text is, or as prose when it never closes.
        // After one that never closes, the rest of the text is read once for all later ones (EscapedCloses).
        let close: number;
        if (escapedCloses !== undefined) close = escapedCloses.closeOf(open);
        else if ((close = escapedObjectClose(text, open)) < 0) escapedCloses = new EscapedCloses(text, open);
        if (close > 0) {
          found(open, close);
          i = close + 1;
        }
        continue;
      }
      inspect = opensInspectObject(text, open);
      if (inspect || opensMember(text.slice(open, open + MEMBER_OPENING_REACH)) || opensEdnMap(text, open)) {
        opens.push(open);
        emptied(inside, 0);
      }
      continue;
    }
    const start = i;
    const code = text.charCodeAt(i);
    if (code === QUOTE || (inspect && (code === APOSTROPHE || code === BACKTICK) && opensPrintedString(text, i))) {
      // An apostrophe between letters is a single-quoted string's own (`'Ana O'Brien'`: inWordApostrophe).
      for (i++; i < text.length && (text.charCodeAt(i) !== code || (code === APOSTROPHE && inWordApostrophe(text, i))); i++) {
        if (text.charCodeAt(i) === BACKSLASH) i++;
      }
    } else if (code === OPEN_BRACE || (code === reopen && (code !== LESS_THAN || isRecordOpening(text, i)))) {
      emptied(inside, opens.length);
      opens.push(i);
    } else if (code === CLOSE_BRACE || (code === reclose && (code !== GREATER_THAN || !isArrowEnd(text, i)))) {
      const open = opens.pop()!;
      if (opens.length === 0) found(open, i);
      else inside[opens.length - 1]!.push(open, i);
    }
    i++;
    countWork(i - start);
  }
  for (let level = 0; level < opens.length; level++) {
    const objects = inside[level]!;
    for (let k = 0; k < objects.length; k += 2) found(objects[k]!, objects[k + 1]!);
  }
}

/** The earlier of two indexes found by `nextIndexOf` (-2 for none). */
function earliest(a: number, b: number): number {
  return a < 0 ? b : b < 0 ? a : Math.min(a, b);
}

/**
 * Whether the `(`, `[` or `<` at `open` opens a printed record (`opensInspectObject`): a call form
 * after a class's name (`User(`, `array (`, where `f(x=1)`'s call has its own) or PHP's print_r
 * head (`Array` or `User Object` on the line before), a bracket's members
 * (`Customer[name=`, `map[name:`, `[name: "x"`), a Ruby object after its `#` (`#<User id: 7`) or
 * an Elixir struct's derived Inspect after its `#` and name (`#User<name: `).
 */
function opensPrintedObject(text: string, open: number): boolean {
  const code = text.charCodeAt(open);
  if (code === OPEN_PAREN && !CLASS_CALL_NAME.test(callName(text, open)) && phpHead(text, open) === null) return false;
  if (code === LESS_THAN && !isRecordOpening(text, open)) return false;
  return code === OPEN_BRACKET ? opensBracketObject(text, open) : opensInspectObject(text, open);
}

/** Whether the `<` at `open` follows a `#`, perhaps with a struct's name between (`#<`, `#User<`, `#MyApp.User<`). */
function isRecordOpening(text: string, open: number): boolean {
  let i = open;
  while (i > 0 && open - i < 64 && RECORD_NAME_CHARACTER.test(text.charAt(i - 1))) i--;
  return text.charCodeAt(i - 1) === HASH;
}

/** The index of `character` in `text` at or after `from`; -2 when there is none (`objectsInProse`'s "none is left"). */
function nextIndexOf(text: string, character: string, from: number): number {
  const at = text.indexOf(character, from);
  return at === -1 ? -2 : at;
}

/**
 * `lists[level]` made empty for a brace opening at that level: the objects closed inside the one
 * opened there before are no longer wanted. The list is reused, as a text of many small objects
 * opens one at level 0 for each.
 */
function emptied(lists: number[][], level: number): void {
  const list = lists[level];
  if (list === undefined) lists[level] = [];
  // Setting the length is a runtime call, and most objects close with none inside.
  else if (list.length !== 0) list.length = 0;
}

/** Whether the `{` at `open` opens a member whose name's quote is escaped once (`{\"password\":…}`). */
function escapedObjectAt(text: string, open: number): boolean {
  const i = blanksAfter(text, open + 1, open + MEMBER_OPENING_REACH, true);
  return text.charCodeAt(i) === BACKSLASH && text.charCodeAt(i + 1) === QUOTE;
}

/**
 * The index of the `}` closing the object opened at `open` in JSON text written with one level
 * of string escapes (a string's `\"` is the text's quote, `\\` its backslash), braces inside its
 * strings not counted; -1 when it never closes or an unescaped quote stands in it (no such text).
 */
function escapedObjectClose(text: string, open: number): number {
  let depth = 0;
  let inString = false;
  let i = open;
  let close = -1;
  for (; i < text.length && close < 0; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) break;
    if (code === BACKSLASH) {
      const next = text.charCodeAt(++i);
      // `\"` is the unescaped text's quote. `\\` is its backslash, which in a string escapes
      // the unescaped character after it: one character, or an escape pair (`\\\"`, a quote).
      if (next === QUOTE) inString = !inString;
      else if (next === BACKSLASH && inString) i += text.charCodeAt(i + 1) === BACKSLASH ? 2 : 1;
    } else if (!inString && code === OPEN_BRACE) {
      depth++;
    } else if (!inString && code === CLOSE_BRACE && --depth === 0) {
      close = i;
    }
  }
  countWork(i - open);
  return close;
}

/**
 * `escapedObjectClose` for every `{` from `from` on, from one reading of the text: a text where an
 * escaped object never closes may hold many (`{\"a\":\"\\\"{\",` repeated), and reading from each
 * to the end would cost the square of the text's length.
 *
 * The reading is a walk whose state at a character is only whether it is inside an unescaped
 * string (the backslash pairs it steps over decide which characters it stands on), so from a
 * character and a state the rest is fixed. `closeFrom` holds, for each character `i` ≥ `from` and
 * state (at `2 * (i - from) + inString`), the index of the first `}` outside strings where the
 * depth counted from there falls below its start, or -1 when the walk ends first (the text's end, or
 * an unescaped quote); filled from the end back, each entry from entries after it, so building it
 * reads each character once (counted as work).
 */
class EscapedCloses {
  private readonly closeFrom: Int32Array;

  constructor(
    private readonly text: string,
    private readonly from: number,
  ) {
    const length = text.length;
    const closeFrom = (this.closeFrom = new Int32Array(2 * (length - from)));
    // The entry at character `at` in state `inString`, -1 past the text's end.
    const entry = (at: number, inString: number): number => (at >= length ? -1 : closeFrom[2 * (at - from) + inString]!);
    for (let i = length - 1; i >= from; i--) {
      const code = text.charCodeAt(i);
      for (let inString = 0; inString <= 1; inString++) {
        let close: number;
        if (code === QUOTE) close = -1;
        else if (code === BACKSLASH) {
          // As escapedObjectClose steps: `\"` turns the string state, `\\` in a string skips what it escapes.
          let at = i + 1;
          const next = text.charCodeAt(at);
          let state = inString;
          if (next === QUOTE) state = 1 - inString;
          else if (next === BACKSLASH && inString === 1) at += text.charCodeAt(at + 1) === BACKSLASH ? 2 : 1;
          close = entry(at + 1, state);
        } else if (inString === 0 && code === OPEN_BRACE) {
          // The `{` closes at the first `}` after it below its depth; the walk goes on after that `}`.
          const own = entry(i + 1, 0);
          close = own < 0 ? -1 : entry(own + 1, 0);
        } else if (inString === 0 && code === CLOSE_BRACE) close = i;
        else close = entry(i + 1, inString);
        closeFrom[2 * (i - from) + inString] = close;
      }
    }
    countWork(length - from);
  }

  /** escapedObjectClose(text, open) for a `{` at `open` ≥ `from`. */
  closeOf(open: number): number {
    countWork(1);
    return open + 1 >= this.text.length ? -1 : this.closeFrom[2 * (open + 1 - this.from)]!;
  }
}

/**
 * `rule` applied to the unescaped text of an object written with one level of string escapes, its
 * result escaped again as JSON writes a string's content; the object as written when it is no
 * JSON string's content or the rule leaves it alone.
 */
function ruleEscapedObject(object: string, name: string, rule: (object: string, name: string) => string): string {
  let unescaped: unknown;
  try {
    unescaped = JSON.parse(`"${object}"`);
  } catch {
    return object;
  }
  if (typeof unescaped !== "string") return object;
  const ruled = rule(unescaped, name);
  return ruled === unescaped ? object : JSON.stringify(ruled).slice(1, -1);
}

/**
 * The label before the object or array opened at `open` in prose: the name before it when a
 * `:`, `=`, `->` or `=>` separates them (blanks around it) or blanks alone do (`user {…}`, what
 * `console.log("user", obj)` and a logger's `"user %j"` write); "" otherwise (`({…})`, `,{…}`),
 * and when what is there holds no letter (`12: {…}`, the end of a time `… 10:42: {…}`).
 */
function objectName(text: string, open: number): string {
  // A Ruby object is named by its class (`#<User id: 7…>`, `#<struct User …>`).
  if (text.charCodeAt(open) === LESS_THAN && text.charCodeAt(open - 1) === HASH) {
    RUBY_CLASS.lastIndex = open + 1;
    const rubyClass = RUBY_CLASS.exec(text)?.[1];
    if (rubyClass !== undefined) return rubyClass;
  }
  let i = open;
  // PHP's print_r and var_dump name an object's class (`User Object`, `object(App\User)#1 (2)`), not an array's.
  const php = phpHead(text, open);
  if (php !== null) {
    const phpClass = php[1] ?? php[2];
    if (phpClass !== undefined) return phpClass.slice(phpClass.lastIndexOf("\\") + 1);
    i -= php[0].length;
  }
  // Go's map (`user=map[name:…]`) is no class's name: the label is before it. Apache's
  // ToStringBuilder writes the object's hash after its class (`com.acme.User@1b6d3586[…]`).
  if (text.charCodeAt(open) === OPEN_BRACKET) {
    if (text.startsWith("map", open - 3) && !NAMING_LETTER.test(text.charAt(open - 4))) i -= 3;
    else i -= IDENTITY_HASH.exec(text.slice(Math.max(0, open - 17), open))?.[0].length ?? 0;
  }
  // A Ruby object of no class (`#<struct name=…>`) is named by the label before its `#`.
  else if (text.charCodeAt(open) === LESS_THAN && text.charCodeAt(open - 1) === HASH) i--;
  // Go's pointer (`cfg=&{…}`) and Elixir's map (`user: %{…}`) before the brace.
  if (i > 0 && (text.charCodeAt(i - 1) === AMPERSAND || text.charCodeAt(i - 1) === PERCENT)) i--;
  // A class's name glued to its object (Java's `User{…}`, Python's and Lombok's `User(…)`, Elixir's `%User{…}`).
  if (i > 0 && i === open && NAMING_LETTER.test(text.charAt(i - 1))) {
    const name = nameBefore(text, i);
    if (NAMING_LETTER.test(name)) return name;
  }
  i = blanksBefore(text, i);
  const separator = text.charCodeAt(i - 1);
  if (i > 1 && separator === GREATER_THAN && (text.charCodeAt(i - 2) === HYPHEN || text.charCodeAt(i - 2) === EQUALS)) i -= 2;
  else if (i > 0 && (separator === COLON || separator === EQUALS)) i--;
  else if (i === open) return "";
  i = blanksBefore(text, i);
  const name = nameBefore(text, i);
  return NAMING_LETTER.test(name) ? name : "";
}

/**
 * The head PHP's print_r (`Array` or `User Object`, then a line break) or var_dump (`array(2) `,
 * `object(User)#1 (2) `) writes before the `(` or `{` at `open`, the class's name in group 1 or
 * 2; null when none.
 */
function phpHead(text: string, open: number): RegExpExecArray | null {
  // The characters right before say whether a head can be there, so most objects pay no search.
  if (text.charCodeAt(open) === OPEN_BRACE) {
    if (text.charCodeAt(open - 1) !== 0x20 || text.charCodeAt(open - 2) !== CLOSE_PAREN) return null;
  } else {
    if (text.charCodeAt(blanksBefore(text, open) - 1) !== 0x0a) return null;
  }
  return PHP_HEAD.exec(text.slice(Math.max(0, open - 160), open));
}
const PHP_HEAD = /(?:(?:Array|([A-Za-z_\\][\w\\]*) Object)\r?\n[ \t]*|array\(\d+\) |object\(([\w\\]{1,128})\)#\d+ \(\d+\) )$/;

/** Java's identity hash after a class's name (`@1b6d3586`), before its members' `[`. */
const IDENTITY_HASH = /@[0-9a-f]{1,16}$/;

/** A Ruby object's class after its `<` (`User` of `User:0x…`, `struct Admin::User`), its last part. */
const RUBY_CLASS = /(?:struct |data )?(?:[A-Z]\w*::)*([A-Z]\w*)/y;

const COLON = 0x3a;
const EQUALS = 0x3d;
const COMMA = 0x2c;
const HYPHEN = 0x2d;
const AMPERSAND = 0x26;
const PERCENT = 0x25;
const HASH = 0x23;
const LESS_THAN = 0x3c;
const GREATER_THAN = 0x3e;
/** A name holds a letter: digits before a `:` name no object. */
const NAMING_LETTER = /[A-Za-z\u00C0-\u00FF]/;

/** How far after a `{` the quote of its first member's name is looked for (`{ "query"`). */
const MEMBER_OPENING_REACH = 16;

/** What the first walk puts in place of an inner text it found changed: any other string. */
const CHANGED = "";

/** Whether `node`'s objects and arrays nest no more than `levels` deep (strings are leaves). */
function fitsDepth(node: unknown, levels: number): boolean {
  if (node === null || typeof node !== "object" || isRawJsonNumber(node)) return true;
  if (levels === 0) return false;
  for (const value of Array.isArray(node) ? node : Object.values(node)) {
    if (!fitsDepth(value, levels - 1)) return false;
  }
  return true;
}

/**
 * `sent` parsed with `parse` when it is a JSON object, or an array with an object in it (an
 * array without one has no keys) or at a header list's `path` (`namesHeaderList`: its pairs are
 * its keys), after any byte order mark or no-break space in front of it
 * (`isLeadingMark`), else undefined. The first and last characters decide before
 * the parse is paid for: most values are plain text.
 */
function parseJsonContainer(sent: string, parse: (text: string) => unknown, path: string): object | undefined {
  const text = withoutLeadingMarks(sent);
  const first = firstNonBlankCharCode(text);
  if (first === OPEN_BRACE) {
    if (lastNonBlankCharCode(text) !== CLOSE_BRACE || !opensMember(text)) return undefined;
  } else if (first === OPEN_BRACKET) {
    if (lastNonBlankCharCode(text) !== CLOSE_BRACKET || (text.indexOf("{") < 0 && !namesHeaderList(path))) return undefined;
  } else {
    return undefined;
  }
  try {
    return parse(text) as object;
  } catch {
    return undefined;
  }
}

/**
 * Whether the first `{` of `text` is followed, after JSON whitespace, by a member's quoted name or
 * the object's end (RFC 8259 §4): a `{…}` that is no JSON (`{id}`, a template, a Go struct's
 * `{x y}`) is told apart without the parse's exception, which costs far more than a read.
 */
function opensMember(text: string): boolean {
  for (let i = text.indexOf("{") + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22 || code === CLOSE_BRACE) return true;
    if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return false;
  }
  return false;
}

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const APOSTROPHE = 0x27;
const BACKTICK = 0x60;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;
const SWIFT_DUMP_MARK_CODE = SWIFT_DUMP_MARK.charCodeAt(0);
/** A Swift dump's mark and the blank after it: where `swiftDumpsIn` finds one. */
const SWIFT_DUMP_OPENING = `${SWIFT_DUMP_MARK} `;
/** The name before a call form's `(` at `open` (`Customer`, `app.User`, PHP's `array ` with its blank); "" when none. */
function callName(text: string, open: number): string {
  const end = text.charCodeAt(open - 1) === 0x20 ? open - 1 : open;
  let start = end;
  while (start > 0 && end - start < 64 && CALL_NAME_CHARACTER.test(text.charAt(start - 1))) start--;
  return start === end ? "" : text.slice(start, open);
}
const CALL_NAME_CHARACTER = /[\w$.]/;
