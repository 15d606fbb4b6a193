import { lazy } from "../../../shared/lazy";
import { isRedactionMarker } from "./detectors/detector";
import { CARD_HOLDER_KIND, PERSON_NAME_KIND, SECRET_KEY_KIND, STREET_ADDRESS_KIND } from "./kinds";
import type { RedactionTally } from "./tally";

/**
 * The values key rules removed from one log record (its body, event name and attributes) or one
 * span (with its events and links), found again wherever else the same record repeats them: a
 * pino line's `user` is a person's name by its key, and the same name in `msg`, in the body,
 * in `exception.message` or in `log.record.original` is that name too, though no key says so
 * there. The walk notes each value a key rule replaced whole (`note`: a credential's, a
 * person's or card holder's name, a street address; `noteWhole`: a value a key's `Place` facts
 * made one find, a phone under `phone`), and once every field of the record is redacted, so
 * that the order the fields are walked in does not matter, replaces the values' other
 * occurrences (`replaceIn`) with the marker their field got, each occurrence counted as one of
 * that kind, as a detector's find is.
 *
 * What is echoed, so that innocent text stays: a value of six letters or digits or more (not
 * `(1, 2)`), neither words joined by `_`, `-` or `.` (`api_key`: a variable's or setting's name)
 * nor letters alone (a word: `password=postgres` names the server it guards, and `postgres`
 * elsewhere is that server); a number (digits with a number's separators), seven digits or
 * more, printed with a separator (`415.555.0132`) unless a credential's key replaced it (a bare
 * run of digits is a document's under its key and as often a thing's number elsewhere:
 * `order.number`); a name or a card holder of two words or more (one word, `Victoria`, `Silva`,
 * is as often a city's, a product's or a shop's word); a street address of two words or more;
 * never `true`, `false`, `null` nor a marker. Ids and hashed values (`hash` rules) are never
 * noted: they are kept on purpose; nor is anything searched for under a server's, a peer's, a
 * URL's or a version's key (`server.address`, `service.name`, `url.full`: redact-request.ts). A number is found only in prose (`sms to 415.555.0132 failed`), not as a value of
 * its own (a whole text, `"numero":"…"`, `order=…`), which its own key judged (`wholeValueAt`).
 *
 * Matching: case-sensitive (the value as the sender wrote it; another spelling is left to the
 * text detectors), on word boundaries (`Ann` is not in `Annual`; a letter, a digit or `_` next to
 * the value's own letter or digit is no boundary, nor is a JSON escape's letter before it, `\n`
 * being a blank), the longest value first. A value is also found as JSON writes it inside a
 * string (`"` and `\` escaped, controls escaped) and with every non-ASCII character as a `\u`
 * escape in lower- or upper-case hex (Python's `ensure_ascii`, Jackson's `ESCAPE_NON_ASCII`):
 * the body or `log.record.original` kept as JSON text. A value escaped twice (JSON text inside a
 * JSON string) is found only when escaping leaves it as it was (no quote, backslash or non-ASCII
 * character).
 *
 * Cost: nothing is searched for a record none of whose values a key rule replaced (`isEmpty`),
 * the common case; `open` and `close` only reset a flag and, when something was noted, the list.
 */
export class RecurringValues {
  /** The spellings to find, longest first once `replaceIn` sorted them. */
  private readonly spellings: Spelling[] = [];
  private sorted = true;
  private collecting = false;

  /** Starts a record: nothing noted yet, values noted from now on. */
  open(): void {
    if (this.spellings.length > 0) this.spellings.length = 0;
    this.collecting = true;
  }

  /** Ends a record: values are no longer noted (a resource's, a scope's, a metric's attributes). */
  close(): void {
    this.collecting = false;
  }

  /** Whether no value was noted since `open`. */
  get isEmpty(): boolean {
    return this.spellings.length === 0;
  }

  /**
   * Notes `value`, which a key rule replaced whole by `marker` as a find of `kind`, when the
   * record is open and the value is specific enough to be searched for (see the class).
   */
  note(value: string, kind: string, marker: string): void {
    if (!this.collecting) return;
    const text = value.trim();
    if (!isEchoed(text, kind)) return;
    const number = NUMBER.test(text);
    for (const spelling of spellingsOf(text)) {
      if (this.spellings.some((known) => known.text === spelling)) continue;
      this.spellings.push({ text: spelling, kind, marker, number });
      this.sorted = false;
    }
  }

  /**
   * Notes `sent` when a scan under a key's `Place` facts left it as one marker, `redacted`
   * (`[REDACTED:phone]`): the key made the whole value one find, of the marker's kind.
   */
  noteWhole(sent: string, redacted: string): void {
    if (!this.collecting || redacted === sent || !isRedactionMarker(redacted)) return;
    this.note(sent, redacted.slice(MARKER_KIND_START, markerKindEnd(redacted)), redacted);
  }

  /**
   * `text` with every occurrence of a noted value on word boundaries replaced by its marker, each
   * counted in `tally` as one of its kind; `text` itself when none occurs.
   */
  replaceIn(text: string, tally: RedactionTally): string {
    if (text === "" || this.spellings.length === 0) return text;
    if (!this.sorted) {
      this.spellings.sort((a, b) => b.text.length - a.text.length);
      this.sorted = true;
    }
    let result = text;
    for (const spelling of this.spellings) result = replaceSpelling(result, spelling, tally);
    return result;
  }
}

interface Spelling {
  text: string;
  kind: string;
  marker: string;
  /** A number: found only in prose, never as a value of its own (`wholeValueAt`). */
  number: boolean;
}

const MARKER_KIND_START = "[REDACTED:".length;

/** Where a marker's kind ends: before its hash (`[REDACTED:secret:9f86…]`) or its `]`. */
function markerKindEnd(marker: string): number {
  const colon = marker.indexOf(":", MARKER_KIND_START);
  return colon < 0 ? marker.length - 1 : colon;
}

/** `text` with `spelling`'s occurrences on word boundaries replaced by its marker, each counted. */
function replaceSpelling(text: string, spelling: Spelling, tally: RedactionTally): string {
  const value = spelling.text;
  let at = text.indexOf(value);
  if (at < 0) return text;
  const checkBefore = isWordCode(value, 0);
  const checkAfter = isWordCode(value, value.length - 1);
  let out = "";
  let from = 0;
  while (at >= 0) {
    const end = at + value.length;
    if ((!checkBefore || !wordBefore(text, at)) && (!checkAfter || !isWordCode(text, end)) && !(spelling.number && wholeValueAt(text, at, end)) && !namesKeyAt(text, at, end)) {
      out += text.slice(from, at) + spelling.marker;
      tally.add(spelling.kind);
      from = end;
      at = text.indexOf(value, end);
    } else {
      at = text.indexOf(value, at + 1);
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * Whether `text[at, end)` is a member's or a parameter's name, not a value: `=` after it (not
 * `==`), or, quoted on both sides, `:` (`Client(api_key=api_key)`, `{"api_key":"api_key"}`): a
 * value spelt as its own key's name leaves the key's name where it names the member.
 */
function namesKeyAt(text: string, at: number, end: number): boolean {
  const quote = text[at - 1];
  const quoted = (quote === '"' || quote === "'") && text[end] === quote;
  let i = quoted ? end + 1 : end;
  while (text[i] === " ") i++;
  return (text[i] === "=" && text[i + 1] !== "=") || (quoted && text[i] === ":");
}

/**
 * Whether `text[at, end)` is a value of its own: the whole text, or a member's or a field's value
 * (`"numero":"…"`, `order=…`, `id: …`), which its own key judged. A number there is kept: the
 * same digits are a thing's number under an order's key as often as a person's under a document's.
 */
function wholeValueAt(text: string, at: number, end: number): boolean {
  if (text.slice(0, at).trim() === "" && text.slice(end).trim() === "") return true;
  let i = at - 1;
  if (i >= 0 && (text[i] === '"' || text[i] === "'")) i--;
  if (i >= 0 && text[i] === "\\") i--;
  while (i >= 0 && text[i] === " ") i--;
  return i >= 0 && (text[i] === ":" || text[i] === "=" || text[i] === ">");
}

const WORD = lazy(() => new RegExp(String.raw`[\p{L}\p{N}_]`, "u"));

/** Whether the character at `index` of `text` is a letter, a digit or `_` (false past either end). */
function isWordCode(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const code = text.charCodeAt(index);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
  return WORD().test(String.fromCodePoint(text.codePointAt(index) ?? code));
}

/** Whether a word character ends `text` before `at`: not a JSON escape's letter (`\n`, `\t`), which stands for a blank. */
function wordBefore(text: string, at: number): boolean {
  if (!isWordCode(text, at - 1)) return false;
  return !(at >= 2 && text.charCodeAt(at - 2) === 92 /* \ */ && ESCAPE_LETTERS.includes(text[at - 1]!));
}
const ESCAPE_LETTERS = "nrtbf";

/** The spellings `text` is searched for: as written, as JSON writes it in a string, with `\u` escapes for non-ASCII. */
function spellingsOf(text: string): string[] {
  const spellings = [text];
  const escaped = JSON.stringify(text).slice(1, -1);
  if (escaped !== text) spellings.push(escaped);
  if (/[^\x00-\x7f]/.test(escaped)) {
    const lower = escaped.replace(/[^\x00-\x7f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
    spellings.push(lower, lower.replace(/\\u([0-9a-f]{4})/g, (_escape, hex: string) => `\\u${hex.toUpperCase()}`));
  }
  return spellings;
}

/** Whether a value of `kind` is specific enough to search the record's other text for (see RecurringValues). */
function isEchoed(text: string, kind: string): boolean {
  if (text.length < 4 || LITERALS.has(text) || text.includes("[REDACTED:")) return false;
  // A bare run of digits is a document's under its key and as often a thing's number elsewhere
  // (`order.number`, `cargo`): only a credential's is its own wherever it stands.
  if (NUMBER.test(text)) return text.replace(/\D/g, "").length >= 7 && (kind === SECRET_KEY_KIND || !DIGITS.test(text));
  // One word under a name's key (`first_name=Victoria`, `last_name=Silva`) is as often a city's,
  // a product's or a shop's word elsewhere in the record (`city=Victoria`, `Loja Silva Jardim`):
  // only a full name is that person wherever it stands.
  if (kind === PERSON_NAME_KIND || kind === CARD_HOLDER_KIND) return text.split(/\s+/).length >= 2;
  if (kind === STREET_ADDRESS_KIND) return /\s/.test(text);
  if (text.replace(NOT_LETTER_OR_DIGIT(), "").length < 6 || IDENTIFIER.test(text)) return false;
  // A secret of letters alone is a word, and the default passwords that are words are the names
  // of what they guard (`password=postgres`, `client_secret=keycloak`): the same word elsewhere
  // names the server, the service or the realm.
  return !LETTERS.test(text);
}
const NOT_LETTER_OR_DIGIT = lazy(() => new RegExp(String.raw`[^\p{L}\p{N}]`, "gu"));

const LITERALS: ReadonlySet<string> = new Set(["true", "false", "null", "True", "False", "None", "undefined", "TRUE", "FALSE", "NULL"]);
/** Digits with a number's separators only (`4155550132`, `415.555.0132`, `+1 (415) 555-0132`). */
const NUMBER = /^[+(\d][\d\s().\-/]*$/;
/** Digits alone. */
const DIGITS = /^\d+$/;
/**
 * Words of letters joined by `_`, `-` or `.` (`api_key`, `db-password`, `settings.secret`): the
 * name of a variable, key or setting, printed beside its own value (`Client(api_key=api_key)`)
 * and elsewhere as a name, not a secret's text.
 */
const IDENTIFIER = new RegExp(String.raw`^\p{L}+(?:[_.\-]\p{L}+)+$`, "u");
/** Letters alone: a word. */
const LETTERS = new RegExp(String.raw`^\p{L}+$`, "u");
