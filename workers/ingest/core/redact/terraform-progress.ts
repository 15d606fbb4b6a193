/**
 * Terraform's (and OpenTofu's) progress lines: a resource's address, a colon, then one of the
 * status messages `terraform apply`, `plan` and `destroy` print about it
 * (`random_password.db: Creation complete after 0s [id=none]`, `kubernetes_secret.tls: Still
 * creating... [10s elapsed]`, `module.db.tls_private_key.ca: Refreshing state... [id=abc]`).
 * A resource whose type or name ends in a credential's word (`random_password`,
 * `aws_secretsmanager_secret`, `null_resource.api_token`) reads as that credential's name, its
 * status as the value; the line holds no value (a sensitive attribute is printed under its own
 * name in a plan: `+ password = (sensitive value)`).
 *
 * Only the two together count: the address's shape alone (`random_password.db: "x"`) or a
 * phrase alone (`password: Creating...`) is no evidence, and the phrase is the WHOLE rest of
 * the line or of the quoted string it sits in (`random_password.db: Creating... hunter2` is
 * read as any value is).
 */

/** An index after a resource's or a module's name: `[0]`, `["k"]`, in a JSON string `[\"k\"]`. */
const INDEX = String.raw`(?:\[(?:\d{1,6}|\\?"[^"\\\n]{1,64}\\?")\])?`;

/** An ANSI colour code, as Terraform writes around a line without `-no-color`. */
const COLOUR = String.raw`\x1b\[[0-9;]{0,12}m`;

/**
 * A resource's address ending where the colon stands: modules (`module.db.`, `module.x["k"].`,
 * four deep at most), `data.` for a data source, a type of lower-case words joined by `_` (a
 * provider's prefix and its kind: `random_password`, `kubernetes_secret`), a dot and the
 * resource's name, an index; at the line's start or after a blank, a quote, a `>` or a colour code.
 */
const RESOURCE_ADDRESS_END = new RegExp(
  String.raw`(?:^|[\s"'\x60>]|${COLOUR})(?:module\.[A-Za-z_][\w-]{0,63}${INDEX}\.){0,4}(?:data\.)?[a-z][a-z0-9]*_[a-z0-9_]{1,63}\.[A-Za-z_][\w-]{0,63}${INDEX}$`,
);

/** A duration as Terraform prints one: `0s`, `1m2s`, `00m10s`, `1h0m5s`. */
const DURATION = String.raw`(?:\d{1,5}h)?(?:\d{1,5}m)?\d{1,5}s`;

/**
 * A progress message, whole: its phrase, perhaps the resource's id and the time elapsed in
 * brackets (`[id=none]`, `[10s elapsed]`, `[id=i-0abc, 20s elapsed]`: the id is read by the
 * other detectors as any id is), colour codes, then the end of the text, of a line (`\n`, in a
 * JSON string `\n`) or of the quoted string.
 */
const PROGRESS_MESSAGE = new RegExp(
  String.raw`^(?:(?:Creating|Destroying|Modifying|Reading|Refreshing state)\.\.\.|Still (?:creating|destroying|modifying|reading)\.\.\.|(?:Creation|Destruction|Modifications|Read) complete after ${DURATION})` +
    String.raw`(?: \[(?:id=[^\]\s"\\]{1,256}(?:, ${DURATION} elapsed)?|${DURATION} elapsed)\])?(?:${COLOUR}){0,4}(?=$|[\r\n"'\x60]|\\[nr"])`,
);

/** How far before the colon an address is looked for (its longest is under 800 characters) and after it the message (under 400). */
const ADDRESS_REACH = 1024;
const MESSAGE_REACH = 512;

/**
 * Whether the colon at `colon` in `text` ends a Terraform resource's address and the text from
 * `valueStart` is a whole progress message about it.
 */
export function isTerraformProgressAt(text: string, colon: number, valueStart: number): boolean {
  return PROGRESS_MESSAGE.test(text.slice(valueStart, valueStart + MESSAGE_REACH)) && RESOURCE_ADDRESS_END.test(text.slice(Math.max(0, colon - ADDRESS_REACH), colon));
}
