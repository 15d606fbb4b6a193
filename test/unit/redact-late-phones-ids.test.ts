/**
 * A phone after a callback or reachability word with words between it and `unter`/`au`/`al`/`no`
 * (`erreichbar von 9-17 Uhr unter 0171 1234567`), after `Erreichbarkeit:` and after French
 * `rappel`; and a German identity card's number in lower case after its name and under the
 * card's key forms (`idCardNumber`, `id_card_number`, `ausweis_nr`). Addresses, dates, durations
 * and versions after these words stay.
 */
import { describe } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { itKeepsUncounted, itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const redacted = (text: string) => redactString(text, policy);
const PHONE = "[REDACTED:phone]";
const NATIONAL_ID = "[REDACTED:national_id]";

describe("a phone a callback word names further on in its sentence", () => {
  itStoresCounting("redacts %j", redacted, { phone: 1 }, [
    ["erreichbar von 9-17 Uhr unter 0171 1234567", `erreichbar von 9-17 Uhr unter ${PHONE}`],
    ["Erreichbarkeit: 030 12345678", `Erreichbarkeit: ${PHONE}`],
    ["rappel au 06 12 34 56 78", `rappel au ${PHONE}`],
    ["rappelez-moi au 06 12 34 56 78", `rappelez-moi au ${PHONE}`],
    ["Kunde bittet um Rückruf morgen ab 10 Uhr unter 0171 1234567", `Kunde bittet um Rückruf morgen ab 10 Uhr unter ${PHONE}`],
    ["joignable demain matin au 06 12 34 56 78", `joignable demain matin au ${PHONE}`],
  ]);

  itKeepsUncounted("keeps the look-alike %j", redacted, [
    "erreichbar: 10.0.0.12 8080",
    "erreichbar unter 2026-12-04",
    "Rückruf unter 2026-12-04",
    "rappel au 12/04",
    "rappel au 12/04/2026",
    "Erreichbarkeit: 99.95 %",
    "erreichbar nach 12345678 ms",
    "Erreichbarkeit geprüft in 12345678 ms",
    "rappel au v12.34.5678",
    "erreichbar von 9-17 Uhr unter Build 20261204.1345",
    "Rückruf erledigt. Ticket unter 12345678 abgelegt",
    "erreichbar unter http://10.0.0.12:8080/health",
    "erreichbar unter 12345678 ms",
    "Erreichbarkeit: 12345678 ms",
    "Erreichbarkeit: 1234 5678 ms",
    "rappel au 1.2.3456789",
    "rappel au 2026-12-04 13:45:10",
    "Rückruf wegen Auftrag unter 12345678",
  ]);
});

describe("a German identity card's number in lower case or under the card's key forms", () => {
  itStoresCounting("redacts %j", redacted, { national_id: 1 }, [
    ["Ausweisnummer: t22000129", `Ausweisnummer: ${NATIONAL_ID}`],
    ['{"idCardNumber":"T22000129"}', `{"idCardNumber":"${NATIONAL_ID}"}`],
    ["id_card_number=T22000129", `id_card_number=${NATIONAL_ID}`],
    ["ausweis_nr=T22000129", `ausweis_nr=${NATIONAL_ID}`],
    ['{"id_card":"T22000129"}', `{"id_card":"${NATIONAL_ID}"}`],
    ["Ausweis t22000129", `Ausweis ${NATIONAL_ID}`],
  ]);

  itKeepsUncounted("keeps the look-alike %j", redacted, [
    "Ausweisnummer nicht lesbar",
    "Ausweisnummer: xxxxxxxxx",
    "Ausweisnummer: t2200012",
    "ausweis_nr=geprüft",
    "id_card=missing",
    "ID card 2026-12-04",
    "ID number T22000129",
  ]);
});
