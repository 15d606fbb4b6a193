import { Evidence } from "../evidence";
import {
  REQUEST_CF_LOCATION_MEMBERS,
  VISITOR_LOCATION_HEADER_NAMES,
  requestCfMemberLevel,
  visitorLocationHeaderLevel,
} from "../geo";
import { countWork, currentScan, resetAfterEachScan } from "../scan-scope";
import { POSTAL_CODE_KIND } from "./postal-code-parameter";
import { ESCAPED_QUOTED, NOT_AT_ESCAPED_QUOTE } from "./escaped-quotes";
import { caseless, redactionMarker, type Detector } from "./detector";

/**
 * The visitor's location in text forms, at the levels `geoPrecision` drops as attributes
 * (docs/normalization-and-redaction.md, "Cloudflare invocation records"): what a logged
 * `request.cf` or headers object holds when it is not an attribute of its own, nor JSON text
 * that is the whole value (whose members the key rules remove), but part of a line:
 *
 * - Cloudflare's visitor-location headers (`cf-ipcity`, `CF-IPCity`, `cf_iplatitude`, any case)
 *   before their value, as a logfmt field (`cf-ipcity=Campinas`), a header line or a JSON or
 *   JavaScript member (`cf-ipcity: Sao Paulo`, `"cf-ipcity":"…"`, `'cf-ipcity': '…'`), a
 *   `Map`'s or `Headers`' dump (`'cf-ipcity' => '…'`) and a pair of a logged
 *   `[...request.headers]` (`["cf-ipcity","Campinas"]`);
 * - a `request.cf` member that locates the visitor (`city`, `latitude`, `postalCode`, …) inside
 *   an object given as `cf` after a prefix (`user data cf={"city":"Sao Paulo",…}`, `"cf":{…}`,
 *   `cf: { city: 'Campinas' }`), or named `cf.<member>` (`request.cf.city=Campinas`).
 *
 * Both read the same with their quotes escaped, where the line is held in a JSON string (a
 * Workers log message in a body kept as JSON: `"user data cf={\"city\":\"Sao Paulo\",…}"`).
 *
 * Only the value is replaced, quotes kept: `[REDACTED:geo]`, or `[REDACTED:postal_code]` for a
 * postal code, as its parameter would be. Each detector instance keeps the levels up to its
 * precision (`visitorLocationDetector`): the coarser members (`country`, `region` at the
 * default) stay, and so do `colo`, `asn` and the other members, which say where the request was
 * served and how, not where the visitor is.
 */
export const VISITOR_LOCATION_KIND = "geo";

/** A header name, `cf-` or `cf_` and the rest with `-` or `_` between words, in any case. */
const HEADER = `[Cc][Ff][-_](?:${VISITOR_LOCATION_HEADER_NAMES.map((name) => caseless(name.slice(3)).replaceAll("-", "[-_]")).join("|")})`;
/** A location member of `request.cf`, perhaps after `cf.`, in any case. */
const MEMBER = `(?:cf\\.)?(?:${REQUEST_CF_LOCATION_MEMBERS.map(caseless).join("|")})`;
/** A value in quotes (escapes inside), up to 200 characters. */
const QUOTED = `"(?:[^"\\\\\\n]|\\\\.){0,200}"|'(?:[^'\\\\\\n]|\\\\.){0,200}'`;
/**
 * An unquoted value: one word, as logfmt and query strings end one at a blank; a sentence's
 * final `.`, `:`, `!` or `?` is the sentence's.
 */
const WORD = `[^\\s"',;&)\\]}]{0,99}[^\\s"',;&)\\]}.:!?]`;
/**
 * After `:` or `=>` (a header line, a member), up to eight words (`Sao Paulo`), until a word that
 * is the next field's name (`status=200`, `cf-ipcountry:`).
 */
const WORDS = `${WORD}(?: (?![\\w.-]+[:=])${WORD}){0,7}`;
/** A quote, perhaps escaped. */
const QUOTE = `(?:\\\\{0,7}["'])`;
/** A value quoted, in quotes perhaps escaped; an unquoted one never starts at an escaped quote. */
const QUOTED_VALUE = `${QUOTED}|${ESCAPED_QUOTED}|${NOT_AT_ESCAPED_QUOTE}`;
const SOURCE =
  `(?<![\\w-])${QUOTE}?(?:${HEADER}|${MEMBER})${QUOTE}?[ \\t]*` +
  `(?:(?:=>|:)[ \\t]*(?:${QUOTED_VALUE}${WORDS})|[=,][ \\t]*(?:${QUOTED_VALUE}${WORD}))`;

/** A match's parts: the name (quotes aside), the separator and what opens the value. */
const PARTS = /^(?:\\*["'])?([A-Za-z_.-]+)(?:\\*["'])?[ \t]*(=>|[:=,])[ \t]*((?:\\*["'])?)/;

/** An object given as `cf`, right before its `{`: `cf=`, `"cf":`, `cf: `, `request.cf = `, `\"cf\":`. */
const CF_OPENER = /(?<![\w-])(?:\\*["'])?cf(?:\\*["'])?[ \t]*[:=][ \t]*$/;
/** How far before a `{` `CF_OPENER` is read. */
const CF_OPENER_REACH = 32;
/** How far back from a member its object's `{` is looked for: a logged `request.cf` is about 1.5 KB. */
const OBJECT_REACH = 4096;

/** The level of `postalCode` and `cf-postal-code`, the finest. */
const POSTAL_LEVEL = 5;
const POSTAL_MARKER = redactionMarker(POSTAL_CODE_KIND);
const REDACTED = "[REDACTED:";
const JSON_LITERAL = /^(?:null|true|false|undefined)$/;
/**
 * How many characters `insideCfObject` may read back per character of a scan's text, beyond one
 * reach: members whose objects close before them (`"city":"x"},` repeated) cannot use the last
 * member's answer and would each read a whole reach.
 */
const READS_PER_CHARACTER = 4;

/**
 * The detector keeping the levels up to `precisionLevel` (`geoPrecisionLevel`: 0 `none` … 4
 * `city`; at 5, `full`, it finds nothing and the policy leaves it out).
 */
export function visitorLocationDetector(precisionLevel: number): Detector {
  return {
    kind: VISITOR_LOCATION_KIND,
    source: SOURCE,
    evidence: Evidence.VISITOR_LOCATION,
    rewrite: (match, marker, text, start) => {
      const parts = PARTS.exec(match);
      // A value redacted already (`cf-ipcity=[REDACTED:geo]`, the output scanned again) stays.
      if (parts === null || match.startsWith(REDACTED, parts[0].length)) return undefined;
      // JSON's and JavaScript's literals (`"cf-ipcity":null`, `city: false`) say no place.
      if (parts[3] === "" && JSON_LITERAL.test(match.slice(parts[0].length))) return undefined;
      const name = parts[1]!;
      const header = (name.charCodeAt(2) === 45 || name.charCodeAt(2) === 95) && (name.charCodeAt(0) | 0x20) === 99;
      let level: number | undefined;
      if (header) {
        level = visitorLocationHeaderLevel(name);
      } else {
        // A pair (`["city","x"]`) is no member; a member is one of `request.cf` only inside its object.
        if (parts[2] === ",") return undefined;
        // A quoted name is read from its opening quote: the scanner retrying one character later
        // (the candidate there rejected) would start inside it and pair the quotes wrongly.
        if (!isQuote(match.charCodeAt(0)) && match.charCodeAt(0) !== 92 && (isQuote(text.charCodeAt(start - 1)) || text.charCodeAt(start - 1) === 92)) {
          return undefined;
        }
        const dotted = name.startsWith("cf.");
        if (!dotted && !insideCfObject(text, start)) return undefined;
        level = requestCfMemberLevel(dotted ? name.slice(3) : name);
      }
      if (level === undefined || level <= precisionLevel) return undefined;
      const postal = level === POSTAL_LEVEL && name.toLowerCase().includes("postal");
      const quote = parts[3]!;
      return { text: `${parts[0]}${postal ? POSTAL_MARKER : marker}${quote}`, kind: postal ? POSTAL_CODE_KIND : VISITOR_LOCATION_KIND };
    },
  };
}

/**
 * Whether the member at `start` is one of an object given as `cf` (`CF_OPENER` before its `{`):
 * read back from the member, strings in either quote skipped, nested objects and arrays passed.
 * Where the reading reaches the place the last member of the same scan was read from, at the
 * same depth, that member's answer is taken: a long object's members cost its length once.
 */
function insideCfObject(text: string, start: number): boolean {
  if (lastMember.scan !== currentScan()) {
    lastMember.scan = currentScan();
    lastMember.from = -1;
    lastMember.budget = OBJECT_REACH + READS_PER_CHARACTER * text.length;
  }
  // Past the budget (only text built to defeat the memo gets there) a member is taken as one of
  // `request.cf`: its value goes rather than the scan growing with the square of the text.
  if (lastMember.budget <= 0) return (lastMember.inside = true);
  const earlier = lastMember.from >= 0 && lastMember.from < start ? lastMember.from : -1;
  lastMember.from = start - 1;
  const from = Math.max(0, start - OBJECT_REACH);
  let depth = 0;
  let i = start - 1;
  let inside = false;
  for (; i >= from; i--) {
    if (i === earlier && depth === 0) {
      inside = lastMember.inside;
      break;
    }
    const code = text.charCodeAt(i);
    if (isQuote(code)) {
      // A string's quotes are escaped alike: none inside JSON text, `\"` inside JSON text held in a string.
      const escapes = backslashesBefore(text, i, from);
      let open = i - 1 - escapes;
      while (open >= from && (text.charCodeAt(open) !== code || backslashesBefore(text, open, from) !== escapes)) open--;
      i = open - escapes;
      if (open < from) break;
    } else if (code === 125 || code === 93) {
      depth++;
    } else if (code === 123 || code === 91) {
      if (depth === 0) {
        inside = code === 123 && CF_OPENER.test(text.slice(Math.max(0, i - CF_OPENER_REACH), i));
        break;
      }
      depth--;
    }
  }
  const read = start - Math.max(i, from - 1);
  lastMember.budget -= read;
  countWork(read);
  return (lastMember.inside = inside);
}

/** How many backslashes come right before `at`, counting back no further than `from`. */
function backslashesBefore(text: string, at: number, from: number): number {
  let count = 0;
  while (at - count - 1 >= from && text.charCodeAt(at - count - 1) === 92) count++;
  return count;
}

function isQuote(code: number): boolean {
  return code === 34 || code === 39;
}

/**
 * The last member `insideCfObject` read in a scan: where its reading started, and its answer.
 * Keyed by the scan (`scan-scope`), not the text: a retry's equal copy is another scan.
 */
const lastMember = { scan: -1, from: -1, inside: false, budget: 0 };
resetAfterEachScan(() => {
  lastMember.scan = -1;
  lastMember.from = -1;
});
