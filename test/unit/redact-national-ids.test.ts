/**
 * National identity, tax and driver's licence numbers outside Brazil and the US: after their
 * document's name in text, as a JSON member or as an attribute's key they are redacted; after a
 * generic name (`national id`) only when a document's shape and check digit hold; unnamed only the
 * shapes unlikely by chance (a CURP, a codice fiscale) whose check holds. Orders', traces' and
 * requests' numbers stay. In a metric's attributes the marker is hashed, so series stay apart.
 */
import { describe, expect, it } from "vitest";
import type { MetricsRequest, NumberDataPoint } from "../../workers/shared/otlp/model";
import { defaultRedactionPolicy, redactRequest, redactString } from "../../workers/ingest/core/redact";
import {
  aadhaarHolds, bsnHolds, codiceFiscaleHolds, cuitHolds, curpHolds, nirHolds, nricHolds, personnummerHolds, rutHolds, sinHolds,
  spanishIdHolds, steuerIdHolds, tfnHolds,
} from "../../workers/ingest/core/redact/national-id-checks";
import { metricsRequest } from "../support/model-builders";
import { storedLogAttribute } from "../support/redaction";
import { itKeepsUncounted, itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const redacted = (text: string) => redactString(text, policy);
const MARKER = "[REDACTED:national_id]";


describe("a national id after its document's name", () => {
  it.each([
    ["national insurance: AB123456C", "national insurance: "],
    ["National Insurance number AB 12 34 56 C", "National Insurance number "],
    ['{"nino":"AB123456C"}', '{"nino":"', '"}'],
    ["DNI 12345678Z", "DNI "],
    ['{"dni":"12345678Z"}', '{"dni":"', '"}'],
    ["NIE X1234567L", "NIE "],
    ["NIF: X1234567L", "NIF: "],
    ["Aadhaar 2345 6789 0124", "Aadhaar "],
    ["PAN ABCPD1234E", "PAN "],
    ["SIN 046 454 286", "SIN "],
    ["social insurance number: 046-454-286", "social insurance number: "],
    ["BSN 123456782", "BSN "],
    ["personnummer 19811218-9876", "personnummer "],
    ["personnummer: 811218-9876", "personnummer: "],
    // Its check digit is 0: named, a mistyped check digit is redacted too.
    ["CURP GODE561231HDFRRN09", "CURP "],
    ["RFC GODE561231GR8", "RFC "],
    ["codice fiscale RSSMRA85T10A562S", "codice fiscale "],
    ["NIR 1 85 05 78 006 084 36", "NIR "],
    ["numéro de sécurité sociale 185057800608436", "numéro de sécurité sociale "],
    ["TFN 123 456 782", "TFN "],
    ["tax file number: 123456782", "tax file number: "],
    ["NRIC S1234567D", "NRIC "],
    ["RUT 12.345.678-5", "RUT "],
    ["CUIT 20-12345678-9", "CUIT "],
    ["CUIL: 20123456786", "CUIL: "],
    ["Steuer-ID 65929970489", "Steuer-ID "],
    ['{"driver_license":"D1234567"}', '{"driver_license":"', '"}'],
    ["driver's license no. D1234567 expired", "driver's license no. ", " expired"],
    ["Führerschein B072RRE2I55", "Führerschein "],
  ])("%s", (text, before, after = "") => {
    expect(redacted(text)).toEqual({ text: `${before}${MARKER}${after}`, counts: { national_id: 1 } });
  });
});

describe("after a generic name, a number only when a document's shape and check digit hold", () => {
  it.each([
    ["national id: 123456782", "national id: "],
    ["identity number S1234567D", "identity number "],
    ["national_id=HEGG560427MVZRRL04", "national_id="],
  ])("%s is redacted", (text, before) => {
    expect(redacted(text)).toEqual({ text: `${before}${MARKER}`, counts: { national_id: 1 } });
  });

  it.each(["national id: 123456789", "identity number S1234567A", "id card 2024-11-30"])("%s stays", (text) => {
    expect(redacted(text).counts.national_id).toBeUndefined();
  });
});

describe("unnamed, only a CURP's or codice fiscale's shape whose check holds", () => {
  itStoresCounting("%s", redacted, { national_id: 1 }, [
    ["alta de HEGG560427MVZRRL04 ok", `alta de ${MARKER} ok`],
    ["cliente RSSMRA85T10A562S registrato", `cliente ${MARKER} registrato`],
  ]);

  itKeepsUncounted("%s stays", redacted, [
    "alta de HEGG560427MVZRRL05 ok",
    "cliente RSSMRA85T10A562T registrato",
    "order 123456782 shipped",
    "trace 12345678Z9 done",
    "see RFC 7231 section 6.5",
    // A company's RFC: twelve characters, three letters first (a person's has four).
    "company RFC ABC680524P76",
    "RFC: ABC680524P76 emitido",
    "sin 046 454 286 pesos",
    "request_id=X1234567L",
    "pan 12345678 ms",
    "run 12.345.678-5 steps",
    "build 20-12345678-9",
  ]);
});

describe("under a key naming one, the whole value", () => {
  it.each([
    ["user.national_id", "AB123456C"],
    ["nino", "AB123456C"],
    ["customer.dni", "12345678Z"],
    ["aadhaar_number", "234567890124"],
    ["driver_license", "D1234567"],
    ["codice_fiscale", "RSSMRA85T10A562S"],
    ["steuer_id", "65929970489"],
  ])("%s = %s", (key, value) => {
    expect(storedLogAttribute(key, { stringValue: value })).toEqual({ stringValue: MARKER });
  });

  it.each([
    ["user.national_id", "unknown"],
    ["order.id", "123456782"],
    ["driver_license.expired", "true"],
  ])("%s = %s stays", (key, value) => {
    expect(storedLogAttribute(key, { stringValue: value })).toEqual({ stringValue: value });
  });

  it("in a metric's attributes the marker is hashed: two ids two series, the same id one", () => {
    const stored = (value: string): string => {
      const point: NumberDataPoint = { attributes: [{ key: "user.national_id", value: { stringValue: value } }], startTimeUnixNano: "0", timeUnixNano: "1", value: { asDouble: 1 }, exemplars: [], flags: 0 };
      const request: MetricsRequest = metricsRequest([{ name: "logins", description: "", unit: "1", metadata: [], data: { type: "gauge", dataPoints: [point] } }]);
      redactRequest("metrics", request, policy);
      const data = request.resourceMetrics[0]!.scopeMetrics[0]!.metrics[0]!.data;
      const kept = data.type === "gauge" ? data.dataPoints[0]!.attributes[0]!.value : undefined;
      return kept !== undefined && "stringValue" in kept ? kept.stringValue : JSON.stringify(kept);
    };
    const a = stored("AB123456C");
    expect(a).toMatch(/^\[REDACTED:national_id:[0-9a-f]{16}\]$/);
    expect(stored("AB123456C")).toBe(a);
    expect(stored("CD654321A")).not.toBe(a);
  });
});

describe("check digits", () => {
  it.each([
    [aadhaarHolds, "2345 6789 0124", "2345 6789 0123"],
    [sinHolds, "046 454 286", "046 454 287"],
    [bsnHolds, "123456782", "123456789"],
    [personnummerHolds, "19811218-9876", "19811218-9875"],
    [spanishIdHolds, "12345678Z", "12345678A"],
    [spanishIdHolds, "X1234567L", "X1234567A"],
    [curpHolds, "HEGG560427MVZRRL04", "GODE561231HDFRRN09"],
    [codiceFiscaleHolds, "RSSMRA85T10A562S", "RSSMRA85T10A562T"],
    [nirHolds, "1 85 05 78 006 084 91", "1 85 05 78 006 084 36"],
    [tfnHolds, "123 456 782", "123 456 789"],
    [nricHolds, "S1234567D", "S1234567A"],
    [rutHolds, "12.345.678-5", "12.345.678-4"],
    [cuitHolds, "20-12345678-6", "20-12345678-9"],
    [steuerIdHolds, "65929970489", "65929970488"],
  ])("%o: %s holds, %s does not", (holds, valid, invalid) => {
    expect(holds(valid)).toBe(true);
    expect(holds(invalid)).toBe(false);
  });
});

describe("an SQL column naming one", () => {
  itStoresCounting("%s", redacted, { national_id: 1 }, [
    ["INSERT INTO people (dni, created) VALUES ('12345678Z', '2024-01-01')", "INSERT INTO people (dni, created) VALUES ('[REDACTED:national_id]', '2024-01-01')"],
    ["UPDATE users SET national_id = 'AB123456C' WHERE id = 4", "UPDATE users SET national_id = '[REDACTED:national_id]' WHERE id = 4"],
  ]);

  it("an order's column keeps a number passing a check digit", () => {
    const text = "SELECT * FROM orders WHERE order_id = '123456782'";
    expect(redacted(text)).toEqual({ text, counts: {} });
  });
});
