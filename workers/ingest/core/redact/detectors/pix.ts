import { Evidence } from "../evidence";
import { Place, caseless, type Detector } from "./detector";
import { WHOLE_UUID } from "../uuid";

/**
 * PIX, Brazil's instant payments (Banco Central do Brasil, "Manual de Padrões para Iniciação do
 * Pix"). A PIX key names the account that receives: a CPF, a CNPJ, an e-mail, a phone
 * (`+5511987654321`) or a random key (chave aleatória, a UUID). The first four are found by
 * their own detectors wherever they stand; a UUID is an id everywhere else, so it is a PIX key
 * only in its context: after its name (`chave pix: `, `chave aleatória `, `PIX key `, `pixKey=`)
 * or under a key naming one (`pix.chave`, `pix_key`, `chavePix`: `Place.PIX_KEY_VALUE`, where
 * the whole value is the key whatever its type, and a UUID in a longer value is one).
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
    // The whole value under a key naming a PIX key (77 characters: the longest key, an e-mail).
    `|^[ \\t]*[^\\s]{1,77}[ \\t]*$`,
  evidence: Evidence.PIX,
  placeEvidence: Place.PIX_KEY_VALUE,
  rewrite: (match, marker, text, start, place) => {
    // A code holding a marker was redacted already (its lengths no longer hold together).
    if (match.startsWith("000201") && match.length > 30) return match.includes(marker) ? undefined : redactBrCode(match, marker);
    const pixKeyValue = (place & Place.PIX_KEY_VALUE) !== 0;
    if (pixKeyValue && start === 0 && text.length === match.length) return marker;
    if (!WHOLE_UUID.test(match)) return undefined;
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
