/**
 * A GraphQL request's variables ruled by the arguments they are passed as. The document names
 * what a value is (`login(password: $p)`), the variables carry it under the variable's name
 * (`{"p":"hunter22"}`), which can be anything: a variable's value gets the key rule it would get
 * had the sender named the variable after its argument (`variables.password`), so a password
 * bound as `$p` or `$senha` is hidden as one sent as `$password` is. docs/normalization-and-
 * redaction.md, "GraphQL variables"; the document is read by graphql-document.ts.
 *
 * Where a request's document and variables stand side by side:
 * - a JSON object (an HTTP body as GraphQL over HTTP sends it, a logged request):
 *   `{"query":"…","variables":{…}}`, the variables an object or JSON text;
 * - attributes, or members of JSON text, named as instrumentations write them: `graphql.document`
 *   (semantic conventions) or `graphql.source` (OpenTelemetry JS instrumentation-graphql) or
 *   `graphql.query`, with `graphql.variables` (JSON text) or `graphql.variables.<name>` (one
 *   attribute per variable, `graphql.variables.<name>.<field>` for an input object's fields);
 * - a log body lifted into attributes (`query`, `variables.p`) or a map (`kvlistValue`) holding
 *   both: in an attribute list, any key ending in `query` goes with the one ending in
 *   `variables` beside it (`request.query`, `request.variables`).
 * A request without a document (a persisted query's `extensions.persistedQuery` hash, an
 * operation name alone) binds nothing: its variables keep the rules of their own names.
 */
import type { KeyValue } from "../../../shared/otlp/model";
import { strongestRule, type KeyRule } from "./key-rules";
import { variableArguments, type VariableArguments } from "./graphql-document";
import { countWork } from "./scan-scope";

export type { VariableArguments } from "./graphql-document";

/** A GraphQL request found among the entries of one object or attribute list. */
interface GraphQLRequest {
  /**
   * The entry holding the variables, or whose key every variable's key starts with: `variables`,
   * `graphql.variables`; "" when the entries are the variables themselves (a map under
   * `variables`).
   */
  readonly variablesKey: string;
  /** What the document binds each variable to (at least one variable). */
  readonly arguments: VariableArguments;
}

/**
 * The GraphQL request a parsed JSON object is, or undefined: a string `query` beside a
 * `variables` member, or a `graphql.document`, `graphql.source` or `graphql.query` string beside
 * `graphql.variables`, whose document passes a variable as an argument. A lookup or two for
 * any other object.
 */
export function graphQLRequestInObject(object: Readonly<Record<string, unknown>>, documents?: GraphQLDocuments): GraphQLRequest | undefined {
  const query = object.query;
  if (typeof query === "string" && object.variables !== undefined) return request("variables", query, documents);
  if (object[GRAPHQL_VARIABLES] === undefined) return undefined;
  const document = object[GRAPHQL_DOCUMENT] ?? object[GRAPHQL_SOURCE] ?? object["graphql.query"];
  return typeof document === "string" ? request(GRAPHQL_VARIABLES, document, documents) : undefined;
}

/**
 * The GraphQL requests among `attributes` (one attribute list or map), usually none: each string
 * under a document's key (`query`, `….query`, `….graphql.document`, `….graphql.source`) whose
 * variables' key (the same key ending in `variables`) is an attribute's or starts some
 * (`graphql.variables.p`), and whose document passes a variable as an argument. Only the first
 * MAX_DOCUMENT_KEYS such keys are looked at, each costing a pass over the list (counted as
 * work, scan-scope.ts): a list of thousands of `….query` keys costs a few passes, not one per
 * key.
 */
export function graphQLRequestsInAttributes(attributes: readonly KeyValue[], documents: GraphQLDocuments): readonly GraphQLRequest[] {
  let found: GraphQLRequest[] | undefined;
  let documentKeys = 0;
  for (const attribute of attributes) {
    const variablesKey = variablesKeyOf(attribute.key);
    if (variablesKey === undefined || !("stringValue" in attribute.value)) continue;
    if (++documentKeys > MAX_DOCUMENT_KEYS) break;
    countWork(attributes.length);
    if (!attributes.some(({ key }) => key === variablesKey || (key.startsWith(variablesKey) && key.charCodeAt(variablesKey.length) === DOT))) continue;
    const graphQL = request(variablesKey, attribute.value.stringValue, documents);
    if (graphQL !== undefined) (found ??= []).push(graphQL);
  }
  return found ?? NO_REQUESTS;
}

/** No GraphQL request: what `graphQLRequestsInAttributes` answers for nearly every list. */
export const NO_REQUESTS: readonly GraphQLRequest[] = [];

/**
 * Keys naming a document looked at in one list: a record holds one request, perhaps two (a
 * lifted line's `query` beside the span's `graphql.document`), and a few other `….query` keys
 * (`url.query`).
 */
const MAX_DOCUMENT_KEYS = 8;

/**
 * The entry `key` of the list holding `requests` (or of the variables' own map) when it is one
 * of their variables or inside one: the argument paths of the variable, and `rest`, what follows
 * the variable's name in the key (`graphql.variables.in.password`: `in`'s arguments,
 * `.password`); undefined for any other key.
 */
export function variableEntry(requests: readonly GraphQLRequest[], key: string): { readonly arguments: readonly string[]; readonly rest: string } | undefined {
  for (const { variablesKey, arguments: bound } of requests) {
    let start = 0;
    if (variablesKey !== "") {
      if (!key.startsWith(variablesKey) || key.charCodeAt(variablesKey.length) !== DOT) continue;
      start = variablesKey.length + 1;
    }
    const dot = key.indexOf(".", start);
    const argumentPaths = bound.get(dot < 0 ? key.slice(start) : key.slice(start, dot));
    if (argumentPaths !== undefined) return { arguments: argumentPaths, rest: dot < 0 ? "" : key.slice(dot) };
  }
  return undefined;
}

/** What the document binds the variables held by the entry `key` to, when `key` is one of `requests`' variables' key. */
export function variablesUnder(requests: readonly GraphQLRequest[], key: string): VariableArguments | undefined {
  for (const request of requests) if (request.variablesKey === key) return request.arguments;
  return undefined;
}

/**
 * `key`, which ends in a variable's name and `rest`, with the variable's name replaced by
 * `argument` (`graphql.variables.p`, `password` → `graphql.variables.password`). A variable's
 * name has no dot (§2.1.9 Name), so the name is what lies between the dot before it and `rest`.
 */
export function renamedVariable(key: string, rest: string, argument: string): string {
  const end = key.length - rest.length;
  const dot = key.lastIndexOf(".", end - 1);
  return `${key.slice(0, dot + 1)}${argument}${rest}`;
}

/**
 * The rule for a GraphQL variable's value: its own key's rule (`ownRule`) when that rule does
 * more than scan (a variable named `$password` stays a password whatever it is passed as, a key
 * the operator listed stays listed), else the strongest of it and the rules of the keys named
 * after the arguments it is passed as (`ruleOf(argument path)`, `strongestRule`); the first of
 * equals.
 */
export function variableRule(ownRule: KeyRule, argumentPaths: readonly string[], ruleOf: (argumentPath: string) => KeyRule): KeyRule {
  return ownRule.action !== "scan" ? ownRule : strongestRule(ownRule, argumentPaths, ruleOf);
}

const GRAPHQL_VARIABLES = "graphql.variables";
const GRAPHQL_DOCUMENT = "graphql.document";
const GRAPHQL_SOURCE = "graphql.source";
const DOT = 0x2e;

function request(variablesKey: string, document: string, documents: GraphQLDocuments | undefined): GraphQLRequest | undefined {
  const bound = documents === undefined ? variableArguments(document) : documents.argumentsOf(document);
  return bound.size === 0 ? undefined : { variablesKey, arguments: bound };
}

/**
 * The documents one request's walk read last and what they bind. A document comes again with
 * every span or log of its operation in a request, and twice in one JSON text (the key rules'
 * first walk and their exact one): comparing it with a few recent ones costs a fraction of
 * reading it. Owned by the walk of one request (redact-request.ts), so no document outlives it;
 * only documents up to RECENT_DOCUMENT_LENGTH characters are kept.
 */
export class GraphQLDocuments {
  private readonly documents: string[] = [];
  private readonly bindings: VariableArguments[] = [];
  private next = 0;

  /** What `document` binds (`variableArguments`), read once while it is among the last few. */
  argumentsOf(document: string): VariableArguments {
    if (document.length > RECENT_DOCUMENT_LENGTH) return variableArguments(document);
    for (let i = 0; i < this.documents.length; i++) if (this.documents[i] === document) return this.bindings[i]!;
    const bound = variableArguments(document);
    this.documents[this.next] = document;
    this.bindings[this.next] = bound;
    this.next = (this.next + 1) % RECENT_DOCUMENTS;
    return bound;
  }
}

const RECENT_DOCUMENTS = 4;
const RECENT_DOCUMENT_LENGTH = 4096;

/** Whether `key` names a GraphQL document (`variablesKeyOf`): the one fact of a key `graphQLRequestsInAttributes` needs to look further. */
export function namesGraphQLDocument(key: string): boolean {
  return variablesKeyOf(key) !== undefined;
}

/**
 * Whether `key` may be the variables' key of a document beside it (`graphQLRequestsInAttributes`:
 * the variables' key, `….variables`, or a key under it, `graphql.variables.p`): it holds
 * `variables`. A list with no such key holds no GraphQL request, whatever its documents.
 */
export function mayHoldGraphQLVariables(key: string): boolean {
  return key.includes("variables");
}

/**
 * The key of the variables that go with a document under `key`, or undefined when `key` names
 * no document: `query` → `variables`, `request.query` → `request.variables`,
 * `graphql.document` and `graphql.source` → `graphql.variables`. The last character decides
 * first: this runs on every attribute key.
 */
function variablesKeyOf(key: string): string | undefined {
  const last = key.charCodeAt(key.length - 1);
  if (last === 0x79 /* y */) {
    return key === "query" || key.endsWith(".query") ? `${key.slice(0, -"query".length)}variables` : undefined;
  }
  if (last === 0x74 /* t */) return isGraphQLKey(key, GRAPHQL_DOCUMENT) ? `${key.slice(0, -"document".length)}variables` : undefined;
  if (last === 0x65 /* e */) return isGraphQLKey(key, GRAPHQL_SOURCE) ? `${key.slice(0, -"source".length)}variables` : undefined;
  return undefined;
}

/** Whether `key` is `suffix` (`graphql.document`, `graphql.source`) or ends in `.` and it. */
function isGraphQLKey(key: string, suffix: string): boolean {
  return key.endsWith(suffix) && (key.length === suffix.length || key.charCodeAt(key.length - suffix.length - 1) === DOT);
}
