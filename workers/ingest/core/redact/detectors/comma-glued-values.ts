import { BoundedMemo } from "../bounded-memo";
import { isDigit } from "../evidence";
import { nameWords } from "../secret-names";
import { isIdInPath, namesThingIdentifier } from "./id-value";
import { namesMeasure } from "./measure-value";
import { memberNameBefore } from "./member-name";
import { namesPhone } from "./phone";

/**
 * Whether the value at `start` follows a number and a comma (`42,`) that begin the value of a
 * member whose name says what its numbers are (`namesItems`, the caller's reading of an id's or a
 * thing's name), or names a measure or a phone, a plural too (`bytes`, `offsets`, `sizes`,
 * `phone`); with no member's name, that the caller's words before the number name what it is
 * (`unnamed`: a path's resource segment, `/orders/42,`, unless the caller reads more). Whether
 * that comma is the number's decimal or parts the value's items (`ids=42,4111…,7`,
 * `skus=42,123-45-6789`, `pedidos=42,529.982.247-25`, `phone: 42,555-12-3456`), the value is what
 * its name says, as its first number is: the reading of a comma as a row's field separator is for
 * rows without names. A number after a list's `[` or `,` has no name before it, so a list's later
 * items are asked of the list's own readers. Reads back at most `NUMBER_REACH` digits.
 */
export function followsNamedNumber(
  text: string,
  start: number,
  namesItems: (name: string) => boolean,
  unnamed: (text: string, first: number) => boolean = isIdInPath,
): boolean {
  if (text.charCodeAt(start - 1) !== 0x2c /* , */) return false;
  let first = start - 1;
  while (first > 0 && start - first <= NUMBER_REACH && isDigit(text.charCodeAt(first - 1))) first--;
  if (first === start - 1 || isDigit(text.charCodeAt(first - 1))) return false;
  const name = memberNameBefore(text, first);
  if (name === undefined) return unnamed(text, first);
  return namesItems(name) || namesMeasureOrPhone.get(name);
}

/**
 * Whether a name names a thing's identifier (`namesThingIdentifier`: `order_ids`, `skus`,
 * `part_number`; not `user_ids` or `cpfs`), its last word also read without a plural `s`
 * (`pedidos`, `orders`: before a comma list they name its items, not a count): the items an SSN's
 * or a CPF's printed form after `N,` is kept under (`followsNamedNumber`).
 */
export const namesThingItems = (name: string): boolean => thingItemNames.get(name);
const thingItemNames = new BoundedMemo<string, boolean>(256, (name) => nameReadings(name).some(namesThingIdentifier));

/** The most digits read back for the number before the comma: a longer run is no value's first number. */
const NUMBER_REACH = 24;

/** Whether a name names a measure (`namesMeasure`) or a phone (`namesPhone`), its last word also read without a plural `s`. */
const namesMeasureOrPhone = new BoundedMemo<string, boolean>(256, (name) =>
  nameReadings(name).some((words) => namesMeasure(words) || namesPhone(words)),
);

/** A name's words (`nameWords`), and them with a plural `s` off the last word (`offsets` → `offset`) when it has one. */
function nameReadings(name: string): (readonly string[])[] {
  const words = nameWords(name);
  const last = words[words.length - 1] ?? "";
  return last.length > 1 && last.endsWith("s") ? [words, [...words.slice(0, -1), last.slice(0, -1)]] : [words];
}
