/**
 * Names of lists of a person's numbers, read as the name of one of their items: a list's name
 * is its item's name with a word saying it is a list after it (`ssn_list`, `phoneList`,
 * `cpf_array`), or with its word for "number" in the plural (`phoneNumbers`, `phone_numbers`,
 * `socialSecurityNumbers`, `numeros`). What a list under such a name holds is what its item's
 * name would hold, so the key rules and the detectors reading names in text ask about the item's
 * name (the lists themselves are read item by item in `list-items.ts`).
 */

/** Words saying a name holds a list, lower case, after the item's name (`_list`, `List`, `_array`). */
const LIST_WORDS: ReadonlySet<string> = new Set(["list", "array"]);

/** Plural words for "number" (`thing-words.ts`, `NUMBER_WORDS`) and their singular. */
const PLURAL_NUMBER_WORDS: ReadonlyMap<string, string> = new Map([
  ["numbers", "number"],
  ["nums", "num"],
  ["numeros", "numero"],
  ["números", "número"],
]);

/**
 * A name's words (`nameWords`: lower case) as the name of one item of the list it names:
 * without a last word saying it is a list, and with a last word for "number" in the singular
 * (`ssn list` → `ssn`, `phone numbers list` → `phone number`, `social security numbers` →
 * `social security number`). Other names come back as they are, in a new array.
 */
export function itemNameWords(words: readonly string[]): string[] {
  let end = words.length;
  if (end > 1 && LIST_WORDS.has(words[end - 1]!)) end--;
  const item = words.slice(0, end);
  const singular = PLURAL_NUMBER_WORDS.get(item[end - 1] ?? "");
  if (singular !== undefined && end > 1) item[end - 1] = singular;
  return item;
}

/**
 * A regex source (compiled without flags) of what a list's name may put after its item's name
 * in text: `s` after a word for "number" (`phoneNumbers`, `phone_numbers`), then perhaps a word
 * saying it is a list (`ssn_list`, `phoneList`, `SSN_ARRAY`). Callers put it right after the
 * item's name (and its word for "number").
 */
export const LIST_NAME_SUFFIX = "(?:[ _-]?(?:[Ll]ist|LIST|[Aa]rray|ARRAY))?";

/** The plural `s` of a word for "number" in text (`Numbers`, `NUMBERS`, `nums`). */
export const PLURAL_S = "[sS]?";
