import { MoreEvidence } from "../evidence";
import { nameWords, namesObjectSession } from "../secret-names";
import { isSessionIdShaped, isSessionIdToken } from "../session-ids";
import { hidingSessionIds, type Detector } from "./detector";
import { SECRET_PARAM_KIND } from "./secret-parameter";

/**
 * A session's id written in prose or a path after the word session, counted as `secret_param`
 * as the id is under a session's name (docs/decisions.md, "a session's id in every form"):
 * `invalid session id abc123def456`, `sessionId abc123def456 not found`, `session
 * 8f3a2b9c-1d2e-… expired`, `sesión abc123def456 caducada`, `GET /api/session/8f3a2b9c/cart`.
 * The word stays; only the id goes.
 *
 * An id there holds a letter and a digit and is shaped as one (`isSessionIdToken`): a number
 * (`session 2 of 5`, `session 12345 of 20000`), a word (`session started`), a duration, a host's
 * or region's name (`session us-east-1 failover`), an algorithm's or encoding's word (`session
 * sha256 digest`), a version and a path's word (`/session/oauth2/callback`) stay. After an id's
 * word (`session id abc123 expired`) the word announces the id and its looser shape is enough
 * (`isSessionIdShaped`), as under a field's name.
 * After a business object's word (`checkout session cs_live_…`: `namesObjectSession`) the id is
 * the object's and stays. A name glued by `:` (`session:8f3a2b9c`, a cache key's namespace) or
 * `=`/`:` fields are the field detectors'.
 *
 * `sid` names a session's id in prose too, alone or after `session` (`sid 9f86d081… expired`,
 * `session sid 9f86d081…`), its id judged as after an id's word; after another system's word
 * (`account sid AC…`, `Oracle SID ORCL19c`, `user SID S-1-5-…`) it is that system's id and stays.
 */
const SESSION_WORD = String.raw`(?:[Ss]ession|SESSION|[Ss]esi[oó]n|SESI[OÓ]N|[Ss]ess[ãa]o|SESS[ÃA]O)`;
/** An id's word after the session's, or its short `sid` (`session sid 9f86d081…`). */
const ID_WORD = String.raw`(?:[ _-]?(?:[Ii]d|ID|[Ss]id|SID)(?![A-Za-z]))?`;
/** `sid` alone, a session's id in short as a field's name is (`sid 9f86d081… expired`, docs/decisions.md, "`sid`"). */
const SID_WORD = String.raw`(?:[Ss]id|SID)`;
/**
 * The id after the word, perhaps `id`, and blanks or, in a path, `/` (also `/sessions/`), read by a
 * lookbehind: the match starts where a known token's would (`session ASIA…`, an AWS key the known
 * token detector, earlier in the list, names). The id may stand in quotes or brackets (`session
 * "abc123…" expired`). The id ends at a blank, `/`, a quote or punctuation. Its first character,
 * asked before the lookbehind, spares reading a blank run back from each of its blanks (quadratic).
 */
const SOURCE = String.raw`(?=[A-Za-z0-9])(?<=(?<![\w-])(?:(?:${SESSION_WORD}${ID_WORD}|${SID_WORD})[ \t]+(?:\\{0,7}["']|\()?|(?<=/)(?:[Ss]ession|SESSION)s?/))(?=[A-Za-z0-9_~+=-]{0,255}[0-9])[A-Za-z0-9][A-Za-z0-9_~+=-]{5,255}(?![\w~+=-]|\.[A-Za-z0-9])`;

/** A word naming another system's or principal's id before a bare `sid`: Twilio's account and message, Windows' user, group and principal, Oracle's database. */
const OTHER_SYSTEM_SID = /(?<![\w-])(?:account|message|call|twilio|user|group|principal|subject|target|security|windows|oracle|database|db|instance)[ \t_-]+sid[ \t]+$/i;

/** A quote, perhaps escaped, or a `(` opening the id, at the end of the text before it. */
const OPENING_BEFORE = /(?:\\{0,7}["']|\()$/;

export const sessionIdPhraseDetector: Detector = {
  kind: SECRET_PARAM_KIND,
  source: SOURCE,
  evidence: 0,
  moreEvidence: MoreEvidence.SESSION_ID_PHRASE,
  rewrite: (id, marker, text, start) => {
    // After an id's word (`session id abc123`) the word announces an id, as a field's name does.
    // A quote or bracket the id is written in (`session "abc123…"`, `session (abc123…)`) stands before it.
    const opened = start - (OPENING_BEFORE.exec(text.slice(Math.max(0, start - 8), start))?.[0].length ?? 0);
    const named = /(?:[Ii]d|ID)[ \t]+$/.test(text.slice(Math.max(0, opened - 4), opened));
    if (!/[A-Za-z]/.test(id) || !(named ? isSessionIdShaped(id) : isSessionIdToken(id))) return undefined;
    // The word before `session` (`checkout session cs_live_…`): blanks, the session's word and an id's word are skipped.
    const before = /([A-Za-z]+)[ \t_-]+\S+?(?:[ \t_-]?(?:id|ID|Id))?[ \t/]+$/.exec(text.slice(Math.max(0, opened - 48), opened))?.[1];
    if (before !== undefined && namesObjectSession([...nameWords(before), "session"])) return undefined;
    // A `sid` after another system's word is that system's id (`account sid AC…`, `Oracle SID ORCL19c`), as `AccountSid` is.
    if (OTHER_SYSTEM_SID.test(text.slice(Math.max(0, opened - 48), opened))) return undefined;
    return hidingSessionIds(marker, SECRET_PARAM_KIND);
  },
};
