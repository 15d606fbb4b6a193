import { Evidence } from "../evidence";
import { Place, caseless, type Detector } from "./detector";
import { FIELD_SEPARATOR, NAME_CLOSING, VALUE_OPENING_QUOTES } from "./escaped-quotes";
import { NUMBER_WORD, NUMBER_WORD_SET } from "./thing-words";

/**
 * Brazil's identity documents, redacted where their name says what the number is: the RG
 * (Registro Geral, the identity card each state issues) and the CNH (Carteira Nacional de
 * Habilitação, the driver's licence, whose number is an identity document too). Neither number
 * has one national format or check digit (the RG's grouping, length and check digit vary by
 * state), so only the name says what the number is: after it in text (`RG 12.345.678-9`,
 * `RG: 123456789`, `RG nº MG-12.345.678`, `carteira de identidade 1234567`, `CNH 02650306461`,
 * `CNH nº 123 456 789 00`, `"rg":"123456789"`), or as the whole value of a key naming it, as a
 * lifted JSON line gives it (`rg`, `cliente.cnh`: `Place.RG_VALUE`, `Place.CNH_VALUE`). A number
 * after any other word is not one (ids, orders, timestamps).
 */

/**
 * Between the name and the number: `nº`, `n.º`, `no.`, `número`, `#`, a quote (perhaps escaped,
 * in JSON text held in a string: `{\\"rg\\":\\"…`) or `print_r`'s `]`, `:`, `=`, `=>`, a state's letters (`SP-`).
 */
const BETWEEN = `(?:[ _-]?${NUMBER_WORD})?\\.?${NAME_CLOSING}?[ \\t]*(?:${FIELD_SEPARATOR}[ \\t]*${VALUE_OPENING_QUOTES}?)?(?:[A-Z]{2}[- ])?`;
/** A name is not glued to a letter before it (`ORG`), but may be a key's last word (`cliente_rg`, `numeroRg`). */
const NOT_GLUED = "(?<![A-Za-z\\u00C0-\\u00FF])";
const END = "(?![\\w/-]|[.,]\\d)";
/** How far before its number a document's name is read. */
const NAME_REACH = 48;

/**
 * The detector of one document: its `kind`, its `name` (regex source of the words naming it),
 * its `number` (regex source) and the `Place` fact of a key naming it. The number starts at a
 * digit not glued to a word or a number (a state's letters may be, `MG-12.345.678`), after the
 * name, or at the start of the text; there it is the document only as the whole value of a key
 * naming it.
 */
function documentDetector(kind: string, name: string, number: string, placed: number): Detector {
  const namedBefore = new RegExp(`${name}${BETWEEN}$`);
  return {
    kind,
    source: `(?=\\d)(?<![\\w.,/]|(?<![A-Z]{2})-)(?<=${name}${BETWEEN}|^(?:[A-Z]{2}[- ])?)${number}${END}`,
    evidence: Evidence.ID_DOCUMENT,
    placeEvidence: placed,
    rewrite: (match, marker, text, start, place) =>
      ((place & placed) !== 0 && text.slice(start + match.length).trim() === "") ||
      namedBefore.test(text.slice(Math.max(0, start - NAME_REACH), start))
        ? marker
        : undefined,
  };
}
export const rgDetector = documentDetector(
  "rg",
  `(?:${NOT_GLUED}(?:RG|R\\.G\\.|[Rr]g|${["carteira de identidade", "cédula de identidade", "cedula de identidade", "documento de identidade", "identidade"].map(caseless).join("|")})|[a-z]Rg)`,
  // 7 to 12 digits, in groups of three after one to three (`12.345.678`), then a check digit or `X`.
  "\\d{1,3}(?:\\.?\\d{3}){2,3}(?:-?[\\dXx])?",
  Place.RG_VALUE,
);

export const cnhDetector = documentDetector(
  "cnh",
  `(?:${NOT_GLUED}(?:CNH|[Cc]nh|${["carteira nacional de habilitação", "carteira nacional de habilitacao", "carteira de motorista", "habilitação", "habilitacao"].map(caseless).join("|")})|[a-z]Cnh)`,
  // 11 digits (9 on licences from before 1999), in a row or in the CPF's groups.
  "(?:\\d{11}|\\d{9}|\\d{3}[ .]\\d{3}[ .]\\d{3}[ .-]?\\d{2})",
  Place.CNH_VALUE,
);

/** A key's last word naming an RG (`rg`, `cliente_rg`, `numeroRg`, `identidade`) or a CNH (`cnh`, `habilitacao`). */
const RG_KEY_WORDS: ReadonlySet<string> = new Set(["rg", "identidade"]);
const CNH_KEY_WORDS: ReadonlySet<string> = new Set(["cnh", "habilitacao", "habilitação"]);

/**
 * The `Place` fact a key's words (`nameWords`) give about Brazilian identity documents:
 * `RG_VALUE` when its last word names an RG, `CNH_VALUE` a CNH, also before a word for "number"
 * (`rg_numero`, `cnh_number`); 0 otherwise.
 */
export function idDocumentPlace(words: readonly string[]): number {
  const last = words[words.length - 1] ?? "";
  const word = NUMBER_WORD_SET.has(last) ? (words[words.length - 2] ?? "") : last;
  return RG_KEY_WORDS.has(word) ? Place.RG_VALUE : CNH_KEY_WORDS.has(word) ? Place.CNH_VALUE : 0;
}
