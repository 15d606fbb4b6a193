/**
 * The envelope all three OTLP export requests share, read once for every signal
 * (opentelemetry/proto/collector/<signal>/v1 and <signal>/v1):
 *
 *     Export<S>ServiceRequest { repeated Resource<S> resource_<s> = 1; }
 *     Resource<S> { Resource resource = 1; repeated Scope<S> scope_<s> = 2; string schema_url = 3;
 *                   repeated Scope<S> instrumentation_library_<s> = 1000; (pre-1.0 OTLP) }
 *     Scope<S>    { InstrumentationScope scope = 1; repeated <Item> <items> = 2; string schema_url = 3; }
 *
 * A signal gives its messages' names (for error places), a reader for one item, and how its
 * model spells a scope's and a resource's entry.
 */
import type { InstrumentationScope, Resource } from "../../../../shared/otlp/model";
import { newResource, newScope, readResource, readScope } from "./common";
import { LEGACY_SCOPE_LIST_FIELD, locate, WIRE_LENGTH_DELIMITED, type WireReader } from "./reader";

/** What one signal's envelope is made of. */
export interface EnvelopeSpec<Item, ScopeEntry, ResourceEntry> {
  /** The three messages' names as the .proto spells them, e.g. `ExportLogsServiceRequest`, `ResourceLogs`, `ScopeLogs`. */
  messages: readonly [request: string, resource: string, scope: string];
  /** The three lists' names as OTLP/JSON spells them, e.g. `resourceLogs`, `scopeLogs`, `logRecords`: error paths use them. */
  lists: readonly [resources: string, scopes: string, items: string];
  /** Reads one item (a LogRecord, Span or Metric); the reader is at its length prefix. */
  readItem(r: WireReader): Item;
  /** The model's ScopeX for a scope read whole. */
  scopeEntry(scope: InstrumentationScope, items: Item[], schemaUrl: string): ScopeEntry;
  /** The model's ResourceX for a resource read whole. */
  resourceEntry(resource: Resource, scopes: ScopeEntry[], schemaUrl: string): ResourceEntry;
}

/** A spec with its field-name tables built once (index = field number), for `locate`. */
export interface Envelope<Item, ScopeEntry, ResourceEntry> extends EnvelopeSpec<Item, ScopeEntry, ResourceEntry> {
  readonly requestFields: readonly string[];
  readonly resourceFields: readonly string[];
  readonly scopeFields: readonly string[];
}

export function defineEnvelope<Item, ScopeEntry, ResourceEntry>(
  spec: EnvelopeSpec<Item, ScopeEntry, ResourceEntry>,
): Envelope<Item, ScopeEntry, ResourceEntry> {
  const [resources, scopes, items] = spec.lists;
  return {
    ...spec,
    requestFields: ["", resources],
    resourceFields: ["", "resource", scopes, "schemaUrl"],
    scopeFields: ["", "scope", items, "schemaUrl"],
  };
}

/**
 * Reads the whole buffer as one export request (the top level has no length prefix) and returns
 * its resources' entries. Unknown fields are skipped, as protobuf requires. Throws WireError,
 * located down to the list and index it was reading (`resourceLogs[0].scopeLogs[1]`).
 */
export function readEnvelope<Item, ScopeEntry, ResourceEntry>(
  r: WireReader,
  envelope: Envelope<Item, ScopeEntry, ResourceEntry>,
): ResourceEntry[] {
  const entries: ResourceEntry[] = [];
  let field = 0;
  try {
    while (r.hasMore()) {
      field = 0;
      const tag = r.tag();
      field = tag >>> 3;
      if (field === 1) {
        r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
        entries.push(readResourceEntry(r, envelope));
      } else {
        r.skip(tag);
      }
    }
  } catch (error) {
    throw locate(error, envelope.messages[0], field, envelope.requestFields, field === 1 ? entries.length : -1);
  }
  return entries;
}

function readResourceEntry<Item, ScopeEntry, ResourceEntry>(
  r: WireReader,
  envelope: Envelope<Item, ScopeEntry, ResourceEntry>,
): ResourceEntry {
  const parentLimit = r.enter();
  const resource = newResource();
  let scopes: ScopeEntry[] = [];
  let schemaUrl = "";
  // Field 1000 is pre-1.0 OTLP's instrumentation_library_<signal>, wire-compatible with Scope<S>.
  const legacy: ScopeEntry[] = [];
  let field = 0;
  try {
    while (r.hasMore()) {
      field = 0;
      const tag = r.tag();
      field = tag >>> 3;
      switch (field) {
        case 1:
          r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
          readResource(r, resource);
          break;
        case 2:
          r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
          scopes.push(readScopeEntry(r, envelope));
          break;
        case 3:
          r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
          schemaUrl = r.string();
          break;
        case LEGACY_SCOPE_LIST_FIELD:
          r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
          legacy.push(readScopeEntry(r, envelope));
          break;
        default:
          r.skip(tag);
      }
    }
  } catch (error) {
    const index = field === 2 ? scopes.length : field === LEGACY_SCOPE_LIST_FIELD ? legacy.length : -1;
    throw locate(error, envelope.messages[1], field, envelope.resourceFields, index);
  }
  r.leave(parentLimit);
  // As OTLP 0.15 told receivers (and the Collector still does): the old list counts only when the new one is empty.
  if (scopes.length === 0) scopes = legacy;
  return envelope.resourceEntry(resource, scopes, schemaUrl);
}

function readScopeEntry<Item, ScopeEntry, ResourceEntry>(
  r: WireReader,
  envelope: Envelope<Item, ScopeEntry, ResourceEntry>,
): ScopeEntry {
  const parentLimit = r.enter();
  const scope = newScope();
  const items: Item[] = [];
  let schemaUrl = "";
  let field = 0;
  try {
    while (r.hasMore()) {
      field = 0;
      const tag = r.tag();
      field = tag >>> 3;
      switch (field) {
        case 1:
          r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
          readScope(r, scope);
          break;
        case 2:
          r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
          items.push(envelope.readItem(r));
          break;
        case 3:
          r.expectWireType(tag, WIRE_LENGTH_DELIMITED);
          schemaUrl = r.string();
          break;
        default:
          r.skip(tag);
      }
    }
  } catch (error) {
    throw locate(error, envelope.messages[2], field, envelope.scopeFields, field === 2 ? items.length : -1);
  }
  r.leave(parentLimit);
  return envelope.scopeEntry(scope, items, schemaUrl);
}
