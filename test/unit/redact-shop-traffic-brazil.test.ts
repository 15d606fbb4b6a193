/**
 * What a Brazilian shop's traffic wrote that redaction missed: postal codes in prose and in JSON
 * arrays, cardholder names by their keys, phones after Portuguese calling verbs, IBANs in lower
 * case, personal values among an ORM's bound parameters. Each form beside the look-alikes that
 * must stay.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";

const redacted = (text: string) => redactString(text, defaultRedactionPolicy()).text;

describe("postal codes in prose, after their word", () => {
  it("redacts a CEP after CEP, alone or with whose or which address it is, and a ZIP after an address", () => {
    expect(redacted("Endereço: Rua Augusta, 1500 - CEP 01304-001 - São Paulo")).toBe(
      "Endereço: Rua Augusta, 1500 - CEP [REDACTED:postal_code] - São Paulo",
    );
    expect(redacted("Jadlog CEP destino 04538133")).toBe("Jadlog CEP destino [REDACTED:postal_code]");
    expect(redacted("enviar para CEP de entrega: 01310-100 amanhã")).toBe("enviar para CEP de entrega: [REDACTED:postal_code] amanhã");
    expect(redacted("consulta cep 01.310-100 ok")).toBe("consulta cep [REDACTED:postal_code] ok");
    expect(redacted("Rua Augusta 1500, São Paulo, CA zip 94105")).toBe("Rua Augusta 1500, São Paulo, CA zip [REDACTED:postal_code]");
    expect(redacted("Shipping address: 1 Market St, San Francisco, zip code: 94105-1234")).toBe(
      "Shipping address: 1 Market St, San Francisco, zip code: [REDACTED:postal_code]",
    );
    expect(redacted("billing address: Damrak 70, postcode 1012 LM Amsterdam.")).toBe(
      "billing address: Damrak 70, postcode [REDACTED:postal_code] Amsterdam.",
    );
  });

  it("keeps ranges, other words after CEP, archives, counts and a ZIP without an address", () => {
    for (const text of [
      "faixa de CEP 01000-000 a 09999-999",
      "CEP 01000000 - 09999999 frete grátis",
      "CEP inicial 01000000",
      "Rua Augusta: zip 10001 to 10099",
      "zip code 94103",
      "Your zip code is 94103",
      "created 12 zip 94105 files",
      "order 98765-4321 shipped, ZIP 94105-1234, Seattle, WA 98101-1234",
      "gzip 12345678 bytes",
      "report.zip 94105 bytes",
      "cep_total 12345678",
    ]) {
      expect(redacted(text), text).toBe(text);
    }
  });
});
