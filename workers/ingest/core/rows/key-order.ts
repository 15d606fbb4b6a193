/**
 * Key order as Go compares strings: byte by byte over UTF-8. The exporter sorts attribute maps
 * (`orderedmap.CollectN` uses `cmp.Compare`) and `encoding/json` sorts map keys this way.
 *
 * JavaScript compares UTF-16 code units instead. The two orders agree except when one side holds
 * a surrogate (a code point above U+FFFF) and the other a code unit in U+E000..U+FFFF: UTF-8 puts
 * the astral code point last, UTF-16 puts it first. Shifting those two ranges past each other
 * restores code point order, which is UTF-8 byte order.
 */
export function compareUtf8(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      x = x < 0xe000 ? x + 0x2000 : x - 0x800;
      y = y < 0xe000 ? y + 0x2000 : y - 0x800;
    }
    return x - y;
  }
  return a.length - b.length;
}
