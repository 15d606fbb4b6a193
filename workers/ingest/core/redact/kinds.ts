import { BUILT_IN_DETECTORS } from "./detectors";
import { SECRET_KEY_KIND } from "./key-rule-kinds";

export { redactionMarker } from "./detectors/detector";
/** The value of a key naming a payment card's holder (`card.holder`, `holderName`, `titular`), and such a field in text: the holder's name. */
export { CARD_HOLDER_KIND } from "./detectors/card-holder-field";

export { DROPPED_KIND, HASHED_KIND, SECRET_KEY_KIND } from "./key-rule-kinds";
/** The value of a key naming a person's name or login (`user.full_name`, `user.name`, `process.owner`: `person-names.ts`), and such a field in text. */
export { PERSON_NAME_KIND } from "./detectors/person-name-field";
/** A person's street address, by its key (`street`, `address_line1`, `shipping_address`: `street-addresses.ts`) or in text (`12 Main St`). */
export { STREET_ADDRESS_KIND } from "./detectors/street-address";

/** Built-in kinds a policy can turn off; dropping and hashing follow the policy's key lists. */
export const BUILT_IN_KINDS: readonly string[] = [
  // Three detectors count as `secret_param` (a name's value, an assignment in other notations, a
  // code in a sentence); `card_holder` and `person_name` are key rules' kinds and detectors'.
  ...new Set([...BUILT_IN_DETECTORS.map((detector) => detector.kind), SECRET_KEY_KIND]),
];
