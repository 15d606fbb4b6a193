import { MoreEvidence } from "../evidence";
import { isKeptHomeAccount } from "../home-directories";
import { Place, type Detector } from "./detector";
import { PERSON_NAME_KIND } from "./person-name-field";

/** A letter of an account's name beyond ASCII (Latin-1 Supplement and Latin Extended-A/B, without `×` and `÷`). */
const ACCENTED = "\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F";
/** An account's name: no leading dot (`/home/.snapshots`), no variable (`$USER`, `%USERNAME%`, `{user}`) nor marker (`[`). */
const ACCOUNT = `[A-Za-z0-9_${ACCENTED}][A-Za-z0-9._${ACCENTED}-]*`;
/** What ends the name: the path going on, its end, or what a stack trace or a quote puts after a path. */
const ACCOUNT_END = "(?=[\\\\/\\s\"'`,;:)\\]}>|]|$)";
/** A Windows profile's name may hold blanks (`C:\Users\John Smith\`): only before the path goes on. */
const SPACED_ACCOUNT = `[A-Za-z0-9_${ACCENTED}](?:[A-Za-z0-9._ ${ACCENTED}-]*[A-Za-z0-9_${ACCENTED}])?(?=[\\\\/])`;
/** Where a path starts: the text's start, a blank, a quote, a bracket or a separator, or after `file://`. */
const PATH_START = "(?:^|[\\s\"'`(\\[{=,;:|>]|file://)";
/**
 * A Unix home directory's parent where a path starts (`PATH_START`), the homes' directory of
 * each system: `/home/`; Fedora Atomic's and Silverblue's `/var/home/`, FreeBSD's `/usr/home/`
 * (its `/home` links there), Solaris' and illumos' `/export/home/`; macOS's `/Users/`, also under
 * its data volume (`/System/Volumes/Data/Users/`); and a Windows profile's `Users` seen from Unix
 * tools: WSL's `/mnt/c/Users/`, Cygwin's `/cygdrive/c/Users/`, Git Bash's and MSYS2's `/c/Users/`.
 * After a host or a word (`https://x/home/jdoe`, `api/home/jdoe`) it is a URL's route, no directory.
 */
const UNIX_HOMES = "/(?:(?:var/|usr/|export/)?home|(?:System/Volumes/Data/)?Users|(?:mnt|cygdrive)/[A-Za-z]/[Uu]sers|[A-Za-z]/Users)/";
const UNIX_PARENT = `(?<=${PATH_START}${UNIX_HOMES})`;
/**
 * A login's home by its name alone, as shells expand it (`~jdoe/.bashrc`, `cd ~jdoe/src`): a
 * letter first, and the path going on, so `~5/10` and `~approx` are no account.
 */
const TILDE_PARENT = `(?<=${PATH_START}~)(?=[A-Za-z])`;
/**
 * A Windows profile's parent: after a drive's letter (`C:\Users\`, `c:/users/`, JSON's doubled
 * `\\`), Windows XP's and 2000's `C:\Documents and Settings\`, or a WSL distribution's `/home`
 * seen from Windows (`\\wsl$\Ubuntu\home\`, `\\wsl.localhost\Debian\home\`).
 */
const WINDOWS_PARENT =
  "(?<=(?:(?<![A-Za-z0-9_])[A-Za-z]:[\\\\/]+(?:[Uu][Ss][Ee][Rr][Ss]|[Dd]ocuments and [Ss]ettings)|\\\\{2,}wsl(?:\\$|\\.localhost)\\\\+[^\\\\/\\s]+\\\\+home)[\\\\/]+)";
/** An HTTP request line's method right before a Unix match's parent: `GET /home/jdoe HTTP/1.1` asks for a route. */
const REQUEST_LINE_BEFORE = new RegExp(`(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)[ \\t]+${UNIX_HOMES}$`);

/**
 * The account's name in a path under a home directory (`File "/Users/jdoe/projects/shop/app.py"`,
 * `at main (/home/ana.silva/app/server.js:12:5)`, `C:\Users\JSmith\AppData\…`): a person's login,
 * which stack traces, Python's tracebacks, .NET's `in C:\Users\…\Program.cs:line 12` and Java's
 * `FileNotFoundException: /home/…` carry wherever a developer ran the code. Only the name goes,
 * so the path still says which file; the accounts of systems, images and CI runners stay
 * (`isKeptHomeAccount`: `/home/runner/`, `/home/node/`, `C:\Users\Public\`), and so does a
 * single letter, a placeholder's (`/home/u/.ssh/id_rsa`) that names no one. A route in a URL or an
 * HTTP request line (`https://x/home/jdoe`, `GET /home/jdoe`), or the value of a route's key
 * (`url.path`, `http.route`: `Place.ROUTE_VALUE`), is no directory and stays.
 */
export const homeDirectoryDetector: Detector = {
  kind: PERSON_NAME_KIND,
  source: `${UNIX_PARENT}${ACCOUNT}${ACCOUNT_END}|${TILDE_PARENT}${ACCOUNT}(?=/)|${WINDOWS_PARENT}(?:${SPACED_ACCOUNT}|${ACCOUNT}${ACCOUNT_END})`,
  evidence: 0,
  moreEvidence: MoreEvidence.HOME_DIRECTORY,
  rewrite: (match, marker, text, start, place) =>
    match.length < 2 || isKeptHomeAccount(match) || (place & Place.ROUTE_VALUE) !== 0 || REQUEST_LINE_BEFORE.test(text.slice(Math.max(0, start - 40), start))
      ? undefined
      : marker,
};
