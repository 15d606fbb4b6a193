/**
 * Phone numbers after French `numéro` and `portable` (France's plan only, no thing's noun before),
 * in groups after `00` and a country's code (`0048 601 234 567`), in German slash groups and with
 * a German extension after `-` (`030 / 123 45 67`, `089 12345-678`), and an extension's digits
 * after `Durchwahl` right after a phone; look-alikes without a phone's word, or a thing's, stay.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";

const policy = defaultRedactionPolicy();

describe("a phone number after a French word, dialled abroad, or in German groups", () => {
  it.each([
    ["numéro : 06 12 34 56 78", "numéro : "],
    ["Numéro: 0612345678", "Numéro: "],
    ["NUMÉRO : 06.12.34.56.78", "NUMÉRO : "],
    ["numero : 06-12-34-56-78", "numero : "],
    ["Numéro:0612345678", "Numéro:"],
    ["mon numéro est le 06 12 34 56 78", "mon numéro est le "],
    ["numéro de téléphone : 06 12 34 56 78", "numéro de téléphone : "],
    ["tél. : 06.12.34.56.78", "tél. : "],
    ["portable 06 12 34 56 78", "portable "],
    ["Portable : 0612345678", "Portable : "],
    ["numéro : 0033 6 12 34 56 78", "numéro : "],
    ["tel. 0048 601 234 567", "tel. "],
    ["tel. 0048 22 123 45 67", "tel. "],
    ["Tel. 0048 601-234-567", "Tel. "],
    ["telefon: 0048 601 234 567", "telefon: "],
    ["Tel. 0049 30 123 45 67", "Tel. "],
    ["tel. 0048 601234567", "tel. "],
    ["Tel. (030) 123 45 67", "Tel. "],
    ["Numéro de portable : 06 12 34 56 78", "Numéro de portable : "],
    ["Tel. 030/1234567", "Tel. "],
    ["Tel.: 030 / 123 45 67", "Tel.: "],
    ["Telefon 089 12345-678", "Telefon "],
    ["Telefon 089 12345-05", "Telefon "],
    ["Tel (030) 12345-67", "Tel "],
    ["tel. 00353 87 123 4567", "tel. "],
    ["Telefon: 030 1234567-0", "Telefon: "],
    ["Tel 030/12345-67", "Tel "],
    ["Durchwahl: 030 12345-678", "Durchwahl: "],
    ["Tel 00 48 123 456 789", "Tel "],
    ["Tel 00 48 601 234 567", "Tel "],
    ["tel. 00 48 22 123 45 67", "tel. "],
    ["Tel. 00 49 171 2345678", "Tel. "],
    ["Tel 00 48 601234567", "Tel "],
    ["numéro : 00 33 6 12 34 56 78", "numéro : "],
    ["Kontakt: 00 49 171 2345678", "Kontakt: "],
    ["Tel. 030 - 123 45 67", "Tel. "],
    ["Tel. 030 - 1234567", "Tel. "],
    ["Tel. 030 – 123 45 67", "Tel. "],
    ["Telefon: 0171 - 2345678", "Telefon: "],
    ["Kontakt: 030 - 1234567", "Kontakt: "],
    ["mon portable c'est le 06 12 34 56 78", "mon portable c'est le "],
    ["mon numéro c'est le 06 12 34 56 78", "mon numéro c'est le "],
    ["mon numéro c’est le 06 12 34 56 78", "mon numéro c’est le "],
    ["mon numéro c'est 0612345678", "mon numéro c'est "],
    ["Mon tél c'est le 06 12 34 56 78", "Mon tél c'est le "],
  ])("%s", (text, before) => {
    expect(redactString(text, policy)).toEqual({ text: `${before}[REDACTED:phone]`, counts: { phone: 1 } });
  });

  it.each([
    ["Tel. 030 1234567, Durchwahl -123", "Tel. [REDACTED:phone], Durchwahl -[REDACTED:phone]"],
    ["Tel.: 030 12345-0 (Durchwahl: 45)", "Tel.: [REDACTED:phone] (Durchwahl: [REDACTED:phone])"],
    ["numéro : 06 12 34 56 78 ou 07 12 34 56 78", "numéro : [REDACTED:phone] ou [REDACTED:phone]"],
    ["Tel.: 030 1234567 / Durchwahl 89", "Tel.: [REDACTED:phone] / Durchwahl [REDACTED:phone]"],
    ["tel. 0048 601 234 567 lub 0048 602 345 678", "tel. [REDACTED:phone] lub [REDACTED:phone]"],
  ])("%s", (text, expected) => {
    expect(redactString(text, policy)).toEqual({ text: expected, counts: { phone: 2 } });
  });

  it.each([
    "numéro de commande : 06 12 34 56 78",
    "commande numéro 0612345678",
    "Facture numéro : 06 12 34 56 78",
    "numéro de lot : 06 12 34 56 78",
    "numéro de version : 1.2.3",
    "numéro 5",
    "numéro 12 34 56",
    "numéro 0123456789",
    "numéro : 2 500 000 EUR",
    "portable 16 GB",
    "portable : 1 299 €",
    "portable 06 12 34 56 78 ms",
    '{"numero":"0612345678"}',
    "numero=0612345678",
    '{"portable":"06 12 34 56 78"}',
    "version portable 2.4.1",
    "Tel Aviv 2024",
    "Tel. 06.12.2024",
    "06.12.2024",
    "Artikel 030/1234567",
    "Artikel 030 / 123 45 67",
    "Artikel 089 12345-678",
    "Raum 0048 601 234 567",
    "Raum 0048 601234567",
    "Artikel (030) 123 45 67",
    "ISBN 978-2-07-036822-8",
    "numéro ISBN 978-2-07-036822-8",
    "Durchwahl -123",
    "Zimmer 12, Durchwahl 123",
    "Ticket #4711, Durchwahl -12",
    "Durchwahl 12 Minuten",
    "sms 4711 2024-05",
    "mobile 010 2024-12",
    "tel 12 3456-78",
    "Telefon 0891 2024-05",
    "tel 0099 999 999 999",
    "phone 0012 345 678 901",
    "Tel. 00999 12 34 56 78",
    "version 00 48 12",
    "version 00 48 123 456 789",
    "tel 00 99 999 999 999",
    "phone 00 12 345 678 901",
    "Tel. 030 - Zentrale",
    "Tel. 030 - 2024",
    "Tel 030 - 040",
    "Seiten 030 - 123 45 67",
    "Zeit 0900 - 1700 Uhr",
    // Office hours after a phone's word: four digits after the dash end a range.
    "Tel: 0800 - 1800 Uhr",
    "Tel. 0900 - 1700",
    "Telefon: 0800 - 1800",
    "call 0700 - 1900",
    "Tel: 0800 – 1800 Uhr",
    "c'est le 06/12/2024",
    "le 06 décembre",
    "mon numéro c'est le 5",
    "mon numéro c'est le 06/12/2024",
    "mon numéro c'est le 06 décembre",
    "mon numéro c'est le 12 34 56",
    "mon portable c'est le 16 GB",
    "rendez-vous c'est le 06 12 34 56 78",
  ])("%s stays", (text) => {
    expect(redactString(text, policy)).toEqual({ text, counts: {} });
  });
});
