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
  // Signed offsets and quantities: a `+` and a run of digits before a size's or a time's unit, in any of its spellings and cases.
  "timeout after +300 ms, offset +4930901820 bytes",
  "rss: +12582912 B",
  "heap_used +12582912 bytes",
  "heap +4930901820 B",
  "+4930901820 bytes",
  "Δ +4930901820 bytes",
  "clock skew +1733380000 ms",
  "ts +1733380000000 ms",
  "lag: +14155550132 ms",
  "queue lag +4930901820 ms",
  "duration +4930901820 ns",
  "diff +4930901820 bytes",
  "shift +4930901820 ms",
  "position +4930901820 bytes",
  "pos +4930901820 ms",
  "offset +4930901820 kB",
  "offset +4930901820 kb",
  "offset +4930901820 Bytes",
  "offset +4930901820 BYTES",
  "offset +4930901820 sec",
  "offset +4930901820 seconds",
  "offset +4930901820bytes",
  "bytes_delta=+4930901820",
  // Programs' and tables' names holding a phone's or a role's word are no phone's line.
  "Client delta +4930901820 ms",
  "Customer offset +4930901820 bytes",
  "customer table delta +4930901820 KiB",
  "contacts table delta +4930901820 bytes",
  "patient_records delta +4930901820 bytes",
  "sms-gateway: seek +4930901820 bytes",
  "logger=phone-sync delta=+4930901820 ms",
  "INFO c.e.phone.Sync - delta +4930901820 ms",
  // A URL query's key of a position's change.
  "GET /api/x?delta=+12582912&unit=bytes",
  "GET /api/x?offset=+1733380000&limit=50",
  "GET /seek?pos=+4930901820",
  "/api/x?offset=%2B4930901820",
  "/api/x?delta=%2B4930901820&limit=50",
  "/api/x?offset=+4930901820 bytes",
  '10.0.0.12 - - [05/Dec/2026:06:04:12 +0000] "GET /api/x?offset=+4930901820&limit=50 HTTP/1.1" 200 73960410 "-" "Mozilla/5.0"',
  "offset +4930901820 bytes",
  "offset: +4930901820 B",
  "seek +4930901820 ms",
  "delta=+4930901820 KiB",
  "r2 read: offset +4930901820 bytes, length 65536",
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

/**
 * A `+` number is a phone whatever count or other unit follows it (`s`, `x`, an extension's; `em`,
 * Portuguese "in"; `%`, `items`) and whatever word of a change or a position stands before it
 * (`position`, `POS`, `shift`, `diff` are people's words too), unless a size's or a time's unit
 * follows its run of digits; a line naming a phone, a call, a contact's or a role's label or a
 * person makes it one anyway.
 */
const SIGNED_PHONES: readonly (readonly [string, string])[] = [
  ["+49 30 901820 s", `${PHONE} s`],
  ["+44 20 7946 0958 items", `${PHONE} items`],
  ["reach me: +4930901820 lines", `reach me: ${PHONE} lines`],
  ["Reception: +1 415 555 0132 x 204", `Reception: ${PHONE} x 204`],
  ["Support +44 20 7946 0958 x 12", `Support ${PHONE} x 12`],
  ["Customer +447700900123 times out", `Customer ${PHONE} times out`],
  ["SMS failed for +447700900123 times 3", `SMS failed for ${PHONE} times 3`],
  ["caller +14155550132 seconds", `caller ${PHONE} seconds`],
  ["sent to +447700900123 chars", `sent to ${PHONE} chars`],
  ["Cliente: +55 11 98765-4321 em São Paulo", `Cliente: ${PHONE} em São Paulo`],
  ["Kunde +49 171 2345678 Mal", `Kunde ${PHONE} Mal`],
  ["Kunde +49 171 2345678 min", `Kunde ${PHONE} min`],
  ["Kunde +49 171 2345678 s. o.", `Kunde ${PHONE} s. o.`],
  ["Anna: +44 7700 900123 %", `Anna: ${PHONE} %`],
  ["Customer +44 20 7946 0958 B", `Customer ${PHONE} B`],
  ["position: +49 30 901820", `position: ${PHONE}`],
  ["customer position: +44 20 7946 0958", `customer position: ${PHONE}`],
  ["pos: +44 7700 900123 (customer phone)", `pos: ${PHONE} (customer phone)`],
  ["POS: +44 20 7946 0958", `POS: ${PHONE}`],
  ["Night shift: +44 7700 900123", `Night shift: ${PHONE}`],
  ["Early shift +44 7700 900123, late shift +44 7700 900124", `Early shift ${PHONE}, late shift ${PHONE}`],
  ["diff: +44 20 7946 0958", `diff: ${PHONE}`],
  ["delta +33 6 12 34 56 78", `delta ${PHONE}`],
  ["seek +4930901820", `seek ${PHONE}`],
  ["x += +14155550132", `x += ${PHONE}`],
  ["Telefon +49 30 901820\nPosition +4930901821", `Telefon ${PHONE}\nPosition ${PHONE}`],
  // An offset's word without a size's or a time's unit, a unit without an offset's word, or a person on the line.
  ["offset +4930901820", `offset ${PHONE}`],
  ["offset +49 30 901820", `offset ${PHONE}`],
  ["offset +4930901820 s", `offset ${PHONE} s`],
  ["delta=+4930901820", `delta=${PHONE}`],
  ["seek +4930901820 in r2 object", `seek ${PHONE} in r2 object`],
  ["position: +4930901820", `position: ${PHONE}`],
  ["shift +4930901820", `shift ${PHONE}`],
  ["kafka consumer lag +4930901820 records", `kafka consumer lag ${PHONE} records`],
  ["metric db.rows.delta +4930901820 rows", `metric db.rows.delta ${PHONE} rows`],
  ["diff +4930901820 lines", `diff ${PHONE} lines`],
  ["counter +4930901820 items", `counter ${PHONE} items`],
  ["+4930901820 chars", `${PHONE} chars`],
  ["width +4930901820 px", `width ${PHONE} px`],
  ["growth +4930901820 %", `growth ${PHONE} %`],
  ["Customer: offset +4930901820 bytes", `Customer: offset ${PHONE} bytes`],
  ["Contact: delta +4930901820 bytes", `Contact: delta ${PHONE} bytes`],
  ["kom. delta +48601234567 ms", `kom. delta ${PHONE} ms`],
  ["Łukasz: offset +48601234567 bytes", `Łukasz: offset ${PHONE} bytes`],
  ["ANNA: offset +447700900123 bytes", `ANNA: offset ${PHONE} bytes`],
  ["Anna: offset +4930901820 bytes", `Anna: offset ${PHONE} bytes`],
  // Still a phone after a phone's word or a call's verb (unchanged).
  ["call +4930901820 items", `call ${PHONE} items`],
  ["phone +4930901820 %", `phone ${PHONE} %`],
  ["Tel +4930901820 pt", `Tel ${PHONE} pt`],
  ["Kontakt: +49 30 901820 s", `Kontakt: ${PHONE} s`],
  ["Kontakt:\n+49 30 901820", `Kontakt:\n${PHONE}`],
];

describe("a `+` number beside a unit, a count or a change's word is a phone", () => {
  for (const [form, storedBy] of FORMS) itStores(`replaces the phone in ${form}: %j`, storedBy, SIGNED_PHONES);
});

describe("a `+` number in a URL's query is a phone but under a key of a position's change", () => {
  itStores("replaces %j", stored, [
    ["/api/x?phone=%2B4930901820&offset=+4930901820", `/api/x?phone=${PHONE}&offset=${PHONE}`],
    ["GET /api?phone=%2B4930901820&offset=+4930901820", `GET /api?phone=${PHONE}&offset=${PHONE}`],
    ["/sms?seek=%2B447700900123&to=%2B447700900124", `/sms?seek=${PHONE}&to=${PHONE}`],
    ["pos=+447700900123&phone=1", `pos=${PHONE}&phone=1`],
  ]);
});

/**
 * Words naming a phone less surely (`Kontaktnummer`, `Anrufnummer`: a CRM's or a call's record
 * id as often), and other languages' words, take digits in one run only in their plan: a German
 * one, a national plan's, Poland's; ids of eight digits or more after them, runs counting up
 * (`12345678`) and dates after a French call verb stay. A number in groups is a phone after them
 * as after any phone word, whatever its country (`Kontaktnummer: 0043 664 1234567`).
 */
const PLAN_WORD_IDS: readonly string[] = [
  "Kontaktnummer: 1234567890",
  "Kontaktnummer=98765432",
  "CRM Kontaktnummer 0012345678",
  "kontaktnummer=4711234567",
  "Kontaktnummern: 1234567890, 1234567891",
  "Anrufnummer: 1234567890",
  "kom. 12345678",
  "uwagi kom. 12345678",
  "Festnetz 12345678",
  "telefoon 12345678",
  "cellulare: 12345678",
  "contactez le 15 12 2026",
  "contactez le 15/12/2026",
  "Telefon 15.12.2026",
  "ID 030 123 45 67",
  "order 0171 234 56 78",
  "Tel. 01.02.2030",
  "phone 15/12/2026",
  "tel. stacj. 12 345 67 89",
  "Rückrufnummer: 1234567890",
  "ID 22 123 45 67",
  // Unaffected: other things' numbers, addresses, dates, lines, diffs, counts.
  "Kundennummer 1234567890",
  "Auftragsnummer 0171234567",
  "Ticketnummer: 12345678",
  "Vertragsnummer 0301234567",
  "Rufbereitschaft 0171 2345678",
  "call the service at 10.0.0.5",
  "call the service at 10.0.0.5:8080",
  "call the service at 2026-12-05",
  "call the function at line 1234567",
  "+1234567 bytes",
  "+1234567 -12",
  " 12 files changed, 1234567 insertions(+), 7654321 deletions(-)",
  "Kontakte:\n1234567 gesamt",
  "le client au 2e étage",
  "rappeler au 01/12/2026",
  "rappeler au 12h30",
];

const PLAN_WORD_PHONES: readonly (readonly [string, string])[] = [
  ["Kontaktnummer: 0171 2345678", `Kontaktnummer: ${PHONE}`],
  ["Kontaktnummer: 030 1234567", `Kontaktnummer: ${PHONE}`],
  ["Kontaktnummern: 0171 2345678, 0171 7654321", `Kontaktnummern: ${PHONE}, ${PHONE}`],
  ["Anrufnummer: 0049 171 2345678", `Anrufnummer: ${PHONE}`],
  ["kom. 601 234 567", `kom. ${PHONE}`],
  ["kom. 601234567", `kom. ${PHONE}`],
  ["Festnetz 0301234567", `Festnetz ${PHONE}`],
  ["telefoon 0201234567", `telefoon ${PHONE}`],
  ["cellulare: 3471234567", `cellulare: ${PHONE}`],
  ["contactez le 01 42 68 53 00", `contactez le ${PHONE}`],
  ["Kontakte:\n0171 2345678", `Kontakte:\n${PHONE}`],
  ["Rappeler le patient au 0142685300", `Rappeler le patient au ${PHONE}`],
  // Polish landlines in their groups after a landline's word.
  ["tel. stacj. 22 123 45 67", `tel. stacj. ${PHONE}`],
  ["stacjonarny: 221234567", `stacjonarny: ${PHONE}`],
  ["stacjonarny 58 123 45 67", `stacjonarny ${PHONE}`],
  ["Tel. stacj.: 12 631 22 33", `Tel. stacj.: ${PHONE}`],
  // Numbers in groups after these words, of any country, with 00, dashes or a list's later item (taken before the plans too).
  ["Kontaktnummer: 0043 664 1234567", `Kontaktnummer: ${PHONE}`],
  ["Kontaktnummer: 0664/1234567", `Kontaktnummer: ${PHONE}`],
  ["Kontaktnummer: 0049-30-12345678", `Kontaktnummer: ${PHONE}`],
  ["Kontaktnummer: 0 30 12345678", `Kontaktnummer: ${PHONE}`],
  ["Kontaktnummer: 0900 1234567", `Kontaktnummer: ${PHONE}`],
  ["Rückrufnummer: 0676 1234567", `Rückrufnummer: ${PHONE}`],
  ["Festnetz: 0316 123456", `Festnetz: ${PHONE}`],
  ["Handy/Festnetz: 0316 123456", `Handy/Festnetz: ${PHONE}`],
  ["Mobilfunknummer: 0043 676 1234567", `Mobilfunknummer: ${PHONE}`],
  ["Anrufnummer: 0044 20 7946 0958", `Anrufnummer: ${PHONE}`],
  ["Kontaktnummern: 0664 1234567, 0171 2345678", `Kontaktnummern: ${PHONE}, ${PHONE}`],
  ["kontaktnummer=0664 1234567", `kontaktnummer=${PHONE}`],
  ['{"kontaktnummer":"0664 1234567"}', `{"kontaktnummer":"${PHONE}"}`],
  ['{"faxnummer":"0043 1 2345678"}', `{"faxnummer":"${PHONE}"}`],
  ["telefoon: 0031 20 123 4567", `telefoon: ${PHONE}`],
  ["mobiel: 0031 6 12345678", `mobiel: ${PHONE}`],
  ["telefoonnummer: 0031 6 1234 5678", `telefoonnummer: ${PHONE}`],
  ["telefoon: 0049 171 2345678", `telefoon: ${PHONE}`],
  ["cellulare 347-123-4567", `cellulare ${PHONE}`],
  ['{"cellulare":"347-123-4567"}', `{"cellulare":"${PHONE}"}`],
  ["cellulare 0039 347 123 4567", `cellulare ${PHONE}`],
  ["telefonino 0039 333 1234567", `telefonino ${PHONE}`],
  ["numer telefonu: 0171 2345678", `numer telefonu: ${PHONE}`],
  ["numer telefonu: 0049 171 2345678", `numer telefonu: ${PHONE}`],
  ['{"telefonu":"0171 2345678"}', `{"telefonu":"${PHONE}"}`],
  ["kom. 0044 7700 900123", `kom. ${PHONE}`],
  ["Tel. kom.: 0171 2345678", `Tel. kom.: ${PHONE}`],
  ["komórka 48601234567", `komórka ${PHONE}`],
  ["tel. stacj. 96 123 45 67", `tel. stacj. ${PHONE}`],
  // Polish landline groups after any phone word or under a phone's key, a list's first item too.
  ["telefon 22 123 45 67", `telefon ${PHONE}`],
  ["Tel.: 22 123 45 67, 601 234 567", `Tel.: ${PHONE}, ${PHONE}`],
  ["telefon: 601 234 567, 22 123 45 67", `telefon: ${PHONE}, ${PHONE}`],
  ["numer telefonu: 22 123 45 67", `numer telefonu: ${PHONE}`],
  ["nr tel. 22 123 45 67", `nr tel. ${PHONE}`],
  ["phone: 22 123 45 67", `phone: ${PHONE}`],
  ['{"phone":"22 123 45 67"}', `{"phone":"${PHONE}"}`],
  ['{"tel":"22 123 45 67","name":"Jan"}', `{"tel":"${PHONE}","name":"Jan"}`],
  ["phone_number=22 123 45 67", `phone_number=${PHONE}`],
  ["tel. stacj. 22 123 45 67, 58 123 45 67", `tel. stacj. ${PHONE}, ${PHONE}`],
  ["tel. stacj. 22 123 45 67 lub 58 123 45 67", `tel. stacj. ${PHONE} lub ${PHONE}`],
  // Germany's area code, three digits and two pairs after a phone's word or under its key.
  ["Telefon: 0171 234 56 78", `Telefon: ${PHONE}`],
  ["Telefon: 030 123 45 67", `Telefon: ${PHONE}`],
  ["Tel.: 0171 234 56 78, 030 123 45 67", `Tel.: ${PHONE}, ${PHONE}`],
  ['{"phone":"030 123 45 67"}', `{"phone":"${PHONE}"}`],
  // Phone words in capitals with letters past ASCII.
  ["RÜCKRUFNUMMER: 030 1234567", `RÜCKRUFNUMMER: ${PHONE}`],
  ["TÉLÉPHONE : 06 12 34 56 78", `TÉLÉPHONE : ${PHONE}`],
  ["TELÉFONO: 612 345 678", `TELÉFONO: ${PHONE}`],
  ["KOMÓRKA 601 234 567", `KOMÓRKA ${PHONE}`],
];

describe("words naming a phone less surely take a number in their plan", () => {
  for (const [form, storedBy] of FORMS) itKeeps(`keeps ${form}: %j`, storedBy, PLAN_WORD_IDS);
  for (const [form, storedBy] of FORMS) itStores(`replaces the phone in ${form}: %j`, storedBy, PLAN_WORD_PHONES);
});

describe("a phone's key still decides a signed value", () => {
  it("replaces a signed run on a line naming a person by a title or a name replaced already", () => {
    expect(stored("Frau Schmidt delta +491712345678 ms")).toBe(`Frau [REDACTED:person_name] delta ${PHONE} ms`);
    expect(stored(JSON.stringify({ user: "Anna Schmidt", msg: "offset +447700900123 bytes" }))).toBe(
      JSON.stringify({ user: "[REDACTED:person_name]", msg: `offset ${PHONE} bytes` }),
    );
  });

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
