/**
 * How many characters at the end of an unquoted value are the punctuation of the sentence it
 * is written in rather than part of the value: `.` and `:` (`OTP: 123456.`, `password=hunter2:
 * rejected`, `see ?token=abc123.`), and a `)` that closes no `(` of the value (`(otp: 123456)`).
 * They stay in the text after the marker. `!` and `?` stay part of the value: passwords end
 * with them far more often than log lines do. Generated tokens (base64url, hex, JWTs) do not
 * end in `.` or `:`.
 */
export function sentenceEndLength(value: string): number {
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
