import { holdsSeparatedPrefix, holdsUnseparatedPrefix } from "./token-formats";
import { WHOLE_UUID } from "./uuid";
import { nameWords } from "./secret-names";

/**
 * Whether `value`, the bare key `secret` of a metric data point's attribute, is the name of a
 * Kubernetes Secret object rather than a secret's value: kube-state-metrics labels its series
 * with it (`kube_secret_info{namespace="payments",secret="orders-db-credentials"}`, Helm's
 * release Secrets `sh.helm.release.v1.checkout.v42`), and dashboards group by it. Only there:
 * in a log's or span's attribute, a JSON member or an SQL column `secret` holds a secret's
 * value (`{"secret":"keyboard-cat"}`, express-session's), and the caller replaces it whatever
 * its shape. An object name is a
 * DNS subdomain (Kubernetes' object names, RFC 1123: lower-case letters, digits, `-` and `.`,
 * at most 253 characters) with at least one `-` or `.` between its parts and a word among them
 * (three letters or more, one past `f`, so that no run of hex digits counts: `tls`, `db`
 * alone does not). Not a UUID, which is as often a key. A single word (`hunter2`) and anything
 * with capitals or other characters stays a secret, and so does a known token's format (its
 * issuer's prefix, token-formats.ts: Slack's `xoxp-1234567890-…` is lower case and dashed); a
 * passphrase of lower-case words joined by `-` in a series' label is the accepted miss.
 */
export function namesSecretObject(value: string): boolean {
  return (
    value.length <= 253 &&
    DNS_SUBDOMAIN.test(value) &&
    WORD_PART.test(value) &&
    !WHOLE_UUID.test(value) &&
    !holdsSeparatedPrefix(value) &&
    !holdsUnseparatedPrefix(value, false, true, false)
  );
}

/** RFC 1123 labels joined by `.`, with a `-` or `.` somewhere (one label alone is a word). */
const DNS_SUBDOMAIN = /^(?=[^]*[-.])[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$/;
/** A part of three or more letters, one of them past `f` (no hex digits' run). */
const WORD_PART = /(?:^|[-.])(?=[a-z]*[g-z])[a-z]{3,}(?=[-.]|$)/;

/**
 * Whether a setting's name (its last dotted segment) refers to a Kubernetes Secret that already
 * exists instead of holding a secret: Helm charts' `existingSecret` (the Secret's name) and
 * `existingSecretPasswordKey`, `existingSecretKey` (the key of its data holding the password), as
 * Bitnami's and most charts' values write them, `existing_secret` too: the first word `existing`.
 */
export function namesExistingSecret(key: string): boolean {
  return nameWords(key.slice(key.lastIndexOf(".") + 1))[0] === "existing";
}

/**
 * Whether `value`, under a name referring to an existing Secret (`namesExistingSecret`), is a name:
 * the Secret's (`namesSecretObject`: `db-creds`, `orders-db-credentials`) or a key of its data,
 * words of letters joined by `-`, `_` or `.` (`password`, `postgres-password`, `tls.crt`), or a
 * secret store's path of them (AWS Secrets Manager's `prod/db`). A
 * value with digits in a word, other characters or capitals inside a word (`hunter2!Pw`,
 * `Tr0ub4dor`) is a password written in the name's place and goes.
 */
export function namesSecretOrItsKey(value: string): boolean {
  return namesSecretObject(value) || (value.length <= 253 && SECRET_DATA_KEY.test(value));
}
/** A Secret's data key of words: letters, a capital only first, joined by `-`, `_`, `.` or a path's `/`. */
const SECRET_DATA_KEY = /^[A-Za-z][a-z]*(?:[-_./][A-Za-z][a-z]*)*$/;
