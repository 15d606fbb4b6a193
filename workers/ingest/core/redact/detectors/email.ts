import { Evidence } from "../evidence";
import { holdsPersonName } from "../person-names";
import { caseless, type Detector } from "./detector";
import { isMessageId } from "./message-id";

/**
 * The UTF-16 code units an internationalized address (RFC 6531's SMTPUTF8, RFC 6532's UTF-8
 * headers) writes its local part and its domain's labels (IDNA 2008's U-labels) in, besides
 * ASCII's, as inclusive `[first, last]` ranges in ascending order, in two tables by how a text in
 * the script spaces its words. `WORD_SPACED`: the scripts that put blanks between words, as ASCII
 * and Latin do (`joão.silva@exemplo.com.br`, `иван@yandex.ru`, `θέμα@παράδειγμα.ελ`,
 * `उपयोगकर्ता@उदाहरण.भारत`), and with them, by their blocks, a few that write without blanks
 * (Javanese, Balinese, Buginese, Tai Tham, New Tai Lue, Tai Viet), so a word of theirs glued to an
 * address goes with it; `SPACELESS`: those that write words with no blank between
 * (Han, Hiragana and Katakana, Hangul, Thai, Lao, Khmer, Myanmar, Yi, the full-width forms of
 * ASCII's letters and digits), and a supplementary plane's letter, its surrogate pair read whole
 * (`SPACELESS_LETTER`). Neither holds what ends or spaces words in a text: Latin-1's punctuation
 * and NBSP (below U+00C0), `×` and `÷`; the sentence marks of Greek (`;` U+037E, `·` U+0387),
 * Armenian (`։`), Hebrew (`׀` `׃` `׆` `׳` `״`), Arabic (`،` `؛` `؟` `۔`), Devanagari (`।` `॥`),
 * Sinhala (`෴`), Thai (`ฯ` `๚` `๛`), Tibetan (`།` and its kin), Myanmar (`၊` `။`), Ethiopic (`።`
 * and its kin), Khmer (`។` `៕` `៖` `៘`–`៚`) and Mongolian; Ogham's space; General Punctuation
 * (U+2000–U+206F: spaces, zero-width characters, dashes, quotes, `…`) and the symbols' blocks after
 * it to U+2BFF (currency, arrows, mathematical operators, box drawing); Supplemental Punctuation;
 * CJK Symbols and Punctuation (U+3000–U+303F: the ideographic space, `、`, `。`, brackets), the
 * katakana middle dot `・`; the vertical and small forms; the byte order mark; the full-width
 * forms of ASCII's punctuation (`，` `．` `：` `＠` among them: a full-width `＠` is no address's
 * separator, RFC 6531 keeps ASCII's `@`); and the specials (U+FFF0–U+FFFF, `�`). Nor does either hold
 * an emoji or what dresses one: the symbols' blocks above, the variation selectors (U+FE00–U+FE0F,
 * `❤️`'s U+FE0F) and the emoji's pairs (`LETTER_HIGH_SURROGATE`), so an emoji ends an address
 * and is none's local part or top-level domain (`react@18.🎉` stays, as `react@18.x` does).
 */
const WORD_SPACED: readonly (readonly [number, number])[] = [
  [0x00c0, 0x00d6], [0x00d8, 0x00f6], [0x00f8, 0x037d], [0x037f, 0x0386], [0x0388, 0x0588], [0x058a, 0x05bf],
  [0x05c1, 0x05c2], [0x05c4, 0x05c5], [0x05c7, 0x05f2], [0x05f5, 0x060b], [0x060d, 0x061a], [0x061c, 0x061e],
  [0x0620, 0x06d3], [0x06d5, 0x0963], [0x0966, 0x0df3], [0x0df5, 0x0dff], [0x0f00, 0x0f03], [0x0f13, 0x0f13],
  [0x0f15, 0x0fff], [0x10a0, 0x10ff], [0x1200, 0x135f], [0x1369, 0x167f], [0x1681, 0x177f], [0x180b, 0x19df],
  [0x1a00, 0x1fff], [0x2c00, 0x2dff], [0xa4d0, 0xa95f], [0xa980, 0xa9df], [0xaa00, 0xaa5f], [0xaa80, 0xabff],
  [0xe000, 0xf8ff], [0xfb00, 0xfdff], [0xfe20, 0xfe2f], [0xfe70, 0xfefe],
];
/** See `WORD_SPACED`. */
const SPACELESS: readonly (readonly [number, number])[] = [
  [0x0e00, 0x0e2e], [0x0e30, 0x0e59], [0x0e5c, 0x0eff], [0x1000, 0x1049], [0x104c, 0x109f], [0x1100, 0x11ff],
  [0x1780, 0x17d3], [0x17d7, 0x17d7], [0x17db, 0x17ff], [0x19e0, 0x19ff], [0x2e80, 0x2fff], [0x3040, 0x30fa],
  [0x30fc, 0xa4cf], [0xa960, 0xa97f], [0xa9e0, 0xa9ff], [0xaa60, 0xaa7f], [0xac00, 0xd7ff], [0xf900, 0xfaff],
  [0xff10, 0xff19], [0xff21, 0xff3a], [0xff41, 0xff5a], [0xff66, 0xffef],
];

/**
 * The high surrogates of a supplementary plane's pair a spaceless letter is written in (CJK
 * Extension B and on, `𠮷`), as `WORD_SPACED`'s ranges: all but the emoji's, U+1F000–U+1FBFF
 * (D83C–D83E), and plane 14's tags and variation selectors, U+E0000–U+E0FFF (DB40–DB43).
 */
const LETTER_HIGH_SURROGATE: readonly (readonly [number, number])[] = [[0xd800, 0xd83b], [0xd83f, 0xdb3f], [0xdb44, 0xdbff]];

/** A table's ranges, as a character class's. */
function classRanges(table: readonly (readonly [number, number])[]): string {
  return table.map(([first, last]) => `${unicodeEscape(first)}-${unicodeEscape(last)}`).join("");
}

/** `\uXXXX` for the code unit `code`, as a regex source writes it. */
function unicodeEscape(code: number): string {
  return `\\u${code.toString(16).padStart(4, "0")}`;
}

/** Whether the code unit `code` is in one of `table`'s ranges. */
function inRanges(table: readonly (readonly [number, number])[], code: number): boolean {
  for (const [first, last] of table) {
    if (code < first) return false;
    if (code <= last) return true;
  }
  return false;
}

const WORD_SPACED_CLASS = classRanges(WORD_SPACED);
const SPACELESS_CLASS = classRanges(SPACELESS);
/** A letter of the spaceless scripts: one code unit of `SPACELESS`, or a whole pair of `LETTER_HIGH_SURROGATE`'s. */
const SPACELESS_LETTER = `(?:[${SPACELESS_CLASS}]|[${classRanges(LETTER_HIGH_SURROGATE)}][\\udc00-\\udfff])`;

/*
 * A text in a spaceless script has no blank before or after an address in it, so a change of
 * script bounds one: a local part, and each of the domain's labels, is written in the
 * word-spaced scripts (ASCII's letters among them) or in the spaceless ones, not both
 * (`请发邮件到ana@example.com谢谢`: the address is `ana@example.com`; `用户@例子.中国` is all Han,
 * one address). ASCII's digits and the punctuation a local part or a label holds (`.` `_` `%`
 * `+` `-`) are both's. `localPartKind` and the classes below are the same sets.
 */

/** A local part's character in the word-spaced scripts. */
const LOCAL_PART_WORD_SPACED = `[A-Za-z0-9._%+${WORD_SPACED_CLASS}-]`;
/** A local part's character in the spaceless scripts. */
const LOCAL_PART_SPACELESS = `(?:[0-9._%+-]|${SPACELESS_LETTER})`;
/** A local part: a whole run of one kind's characters, a spaceless one holding a spaceless letter. */
const LOCAL_PART =
  `(?:(?<!${LOCAL_PART_WORD_SPACED})${LOCAL_PART_WORD_SPACED}+|` +
  `(?<!${LOCAL_PART_SPACELESS})[0-9._%+-]*${SPACELESS_LETTER}${LOCAL_PART_SPACELESS}*)`;

/** A domain label's character in the word-spaced scripts. */
const LABEL_WORD_SPACED = `[A-Za-z0-9${WORD_SPACED_CLASS}-]`;
/** A domain label's character in the spaceless scripts. */
const LABEL_SPACELESS = `(?:[0-9-]|${SPACELESS_LETTER})`;
/** A domain's label, of one kind's characters, a spaceless one holding a spaceless letter. */
const LABEL_BODY = `(?:${LABEL_WORD_SPACED}+|[0-9-]*${SPACELESS_LETTER}${LABEL_SPACELESS}*)`;
/** A domain's label and the dot after it. */
const LABEL = `${LABEL_BODY}\\.`;
/** A domain's label that is its last: no character of its kind, nor a dot and a label, after it. */
const LAST_LABEL =
  `(?:${LABEL_WORD_SPACED}+(?!${LABEL_WORD_SPACED})|[0-9-]*${SPACELESS_LETTER}${LABEL_SPACELESS}*(?!${LABEL_SPACELESS}))` +
  `(?!\\.(?:${LABEL_WORD_SPACED}|${SPACELESS_LETTER}))`;

/**
 * A top-level domain, ended where its label is: letters, of any script (`.de`, `.рф`, `.中国`,
 * `.भारत`, IDNA 2008's U-label), two at least; or ASCII letters that a word-spaced script's
 * non-ASCII letter follows, where the run of both is no label (a digit or `-` in it): a change of
 * script ends the TLD there (`ana@example.comтел89161234567`: the address is `ana@example.com`);
 * or an internationalized one in its ASCII form (RFC 3492's Punycode, `xn--p1ai` for `.рф`: the
 * A-label), which any non-ASCII character ends (`ana@пример.xn--p1aiспасибо`).
 */
const TLD =
  `(?:[A-Za-z${WORD_SPACED_CLASS}]{2,}(?!${LABEL_WORD_SPACED})|[A-Za-z]{2,}(?=[${WORD_SPACED_CLASS}])|` +
  `${SPACELESS_LETTER}{2,}(?!${LABEL_SPACELESS})|[Xx][Nn]--[A-Za-z0-9-]*[A-Za-z0-9](?![A-Za-z0-9-]))`;

/**
 * Not a generic top-level domain's label (`com`, `net`, `org`, `edu`, `gov`, `mil`) before a last
 * label other than a country's two-letter code: those stand right before the last label only as a
 * country's second level (`example.com.br`, `gov.uk`), so a longer last label after one is no
 * longer the domain's but a name glued on (`user.ana@example.com.notifications`, a queue's), and
 * the address ends there. Deeper, they are a subdomain's label (`ana@mail.com.example.org`), and
 * the domain goes on. Real top-level domains are ordinary words too (`.events`, `.email`), so the
 * last label's own letters cannot tell. A country's code is two ASCII letters however the text
 * goes on after them, as `TLD` ends there (`ana@example.com.brдо2025`).
 */
const NOT_GENERIC_BEFORE_NAME =
  `(?!(?:${["com", "net", "org", "edu", "gov", "mil"].map(caseless).join("|")})\\.` +
  `(?![A-Za-z]{2}(?![A-Za-z0-9-]))${LAST_LABEL})`;

const SOURCE = `${LOCAL_PART}(?:@|%40)${LABEL}(?:${NOT_GENERIC_BEFORE_NAME}${LABEL})*${TLD}`;

/** The source, tried at one position only. */
const AT_START = new RegExp(SOURCE, "y");

/**
 * E-mail addresses: a local part, "@" (or "%40", as URLs carry it), and a dotted domain ending
 * in a letters-only TLD, so package specifiers like `pkg@1.2.3` and `user@localhost` pass. The
 * lookbehind keeps a match from starting mid-word, which also keeps the scan linear. Right after
 * a URL's `://`, `user@host` is the URL's user and server (`postgres://app@db.internal:5432/orders`,
 * `ssh://git@github.com/org/repo`, RFC 3986 §3.2), no address, unless the userinfo goes on past
 * it (`mongodb://ana%40example.com@db`, `ana@example.com:pw@db`: the user is an address); nor
 * is a password kept there and the host after it (`postgres://app:xxxxx@db.internal`).
 * Nor is Git's scp-like remote (`git@github.com:org/repo.git`: `isScpLikeRemote`), nor what
 * `NO_PERSON_DOMAIN` names: a file name with a scale (`logo@2x.png`) or a service account, nor
 * a role's mailbox (`isRoleMailbox`: `noreply@acme.io`, `support@acme.io`), which names no person,
 * nor a message's id (`isMessageId`: `Message-ID: <…@…>`, `Delivered mail 6751a3c0e1b2f_…@api-1.mail`).
 *
 * Found from its separators (`searchEmail`): the regex alone tries every word of a text as a
 * local part, and reads a long text holding one address (an SQL `INSERT`'s rows) several times
 * slower than a native search for `@` does.
 */
export const emailDetector: Detector = {
  kind: "email",
  source: SOURCE,
  evidence: Evidence.MAIL_AT,
  rewrite: (match, marker, text, start, place) =>
    (text.startsWith("://", start - 3) && match.includes("@") && !USERINFO_GOES_ON.test(text.slice(start + match.length, start + match.length + 512))) ||
    (text.charCodeAt(start - 1) === 0x3a && URL_USER_BEFORE.test(text.slice(Math.max(0, start - 256), start))) ||
    isScpLikeRemote(match, text.slice(start + match.length, start + match.length + 512)) ||
    NO_PERSON_DOMAIN.test(match) || isRoleMailbox(match) || namesAccountOnServer(match, text, start) ||
    isMessageId(match, text, start, place)
      ? undefined
      : marker,
  search: searchEmail,
};

/**
 * What an `@` form ends in when it is no person's address: an image's scale before its file
 * extension (`logo@2x.png`, `icon@3x.webp`, `hero@1.5x.jpg`: the density suffix of Apple's asset
 * catalogs, Android and CSS `image-set()`), none of them a top-level domain; a Google Cloud
 * service account (`orders@my-project.iam.gserviceaccount.com`, `123-compute@developer.gserviceaccount.com`,
 * `my-project@appspot.gserviceaccount.com`: Google's domain for a workload's identity, never a mailbox).
 */
const NO_PERSON_DOMAIN =
  /@(?:\d+(?:\.\d+)?x\.(?:png|jpe?g|webp|gif|svg|avif|ico|bmp|tiff?)|(?:[\w-]+\.)*gserviceaccount\.com|[\w.-]*\.(?:service|socket|timer|target|mount|automount|swap|path|slice|scope|device))$/i;

/**
 * Mailboxes a role or a function receives, not a person: RFC 2142's (`info`, `marketing`,
 * `sales`, `support`, `abuse`, `noc`, `security`, `postmaster`, `hostmaster`, `usenet`, `news`,
 * `webmaster`, `www`, `uucp`, `ftp`), a sender no one reads (`noreply`, `no-reply`,
 * `donotreply`, `mailer-daemon`), and those services commonly run (`billing`, `admin`, `ops`,
 * `alerts`, `notifications`, `help`, `helpdesk`). Lower case.
 */
const ROLE_MAILBOXES: ReadonlySet<string> = new Set([
  "info", "marketing", "sales", "support", "abuse", "noc", "security", "postmaster", "hostmaster", "usenet", "news", "webmaster",
  "www", "uucp", "ftp", "noreply", "no-reply", "no_reply", "donotreply", "do-not-reply", "do_not_reply", "mailer-daemon", "billing",
  "admin", "administrator", "ops", "alerts", "alert", "notifications", "notification", "help", "helpdesk",
]);

/**
 * Whether the address `match` is a role's mailbox (`ROLE_MAILBOXES`, in any case, a `+tag` of
 * sub-addressing left out: `support+eu@acme.io`): it names a function of an organization, whoever
 * reads it, no person; `john.doe@acme.io` is a person's.
 */
function isRoleMailbox(match: string): boolean {
  const local = match.slice(0, match.search(/@|%40/)).toLowerCase();
  const plus = local.indexOf("+");
  return ROLE_MAILBOXES.has(plus < 0 ? local : local.slice(0, plus));
}

/**
 * The words before a `user@host` that make it an account on a server: a command reaching one
 * (`ssh`, `sftp`, `mosh`, `ssh-copy-id`, with its options only between: `ssh -i key.pem
 * ec2-user@ec2-52-1-2-3.compute-1.amazonaws.com`), or a connection made to it (`connection to
 * postgres@db.internal`, as the connection words of `detectors/ip.ts` read).
 */
const ACCOUNT_BEFORE =
  /(?:(?<![\w-])(?:ssh|sftp|mosh|autossh|ssh-copy-id)(?:[ \t]+-[\w-]+(?:[ \t]+(?!-)[^\s@]+)?)*|(?:[Cc]onnect(?:s|ed|ing|ion|ions)?|CONNECT(?:ING|ION)?)[ \t]+(?:to|TO))[ \t]+$/;
/** A Kerberos service's name before its principal's host (`HTTP/web.example.com@EXAMPLE.COM`, RFC 4120 §6.2). */
const KERBEROS_SERVICE_BEFORE = /(?<![\w/.-])[A-Za-z][\w-]*\/$/;
/** A Kerberos realm: written in capitals by convention (RFC 4120 §6.1), unlike a mail domain. */
const REALM = /@[A-Z0-9.-]*[A-Z][A-Z0-9.-]*$/;

/**
 * Whether the `user@host` form `match` at `start` of `text` names no mailbox: an scp or rsync
 * target (`deploy@web-1.prod.example.com:/tmp`, `backup@backup.internal:/srv/data`: a path after
 * the colon), an account a command or connection reaches (`ACCOUNT_BEFORE`), a Kerberos service principal (`HTTP/web.example.com@EXAMPLE.COM`). A
 * user in a person's shape (`holdsPersonName`: `ana.silva@example.com:/tmp`) stays an address.
 */
function namesAccountOnServer(match: string, text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 160), start);
  if (REALM.test(match) && KERBEROS_SERVICE_BEFORE.test(before)) return true;
  const end = start + match.length;
  const target = text.charCodeAt(end) === 0x3a /* : */ && /^:[/~]/.test(text.slice(end, end + 2));
  if (!target && !ACCOUNT_BEFORE.test(before)) return false;
  return !holdsPersonName(match.slice(0, match.search(/@|%40/)));
}

/** The source, as a whole text. */
const WHOLE = new RegExp(`^${SOURCE}$`);

/** Whether `text` is one e-mail address and nothing else (`ana@example.com`), as the detector finds it. */
export function isEmailAddress(text: string): boolean {
  return WHOLE.test(text);
}

/**
 * Whether `match`, followed by `after`, is the user and host of an SSH remote in the scp-like
 * syntax Git documents (git-clone(1), "GIT URLS": `[user@]host.xz:path/to/repo.git/`): the
 * `git` user every hosting service's SSH remotes use (`git@github.com:org/repo.git`,
 * `git@gitlab.example.com:group/sub/repo`, `git@ssh.dev.azure.com:v3/org/project/repo`), or a
 * user without a person's shape before a path naming a repository (`gitea@host:org/repo.git`,
 * `org-123@host:org/repo.git`). Kept whole: the user is an account on the server, no one's
 * address. A user in a person's shape (`holdsPersonName`: `ana.silva@example.com:org/repo.git`,
 * `j.doe@gitlab.example.com:group/proj.git`) is an address whatever follows, as is one before a
 * colon and a blank (`to ana@example.com: sent`) or a word (`ana@example.com:pw@db`).
 */
function isScpLikeRemote(match: string, after: string): boolean {
  const at = match.indexOf("@");
  if (at < 0) return false;
  const path = SCP_PATH.exec(after)?.[1];
  if (path === undefined) return false;
  if (match.startsWith("git@")) return !path.includes("@");
  return REPOSITORY_PATH_END.test(path) && !holdsPersonName(match.slice(0, at));
}
/** The colon and the path of an scp-like remote, up to a blank, a quote or the end. */
const SCP_PATH = /^:((?:~|[A-Za-z0-9_.~-]+\/)[^\s"'<>`,;]*)/;
/** A path ending in a repository's name (`org/repo.git`, `repo.git/`). */
const REPOSITORY_PATH_END = /\.git\/?$/;

/**
 * A URL's scheme and user before a match (`postgres://app:`): the match is the userinfo's
 * password and the host, a password the URL credentials' detector kept as a placeholder or a
 * mask (`postgres://app:xxxxx@db.internal`, as Go's `url.URL.Redacted` writes it), no address.
 */
const URL_USER_BEFORE = /[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s/?#:@[]*:$/;

/** What follows a URL's user that is an address: the rest of its userinfo (`:password`) and the `@` before the host. */
const USERINFO_GOES_ON = /^(?::[^\s/?#@]*)?@/;

/**
 * The first match of `SOURCE` starting at or after `from`, as the global regex's `exec` finds
 * it. A match's local part is a whole run of one kind's characters (`LOCAL_PART`: the
 * word-spaced scripts' or the spaceless ones', with the digits and punctuation both share)
 * ending at its separator (`@`, or the `%` of `%40`), so it starts where the run of the kind of
 * the last letter before a separator starts, and nowhere else: each such start, in the text's
 * order (a later separator's run starts no earlier), is tried alone, and the first that matches
 * is the leftmost match; from inside a spaceless run, the shared characters ending it start one
 * too (`LOCAL_PART_WORD_SPACED` holds them all). Each character is read back once: a run reaching
 * the previous separator (a `%40` inside it) starts where that one's did if its kind is the same
 * or either is all shared characters, else where that one's shared tail did.
 */
function searchEmail(text: string, from: number): RegExpExecArray | null {
  let nextAt = text.indexOf("@", from);
  let nextEncoded = text.indexOf("%40", from);
  let previous = -1;
  let previousStart = -1;
  let previousKind = SHARED;
  let previousSharedFrom = -1;
  let tried = -1;
  for (;;) {
    const separator = nextAt < 0 ? nextEncoded : nextEncoded < 0 ? nextAt : Math.min(nextAt, nextEncoded);
    if (separator < 0) return null;
    let start = separator;
    let kind = SHARED;
    let sharedFrom = separator;
    while (start > previous + 1) {
      const character = localPartKind(text, start - 1);
      if (character === NONE || (character !== SHARED && kind !== SHARED && character !== kind)) break;
      if (character !== SHARED && kind === SHARED) {
        kind = character;
        sharedFrom = start;
      }
      start--;
    }
    if (kind === SHARED) sharedFrom = start;
    // Back at the previous separator: a `%` is a local part's character, and its run goes on.
    if (start === previous + 1 && previous >= 0 && localPartKind(text, previous) !== NONE) {
      if (kind === SHARED) {
        kind = previousKind;
        sharedFrom = previousSharedFrom;
      }
      start = previousKind === SHARED || previousKind === kind ? previousStart : previousSharedFrom;
    }
    // Started before `from`: a spaceless run's shared tail (`.12` of `用.12@`) is a local part too.
    const candidate = start >= from ? start : kind === SPACELESS_SCRIPT && sharedFrom >= from ? sharedFrom : -1;
    if (candidate >= 0 && candidate < separator && candidate !== tried) {
      AT_START.lastIndex = candidate;
      const match = AT_START.exec(text);
      if (match !== null) return match;
      tried = candidate;
    }
    previous = separator;
    previousStart = start;
    previousKind = kind;
    previousSharedFrom = sharedFrom;
    if (separator === nextAt) nextAt = text.indexOf("@", separator + 1);
    if (separator === nextEncoded) nextEncoded = text.indexOf("%40", separator + 1);
  }
}

/** What a code unit is to a local part (`localPartKind`): none of its characters, one both kinds share, or one kind's. */
const NONE = 0;
const SHARED = 1;
const WORD_SPACED_SCRIPT = 2;
const SPACELESS_SCRIPT = 3;

/**
 * `LOCAL_PART_WORD_SPACED` and `LOCAL_PART_SPACELESS`, for the code unit at `index` of `text`:
 * which holds it (a surrogate: whether it is half of a `SPACELESS_LETTER` pair).
 */
function localPartKind(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return WORD_SPACED_SCRIPT;
  if ((code >= 48 && code <= 57) || code === 46 || code === 95 || code === 37 || code === 43 || code === 45) return SHARED;
  if (code < 0xc0) return NONE;
  if (inRanges(WORD_SPACED, code)) return WORD_SPACED_SCRIPT;
  if (inRanges(SPACELESS, code)) return SPACELESS_SCRIPT;
  const letterPair =
    isLowSurrogate(code)
      ? inRanges(LETTER_HIGH_SURROGATE, text.charCodeAt(index - 1))
      : inRanges(LETTER_HIGH_SURROGATE, code) && isLowSurrogate(text.charCodeAt(index + 1));
  return letterPair ? SPACELESS_SCRIPT : NONE;
}

/** Whether `code` is a low (trailing) surrogate, U+DC00–U+DFFF. */
function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
