/** OTLP/JSON building blocks shared by the payload generators. */

export type JsonAnyValue =
  | { stringValue: string }
  | { intValue: string | number }
  | { doubleValue: number }
  | { boolValue: boolean };

export interface JsonKeyValue {
  key: string;
  value: JsonAnyValue;
}

export type AttributeValue = string | number | boolean;

/**
 * Integers become OTLP `intValue` (decimal strings, as OTLP/JSON writes int64, or JSON numbers
 * with `intsAsNumbers`, as Cloudflare's export writes them), others doubles.
 */
export function keyValues(attributes: Readonly<Record<string, AttributeValue>>, intsAsNumbers = false): JsonKeyValue[] {
  return Object.entries(attributes).map(([key, value]) => ({ key, value: anyValue(value, intsAsNumbers) }));
}

function anyValue(value: AttributeValue, intsAsNumbers: boolean): JsonAnyValue {
  if (typeof value === "string") return { stringValue: value };
  if (typeof value === "boolean") return { boolValue: value };
  if (!Number.isInteger(value)) return { doubleValue: value };
  return { intValue: intsAsNumbers ? value : String(value) };
}

/** Unix nanoseconds as OTLP/JSON's decimal string. */
export function nanos(value: bigint): string {
  return value.toString();
}

/** A Worker's resource, as our tail and OpenTelemetry-instrumented Workers describe it. */
export function workerResource(service: string): { attributes: JsonKeyValue[] } {
  return {
    attributes: keyValues({
      "service.name": service,
      "service.version": "2026.04.1",
      "deployment.environment.name": "production",
      "cloud.provider": "cloudflare",
      "cloud.platform": "cloudflare.workers",
      "faas.name": service,
      "telemetry.sdk.language": "js",
    }),
  };
}
