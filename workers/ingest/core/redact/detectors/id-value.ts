/**
 * Whether a candidate is the value of a key naming an id, as free text writes one: `trace_id=`,
 * `dd.span_id: `, `"order.id":"`, `orderId=` just before it (a word ending in `id` as its own
 * word or camel-case hump, then `=` or `:`, optionally quoted). The same names as the id keys of
 * attribute maps (`key-rules.ts`, `ID_SEGMENT`), read backwards from `start`.
 */
export function isIdValue(text: string, start: number): boolean {
  return ID_KEY_BEFORE.test(text.slice(Math.max(0, start - 16), start));
}
const ID_KEY_BEFORE = /(?:(?<![A-Za-z0-9])[Ii][Dd]|[a-z0-9]I[Dd])["']?[ \t]*[:=][ \t]*["']?$/;
