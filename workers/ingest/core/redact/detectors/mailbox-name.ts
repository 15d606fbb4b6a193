import { Evidence } from "../evidence";
import { namesGroup, namesSoftwareThing } from "../organization-names";
import { isCommonGivenName } from "../given-names";
import type { Detector } from "./detector";
import { PERSON_NAME_KIND } from "./person-name-field";

/** A capitalised word of a name, in Latin letters (`Ana`, `O'Neil`, `Jean-Luc`, `Ł` read as a letter). */
const NAME_WORD = "[A-Z\\u00C0-\\u00DE\\u0100-\\u017F][A-Za-z\\u00C0-\\u017F'\\u2019-]*[a-z\\u00DF-\\u017F]";
/** The mailbox after a display name (RFC 5322 §3.4's `name-addr`): `<local@domain>`, read ahead, left to the e-mail detector. */
const ANGLE_ADDRESS = "(?=[ \\t]*<[^<>@\\s]{1,64}@[^<>@\\s]{1,255}>)";
/**
 * A mail header's or a git trailer's label right before the name (`From: `, `Cc: `,
 * `Signed-off-by: `, `Co-authored-by: `, `Author: `), or the end of the list's mailbox before it (`>, `).
 */
const MAILBOX_LABEL_BEFORE = /(?:(?:^|[\s,;])(?:[Ff]rom|FROM|[Tt]o|TO|[Cc]c|CC|[Bb]cc|BCC|[Rr]eply-[Tt]o|[Ss]ender|[Aa]uthor|[Cc]ommitter|[A-Z][a-z]+(?:-[a-z]+)*-by):|>,)[ \t]*$/;
/** A name's particles between its words (`Maria da Silva`, `Ludwig van Beethoven`). */
const PARTICLE = "(?:da|de|di|do|dos|das|du|del|der|den|la|le|van|von)";

/**
 * The display name before a mailbox's address (RFC 5322 `name-addr`), as mail headers, git
 * trailers and mailers' logs write it: quoted (`From: "Ana Souza" <ana@example.com>`) or as two to
 * four capitalised words (`Signed-off-by: Alice Smith <alice@example.com>`, `To: Maria da Silva
 * <…>`). The address is the e-mail detector's; the name goes as a person's. A group's, a
 * program's or a site's name stays (`"GitHub Actions" <noreply@github.com>`, `Acme Billing <…>`,
 * `Orders Worker <…>`: `namesGroup`, `namesSoftwareThing`), and so does a quoted single word
 * that is no common given name (`"Jenkins" <ci@…>`).
 */
export const mailboxNameDetector: Detector = {
  kind: PERSON_NAME_KIND,
  source:
    `(?<=^|[\\s:,;(])(?:"[^"\\n\\\\<>@]{1,64}"|${NAME_WORD}(?:(?: ${PARTICLE})? ${NAME_WORD}){1,3})${ANGLE_ADDRESS}`,
  evidence: Evidence.MAIL_AT,
  rewrite: (match, marker, text, start) => {
    const quoted = match.startsWith('"');
    const name = quoted ? match.slice(1, -1).trim() : match;
    if (name === "" || name.startsWith("[REDACTED:") || /[\d_@]/.test(name) || namesGroup(name) || namesSoftwareThing(name)) return undefined;
    const first = name.split(/\s+/)[0]!;
    // Quoted, the words are a display name: one word is a person's only when it is a given name.
    // Unquoted, capitalised words before an address are a sentence's as often (`Reply To <…>`):
    // a person's after a header's or a trailer's label, or led by a given name.
    const named = quoted ? /\s/.test(name) || isCommonGivenName(name) : isCommonGivenName(first) || MAILBOX_LABEL_BEFORE.test(text.slice(Math.max(0, start - 24), start));
    return named ? (quoted ? `"${marker}"` : marker) : undefined;
  },
};
