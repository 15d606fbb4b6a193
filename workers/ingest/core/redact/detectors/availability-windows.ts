import { upTo } from "../regex-repeat";

/**
 * The words of an availability window, as a callback note writes one between its callback word
 * and the number (`erreichbar von 9-17 Uhr unter …`, `Rückruf, tagsüber unter …`, `joignable
 * entre 9h et 18h au …`, `call me back between 9 and 5 on …`, `llámenos de 9 a 18 al …`): hours
 * and their ranges, parts of the day, days and their ranges, in German, English, French, Spanish,
 * Portuguese and Italian. Nothing else: a ticket's, an invoice's or a reminder's words between
 * (`Rückruf zu Ticket …`, `Rappel : votre facture est due au …`) are no window. Regex sources,
 * read with the `i` flag (`detectors/phone.ts`).
 */

/** A letter after a word, which would make it longer (`2 hours` holds no `2 h`). */
const WORD_END = "(?![A-Za-z\\u00C0-\\u00FF])";
/** An hour's unit: `Uhr`, `h`, `hs`, `horas`, `am`, `pm`, `a.m.`. */
const UNIT = `(?:uhr|horas|hs|h|[ap]\\.?m\\.?)${WORD_END}`;
/** An hour of the clock: `9`, `17 Uhr`, `9h`, `18h30`, `9:30`, `5pm`, `9 a.m.`, `las 9`, `le 18`. */
const HOUR = `(?:(?:las|los|les|le|the)\\s+)?\\d{1,2}(?:[:.h]\\d{2}|h${WORD_END})?(?:\\s?${UNIT})?`;
/** An hour a unit or minutes mark as one (`17 Uhr`, `9h`, `9:30`, `5pm`), which needs no opener. */
const MARKED_HOUR = `\\d{1,2}(?:(?:[:.h]\\d{2}|h${WORD_END})(?:\\s?${UNIT})?|\\s?${UNIT})`;
/**
 * What opens a range, a bound or a point of hours (`von`, `between`, `entre`, `à partir de`,
 * `dalle`; `um`, `gegen`, `at`, `around`, `vers`, `a las`, `às`, `alle`: `um 14 Uhr`, `at 5pm`,
 * `vers 15h`, `a las 9`).
 */
const HOUR_OPENER = [
  "von", "ab", "bis", "zwischen", "nach", "vor", "um", "gegen",
  "from", "between", "after", "before", "until", "till", "at", "around", "about",
  "entre", "de", "des", "dès", "à\\s+partir\\s+de", "après", "avant", "jusqu'à", "vers", "à",
  "desde", "hasta", "a\\s+partir\\s+de", "a(?=\\s+las\\s)", "das", "às", "dalle", "alle", "tra", "fra",
].join("|");
/** What joins a range's two hours (`-`, `bis`, `and`, `et`, `à`, `a`, `y`, `às`, `e`, `alle`). */
const HOUR_JOINER = "(?:\\s*[-–/]\\s*|\\s+(?:bis|und|to|and|till|until|et|à|a|y|hasta|às|as|e|alle)\\s+)";
/** A bound or a range of hours after an opener (`von 9-17 Uhr`, `between 9 and 5`), a range (`9-17 Uhr`), or a marked hour (`17 Uhr`). */
const HOURS = `(?:(?:${HOUR_OPENER})\\s+${HOUR}(?:${HOUR_JOINER}${HOUR})?|${HOUR}${HOUR_JOINER}${HOUR}|${MARKED_HOUR})`;

/** The days' names (`Montag`, `montags`, `Monday`, `lundi`, `lunes`, `segunda`, `lunedì`). */
const DAY = [
  "montags?", "dienstags?", "mittwochs?", "donnerstags?", "freitags?", "samstags?", "sonntags?",
  "mondays?", "tuesdays?", "wednesdays?", "thursdays?", "fridays?", "saturdays?", "sundays?",
  "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
  "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
  "segunda(?:-feira)?", "terça(?:-feira)?", "quarta(?:-feira)?", "quinta(?:-feira)?", "sexta(?:-feira)?",
  "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
].join("|");
/** The days' short forms (`Mo`, `Fr`, `Mon`, `Fri`), words of other things alone (`so`, `do`, `mi`): read only in a range. */
const SHORT_DAY = "mo|di|mi|do|fr|sa|so|mon|tue|wed|thu|fri|sat|sun";
/** A day or a range of days (`Montag`, `du lundi au vendredi`, `de lunes a viernes`, `Mo-Fr`, `Mo.–Fr.`, `Mon-Fri`). */
const DAYS =
  `(?:(?:(?:am|du|de|from|von|on)\\s+)?(?:${DAY})(?:(?:\\s*[-–]\\s*|\\s+(?:au|a|to|bis)\\s+)(?:${DAY}))?` +
  `|(?:${SHORT_DAY})\\.?\\s*[-–]\\s*(?:${SHORT_DAY})\\.?)`;

/** Parts of the day and days said in words (`tagsüber`, `morgens`, `heute`, `in the morning`, `le matin`, `por la tarde`, `pela manhã`). */
const DAY_PART = [
  "tagsüber", "morgens", "vormittags", "mittags", "nachmittags", "abends", "werktags", "wochentags", "ganztags", "jederzeit",
  "heute(?:\\s+(?:vormittag|nachmittag|abend))?", "morgen(?:\\s+früh)?", "übermorgen", "am\\s+(?:vormittag|nachmittag|abend)",
  "today", "tomorrow", "tonight", "mornings", "afternoons", "evenings", "weekdays", "anytime", "during\\s+the\\s+day",
  "(?:in\\s+the|this|tomorrow)\\s+(?:morning|afternoon|evening)", "on\\s+weekdays",
  "demain(?:\\s+(?:matin|après-midi|soir))?", "aujourd'hui", "ce\\s+(?:matin|soir)", "cet\\s+après-midi",
  "(?:le|l')\\s*(?:matin|après-midi|soir)", "en\\s+(?:semaine|journée|matinée|soirée)",
  "hoy", "mañana", "por\\s+la\\s+(?:mañana|tarde|noche)", "entre\\s+semana",
  "hoje", "amanhã", "pela\\s+manhã", "à\\s+(?:tarde|noite)", "de\\s+manhã", "em\\s+dias\\s+úteis", "dias\\s+úteis",
  "oggi", "domani", "di\\s+mattina", "(?:il|nel)\\s+pomeriggio", "la\\s+sera", "in\\s+mattinata",
].join("|");

/** A time zone after the hours (`ET`, `CET`, `MEZ`, `UTC`). */
const TIME_ZONE = "(?:\\s+(?:ET|EST|EDT|CT|CST|CDT|PT|PST|PDT|CET|CEST|MEZ|MESZ|UTC|GMT))?";
/** One item of a window: hours, days or a part of the day. */
const ITEM = `(?:${HOURS}|${DAYS}|${DAY_PART})${WORD_END}${TIME_ZONE}${WORD_END}`;
/** Between items: a blank, a comma, `und`/`and`/`et`/`y`/`e`/`oder`/`or`. */
const ITEM_SEPARATOR = "(?:\\s*,\\s*|\\s+(?:(?:und|and|et|y|e|oder|or|ou|o)\\s+)?)";

/**
 * An availability window: one to four items (`von 9-17 Uhr`, `tagsüber`, `Mo-Fr 9-17 Uhr`,
 * `du lundi au vendredi entre 9h et 18h`), a regex source for the `i` flag.
 */
export const AVAILABILITY_WINDOW = `${ITEM}${upTo(`${ITEM_SEPARATOR}${ITEM}`, 3)}`;
