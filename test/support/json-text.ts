/** Whether `text` parses as JSON (RFC 8259): what a redacted value must still do wherever the sent one did. */
export function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
