import type { AnyValue, KeyValue } from "../../../shared/otlp/model";
import { isSecretName, nameBefore } from "./secret-names";

/**
 * Settings written as a name/value pair, the name in one member and the value in its sibling:
 * a Kubernetes container's `env` list (`{"name":"DB_PASSWORD","value":"…"}`, `- name: …\n
 * value: …`), HAR's and the Fetch API's header lists (`{"name":"Authorization","value":"…"}`),
 * AWS tags and SSM parameters (`{"Key":"api_key","Value":"…"}`, `{"Name":"/prod/db/password",
 * "Value":"…","Type":"SecureString"}`), GitHub Actions' and Terraform's variables. The name
 * decides, as a key does (secret-names.ts): the `value` member is ruled as if it were written
 * under that name (`env.DB_PASSWORD`), so `{"name":"PORT","value":"8080"}`, `{"name":
 * "password_min_length","value":"12"}` and a `valueFrom` reference stay. docs/decisions.md,
 * 2026-12-02, "name/value pairs".
 */

/** Whether a member's name is a pair's name member: `name`, `key`, in any case (`Name`, `Key`). */
export function isPairNameMember(member: string): boolean {
  return PAIR_NAME_MEMBER.test(member);
}

/** Whether a member's name is a pair's value member: `value`, in any case (`Value`). */
export function isPairValueMember(member: string): boolean {
  return PAIR_VALUE_MEMBER.test(member);
}

/**
 * The name a pair's value is secret under, when its name member holds `name` naming a secret:
 * the name itself (`DB_PASSWORD`, `Authorization`, `spring.datasource.password`), or, for a
 * parameter store's path, its last part (`/prod/db/password` → `password`). Undefined for a name
 * that names no secret (`PORT`, `token_ttl`) and for text that is no name (a sentence, a URL).
 */
export function secretPairName(name: string): string | undefined {
  const last = name.slice(name.lastIndexOf("/") + 1);
  return PLAIN_NAME.test(last) && isSecretName(last) ? last : undefined;
}

/**
 * The secret name (`secretPairName`) of an object's name/value pair, when the object has a
 * value member and a name member holding a string that names a secret; undefined otherwise.
 * `object`: a parsed JSON object.
 */
export function secretPairNameOf(object: Readonly<Record<string, unknown>>): string | undefined {
  let name: string | undefined;
  let value = false;
  for (const member in object) {
    if (isPairValueMember(member)) value = true;
    else if (name === undefined && isPairNameMember(member)) {
      const held = object[member];
      if (typeof held === "string") name = secretPairName(held);
    }
  }
  return value ? name : undefined;
}

/**
 * Whether a pair's `value` hides nothing: an empty string (`{"name":"Authorization","value":""}`,
 * a header sent empty), which a marker would claim held a secret.
 */
export function isEmptyPairValue(value: unknown): boolean {
  return value === "";
}

const PAIR_NAME_MEMBER = /^(?:name|key)$/i;
const PAIR_VALUE_MEMBER = /^value$/i;
/** A name as keys and environment variables write them, of at most 128 characters. */
const PLAIN_NAME = /^[A-Za-z_][\w.-]{0,127}$/;

/**
 * The secret names (`secretPairName`) that name members among `attributes` give their sibling
 * value members, by the parent key both share with its dot (`Parameter.` for a lifted
 * `Parameter.Name`, `""` for a map's own `name`); undefined when there is none. The first name
 * member of a parent counts, as in `secretPairNameOf`.
 */
export function secretPairNamesIn(attributes: readonly KeyValue[]): Map<string, string> | undefined {
  let names: Map<string, string> | undefined;
  for (const { key, value } of attributes) {
    const parentEnd = key.lastIndexOf(".") + 1;
    if (!("stringValue" in value) || !isPairNameMember(key.slice(parentEnd))) continue;
    const parent = key.slice(0, parentEnd);
    if (names?.has(parent) === true) continue;
    const name = secretPairName(value.stringValue);
    if (name !== undefined) (names ??= new Map()).set(parent, name);
  }
  return names;
}

/**
 * The key `attribute` is ruled as: a pair's value member (`Parameter.Value`) under the secret
 * name its sibling gives it (`Parameter.password`, from `secretPairNamesIn`'s `names`), an empty
 * value aside; else its own `key`.
 */
export function pairRuledKey(key: string, value: AnyValue, names: ReadonlyMap<string, string>): string {
  const parentEnd = key.lastIndexOf(".") + 1;
  if (!isPairValueMember(key.slice(parentEnd)) || ("stringValue" in value && isEmptyPairValue(value.stringValue))) return key;
  const name = names.get(key.slice(0, parentEnd));
  return name === undefined ? key : key.slice(0, parentEnd) + name;
}

/**
 * The name a text's field ending at `colon` is read by (`name: value`, `"name":"value"`): the
 * name written before the colon (`nameBefore`), except a pair's value member right after its
 * name member, which is read by the secret name that member gives it (`secretPairName`): JSON
 * text and its escaped copies (`{"name":"DB_PASSWORD","value":…}`), YAML's and util.inspect's
 * flow maps (`{name: DB_PASSWORD, value: …}`, `{ name: 'TOKEN', value: '…' }`), and a YAML
 * block's item (`- name: DB_PASSWORD\n  value: …`, the two keys at one indentation). A value
 * member written before its name is read by its own name (the JSON walk reads it by the pair:
 * json-text.ts). The text field forms (detectors/secret-parameter.ts) and their evidence
 * (evidence.ts) read names by it.
 */
export function fieldNameBefore(text: string, colon: number): string {
  const name = nameBefore(text, colon);
  if (!isPairValueMember(name)) return name;
  const before = text.slice(Math.max(0, colon - PAIR_REACH), colon);
  const flow = FLOW_PAIR_BEFORE.exec(before);
  if (flow !== null) return secretPairName(flow[1]!) ?? name;
  const block = BLOCK_PAIR_BEFORE.exec(before);
  if (block === null || block[1]!.length + (block[2]?.length ?? 0) !== block[4]!.length) return name;
  return secretPairName(block[3]!) ?? name;
}

/** How far back `fieldNameBefore` reads for a pair's name member: a name of up to 160 characters and its punctuation. */
const PAIR_REACH = 240;
/** A pair's name member, then `,` and its value member's name up to its colon: JSON text (quotes escaped at any level) and flow maps. */
const FLOW_PAIR_BEFORE =
  /(?:^|[{,\s])\\{0,7}["']?(?:name|key)\\{0,7}["']?[ \t]*:[ \t]*\\{0,7}["']?([A-Za-z_/][\w./-]{0,159})\\{0,7}["']?[ \t]*,[ \t\r\n]*\\{0,7}["']?value\\{0,7}["']?[ \t]*$/i;
/** A YAML block's `name: …` line (perhaps a sequence item's first), then the `value` key at the same indentation. */
const BLOCK_PAIR_BEFORE = /(?:^|\n)([ \t]*)(-[ \t]+)?(?:name|key)[ \t]*:[ \t]*["']?([A-Za-z_/][\w./-]{0,159})["']?[ \t]*\r?\n([ \t]*)value[ \t]*$/i;
