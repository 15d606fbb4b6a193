import { NEXT_ARGUMENT_SOURCE, nextArgumentAt, type NextArgument } from "../argument-strings";
import { Evidence, MoreEvidence, evidenceIn } from "../evidence";
import { codeListDigits, isSecretCodeName } from "../secret-names";
import { isSecretNumber, isSecretString, redactContainer } from "../argument-values";
import { isCodeNumber } from "./code-lists";
import type { Detector, Rewrite } from "./detector";
import { SECRET_PARAM_KIND } from "./secret-parameter";
import { currentScan } from "../scan-scope";
import { formatFindAfter, formatFindAt } from "../format-arguments";

/**
 * A secret's value written as the argument after its name's own string, as a call's arguments are
 * (`console.log("password:", "hunter2")`, `print('pin:', 1234)`, the array a logger keeps them in,
 * `["otp:",123456]`, escaped in a JSON string `[\"token:\",\"…\"]`), and a string after its name's
 * string glued by `+` or a blank (`"password: " + "hunter2"`, `"password:" "hunter2"` opening the text). The field
 * form (`password: …`) gives way here only where this reader reads the next argument (`nextArgumentAt`: a string
 * in any quote, escaped as the name's string is, or a number of 19 digits at most ending its argument); anything
 * else after a name's string (`"password:", hunter2`, `"password:", 'hunter2'` escaped otherwise, a longer number)
 * the field form reads as before. The name's string must open an argument (`nameStringAt`: after `(`, `[`, `,` or
 * at the text's start), so a shell's words after a command (`echo "password:" "hunter2"`) are none: the field
 * form reads them as before, losing the gap and keeping the value (a known fault).
 *
 * The match starts at the colon, as the field form's does, so the code lists' reading of a plural's argument
 * (`["pins:",[1234,5678]]`) stays theirs. The name is the last word of its string (`"Your password:"`), a
 * secret's name as an attribute key's (`isSecretName`). A string goes unless it stands in for a secret
 * (`standsInForSecret`: a mask, a placeholder, a state's word), says a password's or a session's state or is no
 * value (`NO_VALUE_STRING`). A number goes only as a code or a numeric password (`isSecretNumber`).
 */

/** One argument of the numbers after the first (`NextArgument.more`): the join (1), then a digit string's quote with its escapes (2) and digits (3), or a bare number (4). */
const MORE_NUMBER = /([ \t]*,[ \t]*)(?:(\\{0,8}["'`])(\d{1,19})\2|(-?\d{1,19}))/y;

/**
 * The leading arguments of `more` that are codes under a code's name (`isSecretCodeName` or a code list's plural,
 * `codeListDigits`: `["otp:",482913,119283]`, `["backup codes:","482913","119283"]`), each replaced by `marker`
 * (a bare number's quoted among a JSON array's items), and how much of `more` they fill; under any other name,
 * or from the first that is no code on, the arguments stay and are scanned again.
 */
function redactMoreCodes(next: NextArgument, marker: string): { readonly text: string; readonly length: number } {
  let text = "";
  let length = 0;
  if (!isSecretCodeName(next.name) && codeListDigits(next.name) === 0) return { text, length };
  MORE_NUMBER.lastIndex = 0;
  for (let item = MORE_NUMBER.exec(next.more); item !== null && isCodeNumber(next.name, item[3] ?? item[4]!); item = MORE_NUMBER.exec(next.more)) {
    const quote = item[2] ?? (next.inArray ? `${next.escapes}${next.quote}` : "");
    text += `${item[1]}${quote}${marker}${quote}`;
    length = MORE_NUMBER.lastIndex;
  }
  return { text, length };
}

/**
 * The match with the next argument's value replaced by `marker`, and the code arguments after it
 * (`redactMoreCodes`); undefined when the value is none. A number's marker is quoted with the name's quote among a
 * JSON array's items (`["pin:","[REDACTED:…]"]`), so that JSON text stays JSON; in a call's arguments it stands
 * bare (`console.log("pin:", [REDACTED:…])`). What follows the last argument replaced is scanned again.
 */
function redactNextArgument(match: string, marker: string, text: string, start: number): Exclude<Rewrite, string> | undefined {
  const next = nextArgumentAt(text, start);
  if (next === undefined || next.read !== match) return undefined;
  const first = firstArgumentRedacted(next, match.slice(0, match.length - next.more.length), marker);
  if (first === undefined) return undefined;
  const more = redactMoreCodes(next, marker);
  return { text: `${first}${more.text}`, kind: SECRET_PARAM_KIND, length: match.length - next.more.length + more.length };
}

/** The read up to the end of its first argument (`head`) with that argument's value replaced by `marker`; undefined when it is none. */
function firstArgumentRedacted(next: NextArgument, head: string, marker: string): string | undefined {
  const { escapes, quote, string, number, container } = next;
  if (string !== undefined) return isSecretString(next.name, string) ? `${head.slice(0, head.length - string.length - escapes.length - 1)}${marker}${head.slice(head.length - escapes.length - 1)}` : undefined;
  if (container !== undefined) {
    const redacted = redactContainer(next.name, container, marker);
    return redacted === undefined ? undefined : `${head.slice(0, head.length - container.length)}${redacted}`;
  }
  if (!isSecretNumber(next.name, number!)) return undefined;
  const quoted = next.inArray ? `${escapes}${quote}${marker}${escapes}${quote}` : marker;
  return `${head.slice(0, head.length - number!.length)}${quoted}`;
}

/** The phrases' evidence a name's string of two words shows (`"password is:"`, `"API key:"`, `"backup codes:"`). */
const NAME_PHRASE_EVIDENCE = MoreEvidence.PASSWORD_PHRASE | MoreEvidence.KEY_PHRASE | MoreEvidence.CREDENTIAL_LITERAL | MoreEvidence.CODE_LIST;

/**
 * A name's string closed by `=` (`["password=","hunter2"]`), from its opening quote (escapes `ee`, quote `eq`) to
 * its line's end within reach: the parameter form reads `password=` at the name, before the `=` where
 * `nextArgumentAt` reads, so this reading starts before it, at the quote. Named groups: one detector's source.
 */
const EQUALS_NAME_STRING_SOURCE = String.raw`(?<=(?:^|[([,])[ \t]{0,8})(?<ee>\\{0,8})(?<eq>["'])[A-Za-z][^"'\\\n=:]{0,63}=[ \t]{0,4}\k<ee>\k<eq>[^\n]{0,512}`;

/**
 * The reading of a match of `EQUALS_NAME_STRING_SOURCE`: the next argument's at its `=` (`redactNextArgument`),
 * the name's string before it kept, and what follows the argument scanned again.
 */
function redactAfterEquals(match: string, marker: string, text: string, start: number): Rewrite | undefined {
  const equals = match.indexOf("=");
  const next = nextArgumentAt(text, start + equals);
  if (next === undefined) return undefined;
  const rewrite = redactNextArgument(next.read, marker, text, start + equals);
  if (rewrite === undefined) return undefined;
  return { ...rewrite, text: `${match.slice(0, equals)}${rewrite.text}`, length: equals + rewrite.length! };
}

/** The next argument's reading after a name's string, and a name's string closed by `=`, which starts before the parameter form's name: one source. */
const SOURCE = `${NEXT_ARGUMENT_SOURCE}|${EQUALS_NAME_STRING_SOURCE}`;
/** A match of `EQUALS_NAME_STRING_SOURCE`. */
const EQUALS_NAME_STRING = new RegExp(`^${EQUALS_NAME_STRING_SOURCE.slice(EQUALS_NAME_STRING_SOURCE.indexOf("(?<ee>"))}`);

/** The `Evidence` facts of this detector (`consoleArgumentsDetector.evidence`). */
const EVIDENCE = Evidence.SECRET_FIELD | Evidence.SECRET_PARAMETER;
/** The scan (`currentScan`) whose text `showsEvidence` last answered for, and its answer: a scan asks once for each of its candidates, and no text is held past its scan. */
let evidenceAsked: { readonly scan: number; readonly shows: boolean } | undefined;

/**
 * Whether `text` shows this detector's evidence, read with and without its escapes: the scanner runs the detector
 * only on such a text, and a name of two words may be found
 * in one that shows none; each reading is accepted only where the gate would have let it run, so that the
 * detector finds the same with and without its gate.
 */
function showsEvidence(text: string): boolean {
  const scan = currentScan();
  if (evidenceAsked?.scan === scan) return evidenceAsked.shows;
  const shows = [false, true].every((escapesRead) => {
    const more = new Int32Array(1);
    return (evidenceIn(text, escapesRead, more) & EVIDENCE) !== 0 || (more[0]! & NAME_PHRASE_EVIDENCE) !== 0;
  });
  evidenceAsked = { scan, shows };
  return shows;
}

/** The reading of `match` by the form it was found as: a format string's consumed argument (format-arguments.ts), the next argument's at a colon or `=`, or a name's string closed by `=`; none in a text that shows no evidence (`showsEvidence`). */
function redactArguments(match: string, marker: string, text: string, start: number): Rewrite | undefined {
  if (!showsEvidence(text)) return undefined;
  const format = formatFindAt(start, match);
  if (format !== undefined) return { text: format.text, kind: SECRET_PARAM_KIND, length: format.length, ...(format.sessionIds.length > 0 ? { sessionIds: format.sessionIds } : {}) };
  if (/^[:=]/.test(match)) return redactNextArgument(match, marker, text, start);
  return EQUALS_NAME_STRING.test(match) ? redactAfterEquals(match, marker, text, start) : undefined;
}

/** `SOURCE`'s candidates, searched from any position. */
const CANDIDATES = new RegExp(SOURCE, "g");

/**
 * The first candidate at or after `from`: `SOURCE`'s, or a format string's consumed argument's value
 * (`formatFindAfter`), which starts at the value, past the format string, so no pattern of `SOURCE` can find it;
 * at one position `SOURCE`'s.
 */
function searchArguments(text: string, from: number): RegExpExecArray | null {
  CANDIDATES.lastIndex = from;
  const found = CANDIDATES.exec(text);
  const format = formatFindAfter(text, from);
  if (format === undefined || (found !== null && found.index <= format.start)) return found;
  return Object.assign([text.slice(format.start, format.start + format.length)], { index: format.start, input: text }) as unknown as RegExpExecArray;
}

export const consoleArgumentsDetector: Detector = {
  kind: SECRET_PARAM_KIND,
  source: SOURCE,
  search: searchArguments,
  evidence: EVIDENCE,
  // A name of two words (`"API key:"`, `"Your password is:"`) shows no secret field's name before a colon, but a phrase's.
  moreEvidence: NAME_PHRASE_EVIDENCE,
  rewrite: (match, marker, text, start) => redactArguments(match, marker, text, start),
};
