/**
 * Whether a key's words (`nameWords`) name a payment card, whose number a value there may be
 * (`card`, `card_number`, `creditCard`, `cc_number`, `numero_cartao`, `pan`): a card's other
 * numbers there (`card.last4`, `card.exp_month`) are no card's shape, and stay.
 */
export function namesCardNumber(words: readonly string[]): boolean {
  return words.some((word) => CARD_WORDS.has(word)) || words[words.length - 1] === "pan";
}
const CARD_WORDS: ReadonlySet<string> = new Set(["card", "cards", "cc", "cartao", "cartão", "cartoes", "cartões"]);
