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
import { DROPPED_KIND, HASHED_KIND, SECRET_KEY_KIND, redactionMarker } from "./kinds";
import type { RedactionPolicy } from "./policy";
import { RedactionTally } from "./tally";

/**
 * Walks a decoded request and redacts every free-text field in place: log bodies (strings at
 * any depth), every attribute map, span names, status messages, event names, log event names.
 * Ids, timestamps, metric and scope names, units and schema URLs are identifiers and stay.
 *
 * Each owner of an attribute map gets its own summary (`redaction.count`, `redaction.kinds`):
 * a log record, span or metric point counts what was redacted in it and its events, links and
 * exemplars; a resource and a scope count their own attributes. Mutating in place avoids
 * copying every request on the hot path; callers must not reuse the request expecting the
 * original values. Returns how many items were redacted in the whole request.
 */
export function redactRequest<S extends Signal>(
  signal: S,
  request: SignalRequest[S],
  policy: RedactionPolicy,
): number {
  if (!policy.enabled) return 0;
  const walker = new RequestWalker(policy);
  bySignal(signal, request, walker);
  return walker.total;
}

/** Owners of an attribute map that receive a summary. */
interface SummaryOwner {
  attributes: KeyValue[];
}

class RequestWalker implements BySignal<void> {
  total = 0;
  /** Counts for the owner being walked; reset per owner so no tally is allocated per record. */
  private readonly tally = new RedactionTally();

  constructor(private readonly policy: RedactionPolicy) {}

  logs(request: LogsRequest): void {
    for (const resourceLogs of request.resourceLogs) {
      this.owner(resourceLogs.resource);
      for (const scopeLogs of resourceLogs.scopeLogs) {
        this.owner(scopeLogs.scope);
        for (const record of scopeLogs.logRecords) {
          if (record.body !== undefined) record.body = this.value(record.body);
          record.eventName = this.text(record.eventName);
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
          span.name = this.text(span.name);
          span.status.message = this.text(span.status.message);
          for (const event of span.events) {
            event.name = this.text(event.name);
            event.attributes = this.attributes(event.attributes);
          }
          for (const link of span.links) link.attributes = this.attributes(link.attributes);
          this.owner(span);
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
          // Metadata has no column of its own, so its redactions are reported on each point.
          metric.metadata = this.attributes(metric.metadata);
          const metadataCounts = this.takeCounts();
          if (metric.data.type === "empty") continue;
          for (const point of metric.data.dataPoints) {
            if ("exemplars" in point) {
              for (const exemplar of point.exemplars) {
                exemplar.filteredAttributes = this.attributes(exemplar.filteredAttributes);
              }
            }
            this.owner(point, metadataCounts);
          }
        }
      }
    }
  }

  /**
   * Redacts the owner's attributes, then writes the summary of everything counted since the
   * last owner, plus `inherited` counts that belong to it without having happened in it.
   */
  private owner(owner: SummaryOwner, inherited?: RedactionTally): void {
    owner.attributes = this.attributes(owner.attributes);
    this.total += this.tally.total;
    if (inherited !== undefined) this.tally.addAll(inherited);
    this.tally.writeSummary(owner.attributes);
    this.tally.reset();
  }

  /** Moves the counts gathered so far out of the running tally. */
  private takeCounts(): RedactionTally | undefined {
    if (this.tally.total === 0) return undefined;
    const taken = new RedactionTally();
    taken.addAll(this.tally);
    this.total += this.tally.total;
    this.tally.reset();
    return taken;
  }

  /** Applies key rules and redacts values; drops are compacted in place. */
  private attributes(attributes: KeyValue[]): KeyValue[] {
    const { keyRules, hash } = this.policy;
    let kept = 0;
    for (const attribute of attributes) {
      switch (keyRules.ruleFor(attribute.key)) {
        case "keep":
          break;
        case "drop":
          this.tally.add(DROPPED_KIND);
          continue;
        case "hash":
          if (hash !== undefined && !("empty" in attribute.value)) {
            attribute.value = { stringValue: hash(valueText(attribute.value)) };
            this.tally.add(HASHED_KIND);
          }
          break;
        case "secret":
          if (holdsText(attribute.value)) {
            attribute.value = { stringValue: redactionMarker(SECRET_KEY_KIND) };
            this.tally.add(SECRET_KEY_KIND);
          }
          break;
        case "scan":
          attribute.value = this.value(attribute.value);
          break;
      }
      attributes[kept++] = attribute;
    }
    attributes.length = kept;
    return attributes;
  }

  private value(value: AnyValue): AnyValue {
    if ("stringValue" in value) {
      const redacted = this.text(value.stringValue);
      return redacted === value.stringValue ? value : { stringValue: redacted };
    }
    if ("arrayValue" in value) {
      const items = value.arrayValue;
      for (let i = 0; i < items.length; i++) items[i] = this.value(items[i]!);
      return value;
    }
    if ("kvlistValue" in value) {
      value.kvlistValue = this.attributes(value.kvlistValue);
      return value;
    }
    // Numbers, booleans and bytes carry no text to scan.
    return value;
  }

  private text(text: string): string {
    const scanner = this.policy.scanner;
    return scanner === undefined || text === "" ? text : scanner.redact(text, this.tally);
  }
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
