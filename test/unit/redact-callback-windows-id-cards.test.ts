/**
 * A phone after a callback or reachability word and an availability window's words only
 * (`erreichbar von 9-17 Uhr unter …`, `joignable entre 9h et 18h au …`), in a phone's shape; a
 * ticket's, an invoice's or a reminder's words between, dates and durations keep the number. The
 * German identity card's number in lower case after its names and under `idCard`/`id_card` keys,
 * printed or with a holding check digit. Oracle's `EXP USERID=…` typed in capitals on a command
 * line; a claim's `EXP=` and a URL's `?USERID=` stay. Each in text, quoted, in a JSON body, as an
 * attribute and in a URL query where the form applies.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { redactedLogBody, storedLogAttribute } from "../support/redaction";
import { itKeepsUncounted, itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const redacted = (text: string) => redactString(text, policy);
const PHONE = "[REDACTED:phone]";
const ID = "[REDACTED:national_id]";
const LOGON = "[REDACTED:url_credentials]";

/** `[sentence, number]`: the sentence ends with the number, which goes. */
const CALLBACK_WINDOWS: readonly (readonly [string, string])[] = [
  ["Rückruf erbeten, erreichbar von 9-17 Uhr unter ", "0171 1234567"],
  ["Kunde bittet um Rückruf, tagsüber unter ", "030 12345678"],
  ["joignable entre 9h et 18h au ", "06 12 34 56 78"],
  ["call me back between 9 and 5 on ", "415-867-5309"],
  ["llámenos de 9 a 18 al ", "612 345 678"],
  ["Rückruf Mo-Fr 9-17 Uhr unter ", "0171 1234567"],
  ["joignable du lundi au vendredi entre 9h et 18h au ", "06 12 34 56 78"],
  ["call me back tomorrow at ", "415-867-5309"],
  ["Rückruf heute Nachmittag unter ", "0171/1234567"],
  ["chiamare dalle 9 alle 18 al ", "347 123 4567"],
  // A point in time (`um`, `gegen`, `at`, `around`, `vers`, `a las`, `às`, `alle`), `unter der`,
  // `callback` as a noun and whom to call between.
  ["Rückruf heute um 14 Uhr unter ", "0171 1234567"],
  ["Rückruf bitte morgen gegen 10 Uhr unter ", "0171 1234567"],
  ["call me back at 5pm on ", "415-867-5309"],
  ["call me back around 3pm at ", "415 867 5309"],
  ["rappeler vers 15h au ", "06 12 34 56 78"],
  ["llámenos a las 9 al ", "612 345 678"],
  ["ligar às 15h no ", "11 3456-7890"],
  ["chiamare alle 15 al ", "347 123 4567"],
  ["erreichbar von 9-17 Uhr unter der ", "0171 1234567"],
  ["customer requested callback tomorrow at ", "415-867-5309"],
  ["rappeler le client demain au ", "06 12 34 56 78"],
  ["RÜCKRUF HEUTE UM 14 UHR UNTER ", "0171 1234567"],
  ["CALL ME BACK AT 5PM ON ", "415-867-5309"],
];

/** Kept: words between that are no window, numbers that are no phone's, dates and durations after the window. */
const CALLBACK_LOOK_ALIKES = [
  "Rappel : votre facture est due au 15.12.2024",
  "Rückruf, Rechnung unter 2024 12345 prüfen",
  "Rückruf zu Ticket 2024 12345",
  // A duration, no window, then a ticket's number in a row: the ticket's.
  "call back in 2 hours, ticket 4158675309",
  "rappel au 3 mars",
  "Kunde nicht erreichbar, Ticket unter 2024 123456",
  "Rückruf tagsüber unter Auftrag 2024 12345",
  "Rückruf zwischen 9 und 12 Uhr unter 2024 12345",
  "Rückruf tagsüber unter 12345678",
  "erreichbar ab 9 Uhr unter 15.12.2024",
  "call me back between 9 and 5 on 2024-12-15",
  "call back between 9 and 5 on 12 12 2024",
  "call back between 9 and 5 on order 4158675309",
  "erreichbar von 9-17 Uhr unter 0171 1234567 ms",
  // No window between, or a ticket's, an order's or a date's number after the point in time.
  "callback at 415-867-5309",
  "callback 2024 12345",
  "Rückruf um 14 Uhr zu Ticket 2024 12345",
  "Rückruf um 14 Uhr unter 2024 12345",
  "call back at 2 on order 4158675309",
  "call me back at 5pm on 2024-12-15",
  "callback tomorrow at 10.0.0.12 8080",
];

describe("a phone after a callback word and an availability window", () => {
  itStoresCounting(
    "redacts the number in the text %j",
    redacted,
    { phone: 1 },
    CALLBACK_WINDOWS.map(([sentence, number]) => [`${sentence}${number}`, `${sentence}${PHONE}`]),
  );
  itStoresCounting(
    "redacts the number quoted %j",
    redacted,
    { phone: 1 },
    CALLBACK_WINDOWS.map(([sentence, number]) => [`note="${sentence}${number}."`, `note="${sentence}${PHONE}."`]),
  );
  it.each(CALLBACK_WINDOWS.map((pair) => [...pair]))("redacts the number in a JSON body and an attribute: %s%s", (sentence, number) => {
    expect(redactedLogBody(JSON.stringify({ msg: `${sentence}${number}`, level: "info" }))).toBe(JSON.stringify({ msg: `${sentence}${PHONE}`, level: "info" }));
    expect(storedLogAttribute("ticket.note", { stringValue: `${sentence}${number}` })).toEqual({ stringValue: `${sentence}${PHONE}` });
  });

  itKeepsUncounted("keeps the text %j", redacted, CALLBACK_LOOK_ALIKES);
  it.each(CALLBACK_LOOK_ALIKES.map((text) => [text]))("keeps %j in a JSON body and an attribute", (text) => {
    const body = JSON.stringify({ msg: text });
    expect(redactedLogBody(body)).toBe(body);
    expect(storedLogAttribute("ticket.note", { stringValue: text })).toEqual({ stringValue: text });
  });
});

describe("the German identity card's number in lower case and under id-card keys", () => {
  itStoresCounting("redacts %j", redacted, { national_id: 1 }, [
    ["personalausweisnummer: t22000129", `personalausweisnummer: ${ID}`],
    ['personalausweisnummer="t22000129"', `personalausweisnummer="${ID}"`],
    ['{"personalausweisnummer":"t22000129"}', `{"personalausweisnummer":"${ID}"}`],
    ["personalausweis: t22000129", `personalausweis: ${ID}`],
    ["ausweisnummer=t22000129 ok", `ausweisnummer=${ID} ok`],
    ['{"ausweisnummer":"t22000129"}', `{"ausweisnummer":"${ID}"}`],
    ["Personalausweisnummer: t220001293", `Personalausweisnummer: ${ID}`],
    ["GET /kyc?ausweisnummer=t22000129&step=2 200", `GET /kyc?ausweisnummer=${ID}&step=2 200`],
    ["idCard=T22000129", `idCard=${ID}`],
    ['{"idCard":"T22000129"}', `{"idCard":"${ID}"}`],
    ['idCard: "t22000129"', `idCard: "${ID}"`],
    ["id_card=T22000129 verified", `id_card=${ID} verified`],
    ['{"id_card":"t22000129"}', `{"id_card":"${ID}"}`],
    ['{"id_card_number":"t22000129"}', `{"id_card_number":"${ID}"}`],
    ["idCardNumber=T220001293", `idCardNumber=${ID}`],
    ["GET /kyc?id_card=T22000129&step=2 200", `GET /kyc?id_card=${ID}&step=2 200`],
  ]);

  itKeepsUncounted("keeps %j", redacted, [
    // A ten-character value in lower case whose check digit fails.
    "Personalausweisnummer: t220001294",
    '{"ausweisnummer":"t220001294"}',
    '{"id_card":"t220001294"}',
  ]);
  // In no card's shape (capitals with a failing check digit, a vowel, too few characters, mixed
  // case) the key's value is the person's number all the same, as an attribute's
  // (redact-header-pairs-national-ids.test.ts).
  itStoresCounting("redacts the key's value %j", redacted, { national_id: 1 }, [
    ["idCard=T220001294", `idCard=${ID}`],
    ["id_card=abc12345", `id_card=${ID}`],
    ["idCard=T2200012", `idCard=${ID}`],
    ["ausweisnummer=T2200012x9", `ausweisnummer=${ID}`],
  ]);

  it.each([["idCard"], ["id_card"], ["personalausweis"], ["ausweisnummer"]])("redacts the number under the attribute %s", (key) => {
    expect(storedLogAttribute(key, { stringValue: "t22000129" })).toEqual({ stringValue: ID });
    expect(storedLogAttribute(key, { stringValue: "T22000129" })).toEqual({ stringValue: ID });
  });
});

describe("Oracle's export and import typed in capitals", () => {
  itStoresCounting("redacts the password in %j", redacted, { url_credentials: 1 }, [
    ["EXP USERID=SYSTEM/MANAGER", `EXP USERID=SYSTEM/${LOGON}`],
    ["EXP USERID=SYSTEM/MANAGER FILE=FULL.DMP FULL=Y", `EXP USERID=SYSTEM/${LOGON} FILE=FULL.DMP FULL=Y`],
    ["IMP USERID=SCOTT/TIGER FILE=X.DMP", `IMP USERID=SCOTT/${LOGON} FILE=X.DMP`],
    ["EXPDP USERID=SYSTEM/MANAGER DIRECTORY=DP_DIR", `EXPDP USERID=SYSTEM/${LOGON} DIRECTORY=DP_DIR`],
    ["EXP FILE=X.DMP USERID=SYSTEM/MANAGER", `EXP FILE=X.DMP USERID=SYSTEM/${LOGON}`],
    ['cmd="EXP USERID=SYSTEM/MANAGER FILE=X.DMP"', `cmd="EXP USERID=SYSTEM/${LOGON} FILE=X.DMP"`],
    ['{"cmd":"EXP USERID=SYSTEM/MANAGER"}', `{"cmd":"EXP USERID=SYSTEM/${LOGON}"}`],
    ["exp userid=system/manager", `exp userid=system/${LOGON}`],
  ]);

  it("redacts the password under a command line's attribute", () => {
    expect(storedLogAttribute("process.command_line", { stringValue: "EXP USERID=SYSTEM/MANAGER FILE=X.DMP" })).toEqual({
      stringValue: `EXP USERID=SYSTEM/${LOGON} FILE=X.DMP`,
    });
  });

  itKeepsUncounted("keeps %j", redacted, [
    "EXP=1700000000 USERID=ACME/JDOE",
    "JWT EXP=1700000000 USERID=ACME/JDOE",
    "EXP 1700000000 USERID=ACME/JDOE",
    "GET /EXP?USERID=ACME/JDOE 200",
    "GET /api?EXP=1700000000&USERID=ACME/JDOE 200",
    "EXP userid=group/member",
    "EXP USERID=SYSTEM/MANAGER.LOG",
  ]);
});
