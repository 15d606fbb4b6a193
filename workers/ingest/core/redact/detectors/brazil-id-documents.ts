import { Evidence } from "../evidence";
import { caseless, type Detector } from "./detector";

/**
 * Brazil's identity documents, redacted after the words that name them: the RG (Registro Geral,
 * the identity card each state issues) and the CNH (Carteira Nacional de Habilitação, the
 * driver's licence, whose number is an identity document too). Neither number has one national
 * format or check digit (the RG's grouping, length and check digit vary by state), so only the
 * word says what the number is: `RG 12.345.678-9`, `RG: 123456789`, `RG nº MG-12.345.678`,
 * `carteira de identidade 1234567`, `CNH 02650306461`, `CNH nº 123 456 789 00`,
 * `"rg":"123456789"`. A number after any other word is not one (ids, orders, timestamps).
 */

/** Between the word and the number: `nº`, `n.º`, `no.`, `número`, `#`, a quote, `:`, `=`, a state's letters (`SP-`). */
const BETWEEN =
  "(?:[ _-]?(?:[Nn](?:[º°]|\\.[º°]|o\\.?|ú?mero|UMERO|ÚMERO)|#))?\\.?[\"']?[ \\t]*(?:[:=#][ \\t]*[\"']?)?(?:[A-Z]{2}[- ])?";
/** A word ends before the name: not glued to a letter before it (`ORG`), but a key's last word (`cliente_rg`, `numeroRg`). */
const NOT_GLUED = "(?<![A-Za-z\\u00C0-\\u00FF])";
const END = "(?![\\w/-]|[.,]\\d)";

const RG_NAME = `(?:${NOT_GLUED}(?:RG|R\\.G\\.|[Rr]g|${["carteira de identidade", "cédula de identidade", "cedula de identidade", "documento de identidade", "identidade"].map(caseless).join("|")})|[a-z]Rg)`;
/** 5 to 12 digits, in groups of three after one to three (`12.345.678`), then a check digit or `X`. */
const RG_NUMBER = `\\d{1,3}(?:\\.?\\d{3}){1,3}(?:-?[\\dXx])?${END}`;

export const rgDetector: Detector = {
  kind: "rg",
  // Every match starts with a digit: the words before it are read only there.
  // A state's letters may stand glued before it (`MG-12.345.678`).
  source: `(?=\\d)(?<![\\w.,/]|(?<![A-Z]{2})-)(?<=${RG_NAME}${BETWEEN})${RG_NUMBER}`,
  evidence: Evidence.ID_DOCUMENT,
};

const CNH_NAME = `(?:${NOT_GLUED}(?:CNH|[Cc]nh|${["carteira nacional de habilitação", "carteira nacional de habilitacao", "carteira de motorista", "habilitação", "habilitacao"].map(caseless).join("|")})|[a-z]Cnh)`;
/** 11 digits (9 on licences from before 1999), in a row or in the CPF's groups. */
const CNH_NUMBER = `(?:\\d{11}|\\d{9}|\\d{3}[ .]\\d{3}[ .]\\d{3}[ .-]?\\d{2})${END}`;

export const cnhDetector: Detector = {
  kind: "cnh",
  source: `(?=\\d)(?<![\\w.,/]|(?<![A-Z]{2})-)(?<=${CNH_NAME}${BETWEEN})${CNH_NUMBER}`,
  evidence: Evidence.ID_DOCUMENT,
};
