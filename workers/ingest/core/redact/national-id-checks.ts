/**
 * The check digits of national identity and tax numbers, each as its issuer publishes it. Every
 * check takes the number as written (blanks, dots and dashes are read past) and says whether its
 * check digit or letter holds; none throws.
 */

/**
 * The digits and letters of `value`, its blanks (an ideographic one too), dots, dashes, slashes,
 * brackets and a query's `+` left out, full-width digits read as ASCII ones, in upper case.
 */
function compact(value: string): string {
  return value
    .replace(/[ \t.\-/+()\u3000]/g, "")
    .replace(/[\uFF10-\uFF19]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .toUpperCase();
}

/** Luhn (ISO/IEC 7812-1): Canada's SIN, Sweden's personnummer (its last ten digits). */
export function luhnHolds(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

const VERHOEFF_D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1], [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VERHOEFF_P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1], [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

/** India's Aadhaar (UIDAI): twelve digits, the first 2–9, the last a Verhoeff check digit. */
export function aadhaarHolds(value: string): boolean {
  const digits = compact(value);
  if (!/^[2-9]\d{11}$/.test(digits)) return false;
  let check = 0;
  for (let i = 0; i < digits.length; i++) check = VERHOEFF_D[check]![VERHOEFF_P[i % 8]![digits.charCodeAt(digits.length - 1 - i) - 48]!]!;
  return check === 0;
}

/** Canada's Social Insurance Number: nine digits, Luhn; none starts with 8 (0 is the examples' and tests'). */
export function sinHolds(value: string): boolean {
  const digits = compact(value);
  return /^[0-79]\d{8}$/.test(digits) && luhnHolds(digits);
}

/**
 * The UK's NHS number (NHS Data Dictionary, "NHS Number"): ten digits, the last a check digit, 11
 * less the first nine's sum weighted 10 … 2 modulo 11 (11 reads 0; 10 is no number's).
 */
export function nhsNumberHolds(value: string): boolean {
  const digits = compact(value);
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (10 - i) * (digits.charCodeAt(i) - 48);
  const check = (11 - (sum % 11)) % 11;
  return check !== 10 && check === digits.charCodeAt(9) - 48;
}

/**
 * Japan's My Number (個人番号, the Individual Number: 行政手続における特定の個人を識別するための番号の利用等に関する法律施行令 第8条):
 * twelve digits, the last a check digit over the eleven before, weighted from the right 2 … 7,
 * then 2 … 6, modulo 11 (a remainder of 0 or 1 gives 0, else 11 less it).
 */
export function myNumberHolds(value: string): boolean {
  const digits = compact(value);
  if (!/^\d{12}$/.test(digits)) return false;
  let sum = 0;
  for (let n = 1; n <= 11; n++) sum += (digits.charCodeAt(11 - n) - 48) * (n <= 6 ? n + 1 : n - 5);
  const remainder = sum % 11;
  return (remainder <= 1 ? 0 : 11 - remainder) === digits.charCodeAt(11) - 48;
}

/** The Netherlands' BSN: nine digits whose "11-test" (weights 9 … 2, then −1) is a multiple of 11. */
export function bsnHolds(value: string): boolean {
  const digits = compact(value).padStart(9, "0");
  if (!/^\d{9}$/.test(digits) || digits === "000000000") return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * (digits.charCodeAt(i) - 48);
  return (sum - (digits.charCodeAt(8) - 48)) % 11 === 0;
}

/** Sweden's personnummer (`YYMMDD-NNNC`, `YYYYMMDDNNNC`): Luhn over its last ten digits, a calendar month. */
export function personnummerHolds(value: string): boolean {
  const digits = value.replace(/\D/g, "").slice(-10);
  const month = Number(digits.slice(2, 4));
  return digits.length === 10 && month >= 1 && month <= 12 && luhnHolds(digits);
}

const SPAIN_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

/** Spain's DNI (eight digits and a letter) and NIE (`X`, `Y` or `Z`, seven digits, a letter): the letter is the number modulo 23's. */
export function spanishIdHolds(value: string): boolean {
  const id = compact(value);
  const number = id.slice(0, -1).replace(/^[XYZ]/, (letter) => String("XYZ".indexOf(letter)));
  return /^\d{8}$/.test(number) && SPAIN_LETTERS[Number(number) % 23] === id[id.length - 1];
}

const CURP_CHARACTERS = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ";

/** Mexico's CURP: eighteen characters, the last a check digit over the first seventeen (RENAPO's weights 18 … 2). */
export function curpHolds(value: string): boolean {
  const curp = compact(value);
  if (curp.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CURP_CHARACTERS.indexOf(curp[i]!) * (18 - i);
  return (10 - (sum % 10)) % 10 === Number(curp[17]);
}

/** The values of a codice fiscale's characters at odd places (1st, 3rd, …), digits as the letters A–J. */
const FISCAL_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

/** Italy's codice fiscale: sixteen characters, the last a letter checking the first fifteen (D.M. 23/12/1976). */
export function codiceFiscaleHolds(value: string): boolean {
  const code = compact(value);
  if (code.length !== 16) return false;
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const character = code.charCodeAt(i);
    const index = character <= 57 ? character - 48 : character - 65;
    sum += i % 2 === 0 ? FISCAL_ODD[index]! : index;
  }
  return String.fromCharCode(65 + (sum % 26)) === code[15];
}

/** France's NIR (numéro de sécurité sociale): thirteen characters (Corsica's `2A`/`2B`), then the key, 97 less the number modulo 97. */
export function nirHolds(value: string): boolean {
  const nir = compact(value);
  if (!/^[12]\d{4}(?:\d\d|2[AB])\d{8}$/.test(nir)) return false;
  const body = nir.slice(0, 13).replace("2A", "19").replace("2B", "18");
  return 97 - Number(BigInt(body) % 97n) === Number(nir.slice(13));
}

/** Australia's TFN: nine digits (eight on old ones) whose weighted sum is a multiple of 11. */
export function tfnHolds(value: string): boolean {
  const digits = compact(value);
  const weights = digits.length === 9 ? [1, 4, 3, 7, 5, 8, 6, 9, 10] : [10, 7, 8, 4, 6, 3, 5, 1];
  if (!/^\d{8,9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += weights[i]! * (digits.charCodeAt(i) - 48);
  return sum % 11 === 0;
}

/** Singapore's NRIC (`S`, `T`) and FIN (`F`, `G`): seven digits weighted 2, 7, 6, 5, 4, 3, 2 choose the last letter. */
export function nricHolds(value: string): boolean {
  const id = compact(value);
  if (!/^[STFG]\d{7}[A-Z]$/.test(id)) return false;
  const weights = [2, 7, 6, 5, 4, 3, 2];
  let sum = id[0] === "T" || id[0] === "G" ? 4 : 0;
  for (let i = 0; i < 7; i++) sum += weights[i]! * (id.charCodeAt(i + 1) - 48);
  const letters = id[0] === "S" || id[0] === "T" ? "JZIHGFEDCBA" : "XWUTRQPNMLK";
  return letters[sum % 11] === id[8];
}

/** Chile's RUT/RUN: its digits weighted 2 … 7 from the right, modulo 11, give the check (`K` for 10). */
export function rutHolds(value: string): boolean {
  const rut = compact(value);
  if (!/^\d{7,8}[\dK]$/.test(rut)) return false;
  let sum = 0;
  for (let i = rut.length - 2, weight = 2; i >= 0; i--, weight = weight === 7 ? 2 : weight + 1) sum += weight * (rut.charCodeAt(i) - 48);
  const check = 11 - (sum % 11);
  return (check === 11 ? "0" : check === 10 ? "K" : String(check)) === rut[rut.length - 1];
}

/** Argentina's CUIT/CUIL: eleven digits, the last checking the first ten (weights 5, 4, 3, 2, 7, 6, 5, 4, 3, 2, modulo 11). */
export function cuitHolds(value: string): boolean {
  const digits = compact(value);
  if (!/^\d{11}$/.test(digits)) return false;
  const weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += weights[i]! * (digits.charCodeAt(i) - 48);
  const check = 11 - (sum % 11);
  return (check === 11 ? 0 : check) === digits.charCodeAt(10) - 48;
}

/** Germany's Steuer-ID: eleven digits, no leading 0, the last an ISO 7064 MOD 11,10 check digit. */
export function steuerIdHolds(value: string): boolean {
  const digits = compact(value);
  if (!/^[1-9]\d{10}$/.test(digits)) return false;
  let product = 10;
  for (let i = 0; i < 10; i++) {
    const sum = (digits.charCodeAt(i) - 48 + product) % 10;
    product = ((sum === 0 ? 10 : sum) * 2) % 11;
  }
  return (11 - product) % 10 === digits.charCodeAt(10) - 48;
}

/**
 * Poland's PESEL: eleven digits, the birth date (`YYMMDD`, the month plus 80, 0, 20, 40 or 60 for
 * the 1800s … 2200s), a serial, the last a check digit over the first ten (weights 1, 3, 7, 9,
 * repeated; Ustawa o ewidencji ludności, art. 15).
 */
export function peselHolds(value: string): boolean {
  const digits = compact(value);
  if (!/^\d{11}$/.test(digits)) return false;
  const month = Number(digits.slice(2, 4)) % 20;
  const day = Number(digits.slice(4, 6));
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += weights[i]! * (digits.charCodeAt(i) - 48);
  return (10 - (sum % 10)) % 10 === digits.charCodeAt(10) - 48;
}

/**
 * A machine-readable travel document's number and its check digit (ICAO Doc 9303, part 3, 4.9):
 * the characters' values (digits their own, `A`–`Z` 10–35) times the weights 7, 3, 1 repeated,
 * summed, modulo 10. `value` is the number with its check digit last (`T220001293`, a German
 * identity card's; `C01X00T478`, a German passport's).
 */
export function icaoCheckDigitHolds(value: string): boolean {
  const characters = compact(value);
  if (!/^[0-9A-Z]{2,}\d$/.test(characters)) return false;
  const weights = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < characters.length - 1; i++) {
    const code = characters.charCodeAt(i);
    sum += weights[i % 3]! * (code <= 57 ? code - 48 : code - 55);
  }
  return sum % 10 === characters.charCodeAt(characters.length - 1) - 48;
}

/**
 * Germany's identity card (Personalausweis, since November 2010) and passport numbers: nine
 * characters, an issuing authority's letter first, then letters and digits, no vowel nor `B`,
 * `D`, `Q`, `S` (Personalausweisverordnung; ICAO Doc 9303's document number), as printed
 * (`T22000129`) or with the check digit the machine-readable zone adds (`T220001293`): a number
 * holds when it has that digit and it agrees (`icaoCheckDigitHolds`); the printed nine have none
 * to test.
 */
export function germanDocumentNumberHolds(value: string): boolean {
  const characters = compact(value);
  return /^[CFGHJ-NPRTV-Z][0-9CFGHJ-NPRTV-Z]{8}\d$/.test(characters) && icaoCheckDigitHolds(characters);
}
