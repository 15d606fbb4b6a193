import { lazy } from "../../../../shared/lazy";
import { Evidence } from "../evidence";
import { canBeE164Number, isGroupedNanpNumber, isReservedNanpNumber, isReservedNanpShape, isSelfEvidentNanpNumber } from "../north-american-numbers";
import { Place, caseless, caselessLetters, type Detector, type Rewrite } from "./detector";
import { isIdValue, isThingIdPlace, isThingIdentifierValue } from "./id-value";
import { COMMA_GLUED_AFTER, COMMA_GLUED_BEFORE, ListReader, isLaterItemOfNamedList, isNumberListCharacter, printedAs } from "./list-items";
import { LIST_NAME_SUFFIX, PLURAL_S, itemNameWords } from "./list-names";
import { sqlBoundParameterOf, sqlInsertColumnOf } from "./sql-values";
import { csvColumnName } from "./csv-columns";
import { fitsPlanOf, isIndianMobile, isNationalPlanNumber, isPolishPlanNumber } from "./national-plans";
import { COUNT_REACH, isCountAfter } from "./national-counts";
import { fitsGermanPlan } from "./german-area-codes";
import { isCommonGivenName } from "../given-names";
import { DOTTED_QUAD } from "./ip";
import { nameWords } from "../secret-names";
import { BoundedMemo } from "../bounded-memo";
import { NUMBER_WORD, NUMBER_WORD_SET, NUMBERED_THINGS } from "./thing-words";
import { FIELD_SEPARATOR, PERHAPS_ESCAPED_QUOTE as QUOTE, VALUE_OPENING_QUOTES } from "./escaped-quotes";
import { AVAILABILITY_WINDOW } from "./availability-windows";
import { isAccessLine, isNanpInFullGroups, queryValueNumberLength } from "./query-value-phones";
import { formDecoded } from "../form-encoding";
import { currentScan, resetAfterEachScan } from "../scan-scope";

/**
 * Phone numbers, which are personal data wherever a person's is written:
 *
 * - the international form (`+55 11 91234-5678`, `+1 (415) 555-0100`, `+442071838750`) with 8
 *   to 15 digits as E.164 allows, anywhere, form-encoded too in a URL's query (`%2B14158675309`,
 *   `?phone=%2B55+11+98765-4321`, `%2B55%20%2811%29%2098765-4321`);
 * - Brazil's national form with the area code in parentheses (`(11) 91234-5678`), the way
 *   storefront customers type it, anywhere;
 * - a North American number with its area code in parentheses or led by the trunk prefix
 *   (`(415) 555-0132`, `1-415-555-0132`: `north-american-numbers.ts`), anywhere but as an
 *   identifier; dotted or dashed alone (`415.555.0132`) only after a phone's word, under a phone's
 *   key or after a contact's word (`contact 212.555.0100`), as versions and measures print so too;
 * - Brazil's mobile form `9dddd-dddd` after its area code (`11 98765-4321`, `011 98765-4321`,
 *   `11 9 8765-4321`), anywhere but as an identifier (`order_id=`, `pedido 11 98765-4321`, under
 *   an id key); without the area code only after a contact word (`contato 98765-4321`,
 *   `contacto`, `contact`): the shape alone is as often a SKU, a lot, a
 *   protocol or a ticket (`Ref 97009-1895`, `'sku' = '98767-4552'`, a US ZIP+4 `WA 98101-1234`);
 * - any national number, 8 to 13 digits as people group them (`11 98765-4321`, `8765-4321`,
 *   `415-555-0100`, `(415) 555-0100`, `020 7183 8750`, `612 34 56 78`, `11987654321`, German
 *   `030 / 123 45 67` and `089 12345-678`, dialled abroad `0048 601 234 567`), right
 *   after a word naming a phone (`celular`, `tel:`, `WhatsApp`, `Phone:`, `call me at`, French
 *   `numéro`/`portable` before France's plan only; after the
 *   verbs `call`, `ligue`, `llame` only in groups, as a call id is written in a row), or after a
 *   callback or reachability word and an availability window's words only, in a phone's shape
 *   (`erreichbar von 9-17 Uhr unter 0171 1234567`, `call me back between 9 and 5 on
 *   415-867-5309`: `isNumberToCall`), or as the
 *   value of a key naming one (`customer.phone`, `celular`, a provider's field: `To`, `From`), or
 *   after a provider's field with ten digits or more (`To=(415) 867-5309`), or of an SQL column naming one (`` SET
 *   `phone` = '11987654321' ``, `INSERT INTO clientes (nome, celular) VALUES ('Ana', '11987654321')`),
 *   also bound by an ORM and logged in its parameter list after the statement (`… VALUES ($1, $2)
 *   -- PARAMETERS: ["Ana","11987654321"]`: `sqlBoundParameterOf`); in such a list with no
 *   statement before it (Prisma's `Params: […]`), a quoted Brazilian mobile number with its area
 *   code, digits only (`"11987654321"`);
 * - each later item of a list after such a word or key, in any of these forms (`phones:
 *   11987654321, 11912345678`, `{"phones":["+1 415 555 0132","4155550133"]}`, `telefones:
 *   11987654321; 21998765432`, `phones: 4155550132 4155550133`: `list-items.ts`); a list's
 *   words are phones too (`phones`, `telefones`, `celulares`, `phoneNumbers`, `phone_list`:
 *   `list-names.ts`). A `,` after four digits or more, or after a word, separates numbers; after
 *   one to three digits it is a decimal's;
 * - the next item of a list after any phone replaced, however it was found, after a `,`, `;`, `/`
 *   or a joining word (`call 415-867-5309 or 212-555-0134`, `0171 1234567 oder 0171 7654321`, a
 *   form's `,+`/`,`/`%2C`/`%2F`/`%7C`: `LastPhone`), printed as the one before or in a phone's
 *   shape, a plan's number as a lone one would be (`isLaterListedPhone`, `isNationalPlanNumber`),
 *   in a form by the form's check, never a CSV row's other column (`isInOtherCsvColumn`);
 * - an extension's digits after `Durchwahl` right after a phone (`Tel. 030 1234567, Durchwahl -123`);
 * - a number a note says to call a person on (`Call Anna Weber on 0171 1234567`, `Appelez Marie
 *   Dupont au …`, `Frau Weber unter … anrufen`: `isNumberToCall`), the callee a person
 *   (`isCalleePerson`: not `call Redis at …`) and the number a plan's whole.
 *
 * A marker covers the whole number, its country code included (`wholeByNationalPart`). A NANP
 * number under a reserved area code (200, 300, 400) is none in any spelling but under a phone's
 * key (`isReservedNanpShape`).
 *
 * Timezone offsets (`+05:30`), signed numbers (`+100.00`), ids, order numbers, timestamps and
 * durations have too few digits, no phone word, or are identifiers.
 */

/**
 * The first parts of German and Dutch compounds naming a phone's number in one word (`Telefon`,
 * `Handy`, `Mobil`, `Festnetz`, `Fax`, `Rückruf`, `Ruf`, `Kontakt`; Dutch `telefoon`, `mobiel`):
 * a phone, a call, a mobile, a landline, a fax or a contact. A `…nummer` of another first part
 * names another thing's number (`Kundennummer`, `Bestellnummer`, `Seriennummer`).
 */
const PHONE_COMPOUND_STEMS = ["telefon", "handy", "mobil", "ruf"];
/**
 * Compounds' first parts that name a phone's number less surely (`Kontaktnummer`, `Anrufnummer`,
 * `Faxnummer` are a CRM's record ids or a call's as often): the number after one is a phone only
 * in the German plan (`GERMAN_PLAN_WORDS`).
 */
const GERMAN_PLAN_STEMS = ["festnetz", "mobilfunk", "fax", "rückruf", "anruf", "kontakt"];
/** Dutch compounds' first parts (`telefoonnummer`, `mobielnummer`): the number after one is a phone in a national plan (`PLAN_WORDS`). */
const DUTCH_STEMS = ["telefoon", "mobiel"];
/** A compound's last part, the number's word (German `nummer`, Dutch `nummer`), and their plurals (`nummern`, `nummers`). */
const COMPOUND_NUMBER_ENDINGS = ["nummer", "nummern", "nummers"];
/** The compounds of `stems` and `COMPOUND_NUMBER_ENDINGS` (`festnetznummer`, `festnetznummern`, …). */
const compounds = (stems: readonly string[]): string[] => stems.flatMap((stem) => COMPOUND_NUMBER_ENDINGS.map((ending) => stem + ending));
/** German words after which a number in one run is a phone only in the German plan (`fitsGermanPlan`): `Festnetz`, `Kontaktnummer`, `Rückrufnummer`. */
const GERMAN_PLAN_WORDS = ["festnetz", ...compounds(GERMAN_PLAN_STEMS)];
/**
 * Dutch and Italian words after which a number in one run is a phone only in a national plan
 * (`isNationalPlanNumber`: `telefoon 0201234567`, `cellulare 3471234567`; not `telefoon 12345678`).
 */
const PLAN_WORDS = ["telefoon", "mobiel", ...compounds(DUTCH_STEMS), "cellulare", "telefonino"];
/**
 * Polish words after which a number in one run is a phone only in the Polish plan
 * (`isPolishPlanNumber`): `numer telefonu`, `komórka`, `stacjonarny` (and `kom.`, `stacj.`).
 */
const POLISH_PLAN_WORDS = ["telefonu", "komórka", "komórki", "komórkowy", "komórkowego", "stacjonarny", "stacjonarnego"];
/**
 * French words after which a number is a phone only in France's plan, grouped or not
 * (`isFrenchPlanNumber`: `numéro : 06 12 34 56 78`, `portable 0612345678`; not `numéro 5`,
 * `portable 16 GB`). Read before a number in text only: as a key's word they name an order's,
 * a version's or a flag (`numero`, `portable`), so they are no phone nouns (`namesPhone`).
 */
const FRENCH_PLAN_WORDS = ["numéro", "numero", "portable"];
/**
 * German `Durchwahl` (an extension, or the number dialled straight to a desk): a number after it
 * in one run is a phone only in the German plan (`Durchwahl: 030 12345-678`); its short
 * extension after a phone is one too (`isExtensionOfLastPhone`). Read before a number in text only.
 */
const EXTENSION_WORDS = ["durchwahl"];
/**
 * The words that name a phone, lower case, by language: English, Portuguese and Spanish
 * (`telefone`, `fone`, `teléfono`, `celular`, `móvil`, `telemóvel`), German (`Telefon`, `Handy`, and
 * `Festnetz`, the compounds `PHONE_COMPOUND_STEMS` makes: `Rückrufnummer`, `Festnetznummer`), Dutch
 * (`telefoon`, `mobiel`, `telefoonnummer`), Italian (`cellulare`, `telefonino`), Polish (`telefon`,
 * `numer telefonu`, `komórka`, `stacjonarny`), French (`tél`, `téléphone`), Japanese (`携帯`, `電話`)
 * and Chinese (`手机号`, `电话`), a text message's (`sms`), and the apps that reach one
 * (`whatsapp`, `wpp`). A key's last word or one before `number`/`no` names a phone (`namesPhone`).
 */
const PHONE_NOUNS = [
  "phone", "telephone", "cellphone", "tel", "fax", "mobile", "cell", "telefone", "fone", "celular", "cel",
  "telefono", "teléfono", "movil", "móvil", "telemóvel", "telemovel", "whatsapp", "wpp", "sms",
  // A mobile subscriber's number as telecom systems name the field (GSM's MSISDN: `msisdn=447911123456`).
  "msisdn",
  "telefon", "handy", "mobil", "tél", "téléphone", ...compounds(PHONE_COMPOUND_STEMS),
  ...GERMAN_PLAN_WORDS,
  ...PLAN_WORDS,
  ...POLISH_PLAN_WORDS,
  "携帯", "携帯電話", "電話", "電話番号", "手机", "手机号", "手机号码", "电话", "电话号码",
  // A list's name (`phones`, `telefones`, `celulares`); not `cells`, a table's.
  "phones", "telephones", "cellphones", "tels", "faxes", "mobiles", "telefones", "fones", "celulares",
  "telefonos", "teléfonos", "moviles", "móviles", "msisdns",
  // German lists' names, one word (`Telefonliste`, `Rückrufliste`).
  "telefonliste", "telefonlisten", "rückrufliste", "anrufliste",
];
/**
 * Polish abbreviations naming a phone, only with their period: `kom.` (a mobile's, `Tel. kom.`),
 * `stacj.` (a landline's, `tel. stacj.`). Without it `kom` is a Scandinavian verb or a prefix.
 */
const PHONE_ABBREVIATIONS = ["kom", "stacj"];
/**
 * Verbs that dial the number after them, or say a call came from it or goes back to it, in
 * English, Portuguese and Spanish (`call`, `ligue`, `ligou do`, `liguei para`, `retornar para`,
 * `llamó del`), as support and order notes log a customer's call.
 */
const PHONE_VERBS = [
  "call", "called", "calling", "ligue", "ligou", "ligar", "liguei", "ligaram", "ligando", "retornar", "retorne", "retornou",
  "retornando", "llame", "llamar", "llamó", "llamo", "llamando", "llámenos", "llámame",
  // German (`Rückruf unter`, `erreichbar unter`, `anrufen unter`), French (`joignable au`,
  // `appelez le`) and Italian (`chiamare al`): a callback or reachability note names the number.
  "anrufen", "anruf", "rückruf", "zurückrufen", "erreichen",
  "appeler", "appelez", "appelle", "appelez-moi", "rappeler", "rappelez", "rappelez-moi", "joindre", "joignez", "contacter", "contactez",
  "chiamare", "chiama", "chiamami", "chiamateci", "richiamare", "contattare",
];
/**
 * Words saying where a person is reached (`erreichbar unter`, `joignable au`): a number after one
 * is a phone's in a row too (`joignable au 0612345678`), where a verb's may be a call's id.
 */
const PHONE_REACHABLE = ["erreichbar", "joignable"];

/**
 * A blank between a phone word and its number: a line break is one (`tel:\n11987654321`,
 * `ligou do\n11 3456-7890`), also as JSON text escapes it, once or twice (`\n`, `\\n`).
 */
const BLANK = "(?:[ \\t\\r\\n]|\\\\{1,3}[nrt])";
/**
 * A word naming which line a call came from or goes to, between a verb's `do`/`para` and the
 * number (`ligou do número 11 3456-7890`, `ligou do fixo 1134567890`, `called from the mobile`
 * is not read: only one word). Other words there name a thing (`ligou do worker 11 3456-7890`).
 */
const LINE_WORD = `(?:${NUMBER_WORD}|${[
  "fixo", "celular", "cel", "telefone", "fone", "movel", "móvel", "whatsapp", "zap", "mobile", "cell", "landline", "phone",
  "casa", "trabalho", "escritorio", "escritório", "residencial", "comercial", "home", "work", "office",
].map(caseless).join("|")})`;

/**
 * A phone word as a word (`Phone`, `TEL`, `Call`) or a name's last word (`customer_phone`,
 * `mobilePhone`), then what may stand between it and the number: `number`/`no.`/`#`, a list's
 * `numbers` and `_list` (`phoneNumbers`, `phone_list`: `list-names.ts`), `.`, a
 * quote, `:`, `=`, `me at`, `us at`, `at`, `on` (`call me on `), `sent to`, `to` (`sms sent to `), `para`, `is`/`é`/`es`/`est`/`est le`/`c'est le` (`Tel.: `, `"phone":"`, `call me at `,
 * `mon numéro est le `, `mon portable c'est le `,
 * `ligue para `, `Meu celular é `; after a verb `do`, `de`, `no`, `na`, `pro`, `del`, `from`: `ligou do `,
 * `llamó del `; German `unter`, perhaps with its article and noun (`unter der `, `unter der Nummer `), Spanish and Italian `al`, French `au`, `le`: `Rückruf unter `, `llamar al `, `joignable au `), quotes perhaps escaped (JSON text in a string: `{\"phone\":\"…`), an SQL
 * column's closing quote (`` `phone` = '…' ``, `"telefone" =
 * '…'`, `[phone] = '…'`). The word is captured.
 */
const PHONE_NAMED_BEFORE = lazy(
  () =>
    new RegExp(
      `(?:(?<![A-Za-z\\u00C0-\\u00FF])(${[...PHONE_NOUNS, ...FRENCH_PLAN_WORDS, ...EXTENSION_WORDS, ...PHONE_REACHABLE, ...PHONE_VERBS].map(caselessLetters).join("|")}|(?:${PHONE_ABBREVIATIONS.map(caseless).join("|")})(?=\\.))` +
        "|[a-z](Phone|Tel|Fax|Mobile|Cell|Celular|Whatsapp|WhatsApp))" +
        `(?:[ _-]?${NUMBER_WORD}${PLURAL_S})?${LIST_NAME_SUFFIX}\\.?(?:${QUOTE}|[\`\\]])?${BLANK}*` +
        `(?:${FIELD_SEPARATOR}${BLANK}*(?:\\[${BLANK}*)?${VALUE_OPENING_QUOTES}?|(?:(?:me|us)${BLANK}+)?(?:at|on)${BLANK}+|(?:sent${BLANK}+)?to${BLANK}+|(?:para|pro|d[eo]l?|n[oa]|from|unter(?:${BLANK}+der(?:${BLANK}+[Nn]ummer)?)?|al|au|le)${BLANK}+(?:(${LINE_WORD})${BLANK}+)?|(?:is|é|es|(?:c['’])?est(?:${BLANK}+le)?)${BLANK}+)?$`,
    ),
);

/** How far before a number its phone word is read. */
const PHONE_WORD_REACH = 40;

/**
 * A callback or reachability word (`PHONE_VERBS`, `PHONE_REACHABLE`, `WINDOW_CALLBACK_WORDS`:
 * `Rückruf`, `erreichbar`, `joignable`, `llámenos`, `call me back`, `callback`), perhaps whom to
 * call (`CALLBACK_OBJECT`: `rappeler le client`) and a courtesy's word (`erbeten`, `please`), then
 * an availability window's words and nothing else (`AVAILABILITY_WINDOW`: `von 9-17 Uhr`,
 * `tagsüber`, `entre 9h et 18h`, `between 9 and 5`, `de 9 a 18`, `um 14 Uhr`, `at 5pm`), then
 * German `unter` (`unter der`), French `au`, Spanish and Italian `al`, Portuguese `no`, English
 * `on`/`at` right before the number. Other words between (`Rückruf zu Ticket 2024 12345`,
 * `Rückruf, Rechnung unter …`) say nothing of what the number is.
 */
const CALLBACK_WINDOW_BEFORE = lazy(
  () =>
    new RegExp(
      `(?<![A-Za-z\\u00C0-\\u00FF])(?:${[...PHONE_REACHABLE, ...WINDOW_CALLBACK_WORDS, ...PHONE_VERBS].join("|")})${CALLBACK_OBJECT}(?:\\s+back)?` +
        `(?:\\s+(?:erbeten|gewünscht|bitte|please|svp|s'il\\s+vous\\s+plaît|por\\s+favor|per\\s+favore))?\\s*[,:]?\\s+` +
        `${AVAILABILITY_WINDOW}\\s*,?\\s+${WINDOW_NUMBER_WORD}\\s*:?\\s+$`,
      "i",
    ),
);
/**
 * Callback and reachability words read only before a window (`callback tomorrow at …`, `reachable
 * weekdays at …`): alone before a number they are a program's as often (`callback 12345678`).
 */
const WINDOW_CALLBACK_WORDS = ["callback", "call-back", "rückrufbitte", "reachable"];
/**
 * Whom a callback note asks to call, between its verb and the window: a pronoun (`call me back`,
 * `call them`), or a customer or a caller after its article (`rappeler le client demain au …`,
 * `call the customer`, `den Kunden`, `al cliente`, `o cliente`).
 */
const CALLBACK_OBJECT =
  "(?:\\s+(?:me|us|him|her|them|(?:the|our|a|le|la|notre|den|die|unseren|unsere|el|al|o|il)\\s+" +
  "(?:customer|client|cliente|clienta|caller|kunden|kundin|utilisateur|usuario|usuário)))?";
/** The words right before a window's number: German `unter` (`unter der`), French `au`, Spanish and Italian `al`, Portuguese `no`, English `on`/`at`. */
const WINDOW_NUMBER_WORD = "(?:unter(?:\\s+der)?|au|al|no|on|at)";
/** The word right before a window's number (`CALLBACK_WINDOW_BEFORE`), asked first: most numbers follow none. */
const WINDOW_NUMBER_WORD_BEFORE = new RegExp(`(?<![A-Za-z\\u00C0-\\u00FF])${WINDOW_NUMBER_WORD}\\s*:?\\s+$`, "i");
/** How far before a number its callback word and window are read. */
const CALLBACK_WINDOW_REACH = 120;
/**
 * A phone's start a window's number needs: a trunk `0` (`0171 1234567`, `06 12 34 56 78`) or an
 * area code, in parentheses or a group of two or three digits (`415-867-5309`, `612 345 678`); a
 * year's group (`2024 12345`) or digits in a row without a trunk `0` (`4158675309`, a ticket's) are none.
 */
const WINDOW_NUMBER_START = /^(?:0|\(\d|\d{2,3}[ .-])/;
/**
 * Four pairs without a trunk `0` (`10 20 30 40`): no window's number. A French number in pairs
 * has five (`06 12 34 56 78`), a Spanish one three digits first (`612 34 56 78`).
 */
const FOUR_PAIRS = /^[1-9]\d(?:[ .-]\d{2}){3}$/;
/** A date in a phone's groups (`15.12.2024`, `15 12 2024`, `2024-12-15`). */
const DATE_SHAPE = /^(?:\d{1,2}([./ -])\d{1,2}\1\d{2,4}|\d{4}([./ -])\d{1,2}\2\d{1,2})$/;
/**
 * A duration's or a size's unit after a number (`0171 1234567 ms`, `030 12345678 Sekunden`,
 * `12 345 67 89 bytes`): a measure, not a phone.
 */
const MEASURE_UNIT_AFTER =
  /^[ \t]*(?:ns|µs|us|ms|s|sec|secs|seconds|Sekunden|secondes|segundos|min|minutes|Minuten|[Bb]ytes?|B|[kKMG]i?B|kb|mb|gb|octets|Bytes)(?![A-Za-z\u00C0-\u00FF0-9])/;

/**
 * A call or callback verb (`PHONE_VERBS`: `call`, `appelez`, `llame`, `rufen`, `Rückruf`), perhaps
 * its polite `Sie` or a callee's `a`/`à`/`an`/`para`, then whom to call: a customer's or a
 * service's noun after its article (`CALLEE_NOUN`: `le client`, `the customer`, `le service`,
 * `l'agence`), by name, perhaps after a title (`Anna Weber`, `Frau Weber`, `M. Dupont`,
 * `Marie-Claire Dupont`: one to three capitalised words), or both (`le client Jean Martin`), then
 * the word before a number (`on`, `at`, `unter`, `au`, `al`, `no`): `Call Anna Weber on 0171
 * 1234567`, `Appelez Marie Dupont au 06 12 34 56 78`, `Rappeler le client au 01 42 68 53 00`,
 * `llame a Juan Pérez al 612 345 678`. A program's name is no such name (`call FooService at …`:
 * a capital inside a word). Captured: the noun (1), the title (2), the first capitalised word
 * (3), which names a person only as a known given name (`isCalleePerson`): `call Redis at`,
 * `Contact Cloudflare at`, `call Paris au` name a product, a company or a city.
 */
const CALLEE_BEFORE = lazy(
  () =>
    new RegExp(
      `(?<![A-Za-z\\u00C0-\\u00FF])(?:${[...PHONE_VERBS, "rufen", "reach", "contact"].map(caseless).join("|")})(?:\\s+(?:Sie|a|à|an|para))?` +
        `(?:\\s+((?:(?:the|our|le|la|notre|votre|den|die|el|al|o|il)\\s+|l['’])${CALLEE_NOUN}))?` +
        `(?:\\s+(?:(${PERSON_TITLE})\\.?\\s+)?(${CAPITALISED_WORD})(?:[ -]${CAPITALISED_WORD}){0,2})?` +
        "\\s+(?:on|at|unter|au|al|no)\\s+$",
    ),
);
/**
 * Whom a call note names by role after its article: a customer or a caller (`customer`, `client`,
 * `Kunden`), French notes' patients, subscribers and users, or a desk answering calls (`service`,
 * `standard`, `secrétariat`, `support`, `agence`, `conseiller`, perhaps qualified: `le service
 * client`): `contacter le service au …`.
 */
const CALLEE_NOUN =
  "(?:customer|client|cliente|clienta|caller|Kunden|Kundin|patiente?|abonnée?|utilisat(?:eur|rice)|service|standard|secrétariat|support|agence|conseill(?:er|ère))" +
  // A desk's qualifier after its noun (`le service client`, `le support technique`).
  "(?:\\s+(?:client|clients|clientèle|technique|commercial|après-vente))?";
/** The titles before a person's surname (`Frau Weber`, `Mr. Smith`, `Herrn Weber`). */
const PERSON_TITLE = "Mr|Mrs|Ms|Dr|Frau|Herrn?|Mme|Mlle|M|Sr|Sra|Srta|Signor|Signora";
/** A name's word, capitalised: a capital, then lower-case letters only (`Anna`, `Pérez`, `Weber`). */
const CAPITALISED_WORD = "[A-Z\\u00C0-\\u00DE][a-z\\u00DF-\\u00FF]+";
/**
 * German `unter` right before a number, and a verb saying it is a number to call right after it
 * (`Bitte Frau Weber unter 030 12345678 anrufen`, `Anna Weber ist unter 0171 1234567 erreichbar`, `Rufen Sie
 * Anna Weber unter 0171 1234567 an.`): the verb ends the clause.
 */
const UNTER_BEFORE = /(?<![A-Za-z\u00C0-\u00FF])unter\s+$/;
/**
 * The verb after `unter <number>`: one of calling (`anrufen`, `zurückrufen`: 1), one that says a
 * person is reached or to be told (`erreichbar`, `zu erreichen`, `melden`: 2, only after a person,
 * `namesPersonBefore`: `Datei unter 0815 4711 erreichbar` is a file's), or a clause-ending `an` (3),
 * a calling verb's particle only after `rufen` (`Rufen Sie … an`; `Legen Sie … an` files a thing).
 */
const CALL_VERB_AFTER = /^\s+(?:(anrufen|zurückrufen)|(erreichbar|zu\s+erreichen|melden)|(an)(?=\s*(?:$|[.!,;)"'])))(?![A-Za-z\u00C0-\u00FF])/;
/** `rufen` in the clause before `unter`, whose particle `an` ends it (`Rufen Sie Anna Weber unter … an`). */
const RUFEN_BEFORE = /(?<![A-Za-z\u00C0-\u00FF])[Rr]ufen(?![A-Za-z\u00C0-\u00FF])[^.!?;]*$/;
/** A title and a capitalised word in the clause before `unter` (`Frau Weber`, `Herrn Weber`). */
const TITLED_BEFORE = new RegExp(`(?<![A-Za-z\\u00C0-\\u00FF])(?:${PERSON_TITLE})\\.?\\s+[A-Z\\u00C0-\\u00DE][^.!?;]*$`);
/** The capitalised words of a clause's text. */
const CAPITALISED_WORDS = new RegExp(CAPITALISED_WORD, "g");
/** A digit group right after a number: the candidate is part of a longer one (`0 1234 5678 9`). */
const DIGIT_GROUP_AFTER = /^[ .-]?\d/;
/** How far before a number its callee's words are read. */
const CALLEE_REACH = 80;

/**
 * Whether a national number (`match`, at `start` in `text`) has a phone's shape without a word
 * naming it: a phone's start (`WINDOW_NUMBER_START`: a trunk `0`, an area code), no date, no four
 * pairs, no measure's unit after it (`0171 1234567`, `415-867-5309`; not `2024 12345`,
 * `1234 5678`, `030 12345678 ms`).
 */
function hasPhoneShape(match: string, text: string, start: number): boolean {
  if (!WINDOW_NUMBER_START.test(match) || FOUR_PAIRS.test(match) || DATE_SHAPE.test(match)) return false;
  const end = start + match.length;
  return !MEASURE_UNIT_AFTER.test(text.slice(end, end + 16));
}

/**
 * Whether a national number (`match`, at `start`) in a phone's shape (`hasPhoneShape`) is one a
 * note says to call: after a callback
 * word and an availability window (`CALLBACK_WINDOW_BEFORE`: `Rückruf erbeten, erreichbar von
 * 9-17 Uhr unter 0171 1234567`, `joignable entre 9h et 18h au 06 12 34 56 78`), after a verb and
 * whom to call (`CALLEE_BEFORE`: `Call Anna Weber on 0171 1234567`), or between German `unter` and
 * a verb of calling (`UNTER_BEFORE`, `CALL_VERB_AFTER`: `Frau Weber unter 030 12345678 anrufen`).
 */
function isNumberToCall(match: string, text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - CALLBACK_WINDOW_REACH), start);
  if (!WINDOW_NUMBER_WORD_BEFORE.test(before) || !hasPhoneShape(match, text, start)) return false;
  if (CALLBACK_WINDOW_BEFORE().test(before)) return true;
  // Without a window, the number is a person's only in a plan's shape and whole (`call Kafka on
  // 0 9092 1234`, `contact Sales at 0 1234 5678 9` are none).
  const end = start + match.length;
  if (!isNationalPlanNumber(match) || DIGIT_GROUP_AFTER.test(text.slice(end, end + 2))) return false;
  const callee = CALLEE_BEFORE().exec(before.slice(-CALLEE_REACH));
  if (callee !== null && isCalleePerson(callee)) return true;
  const verb = UNTER_BEFORE.test(before) ? CALL_VERB_AFTER.exec(text.slice(end, end + 24)) : null;
  if (verb === null) return false;
  const clause = before.slice(-CALLEE_REACH);
  return verb[1] !== undefined || (verb[2] !== undefined ? namesPersonBefore(clause) : RUFEN_BEFORE.test(clause));
}

/**
 * Whether a number stands between an imperative of German `anrufen` split in two (`Ruf`, `ruf`,
 * `Rufe`, `Rufen Sie`, perhaps `mich`, `uns`, `bitte`, `mal`, `unter` after it) and its particle `an`
 * ending the clause (`Ruf 089 123456 an`, `Rufen Sie bitte 0171 2345678 an.`, `Ruf mich unter 089
 * 123456 an`): a number to call, when a plan's (`isNationalPlanNumber`; `Ruf 200 Mal an` stays).
 */
function isSplitCallNumber(match: string, text: string, start: number): boolean {
  if (!RUF_BEFORE.test(text.slice(Math.max(0, start - 40), start))) return false;
  const end = start + match.length;
  return SPLIT_AN_AFTER.test(text.slice(end, end + 8)) && isNationalPlanNumber(match);
}
/** `rufen`'s imperative or its polite form right before a number, perhaps an object, `bitte` or `unter` between. */
const RUF_BEFORE =
  /(?<![A-Za-z\u00C0-\u00FF])(?:[Rr]uf[et]?|[Rr]ufen\s+(?:Sie|wir))(?:\s+(?:mich|uns|ihn|sie|ihr|bitte|doch|mal|einfach|gerne?|jetzt|heute|morgen))*(?:\s+unter(?:\s+der)?)?\s+$/;
/** The particle `an` ending the clause after the number. */
const SPLIT_AN_AFTER = /^\s+an(?=\s*(?:$|[.!,;)"']))/;

/** Whether a callee (`CALLEE_BEFORE`'s match) is a person: a customer's noun, a title, or a known given name first (`isCommonGivenName`). */
function isCalleePerson(callee: RegExpExecArray): boolean {
  return callee[1] !== undefined || callee[2] !== undefined || isCommonGivenName(callee[3] ?? "");
}

/** Whether the clause before `unter` names a person: a title and a name (`Frau Weber`), or a known given name (`Anna Weber ist`). */
function namesPersonBefore(before: string): boolean {
  const clause = before.slice(Math.max(before.lastIndexOf("."), before.lastIndexOf(";"), before.lastIndexOf("!"), before.lastIndexOf("?")) + 1);
  if (TITLED_BEFORE.test(clause)) return true;
  for (const word of clause.match(CAPITALISED_WORDS) ?? []) if (isCommonGivenName(word)) return true;
  return false;
}

/**
 * The fields a telephony provider's webhooks and forms name a phone number with, as the provider
 * spells them: Twilio's voice and messaging parameters `To`, `From`, `Caller`, `Called` and
 * `ForwardedFrom` (form-encoded, in JSON, as attribute keys: `twilio.To`), and the WhatsApp
 * Cloud API's `wa_id` (a contact's WhatsApp id, which is the user's phone number in E.164 digits
 * without `+`: `"wa_id":"5511987654321"`). Only so spelled: a
 * lower-case `to` or `from` elsewhere is a route's, a range's, a language's (`from=en`,
 * `from=2024-01-01&to=2024-02-01`), and stays.
 */
const PROVIDER_PHONE_FIELDS: ReadonlySet<string> = new Set(["To", "From", "Caller", "Called", "ForwardedFrom", "wa_id"]);
/**
 * A provider's phone field (`PROVIDER_PHONE_FIELDS`) and its separator right before a number
 * (`To=`, `"From":"`, `Caller: `, `twilio.To=`); a blank alone is no field's (`Moved To 12345678`).
 */
const PROVIDER_PHONE_BEFORE = new RegExp(
  `(?<![\w-])(?:${[...PROVIDER_PHONE_FIELDS].join("|")})${QUOTE}?${BLANK}*${FIELD_SEPARATOR}${BLANK}*${VALUE_OPENING_QUOTES}?$`,
);
/** The fewest digits of a national number a provider's field names alone: a US number's ten (`4158675309`); `From=20240101` is a date. */
const PROVIDER_NATIONAL_DIGITS = 10;

/** Whether an attribute's or a member's name, as sent, is a provider's phone field (`PROVIDER_PHONE_FIELDS`: `To`, `twilio.From`, `wa_id`). */
export function namesProviderPhone(lastSegment: string): boolean {
  return PROVIDER_PHONE_FIELDS.has(lastSegment);
}

/**
 * Whether a key's words (`nameWords`) are a WhatsApp Cloud API webhook's field holding the
 * user's phone number, E.164 digits without `+`: a contact's `wa_id`, a received message's sender
 * (`messages[].from`, the path `entry.changes.value.messages.from`) and a sent message's
 * status's recipient (`statuses[].recipient_id`). A phone's fact there, not an id's: the number
 * is the person's, whatever the field calls it.
 */
export function namesMessagingPhone(words: readonly string[]): boolean {
  const named = words.filter((word) => !/^\d+$/.test(word));
  const count = named.length;
  const last = named[count - 1];
  if (last === "from") return named[count - 2] === "messages";
  if (last !== "id") return false;
  return named[count - 2] === "wa" || (named[count - 2] === "recipient" && named[count - 3] === "statuses");
}

/**
 * Whether a phone word is right before `start` (`PHONE_NAMED_BEFORE`); `grouped` says the
 * number is written in groups, which a verb alone needs (`call 12345678` may be a call's id).
 */
export function isNamedPhone(text: string, start: number, grouped = true): boolean {
  return namedPhoneWord(text, start, grouped) !== undefined;
}
/** The phone word right before `start` (`isNamedPhone`), lower case (`""` for a name's last word: `customerPhone`), or undefined for none. */
function namedPhoneWord(text: string, start: number, grouped: boolean): string | undefined {
  const named = PHONE_NAMED_BEFORE().exec(text.slice(Math.max(0, start - PHONE_WORD_REACH), start));
  if (named === null) return undefined;
  const word = (named[1] ?? "").toLowerCase();
  // A line's word after the verb names the phone as a noun does (`ligou do fixo 1134567890`).
  return grouped || named[3] !== undefined || !PHONE_VERBS.includes(word) ? word : undefined;
}

/**
 * Whether a phone word names the national number `match` at `start` (`isNamedPhone`'s word). Any
 * word names a number in groups (`Kontaktnummer: 0043 664 1234567`, `telefoon: 0031 20 123 4567`,
 * `kom. 0171 2345678`, `phone: 22 123 45 67`), but a day, month and year is a date after a verb
 * (`contactez le 15 12 2026`) and, apart by dots or slashes, after any word (`Telefon 15.12.2026`). Digits in one run are a phone after a word less sure of one only in
 * its plan (`isWordPlanNumber`: `Kontaktnummer: 01711234567`, not `Kontaktnummer: 1234567890`, a
 * CRM's record id); after other words any run is (`phone 12345678`).
 */
function isNamedPhoneNumber(match: string, text: string, start: number, grouped: boolean): boolean {
  const word = namedPhoneWord(text, start, grouped);
  if (word === undefined) return false;
  const plan = wordPlans().get(word);
  if (plan === "fr") return isFrenchWordPhone(match, text, start);
  if (grouped) return !(DAY_MONTH_YEAR.test(match) && (PHONE_VERBS.includes(word) || DOTTED_DATE.test(match)));
  return plan === undefined || isWordPlanNumber(plan, match);
}
/**
 * Whether digits in one run are in the plan a word asks for: the German plan after the German
 * words (`fitsGermanPlan`, else `isNationalPlanNumber`), a national plan after the Dutch and
 * Italian words, Poland's after the Polish ones (`isPolishPlanNumber`, perhaps after `48`:
 * `komórka 48601234567`).
 */
function isWordPlanNumber(plan: "de" | "national" | "pl" | "fr", run: string): boolean {
  if (plan === "de") return fitsGermanPlan(run) ?? isNationalPlanNumber(run);
  if (plan === "national") return isNationalPlanNumber(run);
  if (plan === "fr") return isFrenchPlanNumber(run);
  return isPolishPlanNumber(run.length === 11 && run.startsWith("48") ? run.slice(2) : run);
}
/**
 * The plan each word of `GERMAN_PLAN_WORDS`, `EXTENSION_WORDS`, `PLAN_WORDS`, `POLISH_PLAN_WORDS`,
 * `PHONE_ABBREVIATIONS` and `FRENCH_PLAN_WORDS` asks a number after it to fit.
 */
const wordPlans = lazy(
  () =>
    new Map<string, "de" | "national" | "pl" | "fr">([
      ...[...GERMAN_PLAN_WORDS, ...EXTENSION_WORDS].map((word) => [word, "de"] as const),
      ...FRENCH_PLAN_WORDS.map((word) => [word, "fr"] as const),
      ...PLAN_WORDS.map((word) => [word, "national"] as const),
      ...[...POLISH_PLAN_WORDS, ...PHONE_ABBREVIATIONS].map((word) => [word, "pl"] as const),
    ]),
);
/**
 * Whether a number is in France's plan as printed: a trunk `0` (or `0033` dialled abroad) and
 * nine digits, in pairs or in one run (`06 12 34 56 78`, `06.12.34.56.78`, `0612345678`, `0033 6
 * 12 34 56 78`), and no filler (`isNationalPlanNumber`: `00 00 00 00 00`, `01 23 45 67 89`).
 */
function isFrenchPlanNumber(match: string): boolean {
  return FRENCH_NUMBER.test(match) && isNationalPlanNumber(match.replace(FRENCH_ABROAD, "0"));
}
/**
 * Whether a number after a French word (`FRENCH_PLAN_WORDS`), which names other things' numbers
 * as often, grouped too (`numéro 12 34 56`), is a phone: the word in prose, before a blank or its
 * `:` (`numéro : `, `Numéro: `, `mon numéro est le `, `mon portable c'est le `; a key's `numero=`, `"numero":"` names an
 * order's as often), no thing's noun before it (`commande numéro 0612345678`), a number in
 * France's plan (`isFrenchPlanNumber`) and no unit after it (`portable 06 12 34 56 78 ms`).
 */
function isFrenchWordPhone(match: string, text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - PHONE_WORD_REACH), start);
  if (!FRENCH_WORD_IN_PROSE.test(before) || THING_NUMERO_BEFORE().test(before) || !isFrenchPlanNumber(match)) return false;
  const end = start + match.length;
  return !MEASURE_UNIT_AFTER.test(text.slice(end, end + 16));
}
/** A French word of `FRENCH_PLAN_WORDS` right before a number, then blanks, its `:`, `est le` or `c'est le`. */
const FRENCH_WORD_IN_PROSE = /(?<![A-Za-z\u00C0-\u00FF])(?:num[ée]ro|portable)(?:\s*:\s*|\s+(?:(?:c['’])?est\s+(?:le\s+)?)?)$/i;
/**
 * A thing's noun right before `numéro` (`NUMBERED_THINGS`, `FRENCH_NUMBERED_THINGS`: `commande
 * numéro 0612345678`, `facture numéro : …`): the number is the thing's, as after `numéro de commande`.
 */
const THING_NUMERO_BEFORE = lazy(
  () => new RegExp(`(?<![A-Za-z\\u00C0-\\u00FF])(?:${[...NUMBERED_THINGS, ...FRENCH_NUMBERED_THINGS].join("|")})[ \\t]+num[ée]ro[^A-Za-z\\u00C0-\\u00FF\\d]*$`, "i"),
);
/** French things a number identifies, named before `numéro` (an order, an invoice, a file, a parcel, a contract, an account, a client, an article). */
const FRENCH_NUMBERED_THINGS = ["commande", "facture", "dossier", "colis", "contrat", "compte", "client", "article", "suivi", "version", "bon"];
/** France's ten digits, a trunk `0` or `0033` (`00 33`) first, then pairs apart alike or in one run. */
const FRENCH_NUMBER = /^(?:0|00 ?33[ .-]?)[1-9]([ .-]?)\d{2}(?:\1\d{2}){3}$/;
/** `0033` dialled abroad (`00 33` too), perhaps before a blank, for France's trunk `0`. */
const FRENCH_ABROAD = /^00 ?33[ .-]?/;
/** A Polish landline's groups, two, three, two and two, its area code 1–7 first (`22 123 45 67`; Spain's `91 123 45 67` is `SPANISH_LANDLINE`). */
const POLISH_LANDLINE_GROUPS = /^[1-7]\d[ .-]\d{3}[ .-]\d{2}[ .-]\d{2}$/;
/** Germany's trunk-led groups, an area code, three digits and two pairs (`030 123 45 67`, `0171 234 56 78`; not `012 34 56 78`, `NATIONAL`'s pairs). */
const GERMAN_PAIRS = /^0\d{2,4}[ .-]\d{3}[ .-]\d{2}[ .-]\d{2}$/;
/** Whether a number is a Polish landline in its groups and in Poland's plan (`tel. stacj. 22 123 45 67, 58 123 45 67`). */
const isPolishLandline = (match: string): boolean => POLISH_LANDLINE_GROUPS.test(match) && isPolishPlanNumber(match);
/** A day, a month and a year in a phone's groups (`15 12 2026`, `15.12.2026`). */
const DAY_MONTH_YEAR = /^(?:0?[1-9]|[12]\d|3[01])([ ./-])(?:0?[1-9]|1[0-2])\1(?:19|20)\d{2}$/;
/** A day, month and year apart by dots or slashes, as a date is printed and a phone's groups seldom are (`Telefon 15.12.2026`). */
const DOTTED_DATE = /^\d{1,2}[./]/;

/**
 * Whether a key's words name a phone or a list of them: the last word is a phone word, or one
 * before `number`/`no` (`phone_number`, `telefoneCelular`, `phones`), a list's name as its
 * item's (`phoneNumbers`, `phone_list`: `list-names.ts`).
 */
export function namesPhone(words: readonly string[]): boolean {
  const item = itemNameWords(words);
  const last = item[item.length - 1] ?? "";
  const named = (word: string) => PHONE_NOUNS.includes(word);
  return named(last) || (NUMBER_WORD_SET.has(last) && named(item[item.length - 2] ?? ""));
}

/** A separator between an international number's groups: a blank, `.` or `-`. */
const INTERNATIONAL_SEPARATOR = "[ .-]";
/**
 * A separator between a form-encoded international number's groups, as a form writes a URL
 * query's value: `+` or `%20` for a blank, `.` or `-`. A literal blank ends the value (`?phone=%2B1+415+867+5309 200`:
 * the status after the request's URL is no digit of the number).
 */
const FORM_SEPARATOR = "(?:[.+-]|%20)";
/**
 * An area code in parentheses (`(0)89`), form-encoded in a query's value (`%2811%29`), or left as
 * written there (`encodeURIComponent` keeps parentheses: `%2B1+(415)+867-5309`).
 */
const INTERNATIONAL_AREA_CODE = "\\(\\d{1,4}\\)";
const FORM_AREA_CODE = `(?:%28\\d{1,4}%29|${INTERNATIONAL_AREA_CODE})`;
/** The start of a URL query's value: `?` or `&`, its key, `=` (`?phone=`, `&contact[tel]=`). */
const QUERY_VALUE_START = "[?&][\\w.%\\[\\]-]{1,64}=";
/** A query value's start right before a number (`QUERY_VALUE_START`). */
const QUERY_VALUE_BEFORE = new RegExp(`${QUERY_VALUE_START}$`);
/** The international form as written, its groups apart by blanks, dots or dashes (`+55 11 98765-4321`, `+1 (415) 555-0100`). */
const WRITTEN_INTERNATIONAL = `\\+\\d{1,3}(?:${INTERNATIONAL_SEPARATOR}?${INTERNATIONAL_AREA_CODE})?(?:${INTERNATIONAL_SEPARATOR}?\\d){6,13}`;
/**
 * A written number at a query value's start, its groups perhaps apart by literal blanks
 * (`?phone=+1 415 867 5309 200`, `{"url":"/cb?phone=+1 415 867 5309&x=1"}`): how much of it is
 * the number, the key and what follows say (`queryValueNumberLength`). A form's `+` or `%2`
 * escape after its digits is the form-encoded alternative's.
 */
const QUERY_WRITTEN_VALUE =
  `(?<=${QUERY_VALUE_START})\\+\\d{1,3}(?:${INTERNATIONAL_SEPARATOR}?${INTERNATIONAL_AREA_CODE})?(?:${INTERNATIONAL_SEPARATOR}?\\d){6,24}(?![\\d+]|%2)`;
/**
 * A form-encoded list's separator and blank right before its next item's `+` (`,+`, `%2C+`,
 * `;%20`: `?phone=+1+415+867+5309,++1+212+555+0134`), where a `+` else reads as a form's blank.
 */
const LATER_FORM_ITEM = "(?<=(?:[,;]|%2[CcFf]|%3[Bb]|%7[Cc])(?:\\+|%20)?)";
/**
 * The international form, written (`+55 11 98765-4321`) or else form-encoded in a query's value
 * (`%2B55+11+98765-4321`, `%2B55%20%2811%29%2098765-4321`, `+55+11+98765-4321`): the written
 * form is tried first, so that a literal `+` whose groups a form's `+` joins is read as the form's;
 * at a query value's start, where a literal blank ends the value in a log line
 * (`?phone=+5511987654321 200`), as far as its key and what follows say (`QUERY_WRITTEN_VALUE`).
 */
const INTERNATIONAL =
  `(?:(?<![\\w+%])|${LATER_FORM_ITEM})(?:(?<!${QUERY_VALUE_START})${WRITTEN_INTERNATIONAL}|${QUERY_WRITTEN_VALUE}` +
  `|(?:\\+|%2[Bb])\\d{1,3}(?:${FORM_SEPARATOR}?${FORM_AREA_CODE})?(?:${FORM_SEPARATOR}?\\d){6,13})(?!\\d)`;
/** A form's escapes of `+`, a blank and parentheses, whose hex digits are no digits of a number. */
const FORM_ESCAPES = /%2[089Bb]/g;
/**
 * A form-encoded list's separator, perhaps with an encoded blank, right before a national item
 * (`?tel=4155550132%2C4155550133`, `%2C%20`, `%2F`, `%7C`, `%3B`), where the escape's last
 * letter (`C`) would else join the number to a word.
 */
const LATER_FORM_SEPARATOR = "(?<=%(?:2[CcFf]|3[Bb]|7[Cc])(?:%20)?)";
const BRAZIL_AREA_CODE = "(?<![\\w)])\\(\\d{2}\\)[ ]?9?\\d{4}[ -]?\\d{4}(?!\\d)";
/**
 * A country's calling code as ITU-T E.164 assigns them: 1 and 7, the two-digit codes, and three
 * digits in the blocks whose two-digit start is no code itself (`49`, `33`, `353`, `880`; not `12`,
 * `99`, `999`): `0012 345 678 901` is no number dialled abroad.
 */
const CALLING_CODE = "(?:[17]|2[07]|3[0-469]|4[013-9]|5[1-8]|6[0-6]|8[1246]|9[0-58]|(?:2[2-6]|3[578]|5[09]|6[78]|9[67])\\d|21[12368]|29[01789]|42[013]|69[0-2]|80[08]|85[02356]|87[08]|88[0-368]|99[2-8])";
/**
 * A national number in groups after `00` and a country's code dialled from Europe (`NATIONAL`),
 * perhaps a blank between them (`00 48 601 234 567`): Poland's three threes and its landlines' two, three, two and two (`0048 601 234 567`, `0048 22
 * 123 45 67`), pairs after one to three digits (`0033 6 12 34 56 78`), or nine to twelve digits in a
 * run (`0048 601234567`), no group after.
 */
const DIALLED_ABROAD_GROUPS = `00 ?${CALLING_CODE}[ .-](?:\\d{9,12}|\\d{3}[ .-]\\d{3}[ .-]\\d{3}|[1-9]\\d[ .-]\\d{3}(?:[ .-]\\d{2}){2}|\\d{1,3}(?:[ .-]\\d{2}){3,4})(?![ .-]\\d)`;
/**
 * A German number's extension after its `-` (DIN 5008: `089 12345-678`, `030 1234567-0`,
 * `030/12345-67`): only after a whole number of the plan, a trunk `0` first (perhaps in
 * parentheses) and seven digits or more, and no month after a year's four digits (`mobile 010
 * 2024-12`, `sms 4711 2024-05`, `tel 12 3456-78` are an id and a date or a count).
 */
const GERMAN_EXTENSION = "(?=-)(?<=(?<![\\w./+()-])\\(?0\\d(?:[ ./)]{0,3}\\d){5,13})-(?!(?<=(?<!\\d)(?:19|20)\\d\\d-)(?:0[1-9]|1[0-2])(?![\\w/-]|\\.\\d))\\d{1,5}";
/**
 * A German area code, its trunk `0` first, set apart from the subscriber's number by a `/` (`030/`,
 * `030 / `) or a dash between blanks (`030 - `, an en dash too: `030 – `), as German letterheads
 * print it. After the dash the number holds five digits in a row or is grouped (`030 - 1234567`,
 * `030 - 123 45 67`): four digits there are a range's end, office hours after a phone's word
 * (`Tel: 0800 - 1800 Uhr`).
 */
const AREA_CODE_APART = "0\\d{1,4}(?: ?\\/ ?| [-–] (?=\\d{5}|\\d{2,5} \\d))";
/**
 * Groups ending in two threes or three pairs that no shape above prints but people write under a
 * phone's key or after its word, apart by blanks or dashes (`07911 123 456`, `07911-123-456`,
 * `0412 34 56 78`, `44 7911 123 456`), read there only (`NAMED_ONLY_WHOLE`); not after `00`,
 * whose country's code `DIALLED_ABROAD_GROUPS` checks (`0099 999 999 999`), nor a year and a
 * month first or a time's `:` after (`2026-12-04 13:45:10`);
 * first in `NATIONAL`, so that a shape's shorter reading (`44 7911`) does not cut the number.
 */
const NAMED_ONLY_GROUPS = "(?!00|(?:19|20)\\d{2}[ -][01]\\d[ -])\\d{1,5}(?:[ -]\\d{2,4}){0,2}(?:[ -]\\d{3}[ -]\\d{3}|(?:[ -]\\d{2}){3})(?![ .:-]\\d)";
/**
 * A national number's shapes: groups ending in four to eight digits, the first perhaps an area
 * code in parentheses, perhaps after a NANP trunk `1 ` (`11 98765-4321`, `(415) 555-0100`, `1 (415) 555-0100`, `07911 123456`, German `0151 23456789`,
 * `030 12345678`) or, German, a trunk `0` area code before `/` or a dash between blanks (`030/1234567`, `030 / 1234567`,
 * `030 - 1234567`: `AREA_CODE_APART`), pairs after two or
 * three digits (`612 34 56 78`, `06 12 34 56 78`, `06-12-34-56-78`), Spain's three threes (`612 345 678`) and its
 * landlines' two, three, two and two, which start with 8 or 9 as Spain's geographic numbers do
 * (`91 123 45 67`; `10 100 10 10`, `00 000 00 00` are no such number), Poland's landlines in the
 * same groups led by 1 to 7 and no group after (`22 123 45 67`: read after a Polish landline's word
 * only, `isNamedPhoneNumber`), Germany's trunk-led area code, three digits and two pairs (`030 123 45 67`,
 * `0171 234 56 78`: read after a phone's word or under its key only, `GERMAN_PAIRS`), 8 to 13 digits in a row,
 * or groups after `00` and a country's code (`DIALLED_ABROAD_GROUPS`). German numbers print an
 * extension after a `-` (`089 12345-678`, DIN 5008) and, after an area code and `/`, ` - ` or in
 * parentheses, groups of two or three (`030 / 123 45 67`, `030 - 123 45 67`, `(030) 123 45 67`).
 */
const NATIONAL_SHAPES =
  `(?:(?:1[ .-])?\\(\\d{2,4}\\)[ .-]?|\\d{1,5}[ .-]|${AREA_CODE_APART})(?:\\d{1,5}[ .-]){0,3}\\d{4,8}(?:${GERMAN_EXTENSION})?|(?:${AREA_CODE_APART}|\\(0\\d{1,4}\\) ?)\\d{2,5}(?: \\d{2,3}){1,3}(?![ .-]\\d)|\\d{2,3}(?:[ .-]\\d{2}){3,4}|[89]\\d[ .-]\\d{3}(?:[ .-]\\d{2}){2}|[1-7]\\d[ .-]\\d{3}(?:[ .-]\\d{2}){2}(?![ .-]\\d)|0\\d{2,4}[ .-]\\d{3}[ .-]\\d{2}[ .-]\\d{2}(?![ .-]\\d)|\\d{3}[ .-]\\d{3}[ .-]\\d{3}|\\d{4}[ .-]\\d{3}[ .-]\\d{3}(?![ .-]\\d)|0\\d{5}[ .-]\\d{5}(?![ .-]\\d)|\\d{8,15}|${DIALLED_ABROAD_GROUPS}`;
const NATIONAL =
  `(?:(?<![\\w./+()-])|${LATER_FORM_SEPARATOR})(?:${NAMED_ONLY_GROUPS}|${NATIONAL_SHAPES})` +
  `(?![\\w/-]|\\.\\d)`;
/** Spain's landline groups, two, three, two and two, led by 8 or 9 (`91 123 45 67`: `NATIONAL`). */
const SPANISH_LANDLINE = /^[89]\d[ .-]\d{3}[ .-]\d{2}[ .-]\d{2}$/;
/**
 * A national number form-encoded as a URL query's or a form's value, its groups apart by `%20`
 * or `+` (`?tel=91%20123%2045%2067`, `telefono=91+123+45+67`, `phone=0171%201234567`): read
 * decoded (`formDecoded`) as its text form is (`NATIONAL`), and only under a phone's key, its area
 * code perhaps in parentheses and a group perhaps dashed or dotted (`phone=(415)+867-5309`); what
 * ends the value follows it, a sentence's period too, or a list's `,`/`%2C` before its next item,
 * which is read after it (`?tel=0171+1234567,0171+7654321`).
 */
const FORM_NATIONAL = `(?<=(?:^|[?&])[\\w.%\\[\\]-]{1,64}=|(?:,|%2[Cc])(?:\\+|%20)?)(?:\\d{1,5}|${FORM_AREA_CODE})(?:(?:%20|\\+)\\d{1,8}(?:[.-]\\d{1,8})?){1,4}(?=$|[&#;"'\\s,]|%2[Cc]|\\\\"|\\.(?:$|\\s))`;
/** A national number's shapes (`NATIONAL`) as a value's whole. */
const NATIONAL_WHOLE = new RegExp(`^${NATIONAL}$`);
/** A grouping only `NAMED_ONLY_GROUPS` reads, none of `NATIONAL_SHAPES`' (`07911 123 456`; not `612 345 678`). */
const NAMED_ONLY_WHOLE = new RegExp(`^(?:${NAMED_ONLY_GROUPS})$`);
const NATIONAL_SHAPES_WHOLE = new RegExp(`^(?:${NATIONAL_SHAPES})$`);
/**
 * The Brazilian mobile shape after its area code (`11 `, `011 `; DDD codes have no 0 digit),
 * the 9 perhaps set apart (`11 9 8765-4321`).
 */
const BRAZIL_MOBILE_WITH_AREA = /^0?[1-9]{2} 9 ?\d{4}-\d{4}$/;
/**
 * A Brazilian mobile number with its area code, digits only (`11987654321`): a string an ORM
 * binds, alone in its list when the statement is logged apart (Prisma's `Params:`).
 */
const BRAZIL_MOBILE_DIGITS = /^[1-9]{2}9\d{8}$/;
/** `COMMA_GLUED_BEFORE` and `COMMA_GLUED_AFTER` ending and starting the texts around a number. */
const GLUED_BEFORE = new RegExp(`${COMMA_GLUED_BEFORE}$`);
// A NANP number's area code after the `,` is a list's next phone's (`415-867-5309,212-555-0134`), no decimal's part.
const GLUED_AFTER = new RegExp(`^${COMMA_GLUED_AFTER}(?!\\d{2}[-.]\\d)`);
/** The Brazilian mobile shape alone (`98765-4321`). */
const BRAZIL_MOBILE = /^9\d{4}-\d{4}$/;
/** A line break, as JSON text escapes it too (`\\n`, `\\r\\n`). */
const LINE_BREAK = "(?:\\r?\\n|(?:\\\\{1,3}r)?\\\\{1,3}n)";
/** A label's separator, perhaps before a line break: the number may stand on the label's next line. */
const LABEL_SEPARATOR = `[ \\t]*[:=](?:[ \\t]*${LINE_BREAK})?`;
/**
 * Words that make the mobile shape alone, a North American number's groups or a plan's number in
 * groups a person's number: a contact or a list of them (`contato 98765-4321`, `contacto:`,
 * `Contact: `, `Contacts: `, `contact 212.555.0100`, German `Kontakt: 0171 2345678`,
 * `Kontaktdaten:`, `Kontakte:`, `Kontaktliste:`), the number perhaps on the label's next line
 * (`Kontakte:\n0171 2345678`). They name no phone for other shapes (`contato 12345678` may be a
 * contact's id).
 */
const CONTACT_BEFORE = new RegExp(
  String.raw`(?<![A-Za-z\u00C0-\u00FF])(?:[CcKk]onta(?:c?tos?|cts?|kt(?:e|daten|liste)?)|[CK]ONTA(?:C?TOS?|CTS?|KT(?:E|DATEN|LISTE)?))` +
    `(?:${LABEL_SEPARATOR})?[ \\t]*["']?$`,
);
/**
 * A plural word for "numbers" with a phone's word as a label, its `:` after it (`Phone numbers: `,
 * `Mobile numbers:`, `Numéros de téléphone : `, `Números de teléfono:`, `Numeri di telefono:`;
 * German writes it as one word, a phone's noun: `Telefonnummern`, `Rufnummern`): a list of phones,
 * as after a contact's word. `Numbers:` alone or after another qualifier (`Order Numbers:`, `Seat
 * Numbers:`, `Lotto Numbers:`) lists orders', seats', draws' numbers as often.
 */
const PHONE_NUMBERS_LABEL_BEFORE =
  /(?<![A-Za-z\u00C0-\u00FF])(?:(?:[Pp]hone|PHONE|[Tt]elephone|TELEPHONE|[Mm]obile|MOBILE|[Cc]ell|CELL|[Ff]ax|FAX|[Cc]ontact|CONTACT)[ \t]+(?:[Nn]umbers|NUMBERS)|(?:[Nn]um[ée]ros|NUM[ÉE]ROS)[ \t]+(?:de[ \t]+(?:t[ée]l[ée]phone|portable|mobile)|DE[ \t]+(?:T[ÉE]L[ÉE]PHONE|PORTABLE|MOBILE))s?|(?:[Nn][úu]meros|N[ÚU]MEROS)[ \t]+(?:de[ \t]+(?:tel[ée]fono|m[óo]vil|celular)|DE[ \t]+(?:TEL[ÉE]FONO|M[ÓO]VIL|CELULAR))(?:s|es)?|(?:[Nn]umeri|NUMERI)[ \t]+(?:di[ \t]+(?:telefono|cellulare)|DI[ \t]+(?:TELEFONO|CELLULARE)))[ \t]*:[ \t]*$/;
/** A number's first group and a blank, `/`, `.` or `-` after it (`0171 `, `030/`, `(030) `, `98765 `, `612 `): a number a contact's word names (`CONTACT_BEFORE`). */
const GROUPED_START = /^\(?\d{2,5}\)?(?: ?\/ ?|[ .-])\d/;
const BRAZIL_AREA_CODE_WHOLE = new RegExp(`^${BRAZIL_AREA_CODE}$`);
/**
 * An IPv4 address first in a national number's groups (`10.0.0.12 8080` after `erreichbar:`): an
 * address and its port, which a phone's dotted groups never are (their first has a trunk `0` or
 * the groups are more: `06.12.34.56.78`).
 */
const ADDRESS_FIRST = new RegExp(`^${DOTTED_QUAD}(?![\\d.])`);
/**
 * A signed decimal fraction, one `.` between digits and nothing else (`+0.000000001`,
 * `+3.141592653`): a number printed with its sign, such as Go's monotonic clock reading
 * (`m=+0.000000001` after every `time.Time` printed with `%v`, package time's `Time.String`), no
 * phone, which no plan writes as digits, one dot and more digits.
 */
const SIGNED_FRACTION = /^\+\d+\.\d+$/;
/**
 * An extension's digits after its word (`EXTENSION_WORDS`: `Durchwahl -123`, `Durchwahl: 45`),
 * perhaps after the `-` a German number prints before one: a phone's part only right after a
 * phone (`isExtensionOfLastPhone`).
 */
const EXTENSION = "(?<=(?:[Dd]urchwahl|DURCHWAHL)(?:[ \\t]*:)?[ \\t]*-?)\\d{1,6}(?![\\w/-]|[.,]\\d)";
/** An extension's digits alone (`EXTENSION`): no other shape of the detector's is one run of six digits or fewer. */
const EXTENSION_WHOLE = /^\d{1,6}$/;
/** What stands between a phone and its extension's digits: a `,`, `;`, `(` or `/` perhaps, an extension's word, a `:`, a `-` (`, Durchwahl -`). */
const EXTENSION_GAP = /^[ \t]*[,;(/]?[ \t]*(?:[Dd]urchwahl|DURCHWAHL)[ \t]*:?[ \t]*-?$/;
/** How far after a phone its extension's digits are read. */
const EXTENSION_REACH = 24;

export const phoneDetector: Detector = {
  kind: "phone",
  // Every match starts with `+`, `%` (`%2B`), `(` or a digit: the regex engine skips to them.
  source: `(?=[+(%\\d])(?:${INTERNATIONAL}|${BRAZIL_AREA_CODE}|${FORM_NATIONAL}|${NATIONAL}|${EXTENSION})`,
  evidence: Evidence.PHONE,
  placeEvidence: Place.PHONE_VALUE,
  rewrite: (match, marker, text, start, place) => {
    const rewrite = phoneRewrite(match, marker, text, start, place);
    if (rewrite !== undefined) {
      const end = start + (typeof rewrite === "string" ? match.length : (rewrite.length ?? match.length));
      // Not the named list's reader (`isLaterItemOfNamedList`), which reads its candidates in order only.
      const keyed = isUnderPhoneKey(text, start, place) || (lastPhone.keyed && lastPhone.isListedBefore(text, start, match));
      lastPhone.replaced(text, end, text.slice(start, end), keyed);
    }
    return rewrite;
  },
};

/**
 * The phone detector's judgement of a candidate (`phoneDetector.rewrite`): an international
 * number's (`internationalRewrite`), or else its national part's after the country code, the
 * marker then covering the whole (`wholeByNationalPart`); a national number's (`nationalRewrite`)
 * unless it follows a country code, whose number was judged so.
 */
function phoneRewrite(match: string, marker: string, text: string, start: number, place: number): Rewrite | undefined {
  // The next item of a list whose item before was a phone (`call 415-867-5309 or 212-555-0134`).
  const listed = lastPhone.isListedBefore(text, start, match) && !isInOtherCsvColumn(text, start, match.length);
  if (EXTENSION_WHOLE.test(match)) return lastPhone.isFollowedBy(text, start, EXTENSION_GAP, EXTENSION_REACH) ? marker : undefined;
  if (match.startsWith("+") || match.startsWith("%")) {
    if (isSignedOffset(match, text, start, place) && !isPhoneKeyValue(text, start, match.length, place, listed)) return undefined;
    return internationalRewrite(match, marker, text, start, place, listed) ?? wholeByNationalPart(match, marker, text, start, place, listed);
  }
  if (COUNTRY_CODE_BEFORE.test(text.slice(Math.max(0, start - 8), start))) return undefined;
  return nationalRewrite(match, marker, text, start, place, listed);
}

/**
 * Whether a number written with its `+` (`match`, at `start`) is a signed offset or quantity
 * rather than an international phone: its digits in one run right after the `+` (`+4930901820`,
 * `%2B4930901820`), and a size's or a time's unit right after it (`OFFSET_UNIT_AFTER`: `bytes`,
 * `kB`, `ms`, `sec`: `heap_used +12582912 bytes`, `lag: +14155550132 ms`), or a position's change
 * naming it by its key alone, a URL query's (`?offset=+1733380000&limit=50`, `?pos=…`:
 * `QUERY_SHIFT_KEY_BEFORE`) or one compounded with a unit (`bytes_delta=+…`). A word of a change
 * without either is not enough: `offset`, `position`, `shift` are people's words too (`POS: +44
 * …`, `Night shift: +44 …`), and `s`, `x`, `%`, `min` or a count's word follow phones as often
 * (`… x 204`, an extension; `… em São Paulo`). Never on a line naming a phone, a call, a contact
 * or a person before it (`isPhoneOrPersonLine`). A run longer than any plan allows is no phone
 * anyway (`internationalRewrite`).
 */
function isSignedOffset(match: string, text: string, start: number, place: number): boolean {
  if (!UNSPACED_SIGNED.test(match) || (place & Place.DECODED_QUERY_VALUE) !== 0) return false;
  const end = start + match.length;
  const before = text.slice(Math.max(0, start - SHIFT_REACH), start);
  if (!OFFSET_UNIT_AFTER.test(text.slice(end, end + UNIT_REACH)) && !QUERY_SHIFT_KEY_BEFORE.test(before) && !UNIT_SHIFT_KEY_BEFORE.test(before)) return false;
  return !isPhoneOrPersonLine(lineBefore(text, start));
}
/** A `+` (perhaps form-encoded, `%2B`) and digits only. */
const UNSPACED_SIGNED = /^(?:\+|%2[Bb])\d+$/;
/**
 * A size's or a time's unit after a signed offset, in its usual spellings and cases: bytes and
 * their multiples (`B`, `kB`, `KiB`, `MB`, `Bytes`, `BYTES`), seconds' (`ms`, `µs`, `ns`, `sec`,
 * `seconds`, `msec`); not `s`, `x`, `%`, nor a count's word.
 */
const OFFSET_UNIT_AFTER =
  /^[ \t]*(?:[Bb]ytes?|BYTES?|B|[kKMGT]i?[Bb]|[mµun]s|MS|NS|[mµun]?[Ss]ec(?:ond)?s?|[mµun]?SEC(?:OND)?S?|(?:[Mm]illi|[Mm]icro|[Nn]ano)(?:s|seconds?))(?![A-Za-z\u00C0-\u024F\d])/;
/** How far after a signed number `OFFSET_UNIT_AFTER` is read. */
const UNIT_REACH = 16;
/** A URL query's key of a position's change right before its value (`?offset=`, `&delta=`, `?pos=`, `&seek=`). */
const QUERY_SHIFT_KEY_BEFORE = /[?&](?:offset|delta|diff|shift|seek|pos|position)=$/i;
/** A key of a change compounded with a size's or a time's unit before it (`bytes_delta=`, `size.offset: `, `ms_delta=`). */
const UNIT_SHIFT_KEY_BEFORE = /(?<![A-Za-z])(?:bytes?|size|ms|ns|us)[_.](?:offset|delta|diff|shift)["']?[ \t]*[:=][ \t]*$/i;
/** How far before a signed number a key of a change (`QUERY_SHIFT_KEY_BEFORE`, `UNIT_SHIFT_KEY_BEFORE`) is read. */
const SHIFT_REACH = 16;
/** How far back a line before a number is read. */
const LINE_REACH = 160;

/** The text of `text`'s line before `start` (after its last line break, raw or JSON-escaped), at most `LINE_REACH` characters. */
function lineBefore(text: string, start: number): string {
  const window = text.slice(Math.max(0, start - LINE_REACH), start);
  const escaped = window.lastIndexOf("\\n");
  return window.slice(Math.max(window.lastIndexOf("\n") + 1, escaped < 0 ? 0 : escaped + 2));
}

/**
 * Whether a line (`lineBefore`) names a phone, a call or a contact (`PHONE_OR_CALLER_WORD`: `phone`,
 * `SMS`, `call`, `kom.`, `caller`; `Kontakt:`, `Customer:`), or a person: by a known given name in
 * any case, Polish and Czech letters too (`Anna:`, `ANNA:`, `Łukasz:`; `isCommonGivenName`), by a
 * title (`Frau Schmidt`), or a name another rule has replaced already (`PERSON_MARKER`). A `+` number on it is a phone whatever follows.
 */
function isPhoneOrPersonLine(line: string): boolean {
  if (PHONE_OR_CALLER_WORD().test(line) || PERSON_MARKER.test(line) || TITLED_PERSON.test(line)) return true;
  for (const word of line.match(LINE_WORDS) ?? []) if (isCommonGivenName(word)) return true;
  return false;
}
/** A capitalised or all-capitals word of Latin-1 or Latin Extended-A letters (`Anna`, `ANNA`, `Małgorzata`, `Łukasz`). */
const LINE_WORDS = /(?<![A-Za-z\u00C0-\u017F])[A-Z\u00C0-\u00DE\u0100-\u017F][A-Za-z\u00C0-\u00FF\u0100-\u017F]+/g;
/** A title and a capitalised name (`Frau Schmidt`, `Mr. Smith`). */
const TITLED_PERSON = new RegExp(`(?<![A-Za-z\\u00C0-\\u00FF])(?:${PERSON_TITLE})\\.?\\s+${CAPITALISED_WORD}`);
/** A person's name replaced before the phone is read (`{"user":"[REDACTED:person_name]","msg":"offset +… bytes"}`). */
const PERSON_MARKER = /\[REDACTED:person_name/;
/**
 * A phone's or a call's word as a whole word (`PHONE_NOUNS`, `PHONE_VERBS`, `PHONE_REACHABLE`,
 * `caller`, `reach`; `kom.`, `stacj.`) but a part of a program's or a table's name joined by `-`
 * or `.` (`sms-gateway`, `phone-sync`, `c.e.phone.Sync`), or a contact's word or a person's role
 * as a label before its `:` or `=` (`LINE_LABEL_WORDS`: `Contact:`, `Kunde:`; `Client delta`,
 * `customer table`, `patient_records` name things), in either case.
 */
const PHONE_OR_CALLER_WORD = lazy(() => {
  const words = [...PHONE_NOUNS, ...PHONE_VERBS, ...PHONE_REACHABLE, "caller", "reach"].join("|");
  const abbreviations = PHONE_ABBREVIATIONS.join("|");
  return new RegExp(
    `(?<![A-Za-z\\u00C0-\\u00FF])(?:(?:${words})s?(?![a-z\\u00DF-\\u00FF]|[-.][a-z])|(?:${abbreviations})\\.|(?:${LINE_LABEL_WORDS.join("|")})s?["']?[ \\t]*[:=])`,
    "i",
  );
});
/** Contact words and people's roles that say whose number a line holds as its label (a desk's `service` or `support` names a program as often). */
const LINE_LABEL_WORDS = [
  "contact", "contato", "contacto", "kontakt", "kontakte",
  "customer", "client", "cliente", "clienta", "kunde", "kunden", "kundin", "patient", "patiente", "reception", "rezeption", "réception", "empfang",
];

/**
 * Whether the number at `start` is a CSV row's field under a header naming no phone
 * (`csvColumnName`: `phone,customer_id` over `4155550132,9876543210`): the row's next column, no
 * list of the phone before it.
 */
function isInOtherCsvColumn(text: string, start: number, length: number): boolean {
  const column = text.includes("\n") ? csvColumnName(text, start, start + length) : undefined;
  return column !== undefined && !phoneColumns.get(column);
}

/**
 * A country code and a blank starting an international number (`+55 `, `%2B44 `), before its
 * national part (`+55 11 98765-4321`).
 */
const COUNTRY_CODE_AND_BLANK = /^(?:\+|%2[Bb])\d{1,3} (?=[\d(])/;
/** A country code and a blank right before a national number's shape: the international number's part (`wholeByNationalPart`). */
const COUNTRY_CODE_BEFORE = /(?<![\w+%])(?:\+|%2[Bb])\d{1,3} $/;
/** A national number's shapes read at one place (`NATIONAL`, `BRAZIL_AREA_CODE`). */
const NATIONAL_AT = lazy(() => new RegExp(`${BRAZIL_AREA_CODE}|${NATIONAL}`, "y"));

/**
 * An international number no reading of its own takes (`internationalRewrite`) whose national
 * part after the country code and a blank is a phone as a national number (`nationalRewrite`:
 * `GET /x?ids=+55 11 98765-4321 200 | …`, Brazil's mobile shape with its area code): the marker
 * covers the whole number, its country code included, never leaving `+55 ` outside it.
 */
function wholeByNationalPart(match: string, marker: string, text: string, start: number, place: number, listed: boolean): Rewrite | undefined {
  const code = COUNTRY_CODE_AND_BLANK.exec(match);
  if (code === null) return undefined;
  const at = start + code[0].length;
  const national = NATIONAL_AT();
  national.lastIndex = at;
  const found = national.exec(text);
  if (found === null || nationalRewrite(found[0], marker, text, at, place, listed) === undefined) return undefined;
  return { text: marker, kind: "phone", length: code[0].length + found[0].length };
}

/** The judgement of an international number, written or form-encoded (`+55 11 98765-4321`, `%2B14158675309`). */
function internationalRewrite(match: string, marker: string, text: string, start: number, place: number, listed: boolean): Rewrite | undefined {
  // A form-encoded `+` (`From=%2B14158675309`) is the international form's, as are its encoded blanks and
  // parentheses (`%20`, `%28`): their hex digits are no digits of the number.
  const encoded = match.includes("%");
  const digits = countDigits(encoded ? match.replace(FORM_ESCAPES, "") : match);
  if (match.includes(" ") && match.startsWith("+") && QUERY_VALUE_BEFORE.test(text.slice(Math.max(0, start - 66), start))) {
    const length = queryValueNumberLength(match, text, start, isUnderPhoneKey(text, start, place) || listed);
    if (length === undefined || SIGNED_FRACTION.test(match.slice(0, length))) return undefined;
    return length === match.length ? marker : { text: marker, kind: "phone", length };
  }
  if (digits < 8 || digits > 15 || SIGNED_FRACTION.test(match)) return undefined;
  // A `+1` number under a reserved area code (200, 300, 400) reaches no one, whatever its form;
  // under a phone's key any value is one, and the whole of it is replaced.
  if (isReservedNanpNumber((encoded ? match.replace(FORM_ESCAPES, "") : match).replace(NOT_DIGITS, ""))) {
    return isPhoneKeyValue(text, start, match.length, place, listed) ? marker : undefined;
  }
  // Decoded from a query's value, the `+` may have been its `%2B`: judged as the form's number is.
  if ((place & Place.DECODED_QUERY_VALUE) !== 0 && !canBeE164Number(match.replace(NOT_DIGITS, ""))) return undefined;
  // A `+` between groups is a form's blank (`+12345+67890` elsewhere is a sum).
  const form = encoded || match.lastIndexOf("+") > 0;
  return !form || isFormEncodedPhone(match, text, start, place, listed) ? marker : undefined;
}

/** The judgement of a national number (`NATIONAL`, `BRAZIL_AREA_CODE`, `FORM_NATIONAL`: `(415) 555-0100`, `0171 1234567`). */
function nationalRewrite(match: string, marker: string, text: string, start: number, place: number, listed: boolean): Rewrite | undefined {
  const encoded = match.includes("%");
  const digits = countDigits(encoded ? match.replace(FORM_ESCAPES, "") : match);
  // A national number form-encoded under a phone's key (`?tel=91%20123%2045%2067`), or a list's
  // next plan's number after one (`,0171+7654321`), is read as its text form.
  if (encoded || match.includes("+")) {
    const decoded = formDecoded(match);
    const phone = isUnderPhoneKey(text, start, place) || (listed && isNationalPlanNumber(decoded));
    return phone && digits >= 8 && digits <= 13 && NATIONAL_WHOLE.test(decoded) ? marker : undefined;
  }
  if (BRAZIL_AREA_CODE_WHOLE.test(match)) return marker;
  if (digits < 8 || digits > mostNationalDigits(match, text, start, place) || ADDRESS_FIRST.test(match)) return undefined;
  // Spain's and Poland's landline groups are a measure's with a unit after them (`phone: 92 345 67 89 ms`, `tel 20 200 20 20 ms`).
  if ((SPANISH_LANDLINE.test(match) || POLISH_LANDLINE_GROUPS.test(match)) && MEASURE_UNIT_AFTER.test(text.slice(start + match.length, start + match.length + 16))) return undefined;
  // A CSV row's field under a header naming a phone (`name,phone` over `Jan,601 234 567`).
  const column = text.includes("\n") ? csvColumnName(text, start, start + match.length) : undefined;
  if (column !== undefined && phoneColumns.get(column)) return marker;
  // Elsewhere a `,` between one to three digits and the number glues a decimal's parts (`3,14159265`), as
  // one after it before one to three digits does (`52998224725,50`).
  if (GLUED_BEFORE.test(text.slice(Math.max(0, start - 5), start)) || GLUED_AFTER.test(text.slice(start + match.length, start + match.length + 6))) {
    return undefined;
  }
  const grouped = digits !== match.length;
  // A Polish landline's groups, new to the national shapes, are read only in Poland's plan (not `12 345 67 89`).
  const polishGroups = POLISH_LANDLINE_GROUPS.test(match);
  if (polishGroups && !isPolishLandline(match)) return undefined;
  const newGroups = polishGroups || GERMAN_PAIRS.test(match) || (NAMED_ONLY_WHOLE.test(match) && !NATIONAL_SHAPES_WHOLE.test(match));
  // A NANP number under a reserved area code is no phone by its shape or its words, only under a phone's key.
  if (isReservedNanpShape(match)) return isPhoneKeyValue(text, start, match.length, place, listed) ? marker : undefined;
  // A North American number with its area code in parentheses or its trunk prefix is a phone without a word before it.
  if (isSelfEvidentNanpNumber(match) && !isIdentifier(text, start, match.length, place)) return marker;
  const named =
    isNamedPhoneNumber(match, text, start, grouped) ||
    isLaterItemOfNamedList(phoneLists, text, start, match.length, isNamedListOfPhones) ||
    (digits >= PROVIDER_NATIONAL_DIGITS && PROVIDER_PHONE_BEFORE.test(text.slice(Math.max(0, start - PHONE_WORD_REACH), start))) ||
    isNumberToCall(match, text, start) ||
    isSplitCallNumber(match, text, start) ||
    // A later item of a list of phones: a plan's number as a lone one is (no id, timestamp or
    // filler, no unit after it), printed as the phone before it or in a phone's shape.
    (listed && isLaterListedPhone(match, text, start, grouped));
  if (named || ((place & Place.PHONE_VALUE) !== 0 && !isUnlikeLaterFormItem(match, text, start, place, grouped))) return withNextNumber(match, marker, text, start);
  // Polish landline and German pair groups, and groups only `NAMED_ONLY_GROUPS` reads, are a phone only where a phone's word, key or list names them (`tel. stacj. 22 123 45 67`, `{"phone":"22 123 45 67"}`, `Telefon: 030 123 45 67`, `tel=07911 123 456`).
  if (newGroups) return undefined;
  const sqlColumn = sqlInsertColumnOf(text, start);
  if (sqlColumn !== undefined && phoneColumns.get(sqlColumn)) return marker;
  const bound = sqlBoundParameterOf(text, start);
  if (
    bound !== undefined &&
    // A placeholder used for several columns is a phone's when any of them names one.
    (bound.columns.length > 0 ? bound.columns.some(namesPhoneColumn) : BRAZIL_MOBILE_DIGITS.test(match) && text.charCodeAt(start - 1) === 34)
  ) {
    return marker;
  }
  const before = text.slice(Math.max(0, start - 24), start);
  const label = contactLabelOf(before);
  // A contact's word or a label of phone numbers names a mobile, a North American number or a plan's number in groups, shapes no id or count keeps after it.
  const contact =
    label !== undefined &&
    (BRAZIL_MOBILE.test(match) || isGroupedNanpNumber(match) || isContactPlanNumber(match, text, start, label !== "named")) &&
    !(label === "contacts" && isCountOfContacts(match, text, start));
  const mobile = BRAZIL_MOBILE_WITH_AREA.test(match) || contact;
  return mobile && !isIdentifier(text, start, match.length, place) ? marker : undefined;
}

/**
 * A phone's number as named, or with the number after it when the shape read ran into that one
 * (`phone 0412 345 678 0413 456 789`: `0412 345 678 0413`, a trunk-led group after eight digits
 * or more): one marker covers both, so that no part of the second number stays.
 */
function withNextNumber(match: string, marker: string, text: string, start: number): Rewrite {
  const cut = NEXT_NUMBER_STARTED.exec(match);
  if (cut === null || countDigits(cut[1]!) < 8) return marker;
  const rest = NEXT_NUMBER_REST.exec(text.slice(start + match.length, start + match.length + 24));
  return { text: marker, kind: "phone", length: match.length + (rest === null ? 0 : rest[0].length) };
}
/** A grouping whose last group, trunk-led, starts another number (`0412 345 678 0413`): the digits before it. */
const NEXT_NUMBER_STARTED = /^(.*\d)[ .-]0\d{1,4}$/;
/** The groups of that number after the shape read (` 456 789`), a sentence's `.` after them allowed. */
const NEXT_NUMBER_REST = /^(?:[ .-]\d{1,5}){1,3}(?![\w-]|\.\w)/;

/**
 * The most digits a national number may hold: 13 (`NATIONAL`'s run), 17 dialled abroad
 * (`0049 …`), and E.164's 15 under a phone's key or after its word (`msisdn=447911123456`,
 * `phone: 861381234567890`), where any grouping is the number.
 */
function mostNationalDigits(match: string, text: string, start: number, place: number): number {
  if (isDialledAbroad(match)) return 17;
  return countDigits(match) > 13 && isUnderPhoneKey(text, start, place) ? 15 : 13;
}

/**
 * What names the number after `before` a contact's: `"named"` a contact's word before its `:` or
 * `=` (`Kontakt: `, `Contact=`) or a label of phone numbers (`PHONE_NUMBERS_LABEL_BEFORE`), which
 * say a phone follows; `"contacts"` a plural or a list's contact word (`Contacts: `, `Kontakte:`,
 * `Kontaktliste:`), before a count as often (`isCountOfContacts`); `"word"` a contact's word alone
 * (`Kontakt 030 123456 Mal`); undefined for none (`CONTACT_BEFORE`).
 */
function contactLabelOf(before: string): "named" | "contacts" | "word" | undefined {
  if (PHONE_NUMBERS_LABEL_BEFORE.test(before)) return "named";
  if (!CONTACT_BEFORE.test(before)) return undefined;
  if (PLURAL_CONTACT_BEFORE.test(before)) return "contacts";
  return LABEL_SEPARATOR_LAST.test(before) ? "named" : "word";
}
/** A contact word's plural or list (`CONTACT_BEFORE`'s), perhaps before its separator and a quote. */
const PLURAL_CONTACT_BEFORE = new RegExp(
  `(?:[Cc]ontacts|CONTACTS|[Cc]onta(?:c?)tos|CONTAC?TOS|[Kk]ontakt(?:e|liste)|KONTAKT(?:E|LISTE))(?:${LABEL_SEPARATOR})?[ \\t]*["']?$`,
);
/** A label's separator last (`LABEL_SEPARATOR`: perhaps before a line break), perhaps before blanks and a quote. */
const LABEL_SEPARATOR_LAST = new RegExp(`${LABEL_SEPARATOR}[ \\t]*["']?$`);

/**
 * Whether a number after a plural contact word (`contactLabelOf`: `Contacts: `, `Kontakte: `) is a
 * count of contacts: printed as a count is (digits, blanks, dots or commas between them; no trunk
 * `0`, no `+` and country code), alone (no list's joiner and another number after it), and in
 * thousands' groups (`912.345.678`, `612 345 678`) or before a word (`98765 43210 imported`, `…
 * gesamt`, `… (+3 today)`). `Contacts: 0171 2345678 imported`, `Contacts: +34 612 345 678` and
 * `Contacts: 612 345 678, 612 345 679` list phones.
 */
function isCountOfContacts(match: string, text: string, start: number): boolean {
  if (!COUNT_PRINTED.test(match)) return false;
  const end = start + match.length;
  const after = text.slice(end, end + COUNT_REACH);
  return !NEXT_LISTED_NUMBER.test(after) && (THOUSANDS_GROUPED.test(match) || WORD_AFTER.test(after));
}
/** Digits, blanks, dots or commas between them, the first digit no trunk `0`. */
const COUNT_PRINTED = /^[1-9]\d*(?:[ .,]\d+)*$/;
/** A count's thousands' groups (`612 345 678`, `912.345.678`, `1,234,567`). */
const THOUSANDS_GROUPED = /^\d{1,3}([ .,])\d{3}(?:\1\d{3})*$/;
/** A word or a bracketed number after a blank (` imported`, ` (+3 today)`). */
const WORD_AFTER = /^[ \t]+(?:[A-Za-z\u00C0-\u024F]|\(\+?\d)/;
/** A list's joiner and another number (`, 612 345 679`, ` / 0171 …`, ` oder 030 …`). */
const NEXT_LISTED_NUMBER = /^(?:[ \t]*(?:[,;|/&·]|--?|[–—])|[ \t]+(?:or|and|oder|und|et|ou|y|o|e)[ \t]+)[ \t]*\(?\+?\d/;

/**
 * Whether a number is dialled abroad from Europe: `00`, a country's code (perhaps after a blank:
 * `00 49`), a group apart, an E.164 number (`0049 171 2345678`), two to four digits longer than a national one.
 */
function isDialledAbroad(match: string): boolean {
  return DIALLED_ABROAD.test(match) && canBeE164Number(match.replace(NOT_DIGITS, "").slice(2));
}
const DIALLED_ABROAD = new RegExp(`^00 ?${CALLING_CODE}[ .-]\\d`);

/**
 * Whether a number a contact's word or a label of phone numbers names (`CONTACT_BEFORE`,
 * `PHONE_NUMBERS_LABEL_BEFORE`) is a plan's: printed as a German one, in that plan (`fitsGermanPlan`:
 * `Kontakt: 0171 2345678`, `01712345678`, `0049 171 2345678`; not `0815 123456`, `0100 123456`,
 * `0301 23456`), otherwise in groups and a plan's (`GROUPED_START`, `isNationalPlanNumber`, a run
 * of digits in a plan's groups too: `020 7946 0018`, `01 23 45 67 89`, `98765 43210`, `612 345
 * 678`); in a phone's shape with no
 * measure's unit or amount's currency after it (`0171 2345678 EUR`, `… Stück`), no digit group
 * after it, and where `counts` (no label's `:` says a phone follows: `Kontakt 030 123456 Mal`,
 * contacted so many times) no count's word (`isCountAfter`); after `Kontakt: ` a number in a
 * plan's groups is a phone whatever follows (`Kontakt: 030 1234567 Mo-Fr`).
 */
function isContactPlanNumber(match: string, text: string, start: number, counts: boolean): boolean {
  const german = fitsGermanPlan(match);
  if (german === false || (german === undefined && !(GROUPED_START.test(match) && isNationalPlanNumber(match, false)))) return false;
  const end = start + match.length;
  const after = text.slice(end, end + COUNT_REACH);
  // A digit group after it makes it part of a longer number (`Numbers: 612 345 678 901`).
  if (AMOUNT_AFTER.test(after) || (counts && isCountAfter(after)) || DIGIT_GROUP_AFTER.test(after)) return false;
  // India's mobile starts with a group of five, which `hasPhoneShape` reads as no area code.
  return german === true || isIndianMobile(match) ? !MEASURE_UNIT_AFTER.test(after) : hasPhoneShape(match, text, start);
}
/** A currency or a count's word after a number: an amount or a quantity (`0171 2345678 EUR`, `… Stück`, `… %`). */
const AMOUNT_AFTER = /^[ \t]*(?:EUR|Euro|€|USD|\$|CHF|GBP|£|Stück|Stk\.?|pcs|%)(?![A-Za-z\u00C0-\u00FF])/;

/**
 * Whether a national number after a list's joiner and a phone (`LastPhone.isListedBefore`) is the
 * list's next phone: a plan's number (`isNationalPlanNumber`, `isPolishLandline`, or one dialled abroad, `isDialledAbroad`: `tel 4155550132, 1733270400` and
 * `phone 415-867-5309, 123-456-7890` list an id), no unit or currency after it (`, 1733270400
 * ms`, `& 0171 2345679 Euro`; a count's word keeps no member of a phone's list: `Tel: 030 1234567
 * oder 030 7654321 mal anrufen`), printed
 * as the phone before (`printedAs`) or in its plan (`fitsPlanOf`: `415-555-0132, 2125550199`) or,
 * grouped, in a phone's shape (`hasPhoneShape`).
 */
function isLaterListedPhone(match: string, text: string, start: number, grouped: boolean): boolean {
  const end = start + match.length;
  const after = text.slice(end, end + COUNT_REACH);
  if (!(isNationalPlanNumber(match) || isPolishLandline(match) || isDialledAbroad(match)) || MEASURE_UNIT_AFTER.test(after) || AMOUNT_AFTER.test(after)) return false;
  return lastPhone.printedAlike(match) || lastPhone.fitsPlan(match) || (grouped && hasPhoneShape(match, text, start));
}

/**
 * Whether a number in a phone key's form value, decoded (`Place.DECODED_QUERY_VALUE`: `X, 8080 8443
 * 9090` of `?phone=X%2C+8080+8443+9090`), stands after a list's separator (`,`, `;`, `/`, `|`)
 * and is none a list of phones would hold (`isLaterListedPhone`): the form's later item is judged
 * as the same list read undecoded is, and a value redacted once stays as it is.
 */
function isUnlikeLaterFormItem(match: string, text: string, start: number, place: number, grouped: boolean): boolean {
  return (place & Place.DECODED_QUERY_VALUE) !== 0 && LIST_SEPARATOR.test(text.slice(0, start)) && !isLaterListedPhone(match, text, start, grouped);
}
/** A list's separator somewhere in a decoded form value before an item. */
const LIST_SEPARATOR = /[,;/|]/;

/**
 * Whether the value at `start` (`length` characters) is under a phone's key (`isUnderPhoneKey`)
 * or a later item of a list under one (`phones: +1 415 867 5309, +1 200 512 1234`; `listed`, the
 * next item after the key's phone: `phone: +1 415 867 5309 / +1 200 512 1234`): a key that says
 * phone makes any number its value, whatever the number's shape says.
 */
function isPhoneKeyValue(text: string, start: number, length: number, place: number, listed = false): boolean {
  return (
    isUnderPhoneKey(text, start, place) ||
    isLaterItemOfNamedList(phoneLists, text, start, length, isNamedListOfPhones) ||
    (listed && lastPhone.keyed)
  );
}

/**
 * A list's joiner between two phones: a `,`, `;` or `/`, or a word joining two (`or`, `and`,
 * German `oder`, `und`, `bzw.`, French `ou`, `et`, Spanish and Portuguese `o`, `y`, `e`, Polish `lub`), with
 * blanks, as text or a form writes them (`+`, `%20`, `%2C`): `call 415-867-5309 or
 * 212-555-0134`, `Tel. 0171 1234567 oder 0171 7654321`, `?phone=+1+415+867+5309,++1+212+555+0134`.
 */
const LIST_JOINER =
  /^(?:[ \t]|\+|%20)*(?:(?:[,;/]|%2[Cc]|%3[Bb]|%2[Ff]|%7[Cc])(?:[ \t]|\+|%20)*(?:(?:or|and|oder|und|bzw\.|ou|et|o|y|e|lub)(?:[ \t]|\+|%20)+)?|(?:or|and|oder|und|bzw\.|ou|et|o|y|e|lub)(?:[ \t]|\+|%20)+)$/i;
/** The most characters a joiner spans (`LIST_JOINER`: `%2C%20oder%20`). */
const LIST_JOINER_REACH = 16;
/** A blank in a joiner (`ALIKE_JOINER`), HTML's `&nbsp;` too. */
const JOINER_BLANK = "(?:[ \\t]|&nbsp;)";
/**
 * A joiner that sets apart other things as often as phones: a `|` or `||`, a `&` (HTML's `&amp;`
 * too) or a `·`, perhaps before a line break; one or two line breaks (as JSON text escapes them
 * too); a dash (`-`, `–`, `—`, `--`) or a `+` between blanks: `Tel: 030 1234567 - 030 1234568`,
 * `Kontakt: 0171 2345678 & 0171 2345679`, `phone: (415) 555-0132\n(415) 555-0199`. After a
 * phone, the next number is the list's only in that phone's numbering plan (`fitsPlanOf`): `Tel:
 * 030 1234567 | 200 OK`, `- 2026-12-05` and `| 2026120500` keep a status, a date and an id; a
 * next line opening with its own name (`rows: 123456`, `id=…`) holds no joiner alone and no member.
 */
const ALIKE_JOINER = new RegExp(
  `^(?:${JOINER_BLANK}*(?:\\|\\|?|&(?:amp;)?|·)${JOINER_BLANK}*${LINE_BREAK}?${JOINER_BLANK}*|${JOINER_BLANK}*${LINE_BREAK}{1,2}${JOINER_BLANK}*|${JOINER_BLANK}+(?:[-–—+]|--)${JOINER_BLANK}+)$`,
);

/**
 * The last phone the detector replaced in the scan under way: where it ends and how it is
 * printed. The scanner asks about candidates leftmost first, so a candidate after it and a list's
 * joiner (`LIST_JOINER`) is the next item of a list of phones: every phone of a list goes,
 * however the first was recognised (a phone's word, a key, its shape). Held with its text: a
 * value judged alone during the scan (an SQL parameter's, `sql-bound-parameter.ts`) is another
 * text. Reset after each scan (`scan-scope.ts`).
 */
class LastPhone {
  private scan = -1;
  private text = "";
  private end = -1;
  private printed = "";
  /** Whether the last phone was a phone key's value (`isPhoneKeyValue`), as its list's next items are. */
  keyed = false;

  constructor() {
    resetAfterEachScan(() => {
      this.scan = -1;
      this.text = "";
      this.printed = "";
      this.keyed = false;
    });
  }

  /** Notes that the phone `printed`, replaced in `text` up to `end` (a phone key's value when `keyed`), was the last in the scan under way. */
  replaced(text: string, end: number, printed: string, keyed: boolean): void {
    this.keyed = keyed;
    this.scan = currentScan();
    this.text = text;
    this.end = end;
    this.printed = printed;
  }

  /**
   * Whether a list's joiner, and nothing else, stands between the last phone in `text` and
   * `start`, where `match` starts: any of `LIST_JOINER`'s, or one of `ALIKE_JOINER`'s before a
   * number in the last phone's numbering plan (`fitsPlan`).
   */
  isListedBefore(text: string, start: number, match: string): boolean {
    if (this.scan !== currentScan() || this.text !== text || start <= this.end || start - this.end > LIST_JOINER_REACH) return false;
    const joiner = text.slice(this.end, start);
    return LIST_JOINER.test(joiner) || (ALIKE_JOINER.test(joiner) && this.fitsPlan(match));
  }

  /**
   * Whether the last phone in `text` ends at most `reach` characters before `start` and what
   * stands between is `gap`'s (`, Durchwahl -` before an extension's digits).
   */
  isFollowedBy(text: string, start: number, gap: RegExp, reach: number): boolean {
    if (this.scan !== currentScan() || this.text !== text || start < this.end || start - this.end > reach) return false;
    return gap.test(text.slice(this.end, start));
  }

  /** Whether `match` is in the numbering plan the last phone was in (`fitsPlanOf`): `030 7654321` after `+49 30 1234567`. */
  fitsPlan(match: string): boolean {
    return fitsPlanOf(this.printed, match);
  }

  /** Whether `match` is printed as the last phone was (`printedAs`): digits where digits are (`4155550132 or 4155550133`). */
  printedAlike(match: string): boolean {
    return printedAs(this.printed, match);
  }
}
const lastPhone = new LastPhone();

/** Whatever is no digit (`\D`), taken out of a number to leave its digits. */
const NOT_DIGITS = /\D/g;
/** A form-encoded international number in one group (`%2B14158675309`): a phone wherever it stands. */
const FORM_UNGROUPED = /^%2[Bb]\d+$/;
/**
 * A form-encoded number's last group of four digits or more, as a local number ends
 * (`%2B1+415+555+0132`, `%2B55+11+98765-4321`): sums, lists, ranges and dates a form's `+` joins
 * end in shorter groups (`%2B100+200+300`, `%2B10%20000%20000`, `%2B1+2024+05+01`).
 */
const FORM_LOCAL_NUMBER_END = /(?:^|\D)\d{4,}$/;
/** What ends a query value or a form's field after a number: its text's end, `&`, `#`, `;`, a quote or a blank. */
const VALUE_END = /^(?:$|[&#;"'\s])/;

/**
 * Whether an international number form-encoded in a URL query's value (`%2B` first, or `+`, `%20`,
 * `%28`/`%29` between its groups) is a phone's. In a form's value a literal `+` is a blank: one
 * first whose groups a `+` joins (`?ids=+1001+1002+1003`, `?q=+100+200+300+400`) reads as a list
 * of numbers, a phone's only under a phone's key (`?tel=+55+11+98765-4321`). Under a phone's key
 * (`phone`, `telefone`, `whatsapp`, `contato`: `isNamedPhone`, `CONTACT_BEFORE`,
 * `Place.PHONE_VALUE`) any is. Elsewhere none is under a thing's identifier's key (`?ids=`,
 * `order_ids`, `skus`: `isThingIdentifierValue`, `isThingIdPlace`; a reference's, `?ref=`, may
 * be a person's number) nor where its digits are no E.164 number (`canBeE164Number`:
 * `%2B100+200+3000`); after `%2B`, one group is a phone (`?q=%2B14158675309`); groups are when
 * they are a value's whole and end as a local number does (`FORM_LOCAL_NUMBER_END`,
 * `?customer_name=%2B1+415+555+0132`). A list's later item after a phone (`listed`: `%2C`, `,+`)
 * is judged so too, standing after its joiner rather than at the value's start, or printed as the
 * phone before it: `?phone=+1+415+867+5309%2C+8080+8443+9090` lists ports.
 */
function isFormEncodedPhone(match: string, text: string, start: number, place: number, listed = false): boolean {
  if (isUnderPhoneKey(text, start, place)) return true;
  if (isThingIdPlace(place, text, start, match.length) || isThingIdentifierValue(text, start)) return false;
  if (!canBeE164Number(match.replace(FORM_ESCAPES, "").replace(NOT_DIGITS, ""))) return false;
  if (FORM_UNGROUPED.test(match)) return true;
  const end = start + match.length;
  // A list's later item (`listed`) stands after its joiner, not at the value's start, and is judged by its groups alike.
  const whole = listed || ((start === 0 || text.charCodeAt(start - 1) === 61) /* = */ && VALUE_END.test(text.slice(end, end + 1)));
  if (!whole) return false;
  // A list's later item printed as the phone before it (`,++1+212+555+0134` after `+1+415+867+5309`) is its like.
  if (listed && lastPhone.printedAlike(match)) return true;
  // A literal `+` is a form's blank, but before a NANP number's full groups apart by `%20` it is the
  // number's, as a URL's serializer leaves it (`?ref=+1%20415%20867%205309`).
  return match.startsWith("%") ? FORM_LOCAL_NUMBER_END.test(match.replace(FORM_ESCAPES, " ")) : isNanpInFullGroups(match, isAccessLine(text, start, end));
}

/**
 * Whether the value at `start` is under a phone's key (`phone`, `telefone`, `whatsapp`, `contato`:
 * `Place.PHONE_VALUE`, `isNamedPhone`, `CONTACT_BEFORE`).
 */
function isUnderPhoneKey(text: string, start: number, place: number): boolean {
  return (place & Place.PHONE_VALUE) !== 0 || isNamedPhone(text, start) || CONTACT_BEFORE.test(text.slice(Math.max(0, start - 24), start));
}

/**
 * Whether a phone word names the list whose first item, `first` (up to its `,` or `;`), is at
 * `start`, grouped or not as that item is: after a verb, numbers in a row (`call 12345678
 * 23456789`) may be calls' ids; after a word asking for a plan's number, the first item must be
 * one (`isNamedPhoneNumber`: `Kontaktnummern: 1234567890, 1234567891` lists record ids).
 */
function isNamedListOfPhones(text: string, start: number, first: string): boolean {
  return isNamedPhoneNumber(first.trim(), text, start, !NUMBERS_IN_A_ROW.test(first));
}
/** Numbers of 8 digits or more in a row, perhaps several apart by blanks: the first item of a list of ungrouped numbers. */
const NUMBERS_IN_A_ROW = /^\d{8,}(?:[ \t\r\n]+\d{8,})*$/;

/** The reader of lists after a phone's name, whose later items are unnamed (`list-items.ts`). */
const phoneLists = new ListReader(isNumberListCharacter);

/** Whether an SQL column's name names a phone; a bulk insert asks for its columns on every row. */
const phoneColumns = new BoundedMemo<string, boolean>(256, (column) => namesPhone(nameWords(column)));
const namesPhoneColumn = (column: string): boolean => phoneColumns.get(column);

/** Whether the number at `start` is an identifier, as its key or the words before it say. */
function isIdentifier(text: string, start: number, length: number, place: number): boolean {
  return (place & Place.ID_VALUE) !== 0 || isThingIdPlace(place, text, start, length) || isIdValue(text, start) || isThingIdentifierValue(text, start);
}

function countDigits(text: string): number {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) digits++;
  }
  return digits;
}
