/**
 * A secret's list value read by what its sender meant: a name holding the secret's word beside a
 * word that numbers or measures it keeps its numbers; a list of variables or placeholders under a
 * secret's name keeps them; a plural code's name after `:` loses its numbers as after `=`; an
 * Authorization's bracketed credentials keep an ellipsis of ASCII dots as a mask and lose a
 * credential closed before a sentence's mark or a query's `&`. Each output is pinned.
 */
import { describe } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { itKeepsUncounted, itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const counted = (text: string) => redactString(text, policy);
const SECRET_PARAM = "[REDACTED:secret_param]";
const BEARER = "[REDACTED:bearer]";

describe("a name holding the secret's word beside a word that numbers or measures it keeps its numbers", () => {
  itKeepsUncounted("an id, a time, a page's share, a length or a limit after the secret's word: %j", counted, [
    "pin_ids=[1234, 5678]",
    "pin_timeout_ms=[1500, 3000]",
    "passwords_per_page=[1000]",
    "password_lengths=[8, 64]",
    "pin_attempt_limits=[3, 5]",
    "password_lengths=[1000, 2000]",
    "password_index=[1000, 2000]",
    "pin_versions=[1234, 5678]",
    "otp_delays_ms=[1500, 3000]",
    "pin_ids: [1234, 5678]",
    '"pin_timeout_ms": [1500, 3000]',
    '{"msg":"pin_ids=[1234, 5678]"}',
  ]);
  // Before the secret's word the same words say whose secrets the list holds.
  itStoresCounting("%j", counted, { secret_param: 1 }, [
    ["user_id_pins=[1234, 5678]", `user_id_pins=${SECRET_PARAM}`],
    ["per_user_pins=[1234, 5678]", `per_user_pins=${SECRET_PARAM}`],
    ["pin_cache=[1234, 5678]", `pin_cache=${SECRET_PARAM}`],
    ["pins=[1234, 5678]", `pins=${SECRET_PARAM}`],
  ]);
});

describe("a list of variables or placeholders under a secret's name stays", () => {
  itKeepsUncounted("%j", counted, [
    "password: [$pw]",
    "setPins(pin: [$a, $b])",
    "password=[${pw}]",
    "pin: [:pin]",
    "password: [?]",
    "password=[$pw]",
    "password=[$a, $b]",
    "pin=[:pin]",
    "password=[?]",
    "password=[{{pw}}]",
  ]);
  // A value beside them, a quoted string or a symbol naming no secret is a value.
  itStoresCounting("%j", counted, { secret_param: 1 }, [
    ["password: [$pw, hunter2]", `password: ${SECRET_PARAM}`],
    ["password=[$pw, hunter2]", `password=${SECRET_PARAM}`],
    ["password=['$pw']", `password=${SECRET_PARAM}`],
    ["password=[:hunter2]", `password=${SECRET_PARAM}`],
    ["password=[$pw]x", `password=${SECRET_PARAM}`],
  ]);
});

describe("a plural code's name after `:` loses its list of numbers, as after `=`", () => {
  itStoresCounting("%j", counted, { secret_param: 1 }, [
    ["pins: [1234, 5678]", `pins: ${SECRET_PARAM}`],
    ['"pins": [1234, 5678]', `"pins": ${SECRET_PARAM}`],
    ["cvvs: [123, 456]", `cvvs: ${SECRET_PARAM}`],
    ["pins:[1234, 5678]", `pins:${SECRET_PARAM}`],
    ["card_pins: [1234, 5678] next", `card_pins: ${SECRET_PARAM} next`],
    ["otps: [123456]", `otps: ${SECRET_PARAM}`],
    ['{"msg":"cvcs: [123, 456]"}', `{"msg":"cvcs: ${SECRET_PARAM}"}`],
  ]);
  itKeepsUncounted("no number shaped as the code, or no list: %j", counted, ["pins: [12, 30]", "pins: enabled", "pins: 1234", "<pins>1234</pins>"]);
});

describe("an Authorization's bracketed credentials: an ellipsis of dots is a mask, a sentence's mark or `&` closes them", () => {
  itKeepsUncounted("%j", counted, ["Authorization:[Bearer abc...]", "Authorization:[Bearer ...]", '{"msg":"Authorization:[Bearer abc...]"}']);
  itStoresCounting("%j", counted, { bearer: 1 }, [
    ['{"msg":"sent Authorization:[Bearer hunter2]."}', `{"msg":"sent Authorization:[Bearer ${BEARER}]."}`],
    ["Authorization:[Bearer hunter2]!", `Authorization:[Bearer ${BEARER}]!`],
    ["Authorization:[Bearer hunter2]&x=1", `Authorization:[Bearer ${BEARER}]&x=1`],
    ["Authorization:[Bearer hunter2]: retrying", `Authorization:[Bearer ${BEARER}]: retrying`],
    ["Authorization:[Bearer hunter2]?", `Authorization:[Bearer ${BEARER}]?`],
    // Dots inside the credentials leave a secret around them: no mask.
    ["Authorization:[Bearer abc...def]", `Authorization:[Bearer ${BEARER}]`],
  ]);
  itStoresCounting("%j", counted, { secret_param: 1 }, [["password: [hunter2]!", `password: ${SECRET_PARAM}!`]]);
  itKeepsUncounted("a word glued after the mark stays whole: %j", counted, ["Authorization:[Bearer hunter2]!x"]);
});
