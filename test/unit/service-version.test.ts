import { describe, expect, it } from "vitest";
import { fillServiceVersion } from "../../workers/ingest/core/normalize";
import type { AnyValue, KeyValue } from "../../workers/shared/otlp/model";

const str = (stringValue: string): AnyValue => ({ stringValue });
const attr = (key: string, value: AnyValue): KeyValue => ({ key, value });

function filled(...attributes: KeyValue[]): Record<string, AnyValue> {
  const resource = { attributes, droppedAttributesCount: 0 };
  fillServiceVersion(resource);
  return Object.fromEntries(resource.attributes.map((a) => [a.key, a.value]));
}

describe("fillServiceVersion (Cloudflare's export names the version only in faas.* / cloudflare.*)", () => {
  const VERSION_ID = "b1f8e2c4-3d5a-4e6f-8a9b-0c1d2e3f4a5b";

  it("copies faas.version first", () => {
    expect(filled(attr("service.name", str("shop")), attr("cloudflare.script_version.id", str("other")), attr("faas.version", str(VERSION_ID)))["service.version"]).toEqual(
      str(VERSION_ID),
    );
  });

  it("falls back to cloudflare.script_version.id, skipping an empty faas.version", () => {
    expect(filled(attr("faas.version", str("")), attr("cloudflare.script_version.id", str(VERSION_ID)))["service.version"]).toEqual(str(VERSION_ID));
  });

  it("never changes a service.version the sender set, and adds nothing without a source", () => {
    expect(filled(attr("service.version", str("1.2.3")), attr("faas.version", str(VERSION_ID)))["service.version"]).toEqual(str("1.2.3"));
    expect(filled(attr("service.name", str("shop")))).not.toHaveProperty("service.version");
  });
});
