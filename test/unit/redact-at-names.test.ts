/**
 * `@` forms that are no person's address: a retina asset's file name (`logo@2x.png`) and a
 * Google Cloud service account (`orders@my-project.iam.gserviceaccount.com`) are kept; a
 * person's address (`ana@example.com`) still goes, beside them too.
 */
import { describe, expect, it } from "vitest";
import type { KeyValue } from "../../workers/shared/otlp/model";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { storedLogAttributes } from "../support/redaction";
import { itKeeps, itStores } from "../support/redaction-cases";

const str = (key: string, stringValue: string): KeyValue => ({ key, value: { stringValue } });

describe("a file name with a scale or a service account is kept", () => {
  itKeeps("%s", (text) => redactString(text, defaultRedactionPolicy()).text, [
    "logo@2x.png",
    "https://img.example.com/logo@2x.png",
    "icon@3x.webp",
    "GET /static/hero@1.5x.jpg 200",
    "orders@my-project.iam.gserviceaccount.com",
    "impersonating orders-sa@acme-prod-381204.iam.gserviceaccount.com",
    "123456789012-compute@developer.gserviceaccount.com",
    "my-project@appspot.gserviceaccount.com",
  ]);

  it.each(["gcp.service_account", "user.email"])("a service account under %s", (key) => {
    const account = "orders@my-project.iam.gserviceaccount.com";
    expect(storedLogAttributes([str(key, account)]).values).toEqual({ [key]: account });
  });
});

describe("a person's address still goes", () => {
  itStores("%s", (text) => redactString(text, defaultRedactionPolicy()).text, [
    ["ana@example.com", "[REDACTED:email]"],
    ["sent logo@2x.png to ana@example.com", "sent logo@2x.png to [REDACTED:email]"],
    ["ana@2x.example.com", "[REDACTED:email]"],
    ["ana@gserviceaccount.com.example.org", "[REDACTED:email]"],
  ]);
});
