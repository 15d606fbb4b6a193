/**
 * Whether `after`, the text right after a national number (a phone's or a document's), starts
 * with a word only a count or a measure has after it: `times`, `x`, German `Mal` (capitalised: the
 * noun; lower-case `mal` is the particle "just"), `rows`, `records`, `entries`, `Zeilen`,
 * `Einträge`, `Datensätze`, French `fois`, `lignes`, `enregistrements`, `octets`, a byte unit
 * (`bytes`, `KB`, `MiB`, `GB`; French `Ko`/`Mo`/`Go`/`To` only before a word saying how much of it
 * is free or used, `Go libres`: alone they read `Mo` Monday, `To:` and `Go live` as often), `%`,
 * an angle's unit (`rad`, `degrees`, `°`). The number says how many or how much (`Kontakt 030
 * 123456 Mal`, `NAS 046 454 286 Go libres`, `NHS: 1234567881 records synced`), no line's or
 * person's number. Words a log counts and names as often (`calls`, `users`, `messages`, `Treffer`,
 * `Versuche`, `hits`) and `deg` are no such word. Reads the first 24 characters (`COUNT_REACH`).
 */
export function isCountAfter(after: string): boolean {
  return COUNT_WORDS.test(after);
}
/** How much of the text after a number `isCountAfter` reads. */
export const COUNT_REACH = 24;

/** `isCountAfter`'s words, each ending before a letter or a digit. */
const COUNT_WORDS = new RegExp(
  String.raw`^[ \t]*(?:(?:times|x|Mal|rows?|records?|entries|Zeilen|Einträge|Datensätze|fois|lignes|enregistrements|octets|` +
    String.raw`bytes?|[KMGT]i?B|kB|%|rad|radians|degrees|°)(?![A-Za-z\u00C0-\u024F\d])|` +
    String.raw`[KMGT]o[ \t]+(?:libres?|disponibles?|utilisée?s?|occupée?s?|restante?s?)(?![A-Za-z\u00C0-\u024F]))`,
);
