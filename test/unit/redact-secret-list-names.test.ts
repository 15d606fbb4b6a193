/**
 * A secret's list value read by what its sender meant: a name holding the secret's word beside a
 * word that numbers or measures it keeps its numbers; a list of variables or placeholders under a
 * secret's name keeps them; a plural code's name after `:` loses its numbers as after `=`, in
 * quotes too; an
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
    "pin_versions=[1234, 5678]",
    "otp_delays_ms=[1500, 3000]",
    "pin_ids: [1234, 5678]",
    '"pin_timeout_ms": [1500, 3000]',
    '{"msg":"pin_ids=[1234, 5678]"}',
    "user.pin_ids=[1234, 5678]",
    "pinIds=[1234, 5678]",
  ]);
  // Before the secret's word the same words say whose secrets the list holds.
  itStoresCounting("%j", counted, { secret_param: 1 }, [
    ["user_id_pins=[1234, 5678]", `user_id_pins=${SECRET_PARAM}`],
    ["per_user_pins=[1234, 5678]", `per_user_pins=${SECRET_PARAM}`],
    ["pin_cache=[1234, 5678]", `pin_cache=${SECRET_PARAM}`],
    ["pins=[1234, 5678]", `pins=${SECRET_PARAM}`],
  ]);
  // A word after the secret's that says whose codes they are, or what holds them, leaves the list read.
  const names = [
    "pins_by_user_id", "pins_per_user", "passcodes_per_device", "passwords_by_id", "passwords_per_user", "otps_by_index",
    "pins_and_ids", "otps_with_timestamps", "user_pins_by_id", "pin_for_user_id", "cvv_by_card_id", "pinsByUserId",
    "otpsPerDevice", "PINS_BY_ID", "pins-by-id", "otp.ids",
    // Ambiguous: an index, a page, a size or `ms` alone may hold the codes; a PIN's offset derives from the PIN.
    "pins_page", "pins_index", "pin_ms", "pin_size", "card_pin_offset", "password_index",
  ];
  itStoresCounting("%j", counted, { secret_param: 1 }, [
    ...names.map((name): [string, string] => [`${name}=[123456, 654321]`, `${name}=${SECRET_PARAM}`]),
    ["pin_for_user_id=[1234]", `pin_for_user_id=${SECRET_PARAM}`],
    ["pins_by_user_id=[1234, 5678]", `pins_by_user_id=${SECRET_PARAM}`],
    ["cvv_by_card_id=[123, 456]", `cvv_by_card_id=${SECRET_PARAM}`],
    ["otp.ids=[123456]", `otp.ids=${SECRET_PARAM}`],
    ["url?pins_by_id=[1234,5678]&x=1", `url?pins_by_id=${SECRET_PARAM}&x=1`],
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
    ["password=[$pw]!x", `password=${SECRET_PARAM}`],
  ]);
  // A variable only when short and lower case or named for a secret: `$` may start a password.
  itKeepsUncounted("%j", counted, ["mutation($a: String, $b: String) { setPins(pin: [$a, $b]) }", "password: [$password]", "password=[$a, $b]"]);
  itStoresCounting("a password starting with `$`, or a positional bind under a code's name: %j", counted, { secret_param: 1 }, [
    ["password: [$ecret1]", `password: ${SECRET_PARAM}`],
    ["password=[$Passw0rd]", `password=${SECRET_PARAM}`],
    ["passwd: [$Tr0ub4dor]", `passwd: ${SECRET_PARAM}`],
    ["PASSWORD=[$ecret1]", `PASSWORD=${SECRET_PARAM}`],
    ["password: [ $ecret1 ]", `password: ${SECRET_PARAM}`],
    ["password=[$ecret1, $ecret2]", `password=${SECRET_PARAM}`],
    ['{"msg":"password: [$ecret1]"}', `{"msg":"password: ${SECRET_PARAM}"}`],
    ["token: [$abc123XYZ]", `token: ${SECRET_PARAM}`],
    ["secret=[$ecret]", `secret=${SECRET_PARAM}`],
    ["client_secret=[$xYz9_QwErTy]", `client_secret=${SECRET_PARAM}`],
    ["X-Api-Key:[$KEY123abc]", `X-Api-Key:${SECRET_PARAM}`],
    ["X-Api-Key: [$abcDEF123]", `X-Api-Key: ${SECRET_PARAM}`],
    ["X-Auth-Token:[$Tr0ub4dor]", `X-Auth-Token:${SECRET_PARAM}`],
    ["pin=[$123]", `pin=${SECRET_PARAM}`],
    ["password: [$hunter]", `password: ${SECRET_PARAM}`],
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
  // One code under the plural goes too (`pins: 1234`: redact-code-lists.test.ts).
  itKeepsUncounted("no number shaped as the code, or no list: %j", counted, ["pins: [12, 30]", "pins: enabled", "<pins>1234</pins>"]);
});

describe("the plural of any code's name is read as its singular in text, as a key's is", () => {
  itStoresCounting("%j", counted, { secret_param: 1 }, [
    ["security_codes=[123456, 654321]", `security_codes=${SECRET_PARAM}`],
    ["verification_codes: [123456]", `verification_codes: ${SECRET_PARAM}`],
    ["mfa_codes=[123456]", `mfa_codes=${SECRET_PARAM}`],
    ["totps: [123456, 654321]", `totps: ${SECRET_PARAM}`],
    ["cvv2s=[123, 456]", `cvv2s=${SECRET_PARAM}`],
  ]);
  itKeepsUncounted("another code, or a count: %j", counted, ["status_codes=[200, 404]", "error_codes: [1234, 5678]", "num_pins=[1234, 5678]", "totps_count=[1234]", "failed_pins=[1234, 5678]"]);
});

describe("a plural code's list of codes in quotes loses each code, as an unquoted list does", () => {
  const quoted = (marker: string) => `"${marker}"`;
  // After `:` each string keeps its quotes; after `=` the list goes whole, as `pin=["1234"]` does.
  itStoresCounting("%j", counted, { secret_param: 2 }, [
    ['otps: ["123456", "654321"]', `otps: [${quoted(SECRET_PARAM)}, ${quoted(SECRET_PARAM)}]`],
    ['"pins": ["1234", "5678"]', `"pins": [${quoted(SECRET_PARAM)}, ${quoted(SECRET_PARAM)}]`],
    ["cvvs: ['123', '456']", `cvvs: ['${SECRET_PARAM}', '${SECRET_PARAM}']`],
    ['passwords: ["1234", "5678"]', `passwords: [${quoted(SECRET_PARAM)}, ${quoted(SECRET_PARAM)}]`],
    // JSON in a JSON string (a console line's message): each code goes, its escaped quotes kept.
    [String.raw`{"level":30,"msg":"otps: [\"123456\", \"654321\"]"}`, String.raw`{"level":30,"msg":"otps: [\"${SECRET_PARAM}\", \"${SECRET_PARAM}\"]"}`],
  ]);
  itStoresCounting("%j", counted, { secret_param: 1 }, [
    [String.raw`level=info msg="pins: [\"1234\"]"`, String.raw`level=info msg="pins: [\"${SECRET_PARAM}\"]"`],
    // After `=` the list goes whole, its escaped quotes with it, as `pins=["1234"]` does.
    [String.raw`msg="pins=[\"1234\"]"`, `msg="pins=${SECRET_PARAM}"`],
  ]);
  itStoresCounting("%j", counted, { secret_param: 1 }, [
    ['pins=["1234","5678"]', `pins=${SECRET_PARAM}`],
    ["cvvs=['123']", `cvvs=${SECRET_PARAM}`],
    // Blanks inside the brackets, quoted or not.
    ["pins: [ 1234 , 5678 ]", `pins: ${SECRET_PARAM}`],
    ['pins=[ "1234"]', `pins=${SECRET_PARAM}`],
    ['pins: [ "1234" ]', `pins: [ ${quoted(SECRET_PARAM)} ]`],
  ]);
  itKeepsUncounted("ids, variables, placeholders and masks, or numbers no code has: %j", counted, [
    'pin_ids: ["1234"]',
    "pins: [$a, $b]",
    'pins: ["***"]',
    'pins: ["12", "30"]',
    'pins_count: ["1234"]',
    'pins: [ "***" ]',
    "pin_ids: [ 1234 ]",
    String.raw`msg="pin_ids: [\"1234\"]"`,
    String.raw`msg="pins: [\"12\", \"30\"]"`,
    String.raw`msg="pin_ids=[\"1234\"]"`,
    String.raw`msg="pins=[\"12\", \"30\"]"`,
  ]);
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
  // A dots mask shows at most four characters, then exactly three dots: a longer start is the secret.
  itKeepsUncounted("%j", counted, ["Authorization:[Bearer abcd...]"]);
  itStoresCounting("%j", counted, { secret_param: 1 }, [
    ["Authorization:[Token s3cr3tXYZ...]", `Authorization:[Token ${SECRET_PARAM}]`],
    ["Authorization:[ApiKey s3cr3tXYZ...]", `Authorization:[ApiKey ${SECRET_PARAM}]`],
    ["Authorization:[Token hunter2...]", `Authorization:[Token ${SECRET_PARAM}]`],
  ]);
  itStoresCounting("%j", counted, { bearer: 1 }, [["Authorization:[Bearer abc....]", `Authorization:[Bearer ${BEARER}]`]]);
});

describe("a list after `=` ends before a run of `?` or `:` as after `:`", () => {
  itStoresCounting("%j", counted, { secret_param: 1 }, [
    ["pins=[1234, 5678]?", `pins=${SECRET_PARAM}?`],
    ["password=[hunter2, s3cr3t]?", `password=${SECRET_PARAM}?`],
    ["pins=[1234, 5678]? next", `pins=${SECRET_PARAM}? next`],
  ]);
});
