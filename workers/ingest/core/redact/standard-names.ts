/**
 * A standard's or an algorithm's name with its number, in any case, perhaps with a `v` and a minor
 * version (`HTTP2`, `UTF8`, `SHA256`, `AES128`, `RS256`, `ARM64`, `WIN32`, `ISO8859`, `RFC6238`,
 * `BASE64`, `TLSv1.2`, `TLS1.3`) or a board's pin (`GPIO17`): what a setting changes from and to
 * (`password changed: TLSv1.2 -> TLSv1.3`, `old=RSA2048 new=RSA4096`), no password.
 */
const STANDARD_NAME = /^(?:HTTPS?|UTF|UCS|SHA|AES|RSA|DES|TLS|SSL|IPV|ARM|WIN|ISO|RFC|CP|HS|RS|ES|PS|BASE|DDR|USB|AVX|PKCS|CRC|MD|MP|GPIO)v?\d{1,4}(?:\.\d{1,3})?$/i;

/** Whether `value` is a standard's or an algorithm's name with its number (`STANDARD_NAME`: `AES256`, `TLSv1.2`). */
export function isStandardName(value: string): boolean {
  return STANDARD_NAME.test(value);
}
