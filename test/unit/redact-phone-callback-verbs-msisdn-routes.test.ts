/**
 * Phone numbers after a callback's or a reaching verb with its person (`call me back at`, `reach
 * me at`, `text us on`, German `rufen Sie mich zurück unter`, `Sie erreichen uns unter`, French
 * `rappelle-moi au`, `mon portable, c'est le`), under a key naming one (`msisdn`, `landline`,
 * `contact_number`), dialled abroad under a message's route (`to=00491712345678`) and with a
 * German area code in parentheses before a dash (`(030) - 1234567`); look-alikes stay.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";

const policy = defaultRedactionPolicy();

describe("a phone after a callback or a reaching verb, a phone's key, a route or an area code in parentheses", () => {
  it.each([
    ["call me back at 0171 2345678", "call me back at ", ""],
    ["Call me back on 030 1234567", "Call me back on ", ""],
    ["call us back at 415-867-5309", "call us back at ", ""],
    ["please call back at 0171 2345678", "please call back at ", ""],
    ["call me back 0171 2345678", "call me back ", ""],
    ["call me at 01712345678", "call me at ", ""],
    ["call me back on 07911123456", "call me back on ", ""],
    ["you can reach me at 0171 2345678", "you can reach me at ", ""],
    ["reach us on 415-867-5309", "reach us on ", ""],
    ["text me at 415 867 5309", "text me at ", ""],
    ["Text us on 07911 123456", "Text us on ", ""],
    ["txt me on 07911 123456", "txt me on ", ""],
    ["ring me back on 07911 123456", "ring me back on ", ""],
    ["callback number: 0171 2345678", "callback number: ", ""],
    ["contact number 0171 2345678", "contact number ", ""],
    ["contact number: 01712345678", "contact number: ", ""],
    ["Contact No. 4155550132", "Contact No. ", ""],
    ["Rufen Sie an: 030 1234567", "Rufen Sie an: ", ""],
    ["to: 0012125551234", "to: ", ""],
    ["rufen Sie mich zurück unter 0171 2345678", "rufen Sie mich zurück unter ", ""],
    ["Ruf mich bitte zurück unter 0171 2345678", "Ruf mich bitte zurück unter ", ""],
    ["Rufen Sie uns an unter 030 1234567", "Rufen Sie uns an unter ", ""],
    ["Rufen Sie uns an: 030 1234567", "Rufen Sie uns an: ", ""],
    ["bitte rufen Sie mich unter 0171 2345678 zurück", "bitte rufen Sie mich unter ", " zurück"],
    ["Sie erreichen uns unter 030 1234567", "Sie erreichen uns unter ", ""],
    ["erreichen Sie mich telefonisch unter 0171 2345678", "erreichen Sie mich telefonisch unter ", ""],
    ["rappelle-moi au 06 12 34 56 78", "rappelle-moi au ", ""],
    ["appelez-nous au 01 42 68 53 00", "appelez-nous au ", ""],
    ["llámeme al 612 345 678", "llámeme al ", ""],
    ["llámame de vuelta al 612 345 678", "llámame de vuelta al ", ""],
    ["texte-moi au 06 12 34 56 78", "texte-moi au ", ""],
    ["richiamami al 347 123 4567", "richiamami al ", ""],
    ["mon portable, c'est le 06 12 34 56 78", "mon portable, c'est le ", ""],
    ["mon numéro, c’est le 06 12 34 56 78", "mon numéro, c’est le ", ""],
    ["mon tél, c'est le 06 12 34 56 78", "mon tél, c'est le ", ""],
    ["msisdn=491712345678", "msisdn=", ""],
    ["MSISDN: 491712345678", "MSISDN: ", ""],
    ['{"msisdn":"491712345678"}', '{"msisdn":"', '"}'],
    ["landline=01712345678", "landline=", ""],
    ["contact_number=01712345678", "contact_number=", ""],
    ["callback_number=01712345678", "callback_number=", ""],
    ["phone=00491712345678", "phone=", ""],
    ["msisdn=00491712345678", "msisdn=", ""],
    ["sms to=00491712345678 sent", "sms to=", " sent"],
    ["from=00491712345678", "from=", ""],
    ['{"to":"004917123456789"}', '{"to":"', '"}'],
    ["sms to=0049 171 2345678 sent", "sms to=", " sent"],
    ["Tel. (030) - 1234567", "Tel. ", ""],
    ["Tel. (030) – 123 45 67", "Tel. ", ""],
    ["Telefon: (0171) - 2345678", "Telefon: ", ""],
  ])("%s", (text, before, after) => {
    expect(redactString(text, policy)).toEqual({ text: `${before}[REDACTED:phone]${after}`, counts: { phone: 1 } });
  });

  it.each([
    "to=1234",
    "from=2024-01-01&to=2024-02-01",
    "to=20241205123456",
    "from=0000000000000",
    "to=0099 999 999 999",
    "sms sent to=12345678901234",
    "msisdn_count=3",
    "contact number 1234567890",
    "call me back at 1733270400",
    "callback number 12345678",
    "caller number 3 in queue",
    "valid_to=00491712345678",
    "Sie erreichen uns unter 12345678",
    "Prozess ruft an: 0815 4711",
    "Tel. (030) - 1800 Uhr",
    "msisdn_count=12345678",
    "call took 0171 ms",
    "call back in 30 min",
    "call back in 10 20 30 40 minutes",
    "callback at 415-867-5309",
    "call-back at 415-867-5309",
    "callback 0171 2345678",
    "callback_url=https://x.example/cb?id=12345678",
    "contact_id=01712345678",
    "reach 1000000 users",
    "reach 100 000 000 users",
    "reach me in 30 min",
    "text 0171 2345678",
    "ring buffer 1024 4096",
    "string 0171 2345678",
    "call me back at 2024-12-05",
    "call me back at 15 12 2026",
    "Rufen Sie uns an: Montag bis Freitag",
    "Sie erreichen das Ziel unter 12 Minuten",
    "rufen Sie mich zurück unter 0815 4711",
    "mon portable, c'est le 16 GB",
    "commande numéro, c'est le 06 12 34 56 78",
    "Tel: (030) - Zentrale",
    "Tel: (0800) - 1800 Uhr",
    "(030) - 1234567",
  ])("%s stays", (text) => {
    expect(redactString(text, policy)).toEqual({ text, counts: {} });
  });
});
