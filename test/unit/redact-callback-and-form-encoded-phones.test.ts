/**
 * International and national phone numbers after German, French, Spanish and Portuguese callback
 * and reachability words (no English phone word), and international numbers form-encoded in a
 * URL's query (`%2B`, `+` or `%20` between groups); versions, timestamps, durations, counts,
 * order and invoice numbers, addresses, `+1 more`, `+49 items` and signed amounts stay.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { storedLogAttribute } from "../support/redaction";
import { itKeepsUncounted, itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const redacted = (text: string) => redactString(text, policy);
const PHONE = "[REDACTED:phone]";

describe("a phone after a callback or reachability word", () => {
  itStoresCounting("redacts %j", redacted, { phone: 1 }, [
    ["Rückruf unter +49 30 12345678", `Rückruf unter ${PHONE}`],
    ["Kunde bittet um Rückruf unter +49 30 12345678.", `Kunde bittet um Rückruf unter ${PHONE}.`],
    ["erreichbar unter +49 (0)89 1234567", `erreichbar unter ${PHONE}`],
    ["Erreichbar unter: +49 (0) 89 1234567", `Erreichbar unter: ${PHONE}`],
    ["Rückruf unter 030 / 12345678", `Rückruf unter ${PHONE}`],
    ["appelez le +33 6 12 34 56 78", `appelez le ${PHONE}`],
    ["joignable au 06 12 34 56 78", `joignable au ${PHONE}`],
    ["joignable au 06-12-34-56-78", `joignable au ${PHONE}`],
    ["joignable au 0612345678", `joignable au ${PHONE}`],
    ["llame al +34 612 34 56 78", `llame al ${PHONE}`],
    ["llámenos al 912 34 56 78", `llámenos al ${PHONE}`],
    ["contato: +55 11 98765-4321", `contato: ${PHONE}`],
  ]);

  itKeepsUncounted("keeps the look-alike %j", redacted, [
    "Rückruf am 2026-12-04 13:45:10",
    "Rückruf 12345678 abgeschlossen",
    "Rückruf nach 12345678 ms",
    "Dienst erreichbar unter http://10.0.0.12:8080/health",
    "Server erreichbar unter 192.168.100.200:8443",
    "erreichbar unter Build 20261204.1345",
    "joignable au port 8080",
    "appelez le service v12.34.5678",
    "appelez le 2026-12-04 13:45:10",
    "appelez le lot 12-34-56-78",
    "llame al endpoint 10.20.30.40:5432",
    "version 2.34.5678.12",
    "build 20261204134510",
    "took 12345678 ms",
    "wrote 123456789 bytes",
    "order 12345678 shipped",
    "Rechnung 2026-123456",
    "+1 more",
    "+49 items",
    "+34.50 EUR",
    "diff +12345+67890",
  ]);
});

describe("an international phone form-encoded in a URL's query", () => {
  itStoresCounting("redacts %j", redacted, { phone: 1 }, [
    ["GET /signup?tel=%2B5511987654321&x=1", `GET /signup?tel=${PHONE}&x=1`],
    ["GET /signup?phone=%2B55+11+98765-4321", `GET /signup?phone=${PHONE}`],
    ["GET /c?whatsapp=%2B5511987654321", `GET /c?whatsapp=${PHONE}`],
    ["GET /c?whatsapp=%2B55%2011%2098765-4321&a=1", `GET /c?whatsapp=${PHONE}&a=1`],
    ["GET /c?celular=%2B55+%2811%29+98765-4321", `GET /c?celular=${PHONE}`],
    ["GET /signup?tel=+55+11+98765-4321", `GET /signup?tel=${PHONE}`],
    ["/api?ref=%2B55+11+98765-4321", `/api?ref=${PHONE}`],
  ]);

  itKeepsUncounted("keeps the look-alike %j", redacted, [
    "GET /search?q=%2B49+items",
    "GET /cart?delta=%2B34.50+EUR",
    "GET /x?q=+1+more",
    "GET /x?sum=1+2+3+4+5+6+7+8",
    "GET /x?ts=2026-12-04+13%3A45%3A10",
    "GET /x?ts=2026-12-04%2013:45:10",
    "/x?offset=%2B05%3A30",
    "GET /x?version=%2B1.2.3+build.12345678",
  ]);

  it("redacts the query under a URL attribute", () => {
    expect(storedLogAttribute("url.query", { stringValue: "phone=%2B55+11+98765-4321&plan=pro" })).toEqual({
      stringValue: `phone=${PHONE}&plan=pro`,
    });
  });
});
