import { bySignal, type BySignal } from "../../../shared/otlp/by-signal";
import type {
  AnyValue,
  KeyValue,
  LogsRequest,
  MetricsRequest,
  Signal,
  SignalRequest,
  TracesRequest,
} from "../../../shared/otlp/model";
import { SECRET_PARAM_KIND, isSecretArgument } from "./detectors/secret-parameter";
import { standsForSecret } from "./secret-names";
import type { KeyRule } from "./key-rules";
import { DROPPED_KIND, HASHED_KIND, SECRET_KEY_KIND, redactionMarker } from "./kinds";
import type { RedactionPolicy } from "./policy";
import { RedactionTally } from "./tally";
import type { TextScanner } from "./text-scanner";

/** What redaction did to a whole request: items redacted, in total and by kind. */
export interface RequestRedactions {
  count: number;
  kinds: Record<string, number>;
}

/**
 * Walks a decoded request and redacts every free-text field in place: log bodies (strings at
 * any depth), every attribute map, span names, status messages, event names, log event names.
 * Ids, timestamps, metric and scope names, units and schema URLs are identifiers and stay.
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
 * Mutating in place avoids copying every request on the hot path; callers must not reuse the
 * request expecting the original values.
 */
export function redactRequest<S extends Signal>(
  signal: S,
  request: SignalRequest[S],
  policy: RedactionPolicy,
): RequestRedactions {
  if (!policy.enabled) return { count: 0, kinds: {} };
  const walker = new RequestWalker(policy, signal === "metrics");
  bySignal(signal, request, walker);
  return { count: walker.request.total, kinds: walker.request.toRecord() };
}

/** Owners of an attribute map that receive a summary. */
interface SummaryOwner {
  attributes: KeyValue[];
}

/** Span kinds whose remote peer is a server: Client, Producer and Consumer (its broker). */
const PEER_IS_SERVER_KINDS: ReadonlySet<number> = new Set([3, 4, 5]);

class RequestWalker implements BySignal<void> {
  /** Everything redacted in the request. */
  readonly request = new RedactionTally();
  /** Counts for the owner being walked; reset per owner so no tally is allocated per record. */
  private readonly tally = new RedactionTally();
  /** The finds in one metric attribute string, which name the kinds in its hash marker. */
  private readonly scratch = new RedactionTally();
  /** Whether addresses under `network.peer.*` keys belong to servers where the walk is. */
  private peerIsServer = false;

  constructor(
    private readonly policy: RedactionPolicy,
    /** Metric attributes: hash identifying values and write no summary. */
    private readonly series: boolean,
  ) {}

  logs(request: LogsRequest): void {
    for (const resourceLogs of request.resourceLogs) {
      this.owner(resourceLogs.resource);
      for (const scopeLogs of resourceLogs.scopeLogs) {
        this.owner(scopeLogs.scope);
        for (const record of scopeLogs.logRecords) {
          // Stores only what changed: a store into an old object costs a write barrier.
          const body = record.body;
          if (body !== undefined) {
            const redacted = this.value(body, 0);
            if (redacted !== body) record.body = redacted;
          }
          const eventName = this.text(record.eventName, 0);
          if (eventName !== record.eventName) record.eventName = eventName;
          this.owner(record);
        }
      }
    }
  }

  traces(request: TracesRequest): void {
    for (const resourceSpans of request.resourceSpans) {
      this.owner(resourceSpans.resource);
      for (const scopeSpans of resourceSpans.scopeSpans) {
        this.owner(scopeSpans.scope);
        for (const span of scopeSpans.spans) {
          this.peerIsServer = PEER_IS_SERVER_KINDS.has(span.kind);
          // A span name says what the operation reached (`GET 10.1.2.3:8080`): a server.
          const name = this.text(span.name, this.policy.addressDetectors);
          if (name !== span.name) span.name = name;
          const message = this.text(span.status.message, 0);
          if (message !== span.status.message) span.status.message = message;
          for (const event of span.events) {
            const eventName = this.text(event.name, 0);
            if (eventName !== event.name) event.name = eventName;
            this.attributes(event.attributes);
          }
          for (const link of span.links) this.attributes(link.attributes);
          this.owner(span);
          this.peerIsServer = false;
        }
      }
    }
  }

  metrics(request: MetricsRequest): void {
    for (const resourceMetrics of request.resourceMetrics) {
      this.owner(resourceMetrics.resource);
      for (const scopeMetrics of resourceMetrics.scopeMetrics) {
        this.owner(scopeMetrics.scope);
        for (const metric of scopeMetrics.metrics) {
          this.attributes(metric.metadata);
          if (metric.data.type === "empty") continue;
          for (const point of metric.data.dataPoints) {
            if ("exemplars" in point) {
              for (const exemplar of point.exemplars) {
                this.attributes(exemplar.filteredAttributes);
              }
            }
            this.owner(point);
          }
        }
        this.flush();
      }
    }
  }

  /**
   * Redacts the owner's attributes, then writes the summary of everything counted since the
   * last owner (not on metric attributes, where a new key would be a new series).
   */
  private owner(owner: SummaryOwner): void {
    this.attributes(owner.attributes);
    if (!this.series) this.tally.writeSummary(owner.attributes);
    this.flush();
  }

  /** Moves the owner's counts into the request's. */
  private flush(): void {
    this.request.addAll(this.tally);
    this.tally.reset();
  }

  /** Applies key rules and redacts values, in place; drops are compacted out. */
  private attributes(attributes: KeyValue[]): void {
    const keyRules = this.policy.keyRules;
    let kept = 0;
    for (let i = 0; i < attributes.length; i++) {
      const attribute = attributes[i]!;
      const rule = keyRules.ruleFor(attribute.key);
      if (rule.action === "drop") {
        this.tally.add(DROPPED_KIND);
        continue;
      }
      // Stores only what changed: a store into an old object costs a write barrier.
      const value = attribute.value;
      const ruled = this.ruled(value, rule);
      if (ruled !== value) attribute.value = ruled;
      if (kept !== i) attributes[kept] = attribute;
      kept++;
    }
    if (kept !== attributes.length) attributes.length = kept;
  }

  private ruled(value: AnyValue, rule: KeyRule): AnyValue {
    switch (rule.action) {
      case "keep":
      case "drop":
        return value;
      case "hash": {
        const hash = this.policy.hash;
        if (hash === undefined || "empty" in value) return value;
        this.tally.add(HASHED_KIND);
        return { stringValue: hash(valueText(value)) };
      }
      case "secret":
      case "secret_code":
        if (!holdsText(value) && !(rule.action === "secret_code" && holdsNumber(value))) return value;
        // A placeholder (`${DB_PASSWORD}`, `<your-key>`, `****`) tells how the service is
        // configured and hides nothing, as in text (`standsForSecret`).
        if ("stringValue" in value && standsForSecret(value.stringValue)) return value;
        return this.secret(value, SECRET_KEY_KIND);
      case "scan": {
        const { addressDetectors, cardDetectors } = this.policy;
        const peerIsServer = this.peerIsServer;
        const excluded =
          (rule.server || rule.version || (rule.peer && peerIsServer) ? addressDetectors : 0) |
          (rule.id || rule.version ? cardDetectors : 0);
        // A client's URL names the server it called in its host; its path and query still
        // carry the caller's data (`?ip=203.0.113.9` is a person's address).
        const inHost = rule.url && peerIsServer ? excluded | addressDetectors : excluded;
        return this.value(value, excluded, inHost, rule.place);
      }
    }
  }

  /**
   * `excluded`: detectors that do not run on this value's strings (see TextScanner.redact);
   * `inHost`: those that do not run on the scheme and authority of a string holding a URL;
   * `place`: what the value's key says about it (`Place`: an id's, an SSN's).
   */
  private value(value: AnyValue, excluded: number, inHost = excluded, place = 0): AnyValue {
    if ("stringValue" in value) {
      const redacted = this.text(value.stringValue, excluded, inHost, place);
      return redacted === value.stringValue ? value : { stringValue: redacted };
    }
    if ("arrayValue" in value) {
      // An argument list (`process.command_args`): the element after a flag such as
      // `--password` is its value, which the text detectors see alone.
      const items = value.arrayValue;
      const first = items[0];
      const program = first !== undefined && "stringValue" in first ? first.stringValue : "";
      let previous: string | undefined;
      for (let i = 0; i < items.length; i++) {
        const item = items[i]!;
        const argument = "stringValue" in item ? item.stringValue : undefined;
        const secret = this.policy.secretFlags && argument !== undefined && isSecretArgument(program, previous, argument);
        previous = argument;
        items[i] = secret ? this.secret(item, SECRET_PARAM_KIND) : this.value(item, excluded, inHost, place);
      }
      return value;
    }
    if ("kvlistValue" in value) {
      this.attributes(value.kvlistValue);
      return value;
    }
    // Numbers, booleans and bytes carry no text to scan.
    return value;
  }

  /** The secret marker of `kind` for a whole value (hashed in metric attributes), counted. */
  private secret(value: AnyValue, kind: string): AnyValue {
    this.tally.add(kind);
    return {
      stringValue: this.series ? seriesMarker(kind, this.policy.seriesHash(valueText(value))) : redactionMarker(kind),
    };
  }

  private text(text: string, excluded: number, inHost = excluded, place = 0): string {
    const scanner = this.policy.scanner;
    if (scanner === undefined || text === "") return text;
    if (!this.series) return redactText(scanner, text, this.tally, excluded, inHost, place);
    const scratch = this.scratch;
    scratch.reset();
    if (redactText(scanner, text, scratch, excluded, inHost, place) === text) return text;
    this.tally.addAll(scratch);
    return seriesMarker(scratch.kindList(), this.policy.seriesHash(text));
  }
}

/**
 * Redacts `text`, with the detectors in `inHost` left out of its URL's scheme and authority
 * (`https://user:pw@10.0.4.7:8080`, RFC 3986 §3.2) when it differs from `excluded`; a text
 * that is no absolute URL is scanned whole with `excluded`. `place` as in
 * `TextScanner.redact`. Unchanged text comes back as the same string.
 */
function redactText(
  scanner: TextScanner,
  text: string,
  tally: RedactionTally,
  excluded: number,
  inHost: number,
  place: number,
): string {
  const hostEnd = inHost === excluded ? -1 : authorityEnd(text);
  if (hostEnd < 0) return scanner.redact(text, tally, excluded, place);
  const head = text.slice(0, hostEnd);
  const tail = text.slice(hostEnd);
  const redactedHead = scanner.redact(head, tally, inHost, place);
  const redactedTail = scanner.redact(tail, tally, excluded, place);
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

/** Numbers under the name of a card security code, PIN or one-time password are that code. */
function holdsNumber(value: AnyValue): boolean {
  return "intValue" in value || "doubleValue" in value;
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
