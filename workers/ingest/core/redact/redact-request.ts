import { isSessionIdShaped } from "./session-ids";
import { bySignal, type BySignal } from "../../../shared/otlp/by-signal";
import type {
  AnyValue,
  EnumValue,
  InstrumentationScope,
  KeyValue,
  LogRecord,
  LogsRequest,
  MetricsRequest,
  Signal,
  SignalRequest,
  Span,
  TemplateBody,
  TracesRequest,
} from "../../../shared/otlp/model";
import { jsonToAnyValue } from "../normalize/json-to-attributes";
import { ORIGINAL_RECORD_ATTRIBUTE } from "../normalize/attribute-names";
import { SECRET_PARAM_KIND, isSecretArgument } from "./detectors/secret-parameter";
import { REDIS_PASSWORD_KIND } from "./detectors/redis-command";
import { redisArgumentPasswords, redisPasswords } from "./redis-commands";
import { commandArgumentText, commandObjectsIn } from "./redis-command-objects";
import { Place, isRedactionMarker } from "./detectors/detector";
import { DESCEND, KEEP, REMOVE, applyKeyRulesToJsonText, mayBeHeaderList, mayBeJsonContainer, mayHoldJsonInProse, type JsonKeyRules, type MemberAction } from "./json-text";
import { cookieInJar, inCookieJar, isFlagOrCountUnder, isMaskOrPlaceholder, isPassPassword, isShortCount, keptUnderPassWord, namesCookieJarKey, standsForCount, standsForSecret } from "./secret-names";
import { standsInForSecret } from "./status-words";
import { isEmailAddress } from "./detectors/email";
import {
  GraphQLDocuments,
  graphQLRequestsInAttributes,
  NO_REQUESTS,
  renamedVariable,
  variableEntry,
  variableRule,
  variablesUnder,
  type VariableArguments,
} from "./graphql-variables";
import type { KeyRule } from "./key-rules";
import {
  boundValuesText,
  countAddedMarkers,
  dbQueryParameterColumns,
  isBoundScalar,
  queryEventParams,
  queryEvents,
  queryEventText,
  type QueryEvent,
  queryParameterRule,
  replacedBoundValues,
} from "./db-query-parameters";
import { holdsCardHolderName } from "./card-holder-names";
import { holdsPersonName } from "./person-names";
import { nameNote } from "./no-name-values";
import { pairRuledKey, ruledPairNamesIn } from "./name-value-pairs";
import { ownedNameRuledKey, ownedNamesIn } from "./name-owners";
import { addressOwnersIn, ownedAddressRuledKey } from "./address-owners";
import { isQueryKey, queryPlaceIn } from "./query-paths";
import { ListWalk, listWalks } from "./list-walks";
import { ListPlans } from "./list-plans";
import { listsSecretNames } from "./secret-binding-names";
import { namesSecretObject, namesSecretOrItsKey } from "./secret-object-names";
import { isArn } from "./arn";
import { credentialHeaderHolding, holdsNoCredentialUnderHeader, isPreferenceCookie, readsAsCookies, redactCredentialHeader } from "./credential-headers";
import { isDirectoryPath } from "./bare-parameters";
import { CARD_HOLDER_KIND, DROPPED_KIND, HASHED_KIND, PERSON_NAME_KIND, SECRET_KEY_KIND, STREET_ADDRESS_KIND, redactionMarker } from "./kinds";
import { type StreetAddressField, holdsStreetAddress } from "./street-addresses";
import type { RedactionPolicy } from "./policy";
import { RedactionTally, withCountChanges } from "./tally";
import { moveToProducerName, REDACTION_NOTE_KEYS } from "../note-keys";
import type { SeriesMarking, TextScanner } from "./text-scanner";
import { Met, UnchangedTexts } from "./unchanged-texts";
import { measuresClientSide } from "./client-metrics";
import { KeptMembers } from "./kept-members";
import { isRawJsonNumber } from "../decode/exact-json";
import { REDACTION_FAILED_KIND, redactionFailure, type RedactionFailures } from "./failures";
import { VISITOR_LOCATION_KIND } from "./detectors/visitor-location";
import { mergedSeries } from "./merged-series";
import { RecurringValues } from "./recurring-values";
import { areCodeNumbers } from "./code-list-items";

/**
 * What redaction did to a whole request: items redacted, in total and by kind; `failed`, present
 * when some text's redaction threw, the texts replaced whole for it (failures.ts), also counted
 * in `count` and `kinds` as `redaction_failed`.
 */
export interface RequestRedactions {
  count: number;
  kinds: Record<string, number>;
  failed?: RedactionFailures;
  /** Metrics whose points a listed drop left with one series identity at one time (`mergedSeries`), sorted; absent when none. */
  mergedSeries?: string[];
}

/**
 * `redactions` with its count and kinds corrected by `changes`, by kind: what writing template
 * bodies after redaction (writeTemplateBodies) undid of redaction's changes or copied elsewhere.
 */
export function withRecount(redactions: RequestRedactions, changes: ReadonlyMap<string, number>): RequestRedactions {
  if (changes.size === 0) return redactions;
  const tally = withCountChanges(redactions.kinds, changes);
  return { ...redactions, count: tally.total, kinds: tally.toRecord() };
}

/**
 * Walks a decoded request and redacts every free-text field in place: log bodies (strings at
 * any depth, and bytes holding UTF-8 text), every attribute map, span names, status messages,
 * event names, log event names, span and link trace states, scope names and versions. Ids,
 * timestamps, enums, attribute keys, metric names, descriptions and units and schema URLs are
 * the schema's and stay (test/unit/redact-stored-text-fields.test.ts lists every field).
 *
 * Logs and traces: each redacted item becomes `[REDACTED:<kind>]`, and each owner of an
 * attribute map gets its own summary (`redaction.count`, `redaction.kinds`): a log record or
 * span counts what was redacted in it and its events and links; a resource and a scope count
 * their own attributes.
 *
 * Metrics: every attribute map of a metric request (resource, scope, point, metadata,
 * exemplar) is part of the identity of a time series, so a value with something identifying in
 * it becomes `[REDACTED:<kinds>:<keyed hash of the value>]` (distinct values stay distinct, the
 * same value always maps to the same text) and no summary key is added; the counts are only in
 * the result.
 *
 * Key rules also apply inside JSON text (json-text.ts), in every signal: a log body that is a
 * JSON object (the line lifting kept as written, or did not lift), its members ruled by their
 * dotted paths from the line's root; and every attribute value (resource, scope, log record,
 * span, event, link, metric) holding a JSON object or an array with one (a span's
 * `http.request.body`, what lifting stored as text), its members ruled by their path after the
 * attribute's key (`w.x.y.z.geo.city`, lifting's flattened name) and, where that names no rule,
 * by their path from the JSON's root (`user.id`, the name the member has as an attribute of its
 * own); `log.record.original`, the line as written, by the line's own paths. Only a string whose
 * first non-blank character is `{` or `[` is parsed. In metrics every replacement keeps series
 * apart: a hashed member is a keyed hash, a credential member a hashed marker, and so is a
 * location finer than the policy's `geoPrecision`, attribute or member (`[REDACTED:geo:<hash>]`:
 * removed, it would leave two places' points one series at one time); a key in `dropKeys` is
 * removed, the operator's choice, and the metrics whose points it left one series at one time
 * are named in the result's `mergedSeries`. The text detectors then scan the text as they
 * scan any text. Nested maps (`kvlistValue`) are ruled by their dotted paths too (`geo` →
 * `{city}` is `geo.city`), as lifting flattens them.
 *
 * `redaction.count` and `redaction.kinds` on a resource, scope, log record or span are the
 * pipeline's: a producer's attribute of that name (sent, or lifted from a body) is renamed to
 * `producer.<name>` (note-keys.ts; again while that is taken) before the summary is written.
 *
 * `rewritten`, when given, receives every string value redaction replaced (the new AnyValue),
 * with the length in UTF-16 code units of what the sender wrote, so that the attribute length
 * limit can judge the sender's text, not the markers (limitAttributes).
 *
 * A text whose redaction throws (a detector's or a key rule's bug) is replaced whole by
 * `[REDACTED:redaction_failed]` (hashed in metric attributes), counted as that kind and noted in
 * the result's `failed`; the rest of the request is redacted as usual (failures.ts). What throws
 * outside the redaction of a text or an attribute list still throws.
 *
 * Mutating in place avoids copying every request on the hot path; callers must not reuse the
 * request expecting the original values.
 */
export function redactRequest<S extends Signal>(
  signal: S,
  request: SignalRequest[S],
  policy: RedactionPolicy,
  rewritten?: Map<AnyValue, number>,
): RequestRedactions {
  if (!policy.enabled) return { count: 0, kinds: {} };
  const walker = new RequestWalker(policy, signal === "metrics", rewritten);
  try {
    bySignal(signal, request, walker);
  } finally {
    walker.unchanged.release();
    walker.plans.release();
  }
  const failed = walker.failures;
  // Only a listed drop can leave two points one identity; no request pays the check without one.
  // It is noted in metrics alone (`series`), so the request is a MetricsRequest.
  const merged = walker.droppedListed ? mergedSeries(request as MetricsRequest) : [];
  return {
    count: walker.request.total,
    kinds: walker.request.toRecord(),
    ...(failed === undefined ? {} : { failed }),
    ...(merged.length === 0 ? {} : { mergedSeries: merged }),
  };
}

/**
 * `text` redacted as `redactRequest` redacts a log record's body holding it, each find counted
 * by kind in `tally`: the policy's key rules inside the JSON and printed structures the text
 * holds (json-text.ts: JSON, util.inspect, EDN maps, PHP's print_r and var_dump, Swift's dump,
 * header lists), then the text detectors. A body has no key, so nothing is said about its text
 * (no `Place`, no detector left out); a text whose redaction throws comes back as the
 * `redaction_failed` marker, counted so (failures.ts). `text` itself when nothing was found, and
 * under a disabled policy. The one reader of a body's text for `redactString` and the walk.
 */
export function redactLogBody(text: string, policy: RedactionPolicy, tally: RedactionTally): string {
  if (!policy.enabled) return text;
  const walker = new RequestWalker(policy, false, undefined);
  try {
    const redacted = walker.loneBody(text);
    tally.addAll(walker.request);
    return redacted;
  } finally {
    walker.unchanged.release();
    walker.plans.release();
  }
}

/** Owners of an attribute map that receive a summary. */
interface SummaryOwner {
  attributes: KeyValue[];
}

/**
 * The `Place` facts of keys naming a number that is a person's (a phone, an SSN, an RG, a CNH, a
 * postal code, a PIX key, a CPF, CNPJ or other document or person's id, a national id, a card):
 * an integer value there is scanned as its digits, so that it gets the verdict the same number
 * sent as a string gets (`{"cliente":{"cpf":10023456779}}` lifted by pino or winston is an
 * integer), and so is a double holding a whole number (a JavaScript sender's `user.phone =
 * 4155550132` is a `doubleValue`).
 */
const PERSONAL_NUMBER_PLACES =
  Place.PHONE_VALUE |
  Place.SSN_VALUE |
  Place.RG_VALUE |
  Place.CNH_VALUE |
  Place.POSTAL_CODE_VALUE |
  Place.PIX_KEY_VALUE |
  Place.BARE_PIX_VALUE |
  Place.PERSON_NUMBER_VALUE |
  Place.NATIONAL_ID_VALUE;

/**
 * The `Place` facts of keys that make a value personal by naming it (a phone, a document, a
 * postal code, a date of birth, a passport, an IBAN, a PIX key): a value a scan under one of them
 * leaves as one marker is noted for its other occurrences in the record (RecurringValues); an
 * id's, a measure's, a route's or a message id's are not, for ids survive.
 */
const PERSONAL_PLACES =
  PERSONAL_NUMBER_PLACES | Place.IBAN_VALUE | Place.BIRTH_DATE_VALUE | Place.PASSPORT_VALUE;

const UTF8_ENCODER = new TextEncoder();
const UTF8_DECODER = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
/** A control character other than a tab, a line feed and a carriage return: binary data, no text. */
const BINARY_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** `bytes` as text when they are valid UTF-8 with no control character but blanks, else undefined. */
function bytesText(bytes: Uint8Array): string | undefined {
  if (bytes.length === 0) return undefined;
  let text: string;
  try {
    text = UTF8_DECODER.decode(bytes);
  } catch {
    return undefined;
  }
  return BINARY_CONTROL.test(text) ? undefined : text;
}

/** Span kinds whose remote peer is a server: Client, Producer and Consumer (its broker). */
const PEER_IS_SERVER_KINDS: ReadonlySet<EnumValue> = new Set([3, 4, 5]);

class RequestWalker implements BySignal<void>, JsonKeyRules {
  /** Everything redacted in the request. */
  readonly request = new RedactionTally();
  /** Counts for the owner being walked; reset per owner so no tally is allocated per record. */
  private readonly tally = new RedactionTally();
  /** The finds in one metric attribute string, which name the kinds in its hash marker. */
  private readonly scratch = new RedactionTally();
  /** What key rules did inside one JSON text, counted once the text is done (JsonKeyRules.restart). */
  private readonly inJson = new RedactionTally();
  /** The members of the JSON text being walked whose value their path keeps (`scannedMember`), for the scan of the text after. */
  private readonly kept = new KeptMembers();
  /** Whether addresses under `network.peer.*` keys belong to servers where the walk is: a Client, Producer or Consumer span, a client-side metric. */
  private peerIsServer = false;
  /** The GraphQL documents read in this request: its spans and logs of one operation read it once. */
  readonly graphQLDocuments = new GraphQLDocuments();
  /** The texts this request's walk scanned and left unchanged: the values its records repeat are read once. */
  readonly unchanged = new UnchangedTexts();
  /** What this request's walk decided from each key sequence its lists repeat: their walks, and their members' rules. */
  readonly plans: ListPlans;
  /** The part of the request the walk is in (`log record body`, `span attributes`): where a failed text was, for the log. */
  private part = "";
  /** The texts whose redaction threw (failures.ts), undefined while none has. */
  failures: RedactionFailures | undefined;
  /** Whether a listed key (`dropKeys`) was removed from a metric's attributes or their JSON text. */
  droppedListed = false;
  /** The values key rules replaced in the log record or span being walked, for their other occurrences in it. */
  private readonly recurring = new RecurringValues();

  constructor(
    private readonly policy: RedactionPolicy,
    /** Metric attributes: hash identifying values and write no summary. */
    private readonly series: boolean,
    private readonly rewritten: Map<AnyValue, number> | undefined,
  ) {
    this.plans = new ListPlans(policy.keyRules);
  }

  logs(request: LogsRequest): void {
    for (const resourceLogs of request.resourceLogs) {
      this.owner(resourceLogs.resource, "resource attributes");
      for (const scopeLogs of resourceLogs.scopeLogs) {
        this.scope(scopeLogs.scope);
        for (const record of scopeLogs.logRecords) {
          this.recurring.open();
          // Stores only what changed: a store into an old object costs a write barrier.
          const body = record.body;
          if (body !== undefined) {
            this.part = "log record body";
            const redacted = this.value(body, 0);
            if (redacted !== body) record.body = redacted;
          }
          this.part = "log record event name";
          const eventName = this.ruledText(record.eventName, 0);
          if (eventName !== record.eventName) record.eventName = eventName;
          this.part = "log record attributes";
          this.attributes(record.attributes, "", true);
          this.recurring.close();
          if (!this.recurring.isEmpty) this.recurInRecord(record);
          this.summarize(record, record.templateBody);
        }
      }
    }
  }

  /**
   * A log body's text alone (`redactLogBody`), read as `logs` reads a body that is a string (a
   * value at no key: `value(body, 0)`), its finds flushed into `request`.
   */
  loneBody(text: string): string {
    this.part = "log record body";
    this.recurring.open();
    const ruled = this.ruledText(text, 0);
    this.recurring.close();
    const redacted = this.recurring.isEmpty ? ruled : this.recurring.replaceIn(ruled, this.tally);
    this.flush();
    return redacted;
  }

  traces(request: TracesRequest): void {
    for (const resourceSpans of request.resourceSpans) {
      this.owner(resourceSpans.resource, "resource attributes");
      for (const scopeSpans of resourceSpans.scopeSpans) {
        this.scope(scopeSpans.scope);
        for (const span of scopeSpans.spans) {
          this.recurring.open();
          this.peerIsServer = PEER_IS_SERVER_KINDS.has(span.kind);
          // A span name says what the operation reached (`GET 10.1.2.3:8080`): a server.
          this.part = "span name";
          const name = this.ruledText(span.name, this.policy.addressDetectors);
          if (name !== span.name) span.name = name;
          this.part = "span status message";
          const message = this.ruledText(span.status.message, 0);
          if (message !== span.status.message) span.status.message = message;
          for (const event of span.events) {
            this.part = "span event name";
            const eventName = this.ruledText(event.name, 0);
            if (eventName !== event.name) event.name = eventName;
            this.part = "span event attributes";
            this.attributes(event.attributes);
          }
          for (const link of span.links) {
            this.part = "span link trace state";
            const linkState = this.ruledText(link.traceState, 0);
            if (linkState !== link.traceState) link.traceState = linkState;
            this.part = "span link attributes";
            this.attributes(link.attributes);
          }
          // W3C tracestate: vendors' `key=value` members, where one may put a user's id or address.
          this.part = "span trace state";
          const state = this.ruledText(span.traceState, 0);
          if (state !== span.traceState) span.traceState = state;
          this.part = "span attributes";
          this.attributes(span.attributes, "", true);
          this.recurring.close();
          if (!this.recurring.isEmpty) this.recurInSpan(span);
          this.summarize(span);
          this.peerIsServer = false;
        }
      }
    }
  }

  metrics(request: MetricsRequest): void {
    for (const resourceMetrics of request.resourceMetrics) {
      this.owner(resourceMetrics.resource, "resource attributes");
      for (const scopeMetrics of resourceMetrics.scopeMetrics) {
        this.scope(scopeMetrics.scope);
        for (const metric of scopeMetrics.metrics) {
          // A client-side instrument's peer is the server it called, as a Client span's.
          this.peerIsServer = measuresClientSide(metric.name);
          this.part = "metric metadata";
          this.attributes(metric.metadata);
          if (metric.data.type === "empty") continue;
          for (const point of metric.data.dataPoints) {
            if ("exemplars" in point) {
              this.part = "exemplar attributes";
              for (const exemplar of point.exemplars) {
                this.attributes(exemplar.filteredAttributes);
              }
            }
            this.owner(point, "data point attributes");
          }
        }
        this.peerIsServer = false;
        this.flush();
      }
    }
  }

  /**
   * Redacts the owner's attributes, then writes its summary (`summarize`). `part` names the
   * attributes for a failure's place (`resource attributes`).
   */
  private owner(owner: SummaryOwner, part: string): void {
    this.part = part;
    this.attributes(owner.attributes, "", !this.series);
    this.summarize(owner);
  }

  /**
   * Writes the summary of everything counted since the last owner (not on metric attributes,
   * where a new key would be a new series) and moves the counts to the request's. A log record
   * lifted from a template keeps its counts by kind on its mark (`template`), for the template's
   * writing after redaction to count again what it changes (template-body.ts).
   */
  private summarize(owner: SummaryOwner, template?: TemplateBody): void {
    if (!this.series) this.tally.writeSummary(owner.attributes);
    if (template !== undefined) template.counts = this.tally.toRecord();
    this.flush();
  }

  /**
   * A log record's texts once all are redacted, each occurrence of a value a key rule replaced
   * elsewhere in it replaced by that value's marker and counted (RecurringValues): its body, its
   * event name, its attributes.
   */
  private recurInRecord(record: LogRecord): void {
    const body = record.body;
    if (body !== undefined) {
      const recurred = this.recurIn(body);
      if (recurred !== body) record.body = recurred;
    }
    const eventName = this.recurring.replaceIn(record.eventName, this.tally);
    if (eventName !== record.eventName) record.eventName = eventName;
    this.recurInAttributes(record.attributes);
  }

  /** `recurInRecord` for a span: its name, status message, trace state, events, links and attributes. */
  private recurInSpan(span: Span): void {
    const recurring = this.recurring;
    span.name = recurring.replaceIn(span.name, this.tally);
    span.status.message = recurring.replaceIn(span.status.message, this.tally);
    span.traceState = recurring.replaceIn(span.traceState, this.tally);
    for (const event of span.events) {
      event.name = recurring.replaceIn(event.name, this.tally);
      this.recurInAttributes(event.attributes);
    }
    for (const link of span.links) {
      link.traceState = recurring.replaceIn(link.traceState, this.tally);
      this.recurInAttributes(link.attributes);
    }
    this.recurInAttributes(span.attributes);
  }

  /**
   * `recurIn` for each attribute's value (`prefix`: the path of the map they are entries of), but
   * not the values whose key the policy keeps or hashes, nor an id's, a thing's number's or a
   * measure's (`order.number`), which stay as their key rule left them: ids survive.
   */
  private recurInAttributes(attributes: KeyValue[], prefix = ""): void {
    for (const attribute of attributes) {
      const key = prefix === "" ? attribute.key : `${prefix}.${attribute.key}`;
      if (keepsRecurring(this.policy.keyRules.ruleFor(key))) continue;
      const value = attribute.value;
      const recurred = this.recurIn(value, key);
      if (recurred !== value) {
        attribute.value = recurred;
        this.noteRewritten(value, recurred);
      }
    }
  }

  /** `value` with the recurring values replaced in its strings at any depth, and in bytes holding text; `value` itself when none occurs. */
  private recurIn(value: AnyValue, path = ""): AnyValue {
    if ("stringValue" in value) {
      const text = this.recurring.replaceIn(value.stringValue, this.tally);
      return text === value.stringValue ? value : { stringValue: text };
    }
    if ("arrayValue" in value) {
      const items = value.arrayValue;
      for (let i = 0; i < items.length; i++) {
        const item = items[i]!;
        const recurred = this.recurIn(item, path);
        if (recurred !== item) {
          items[i] = recurred;
          this.noteRewritten(item, recurred);
        }
      }
      return value;
    }
    if ("kvlistValue" in value) {
      this.recurInAttributes(value.kvlistValue, jsonRoot(path));
      return value;
    }
    if ("bytesValue" in value) {
      const text = bytesText(value.bytesValue);
      const recurred = text === undefined ? undefined : this.recurring.replaceIn(text, this.tally);
      return recurred === text || recurred === undefined ? value : { bytesValue: UTF8_ENCODER.encode(recurred) };
    }
    return value;
  }

  /**
   * An instrumentation scope: its name and version, stored in their own columns, redacted as text
   * (a logger's name may be a person's address; a version's dots are no IPv4 address nor its
   * digits a card, as under a `version` key), then its attributes; what is found in all three
   * counts in the scope's summary.
   */
  private scope(scope: InstrumentationScope): void {
    this.part = "scope name";
    const name = this.ruledText(scope.name, 0);
    if (name !== scope.name) scope.name = name;
    this.part = "scope version";
    const versionExcluded = this.policy.addressDetectors | this.policy.cardDetectors;
    const version = this.ruledText(scope.version, versionExcluded);
    if (version !== scope.version) scope.version = version;
    this.owner(scope, "scope attributes");
  }

  /** Moves the owner's counts into the request's. */
  private flush(): void {
    this.request.addAll(this.tally);
    this.tally.reset();
  }

  /**
   * Applies key rules and redacts values, in place; drops are compacted out. `prefix`: the path
   * of the map these attributes are entries of (a nested map's keys are ruled as `prefix.key`);
   * `summary`: the list is a summary owner's, where a producer's `redaction.*` is renamed
   * (moveToProducerName); `variables`: the list is a GraphQL request's variables, bound so.
   * A GraphQL request among the attributes (`graphql.document` and `graphql.variables`, a lifted
   * `query` and `variables.*`) has its variables ruled by the arguments they are passed as
   * (graphql-variables.ts); a database query's `db.query.parameter.*` by the columns the query
   * text beside them names, and so a Prisma query event's `params` by its `query` and knex's `bindings` by its `sql`,
   * whether the event is these attributes, a map's members or lifted under a parent key (`queryEvents`,
   * db-query-parameters.ts).
   *
   * What throws while one attribute is ruled replaces that attribute's value (`failed`); what
   * throws while the list is read before (its GraphQL request, query events, name/value pairs)
   * replaces every value of the list, none of which has been changed yet.
   */
  private attributes(attributes: KeyValue[], prefix = "", summary = false, variables?: VariableArguments): void {
    try {
      this.ruleAttributes(attributes, prefix, summary, variables);
    } catch (error) {
      for (const attribute of attributes) this.failedAttribute(attribute, prefix, error);
    }
  }

  /** `attributes`, but for its containment of faults. */
  private ruleAttributes(attributes: KeyValue[], prefix: string, summary: boolean, variables: VariableArguments | undefined): void {
    const keyRules = this.policy.keyRules;
    // A list of the key sequence of one before is ruled by that one's plan (list-plans.ts); a
    // GraphQL request's variables are ruled by their arguments, per list.
    const plan = variables === undefined ? this.plans.planFor(attributes, prefix, summary) : undefined;
    // The walks below that the list's keys leave nothing to find are not made (list-walks.ts).
    const walks = plan !== undefined ? plan.walks : listWalks(attributes);
    // Each member's key path and rule are the plan's where its keys alone decide them.
    const planned = plan?.paths !== undefined ? plan : undefined;
    const graphQL =
      variables !== undefined
        ? [{ variablesKey: "", arguments: variables }]
        : (walks & ListWalk.GRAPHQL_REQUESTS) !== 0
          ? graphQLRequestsInAttributes(attributes, this.graphQLDocuments)
          : NO_REQUESTS;
    const queryParameters = prefix === "" && (walks & ListWalk.QUERY_PARAMETERS) !== 0 ? dbQueryParameterColumns(attributes) : undefined;
    const events = (walks & ListWalk.QUERY_EVENTS) !== 0 ? queryEvents(attributes) : undefined;
    // A name/value pair's value is ruled under the name its sibling gives it (name-value-pairs.ts).
    const pairNames = (walks & ListWalk.PAIR_NAMES) !== 0 ? ruledPairNamesIn(attributes) : undefined;
    // A `name` is ruled as whose its siblings say it is (name-owners.ts).
    const ownedNames = (walks & ListWalk.OWNED_NAMES) !== 0 ? ownedNamesIn(attributes) : undefined;
    // An `address` a sibling says is a system error's or a node's is ruled as that server's (address-owners.ts).
    const addressOwners = (walks & ListWalk.ADDRESS_OWNERS) !== 0 ? addressOwnersIn(attributes) : undefined;
    // A query sent without its path (`url.query`) is judged under the record's path (query-paths.ts).
    const queryPlace = prefix === "" && (walks & ListWalk.QUERY_PATHS) !== 0 ? queryPlaceIn(attributes) : 0;
    // A Redis command object's arguments are read with its `name` (redis-command-objects.ts).
    const commandObjects = this.policy.redisArguments && (walks & ListWalk.REDIS_COMMAND_OBJECTS) !== 0 ? commandObjectsIn(attributes, prefix) : undefined;
    let kept = 0;
    for (let i = 0; i < attributes.length; i++) {
      const attribute = attributes[i]!;
      try {
        let key: string;
        let rule: KeyRule;
        if (planned !== undefined) {
          // No walk ran, no key is renamed: the path and rule are the ones the lines below give.
          key = planned.paths![i]!;
          rule = planned.ruleAt(i);
        } else {
          const paired = pairNames === undefined ? attribute.key : pairRuledKey(attribute.key, attribute.value, pairNames);
          const owned = ownedNames === undefined ? paired : ownedNameRuledKey(paired, ownedNames);
          const own = addressOwners === undefined ? owned : ownedAddressRuledKey(owned, addressOwners);
          key = prefix === "" ? own : `${prefix}.${own}`;
          if (summary && REDACTION_NOTE_KEYS.has(key)) {
            key = moveToProducerName(attributes, attribute);
          }
          rule = keyRules.ruleFor(key);
          const variable = graphQL.length === 0 || rule.action !== "scan" ? undefined : variableEntry(graphQL, attribute.key);
          if (variable !== undefined) {
            rule = variableRule(rule, variable.arguments, (argument) => keyRules.ruleFor(renamedVariable(key, variable.rest, argument)));
          }
          const columns = queryParameters?.get(attribute.key);
          if (columns !== undefined) rule = queryParameterRule(rule, columns, keyRules);
          if (queryPlace !== 0 && rule.action === "scan" && isQueryKey(key)) rule = { ...rule, place: rule.place | queryPlace };
        }
        // A metric's attributes are its series' identity: a location finer than the policy's
        // precision becomes its hashed marker (`ruled`), for removing the key would store the
        // points of two places as one series' rows at one time. A listed key is removed there too,
        // the operator's choice, and the series it merges are named (`mergedSeries`).
        if (rule.action === "drop" && !(this.series && rule.located === true)) {
          this.tally.add(DROPPED_KIND);
          if (this.series) this.droppedListed = true;
          continue;
        }
        // Stores only what changed: a store into an old object costs a write barrier.
        const command = commandObjects?.get(attribute.key);
        if (command !== undefined) this.commandObjectArguments(attribute, command);
        const value = attribute.value;
        const bound = graphQL.length === 0 ? undefined : variablesUnder(graphQL, attribute.key);
        const event = rule.action === "scan" ? events?.get(attribute.key) : undefined;
        const ruled = event !== undefined ? this.eventValues(value, event, rule, key) : this.ruled(value, rule, key, bound);
        if (ruled !== value) {
          attribute.value = ruled;
          this.noteRewritten(value, ruled);
        }
      } catch (error) {
        this.failedAttribute(attribute, prefix, error);
      }
      if (kept !== i) attributes[kept] = attribute;
      kept++;
    }
    if (kept !== attributes.length) attributes.length = kept;
  }

  /**
   * `path`: the value's key path, the prefix of its nested keys; `variables`: the value is a
   * GraphQL request's variables, bound so.
   */
  private ruled(value: AnyValue, rule: KeyRule, path: string, variables?: VariableArguments): AnyValue {
    switch (rule.action) {
      case "keep":
        return value;
      case "drop":
        // Only a metric's location finer than the policy's precision reaches here (`ruleAttributes`).
        return this.secret(value, VISITOR_LOCATION_KIND);
      case "scan": {
        const excluded = this.excludedBy(rule);
        // A URL names a server in its host: the one a client called, or on a server's span and
        // a log record the service itself, as the request's Host header named it (RFC 9110
        // §7.2); its path and query still carry the caller's data (`?ip=203.0.113.9` is a
        // person's address).
        const inHost = rule.url ? excluded | this.policy.addressDetectors : excluded;
        return this.value(value, excluded, inHost, rule.place, path, variables);
      }
      default: {
        // A map under a secret's name is ruled member by member: the secret's members hold it
        // (`credentials.value`), its metadata stays (`password.length`, `api_key.id`), as
        // the attributes lifted from the same JSON are (secret-names.ts, `heldSecrecy`). Not a
        // map secret by what it is bound to (a GraphQL variable passed as a `password`): its
        // members' paths name no secret, so the whole map goes.
        // So is a cookie jar's JSON text (tough-cookie's serialized jar under `cookies`): its
        // cookies' values go, their names and attributes stay.
        if (!namesHolder(rule) && ("kvlistValue" in value || holdsJarText(value, path)) && this.policy.keyRules.ruleFor(path) === rule) {
          return this.value(value, 0, 0, 0, path, variables);
        }
        const preference = holdsPreference(value, path);
        const kind = preference ? undefined : replacedKind(value, rule, this.policy, this.series, path);
        // What a holder's or person's name key holds besides a name (an object, a list, a flag,
        // `root`) is scanned: its members are ruled by their own keys (`cardholder.name`, `cardholder.brand`).
        // An e-mail address under a session's or cookie's name is the address it is (`saysWhose`).
        if (kind === undefined && (namesHolder(rule) || saysWhose(value, rule) || preference)) return this.value(value, 0, 0, rule.scanPlace ?? 0, path, variables);
        if (kind === undefined) return value;
        const credentials = this.headerCredentials(value, kind, path);
        if (credentials?.value === value) return value;
        this.tally.add(kind, credentials?.markers ?? 1);
        return credentials?.value ?? this.replacedWhole(value, kind, rule);
      }
    }
  }

  /**
   * A credential header's value under `key` (`http.request.header.cookie`, `Authorization`: a
   * string, or a list of them as the semantic conventions record a header's values) with only its
   * credentials replaced by `kind`'s marker (credential-headers.ts); undefined when `key` names no
   * such header or a string does not read as its syntax, and the whole value goes; `value`
   * itself when it holds no credential (`theme=dark`). `markers`: how many credentials were
   * replaced (a `Cookie`'s cookies, a Digest's `username` and `response`), each counted.
   */
  private headerCredentials(value: AnyValue, kind: string, key: string): { value: AnyValue; markers: number } | undefined {
    if (kind !== SECRET_KEY_KIND) return undefined;
    let markers = 0;
    // A session's cookie (`JSESSIONID=…`) leaves the session's hashed marker, as its id does anywhere.
    const mark = (credential: string, sessionId?: boolean) => {
      markers++;
      const marker = sessionId === true ? this.policy.sessionMarker(credential) : (this.marker({ stringValue: credential }, kind) as { stringValue: string }).stringValue;
      this.recurring.note(credential, kind, marker);
      return marker;
    };
    const one = (item: AnyValue): AnyValue | undefined => {
      if (!("stringValue" in item)) return undefined;
      // A session's key holding cookies' pairs (`vtex.session`: `segment=…; vtex_session=…`) reads as a `Cookie` header.
      const header = credentialHeaderHolding(key, item.stringValue);
      if (header === undefined) return undefined;
      const redacted = redactCredentialHeader(header, item.stringValue, mark);
      if (redacted === undefined) return undefined;
      return redacted === item.stringValue ? item : { stringValue: redacted };
    };
    if (!("arrayValue" in value)) {
      const redacted = one(value);
      return redacted === undefined ? undefined : { value: redacted, markers };
    }
    const items: AnyValue[] = [];
    for (const item of value.arrayValue) {
      const redacted = one(item);
      if (redacted === undefined) return undefined;
      items.push(redacted);
    }
    return { value: items.every((item, i) => item === value.arrayValue[i]) ? value : { arrayValue: items }, markers };
  }

  /** The detectors a scan rule keeps off its value's strings (see TextScanner.redact). */
  private excludedBy(rule: KeyRule & { action: "scan" }): number {
    const { addressDetectors, cardDetectors } = this.policy;
    return (
      (rule.server || rule.version || (rule.peer && this.peerIsServer) ? addressDetectors : 0) |
      ((rule.id && (rule.place & Place.MEASURE_VALUE) === 0) || rule.version ? cardDetectors : 0)
    );
  }

  /**
   * The value a hash or credential `rule` leaves for `value`, whose kind `replacedKind` gave. A
   * session's id (`KeyRule.sessionShaped`: `session.id`, `JSESSIONID`) is its bearer's credential
   * and goes, but as its hashed marker (`[REDACTED:secret:<keyed hash>]`) in every signal, as a
   * metric attribute's marker is: a session's records still group, and nobody without the key
   * can find which session they are (docs/decisions.md, 2026-12-03).
   */
  private replacement(value: AnyValue, kind: string, rule: KeyRule): AnyValue {
    if (kind === HASHED_KIND) return { stringValue: this.policy.hash!(valueText(value)) };
    if (rule.action === "secret" && rule.sessionShaped === true) return { stringValue: this.policy.sessionMarker(valueText(value)) };
    return this.marker(value, kind);
  }

  /**
   * `replacement`, with a string's or a number's text noted for its other occurrences in the
   * record (RecurringValues), unless hashed: a hashed value is kept on purpose.
   */
  private replacedWhole(value: AnyValue, kind: string, rule: KeyRule): AnyValue {
    // A person's name with a note saying no name (`John Smith (Deleted User)`: `nameNote`) loses the name only.
    const text = kind === PERSON_NAME_KIND && "stringValue" in value ? value.stringValue.trim() : undefined;
    const note = text === undefined ? undefined : nameNote(text);
    if (text !== undefined && note !== undefined) {
      const named = this.replacedWhole({ stringValue: text.slice(0, -note.length) }, kind, rule) as { stringValue: string };
      return { stringValue: named.stringValue + note };
    }
    const replaced = this.replacement(value, kind, rule);
    if (kind !== HASHED_KIND && ("stringValue" in value || "intValue" in value) && "stringValue" in replaced) {
      this.recurring.note(valueText(value), kind, replaced.stringValue);
    }
    return replaced;
  }

  /**
   * JsonKeyRules: the rule of the member's path after the attribute's key, else of its path from
   * the JSON's root; the member gets the value its attribute copy would get. A GraphQL variable
   * gets the rule its paths would have named after the arguments it is passed as
   * (`variableRule`). The text detectors that scan the whole text afterwards read the member's own
   * `name` before its value (`numero`), not its path (`pedido.numero`): where the path's scan rule
   * differs from the name's, the value is judged here as its attribute is (`scannedMember`).
   */
  member(path: string, rootPath: string, value: unknown, name: string, argumentPaths?: readonly string[], prose = false): MemberAction {
    const own = this.memberRule(path, rootPath);
    const rule =
      argumentPaths === undefined
        ? own
        : variableRule(own, argumentPaths, (argument) => this.memberRule(renamedVariable(path, "", argument), renamedVariable(rootPath, "", argument)));
    switch (rule.action) {
      case "scan":
        // At the root a scan rule is the name's own (`memberRule`), so no lookup is needed there.
        if (rule !== own || (rootPath !== name && rule !== this.policy.keyRules.ruleFor(name))) return this.scannedMember(name, value, rule);
        // An attribute keeps a number under a name that says no person's number (`bytes`): so
        // does the text's scan, whose detectors read only its digits (a CPF's, one in a hundred).
        if ((rule.place & PERSONAL_NUMBER_PLACES) === 0) this.keepNumber(name, value);
        return DESCEND;
      case "keep": {
        // Listed to keep: the scan after must not take from the text what the attribute keeps.
        const spelling = typeof value === "string" ? (mayBeJsonContainer(value) ? undefined : value) : numberSpelling(value);
        if (spelling !== undefined) this.kept.add(name, spelling);
        return KEEP;
      }
      case "drop": {
        // In prose the member stays for the text detectors, which mark what they find (`JsonKeyRules.member`).
        if (prose) return DESCEND;
        // In a metric's JSON text a location finer than the policy's precision is its hashed
        // marker, as the attribute is (`ruleAttributes`); a listed key is removed, the operator's choice.
        if (!(this.series && rule.located === true)) {
          this.inJson.add(DROPPED_KIND);
          if (this.series) this.droppedListed = true;
          return REMOVE;
        }
        this.inJson.add(VISITOR_LOCATION_KIND);
        return (this.marker(jsonToAnyValue(value), VISITOR_LOCATION_KIND) as { stringValue: string }).stringValue;
      }
      default: {
        // An object under a secret's name is ruled member by member, as its lifted attributes
        // and a map attribute are (`ruled`). Not a GraphQL variable that is secret by the
        // argument it is passed as: the walk rules its members by their paths under the
        // variable's name, which names no secret, so the whole object goes.
        if ((rule.action === "secret" || rule.action === "secret_code") && rule === own && (isJsonObject(value) || (isListOfObjects(value) && namesCookieJarKey(path)))) return DESCEND;
        // The AnyValue lifting stores for the member, so that its hash is the attribute's.
        const lifted = jsonToAnyValue(value);
        // A preference cookie in a jar keeps its setting, for the text detectors to read.
        if (holdsPreference(lifted, path) || holdsPreference(lifted, rootPath)) return DESCEND;
        // A Secret's name is a series' own label, never a JSON member's value. The path, as an
        // attribute's key, is what the rule was read from (`pass.value` is ruled as `pass`).
        const kind = replacedKind(lifted, rule, this.policy, false, path);
        if (kind === undefined) return namesHolder(rule) || saysWhose(lifted, rule) ? DESCEND : KEEP;
        // The path names the header where the member's own name does not: a name/value pair's
        // `value` is ruled under its sibling's name (`{"name":"Cookie","value":…}`).
        const credentials = this.headerCredentials(lifted, kind, path);
        if (credentials?.value === lifted) return KEEP;
        this.inJson.add(kind, credentials?.markers ?? 1);
        return ((credentials?.value ?? this.replacedWhole(lifted, kind, rule)) as { stringValue: string }).stringValue;
      }
    }
  }

  /** The rule of a JSON member: its path's after the attribute's key, else its path's from the root. */
  private memberRule(path: string, rootPath: string): KeyRule {
    const keyRules = this.policy.keyRules;
    const rule = keyRules.ruleFor(path);
    return rule.action === "scan" && rootPath !== path ? keyRules.ruleFor(rootPath) : rule;
  }

  /**
   * A member whose path's scan `rule` differs from its own `name`'s, read as its attribute copy
   * is read (`value`): a string, or an integer where the key names a person's number (any other
   * number an attribute stores as it is), by the text detectors with what `rule`'s key says about
   * it (`KeyRule.place`, the detectors it leaves out), its finds counted with the JSON text's. The
   * text replacing it when that finds something (`{"user":{"id":"…"}}`: a person's id holds the
   * CPF), else DESCEND with the member noted in `kept` (`{"pedido":{"numero":"…"}}`: an order's
   * number), so that the scan of the whole text after, which reads only `name`, leaves it too.
   * JSON text in a string is left to the walk, which rules its members by their own paths.
   */
  private scannedMember(name: string, value: unknown, rule: KeyRule & { action: "scan" }): MemberAction {
    const scanner = this.policy.scanner;
    if (scanner === undefined) return DESCEND;
    if (Array.isArray(value)) return this.scannedItems(name, value, rule);
    let text: string;
    if (typeof value === "string") {
      if (value === "" || mayHoldJsonInProse(value)) return DESCEND;
      text = value;
    } else if ((rule.place & PERSONAL_NUMBER_PLACES) !== 0 && isJsonNumber(value)) {
      // Throws INEXACT_NUMBER for an integer JSON.parse rounded: the exact walk has its digits.
      const lifted = jsonToAnyValue(value);
      if (!("intValue" in lifted)) return DESCEND;
      text = lifted.intValue;
    } else {
      this.keepNumber(name, value);
      return DESCEND;
    }
    // The request's memo of unchanged texts: the value's lifted attribute, scanned after the
    // body with the same rule, is then read once.
    const excluded = this.excludedBy(rule);
    if (this.unchanged.has(text, excluded, excluded, rule.place)) {
      this.kept.add(name, text);
      return DESCEND;
    }
    const redacted = scanner.redact(text, this.inJson, excluded, rule.place, undefined, this.series ? this.seriesMarking : undefined);
    if ((rule.place & PERSONAL_PLACES) !== 0) this.recurring.noteWhole(text, redacted);
    if (redacted === text) {
      this.unchanged.add(text, excluded, excluded, rule.place);
      this.kept.add(name, text);
      return DESCEND;
    }
    this.kept.contest(name, text);
    return redacted;
  }

  /** Notes a member `name` holding a number (none else) as kept: the scan of the text after leaves its digits. */
  private keepNumber(name: string, value: unknown): void {
    const spelling = numberSpelling(value);
    if (spelling !== undefined) this.kept.add(name, spelling);
  }

  /**
   * The items of an array member whose path's scan `rule` differs from its own `name`'s, each
   * judged as the member's value is (`scannedMember`): `{"user":{"ids":[…]}}` holds a person's
   * ids, which the text detectors, reading the list's name `ids`, would keep as things' ids. The
   * array with the items that finds something replaced, else DESCEND.
   */
  private scannedItems(name: string, items: readonly unknown[], rule: KeyRule & { action: "scan" }): MemberAction {
    let replaced: unknown[] | undefined;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (typeof item !== "string" && !isJsonNumber(item)) continue;
      const action = this.scannedMember(name, item, rule);
      if (typeof action === "string") (replaced ??= items.slice())[i] = action;
    }
    return replaced ?? DESCEND;
  }

  restart(): void {
    this.inJson.reset();
    this.kept.clear();
  }

  /**
   * Applies key rules inside `text` when it holds JSON (json-text.ts), counting what they did.
   * In a metric attribute each replaced member is its hashed marker (`marker`, `seriesMarking`),
   * the rest of the text kept, as for a detector's find.
   */
  private jsonKeyRules(text: string, path: string, variables: VariableArguments | undefined): string {
    this.inJson.reset();
    // Until a rule changes something (and the walk restarts), the text the scan after reads is `text` itself.
    this.kept.clear(text);
    const ruled = applyKeyRulesToJsonText(text, path, this, variables);
    if (ruled !== text) this.tally.addAll(this.inJson);
    return ruled;
  }

  /**
   * Notes a string value that redaction replaced, with the sender's length (see redactRequest):
   * `original`'s own, or the one noted for it when it is itself a replacement.
   */
  private noteRewritten(original: AnyValue, replacement: AnyValue): void {
    if (this.rewritten === undefined || !("stringValue" in replacement)) return;
    this.rewritten.set(replacement, this.rewritten.get(original) ?? ("stringValue" in original ? original.stringValue.length : 0));
  }

  /**
   * `excluded`: detectors that do not run on this value's strings (see TextScanner.redact);
   * `inHost`: those that do not run on the scheme and authority of a string holding a URL;
   * `place`: what the value's key says about it (`Place`: an id's, an SSN's); `path`: its key
   * path, the prefix of a nested map's keys and of the members of JSON text in it; `variables`:
   * the value (JSON text, a map) is a GraphQL request's variables, bound so.
   */
  private value(value: AnyValue, excluded: number, inHost = excluded, place = 0, path = "", variables?: VariableArguments): AnyValue {
    if ("stringValue" in value) {
      const sent = value.stringValue;
      const redacted = this.ruledText(sent, excluded, inHost, place, path, variables);
      return redacted === sent ? value : { stringValue: redacted };
    }
    if ("arrayValue" in value) {
      // An argument list (`process.command_args`): the element after a flag such as
      // `--password` is its value, which the text detectors see alone; a Redis command's
      // arguments (`["AUTH", "default", "…"]`) are read by its grammar.
      const items = value.arrayValue;
      const first = items[0];
      const program = first !== undefined && "stringValue" in first ? first.stringValue : "";
      const redis = this.policy.redisArguments ? redisArgumentPasswords(items.map(commandArgumentText), standsForSecret) : [];
      let previous: string | undefined;
      for (let i = 0; i < items.length; i++) {
        const item = items[i]!;
        const argument = "stringValue" in item ? item.stringValue : undefined;
        const secret = this.policy.secretFlags && argument !== undefined && isSecretArgument(program, previous, argument);
        previous = argument;
        const password = redis.find(({ index }) => index === i);
        const redacted =
          password !== undefined
            ? this.secretFrom(item, REDIS_PASSWORD_KIND, password.offset)
            : secret
              ? this.secret(item, SECRET_PARAM_KIND)
              : this.value(item, excluded, inHost, place, path);
        if (redacted !== item) {
          items[i] = redacted;
          this.noteRewritten(item, redacted);
        }
      }
      return value;
    }
    if ("kvlistValue" in value) {
      this.attributes(value.kvlistValue, jsonRoot(path), false, variables);
      return value;
    }
    // An integer under a key naming a person's number (`{"phone":11987654321}`, `{"zip":94105}`,
    // `{"cliente":{"cpf":10023456779}}` lifted) is that number as its digits: scanned as the text
    // a row shows for it.
    // The key's facts are read first: most numbers are under no such key, and skip both tests.
    if ((place & PERSONAL_NUMBER_PLACES) !== 0 && "intValue" in value) {
      const redacted = this.ruledText(value.intValue, excluded, inHost, place);
      return redacted === value.intValue ? value : { stringValue: redacted };
    }
    // A whole number sent as a double is the same number: its digits, as `String` prints a safe integer.
    if ((place & PERSONAL_NUMBER_PLACES) !== 0 && "doubleValue" in value && Number.isSafeInteger(value.doubleValue)) {
      const digits = String(value.doubleValue);
      const redacted = this.ruledText(digits, excluded, inHost, place);
      return redacted === digits ? value : { stringValue: redacted };
    }
    if ("bytesValue" in value) return this.bytes(value.bytesValue, excluded, inHost, place, path) ?? value;
    // Other numbers and booleans carry no text to scan.
    return value;
  }

  /**
   * Bytes holding UTF-8 text (`bytesText`: a payload a sender set as bytes, a JSON document),
   * redacted as that text is, and kept bytes: the row stores the base64 of the redacted text, as
   * the Collector stores bytes (docs/decisions.md, 2026-12-03); undefined when nothing changed or
   * the bytes are no text (an image, a protobuf message), which no detector can read.
   */
  private bytes(bytes: Uint8Array, excluded: number, inHost: number, place: number, path: string): AnyValue | undefined {
    const text = bytesText(bytes);
    if (text === undefined) return undefined;
    const redacted = this.ruledText(text, excluded, inHost, place, path);
    return redacted === text ? undefined : { bytesValue: UTF8_ENCODER.encode(redacted) };
  }

  /**
   * `sent` with the key rules applied to the JSON it holds, whole or written after words
   * (`jsonKeyRules`), then redacted by the text detectors (`text`); arguments as in `value`. A
   * span's or an event's name and a status message are read so too: a name has no key, but the
   * JSON in it has its members' (`login {"credentials":{"value":…}}`).
   */
  private ruledText(sent: string, excluded: number, inHost = excluded, place = 0, path = "", variables?: VariableArguments): string {
    // Each text is redacted on its own: what one detector throws on it loses this text alone (`failed`).
    try {
      // A text met before in the request, scanned the same way and left unchanged, holding no JSON
      // whatever its key: the answer is the same, so neither the JSON checks nor the scan read it.
      const met = sent === "" ? Met.NOT : this.unchanged.met(sent, excluded, inHost, place);
      if (met === Met.PLAIN) return sent;
      if (!mayHoldJsonInProse(sent) && !mayBeHeaderList(sent, path)) {
        // The memo's answer for `sent` is known: `text`'s lookup is not made again.
        const redacted = met === Met.UNCHANGED ? sent : this.scanned(sent, excluded, inHost, place, undefined, !mayBeJsonContainer(sent));
        // A value the key's facts made one find (`phone`: `415.555.0132`) is searched for in the rest of the record.
        if ((place & PERSONAL_PLACES) !== 0) this.recurring.noteWhole(sent, redacted);
        return redacted;
      }
      const json = this.jsonKeyRules(sent, jsonRoot(path), variables);
      return this.text(json, excluded, inHost, place, this.kept.isEmpty ? undefined : this.kept);
    } catch (error) {
      return (this.failed({ stringValue: sent }, path, error) as { stringValue: string }).stringValue;
    }
  }

  /**
   * The marker replacing `value`, whose redaction at `path` threw `error` (failures.ts): a
   * `redaction_failed` marker, hashed in a metric attribute as any marker there is, so that
   * distinct values stay distinct series; counted as a redaction of that kind and noted in
   * `failures` (the first one's place, and how many).
   */
  private failed(value: AnyValue, path: string, error: unknown): AnyValue {
    this.tally.add(REDACTION_FAILED_KIND);
    if (this.failures === undefined) {
      this.failures = { count: 0, first: redactionFailure(path === "" ? this.part : `${this.part}, key ${path}`, error) };
    }
    this.failures.count++;
    return this.marker(value, REDACTION_FAILED_KIND);
  }

  /** `failed` for an attribute of a list at `prefix`: its value replaced, its key kept. */
  private failedAttribute(attribute: KeyValue, prefix: string, error: unknown): void {
    const value = attribute.value;
    attribute.value = this.failed(value, prefix === "" ? attribute.key : `${prefix}.${attribute.key}`, error);
    this.noteRewritten(value, attribute.value);
  }

  /**
   * A query event's `params` or `bindings` (`queryEvents`: JSON text of the values bound to
   * `event`'s statement, or an array of them), redacted as in the event's own JSON text
   * (`queryEventText`), so each value gets its column's rule and one verdict in every form the
   * event is sent in; only the finds in the values are counted, the statement being a value of
   * its own. An array's items are replaced in place; an item that is no scalar (a map, bytes) is
   * bound to no column here and ruled as `rule` rules the array's items, at `path`.
   */
  private eventValues(value: AnyValue, event: QueryEvent, rule: KeyRule, path: string): AnyValue {
    if (this.policy.scanner === undefined) return value;
    if ("stringValue" in value) {
      const params = value.stringValue;
      const ruled = this.redactedEventValues(params, event);
      if (ruled === params) return value;
      this.tally.addAll(this.scratch);
      return { stringValue: this.series ? seriesMarker(this.scratch.kindList(), this.policy.seriesHash(params)) : ruled };
    }
    if (!("arrayValue" in value)) return this.ruled(value, rule, path);
    const items = value.arrayValue;
    const text = boundValuesText(items);
    const ruled = this.redactedEventValues(text, event);
    const replaced = ruled === text ? undefined : replacedBoundValues(items, ruled);
    // Not met: markers are written as JSON strings. Should it be, the items are scanned alone.
    if (ruled !== text && replaced === undefined) return this.ruled(value, rule, path);
    if (replaced !== undefined && replaced.size > 0) {
      this.tally.addAll(this.scratch);
      // A series keeps its identity whole: one marker for the list, as for its JSON text.
      if (this.series) return { stringValue: seriesMarker(this.scratch.kindList(), this.policy.seriesHash(text)) };
      for (const [i, redacted] of replaced) {
        const item = items[i]!;
        items[i] = { stringValue: redacted };
        this.noteRewritten(item, items[i]!);
      }
    }
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (isBoundScalar(item)) continue;
      const redacted = this.ruled(item, rule, path);
      if (redacted !== item) {
        items[i] = redacted;
        this.noteRewritten(item, redacted);
      }
    }
    return value;
  }

  /**
   * `values` (JSON text of an array bound to `event`'s statement) as the redaction of the event's
   * JSON text leaves them, the same string when it finds nothing there; what it replaced in them
   * is counted in `scratch` (reset first).
   */
  private redactedEventValues(values: string, event: QueryEvent): string {
    const scratch = this.scratch;
    scratch.reset();
    const text = queryEventText(event, values);
    const redacted = this.policy.scanner!.redact(text, scratch, 0, 0);
    const ruled = redacted === text ? values : (queryEventParams(event, redacted) ?? values);
    scratch.reset();
    if (ruled !== values) countAddedMarkers(values, ruled, scratch);
    return ruled;
  }

  /** The secret marker of `kind` for a whole value (hashed in metric attributes), counted. */
  private secret(value: AnyValue, kind: string): AnyValue {
    this.tally.add(kind);
    return this.marker(value, kind);
  }

  /**
   * The passwords among a Redis command object's arguments (`attribute`'s list, `command` the
   * object's `name`: `commandObjectsIn`), replaced by the command's grammar (`redisArgumentPasswords`);
   * its other items are ruled as any list's after.
   */
  private commandObjectArguments(attribute: KeyValue, command: string): void {
    const value = attribute.value;
    if ("stringValue" in value) {
      const redacted = this.commandObjectArgumentsText(value.stringValue, command);
      if (redacted !== value.stringValue) {
        attribute.value = { stringValue: redacted };
        this.noteRewritten(value, attribute.value);
      }
      return;
    }
    if (!("arrayValue" in value)) return;
    const items = value.arrayValue;
    const passwords = redisArgumentPasswords([command, ...items.map(commandArgumentText)], standsForSecret, "list");
    for (const { index, offset } of passwords) {
      const item = items[index - 1]!;
      const redacted = this.secretFrom(item, REDIS_PASSWORD_KIND, offset);
      items[index - 1] = redacted;
      this.noteRewritten(item, redacted);
    }
  }

  /**
   * `text`, a command object's arguments as a JSON array's text (a lifted array: `["default","pw"]`)
   * or as a line (`default pw`), with its passwords replaced: read as the list with `command` as
   * its first item, or the line after it (`redisPasswords`).
   */
  private commandObjectArgumentsText(text: string, command: string): string {
    // A list's text is read as the list with the command first; other text as the command's line
    // (`db.redis.args`: `default pw`).
    const list = text.startsWith("[");
    const head = list ? `[${JSON.stringify(command)},` : `${command} `;
    const shift = list ? head.length - 1 : head.length;
    let redacted = "";
    let kept = 0;
    for (const { start, end } of redisPasswords(head + text.slice(list ? 1 : 0), standsForSecret, () => ({ sent: true }))) {
      const password = text.slice(start - shift, end - shift);
      redacted += `${text.slice(kept, start - shift)}${(this.secret({ stringValue: password }, REDIS_PASSWORD_KIND) as { stringValue: string }).stringValue}`;
      kept = end - shift;
    }
    return kept === 0 ? text : redacted + text.slice(kept);
  }

  /** `secret`, for the part of a string `value` from `offset` on (an `ACL SETUSER` rule's password after its `>`). */
  private secretFrom(value: AnyValue, kind: string, offset: number): AnyValue {
    const marked = this.secret(value, kind);
    return offset === 0 || !("stringValue" in value && "stringValue" in marked) ? marked : { stringValue: value.stringValue.slice(0, offset) + marked.stringValue };
  }

  private marker(value: AnyValue, kind: string): AnyValue {
    return {
      stringValue: this.series ? seriesMarker(kind, this.policy.seriesHash(valueText(value))) : redactionMarker(kind),
    };
  }

  /**
   * `text` redacted as a value at `place` with `excluded` and `inHost` (see `value`); `kept`: the
   * members of JSON text whose values the key rules kept by their paths (KeptMembers). A text left
   * unchanged only thanks to `kept` is not remembered as unchanged: under another key its members'
   * paths differ.
   */
  private text(text: string, excluded: number, inHost = excluded, place = 0, kept?: KeptMembers): string {
    if (text !== "" && this.unchanged.has(text, excluded, inHost, place)) return text;
    return this.scanned(text, excluded, inHost, place, kept, false);
  }

  /**
   * `text` for a text the memo of unchanged texts does not hold scanned so (`UnchangedTexts.met`);
   * `plain`: the text holds no JSON the key rules read, whatever its key (`ruledText`).
   */
  private scanned(text: string, excluded: number, inHost: number, place: number, kept: KeptMembers | undefined, plain: boolean): string {
    const scanner = this.policy.scanner;
    if (scanner === undefined || text === "") return text;
    // In a metric attribute each find is replaced in place by its hashed marker: the value keeps
    // its server and path, and its series stays its own.
    const redacted = redactText(scanner, text, this.tally, excluded, inHost, place, kept, this.series ? this.seriesMarking : undefined);
    if (redacted === text && kept === undefined) this.unchanged.add(text, excluded, inHost, place, plain);
    return redacted;
  }

  /**
   * A metric attribute's marker for a find of `kind` hiding `found` (SeriesMarking): the kind and
   * the keyed hash of what it hides, so distinct secrets stay distinct series and the same one the
   * same, of every kind: a connection's password too, as two values differing only in it are two
   * series in the sender's data, and the rest of the value (its server) is kept around the marker.
   */
  private readonly seriesMarking = (kind: string, found: string): string => seriesMarker(kind, this.policy.seriesHash(found));
}

/**
 * Redacts `text`, with the detectors in `inHost` left out of its URL's scheme and authority
 * (`https://user:pw@10.0.4.7:8080`, RFC 3986 §3.2) when it differs from `excluded`; a text
 * that is no absolute URL is scanned whole with `excluded`. `place`, `kept` and `marking` as in
 * `TextScanner.redact`. Unchanged text comes back as the same string.
 */
function redactText(
  scanner: TextScanner,
  text: string,
  tally: RedactionTally,
  excluded: number,
  inHost: number,
  place: number,
  kept: KeptMembers | undefined,
  marking?: SeriesMarking,
): string {
  const hostEnd = inHost === excluded ? -1 : authorityEnd(text);
  if (hostEnd < 0) return scanner.redact(text, tally, excluded, place, kept, marking);
  const head = text.slice(0, hostEnd);
  const tail = text.slice(hostEnd);
  const redactedHead = scanner.redact(head, tally, inHost, place, kept, marking);
  const redactedTail = scanner.redact(tail, tally, excluded, place, kept, marking);
  return redactedHead === head && redactedTail === tail ? text : redactedHead + redactedTail;
}

/** A URL's scheme and the `//` before its authority (RFC 3986 §3.1). */
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;

/** Where the authority of an absolute URL (`scheme://authority`) ends, or -1 when there is none. */
function authorityEnd(text: string): number {
  const scheme = SCHEME.exec(text);
  if (scheme === null) return -1;
  for (let i = scheme[0].length; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 47 /* / */ || code === 63 /* ? */ || code === 35 /* # */) return i;
  }
  return text.length;
}

/**
 * Whether `value` under the credential's `key` only stands in for a secret (`standsInForSecret`):
 * a cookie jar's member (`cookies.session`) is a cookie's value, opaque whatever word it is, as in
 * a `Cookie` header (`session=active`), so only a placeholder or a mask stands in there (`isMaskOrPlaceholder`).
 * Under a header's name a scheme's word or a header's name is none (`holdsNoCredentialUnderHeader`:
 * `http.request.header.x-api-key` = `Token`), as in text.
 */
function standsInSecretsPlace(key: string, value: string): boolean {
  return inCookieJar(key) ? isMaskOrPlaceholder(value) : standsInForSecret(value) || holdsNoCredentialUnderHeader(key, value);
}

/**
 * Whether `value`, under a credential's key, is a list holding no value: none at all (an empty
 * header, Go's `Authorization:[]`, JSON's `"authorization":[]`), or strings that each hold none
 * (`[""]`, `["<nil>"]`, `["[FILTERED]"]`: `holdsNoValueText`). An attribute's array, or a JSON
 * member's list as lifting holds it (its JSON text: `jsonList`), or Go's `%#v` of an empty
 * header, kept as written (`[]string{}`, `[]string{""}`, `[]string(nil)`: `GO_EMPTY_SLICE`). Nothing in it to hide, and a
 * marker there would count a secret that was never sent. A null item is not read as none: a
 * printed record's reader reads a bare word as null (`{password=[hunter2]}`), which may be the
 * secret, so `[null]`, `[nil]`, `[<nil>]` are replaced and counted (as they are after `name=` in text).
 */
function holdsEmptyList(value: AnyValue): boolean {
  if ("arrayValue" in value) return value.arrayValue.every(holdsNoValueItem);
  if (!("stringValue" in value) || value.stringValue.charCodeAt(0) !== 0x5b /* [ */) return false;
  if (GO_EMPTY_SLICE.test(value.stringValue)) return true;
  const items = jsonList(value.stringValue);
  return items !== undefined && items.every((item) => typeof item === "string" && holdsNoValueText(item));
}

/** Go's `%#v` of a string slice holding no value: `[]string{}`, `[]string{""}`, `[]string{"", ""}`, and a nil one, `[]string(nil)`. */
const GO_EMPTY_SLICE = /^\[\]string(?:\{(?:[ \t]*""(?:[ \t]*,[ \t]*"")*)?[ \t]*\}|\(nil\))$/;

/** Whether an attribute array's `item` holds no value (`holdsEmptyList`): a string holding none, an empty list. */
function holdsNoValueItem(item: AnyValue): boolean {
  if ("stringValue" in item) return holdsNoValueText(item.stringValue);
  return "arrayValue" in item && holdsEmptyList(item);
}

/** Whether a list's string item holds no value: blanks, or a placeholder or mask alone (`isMaskOrPlaceholder`: `<nil>`, `None`, `[FILTERED]`). */
function holdsNoValueText(item: string): boolean {
  const trimmed = item.trim();
  return trimmed === "" || isMaskOrPlaceholder(trimmed);
}

/**
 * The kind a hash or credential key rule replaces `value` as, or undefined when the value stays:
 * a hash needs the policy's key and a value (`empty` has none); a credential's key hides text,
 * and a code's numbers too, but not a placeholder (`${DB_PASSWORD}`, `<your-key>`, `****`), which
 * tells how the service is configured and hides nothing, nor a state's word (`required`, `expired`), as in text (`standsInSecretsPlace`), nor a
 * marker an earlier pass wrote (`[REDACTED:email]` under `session`: `isRedactionMarker`), nor a
 * list of secrets' names under a key naming them (`key`, its last part: `listsSecretNames`,
 * `{"secrets":["STRIPE_KEY","DB_URL"]}`), nor, as a metric's own attribute (`series`), a
 * Kubernetes Secret's name (`namesSecretObject`), nor a resource's name (`isArn`: a Secrets
 * Manager secret's ARN under `secret`), nor the name of an existing Secret or of its key under a
 * setting referring to one (`existingSecret: db-creds`).
 */
function replacedKind(value: AnyValue, rule: KeyRule, policy: RedactionPolicy, series: boolean, key: string): string | undefined {
  switch (rule.action) {
    case "hash":
      return policy.hash === undefined || "empty" in value ? undefined : HASHED_KIND;
    case "secret":
    case "secret_code":
      // A number is a credential as its text would be (`{"password":1234}`, a PIN); a flag is none.
      if (!holdsText(value) && !holdsNumber(value)) return undefined;
      if ("stringValue" in value && (standsInSecretsPlace(key, value.stringValue) || isArn(value.stringValue) || isRedactionMarker(value.stringValue))) return undefined;
      if (holdsEmptyList(value)) return undefined;
      if (listsSecretNames(key.slice(key.lastIndexOf(".") + 1), value)) return undefined;
      if (saysWhose(value, rule)) return undefined;
      // An attribute's or a JSON member's string is whole, as a quoted value in text.
      if (rule.passShaped === true && !("stringValue" in value && isPassPassword(key.slice(key.lastIndexOf(".") + 1), value.stringValue, true))) return undefined;
      if (rule.passWord === true && !holdsPassWordSecret(key, value)) return undefined;
      if (rule.codeDigits !== undefined && !holdsCodes(value, rule.codeDigits, key)) return undefined;
      if (rule.counts === true && holdsCount(value) && !(rule.codesAmongCounts !== undefined && holdsList(value) && holdsCodes(value, rule.codesAmongCounts, key))) return undefined;
      if (rule.shortCounts === true && holdsShortCount(value)) return undefined;
      if (rule.action === "secret" && holdsNoSecretNumber(key, value)) return undefined;
      // A session held as cookies' pairs (`segment=…; vtex_session=…`) goes as a `Cookie` header's value does (`headerCredentials`).
      if (rule.sessionShaped === true && !holdsSessionId(value) && !("stringValue" in value && readsAsCookies(value.stringValue))) return undefined;
      if (series && rule.objectNames === true && "stringValue" in value && namesSecretObject(value.stringValue)) return undefined;
      if (rule.references === true && "stringValue" in value && namesSecretOrItsKey(value.stringValue)) return undefined;
      if (rule.directories === true && "stringValue" in value && isDirectoryPath(value.stringValue)) return undefined;
      return SECRET_KEY_KIND;
    case "card_holder":
      return "stringValue" in value && !mayBeJsonContainer(value.stringValue) && holdsCardHolderName(value.stringValue) ? CARD_HOLDER_KIND : undefined;
    case "person_name":
      return "stringValue" in value && !mayBeJsonContainer(value.stringValue) && holdsPersonName(value.stringValue, rule.nameField) ? PERSON_NAME_KIND : undefined;
    case "street_address":
      return holdsStreetAddressValue(value, rule.streetField ?? "named") ? STREET_ADDRESS_KIND : undefined;
    default:
      return undefined;
  }
}

/**
 * Whether `value`, under a key naming a street address as `field` says (`namesStreetAddress`),
 * holds one (`holdsStreetAddress`): a string that is no JSON text; a list of an address's lines,
 * all of which go when one is an address's (Magento's `street: ["123 Main St", "Apt 4"]`); under a
 * house number's key, a number too (`{"houseNumber": 221}`).
 */
function holdsStreetAddressValue(value: AnyValue, field: StreetAddressField): boolean {
  if ("stringValue" in value) {
    const text = value.stringValue;
    if (!mayBeJsonContainer(text)) return holdsStreetAddress(text, field);
    // A list lifted from JSON keeps its JSON spelling (`["123 Main St","Apt 4"]`).
    const lines = jsonList(text);
    return lines !== undefined && holdsStreetLines(lines, field);
  }
  if ("arrayValue" in value) return holdsStreetLines(value.arrayValue.map((line) => ("stringValue" in line ? line.stringValue : undefined)), field);
  return field === "number" && "intValue" in value;
}

/** `text` parsed when it is one JSON array, else undefined. */
function jsonList(text: string): unknown[] | undefined {
  if (!text.startsWith("[") || !text.endsWith("]")) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `lines` are an address's lines: all strings, one of them an address (`holdsStreetAddress`). */
function holdsStreetLines(lines: readonly unknown[], field: StreetAddressField): boolean {
  return lines.every((line) => typeof line === "string") && lines.some((line) => holdsStreetAddress(line as string, field));
}

/**
 * Whether `value`, under a session's name (`KeyRule.sessionShaped`), is shaped as the session's
 * id (`isSessionIdShaped`, its text trimmed; a number as its digits): `"active"`, `3`, `"3600s"`
 * are a state, a count and a duration, no id.
 */
function holdsSessionId(value: AnyValue): boolean {
  if ("stringValue" in value) return isSessionIdShaped(value.stringValue.trim());
  if ("intValue" in value) return isSessionIdShaped(String(value.intValue));
  return "doubleValue" in value && isSessionIdShaped(String(value.doubleValue));
}

/**
 * Whether `value`, under a credential context's name (`KeyRule.addresses`: `session`, `cookie`),
 * is one whole e-mail address, which says whose session or login it is: no credential, but the
 * address it is, for the e-mail detector to mark and count (`[REDACTED:email]`), as the same
 * name before it in text is read (secret-parameter.ts).
 */
function saysWhose(value: AnyValue, rule: KeyRule): boolean {
  return rule.action === "secret" && rule.addresses === true && "stringValue" in value && isEmailAddress(value.stringValue.trim());
}

/**
 * Whether `value`, under `key`, is a preference cookie's setting in a cookie jar
 * (`cookies.theme` holding `dark`, `signedCookies.lang` holding `en-US`: `cookieInJar`,
 * `isPreferenceCookie`), kept as the same cookie in a `Cookie` header is; the value detectors
 * still read it.
 */
function holdsPreference(value: AnyValue, key: string): boolean {
  if (!("stringValue" in value)) return false;
  const cookie = cookieInJar(key);
  return cookie !== undefined && isPreferenceCookie(cookie, value.stringValue);
}

/**
 * Whether `value`, under `key`, is a cookie jar's (`namesCookieJarKey`) text of one object (JSON,
 * util.inspect) or a JSON list of objects only (tough-cookie's serialized jar), ruled member by
 * member; a list holding strings (`["sid=…"]`) is not, and goes whole.
 */
function holdsJarText(value: AnyValue, key: string): boolean {
  if (!("stringValue" in value) || !mayBeJsonContainer(value.stringValue) || !namesCookieJarKey(key)) return false;
  const text = value.stringValue.trim();
  if (text.startsWith("{")) return true;
  try {
    return isListOfObjects(JSON.parse(text));
  } catch {
    return false;
  }
}

/** Whether `value` is a parsed JSON array of objects only. */
function isListOfObjects(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0 && value.every(isJsonObject);
}

/**
 * Whether a value under `rule` keeps the values key rules replaced elsewhere in its record
 * (RecurringValues): a kept or hashed key's, an id's, a thing's number's or a measure's, and a
 * server's, a peer's, a URL's or a version's (`server.address`, `service.name`, `url.full`,
 * `db.system`), which survive as their key rule left them (a default password is often the name
 * of the server it guards: `password=postgres` beside `server.address=postgres`).
 */
function keepsRecurring(rule: KeyRule): boolean {
  if (rule.action === "keep" || rule.action === "hash") return true;
  return (
    rule.action === "scan" &&
    (rule.id || rule.server || rule.peer || rule.url || rule.version || (rule.place & (Place.ID_VALUE | Place.THING_ID | Place.MEASURE_VALUE)) !== 0)
  );
}

/** Whether `rule` hides a person's name (a card holder's, a user's), whose key may hold other things that are scanned. */
function namesHolder(rule: KeyRule): boolean {
  return rule.action === "card_holder" || rule.action === "person_name" || rule.action === "street_address";
}

/**
 * The path the keys of JSON text or a map under `key` start at: its key, except for
 * `log.record.original`, which is the body as written, whose keys start at the line's root.
 */
function jsonRoot(key: string): string {
  return key === ORIGINAL_RECORD_ATTRIBUTE ? "" : key;
}

/** `[REDACTED:ipv4:9f86d081884c7d65]`: what was found, and which value it was. */
function seriesMarker(kinds: string, hash: string): string {
  return redactionMarker(`${kinds}:${hash}`);
}

/**
 * Whether a value under a credential-naming key must be hidden. Numbers and booleans pass:
 * keys like `llm.token_count` or `password_expired` hold counts and flags, not secrets.
 */
function holdsText(value: AnyValue): boolean {
  return (
    "stringValue" in value || "arrayValue" in value || "kvlistValue" in value || "bytesValue" in value
  );
}

/**
 * Whether `value`, under a list of codes' plural (`pins`, `security_codes`), holds codes of `digits`
 * digits or more, as the text detector reads a list under that name (`pins=[1234, 5678]`): a whole
 * number, a list of whole numbers or digit strings holding one, or a string of such a list
 * (`"[1234, 5678]"`, `"1234,5678"`). A count, GPIO pins (`[17, 27]`), objects, flags, ids and
 * placeholders hold none.
 */
function holdsCodes(value: AnyValue, digits: number, key: string): boolean {
  const numbers = "arrayValue" in value ? value.arrayValue.map(wholeNumberText) : "stringValue" in value ? numbersInList(value.stringValue) : [wholeNumberText(value)];
  return numbers.every((number) => number !== undefined) && areCodeNumbers(numbers as string[], digits, key.slice(key.lastIndexOf(".") + 1));
}

/** Whether `value` is a list, an array or its JSON text (`[1234, 5678]`), not one number (`1500`, a count). */
function holdsList(value: AnyValue): boolean {
  return "arrayValue" in value || ("stringValue" in value && value.stringValue.trimStart().startsWith("["));
}

/** A whole number's digits, written as a number or a string of digits (`1234`, `"0123"`); undefined for any other value. */
function wholeNumberText(value: AnyValue): string | undefined {
  const text = "intValue" in value ? String(value.intValue) : "doubleValue" in value ? String(value.doubleValue) : "stringValue" in value ? value.stringValue.trim() : "";
  return /^\d{1,19}$/.test(text) ? text : undefined;
}

/**
 * The numbers of a string holding a list of whole numbers, bracketed or not, each perhaps quoted,
 * joined by `,`, `;` or blanks (`[1234, 5678]`, `["1234"]`, `1234,5678`, `1234 5678`, `123456;654321`); none for other text.
 */
function numbersInList(text: string): string[] {
  return CODE_LIST_TEXT.test(text) ? text.match(/\d+/g)! : [];
}
/** A list of whole numbers as text: `CODE_LIST_TEXT` in `numbersInList`. */
const CODE_LIST_TEXT = /^\s*\[?\s*(?:"\d{1,19}"|'\d{1,19}'|\d{1,19})(?:(?:\s*[,;]\s*|\s+)(?:"\d{1,19}"|'\d{1,19}'|\d{1,19}))*\s*,?\s*\]?\s*$/;

/** Whether a parsed JSON value is an object (not an array, nor a number kept exactly). */
function isJsonObject(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !isRawJsonNumber(value);
}

/**
 * Whether `value`, under a key naming tokens (`KeyRule.counts`), is a count of them: a whole
 * number as text or JSON list text (`"42"`, `"[12,30]"`), text in a count's place (`"~500"`,
 * `"n/a"`: `standsForCount`), or a list of whole numbers (`[12, "30"]`).
 */
function holdsCount(value: AnyValue): boolean {
  if ("intValue" in value) return true;
  if ("stringValue" in value) return standsForCount(value.stringValue);
  return "arrayValue" in value && value.arrayValue.length > 0 && value.arrayValue.every(holdsCount);
}

/**
 * Whether `value` under `key`, whose last word is `pass` or `pw`, is a password by the one rule
 * for them (`keptUnderPassWord`): a string is whole, as a quoted value in text; a whole number is
 * judged by its digits (`{"db_pw":48213977}`, a PIN sent as a number); anything else (a flag, a
 * fraction, a list) is none.
 */
function holdsPassWordSecret(key: string, value: AnyValue): boolean {
  const text = "stringValue" in value ? value.stringValue : "intValue" in value ? String(value.intValue) : undefined;
  return text !== undefined && !keptUnderPassWord(key, text, true);
}

/** Whether `value` is a whole number, not text, short enough to be a count under a token's name (`isShortCount`: `512`, `4096`). */
function holdsShortCount(value: AnyValue): boolean {
  return "intValue" in value && isShortCount(value.intValue);
}

/**
 * Whether `value`, a number written as a number under the credential's name `key` that names no
 * code, holds no credential (`isFlagOrCountUnder`: `{"auth":3}`, `{"password":0}`), the verdict
 * the same number gets in JSON text (secret-parameter.ts).
 */
function holdsNoSecretNumber(key: string, value: AnyValue): boolean {
  const number = "intValue" in value ? String(value.intValue) : "doubleValue" in value ? String(value.doubleValue) : undefined;
  return number !== undefined && isFlagOrCountUnder(key, number);
}

/** Numbers under a credential's name are that credential (a PIN, a card security code), unless the name counts tokens (`KeyRule.counts`). */
function holdsNumber(value: AnyValue): boolean {
  return "intValue" in value || "doubleValue" in value;
}

/** Whether a parsed JSON value is a number: JSON.parse's, or the exact parse's spelling of one (RawJsonNumber). */
function isJsonNumber(value: unknown): boolean {
  return typeof value === "number" || isRawJsonNumber(value);
}

/**
 * A JSON number's spelling as the text writes it, when the parse kept it: a RawJsonNumber's
 * digits, or an integer JSON.parse read exactly (written canonically, as senders write
 * integers); undefined for anything else, which the scan then judges by its own name.
 */
function numberSpelling(value: unknown): string | undefined {
  if (typeof value === "number") return Number.isSafeInteger(value) ? String(value) : undefined;
  return isRawJsonNumber(value) ? value.rawJSON : undefined;
}

/** The text a hashed value is computed from: what a row would show for it. */
function valueText(value: AnyValue): string {
  if ("stringValue" in value) return value.stringValue;
  if ("intValue" in value) return value.intValue;
  if ("doubleValue" in value) return String(value.doubleValue);
  if ("boolValue" in value) return String(value.boolValue);
  if ("bytesValue" in value) return Array.from(value.bytesValue, (b) => b.toString(16).padStart(2, "0")).join("");
  return JSON.stringify(value, (_key, item: unknown) =>
    item instanceof Uint8Array ? Array.from(item) : item,
  );
}
