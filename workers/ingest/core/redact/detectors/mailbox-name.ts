import { Evidence } from "../evidence";
import { namesGroup, namesSoftwareThing } from "../organization-names";
import { readsAsPersonName } from "../person-names";
import type { Detector } from "./detector";
import { PERSON_NAME_KIND } from "./person-name-field";

/** A capitalised word of a name, in Latin letters (`Ana`, `O'Neil`, `Jean-Luc`, `Ł` read as a letter). */
const NAME_WORD = "[A-Z\\u00C0-\\u00DE\\u0100-\\u017F][A-Za-z\\u00C0-\\u017F'\\u2019-]*[a-z\\u00DF-\\u017F]";
/** The mailbox after a display name (RFC 5322 §3.4's `name-addr`): `<local@domain>`, read ahead, left to the e-mail detector. */
const ANGLE_ADDRESS = "(?=[ \\t]*<[^<>@\\s]{1,64}@[^<>@\\s]{1,255}>)";
/**
 * A git trailer's or a git log's label right before the name (`Signed-off-by: `, `Co-authored-by: `,
 * `Author: `, `Committer: `): git writes a person's identity there, by the convention that defines
 * each (the Developer Certificate of Origin's sign-off, a co-author's credit).
 */
const GIT_PERSON_LABEL_BEFORE = /(?:^|[\s,;])(?:[Aa]uthor|[Cc]ommitter|[A-Z][a-z]+(?:-[a-z]+)*-by):[ \t]*$/;
/** A name's particles between its words (`Maria da Silva`, `Ludwig van Beethoven`). */
const PARTICLE = "(?:da|de|di|do|dos|das|du|del|der|den|la|le|van|von)";

/**
 * The display name before a mailbox's address (RFC 5322 `name-addr`), as mail headers, git
 * trailers and mailers' logs write it: quoted (`From: "Ana Souza" <ana@example.com>`) or as two to
 * four capitalised words (`Signed-off-by: Alice Smith <alice@example.com>`, `To: Maria da Silva
 * <…>`). The address is the e-mail detector's; the name goes as a person's when it reads as one
 * (`readsAsPersonName`: a common given name first, or a name outside ASCII), as a role's value
 * does: a mail header's display name is a program's, a company's, a team's or a notice's as often
 * (`Mail Delivery Subsystem`, `Microsoft Outlook`, `Order Confirmation`, `Do Not Reply`). After a
 * git trailer's or a git log's label (`GIT_PERSON_LABEL_BEFORE`) any capitalised words are a
 * person's but a group's or a program's (`namesGroup`, `namesSoftwareThing`). A sentence's
 * capitalised words before an address stay (`Reply To <…>`). A mailbox written as a string's
 * whole value (`{"to":"Maria Silva <maria@example.com>"}`, `to='…'`) is read after its quote.
 */
export const mailboxNameDetector: Detector = {
  kind: PERSON_NAME_KIND,
  source:
    `(?<=^|[\\s:,;("'])(?:"[^"\\n\\\\<>@]{1,64}"|${NAME_WORD}(?:(?: ${PARTICLE})? ${NAME_WORD}){1,3})${ANGLE_ADDRESS}`,
  evidence: Evidence.MAIL_AT,
  rewrite: (match, marker, text, start) => {
    const quoted = match.startsWith('"');
    const name = quoted ? match.slice(1, -1).trim() : match;
    if (name === "" || name.startsWith("[REDACTED:") || /[\d_@]/.test(name)) return undefined;
    const gitPerson = GIT_PERSON_LABEL_BEFORE.test(text.slice(Math.max(0, start - 24), start)) && !namesGroup(name) && !namesSoftwareThing(name);
    if (!gitPerson && !readsAsPersonName(name)) return undefined;
    return quoted ? `"${marker}"` : marker;
  },
};
