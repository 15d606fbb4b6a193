/**
 * Phones introduced by other languages' words, and a signed offset that is no phone. German and
 * Dutch name a phone's number in one compound word whose first part says phone, call, mobile,
 * landline, fax or contact (`Rückrufnummer`, `Festnetznummer`, `telefoonnummer`); a `…nummer` of
 * another first part names another thing's number (`Kundennummer`) and stays. Polish, Italian,
 * Dutch and Portuguese phone words (`numer telefonu`, `Tel. kom.`, `komórka`, `cellulare`,
 * `mobiel`, `telemóvel`); French call verbs with their object before `au` (`Rappeler le client
 * au …`, `joindre M. Dupont au …`, `contacter le service au …`); a contact label with the number
 * on its next line (`Kontakte:\n0171 2345678`). A `+` number after a word of a position's change
 * or before a unit (`offset +4930901820 bytes`) is a quantity. Each case in text, a pino line's
 * message (JSON text), after a logger's prefix, a log attribute's string and a Cloudflare console
 * line (through the whole core), and as a pino line's JSON body through the whole core.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { exportedConsoleLine, storedLogAttribute } from "../support/redaction";
import { itKeeps, itStores } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const PHONE = "[REDACTED:phone]";
const stored = (text: string) => redactString(text, policy).text;
/** The text as a pino line's message in a log body (JSON text). */
const inJsonText = (text: string) => JSON.parse(stored(JSON.stringify({ level: 30, msg: text }))).msg as string;
const afterPrefix = (text: string) => stored(`2026-12-05T03:00:00.123Z INFO ${text}`).replace("2026-12-05T03:00:00.123Z INFO ", "");
const inAttribute = (text: string) => (storedLogAttribute("detail", { stringValue: text }) as { stringValue: string }).stringValue;
const inConsoleLine = (text: string) => exportedConsoleLine(text).body;
/** A pino line as a Cloudflare console line's body through the whole core: the stored body is its lifted message. */
const inPinoConsoleLine = (text: string) =>
  exportedConsoleLine(JSON.stringify({ level: 30, time: 1764914400000, pid: 4711, hostname: "edge-fra-03", msg: text })).body;

const FORMS: readonly (readonly [string, (text: string) => string])[] = [
  ["text", stored],
  ["a pino message", inJsonText],
  ["after a logger's prefix", afterPrefix],
  ["a log attribute", inAttribute],
  ["a Cloudflare console line", inConsoleLine],
  ["a pino line through the whole core", inPinoConsoleLine],
];

const CAUGHT: readonly (readonly [string, string])[] = [
  // French call verbs with whom to call between the verb and `au`.
  ["Rappeler le client au 01 42 68 53 00", `Rappeler le client au ${PHONE}`],
  ["Rappeler au 01 42 68 53 00", `Rappeler au ${PHONE}`],
  ["appeler le client au 01 42 68 53 00", `appeler le client au ${PHONE}`],
  ["joindre M. Dupont au 06 12 34 56 78", `joindre M. Dupont au ${PHONE}`],
  ["contacter le service au 01 42 68 53 00", `contacter le service au ${PHONE}`],
  ["contacter le service client au 09 70 80 90 10", `contacter le service client au ${PHONE}`],
  ["contacter l'agence au 04 72 10 20 30", `contacter l'agence au ${PHONE}`],
  ["Rappeler la cliente au 07 12 34 56 78", `Rappeler la cliente au ${PHONE}`],
  // Polish.
  ["numer telefonu 601 234 567", `numer telefonu ${PHONE}`],
  ["Tel. kom. 601 234 567", `Tel. kom. ${PHONE}`],
  ["Tel. kom.: 601-234-567", `Tel. kom.: ${PHONE}`],
  ["tel. stacj. 22 1234567", `tel. stacj. ${PHONE}`],
  ["komórka 601 234 567", `komórka ${PHONE}`],
  ["kom. 601 234 567", `kom. ${PHONE}`],
  // German compounds whose first part says phone, call, mobile, landline, fax or contact.
  ["Rückrufnummer 0171 2345678", `Rückrufnummer ${PHONE}`],
  ["Handynummer 0171 2345678", `Handynummer ${PHONE}`],
  ["Mobilnummer 0171 2345678", `Mobilnummer ${PHONE}`],
  ["Mobilfunknummer 0151 23456789", `Mobilfunknummer ${PHONE}`],
  ["Telefonnummer 0171 2345678", `Telefonnummer ${PHONE}`],
  ["Festnetznummer 030 1234567", `Festnetznummer ${PHONE}`],
  ["Festnetz 030 1234567", `Festnetz ${PHONE}`],
  ["Faxnummer 030 12345678", `Faxnummer ${PHONE}`],
  ["Kontaktnummer 0171 2345678", `Kontaktnummer ${PHONE}`],
  ["Faxnummern: 030 1234567, 030 7654321", `Faxnummern: ${PHONE}, ${PHONE}`],
  // Spanish, Italian, Dutch, Portuguese.
  ["número de teléfono 612 345 678", `número de teléfono ${PHONE}`],
  ["móvil 612 345 678", `móvil ${PHONE}`],
  ["numero di telefono 347 123 4567", `numero di telefono ${PHONE}`],
  ["cellulare 347 123 4567", `cellulare ${PHONE}`],
  ["telefonino 347 1234567", `telefonino ${PHONE}`],
  ["telefoonnummer 06 12345678", `telefoonnummer ${PHONE}`],
  ["telefoon: 020 123 4567", `telefoon: ${PHONE}`],
  ["mobiel 06 12345678", `mobiel ${PHONE}`],
  ["telemóvel 912 345 678", `telemóvel ${PHONE}`],
  ["celular 11 98765-4321", `celular ${PHONE}`],
  // A contact label and the number on its next line.
  ["Kontakte:\n0171 2345678", `Kontakte:\n${PHONE}`],
  ["Kontakt:\n0171 2345678", `Kontakt:\n${PHONE}`],
  ["Contacts:\n020 7946 0958", `Contacts:\n${PHONE}`],
  ["Contacts:\n+44 20 7946 0958", `Contacts:\n${PHONE}`],
];

const KEPT: readonly string[] = [
  // Signed quantities: a unit after the number, a position's change before it.
  "timeout after +300 ms, offset +4930901820 bytes",
  "offset +4930901820",
  "offset +49 30 901820",
  "delta=+4930901820",
  "seek +4930901820 in r2 object",
  "position: +4930901820",
  "shift +4930901820",
  "heap +4930901820 B",
  "queue lag +4930901820 ms",
  "kafka consumer lag +4930901820 records",
  "metric db.rows.delta +4930901820 rows",
  "diff +4930901820 lines",
  "counter +4930901820 items",
  "+4930901820 chars",
  "width +4930901820 px",
  "growth +4930901820 %",
  // Another thing's number under its compound name.
  "Kundennummer 0171 2345678 bestellt",
  "Bestellnummer 0171 2345678 versandt",
  "Ticketnummer 0171 2345678",
  "Seriennummer 0464542860 registriert",
  "Rufnummernsperre 0900 aktiv",
  "Rückruf-ID 20261205",
  "Rückrufnummer fehlt, Ticket 20261205",
  // Ids, codes and counts near the new words.
  "ISBN 978-3-16-148410-0",
  "sku 4006381333931",
  "order 9434765920 qty 3",
  "build 0464542860",
  "retry 3 of 5 … pid 4711 ids 123 456 7890",
  "numer zamówienia 601 234 567",
  "komentarz 601 234 567",
  "kom. 3 z 5 prób",
  "komórka: brak",
  "mobiel netwerk 4G 2026 12345",
  "Kontakte:\n612 345 678 importiert",
  // French call verbs before no phone.
  "joindre le fichier au ticket 4711",
  "joindre le fichier 2024 12345 au dossier",
  "contacter le service au sujet du ticket 20261205",
  "Appeler Redis au port 6379",
  "appeler le client au 3e étage",
  "Transfert au 2026-12-05 du dossier 4711",
];

describe("phones named by other languages' words, call verbs' objects and next-line labels", () => {
  for (const [form, storedBy] of FORMS) itStores(`replaces the phone in ${form}: %j`, storedBy, CAUGHT);
});

describe("signed quantities and other things' numbers stay", () => {
  for (const [form, storedBy] of FORMS) itKeeps(`keeps ${form}: %j`, storedBy, KEPT);
});

describe("a signed offset in a URL's query", () => {
  itKeeps("keeps %j", stored, [
    '10.0.0.12 - - [05/Dec/2026:06:04:12 +0000] "GET /api/x?offset=+4930901820&limit=50 HTTP/1.1" 200 73960410 "-" "Mozilla/5.0"',
    "/api/x?delta=%2B4930901820&limit=50",
  ]);
  itStores("replaces a phone's value in the same query %j", stored, [["/api/x?phone=%2B4930901820&offset=+4930901820", `/api/x?phone=${PHONE}&offset=+4930901820`]]);
});

describe("a phone's key still decides a signed value", () => {
  it("replaces a `+` number before a unit under a phone's word or key", () => {
    expect(stored("phone: +4930901820 bytes")).toBe(`phone: ${PHONE} bytes`);
    expect((storedLogAttribute("user.phone", { stringValue: "+49 30 901820" }) as { stringValue: string }).stringValue).toBe(PHONE);
  });

  it("replaces a compound phone key's value and keeps a customer number's", () => {
    expect((storedLogAttribute("rueckruf.telefonnummer", { stringValue: "0171 2345678" }) as { stringValue: string }).stringValue).toBe(PHONE);
    expect((storedLogAttribute("kontaktnummer", { stringValue: "0171 2345678" }) as { stringValue: string }).stringValue).toBe(PHONE);
    expect((storedLogAttribute("kundennummer", { stringValue: "0171 2345678" }) as { stringValue: string }).stringValue).toBe("0171 2345678");
  });
});
