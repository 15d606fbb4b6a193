/**
 * A body lifted from a message template holds its properties' values, which are attributes too:
 * `{"@mt":"Login with password {Password}","Password":"hunter2hunter2"}` becomes the body
 * `Login with password "hunter2hunter2"` and the attribute `Password`. Redaction judges an
 * attribute by its key (`Password` is a secret's name) but the body only by its text, where the
 * key is gone; so lifting marks such a record (LogRecord.templateBody) and, once redaction has
 * run, the body is written again from each property's value as stored (writeTemplateBodies):
 * the body then holds nothing its attributes do not.
 */
import type { AnyValue, KeyValue, LogRecord, LogsRequest, TemplateBody, TemplatePart, TemplateProperty } from "../../../shared/otlp/model";
import { redactionMarker } from "../redact/detectors/detector";
import { DROPPED_KIND } from "../redact/key-rule-kinds";
import { anyValueAsString } from "../rows/any-value";
import { BODY_KEY_PREFIX } from "./attribute-names";
import type { BodyFields } from "./body-fields";
import { renderMessageTemplate, templatePropertyNames, type PropertyValue } from "./message-template";

/** What a property whose attribute redaction dropped (REDACTION_DROP_KEYS) reads as in the body: the marker redaction writes where it drops a member of JSON text. */
export const DROPPED_PROPERTY = redactionMarker(DROPPED_KIND);

/** CLEF's renderings member. */
const RENDERINGS_KEY = "@r";

/**
 * The mark for a body lifted from `template` (the template's text; the body is that template
 * rendered when `templateKey` names the attribute holding it, else the sender's own rendering of
 * it, `@m` or `RenderedMessage`): each property the template names that the line holds
 * (BodyFields.property; in the top-level map `map` when given) with the attributes lifting
 * stored it in, found among `attributes` from index `from` on under its own key, a dotted key
 * below it (a flattened map), or either under `log.` (a key the record had: TakenKeys.refuse).
 * `renderings` are CLEF's `@r`.
 */
export function templateBody(
  template: string,
  templateKey: string | undefined,
  map: string | undefined,
  fields: BodyFields,
  attributes: readonly KeyValue[],
  from: number,
  renderings: readonly string[] | undefined,
): TemplateBody {
  const properties = new Map<string, TemplateProperty>();
  for (const name of templatePropertyNames(template)) {
    if (properties.has(name)) continue;
    const written = fields.property(map, name);
    if (written !== undefined) properties.set(name, { written, parts: partsUnder(map === undefined ? name : `${map}.${name}`, attributes, from) });
  }
  const templatePart = templateKey === undefined ? undefined : ownPart(templateKey, attributes, from);
  const renderingsPart = renderings === undefined ? undefined : ownPart(RENDERINGS_KEY, attributes, from);
  return {
    ...(templatePart === undefined ? {} : { template: templatePart }),
    ...(map === undefined ? {} : { map }),
    properties,
    ...(renderings === undefined ? {} : { renderings }),
    ...(renderingsPart === undefined ? {} : { renderingsPart }),
  };
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
    if (isUnder(attribute.key, key) || isUnder(attribute.key, moved)) parts.push({ attribute, value: attribute.value });
  }
  return parts;
}

function isUnder(key: string, prefix: string): boolean {
  return key === prefix || (key.startsWith(prefix) && key.charCodeAt(prefix.length) === 0x2e);
}

/**
 * Writes the body of every marked record (LogRecord.templateBody) again from its attributes as
 * stored, and removes the mark; run after redaction, on the request redaction saw. A property
 * whose attributes redaction left as they were reads as the line wrote it; one it changed reads
 * as stored (`"[REDACTED:secret]"`), one it dropped as DROPPED_PROPERTY, a flattened map it
 * changed as the JSON object of its stored members (dotted keys below the property's). A
 * template body is the template as stored rendered with them (renderMessageTemplate; CLEF's `@r`
 * renders only properties left as they were, for the sender's rendering holds the value as
 * written); a sender's rendering (`@m`) has each changed value's text, as written, replaced by
 * the stored one wherever it occurs. The body's own redaction, which ran on the body as lifted,
 * is superseded, not repeated: every text now in the body is one redaction produced or left.
 */
export function writeTemplateBodies(request: LogsRequest): void {
  for (const resourceLogs of request.resourceLogs) {
    for (const scopeLogs of resourceLogs.scopeLogs) {
      for (const record of scopeLogs.logRecords) {
        const mark = record.templateBody;
        if (mark === undefined) continue;
        // Set to undefined, not deleted: deleting a property turns the record into a slow dictionary object for every later stage.
        record.templateBody = undefined;
        const body = record.body;
        if (body === undefined || !("stringValue" in body)) continue;
        record.body = { stringValue: mark.template === undefined ? withStoredValues(body.stringValue, record, mark) : rendered(mark.template, record, mark) };
      }
    }
  }
}

function rendered(template: TemplatePart, record: LogRecord, mark: TemplateBody): string {
  const stored = storedValue(template, record);
  if (stored === undefined) return DROPPED_PROPERTY;
  const properties = mark.properties;
  // A rendering holds the value as written: one of a changed property is replaced in `@r` too.
  let renderings = mark.renderings;
  const body = renderMessageTemplate(
    anyValueAsString(stored),
    (name) => {
      const property = properties.get(name);
      return property === undefined ? undefined : propertyAsStored(name, property, record, mark.map);
    },
    (index, name) => {
      const property = properties.get(name);
      if (property === undefined || unchanged(property, record)) return mark.renderings?.[index];
      if (renderings !== undefined && index < renderings.length) {
        if (renderings === mark.renderings) renderings = [...renderings];
        (renderings as string[])[index] = storedText(property, record);
      }
      return undefined;
    },
  );
  if (renderings !== mark.renderings && mark.renderingsPart !== undefined && storedValue(mark.renderingsPart, record) !== undefined) {
    mark.renderingsPart.attribute.value = { stringValue: JSON.stringify(renderings) };
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
      const stored = storedValue(part, record);
      if (stored === part.value) continue;
      const written = anyValueAsString(part.value);
      if (written !== "") text = text.replaceAll(written, stored === undefined ? DROPPED_PROPERTY : anyValueAsString(stored));
    }
  }
  return text;
}

/** The part's value as stored: undefined when redaction dropped its attribute. */
function storedValue(part: TemplatePart, record: LogRecord): AnyValue | undefined {
  return record.attributes.includes(part.attribute) ? part.attribute.value : undefined;
}

function unchanged(property: TemplateProperty, record: LogRecord): boolean {
  return property.parts.every((part) => storedValue(part, record) === part.value);
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
