/**
 * How many characters at the end of an unquoted value are the punctuation of the sentence it
 * is written in rather than part of the value: `.` and `:` (`OTP: 123456.`, `password=hunter2:
 * rejected`, `see ?token=abc123.`), and a `)` that closes no `(` of the value (`(otp: 123456)`).
 * They stay in the text after the marker. `!` and `?` stay part of the value: passwords end
 * with them far more often than log lines do. Generated tokens (base64url, hex, JWTs) do not
 * end in `.` or `:`.
 *
 * Punctuation ends a sentence only where the sentence ends: `next`, the character written right
 * after the value (`""` at the end of the text), must be a blank or nothing. Before anything
 * else the value goes on in another form (`?code=4/0AX4XfWh.&state=1`: the `.` is the code's,
 * and the URL continues), so nothing is taken off.
 */
export function sentenceEndLength(value: string, next: string): number {
  if (next !== "" && !isBlank(next.charCodeAt(0))) return 0;
  let end = value.length;
  let unopened = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 40 /* ( */) unopened--;
    else if (code === 41 /* ) */) unopened++;
  }
  while (end > 0) {
    const code = value.charCodeAt(end - 1);
    if (code === 46 /* . */ || code === 58 /* : */) end--;
    else if (code === 41 /* ) */ && unopened > 0) {
      unopened--;
      end--;
    } else break;
  }
  return value.length - end;
}

/** `\s` as JavaScript's regexes read it, for one character code. */
function isBlank(code: number): boolean {
  if (code === 32 || (code >= 9 && code <= 13)) return true;
  return code >= 128 && /\s/.test(String.fromCharCode(code));
}
