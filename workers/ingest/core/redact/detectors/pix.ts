import { Evidence } from "../evidence";
import { Place, caseless, type Detector } from "./detector";
import { WHOLE_UUID } from "../uuid";
import { isValidCnpj, isValidCpf } from "./brazil-tax-ids";

/**
 * PIX, Brazil's instant payments (Banco Central do Brasil, "Manual de Padrões para Iniciação do
 * Pix"). A PIX key names the account that receives: a CPF, a CNPJ, an e-mail, a phone
 * (`+5511987654321`) or a random key (chave aleatória, a UUID). The first four are found by
 * their own detectors wherever they stand; a UUID is an id everywhere else, so it is a PIX key
 * only in its context: after its name (`chave pix: `, `chave aleatória `, `PIX key `, `pixKey=`)
 * or under a key naming one (`pix.chave`, `pix_key`, `chavePix`: `Place.PIX_KEY_VALUE`, where
 * the whole value is the key whatever its type, and a UUID in a longer value is one), or under the
 * bare `pix` in a key's shape (`Place.BARE_PIX_VALUE`).
 *
 * The "copia e cola" code (the BR Code, an EMV QR Code Merchant-Presented Mode payload: fields of
 * a two-digit id, a two-digit length and the value) holds the receiver's key in sub-field 01 of
 * the merchant account template (ids 26–51) whose sub-field 00 is `br.gov.bcb.pix`, and the
 * receiver's name in field 59. Both values are replaced by the marker, in place: the rest stays
 * readable (amount 54, city 60, the transaction id in 62, a dynamic code's location URL in
 * sub-field 25, which is the payment provider's, the CRC 63), and the lengths stay as sent, so
 * they no longer match the values (the stored code is no payable code). A code whose lengths do
 * not hold together is replaced from its key template's identifier on. The PIX template is read
 * where BR Codes put it, first after the point of initiation.
 */
const PIX_WORD = caseless("pix");
const RANDOM_WORD = `(?:${caseless("aleat")}[óÓoO]${caseless("ria")}|${caseless("evp")})`;
/**
 * A PIX key's name as a field's name, every spelling `namesPixKey` accepts as a key's last words:
 * `chave pix`, `chave_pix`, `chavePix`, `chave aleatória`, `chave EVP`, `pix_key`, `pixKey`,
 * `pix.key`, `pix.chave`, `PIX key`, a random key's type after them (`pix.chave_aleatoria`), in any
 * case, starting a word or a camel-case word (`paymentPixKey`; `payment.pix.key` starts at `pix`).
 * Not the bare word `pix` (`BARE_PIX_NAME` reads it), nor a name going on (`pix.key_type`, `pix_key_id`).
 */
const PIX_KEY_NAME =
  "(?:(?<![A-Za-z\\u00C0-\\u00FF0-9])|(?<=[a-z0-9])(?=[PC]))" +
  `(?:${caseless("chave")}[ _.-]?(?:${PIX_WORD}|${RANDOM_WORD})|${PIX_WORD}[ _.-]?(?:${caseless("key")}|${caseless("chave")}))` +
  `(?:[ _.-]?(?:${PIX_WORD}|${RANDOM_WORD}))?(?![A-Za-z\\u00C0-\\u00FF0-9_])`;
/**
 * The bare word `pix` as a field's name (`pix: +5511987654321`, `pix=ana@x.com`, `"pix":"…"`,
 * `[pix] => …`), a word of its own or a key's last (`payment.pix`, `cliente_pix`), not going on
 * (`pix.key_type`, `pix_status`, `pixel`). Its value is a key only in a key's shape
 * (`isBarePixKey`): an amount or a count stands there as often (`pix: 150.00`, `pix=3`).
 */
const BARE_PIX_NAME = `(?<![A-Za-z\\u00C0-\\u00FF0-9-])${PIX_WORD}(?![A-Za-z\\u00C0-\\u00FF0-9_]|[.-][A-Za-z])`;
/** A match of the bare name's field: `pix` and a separator, no `key`/`chave` after it. */
const BARE_PIX_FIELD = new RegExp(`^${PIX_WORD}(?:\\\\{0,7}["'])?\\]?[ \\t]*(?::|=)`);
/** A character of an unquoted field value: all but blanks, quotes, brackets and a parameter's separators. */
const VALUE_CHARACTER = "[^\\s\"'\\\\&;,<>()\\[\\]{}]";
/**
 * A field's value after its name's closing quote or bracket and its separator (`:`, `=`, `=>`:
 * `pix_key=…`, `chave pix: …`, `"pix_key": "…"`, `[pix_key] => …` as PHP's `print_r` writes it,
 * `\"pixKey\":\"…\"` in JSON text held in a string): a quoted word, or an unquoted one without
 * a sentence's final punctuation; as long as the whole value under a key naming a PIX key (77).
 */
const PIX_KEY_FIELD_VALUE =
  "(?:\\\\{0,7}[\"'])?\\]?[ \\t]*(?::(?!=)|=>|=(?![=>]))[ \\t]*" +
  `(?:\\\\{0,7}"[^\\s"'\\\\]{1,77}\\\\{0,7}"|\\\\{0,7}'[^\\s"'\\\\]{1,77}\\\\{0,7}'|${VALUE_CHARACTER}{0,76}[^\\s"'\\\\&;,<>()\\[\\]{}.:!?])`;
/** What may stand between a PIX key's name and its key in a sentence (`pix para 11987654321`, `chave pix é …`). */
const PIX_PREPOSITION = "(?:(?:para|de|do|da|to|from|é|is)[ \\t]+)?";
/** A number's end: no letter, digit or address after it, no decimal part. */
const NUMBER_END = "(?![\\w@]|[.,]\\d)";
/**
 * A PIX key's field written into text, its whole value the key whatever its type, as under an
 * attribute's key naming one: the name (`PIX_KEY_NAME`) and a field's value (`PIX_KEY_FIELD_VALUE`),
 * or the name, a blank and a key of digits (a phone, a CPF, a CNPJ: `chave pix 11987654321`); or
 * the word `pix` alone before a Brazilian mobile number without its punctuation (`pix
 * 11987654321 recebido`: area code, `9`, eight digits), which no phone detector reads as one.
 */
const PIX_KEY_FIELD =
  `${PIX_KEY_NAME}(?:${PIX_KEY_FIELD_VALUE}|[ \\t]+${PIX_PREPOSITION}\\+?\\d{10,14}${NUMBER_END})` +
  `|${BARE_PIX_NAME}${PIX_KEY_FIELD_VALUE}` +
  `|(?<![\\w\\u00C0-\\u00FF.-])${PIX_WORD}[ \\t]+${PIX_PREPOSITION}\\+?(?:55)?[1-9]{2}9\\d{8}${NUMBER_END}`;

export const pixDetector: Detector = {
  kind: "pix_key",
  source:
    // A BR Code: its payload format indicator, perhaps its point of initiation, PIX's template
    // with its identifier, then up to the CRC field (an EMV payload holds at most 512
    // characters), never past another code's identifier: a text of many costs linear time.
    `(?<![0-9A-Za-z])000201(?:01021[12])?(?:[234]\\d|5[01])\\d\\d0014${caseless("br.gov.bcb.pix").replace(/\./g, "\\.")}` +
    `(?:(?!0014[Bb][Rr]\\.)[^\\n\\r"\\\\]){0,480}?6304[0-9A-Fa-f]{4}(?![0-9A-Za-z])` +
    // A random key.
    `|(?<![\\w-])[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![\\w-])` +
    // A field of text named as a PIX key, or a phone after the word `pix` (`PIX_KEY_FIELD`).
    `|${PIX_KEY_FIELD}` +
    // The whole value under a key naming a PIX key (77 characters: the longest key, an e-mail).
    `|^[ \\t]*[^\\s]{1,77}[ \\t]*$`,
  evidence: Evidence.PIX,
  placeEvidence: Place.PIX_KEY_VALUE | Place.BARE_PIX_VALUE,
  rewrite: (match, marker, text, start, place) => {
    // A code holding a marker was redacted already (its lengths no longer hold together).
    if (match.startsWith("000201") && match.length > 30) return match.includes(marker) ? undefined : redactBrCode(match, marker);
    const pixKeyValue = (place & Place.PIX_KEY_VALUE) !== 0;
    if (pixKeyValue && start === 0 && text.length === match.length) return marker;
    // Under the bare `pix`, the whole value in a key's shape (`{"pix":"+5511987654321"}`, a UUID).
    if ((place & Place.BARE_PIX_VALUE) !== 0 && start === 0 && text.length === match.length && isBarePixKey(match.trim())) return marker;
    if (!WHOLE_UUID.test(match)) return isPixKeyField(match, text, start) ? redactPixKeyField(match, marker) : undefined;
    return pixKeyValue || PIX_KEY_NAMED_BEFORE.test(text.slice(Math.max(0, start - PIX_KEY_NAME_REACH), start)) ? marker : undefined;
  },
};
/**
 * The names of a PIX key in text, then what may stand between them and the key: `chave pix`,
 * `chave aleatória`, `chave EVP` (the DICT's name of the random key type), `PIX key`, `pix_key`,
 * `pixKey`, `chavePix`, `random key`, then a quote, `:`, `=`, `é`/`is`.
 */
const PIX_KEY_NAMED_BEFORE =
  /(?<![A-Za-z\u00C0-\u00FF])(?:chave[ _.-]?(?:pix|aleat[óo]ria|evp)|pix[ _.-]?(?:key|chave)|random[ _.-]?key)(?:[ _.-]?(?:pix|aleat[óo]ria|evp|random))?["']?[ \t]*(?:[:=][ \t]*["']?|(?:is|é)[ \t]+)?$/i;
/** How far before a random key its name is read. */
const PIX_KEY_NAME_REACH = 40;

/** `PIX_KEY_FIELD` where it is tried, to tell its matches from the whole value's alternative. */
const PIX_KEY_FIELD_AT = new RegExp(PIX_KEY_FIELD, "y");

/** Whether `match`, at `start` of `text`, is a PIX key's field (`PIX_KEY_FIELD`), read where it stands: its name may be a camel-case word's. */
function isPixKeyField(match: string, text: string, start: number): boolean {
  PIX_KEY_FIELD_AT.lastIndex = start;
  return PIX_KEY_FIELD_AT.exec(text)?.[0] === match;
}

/**
 * The rewrite of a PIX key's field (`PIX_KEY_FIELD`): its name, separator and quotes kept, its
 * value replaced by `marker`; undefined for a match of another alternative, and for a value with
 * neither a digit nor an `@`, which no key's type lacks (`chave pix: inválida`, `pix_key=null`,
 * a marker already there).
 */
function redactPixKeyField(match: string, marker: string): string | undefined {
  const closing = CLOSING_QUOTE.exec(match)?.[0] ?? "";
  const body = match.slice(0, match.length - closing.length);
  const valueStart = body.search(LAST_VALUE);
  const value = body.slice(valueStart);
  if (valueStart === 0 || !KEY_CHARACTER.test(value)) return undefined;
  if (BARE_PIX_FIELD.test(match) && !isBarePixKey(value)) return undefined;
  return body.slice(0, valueStart) + marker + closing;
}
const CLOSING_QUOTE = /\\{0,7}["']$/;
/** A field's value: what follows its separator, blank or quote. */
const LAST_VALUE = /(?<![^\s:=>"'\\])[^\s:=>"'\\]+$/;
const KEY_CHARACTER = /[\d@]/;

/** The BR Code's fields: the merchant account templates, the receiver's name, the CRC. */
const FIRST_ACCOUNT_TEMPLATE = 26;
const LAST_ACCOUNT_TEMPLATE = 51;
const RECEIVER_NAME = "59";
const CRC = "63";
const PIX_GUI = "br.gov.bcb.pix";
const KEY = "01";

/**
 * The BR Code with its key's and its receiver name's values replaced by `marker`, or undefined
 * when it is no PIX code (another EMV scheme's, or no template names PIX). Fields are read as
 * `id`, `length`, value up to the CRC field, which must end the code.
 */
function redactBrCode(code: string, marker: string): string | undefined {
  let output = "";
  let pix = false;
  let at = 0;
  while (at < code.length) {
    const field = readField(code, at);
    if (field === undefined) break;
    const id = Number(field.id);
    let value = field.value;
    if (id >= FIRST_ACCOUNT_TEMPLATE && id <= LAST_ACCOUNT_TEMPLATE) {
      const account = redactPixAccount(value, marker);
      if (account !== undefined) {
        pix = true;
        value = account;
      }
    } else if (field.id === RECEIVER_NAME) {
      value = marker;
    }
    output += code.slice(at, at + 4) + value;
    at = field.end;
    if (field.id === CRC) return pix && at === code.length ? output : redactFromPixTemplate(code, marker);
  }
  return redactFromPixTemplate(code, marker);
}

/** A merchant account template's value with its key replaced, or undefined when its sub-field 00 is not PIX's. */
function redactPixAccount(template: string, marker: string): string | undefined {
  let output = "";
  let pix = false;
  for (let at = 0; at < template.length; ) {
    const field = readField(template, at);
    if (field === undefined) return pix ? output + marker : undefined;
    if (field.id === "00" && field.value.toLowerCase() === PIX_GUI) pix = true;
    output += template.slice(at, at + 4) + (field.id === KEY ? marker : field.value);
    at = field.end;
  }
  return pix ? output : undefined;
}

/** A code whose fields do not hold together: everything after PIX's identifier is replaced, when it names one. */
function redactFromPixTemplate(code: string, marker: string): string | undefined {
  const gui = code.toLowerCase().indexOf(PIX_GUI);
  return gui < 0 ? undefined : code.slice(0, gui + PIX_GUI.length) + marker;
}

/** The field at `at`: two digits of id, two of length, the value; undefined when the text there is none. */
function readField(text: string, at: number): { id: string; value: string; end: number } | undefined {
  const id = text.slice(at, at + 2);
  const length = text.slice(at + 2, at + 4);
  if (!TWO_DIGITS.test(id) || !TWO_DIGITS.test(length)) return undefined;
  const end = at + 4 + Number(length);
  if (end > text.length) return undefined;
  return { id, value: text.slice(at + 4, end), end };
}
const TWO_DIGITS = /^\d\d$/;

/**
 * Whether a key's words (`nameWords`) name a PIX key: `pix` (or `chave` and `aleatoria`) with
 * `key`/`chave`, ending in one of them or in `pix`/`aleatoria`/`evp` (`pix.chave`, `pix_key`,
 * `chavePix`, `payment.pix.key`, `chave_aleatoria`; not `pix.key_type`).
 */
export function namesPixKey(words: readonly string[]): boolean {
  const last = words[words.length - 1] ?? "";
  if (!PIX_KEY_LAST_WORDS.has(last)) return false;
  const pix = words.includes("pix") || words.includes("aleatoria") || words.includes("aleatória") || words.includes("evp");
  return pix && (words.includes("key") || words.includes("chave"));
}
const PIX_KEY_LAST_WORDS: ReadonlySet<string> = new Set(["key", "chave", "pix", "aleatoria", "aleatória", "evp"]);

/**
 * Whether a key's words (`nameWords`) end in the bare word `pix` and name no PIX key otherwise
 * (`pix`, `payment.pix`, `cliente_pix`; not `pix_key`, `chavePix`: `namesPixKey`; not `pixels`,
 * `pix_fmt`, whose last word is another): `Place.BARE_PIX_VALUE`.
 */
export function namesBarePix(words: readonly string[]): boolean {
  return words[words.length - 1] === "pix" && !namesPixKey(words);
}

/**
 * Whether a whole value under the bare `pix` is a PIX key of one of its five types (Manual de
 * Padrões para Iniciação do Pix, the DICT's key types): a CPF or a CNPJ whose check digits hold,
 * a phone with Brazil's country code (`+5511987654321`) or a Brazilian mobile's eleven digits
 * (`11987654321`), an e-mail, or a random key (a UUID). Any other number is none, as a
 * graphics key's (`image.pix = 1234567890`, a pixel count) or a payment's amount.
 */
function isBarePixKey(value: string): boolean {
  if (WHOLE_UUID.test(value) || PIX_EMAIL.test(value)) return true;
  if (!PIX_NUMBER.test(value)) return false;
  const digits = value.replace(/[^\d]/g, "");
  return isValidCpf(digits) || isValidCnpj(digits) || (value.startsWith("+") ? /^55\d{10,11}$/.test(digits) : /^(?:55)?[1-9]{2}9\d{8}$/.test(digits));
}
/** An e-mail address as a PIX key: a local part, `@`, a domain with a dot. */
const PIX_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** A number as a PIX key is written: digits, perhaps a `+`, and the punctuation of a CPF, a CNPJ or a phone. */
const PIX_NUMBER = /^\+?[\d.\/() -]{10,20}$/;
