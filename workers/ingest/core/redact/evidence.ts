import { SECRET_NAME_ENDINGS, isNameCharacter, isSecretName, isSecretParameterName, nameBefore } from "./secret-names";

/**
 * Facts about a text that the built-in detectors need before they can find anything in it.
 * Each detector declares the facts of which any match it accepts shows at least one; a text
 * showing none of a detector's facts cannot hold what it redacts, so its regex does not run.
 * One walk over the text's character codes establishes them all (`evidenceIn`), which rules
 * out the common strings (words, paths, hex and UUID ids, timestamps, versions, short numbers)
 * with integer checks instead of a regex call each.
 */
export const Evidence = {
  /** `://` followed later by `@`: a URL's `user:password@`. */
  URL_CREDENTIALS: 1 << 0,
  /** `@` or `%40`: an e-mail address. */
  MAIL_AT: 1 << 1,
  /** Two `eyJ`: a JWT's header and payload. */
  JWT: 1 << 2,
  /** `Bearer`, `bearer` or `BEARER`. */
  BEARER: 1 << 3,
  /** `Basic`, `basic` or `BASIC`. */
  BASIC: 1 << 4,
  /** `name=value` with a name `isSecretParameterName` accepts. */
  SECRET_PARAMETER: 1 << 5,
  /** `name: value` with a name ending as a secret name does, which `isSecretName` accepts. */
  SECRET_FIELD: 1 << 6,
  /** `::`, or a colon between a hex digit and one to four hex digits and another colon. */
  IPV6: 1 << 7,
  /** A run of digits, spaces, `.`, `/` and `-` holding three dots. */
  DOTTED_QUAD: 1 << 8,
  /** `+` and a digit, or `(dd)`. */
  PHONE: 1 << 9,
  /** A run of digits, spaces, `.`, `/` and `-` with 11 digits from where a CPF could start. */
  CPF_DIGITS: 1 << 10,
  /** The same with 14 digits, or `/XXXX-dd` (the alphanumeric CNPJ's branch and check digits). */
  CNPJ: 1 << 11,
  /** The same with 13 digits from a `[2-689]` where a card number could start. */
  CARD_DIGITS: 1 << 12,
} as const;

const CPF_DIGITS = 11;
const CNPJ_DIGITS = 14;
const CARD_DIGITS = 13;

/**
 * How `evidenceIn` treats each ASCII code. Digit runs (digits, spaces, `.`, `/`, `-`) are
 * counted from the first digit where a tax id or a card could start: not right after a word
 * character, `.`, `,` or `-` (nor `/` for tax ids), as their lookbehinds require.
 */
/** Ends a digit run, and glues a digit right after it: letters, `_`, `,`. */
const WORD = 0;
const DIGIT = 1;
/** Ends a digit run; a digit right after it may start one: what has no other role. */
const OTHER = 2;
const SPACE = 3;
/** `-`: continues a digit run, glues a digit right after it. */
const DASH = 4;
/** `.`: the same, and counts toward a dotted quad. */
const DOT = 5;
/** `/`: continues a digit run, glues a tax id but not a card; may start an alphanumeric CNPJ's branch. */
const SLASH = 6;
const AT = 7;
const PERCENT = 8;
const COLON = 9;
const EQUALS = 10;
const PLUS = 11;
const PARENTHESIS = 12;
/** `J`, `B` and `b`: word characters that may end `eyJ` or start a scheme word. */
const CAPITAL_J = 13;
const LETTER_B = 14;

const KINDS = new Uint8Array(128).fill(OTHER);
for (let code = 48; code <= 57; code++) KINDS[code] = DIGIT;
for (let code = 65; code <= 90; code++) KINDS[code] = WORD;
for (let code = 97; code <= 122; code++) KINDS[code] = WORD;
KINDS[95] = WORD;
KINDS[44] = WORD;
KINDS[32] = SPACE;
KINDS[45] = DASH;
KINDS[46] = DOT;
KINDS[47] = SLASH;
KINDS[64] = AT;
KINDS[37] = PERCENT;
KINDS[58] = COLON;
KINDS[61] = EQUALS;
KINDS[43] = PLUS;
KINDS[40] = PARENTHESIS;
KINDS[74] = CAPITAL_J;
KINDS[66] = LETTER_B;
KINDS[98] = LETTER_B;

/** A digit count's states before its run's first countable digit. */
const MAY_START = -1;
const GLUED = -2;

/**
 * What `evidenceIn`'s first loop reads of each ASCII character: in the low `CLASS_BITS` bits,
 * classes OR-ed over the text; above them, counts added over the text (digits in 12 bits, then
 * dots).
 */
const HAS_SPECIAL = 1 << 0;
const HAS_SLASH = 1 << 1;
const HAS_DASH = 1 << 2;
const HAS_CAPITAL_B = 1 << 3;
const HAS_SMALL_B = 1 << 4;
const HAS_SMALL_R = 1 << 5;
const HAS_CAPITAL_R = 1 << 6;
const HAS_CAPITAL_S = 1 << 7;
const HAS_CAPITAL_I = 1 << 8;
const HAS_SMALL_S = 1 << 9;
const HAS_SMALL_I = 1 << 10;
const HAS_COLON = 1 << 11;
const HAS_PHONE_START = 1 << 12;
const HAS_EQUALS = 1 << 13;
const CLASS_BITS = 14;
const ONE_DIGIT = 1 << CLASS_BITS;
const ONE_DOT = 1 << (CLASS_BITS + 12);
const CHARACTERS = new Int32Array(128);
for (let code = 48; code <= 57; code++) CHARACTERS[code] = ONE_DIGIT;
const SINGLE_CLASSES: readonly (readonly [string, number])[] = [
  [".", ONE_DOT],
  ["-", HAS_DASH],
  ["/", HAS_SLASH],
  [":", HAS_COLON],
  ["B", HAS_CAPITAL_B],
  ["b", HAS_SMALL_B],
  ["r", HAS_SMALL_R],
  ["R", HAS_CAPITAL_R],
  ["S", HAS_CAPITAL_S],
  ["I", HAS_CAPITAL_I],
  ["s", HAS_SMALL_S],
  ["i", HAS_SMALL_I],
  ["+", HAS_PHONE_START],
  ["(", HAS_PHONE_START],
  ["=", HAS_EQUALS],
  // Each starts some evidence on its own.
  ...[..."@%J"].map((character) => [character, HAS_SPECIAL] as const),
];
for (const [character, read] of SINGLE_CLASSES) CHARACTERS[character.charCodeAt(0)] = read;
/** Past this length the first loop's digit count could overflow into its dot count. */
const COUNTED_LENGTH = 4000;
/** The shortest dotted quad, `1.2.3.4`. */
const SHORTEST_DOTTED_QUAD = 7;
/** The fewest digits of a phone number the phone detector accepts. */
const PHONE_DIGITS = 8;

/**
 * The `Evidence` facts `text` shows, as a mask. Each fact is a necessary condition of a
 * detector's match (its regex) or of its acceptance (the name checks of secret parameters),
 * never a sufficient one: the detector's regex and checks still decide.
 *
 * A first loop (a table lookup, an OR and an add per character) rules out most strings
 * (words, hex ids, paths with short numbers, versions) by what each fact needs: one of
 * `@ % J`; `+` or `(` with 8 digits (a phone number); a colon; `=`; a run of digits, spaces,
 * `.`, `/` and `-` holding 11 digits (a CPF, the shortest of the digit kinds) or 7 characters
 * long with 3 dots (an IPv4 address); the words `bearer` or `basic`; `/`, `-`, 2 dots and 2
 * digits (an alphanumeric CNPJ). A text whose only candidates are colons, `=`, `+` or `(` (a
 * route's `/:id`, a query string) has just those read again; the rest are walked again
 * character by character (`evidenceWalk`).
 */
export function evidenceIn(text: string): number {
  const length = text.length;
  if (length > COUNTED_LENGTH) return evidenceWalk(text);
  let classes = 0;
  let counts = 0;
  for (let i = 0; i < length; i++) {
    // A character past ASCII reads as its low seven bits: at worst more is walked again.
    const read = CHARACTERS[text.charCodeAt(i) & 127]!;
    classes |= read;
    counts += read >>> CLASS_BITS;
  }
  const digits = counts & 0xfff;
  const dots = counts >>> 12;
  if (
    (classes & HAS_SPECIAL) !== 0 ||
    ((classes & (HAS_SLASH | HAS_DASH)) === (HAS_SLASH | HAS_DASH) && dots >= 2 && digits >= 2) ||
    ((classes & (HAS_SMALL_B | HAS_CAPITAL_B)) !== 0 && holdsSchemeWord(text, classes))
  ) {
    return evidenceWalk(text);
  }
  if ((digits >= CPF_DIGITS || (dots >= 3 && digits >= 4)) && holdsDigitMatchRun(text)) return evidenceWalk(text);
  // What is left to find are the facts of colons, `=` and phone numbers: without `@`, a `://`
  // is no evidence, so each colon, `=`, `+` or `(` says what the walk would say of it.
  let found = 0;
  if ((classes & HAS_EQUALS) !== 0) {
    for (let equals = text.indexOf("="); equals >= 0; equals = text.indexOf("=", equals + 1)) {
      found |= equalsEvidence(text, equals);
    }
  }
  if ((classes & HAS_COLON) !== 0) {
    for (let colon = text.indexOf(":"); colon >= 0; colon = text.indexOf(":", colon + 1)) found |= colonEvidence(text, colon);
  }
  if ((classes & HAS_PHONE_START) !== 0 && digits >= PHONE_DIGITS) {
    for (let i = 0; i < text.length; i++) found |= phoneStartEvidence(text, i);
  }
  return found;
}

/** Whether a text holding `b` or `B` holds `bearer` or `basic` as the scheme detectors spell them. */
function holdsSchemeWord(text: string, classes: number): boolean {
  return (
    ((classes & HAS_SMALL_R) !== 0 && text.includes("earer")) ||
    ((classes & (HAS_SMALL_S | HAS_SMALL_I)) === (HAS_SMALL_S | HAS_SMALL_I) && text.includes("asic")) ||
    ((classes & (HAS_CAPITAL_B | HAS_CAPITAL_R)) === (HAS_CAPITAL_B | HAS_CAPITAL_R) && text.includes("EARER")) ||
    ((classes & (HAS_CAPITAL_B | HAS_CAPITAL_S | HAS_CAPITAL_I)) === (HAS_CAPITAL_B | HAS_CAPITAL_S | HAS_CAPITAL_I) &&
      text.includes("ASIC"))
  );
}

/**
 * Whether a run of digits, spaces, `.`, `/` and `-` in `text` holds 11 digits (a CPF, the
 * shortest of the digit kinds), or 3 dots in 7 characters (an IPv4 address).
 */
function holdsDigitMatchRun(text: string): boolean {
  let length = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      if (++digits >= CPF_DIGITS) return true;
    } else if (code === 46) {
      dots++;
    } else if (code !== 32 && code !== 47 && code !== 45) {
      length = digits = dots = 0;
      continue;
    }
    if (++length >= SHORTEST_DOTTED_QUAD && dots >= 3) return true;
  }
  return false;
}

/** `evidenceIn` for a text its first loop could not rule out: the facts, character by character. */
function evidenceWalk(text: string): number {
  const length = text.length;
  let found = 0;
  let schemeSeparator = false;
  let jwtHeads = 0;
  // In the current digit run: the digits from its first place where a CPF or CNPJ could start,
  // those from its first place where a card could start, and its dots.
  let taxDigits = MAY_START;
  let cardDigits = MAY_START;
  let dots = 0;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    const kind = code < 128 ? KINDS[code]! : OTHER;
    if (kind === WORD) {
      taxDigits = GLUED;
      cardDigits = GLUED;
      dots = 0;
      continue;
    }
    if (kind === DIGIT) {
      if (taxDigits >= 0) {
        if (++taxDigits >= CPF_DIGITS) found |= taxDigits >= CNPJ_DIGITS ? Evidence.CPF_DIGITS | Evidence.CNPJ : Evidence.CPF_DIGITS;
      } else if (taxDigits === MAY_START) {
        taxDigits = 1;
      }
      if (cardDigits >= 0) {
        if (++cardDigits >= CARD_DIGITS) found |= Evidence.CARD_DIGITS;
      } else {
        // Cards start with 2–6, 8 or 9; a digit that starts none glues the next.
        cardDigits = cardDigits === MAY_START && code !== 48 && code !== 49 && code !== 55 ? 1 : GLUED;
      }
      continue;
    }
    switch (kind) {
      case SPACE:
        if (taxDigits < 0) taxDigits = MAY_START;
        if (cardDigits < 0) cardDigits = MAY_START;
        continue;
      case DASH:
        if (taxDigits < 0) taxDigits = GLUED;
        if (cardDigits < 0) cardDigits = GLUED;
        continue;
      case DOT:
        if (taxDigits < 0) taxDigits = GLUED;
        if (cardDigits < 0) cardDigits = GLUED;
        if (++dots >= 3) found |= Evidence.DOTTED_QUAD;
        continue;
      case SLASH:
        if (taxDigits < 0) taxDigits = GLUED;
        if (cardDigits < 0) cardDigits = MAY_START;
        if (startsAlphanumericCnpjBranch(text, i)) found |= Evidence.CNPJ;
        continue;
      case CAPITAL_J:
        if (text.charCodeAt(i - 1) === 121 && text.charCodeAt(i - 2) === 101 && ++jwtHeads >= 2) found |= Evidence.JWT;
        taxDigits = GLUED;
        cardDigits = GLUED;
        dots = 0;
        continue;
      case LETTER_B:
        found |= schemeWordAt(text, i, code);
        taxDigits = GLUED;
        cardDigits = GLUED;
        dots = 0;
        continue;
      case AT:
        found |= schemeSeparator ? Evidence.MAIL_AT | Evidence.URL_CREDENTIALS : Evidence.MAIL_AT;
        break;
      case PERCENT:
        if (text.charCodeAt(i + 1) === 52 && text.charCodeAt(i + 2) === 48) found |= Evidence.MAIL_AT;
        break;
      case COLON:
        if (text.charCodeAt(i + 1) === 47 && text.charCodeAt(i + 2) === 47) schemeSeparator = true;
        found |= colonEvidence(text, i);
        break;
      case EQUALS:
        found |= equalsEvidence(text, i);
        break;
      case PLUS:
      case PARENTHESIS:
        found |= phoneStartEvidence(text, i);
        break;
    }
    // Every other character ends the digit run, and a digit right after it may start one.
    taxDigits = MAY_START;
    cardDigits = MAY_START;
    dots = 0;
  }
  return found;
}

/** `Evidence.SECRET_PARAMETER` when the `=` at `equals` ends a secret parameter's name and a value follows. */
function equalsEvidence(text: string, equals: number): number {
  return equals + 1 < text.length && namesSecretParameter(text, equals) ? Evidence.SECRET_PARAMETER : 0;
}

/** The IPv6 and secret field facts of the colon at `colon`. */
function colonEvidence(text: string, colon: number): number {
  return (
    (separatesIpv6Groups(text, colon) ? Evidence.IPV6 : 0) | (endsSecretFieldName(text, colon) ? Evidence.SECRET_FIELD : 0)
  );
}

/** `Evidence.PHONE` when `+` and a digit, or `(`, two digits and `)`, start at `at`. */
function phoneStartEvidence(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (code === 43) return isDigit(text.charCodeAt(at + 1)) ? Evidence.PHONE : 0;
  if (code !== 40) return 0;
  return isDigit(text.charCodeAt(at + 1)) && isDigit(text.charCodeAt(at + 2)) && text.charCodeAt(at + 3) === 41
    ? Evidence.PHONE
    : 0;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isHexDigit(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
}

/** `/` then four `[0-9A-Z]`, `-` and two digits: the end of `AB.CDE.FGH/IJKL-12`. */
function startsAlphanumericCnpjBranch(text: string, slash: number): boolean {
  for (let i = slash + 1; i <= slash + 4; i++) {
    const code = text.charCodeAt(i);
    if (!((code >= 48 && code <= 57) || (code >= 65 && code <= 90))) return false;
  }
  return text.charCodeAt(slash + 5) === 45 && isDigit(text.charCodeAt(slash + 6)) && isDigit(text.charCodeAt(slash + 7));
}

/** The colon is followed by another, or sits between a hex digit and 1–4 hex digits and a colon. */
function separatesIpv6Groups(text: string, colon: number): boolean {
  if (text.charCodeAt(colon + 1) === 58) return true;
  if (!isHexDigit(text.charCodeAt(colon - 1))) return false;
  let i = colon + 1;
  while (i < colon + 5 && isHexDigit(text.charCodeAt(i))) i++;
  return i > colon + 1 && text.charCodeAt(i) === 58;
}

/**
 * `Bearer`, `bearer`, `BEARER`, `Basic`, `basic` or `BASIC` starting at `at`, whose code is
 * `b` or `B`.
 */
function schemeWordAt(text: string, at: number, code: number): number {
  const next = text.charCodeAt(at + 1);
  if (next === 101) return text.startsWith("earer", at + 1) ? Evidence.BEARER : 0;
  if (next === 97) return text.startsWith("asic", at + 1) ? Evidence.BASIC : 0;
  if (code !== 66) return 0;
  if (next === 69) return text.startsWith("EARER", at + 1) ? Evidence.BEARER : 0;
  if (next === 65) return text.startsWith("ASIC", at + 1) ? Evidence.BASIC : 0;
  return 0;
}

/** The lower-case letters `SECRET_NAME_ENDINGS` end in. */
const ENDING_LAST_LETTERS = new Uint8Array(128);
for (const ending of SECRET_NAME_ENDINGS) ENDING_LAST_LETTERS[ending.charCodeAt(ending.length - 1)] = 1;

/**
 * Whether the colon follows, past blanks and one quote, a word of `SECRET_NAME_ENDINGS` in any
 * case (what the field form's regex requires) and a name that `isSecretName` accepts (what its
 * rewrite requires).
 */
function endsSecretFieldName(text: string, colon: number): boolean {
  let end = colon;
  while (end > 0 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  if (end > 0 && (text.charCodeAt(end - 1) === 34 || text.charCodeAt(end - 1) === 39)) end--;
  const last = text.charCodeAt(end - 1) | 0x20;
  if (last >= 128 || ENDING_LAST_LETTERS[last] === 0) return false;
  if (!SECRET_NAME_ENDINGS.some((ending) => endsWithCaseless(text, end, ending))) return false;
  return isSecretName(nameBefore(text, colon));
}

/** Whether `text` before `end` ends with `word` (lower-case ASCII letters) in any case. */
function endsWithCaseless(text: string, end: number, word: string): boolean {
  const start = end - word.length;
  if (start < 0) return false;
  for (let i = 0; i < word.length; i++) {
    if ((text.charCodeAt(start + i) | 0x20) !== word.charCodeAt(i)) return false;
  }
  return true;
}

/**
 * Whether the name before `=` (every `[\w.-]` character before it, as the parameter form's
 * lookbehind makes the name start after none of them) is a secret parameter name.
 */
function namesSecretParameter(text: string, equals: number): boolean {
  const nameEnd = equals;
  let start = equals;
  while (start > 0 && isNameCharacter(text.charCodeAt(start - 1))) start--;
  return start < nameEnd && isSecretParameterName(text.slice(start, nameEnd));
}
