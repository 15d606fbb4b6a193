import { AMOUNT_AFTER } from "./thing-words";

/**
 * Whether `after`, the text right after a national number (a phone's or a document's), starts
 * with a count's or a measure's word: `thing-words.ts`'s `AMOUNT_AFTER` (`rows`, `records`,
 * `times`, `bytes`, `GB`, `ms`, `%`), German `Mal`/`mal`, `Zeilen`, `Einträge`, `Datensätze`,
 * French `fois`, `lignes` and its byte units `Ko`/`Mo`/`Go`/`To`, a log's counted things (`calls`,
 * `requests`, `errors`), an angle's unit (`rad`, `deg`, `°`): the number says how many or how
 * much (`Kontakt 030 123456 Mal`, `NAS 046 454 286 Go libres`, `NHS: 123 456 7881 records`), no
 * line's or person's number. Reads the first 24 characters (`COUNT_REACH`).
 */
export function isCountAfter(after: string): boolean {
  return AMOUNT_AFTER.test(after) || MORE_COUNT_WORDS.test(after);
}
/** How much of the text after a number `isCountAfter` reads. */
export const COUNT_REACH = 24;

/** The count's and unit's words `AMOUNT_AFTER` does not hold; French byte units in their own case only (`Go`, not `go`). */
const MORE_COUNT_WORDS = new RegExp(
  String.raw`^[ \t]*(?:[Mm]al|MAL|Zeilen?|Einträge|Datensätze|Dateien|Treffer|Versuche|Aufrufe|Anrufe|fois|lignes?|enregistrements?|octets|[KMGT]o|` +
    String.raw`calls|users|requests|events|messages|errors|results|attempts|retries|hits|rad|radians?|deg|degrees?|°)(?![\p{L}\d])`,
  "u",
);
