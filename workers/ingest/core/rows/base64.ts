/**
 * Standard base64 with `=` padding, as Go's `base64.StdEncoding` writes it (the Collector renders
 * bytes attributes this way). Written out because `btoa` wants a binary string first, which costs
 * more than encoding directly.
 */

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

export function encodeBase64(bytes: Uint8Array): string {
  let out = "";
  const whole = bytes.length - (bytes.length % 3);
  for (let i = 0; i < whole; i += 3) {
    const triple = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out +=
      ALPHABET[triple >>> 18]! +
      ALPHABET[(triple >>> 12) & 63]! +
      ALPHABET[(triple >>> 6) & 63]! +
      ALPHABET[triple & 63]!;
  }
  const rest = bytes.length - whole;
  if (rest === 1) {
    const first = bytes[whole]!;
    out += ALPHABET[first >>> 2]! + ALPHABET[(first & 3) << 4]! + "==";
  } else if (rest === 2) {
    const pair = (bytes[whole]! << 8) | bytes[whole + 1]!;
    out += ALPHABET[pair >>> 10]! + ALPHABET[(pair >>> 4) & 63]! + ALPHABET[(pair & 15) << 2]! + "=";
  }
  return out;
}
