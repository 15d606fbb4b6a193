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

const CLOUDFLARE = attr("cloud.provider", str("cloudflare"));

describe("fillServiceVersion (Cloudflare's export names the version only in faas.* / cloudflare.*)", () => {
  const VERSION_ID = "b1f8e2c4-3d5a-4e6f-8a9b-0c1d2e3f4a5b";

  it("copies faas.version first", () => {
    expect(filled(CLOUDFLARE, attr("service.name", str("shop")), attr("cloudflare.script_version.id", str("other")), attr("faas.version", str(VERSION_ID)))["service.version"]).toEqual(
      str(VERSION_ID),
    );
  });

  it("falls back to cloudflare.script_version.id, skipping an empty faas.version", () => {
    expect(filled(attr("faas.version", str("")), attr("cloudflare.script_version.id", str(VERSION_ID)), CLOUDFLARE)["service.version"]).toEqual(str(VERSION_ID));
  });

  it("never changes a service.version the sender set, and adds nothing without a source", () => {
    expect(filled(CLOUDFLARE, attr("service.version", str("1.2.3")), attr("faas.version", str(VERSION_ID)))["service.version"]).toEqual(str("1.2.3"));
    expect(filled(CLOUDFLARE, attr("service.name", str("shop")))).not.toHaveProperty("service.version");
  });

  it("leaves other senders' resources as sent: AWS Lambda's and Cloud Run's faas.version is no deployment's version", () => {
    const lambda = [attr("service.name", str("orders-fn")), attr("cloud.provider", str("aws")), attr("faas.version", str("$LATEST"))];
    expect(filled(...lambda)).toEqual(Object.fromEntries(lambda.map((a) => [a.key, a.value])));
    expect(filled(attr("faas.version", str(VERSION_ID)))).not.toHaveProperty("service.version");
    expect(filled(attr("cloud.provider", str("gcp")), attr("cloudflare.script_version.id", str(VERSION_ID)))).not.toHaveProperty("service.version");
  });
});
