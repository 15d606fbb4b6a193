import { Evidence } from "../evidence";
import { PERSON_FIELD_LAST_WORDS, holdsPersonName, namesWhosePersonField } from "../person-names";
import { nameBefore, nameWords } from "../secret-names";
import type { Detector } from "./detector";
import { nameFieldSource, nameFieldValue, rewrittenNameField } from "./name-field";

/** The kind of a person's name or login, found by its key (`key-rules.ts`) or in text. */
export const PERSON_NAME_KIND = "person_name";

/**
 * A person's name or login as a field written into free text (`name-field.ts`): `login ok
 * user.name=ana.silva from 10.0.0.4`, `userName: "Ana Silva" signed in`, `customer_full_name="Ana
 * Silva"`, `process.owner=ana.silva`. The keys are the person-name key rule's that say whose name
 * it is (`namesWhosePersonField`): a bare `full_name=Ana` or `first_name=Maria` stays in text,
 * where no path tells whose it is. The value is judged as that rule judges it (`holdsPersonName`:
 * a service account, `root`, an id or a placeholder stays). A JSON member the key rules kept by
 * its path (a `keepKeys` entry) stays (`fieldValue`, kept-members.ts): the text scan reads only
 * its name. Words without a field's separator stay (`the user name field is required`).
 */
export const personNameFieldDetector: Detector = {
  kind: PERSON_NAME_KIND,
  source: nameFieldSource(PERSON_FIELD_LAST_WORDS),
  evidence: Evidence.CARD_HOLDER_FIELD,
  fieldValue: nameFieldValue,
  rewrite: (match, marker, text, start) =>
    namesWhosePersonField(nameWords(nameBefore(text, start))) ? rewrittenNameField(match, marker, holdsPersonName) : undefined,
};
