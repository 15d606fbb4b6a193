import { lazy } from "../../../../shared/lazy";
import { MoreEvidence } from "../evidence";
import { nameBefore, nameWords } from "../secret-names";
import { POLISH_SHORT_HEADS, POLISH_STREET_HEADS, STREET_FIELD_LAST_WORDS, STREET_HEADS, STREET_TYPES, addressObjectBefore, holdsStreetAddress, namesStreetAddress } from "../street-addresses";
import { caseless, type Detector } from "./detector";
import { REJOIN } from "../regex-join";
import { repeat } from "../regex-repeat";
import { UNQUOTED, nameFieldEquals, nameFieldSource, nameFieldValue, rewrittenNameField } from "./name-field";

/** The kind of a person's street address, found by its key (`key-rules.ts`) or in text. */
export const STREET_ADDRESS_KIND = "street_address";

/**
 * A capitalised word of a street's or a city's name (`Main`, `Pennsylvania`, `O'Farrell`, `São`),
 * hyphenated parts too (`Saint-Michel`, `Champs-Élysées`, `Aix-en-Provence`, `Karl-Marx`).
 */
const WORD = "[A-Z\\u00C0-\\u00DE][a-z\\u00DF-\\u00FF'’]*(?:-[A-Za-z\\u00C0-\\u00FF][a-z\\u00DF-\\u00FF'’]*)*";
/** A US state's or territory's USPS code (Publication 28, appendix B). */
const US_STATE =
  "A[KLRSZ]|C[AOT]|D[CE]|F[LM]|G[AU]|HI|I[ADLN]|K[SY]|LA|M[ADEINOPST]|N[CDEHJMVY]|O[HKR]|P[AR]|RI|S[CD]|T[NX]|UT|V[AIT]|W[AIVY]";
/** A UK postcode (`SW1A 2AA`, `M1 1AE`, `EC1A 1BB`). */
const UK_POSTCODE = "[A-Z]{1,2}\\d[A-Z\\d]? \\d[A-Z]{2}(?![\\w-])";
/**
 * What ends an address after its street line and makes it one whatever the street's words: a US
 * city, state and ZIP (`, Cupertino, CA 95014`, `, Austin TX 78701`, ` Cupertino CA 95014`:
 * `US_STATE`; the commas are often left out), or a UK town and postcode (`, London SW1A 2AA`,
 * `UK_POSTCODE`).
 */
const US_ZIP_TAIL = `,? ${WORD}(?: ${WORD}){0,2},? (?:${US_STATE}) \\d{5}(?:-\\d{4})?(?![\\w-])`;
const UK_TAIL = `,? (?:${WORD}(?: ${WORD}){0,2},? )?${UK_POSTCODE}`;
/** A rate's or a size's unit after a number, which makes it a measure (`20000 Kbps Street View`, `5 Mbit`, `3 Hz`, `2048 Bytes`). */
const UNIT = "(?:[KMGT]i?[Bb](?:ps|its?|ytes?)?|[KMGT]?Hz|Bytes?|Bits?)";
const NOT_A_UNIT = `(?! ${UNIT}(?![\\w'’-]))`;
/**
 * What a number after a street line counts or measures, capitalised as a town is: a unit
 * (`Main St 5, 2048 Bytes`) or a log's counted things (`Ring 4, 1000 Entries`, `1000 Einträge`).
 * A town's postal code is followed by none of them.
 */
const NOT_A_COUNTED_THING = `(?! (?:${UNIT}|Entries|Items|Records|Rows|Files|Requests|Messages|Events|Einträge|Dateien|Zeilen)(?![\\w'’-]))`;
/**
 * A continental postal code and its town after a street line (`, 10115 Berlin`, `, 75002 Paris`,
 * `, 1017 GC Amsterdam`, `, D-80331 München`, `, 60311 Frankfurt am Main`, `, 1250-146 Lisboa`):
 * four or five digits (a Dutch code's two letters, a Portuguese code's three digits, a country's
 * letter before a `-`) and one to three capitalised words, an Italian province's code after them
 * (`, 00184 Roma RM`, `, 20121 Milano (MI)`).
 */
const EU_POSTAL_TAIL =
  `,? (?:[A-Z]{1,2}-)?\\d{4,5}(?:-\\d{3}| [A-Z]{2})?${NOT_A_COUNTED_THING} ${WORD}(?:[ -](?:(?:am|an der|sur|en|de|del|di) )?${WORD}){0,2}(?![\\w'’-])(?: \\(?[A-Z]{2}\\)?(?![\\w'’-]))?`;
/**
 * A US or UK street line: a house number (`12`, `221B`), one to four words of the name (an
 * ordinal too, `5th`), a street type (`STREET_TYPES`), perhaps a quadrant (`NW`) and a unit
 * (`Apt 4B`); then, when present, `, City, ST` and a ZIP (`, Springfield, IL 62704`) or a UK
 * town and postcode (`, London SW1A 2AA`). Without a street type, a line is one only before a
 * city, state and ZIP (`1 Infinite Loop, Cupertino, CA 95014`, `US_ZIP_TAIL`). The number
 * stands alone: not a part of a version, a time, a path or an id (`v1.12 Main St`).
 */
/** A dwelling unit after a US or UK street line (`, Apt 4B`, ` Suite 200`, `, Unit #5`). */
const DWELLING_UNIT = `,? (?:Apt|Suite|Ste|Unit)\\.? ?#?\\w{1,6}`;
const US_LINE =
  `(?<![\\w.,:/#@-])\\d{1,6}[A-Z]?${NOT_A_UNIT}${repeat(` (?:${WORD}|\\d{1,3}(?:st|nd|rd|th))`, 1, 4)}(?: (?:${STREET_TYPES.join("|")})\\.?(?![\\w'’-])` +
  `(?: (?:[NS][EW]?|[EW])(?![\\w]))?(?:${DWELLING_UNIT}(?![\\w]))?` +
  `(?:${US_ZIP_TAIL}|, ${WORD}(?: ${WORD}){0,2}, [A-Z]{2}(?![\\w-])|${UK_TAIL})?|${US_ZIP_TAIL})`;
/** The small words inside a French, Italian, Spanish, Portuguese or Dutch street's name (`Rue de la Paix`, `Via dei Mille`). */
const NAME_PARTICLE = "(?:(?:de la|de|du|des|la|le|les|di|del|della|dei|degli|da|do|das|dos|van|der|den) )?(?:[dl]['’])?";
/** A street's words with their particles: one to four capitalised words or a king's numeral (`de la Paix`, `Mayor`, `Vittorio Emanuele II`). */
const STREET_NAME_WORDS = repeat(` ${NAME_PARTICLE}(?:${WORD}|[IVX]{2,4}(?![\\w'’-]))`, 1, 4);
/** A German house number (`5`, `12a`, `12-14`, `5/2`). */
const GERMAN_HOUSE_NUMBER = ` \\d{1,4}[a-zA-Z]?(?:[-/]\\d{1,4}[a-z]?)?`;
/**
 * A German, Austrian, Swiss or Dutch street's name and its house number: a street word as a
 * name's end or after a name's word, with a blank or a hyphen (`Hauptstraße 5`, `Berliner Str.
 * 12a`, `Kerkstraat 12`, `Karl-Marx-Straße 12`). Not `Ring 5` or `Platz 3` alone, nor the address's
 * label before it (`Lieferadresse Bahnhofstrasse 45`: the street is `Bahnhofstrasse 45`).
 */
const GERMAN_STREET =
  `(?:(?:(?![A-Z][a-z]*(?:adresse|nschrift) )${WORD} )?[A-Z\\u00C0-\\u00DE][a-z\\u00DF-\\u00FF-]+(?:stra(?:ß|ss)e|str\\.|weg|gasse|platz|allee|damm|ring|ufer|straat|laan|gracht|plein|kade)` +
  `|${WORD}[ -](?:Stra(?:ß|ss)e|Str\\.|Weg|Gasse|Platz|Allee|Straat|Laan|Gracht|Plein))${GERMAN_HOUSE_NUMBER}`;
/**
 * A German street named after a preposition and its house number (`Am Ring 3`, `Unter den Linden
 * 77`, `An der Alster 1`), which a step's or a day's count looks like (`Im Schritt 3`).
 */
const PREPOSITION_STREET =
  `(?:Am|Im|Zum|Zur|An (?:der|den|dem)|Auf (?:der|den|dem)|In (?:der|den)|Unter den|Hinter (?:der|dem)|Vor dem) ${WORD}(?: ${WORD})?${GERMAN_HOUSE_NUMBER}`;
/**
 * A continental street line before its postal code and town (`EU_POSTAL_TAIL`), which is its
 * evidence: a German, Austrian, Swiss or Dutch street and its number (`GERMAN_STREET`:
 * `Hauptstraße 5`, `Karl-Marx-Straße 12`, `Am Ring 3`; not `Ring 5` or `Platz 3` alone); a French
 * street word after the number (`12 Rue de la Paix`, `8 boulevard Saint-Michel`, `3 bis avenue
 * Foch`); an English street's type before the number (`Main St 5`, `Baker Street 221`); an Italian, Spanish, Catalan or Portuguese one before the name and its number (`Via Roma
 * 10`, `Corso Vittorio Emanuele II 15`, `Calle Mayor 5`, `Avenida da Liberdade 110`). Without the postal code and town these stay
 * (`Via Kafka 2`, `12 Place holders`): no such word alone is enough.
 */
const EU_LINE =
  `(?<![\\w.,:/#@-])(?:${GERMAN_STREET}` +
  // An English street's type before its house number, as a continental address writes it (`Main St 5, 10115 Berlin`).
  `|${WORD}(?: ${WORD}){0,2} (?:${STREET_TYPES.join("|")})\\.?(?![\\w'’-])${GERMAN_HOUSE_NUMBER}` +
  `|\\d{1,4}(?: ?(?:bis|ter))?,? (?:[Rr]ue|[Aa]venue|[Bb]oulevard|[Bb]d|[Cc]hemin|[Pp]lace|[Aa]ll[ée]e|[Ii]mpasse|[Qq]uai|[Rr]oute|[Cc]ours)${STREET_NAME_WORDS}` +
  `|(?:Via|Viale|Piazza|Corso|Calle|Avenida|Av\\.|Paseo|Plaza|Carrer|Rua|Rue|Avenue)${STREET_NAME_WORDS},? (?:n[º°o]\\.? ?)?\\d{1,4}[a-zA-Z]?)${REJOIN}` +
  EU_POSTAL_TAIL;
/**
 * A Brazilian city, its state's code and perhaps the CEP after a street line (`, São Paulo - SP,
 * 01310-100`, `, Rio de Janeiro/RJ`), or the CEP alone (`, 01310-100`).
 */
const BR_TAIL =
  `(?:,? ${WORD}(?: (?:d[aoe]s? )?${WORD}){0,3} ?[-–/] ?[A-Z]{2}(?![\\w-])(?:,? (?:CEP:? ?)?\\d{5}-?\\d{3}(?![\\w-]))?` +
  `|,? (?:CEP:? ?)?\\d{5}-\\d{3}(?![\\w-]))`;
/**
 * A Brazilian or Spanish street line: the street's word (`STREET_HEADS`), its name's words with
 * their small words (`das`, `de`, `del`), and the house number after it, perhaps after a comma
 * and `nº` (`Rua das Flores, 123`, `Av. Paulista, 1000`, `Calle Mayor 5`).
 */
const BR_LINE =
  `(?<![\\w.-])(?:${STREET_HEADS.join("|")}) (?:(?:d[aoe]s?|del?|la) )?${WORD}(?: (?:(?:d[aoe]s?|del?|la|e|y) )?${WORD}){0,4}` +
  `,? (?:n[º°o]\\.? ?)?\\d{1,6}(?!\\w|[.,]\\d)${BR_TAIL}?`;
/** A capitalised Polish word (`Marszałkowska`, `Łódź`, `Tysiąclecia`), hyphenated parts too (`Bielsko-Biała`). */
const POLISH_WORD =
  "[A-Z\\u00C0-\\u00DE\\u0104\\u0106\\u0118\\u0141\\u0143\\u015A\\u0179\\u017B][a-z\\u00DF-\\u00FF\\u0105\\u0107\\u0119\\u0142\\u0144\\u015B\\u017A\\u017C]*" +
  "(?:-[A-Z\\u00C0-\\u00DE\\u0104\\u0106\\u0118\\u0141\\u0143\\u015A\\u0179\\u017B][a-z\\u00DF-\\u00FF\\u0105\\u0107\\u0119\\u0142\\u0144\\u015B\\u017A\\u017C]*)*";
/** Poland's postal code and its town after a street line (`, 00-514 Warszawa`, `, 43-300 Bielsko-Biała`). */
const POLISH_POSTAL_TAIL = `,? \\d\\d-\\d{3} ${POLISH_WORD}(?: ${POLISH_WORD}){0,2}(?![\\w'’-])`;
/**
 * A Polish street line: its head word (`POLISH_STREET_HEADS`), the street's name (perhaps a date's
 * day first, `3 Maja`; a pope's numeral, `Jana Pawła II`), the house number and perhaps the flat
 * (`12/4`, `12 m. 4`), then its postal code and town. `al.`, `os.` and `pl.` are other words'
 * abbreviations too (`et al. Nature 2019`): after them only a line with its postal code is one.
 */
const POLISH_STREET =
  `(?:\\d{1,2} )?${POLISH_WORD}(?: (?:${POLISH_WORD}|[IVX]{2,4}(?![\\w]))){0,3}` +
  ` \\d{1,4}[a-zA-Z]?(?:/\\d{1,4}[a-zA-Z]?| (?:m|lok)\\. ?\\d{1,4})?(?!\\w|[.,/]\\d)`;
const PL_LINE =
  `(?<![\\w.-])(?:(?:${POLISH_STREET_HEADS.join("|")}) ?${POLISH_STREET}(?:${POLISH_POSTAL_TAIL})?` +
  `|(?:${POLISH_SHORT_HEADS.join("|")}) ?${POLISH_STREET}${POLISH_POSTAL_TAIL})`;
/**
 * A German or Austrian line written postal code first (`10115 Berlin, Invalidenstraße 117`,
 * `D-80331 München, Marienplatz 8`): the code, its town and the street line (`GERMAN_STREET`).
 */
const POSTAL_CODE_FIRST =
  `(?<![\\w.,:/#@-])(?:[A-Z]{1,2}-)?\\d{4,5} ${WORD}(?: ${WORD})?, (?:${GERMAN_STREET}|${PREPOSITION_STREET})(?![\\w'’-])`;
/** `POSTAL_CODE_FIRST`, whole. */
const POSTAL_CODE_FIRST_LINE = lazy(() => new RegExp(`^${POSTAL_CODE_FIRST}$`));
/**
 * A street's name without a street's word, its number, and a postal code and town (`Damrak 1,
 * 1012 LG Amsterdam`, `Kalverstraat` is `EU_LINE`'s), or one after a preposition (`Am Ring 3,
 * 50667 Köln`, `PREPOSITION_STREET`): one only after an address's word (`BARE_LINE_CONTEXT_BEFORE`),
 * since a count's word and its number look the same (`Ring 4, 2048 Bytes`, `Im Schritt 3, 1000
 * Einträge verarbeitet`); a preposition's street after a `,` too when nothing lower-case follows
 * its town (`Kunde Max Mustermann, Am Ring 3, 50667 Köln`: a list's part, an address's end).
 */
const BARE_LINE = `(?<![\\w.,:/#@-])(?:${PREPOSITION_STREET}|${WORD} \\d{1,4}[a-zA-Z]?)${EU_POSTAL_TAIL}`;
/** `BARE_LINE` with a preposition's street, whole. */
const PREPOSITION_LINE = lazy(() => new RegExp(`^${PREPOSITION_STREET}${EU_POSTAL_TAIL}$`));
/** The lines whose words or postal code first are their evidence, whole (`BARE_LINE` is not). */
const WORDED_LINE = lazy(() => new RegExp(`^(?:${EU_LINE}|${BR_LINE}|${PL_LINE})$`));
/**
 * A word introducing an address, in the supported languages, perhaps with its preposition
 * (`Adres:`, `bezorgen op`, `Lieferung an`, `livraison :`, `entrega em`, `ship to`).
 */
const BARE_LINE_CONTEXT_BEFORE = lazy(() => new RegExp(String.raw`(?<![\p{L}])(?:addr\p{L}*|adres\p{L}*|anschrift|liefer\p{L}*|zustell\p{L}*|livr\p{L}*|entreg\p{L}*|envi\p{L}*|env\u00edo|sped\p{L}*|indirizzo|direcci\p{L}*|endere\p{L}*|bezorg\p{L}*|verzend\p{L}*|ship\p{L}*|deliver\p{L}*|located|lives)(?:[ \t]+(?:to|at|op|aan|an|bei|\u00e0|au|a|em|en|na|no))?[ \t]*:?[ \t]*$`, "iu"));

/**
 * What a US street line must follow to be one: the start of the text or a line, a value's quote
 * or bracket, a field's `:` or `=`, a list's `,` or `;`, or a word leading to an address (`ship
 * to`, `lives at`, `located in`, `address`). A number after any other word is that word's count
 * (`retry 3 Main Street`, `processed 12 Orders Way`): the line stays.
 */
const LINE_CONTEXT_BEFORE = lazy(() => new RegExp(String.raw`(?:^|[\n"'${"`"}(\[{:=,;>|]|(?<![\p{L}])(?:to|at|on|from|in|near|via|address|addr|street|ship|shipped|shipping|deliver|delivered|delivery|located|lives|live|billing|mailing|home|dest|destination)[ \t]*:?)[ \t]*$`, "iu"));
/**
 * What may follow a US street line in prose and leave it one: the text's or a sentence's end, a
 * punctuation mark, a capitalised word, or a lower-case word that joins the sentence (`to 12 Main
 * St today`, `at 12 Main St in Springfield`). Any other lower-case word makes the line a phrase
 * whose number is a count (`retry to 2 Main St replicas`, `rolled out to 3 Main Street stores`,
 * `upgraded from 2 Park Ave plan`): it stays. A quadrant, a unit or a city after the type ends the line.
 */
const LINE_CONTEXT_AFTER = lazy(() => /^(?![ \t]+[a-z])|^[ \t]+(?:and|or|but|in|on|at|near|by|for|from|to|with|until|before|after|since|today|tomorrow|yesterday|tonight|now|then|was|is|has|had|please|via|apt|suite|ste|unit|floor|fl|room|rm)(?![\w'’-])/);
/** A line ending with its street's type (no quadrant, unit or city after it), which `LINE_CONTEXT_AFTER` then reads. */
const ENDS_WITH_TYPE = new RegExp(`(?:${STREET_TYPES.join("|")})\\.?$`);
/** A line that ends with a postal code and its town (`US_ZIP_TAIL`, `UK_TAIL`, `EU_POSTAL_TAIL`, captured: `EU_LINE`'s). */
const ENDS_WITH_POSTAL_CODE = lazy(() => new RegExp(`(?:${US_ZIP_TAIL}|${UK_TAIL}|(${EU_POSTAL_TAIL}))$`));
/**
 * A US or UK line's end with its town: its street's type, a quadrant or a unit after it, then
 * its city, state and ZIP or its town and postcode (`10 Downing Street, London SW1A 2AA`,
 * `221B Baker Street, NW1 6XE`, `1600 Pennsylvania Avenue NW, Washington, DC 20500`).
 */
const TYPED_LINE_END = lazy(
  () =>
    new RegExp(
      `(?:${STREET_TYPES.join("|")})\\.?(?: (?:[NS][EW]?|[EW]))?(?:${DWELLING_UNIT})?(?:${US_ZIP_TAIL}|${UK_TAIL})$`,
    ),
);
/** A US line's city set off by commas before its state and ZIP (`, Cupertino, CA 95014`). */
const CITY_IN_COMMAS = /, [^,]+, [A-Z]{2} \d{5}(?:-\d{4})?$/;
/** How far before a line its context is read. */
const CONTEXT_REACH = 32;

/**
 * A person's street address in free text (GDPR: a postal address identifies a home), in two forms:
 *
 * - a field (`name-field.ts`, shared with the person and card holder name fields): a JSON member,
 *   an inspect-style object's member or a `name=value` field under a key naming a street address
 *   (`namesStreetAddress`: `{"street":"12 Main St"}`, `address: { street: '12 Main St' }`,
 *   `street_address="12 Main St"`, `"endereco":"Rua das Flores, 123"`), judged as the key rule
 *   judges its value (`holdsStreetAddress`: under a bare `address` only a street's shape). A
 *   `line1`/`line2` is one inside an address's object (`"address":{"line1":…}`:
 *   `addressObjectBefore`). A JSON member kept by its path stays (`fieldValue`);
 * - a street line without a key (`US_LINE`: `12 Main St`, `1600 Pennsylvania Avenue NW`, `221B
 *   Baker Street`, with `, Springfield, IL 62704` when it follows; `BR_LINE`: `Rua das Flores,
 *   123`, `Av. Paulista, 1000`): a number, capitalised words and a street's word, so that `Main
 *   St` without a number, `Street Fighter 2`, `line 12 Main` and `3 ms Way` stay; a US line only
 *   where an address is written (`LINE_CONTEXT_BEFORE`): after another word its number is that
 *   word's count (`retry 3 Main Street`, `processed 12 Orders Way`);
 * - a continental line before its postal code and town (`EU_LINE`: `Hauptstraße 5, 10115 Berlin`),
 *   one written postal code first (`POSTAL_CODE_FIRST`), and a name without a street's word
 *   after an address's word (`BARE_LINE`: `bezorgen op Damrak 1, 1012 LG Amsterdam`). Each line
 *   takes its town, state and postal code (`US_ZIP_TAIL`, `UK_TAIL`, `EU_POSTAL_TAIL`, `BR_TAIL`),
 *   so does a field's unquoted value (`COLON_UNQUOTED`). Lines are read in English, German,
 *   Dutch, French, Italian, Spanish, Portuguese and Polish (`PL_LINE`: `ul. Marszałkowska 84,
 *   00-514 Warszawa`).
 *
 * A server's, a network's, a mailbox's or a wallet's address stays (`server.address`,
 * `mac_address`, `bind_address: 0.0.0.0:8080`, `0x7ffd…`): no street's word or shape. A city
 * alone (`geo.locality.name`) is no street address: `geoPrecision` decides it.
 */
/**
 * An unquoted value after `:` under a street's key (`street: Hauptstraße 5`, YAML's `line1: 742
 * Evergreen Terrace`, `address: 1600 Amphitheatre Parkway`): up to the line's end, a `;`, `|`,
 * ` - `, a quote or a bracket, the next `name=` field (`complemento: apto 42 cidade=SP`), or a `,`
 * not before a house number (`Flores, 123` is one street), with the town, state and postal code
 * after it (`address: Flat 3, 22 Baker Street, London NW1 6XE`); the blanks after it are not its own. The key decides as it does for an attribute
 * (`holdsStreetAddress`). A US or BR line there is the prose forms' (`Address: 350 5th Ave, New
 * York, NY 10118` goes with its city and ZIP, `Endereço: Rua Augusta, 1500 - CEP …` up to its number).
 */
const COLON_UNQUOTED =
  `:(?!=)(?<=(?:${STREET_FIELD_LAST_WORDS.map(caseless).join("|")})[ \\t]*:)[ \\t]+(?!${US_LINE}|${BR_LINE})` +
  `[^\\s"'{\\[<>](?:(?! - |[ \\t][\\w.-]+=)[^\\n\\r;"'<>{}=:,|]|,(?= ?(?:n[º°o]\\.? ?)?\\d{1,6}(?![\\w.])))*(?<=\\S)(?:${US_ZIP_TAIL}|${UK_TAIL}|${EU_POSTAL_TAIL}|${BR_TAIL})?`;
/**
 * A form-encoded field named with brackets, as Stripe's API and PHP read them
 * (`address[line1]=354+Oyster+Point+Blvd`, `shipping[address][line1]=…`): the value up to `&`.
 */
const BRACKETED_FORM_FIELD = `=(?<=\\[(?:line_?[12]|address_?[12]?|street)\\]=)[^\\s&;"'<>]+`;
/** A bracketed form field's name before `end` (`shipping[address][line1]`), as words. */
function bracketedNameWords(text: string, end: number): readonly string[] {
  const name = /[\w.\[\]-]{1,96}$/.exec(text.slice(Math.max(0, end - 96), end));
  return name === null ? [] : nameWords(name[0].replace(/[[\]]+/g, "."));
}

/**
 * An unquoted `name=value` street field (`shipping_address=Rua Augusta 1500`, `address_line1=Rua
 * Augusta, 1500`): the name field's value (`UNQUOTED`: a word and the capitalised words after it)
 * with the house number after them, perhaps after a `,` (`, 1500`, `, nº 1500`, `221B`), and a dwelling unit
 * (`742 Evergreen Terrace, Apt 4`: `DWELLING_UNIT`), which is no key (`=` or `:` after it). Tried before the name field's forms, which would stop before it;
 * its `=` is theirs (`nameFieldEquals`): `street = Rua Augusta, 1500` takes its number as `street=…` does.
 */
const EQUALS_WITH_NUMBER =
  `${nameFieldEquals(STREET_FIELD_LAST_WORDS.map(caseless).join("|"))}${UNQUOTED}` +
  `(?:,? (?:n[º°o]\\.? ?)?\\d{1,6}[A-Za-z]?(?:${DWELLING_UNIT})?|${DWELLING_UNIT})(?![\\w.-]*[=:]|[\\w.-])`;

/**
 * A street line read as text (`EU_LINE`, `US_LINE`, … as the detector's source orders them), from
 * where it is set (sticky): a field's unquoted value starting one is asked of it
 * (`yieldsToLine`).
 */
const LINE_AT = lazy(() => new RegExp(`${EU_LINE}|${US_LINE}|${BR_LINE}|${PL_LINE}|${POSTAL_CODE_FIRST}|${BARE_LINE}`, "y"));

/**
 * Whether the name field's `match` at `start` in `text` leaves its unquoted value to a longer
 * street line starting there that the detector takes as text (`address = 742 Evergreen Terrace,
 * Springfield, IL 62704`, `address=5 Rue de la Paix, 75002 Paris`, a street under a person's
 * field: `full_name = Av. Paulista, 1000`): the field's value stops at its words (`UNQUOTED`),
 * the line goes on to its city and postal code, and the scan finds it at the value next. A
 * quoted value is read whole, a line running into the next key (`KEY_GLUED_AFTER`) is none.
 */
export function yieldsToLine(match: string, text: string, start: number): boolean {
  const [offset, length] = nameFieldValue(match);
  if (length !== match.length - offset) return false;
  const line = LINE_AT();
  line.lastIndex = start + offset;
  const found = line.exec(text);
  if (found === null || found[0].length <= length) return false;
  KEY_GLUED_AFTER.lastIndex = line.lastIndex;
  return !KEY_GLUED_AFTER.test(text) && streetAddressDetector.rewrite!(found[0], "", text, start + offset, 0) !== undefined;
}

/** A next key glued to where a line ends (`Rua Augusta 3=1`: the `3` is the key's, as `EQUALS_WITH_NUMBER` reads it). */
const KEY_GLUED_AFTER = /[\w.-]{0,64}[=:]/y;

export const streetAddressDetector: Detector = {
  kind: STREET_ADDRESS_KIND,
  source: `${EQUALS_WITH_NUMBER}|${nameFieldSource(STREET_FIELD_LAST_WORDS)}|${COLON_UNQUOTED}|${BRACKETED_FORM_FIELD}|${EU_LINE}|${US_LINE}|${BR_LINE}|${PL_LINE}|${POSTAL_CODE_FIRST}|${BARE_LINE}`,
  evidence: 0,
  moreEvidence: MoreEvidence.STREET_ADDRESS,
  fieldValue: nameFieldValue,
  rewrite: (match, marker, text, start) => {
    const separator = match.charCodeAt(0);
    if (separator !== 58 /* : */ && separator !== 61 /* = */) {
      if (separator > 57 /* a street's head word */) {
        if (WORDED_LINE().test(match)) return marker;
        const before = text.slice(Math.max(0, start - CONTEXT_REACH), start);
        if (BARE_LINE_CONTEXT_BEFORE().test(before)) return marker;
        const listed = /,[ \t]*$/.test(before) && !/^[ \t]+[a-z]/.test(text.slice(start + match.length, start + match.length + 2));
        return listed && PREPOSITION_LINE().test(match) ? marker : undefined;
      }
      if (POSTAL_CODE_FIRST_LINE().test(match)) return marker;
      const before = text.slice(Math.max(0, start - CONTEXT_REACH), start);
      const context = LINE_CONTEXT_BEFORE().test(before);
      // A postal code and its town after a continental line or one ending with its street's
      // type are evidence enough; a line without a type needs a place an address is written
      // too (`Deliver to: 1 Infinite Loop, Cupertino, CA 95014`; `node 3 Way Handshake, Timeout, OK 30000` stays),
      // and its city set off by commas unless an address's word leads it (`ship to 1 Infinite Loop
      // Cupertino CA 95014`; `3 Nodes Dallas TX 75201` stays).
      const tail = ENDS_WITH_POSTAL_CODE().exec(match);
      if (tail !== null) {
        if (tail[1] !== undefined || TYPED_LINE_END().test(match)) return marker;
        return context && (CITY_IN_COMMAS.test(match) || BARE_LINE_CONTEXT_BEFORE().test(before)) ? marker : undefined;
      }
      const phrase = ENDS_WITH_TYPE.test(match) && !LINE_CONTEXT_AFTER().test(text.slice(start + match.length, start + match.length + 16));
      return context && !phrase ? marker : undefined;
    }
    const bracketed = text.charCodeAt(start - 1) === 93; /* ] */
    const name = bracketed ? "" : nameBefore(text, start);
    const words = bracketed ? bracketedNameWords(text, start) : nameWords(name);
    let field = namesStreetAddress(words);
    // A bare `line1` is an address's line only inside an address's object.
    if (field === undefined && words.length === 1 && /^line[12]$/.test(words[0]!) && addressObjectBefore(text, text.lastIndexOf(name, start))) {
      field = "named";
    }
    if (field === undefined || yieldsToLine(match, text, start)) return undefined;
    const judged = field;
    return rewrittenNameField(match, marker, text, start, (value) => holdsStreetAddress(value, judged));
  },
};
