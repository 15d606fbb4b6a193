/**
 * A person's name in capitals in more of the shapes forms and labels print: a middle initial
 * (`from JOHN A SMITH`), an English courtesy title in capitals without its period (`from MR JOHN
 * SMITH`), a self-introduction and a phrase saying a name follows in capitals (`I AM JOHN SMITH`,
 * `MY NAME IS JOHN SMITH`), a surname after a courtesy and an academic title (`Frau Dr. SCHNEIDER`).
 * Their look-alikes stay: a region, a phrase, a brand named with a title or as a person is, a
 * character, a role.
 */
import { describe } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { itKeepsUncounted, itStoresCounting } from "../support/redaction-cases";

const redact = (text: string) => redactString(text, defaultRedactionPolicy());

describe("a person's name in capitals in more shapes", () => {
  itStoresCounting("replaces the name in %s", redact, { person_name: 1 }, [
    ["from JOHN A SMITH", "from [REDACTED:person_name]"],
    ["from MR JOHN SMITH", "from MR [REDACTED:person_name]"],
    ["I AM JOHN SMITH", "I AM [REDACTED:person_name]"],
    ["MY NAME IS JOHN SMITH", "MY NAME IS [REDACTED:person_name]"],
    ["Frau Dr. SCHNEIDER", "Frau Dr. [REDACTED:person_name]"],
    // The initial with its period, after a greeting, and inside a sentence.
    ["from JOHN A. SMITH", "from [REDACTED:person_name]"],
    ["Dear JOHN A SMITH", "Dear [REDACTED:person_name]"],
    ["sent by JOHN A SMITH on Monday", "sent by [REDACTED:person_name] on Monday"],
    // A title in capitals with its period, and a phrase saying a name follows before one given name.
    ["MRS. MARY JONES", "MRS. [REDACTED:person_name]"],
    ["MY NAME IS JOHN", "MY NAME IS [REDACTED:person_name]"],
    ["I'M JOHN SMITH", "I'M [REDACTED:person_name]"],
    ["ICH BIN HANS MÜLLER", "ICH BIN [REDACTED:person_name]"],
  ]);
  itKeepsUncounted("keeps %s", redact, [
    "from US EAST",
    "I AM GROOT",
    "FROM A TO Z",
    "MR BEAN COFFEE",
    "from JOHN DEERE",
    "I AM ADMIN",
    // In capitals a title spells an acronym as often: a given name must follow it.
    "MR SMITH",
    "DR SITE",
    "MS SQL SERVER",
    "DR PEPPER",
    // After `I AM`, as after a party's word, one given name alone is no full name.
    "I AM JOHN",
    "to JOHN B",
  ]);
});
