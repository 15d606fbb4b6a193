/**
 * A body lifted from a message template holds its properties' values, which are attributes too:
 * `{"@mt":"Login with password {Password}","Password":"hunter2hunter2"}` becomes the body
 * `Login with password "hunter2hunter2"` and the attribute `Password`. Redaction judges an
 * attribute by its key (`Password` is a secret's name) but the body only by its text, where the
 * key is gone; so lifting marks such a record (LogRecord.templateBody) and, once redaction has
 * run, the body is written again from each property's value as stored (writeTemplateBodies):
 * the body then holds nothing its attributes do not. The same holds for a sender's own
 * renderings of a template whose properties the record stores: .NET's JSON console line
 * (`Message`, `State.Message`, each scope's `Message`), an OTLP record beside the .NET SDK's
 * `{OriginalFormat}` or Serilog.Sinks.OpenTelemetry's `message_template.text`
 * (markFormattedMessages). A template's own text keeps its tokens as written.
 */
import type { AnyValue, KeyValue, LogRecord, LogsRequest, TemplateBody, TemplatePart, TemplateProperty } from "../../../shared/otlp/model";
import { redactionMarker } from "../redact/detectors/detector";
import { DROPPED_KIND } from "../redact/key-rule-kinds";
import { anyValueAsString } from "../rows/any-value";
import { BODY_KEY_PREFIX } from "./attribute-names";
import { isPlainObject, type BodyFields } from "./body-fields";
import { parseJsonExactly } from "../decode/exact-json";
import type { TemplateElements, TemplateProperties } from "./log-shapes";
import { renderMessageTemplate, templatePropertyNames, withTokensAsWritten, type PropertyValue } from "./message-template";
import { TemplateRecount } from "./template-recount";
import { withCountChanges } from "../redact/tally";

/** What a property whose attribute redaction dropped (REDACTION_DROP_KEYS) reads as in the body: the marker redaction writes where it drops a member of JSON text. */
export const DROPPED_PROPERTY = redactionMarker(DROPPED_KIND);

/** CLEF's renderings member. */
const RENDERINGS_KEY = "@r";

/**
 * A template a line holds (takeMessage, log-shapes.ts): its text and the dotted key of its
 * attribute (absent when the line holds only `elements`), where its properties are, CLEF's `@r`,
 * the dotted keys of other attributes holding the sender's rendering (`copies`), and a top-level
 * array of maps each holding a template of their own (`elements`).
 */
export interface LineTemplate {
  readonly text?: string;
  readonly key?: string;
  readonly properties: TemplateProperties;
  readonly renderings?: readonly string[];
  readonly copies?: readonly string[];
  readonly elements?: TemplateElements;
}

/**
 * The mark for a body lifted from `line`'s template (the template rendered, or the sender's own
 * rendering of it when `senderRendered`): each property the template names that the line holds
 * (BodyFields.property) with the attributes lifting stored it in, found among `attributes` from
 * index `from` on under its own key, a dotted key below it (a flattened map), or either under
 * `log.` (a key the record had: TakenKeys.refuse); the same for the template's attribute, `@r`,
 * the copies and the elements.
 */
export function templateBody(line: LineTemplate, senderRendered: boolean, fields: BodyFields, attributes: readonly KeyValue[], from: number): TemplateBody {
  const map = line.properties === "line" ? undefined : line.properties;
  const properties = new Map<string, TemplateProperty>();
  for (const name of line.text === undefined ? [] : templatePropertyNames(line.text)) {
    if (properties.has(name)) continue;
    const written = fields.property(map, name);
    if (written !== undefined) properties.set(name, { written, parts: partsUnder(map === undefined ? name : `${map}.${name}`, attributes, from) });
  }
  const own = (key: string | undefined) => (key === undefined ? undefined : ownPart(key, attributes, from));
  const template = own(line.key);
  const renderingsPart = line.renderings === undefined ? undefined : own(RENDERINGS_KEY);
  const copies = line.copies?.flatMap((key) => own(key) ?? []);
  const elementsPart = own(line.elements?.key);
  return {
    ...(template === undefined ? {} : { template }),
    senderRendered,
    ...(map === undefined ? {} : { map }),
    properties,
    ...(line.renderings === undefined ? {} : { renderings: line.renderings }),
    ...(renderingsPart === undefined ? {} : { renderingsPart }),
    ...(copies === undefined || copies.length === 0 ? {} : { copies }),
    ...(elementsPart === undefined ? {} : { elements: { part: elementsPart, template: line.elements!.template, rendering: line.elements!.rendering } }),
  };
}

/**
 * Marks each record of the request holding a template attribute (isTemplateKey, a string) beside
 * a string body that no lifting marked. The OpenTelemetry .NET SDK's exporter sends
 * `{OriginalFormat}` with the body formatted from it (IncludeFormattedMessage; without it the
 * body is the template and the attribute is not sent); Serilog.Sinks.OpenTelemetry sends
 * `message_template.text` (MessageTemplateTextAttribute) with the body rendered, or the template
 * itself (TemplateBody), and the renderings of the tokens with a format in
 * `message_template.renderings` (an array, like CLEF's `@r`). Both send each property as the
 * record's attribute of its name. Run before redaction.
 */
export function markFormattedMessages(request: LogsRequest): void {
  for (const resourceLogs of request.resourceLogs) {
    for (const scopeLogs of resourceLogs.scopeLogs) {
      for (const record of scopeLogs.logRecords) {
        const body = record.body;
        if (record.templateBody !== undefined || body === undefined || !("stringValue" in body)) continue;
        const attribute = templateAttribute(record.attributes);
        if (attribute === undefined || !("stringValue" in attribute.value)) continue;
        const text = attribute.value.stringValue;
        const properties = new Map<string, TemplateProperty>();
        for (const name of templatePropertyNames(text)) {
          const parts = properties.has(name) ? [] : partsUnder(name, record.attributes, 0);
          if (parts.length > 0) properties.set(name, { written: asWritten(parts[0]!.value), parts });
        }
        const renderings = ownPart(SINK_RENDERINGS_KEY, record.attributes, 0);
        record.templateBody = {
          template: { attribute, value: attribute.value },
          senderRendered: true,
          ...(body.stringValue === text ? { bodyIsTemplate: true } : {}),
          properties,
          ...(renderings === undefined ? {} : { copies: [renderings] }),
        };
      }
    }
  }
}

/**
 * The first attribute holding a log record's message template: the .NET SDK's `{OriginalFormat}`,
 * Serilog.Sinks.OpenTelemetry's `message_template.text`. Asked of every attribute of every
 * record with a string body, so the length picks the one name to compare (a key built by
 * lifting, like `cache.status`, would otherwise be hashed for a set lookup) and no callback runs
 * per attribute.
 */
function templateAttribute(attributes: readonly KeyValue[]): KeyValue | undefined {
  for (const attribute of attributes) {
    const key = attribute.key;
    if (key.length === 16 ? key === "{OriginalFormat}" : key.length === 21 && key === "message_template.text") return attribute;
  }
  return undefined;
}

/** Serilog.Sinks.OpenTelemetry's renderings of the tokens with a format (MessageTemplateRenderingsAttribute). */
const SINK_RENDERINGS_KEY = "message_template.renderings";

/** An attribute's value as a template property. */
function asWritten(value: AnyValue): PropertyValue {
  return "stringValue" in value ? { string: value.stringValue } : { json: anyValueAsString(value) };
}

/** The attribute from index `from` on stored under `key` itself, or after `log.`. */
function ownPart(key: string, attributes: readonly KeyValue[], from: number): TemplatePart | undefined {
  return partsUnder(key, attributes, from).find((part) => isOwn(part, key));
}

/** Whether the part is stored under `key` itself (or after `log.`), not below it. */
function isOwn(part: TemplatePart, key: string): boolean {
  return part.attribute.key === key || part.attribute.key === BODY_KEY_PREFIX + key;
}

/** The attributes from index `from` on stored under `key` (itself, a dotted key below it, either after `log.`), with their values as lifted. */
function partsUnder(key: string, attributes: readonly KeyValue[], from: number): TemplatePart[] {
  const moved = BODY_KEY_PREFIX + key;
  const parts: TemplatePart[] = [];
  for (let i = from; i < attributes.length; i++) {
    const attribute = attributes[i]!;
    if (isUnder(attribute.key, key) || isUnder(attribute.key, moved)) parts.push(partOf(attribute));
  }
  return parts;
}

/**
 * An attribute as lifted: its value, and for a map or an array (a sender's destructured object,
 * which redaction changes member by member in place) the texts of its scalars by path.
 */
function partOf(attribute: KeyValue): TemplatePart {
  const value = attribute.value;
  return "kvlistValue" in value || "arrayValue" in value ? { attribute, value, leaves: leafTexts(value) } : { attribute, value };
}

/** Each scalar's text in `value` (anyValueAsString) by its path of member keys and element indexes below `path`. */
function leafTexts(value: AnyValue, path = "", out = new Map<string, string>()): Map<string, string> {
  if ("kvlistValue" in value) for (const member of value.kvlistValue) leafTexts(member.value, `${path}.${member.key}`, out);
  else if ("arrayValue" in value) value.arrayValue.forEach((element, i) => leafTexts(element, `${path}[${i}]`, out));
  else out.set(path, anyValueAsString(value));
  return out;
}

/**
 * Each text of `part` as lifted that redaction changed, with its text as stored (DROPPED_PROPERTY
 * for one dropped): the whole value's, or for a map or an array each scalar's (`leaves`), which
 * a whole value redaction replaced all become.
 */
function changedTexts(part: TemplatePart, record: LogRecord): [written: string, stored: string][] {
  const stored = storedValue(part, record);
  const leaves = part.leaves;
  if (leaves === undefined) return stored === part.value ? [] : [[anyValueAsString(part.value), stored === undefined ? DROPPED_PROPERTY : anyValueAsString(stored)]];
  if (stored === undefined || (!("kvlistValue" in stored) && !("arrayValue" in stored))) {
    const whole = stored === undefined ? DROPPED_PROPERTY : anyValueAsString(stored);
    return [...leaves.values()].map((text) => [text, whole]);
  }
  const now = leafTexts(stored);
  const changed: [string, string][] = [];
  for (const [path, text] of leaves) {
    const after = now.get(path);
    if (after !== text) changed.push([text, after ?? DROPPED_PROPERTY]);
  }
  return changed;
}

function isUnder(key: string, prefix: string): boolean {
  return key === prefix || (key.startsWith(prefix) && key.charCodeAt(prefix.length) === 0x2e);
}

/**
 * Writes the body of every marked record (LogRecord.templateBody) again from its attributes as
 * stored, and removes the mark; run after redaction, on the request redaction saw. A property
 * whose attributes redaction left as they were reads as the line wrote it; one it changed reads
 * as stored (`"[REDACTED:secret]"`), one it dropped as DROPPED_PROPERTY, a flattened map it
 * changed as the JSON object of its stored members (dotted keys below the property's). The
 * template's attribute keeps its tokens as written (withTokensAsWritten). A template body is
 * that template rendered with the properties (renderMessageTemplate; CLEF's `@r` renders only
 * properties left as they were, for the sender's rendering holds the value as written); a
 * sender's rendering (`@m`, .NET's `Message` and `State.Message`, each `Scopes` element's
 * `Message`, every `@r` entry, an OTLP body beside its template) has each changed value's text,
 * as written (each changed member's, in a map changed member by member), replaced by the stored
 * one wherever it occurs; a body that is the template itself keeps its tokens. A rendered
 * body supersedes the body's own redaction, which ran on the body as lifted (every text now in
 * it is one redaction produced or left); a sender's rendering keeps that redaction and gets the
 * stored values on top. Each text written again is counted again (template-recount.ts): the
 * record's `redaction.count` and `redaction.kinds` are rewritten to what is stored (a template's
 * token redaction changed and the writing put back counts no more; a stored value copied into a
 * rendering counts), and the changes by kind, summed over the request, are returned for the
 * request's counts (`withRecount`).
 */
export function writeTemplateBodies(request: LogsRequest): ReadonlyMap<string, number> {
  const changes = new Map<string, number>();
  for (const resourceLogs of request.resourceLogs) {
    for (const scopeLogs of resourceLogs.scopeLogs) {
      for (const record of scopeLogs.logRecords) {
        const mark = record.templateBody;
        if (mark === undefined) continue;
        // Set to undefined, not deleted: deleting a property turns the record into a slow dictionary object for every later stage.
        record.templateBody = undefined;
        const recount = new TemplateRecount(hashedTexts(record, mark));
        if (mark.template !== undefined) keepTokens(mark.template, record, recount);
        for (const copy of mark.copies ?? []) writeCopy(copy, record, mark, recount);
        if (mark.elements !== undefined) writeElements(mark.elements, record, recount);
        const body = record.body;
        if (body !== undefined && "stringValue" in body) {
          const text =
            mark.bodyIsTemplate === true && mark.template !== undefined && "stringValue" in mark.template.value
              ? withTokensAsWritten(mark.template.value.stringValue, body.stringValue)
              : !mark.senderRendered && mark.template !== undefined
                ? rendered(mark.template, record, mark, recount)
                : withStoredValues(body.stringValue, record, mark);
          recount.rewrote(body.stringValue, text);
          record.body = { stringValue: text };
        }
        countAgain(record, mark, recount.changes, changes);
      }
    }
  }
  return changes;
}

/**
 * Writes the record's summary again with what the template's writing changed (`recount`), and
 * adds that to the request's `changes`; nothing when redaction did not run (no counts on the mark).
 */
function countAgain(record: LogRecord, mark: TemplateBody, recount: ReadonlyMap<string, number>, changes: Map<string, number>): void {
  if (mark.counts === undefined || recount.size === 0) return;
  withCountChanges(mark.counts, recount).rewriteSummary(record.attributes);
  for (const [kind, count] of recount) changes.set(kind, (changes.get(kind) ?? 0) + count);
}

/** The texts as stored of the properties redaction hashed: changed, and holding no marker. */
function hashedTexts(record: LogRecord, mark: TemplateBody): string[] {
  const hashes: string[] = [];
  for (const property of mark.properties.values()) {
    for (const part of property.parts) {
      for (const [, stored] of changedTexts(part, record)) if (stored !== "" && !stored.includes(MARKER_START)) hashes.push(stored);
    }
  }
  return hashes;
}
/** How every redaction marker starts (`redactionMarker`). */
const MARKER_START = "[REDACTED:";

/** A copy of the sender's rendering (a string, or an array of strings) with the stored values (withStoredValues). */
function writeCopy(copy: TemplatePart, record: LogRecord, mark: TemplateBody, recount: TemplateRecount): void {
  const stored = storedValue(copy, record);
  if (stored === undefined) return;
  if ("arrayValue" in stored) {
    let changed = false;
    const values = stored.arrayValue.map((value) => {
      if (!("stringValue" in value)) return value;
      const text = withStoredValues(value.stringValue, record, mark);
      if (text === value.stringValue) return value;
      recount.rewrote(value.stringValue, text);
      changed = true;
      return { stringValue: text };
    });
    if (changed) copy.attribute.value = { arrayValue: values };
    return;
  }
  if (!("stringValue" in stored)) return;
  const text = withStoredValues(stored.stringValue, record, mark);
  recount.rewrote(stored.stringValue, text);
  // Redaction's own value is changed in place, for the attribute limits know it by identity (the length the sender wrote).
  if (stored !== copy.value) stored.stringValue = text;
  else if (text !== stored.stringValue) copy.attribute.value = { stringValue: text };
}

/** Puts back the tokens redaction changed in a template's stored attribute (withTokensAsWritten). */
function keepTokens(template: TemplatePart, record: LogRecord, recount: TemplateRecount): void {
  const stored = storedValue(template, record);
  if (stored === undefined || stored === template.value || !("stringValue" in stored) || !("stringValue" in template.value)) return;
  const kept = withTokensAsWritten(template.value.stringValue, stored.stringValue);
  recount.rewrote(stored.stringValue, kept);
  // In place, as a copy's (writeCopy).
  stored.stringValue = kept;
}

function rendered(template: TemplatePart, record: LogRecord, mark: TemplateBody, recount: TemplateRecount): string {
  const stored = storedValue(template, record);
  if (stored === undefined) return DROPPED_PROPERTY;
  const properties = mark.properties;
  // A rendering holds the values as written: every changed one is replaced in `@r`, whichever token it renders.
  const renderings = mark.renderings?.map((rendering) => withStoredValues(rendering, record, mark));
  const body = renderMessageTemplate(
    anyValueAsString(stored),
    (name) => {
      const property = properties.get(name);
      return property === undefined ? undefined : propertyAsStored(name, property, record, mark.map);
    },
    (index, name) => {
      const property = properties.get(name);
      if (renderings === undefined || index >= renderings.length || property === undefined || unchanged(property, record)) return renderings?.[index];
      // A changed property's token is rendered from its stored value, which its rendering becomes too.
      renderings[index] = storedText(property, record);
      return undefined;
    },
  );
  const renderingsStored = mark.renderingsPart === undefined ? undefined : storedValue(mark.renderingsPart, record);
  if (renderings !== undefined && renderings.some((rendering, i) => rendering !== mark.renderings![i]) && renderingsStored !== undefined) {
    const text = JSON.stringify(renderings);
    recount.rewrote(anyValueAsString(renderingsStored), text);
    mark.renderingsPart!.attribute.value = { stringValue: text };
  }
  return body;
}

/** A changed property's stored value as one text (its JSON form for a flattened map). */
function storedText(property: TemplateProperty, record: LogRecord): string {
  const parts = property.parts;
  if (parts.length !== 1) return DROPPED_PROPERTY;
  const stored = storedValue(parts[0]!, record);
  return stored === undefined ? DROPPED_PROPERTY : anyValueAsString(stored);
}

/** The sender's rendering with each changed part's text, as lifted, replaced by its text as stored. */
function withStoredValues(text: string, record: LogRecord, mark: TemplateBody): string {
  for (const property of mark.properties.values()) {
    for (const part of property.parts) {
      for (const [written, stored] of changedTexts(part, record)) text = replaced(text, written, stored);
    }
  }
  return text;
}

/** `text` with every `written` (a value's text as the sender wrote it) replaced by `stored`. */
function replaced(text: string, written: string, stored: string): string {
  return written === "" || written === stored ? text : text.replaceAll(written, stored);
}

/**
 * Writes each element of the stored JSON array `elements.part` names again (.NET's `Scopes`):
 * its template keeps its tokens as written, and its rendering has the text of each property
 * redaction changed or dropped in it (compared with the array as lifted) replaced as
 * withStoredValues replaces it. Numbers keep their digits (parsed exactly, written back verbatim).
 */
function writeElements(elements: NonNullable<TemplateBody["elements"]>, record: LogRecord, recount: TemplateRecount): void {
  const { part, template, rendering } = elements;
  const stored = storedValue(part, record);
  if (stored === undefined || stored === part.value || !("stringValue" in stored) || !("stringValue" in part.value)) return;
  const written = jsonArray(part.value.stringValue);
  const now = jsonArray(stored.stringValue);
  if (written === undefined || now === undefined || written.length !== now.length) return;
  let changed = false;
  for (let i = 0; i < now.length; i++) {
    const before = written[i];
    const after = now[i];
    if (!isPlainObject(before) || !isPlainObject(after) || typeof before[template] !== "string") continue;
    const text = before[template] as string;
    if (typeof after[template] === "string") {
      const kept = withTokensAsWritten(text, after[template] as string);
      if (kept !== after[template]) ((after[template] = kept), (changed = true));
    }
    if (typeof after[rendering] !== "string") continue;
    let message = after[rendering] as string;
    for (const name of new Set(templatePropertyNames(text))) {
      if (!Object.hasOwn(before, name)) continue;
      message = replaced(message, jsonText(before[name]), Object.hasOwn(after, name) ? jsonText(after[name]) : DROPPED_PROPERTY);
    }
    if (message !== after[rendering]) ((after[rendering] = message), (changed = true));
  }
  if (!changed) return;
  const text = JSON.stringify(now);
  recount.rewrote(stored.stringValue, text);
  stored.stringValue = text;
}

/** JSON text holding an array, parsed with every number that would not print back as written kept verbatim; undefined for anything else. */
function jsonArray(text: string): unknown[] | undefined {
  try {
    const value = parseJsonExactly(text, (number, source) => String(number) !== source);
    return Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** A JSON member's value as a rendering writes it: a string as it is, anything else as its JSON text. */
function jsonText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** The part's value as stored: undefined when redaction dropped its attribute. */
function storedValue(part: TemplatePart, record: LogRecord): AnyValue | undefined {
  return record.attributes.includes(part.attribute) ? part.attribute.value : undefined;
}

function unchanged(property: TemplateProperty, record: LogRecord): boolean {
  return property.parts.every((part) => changedTexts(part, record).length === 0);
}

function propertyAsStored(name: string, property: TemplateProperty, record: LogRecord, map: string | undefined): PropertyValue {
  if (unchanged(property, record)) return property.written;
  const key = map === undefined ? name : `${map}.${name}`;
  const parts = property.parts;
  const own = parts.length === 1 && isOwn(parts[0]!, key) ? parts[0]! : undefined;
  if (own !== undefined) {
    // Under its own key: a scalar, an array, or a map kept as JSON text.
    const stored = storedValue(own, record);
    if (stored === undefined) return { json: DROPPED_PROPERTY };
    return "stringValue" in stored ? { string: stored.stringValue } : { json: anyValueAsString(stored) };
  }
  // A flattened map: its stored members as one JSON object, each under its key below the property's.
  const members = parts.map((part) => {
    const stored = storedValue(part, record);
    const member = JSON.stringify(part.attribute.key.slice(part.attribute.key.indexOf(key) + key.length + 1));
    const text = stored === undefined ? JSON.stringify(DROPPED_PROPERTY) : "stringValue" in stored ? JSON.stringify(stored.stringValue) : anyValueAsString(stored);
    return `${member}:${text}`;
  });
  return { json: `{${members.join(",")}}` };
}
