import { lazy } from "../../../../shared/lazy";
import { formDecoded } from "../form-encoding";
import { nameNote } from "../no-name-values";
import { PROSE_TITLES } from "../name-introducers";
import { blanksBefore, isBlank } from "../blanks";
import { nameBefore, nameWords } from "../secret-names";
import { caseless } from "./detector";
import { DOUBLE_QUOTED_OVER_LINES, ESCAPED_SINGLE_QUOTED, NEXT_PAIR_NAME, quoteOpening } from "./escaped-quotes";

/**
 * The forms of a field holding a person's name written into free text, shared by the detectors
 * of a card holder's name (`card-holder-field.ts`) and of a user's (`person-name-field.ts`): a
 * quoted field of JSON or a similar notation (`{"holderName":"JOAO P SILVA"}`, `userName: "Ana
 * Silva"`, escaped quotes of JSON text held in a string too), or a `name=value` field of a logfmt
 * or query-string line, quoted or not (`card_holder="John Smith"`, `user.name=ana.silva`,
 * `holder_name=John+Smith` URL-encoded, `card_holder=JOHN SMITH amount=10`). An unquoted value
 * after `:` is not read (`Card holder: verified`); one after `=` ends at a blank or a parameter's
 * separator, with the capitalized words after it that are no key (`John Smith`, not
 * `amount=10`): what a logfmt line leaves unquoted.
 */
const QUOTED = `${DOUBLE_QUOTED_OVER_LINES}|` + String.raw`'(?:[^'\\\n]|\\.)*'|` + ESCAPED_SINGLE_QUOTED;
/** A character of an unquoted value's word: all but blanks, quotes, brackets and a parameter's separators. */
export const WORD_CHARACTER = String.raw`[^\s&;,"'\\<>()\[\]{}]`;
/**
 * The most characters an unquoted value's word holds: more than a login, an e-mail address
 * (254, RFC 5321 §4.5.3.1.3) or a name URL-encoded (`%C3%A9` a letter) takes. A longer word is
 * no name, and is not read as one: each `=` inside such a word (`user.name=` repeated) would
 * otherwise be a candidate whose value runs to the word's end, judged again at every one, so the
 * cost grew with the square of the word's length (docs/decisions.md, 2026-12-02).
 */
export const MAX_UNQUOTED_WORD = 512;
/**
 * Regex source of what goes on with a word where a name's word must not end: a letter or digit,
 * or a period glued to one (`S.A.`, `Jean.Dupont`). A value cut there would leave half a token
 * beside its marker (`[REDACTED:card_holder]A.`).
 */
const WORD_GOES_ON = String.raw`\.?[A-Za-z0-9\u00C0-\u017F]`;
/**
 * A capitalized word of a name after the first, whole: letters (`Smith`, `O'Brien`), an initial
 * and its period before a blank (`P.`), or a dotted abbreviation (`S.A.`, `J.R.R.`); never ending
 * where the word goes on (`WORD_GOES_ON`). A sentence's period after a longer word is not the name's.
 */
export const CAPITALIZED_NAME_WORD =
  String.raw`[A-Z\u00C0-\u00D6\u00D8-\u00DE](?:[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF'\u2019-]*(?:\.[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF]+)+\.?|\.(?=[ \t])|[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF'\u2019-]*)(?!${WORD_GOES_ON})`;
/**
 * A filler after a name's words, whole (`John Smith N/A`, `John Smith N/A/B`, a sentence's period
 * after it the line's): the value's own, so a `N/A` is never cut after its `N` (`[REDACTED:…]/A`,
 * `[REDACTED:…]/A/B`); the value is judged without it (`withoutFillers`, `SLASHED_FILLER`).
 */
const FILLER_WORD = String.raw`[Nn]/[Aa](?:/[A-Za-z]{1,3})*(?![\w/-]|\.\w)`;

/**
 * Regex source of a courtesy or academic title's abbreviation and its period before a capitalised
 * word (`Dr. `, `Mrs. `, `Prof. `, `Dr.-Ing. `: `PROSE_TITLES`): a name's, read with it, where a
 * value cut at the period would leave the name beside the marker (`[REDACTED:person_name]. Ana Silva`).
 */
export const TITLE_BEFORE_NAME = `(?:${PROSE_TITLES.filter((title) => /\\\.\??$/.test(title))
  .map((title) => title.replace(/\\\.\?$/, "\\."))
  .join("|")}) (?=[A-Z\u00C0-\u00D6\u00D8-\u00DE]|\\[REDACTED:)`;

/**
 * An unquoted `name=value` value: a word up to a blank or separator (of at most
 * `MAX_UNQUOTED_WORD` characters), and up to four capitalized words after it that are no key
 * (`CAPITALIZED_NAME_WORD`, whole: `Orange S.A.`, never `Orange S`); a sentence's final
 * punctuation after it is not the name's.
 */
export const UNQUOTED = unquotedValue(CAPITALIZED_NAME_WORD);

/**
 * An unquoted `name=value` value whose key names a person in any case, a holder's (`card_holder=john
 * smith`, `John smith`): a word of letters and up to four in lower case after it, as a form or a
 * script writes the name it was given, none a key (`john smith amount=10` keeps `amount=10`) nor
 * one of `labelWords` (lower case), which start the next label (`john smith card holder
 * first_name=…`); else as `UNQUOTED` (`Souza card holder …` is `Souza`).
 */
export function unquotedAnyCase(labelWords: readonly string[]): string {
  const lowerWord = `[a-z\u00DF-\u00F6\u00F8-\u00FF][a-z\u00DF-\u00F6\u00F8-\u00FF'\u2019-]*(?!${WORD_GOES_ON})`;
  const notLabel = `(?!(?:${labelWords.join("|")})(?![\\w'\u2019-]))`;
  const first = `${notLabel}(?:${CAPITALIZED_NAME_WORD}|${lowerWord})`;
  const lower = `${first}(?: ${notLabel}${lowerWord}(?![\\w.-]*[=:])){1,4}(?![\\w.-])`;
  return `${lower}|${UNQUOTED}`;
}

/**
 * An unquoted value's first word (`MAX_UNQUOTED_WORD` at most), perhaps after a title's
 * abbreviation (`TITLE_BEFORE_NAME`), and up to four `nextWord`s or fillers after it that are no key.
 */
function unquotedValue(nextWord: string): string {
  return (
    `(?:${TITLE_BEFORE_NAME})?(?=${WORD_CHARACTER}{1,${MAX_UNQUOTED_WORD}}(?!${WORD_CHARACTER}))` +
    String.raw`${WORD_CHARACTER}*[^\s&;,"'\\<>()\[\]{}.!?:](?: (?:${FILLER_WORD}|${nextWord})(?![\w.-]*[=:])){0,4}`
  );
}

/**
 * Regex source of what may follow a separator before a quoted value (`[ \t]*` and `QUOTED`, which
 * opens with a quote or a backslash): a blank or such a character. Asked before a lookbehind that
 * reads a field's name back, it gives the same matches and spares that read where none can follow.
 */
const QUOTED_VALUE_AHEAD = String.raw`(?=[ \t"'\\])`;

/**
 * Regex source of what starts code rather than a value after a spaced `=` (`full_name =
 * user.full_name`, `= get_name()`, `= $1`, `= :name`, `= ?`, `= os.environ[…]`): a sigil, a bind
 * parameter's `?` or `:`, or a word that a member's `.`, `->`, `::`, a call's `(` or an index's `[`
 * goes on from; `new Name(`; or the next pair's quoted name (`NEXT_PAIR_NAME`). A word is read
 * for at most 64 characters, and each alternative reads on from the one place after the `=`, so
 * a long word costs its length once. A single identifier standing alone is judged by the
 * rewrite, against the field's name (`assignsIdentifier`). A glued `name=value` is a logfmt
 * field or a query's, whose value is read as sent.
 */
const CODE_AFTER_SPACED_EQUALS =
  String.raw`[$@?:%]|[A-Za-z_]\w{0,63}(?:\.[A-Za-z_]|->|::|\(|\[)|new[ \t]+[A-Z]\w{0,63}[ \t]*\(|` + NEXT_PAIR_NAME;

/**
 * Regex source of a name field's `=` (not `==` nor `=>`) and the blanks before its value, for names
 * ending in one of `last` (a regex alternation): glued to a bare name (`full_name=Ana`) the value
 * follows at once; after blanks or a quoted name (`full_name = Ana`, `"full_name"="Ana"`) blanks
 * and no code (`CODE_AFTER_SPACED_EQUALS`; an identifier alone is the rewrite's:
 * `assignsIdentifier`). Shared by every reader of a name field's `=` value, so that the spaced
 * and glued forms of a field give one extent.
 */
export function nameFieldEquals(last: string): string {
  // Glued (a bare name before, no blank after) or spaced (a blank or a quote before, or a blank
  // after): each `=` takes one of the two, so a value failing after it is not read again.
  const bare = `(?<=[^ \\t"'\\\\]=)`;
  const glued = `${bare}(?![ \\t])`;
  const spaced = `(?:(?<=[ \\t"'\\\\]=)|${bare}(?=[ \\t]))[ \\t]*(?!${CODE_AFTER_SPACED_EQUALS})`;
  return `=(?![=>])(?<=(?:${last})(?:\\\\{0,7}["'])?[ \\t]*=)(?:${glued}|${spaced})`;
}

/**
 * Regex source of a name field's separator and value, for names ending in one of `lastWords`
 * (lower case, matched in any case): the match starts at the `:` (not `:=`) or `=` (not `==`)
 * after the name, which the detector then reads back (`nameBefore`). After `=>`, as PHP's and
 * Ruby's hashes write a member (`'user_name' => 'Ana Silva',`), a quoted value, as after `:`;
 * after a name in brackets, as PHP's `print_r` writes a member (`[first_name] => Maria`), an
 * unquoted value too. An unquoted value after `=` is `unquoted` (`UNQUOTED`, or `unquotedAnyCase`).
 * The `=` may have blanks around it and its name quotes, as INI and TOML files, Python's and
 * Ruby's assignments and go-logr's and klog's pairs write a field (`full_name = Ana Silva`,
 * `"full_name"="Ana Silva"`); there code is no value (`nameFieldEquals`,
 * `assignsIdentifier`).
 */
export function nameFieldSource(lastWords: readonly string[], unquoted: string = UNQUOTED): string {
  const last = lastWords.map(caseless).join("|");
  // A `:` or `=>` before a quoted value, the name read back from either in one lookbehind: after
  // the `:` only its `:` branch can hold, after `=>` only its `=>` one (the names written once).
  // The character after it is checked first (`QUOTED_VALUE_AHEAD`): a URL's `https:` or a time's
  // `12:30` then costs one test, not the lookbehind's hundreds of names.
  const colonOrArrow = `(?::(?!=)|=>)${QUOTED_VALUE_AHEAD}(?<=(?:${last})(?:(?:\\\\{0,7}["'])?[ \\t]*:|["']?[ \\t]*=>))`;
  const printed = `=>(?<=\\[[\\w.-]{0,64}(?:${last})\\][ \\t]*=>)`;
  const equals = nameFieldEquals(last);
  // The printed member's and the `=` field's values are read by one group, written once.
  return `${colonOrArrow}[ \\t]*(?:${QUOTED})|(?:${printed}[ \\t]*|${equals})(?:${QUOTED}|${unquoted})`;
}

/**
 * The name of the field whose separator starts at `start` (`nameBefore`), also one PHP's
 * `print_r` writes in brackets (`[first_name] => Maria`).
 */
export function fieldNameBefore(text: string, start: number): string {
  const end = blanksBefore(text, start);
  return nameBefore(text, end > 0 && text.charCodeAt(end - 1) === 93 /* ] */ ? end - 1 : start);
}

/**
 * The rewrite of a name field's `match` at `start` in `text` (`nameFieldSource`): the separator and
 * quotes kept, the value replaced by `marker` (a quoted value's note saying no name kept after it:
 * `nameNote`); undefined when the value is already a marker, when the field assigns code
 * (`assignsIdentifier`), or when `holdsName` says it is no name (a form's encoding read as its
 * sender wrote it: `formDecoded`, `n%2Fa` is `n/a`).
 */
export function rewrittenNameField(match: string, marker: string, text: string, start: number, holdsName: (value: string) => boolean): string | undefined {
  const valueStart = valueStartOf(match);
  const quote = quoteOpening(match.slice(valueStart));
  const inner = match.slice(valueStart + quote.length, match.length - quote.length);
  // An unquoted value's title stays before the marker, and the name after it is judged (`Dr. [REDACTED:person_name]`).
  const title = quote === "" ? (TITLE_AT_START().exec(inner)?.[0] ?? "") : "";
  // A title before a name already redacted is no value (`Dr. [REDACTED:person_name]`, the output read again).
  if (quote === "" && title === "" && TITLE_AT_START().test(`${inner}${text.slice(start + match.length, start + match.length + 13)}`)) return undefined;
  const name = inner.slice(title.length);
  const written = quote === "" ? formDecoded(name) : name;
  if (inner.startsWith("[REDACTED:") || (quote === "" && assignsIdentifier(text, start, match, inner)) || !holdsName(written)) return undefined;
  // A note saying no name stays beside the marker (`"John Smith (Deleted User)"`: `nameNote`).
  const note = quote === "" ? unquotedNote(name, written) : (nameNote(name) ?? "");
  return `${match.slice(0, valueStart)}${quote}${title}${marker}${note}${quote}`;
}

/** `TITLE_BEFORE_NAME` at a value's start, before a name or a marker. */
const TITLE_AT_START = lazy(() => new RegExp(`^${TITLE_BEFORE_NAME}`));

/**
 * Whether the name field's `match` at `start` in `text`, with the unquoted `value`, assigns an
 * identifier of code after a spaced `=` or a quoted name's (`FullName = FullName,`, `first_name =
 * firstName;`, `full_name = full_name)`): the value is one identifier standing alone
 * (`STANDS_ALONE`) that cannot be a person's name: it holds an `_` or a digit, it is camelCase
 * (a lower-case letter, then a capital), or its words are the field name's last words in another
 * case (`FullName` under `full_name` or `customer.FullName`, `Name` under `name`). A capitalised
 * word is a name's shape, with a capital inside too (`JoAnn`, `FitzGerald`, `McDonald`,
 * `DeShawn`), and is judged as a value. A glued `name=value` is a logfmt field or a query's, read
 * as sent; a member, call or index after the `=` is code before this (`nameFieldEquals`).
 */
function assignsIdentifier(text: string, start: number, match: string, value: string): boolean {
  if (match.charCodeAt(0) !== 61 /* = */ || !(SPACED_BEFORE.test(text.charAt(start - 1)) || isBlank(match.charCodeAt(1)))) return false;
  if (!IDENTIFIER.test(value)) return false;
  STANDS_ALONE.lastIndex = start + match.length;
  if (!STANDS_ALONE.test(text)) return false;
  if (CODE_ONLY_IDENTIFIER.test(value)) return true;
  const words = nameWords(value);
  const field = nameWords(fieldNameBefore(text, start));
  return words.length <= field.length && words.every((word, i) => word === field[field.length - words.length + i]);
}

/** What stands before a spaced field's `=` (`full_name =`) or a quoted name's (`"full_name"=`): a blank, a quote, an escape's backslash. */
const SPACED_BEFORE = /^[ \t"'\\]$/;
/** One identifier of code: ASCII letters, digits and `_`, not starting with a digit. */
const IDENTIFIER = /^[A-Za-z_]\w*$/;
/** An identifier no person's name has the shape of: holding an `_` or a digit, or camelCase (`firstName`). */
const CODE_ONLY_IDENTIFIER = /[_0-9]|^[a-z]+[A-Z]/;
/**
 * What ends a statement's or an argument's value after an identifier (`FullName = FullName,`, `…;`,
 * `…)`, `= lastName ?? string.Empty`, `|| ""`, the line's end), read from the value's end.
 */
const STANDS_ALONE = /[ \t]*(?:[,;)=\r\n]|\?\?|\|\||$)/y;

/**
 * What of an unquoted value (`inner`, read as sent: `written`) stays beside its marker, as it came:
 * a note saying no name (`nameNote` of `written`), form-encoded in a URL query's value as it is
 * there (`John%20Smith%20%5Bdeleted%5D`, `John+Smith+-+N%2FA`); else the form's blanks the value
 * ends with before a note the value stops at (`John+Smith+(Deleted+User)`,
 * `John%20Smith%20(Deleted%20User)`). Empty when there is neither.
 */
function unquotedNote(inner: string, written: string): string {
  const note = nameNote(written);
  if (note !== undefined) {
    // The shortest end of `inner` that reads as the note: a percent escape is three characters, a UTF-8 letter up to four escapes.
    for (let start = inner.length - note.length; start >= Math.max(0, inner.length - 12 * note.length); start--) {
      if (formDecoded(inner.slice(start)) === note) return inner.slice(start);
    }
  }
  return FORM_BLANKS_AT_END.exec(inner)![0];
}

/**
 * A form's encoded blanks (`+`, `%20`) at an unquoted value's end, from the first of their run:
 * a search tried at each `+` of a long run that stops before the end would read the rest of it from each.
 */
const FORM_BLANKS_AT_END = /(?<!\+|%20)(?:\+|%20)*$/;

/**
 * As `rewrittenNameField`, but an unquoted value of several words is read from its longest run of
 * first words that `holdsName` accepts, the words after it kept (`customer=john smith logged in`
 * replaces `john smith`): after a name written in lower case (`unquotedAnyCase`) the line's prose
 * is in lower case too. Only words in lower case are left so.
 */
export function rewrittenNameWords(match: string, marker: string, text: string, start: number, holdsName: (value: string) => boolean): string | undefined {
  const whole = rewrittenNameField(match, marker, text, start, holdsName);
  const valueStart = valueStartOf(match);
  if (whole !== undefined || quoteOpening(match.slice(valueStart)) !== "") return whole;
  // Only words in lower case are prose's: a capitalised one after a name is its own (`Müller GmbH`, a company, stays whole).
  for (let end = match.lastIndexOf(" "); end > valueStart && LOWER_CASE_WORD_START.test(match.charAt(end + 1)); end = match.lastIndexOf(" ", end - 1)) {
    const replaced = rewrittenNameField(match.slice(0, end), marker, text, start, holdsName);
    if (replaced !== undefined) return `${replaced}${match.slice(end)}`;
  }
  return undefined;
}

/** A word's first letter in lower case (`unquotedAnyCase`'s letters). */
const LOWER_CASE_WORD_START = /[a-z\u00DF-\u00F6\u00F8-\u00FF]/;

/** The value a name field's `match` holds, between its quotes, as [offset, length] (`Detector.fieldValue`). */
export function nameFieldValue(match: string): readonly [number, number] {
  const valueStart = valueStartOf(match);
  const quote = quoteOpening(match.slice(valueStart)).length;
  return [valueStart + quote, match.length - valueStart - 2 * quote];
}

/** Where the value of a name field's `match` starts, after its separator (`:`, `=`, `=>`) and blanks. */
function valueStartOf(match: string): number {
  return match.search(match.startsWith("=>") ? /[^=> \t]/ : /[^:= \t]/);
}
