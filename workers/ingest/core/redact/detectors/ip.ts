import { Evidence } from "../evidence";
import type { Detector } from "./detector";
import { NODE_ADDRESS_TYPES } from "../node-addresses";
import { ERRNO_CODE, SYSTEM_ERROR_SYSCALLS } from "../system-errors";
import { KEY_ONLY_SERVER_WORDS, SERVER_WORDS, VISITOR_WORDS, namesServer, namesVisitor } from "../server-names";
import { nameWords } from "../secret-names";
import { memberNameBefore } from "./member-name";
import { alignedColumnName } from "./aligned-columns";
import { countWork, currentScan } from "../scan-scope";

const OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
/** A dotted-quad IPv4 address, each octet 0 to 255 without a leading zero. */
export const DOTTED_QUAD = `(?:${OCTET}\\.){3}${OCTET}`;

/**
 * Dotted-quad IPv4 addresses. Not when glued to a word or a longer dotted run (`v1.2.3.4`,
 * `1.2.3.4.5`), nor right after a product token (`Chrome/120.0.0.0` in user agents), nor as the
 * value of a word or key naming a version (`version 1.0.0.0`, `app_version=1.0.0.0`, `release
 * 2.0.0.1 deployed`): .NET's default version and four-part builds are dotted quads too. Nor right
 * after a name and `@` outside a URL: a package specifier's version (`@deco/apps@0.62.3.1`,
 * `pkg@1.2.3.4`) or the host of `user@host` (`ssh root@10.0.0.5`, `git@10.1.2.3:repo.git`), a
 * server a command reaches. Addresses that name no host on the Internet (`isInternetHostIpv4`:
 * private, link-local, shared and loopback ranges) never name a visitor and stay, and neither do
 * addresses the words before them name as a server the service reached or runs on
 * (`namedAsServer`: `server 54.232.10.11`, `dial tcp 1.2.3.4:443`).
 */
export const ipv4Detector: Detector = {
  kind: "ipv4",
  source: `(?<![\\w.])(?<![A-Za-z]/)${DOTTED_QUAD}(?!\\.?\\w)`,
  evidence: Evidence.DOTTED_QUAD,
  rewrite: (match, marker, text, start) =>
    !isInternetHostIpv4(match) || isVersionValue(text, start) || followsNameAt(text, start) || isIpv4Network(match, text, start) ||
    namedAsServer(text, start) || reachedAtServicePort(text, start, start + match.length) || isServerAddressMember(text, start)
      ? undefined
      : marker,
};

/** An `address` member's name right before its value, in Node's printed objects and JSON (`address: '`, `"address":"`, `address=`). */
const ADDRESS_MEMBER_BEFORE = /(?<![\w.-])["']?address["']?[ \t]*[:=][ \t]*["']?\[?$/;
/**
 * A sibling member saying whose address an `address` member holds: Node's system error's
 * (system-errors.ts: its `syscall` one that connects, binds or looks up, or its `code` an errno's
 * name), or a Kubernetes node's (`type` one of the API's NodeAddressType values, as a node's
 * `status.addresses` holds them: `Hostname`, `InternalIP`, `ExternalIP`, `InternalDNS`, `ExternalDNS`).
 */
const SERVER_ADDRESS_SIBLING = new RegExp(
  `(?<![\\w-])(?:syscall["']?[ \\t]*[:=][ \\t]*["']?(?:${SYSTEM_ERROR_SYSCALLS.join("|")})|code["']?[ \\t]*[:=][ \\t]*["']?${ERRNO_CODE}` +
    `|type["']?[ \\t]*[:=][ \\t]*["']?(?:${NODE_ADDRESS_TYPES.join("|")}))(?![\\w-])`,
);
/**
 * How far around an address its sibling members are read: Node prints `errno`, `code`, `syscall`
 * just before `address`; the API writes a node address's `type` before it, `kubectl -o yaml` after it.
 */
const SIBLING_REACH = 160;

/**
 * Whether the address at `start` is an `address` member whose sibling says it is a server's
 * (`SERVER_ADDRESS_SIBLING`): Node's system error's (`{ errno: -111, code: 'ECONNREFUSED',
 * syscall: 'connect', address: '52.84.12.3', port: 443 }`, the same in JSON, system-errors.ts),
 * the server a `connect` dialled or the service's own socket, whose message names that server
 * too; or a Kubernetes node's (`{"type":"ExternalIP","address":"34.120.5.6"}`, YAML's `- address:
 * 34.120.5.6` over `type: ExternalIP`), the address the cluster reaches the node at. Never a visitor's.
 */
function isServerAddressMember(text: string, start: number): boolean {
  if (!ADDRESS_MEMBER_BEFORE.test(text.slice(Math.max(0, start - 16), start))) return false;
  return SERVER_ADDRESS_SIBLING.test(text.slice(Math.max(0, start - SIBLING_REACH), Math.min(text.length, start + SIBLING_REACH)));
}

/**
 * Ports of the services a server listens on (IANA's well-known and registered assignments):
 * FTP, SSH, SMTP (25, 465, 587), DNS (53, DNS over TLS 853), HTTP (80, 443, 8080, 8443), POP3,
 * IMAP, LDAP, SQL Server, Oracle, NFS, ZooKeeper, etcd, MySQL, NATS, OTLP, PostgreSQL, AMQP,
 * Redis, Kubernetes' API, ClickHouse, Prometheus, Cassandra, Kafka, Elasticsearch, Memcached,
 * RabbitMQ's management, MongoDB. None lies in the ranges systems pick a client's own port
 * from (Linux 32768–60999, IANA and Windows 49152–65535), so a visitor's address never carries one.
 */
const SERVICE_PORTS: ReadonlySet<number> = new Set([
  21, 22, 25, 53, 80, 110, 143, 389, 443, 465, 587, 636, 853, 993, 995, 1433, 1521, 2049, 2181, 2379, 3306, 4222, 4317,
  4318, 5432, 5671, 5672, 6379, 6443, 8080, 8123, 8443, 9000, 9042, 9090, 9092, 9200, 9300, 11211, 15672, 27017,
]);
/** A port after an address (`:5432`), past the bracket closing it (Postfix's `mx.example.com[203.0.113.5]:25`). */
const PORT_AFTER = /^\]?:(\d{1,5})(?!\d)/;
/** `VISITOR_WORDS` and the prose's `from` as a regex source's alternatives. */
const VISITOR_ALTERNATIVES = [...VISITOR_WORDS, "from"].join("|");
/**
 * A visitor's word or key right before an address (`client 203.0.113.9:443`, `remote_addr=`,
 * `X-Forwarded-For: `, `x-real-ip:`): the port does not make such an address a server's.
 */
const VISITOR_RIGHT_BEFORE = new RegExp(`(?:${VISITOR_ALTERNATIVES})[\\w-]*["']?[ \\t]*[:=]?[ \\t]*["']?\\[?$`, "i");

/**
 * Whether the address between `start` and `end` is written with the port of a server's service
 * (`SERVICE_PORTS`: `host 52.1.2.3:5432 unreachable`, `node 52.1.2.3:9200`, zap's `"local":
 * "52.94.236.248:443"`, Postfix's `relay=mx.example.com[203.0.113.5]:25`), not right after a
 * visitor's word: the end of a connection listening there, a server's. Not the host of a URL
 * whose scheme may reach a person's own device (`GET http://203.0.113.9:8080/admin`, a home
 * router's page): the words before that URL decide (`namedAsServer`).
 */
function reachedAtServicePort(text: string, start: number, end: number): boolean {
  const port = PORT_AFTER.exec(text.slice(end, end + 7));
  if (port === null || !SERVICE_PORTS.has(Number(port[1]))) return false;
  const bracket = text.charCodeAt(start - 1) === 91 /* [ */ ? start - 1 : start;
  const before = text.slice(Math.max(0, bracket - SERVER_WORDS_WINDOW), bracket);
  return !VISITOR_RIGHT_BEFORE.test(before) && !URL_BEFORE_HOST.test(before);
}

/**
 * Words naming a server (the other end of a connection the service made, or the service itself),
 * as a word of their own, before an address: `SERVER_WORDS` (`server-names.ts`, the list an
 * attribute's key is read by) but those only a key's name may hold (`KEY_ONLY_SERVER_WORDS`), in
 * lower case, capitalized or in capitals (nginx's `server` and `upstream`, HAProxy's `backend`,
 * Cloudflare's `origin`, resolv.conf's `nameserver`, Elasticsearch's `node 52.1.2.3:9200 joined`,
 * zap's `"local":`), and nginx's `proxy_pass`; with an address word after them (`upstream_addr`,
 * `origin IP`, `serverAddress`).
 */
const SERVER_NOUN =
  `(?:${[...SERVER_WORDS].filter((word) => !KEY_ONLY_SERVER_WORDS.has(word)).map(anyCase).join("|")}|proxy_pass)` +
  "(?:[ _.-]?(?:[Aa]ddr(?:ess)?|ADDR(?:ESS)?|IP|[Ii]p)|[ _.-](?:[Ss]erver|SERVER))?";

/** A lower-case word as a regex source matching it in lower case, capitalized or in capitals (`node`, `Node`, `NODE`). */
function anyCase(word: string): string {
  return `[${word[0]}${word[0]!.toUpperCase()}]${word.slice(1)}|${word.toUpperCase()}`;
}
/**
 * `host` (HTTP's Host header, RFC 9110 §7.2: the server the client asked for; libpq's `host "…"`
 * and `hostaddr=`), only with `:`, `=` or a quote after it, or after `to`, `on`, `at`: `blocked
 * host 1.2.3.4` may be a visitor's. Not after a visitor's word (`remote host`, Apache's `%h`).
 */
const HOST_NOUN = "(?<![Rr]emote[ _.-]|[Cc]lient[ _.-]|[Pp]eer[ _.-]|[Ss]ource[ _.-]|[Uu]ser[ _.-])(?:[Hh]ost(?:name|addr)?|HOST(?:NAME|ADDR)?)";
/** `:` or `=`, quoted names and values too, or (after a noun) a blank or a quote. */
const ASSIGNED = "[\"']?[ \\t]*[:=][ \\t]*[\"']?";
/**
 * What a connection to a server is logged as: `connect to`, `connecting to`, `connection to`
 * (`Connection to 1.2.3.4 closed`, PostgreSQL 14's `connection to server at "…"`, MySQL's
 * `Can't connect to MySQL server on '…'`, Redis's `Could not connect to Redis at`, Postfix's
 * `connect to mx.example.com[…]`, curl's `Connected to example.com (…)`, MongoDB's `connection 1
 * to`), with up to three words between (none a visitor's: `connection to client 1.2.3.4`).
 */
const CONNECT_TO =
  "(?:[Cc]onnect(?:s|ed|ing|ion|ions)?|CONNECT(?:ING|ION)?)(?:[ \\t]+#?\\d+)?[ \\t]+(?:to|TO)" +
  "((?:[ \\t]+[(\"'<]?[\\w.-]+[)\"'>]?){0,3}?)(?:[ \\t]*[\"'(|]|[ \\t]+|(?<=[\\w.-]))";

/**
 * The notations before an address that say it is a server's, each ending where the address (or
 * a URL holding it) starts. Group 1 holds the words a connection's notation lets between `to` and
 * the address, checked for a visitor's word.
 */
const SERVER_BEFORE = new RegExp(
  `(?:${CONNECT_TO}` +
    `|(?<!\\w)(?:${SERVER_NOUN}(?:${ASSIGNED}|[ \\t]+[\\"']?|[ \\t]*[\\"'])` +
    `|${HOST_NOUN}(?:${ASSIGNED}|[ \\t]*[\\"'])|(?:to|on|at)[ \\t]+${HOST_NOUN}[ \\t]+)` +
    // libpq: `host "db.example.com" (1.2.3.4)`, `server at "db" (1.2.3.4)`.
    `(?:[\\"'][\\w.-]+[\\"'][ \\t]+\\()?` +
    // Go: `dial tcp 1.2.3.4:443`, the local end of `read tcp 10.0.0.1:5678->…`, the resolver of
    // `lookup example.com on 1.2.3.4:53`, the URL of a client's `Get "http://…"`.
    `|(?<![A-Za-z])(?:dial|read|write)[ \\t]+(?:tcp|udp)[46]?[ \\t]+|lookup[ \\t]+[\\w.-]+[ \\t]+on[ \\t]+` +
    `|(?<![A-Za-z])(?:Get|Post|Put|Patch|Delete|Head|Options)[ \\t]+\\"` +
    // Node: `connect ECONNREFUSED 1.2.3.4:443`, `listen EADDRINUSE: address already in use …`;
    // undici's `(attempted address: 1.2.3.4:443`.
    `|(?<![A-Za-z])(?:connect|bind|listen)[ \\t]+E[A-Z]+(?::[ \\t]+[a-z ]+)?[ \\t]+|attempted address:[ \\t]+` +
    `|[Cc]onnection (?:refused|timed out)[ \\t]*\\(|[Nn]o route to host[ \\t]*\\(` +
    // DNS: `resolved to`, `resolved api.example.com to`, wget's `Resolving example.com (example.com)... `,
    // a record's `A`/`AAAA`.
    `|[Rr]esolv(?:es|ed|ing)[ \\t]+(?:[\\w-]+(?:\\.[\\w-]+)+[ \\t]+)?(?:to|as|=>|->)[ \\t]+|[Rr]esolving[ \\t]+[\\w.-]+[ \\t]+\\([\\w.-]+\\)\\.\\.\\.[ \\t]+` +
    `|(?<![\\w-])(?:A|AAAA)[ \\t]+` +
    // A reverse proxy's request to its upstream: `proxying to`, `forwarding request to`; a
    // query or request sent to a server (`DNS query to`, `request to`).
    `|(?<![A-Za-z])(?:[Pp]roxy(?:ing|ied)?|[Ff]orward(?:s|ed|ing)?)(?:[ \\t]+(?:the[ \\t]+)?request)?[ \\t]+to[ \\t]+` +
    `|(?<![A-Za-z])(?:[Qq]uer(?:y|ies|ied|ying)|QUERY|[Rr]equests?|REQUEST)[ \\t]+to[ \\t]+` +
    // What the service listens on: sshd's `Server listening on`, ASP.NET's `Now listening on: `, curl's `Trying`.
    `|(?<![A-Za-z])(?:[Ll]isten(?:s|ing)?|[Ss]erving|[Bb]ound|[Bb]ind(?:ing)?)[ \\t]+(?:on|at|to):?[ \\t]+|(?<![A-Za-z])Trying[ \\t]+)$`,
);

/** Words between `connect … to` and an address that make it a visitor's (`VISITOR_WORDS`, `from`, `by`). */
const VISITOR_WORD = new RegExp(`(?:^|[^A-Za-z])(?:${VISITOR_ALTERNATIVES}|by)(?![A-Za-z])`, "i");
/**
 * A URL's scheme (group 1) and user information right before its host: the host is judged by
 * what precedes the URL, or by its scheme (`PERSON_REACHED_SCHEME`).
 */
const URL_BEFORE_HOST = /([A-Za-z][\w+.-]*):\/\/(?:[^\s/]*@)?$/;
/**
 * The schemes a URL may reach a person's own device by: the web's (a browser's page, a
 * WebSocket), a SIP phone's, a media stream's, a file transfer's. Every other scheme names a
 * server's protocol (`postgres://`, `mongodb://`, `redis://`, `amqp://`, `kafka://`, `ldap://`,
 * `smtp://`), whose host is a server the service reaches.
 */
const PERSON_REACHED_SCHEME = /^(?:https?|wss?|sips?|rtsps?|rtmps?|ftps?|sftp|tftp|file)$/i;
/** A list's earlier address (and port) and its separator: nginx's `upstream_addr` lists `a:80, b:80 : c:80`. */
const ADDRESS_BEFORE = /(?:^|[^\w.:[\]])(\[?[0-9A-Fa-f:.]*[.:][0-9A-Fa-f:.]*\]?(?::\d+)?(?:,[ \t]*|[ \t]+:[ \t]+))$/;
/** How far before an address its notation is read: past the longest wording above. */
const SERVER_WORDS_WINDOW = 96;
/** How many earlier addresses of one list are followed back to the list's words. */
const LIST_DEPTH = 8;

/**
 * Whether the words (or notation) right before the address at `start` name it as a server the
 * service reached or runs on: nothing a visitor is (`client`, `from`, `remote_addr=`,
 * `X-Forwarded-For:`, an access log's first field) is among them, so those stay redacted. An
 * address inside a URL is judged by what precedes the URL (`upstream: "http://1.2.3.4:8080/"`),
 * or is a server's by its scheme (`postgres://app@52.1.2.3:5432/app`, `amqp://52.1.2.3:5672`);
 * a later address of a list by the list's first (`upstream_addr=1.2.3.4:80, 5.6.7.8:80`).
 * Runs only on a public address's candidate, so clean text pays nothing.
 */
function namedAsServer(text: string, start: number, depth = 0): boolean {
  // A bracket opening the address is the notation's (`dial tcp [2001:db8::1]:443`, Postfix's `mx.example.com[…]`).
  const end = text.charCodeAt(start - 1) === 91 /* [ */ ? start - 1 : start;
  const from = Math.max(0, end - SERVER_WORDS_WINDOW);
  let before = text.slice(from, end);
  const url = URL_BEFORE_HOST.exec(before);
  if (url !== null && !PERSON_REACHED_SCHEME.test(url[1]!)) return true;
  if (url !== null) before = before.slice(0, url.index);
  const member = memberVerdict(text, url === null ? end : from + url.index);
  if (member !== UNNAMED) return member === SERVER;
  const notation = SERVER_BEFORE.exec(before);
  if (notation !== null) return notation[1] === undefined || !VISITOR_WORD.test(notation[1]);
  const listed = depth < LIST_DEPTH && url === null ? ADDRESS_BEFORE.exec(before) : null;
  return listed !== null && namedAsServer(text, end - listed[1]!.length, depth + 1);
}

/**
 * What a member's name says of the value starting at `start` (an address, or the URL holding
 * one), read as an attribute's key is (`namesServer`, `namesVisitor`): `SERVER` under a server's
 * word (`host_ip=`, `hostIP:`, `"host.ip":"…"`, `pod_ip=`, `advertise_addr=`), `VISITOR` under a
 * visitor's (`client.advertise_addr=`, `x-forwarded-for:`), `UNNAMED` otherwise (no member, or a
 * name saying neither: the words before it decide), a prose word right before the name counting
 * as the name's (`remote host:` a visitor's). An item of a member's list is the member's
 * (ECS writes `"host.ip":["…","…"]`): one verdict for a member's value in text, in JSON and
 * lifted to an attribute.
 */
function memberVerdict(text: string, start: number): typeof SERVER | typeof VISITOR | typeof UNNAMED {
  let name = memberNameBefore(text, start) ?? labelBefore(text, start);
  if (name === undefined) {
    const list = LIST_OPEN.exec(text.slice(Math.max(0, start - LIST_REACH), start));
    if (list !== null) name = memberNameBefore(text, start - list[0].length);
  }
  name ??= alignedColumnName(text, start);
  if (name === undefined) return UNNAMED;
  // A prose word right before the name qualifies it: `remote host: …` is the visitor's host.
  const qualifier = WORD_BEFORE_NAME.exec(text.slice(Math.max(0, start - SERVER_WORDS_WINDOW), text.lastIndexOf(name, start)))?.[1];
  const words = qualifier === undefined ? nameWords(name) : [...nameWords(qualifier), ...nameWords(name)];
  return namesServer(words) ? SERVER : namesVisitor(words) ? VISITOR : UNNAMED;
}
/**
 * A label of several words written as one name (`ExternalIP`, `EXTERNAL-IP`, `node_external_ip`,
 * `client_ip`: two or more `nameWords`) and the blanks after it, right before the value at
 * `start`: a member's name without its `:` or `=`, as kubectl's `Addresses: ExternalIP
 * 34.120.5.6` writes it; undefined otherwise. A single word in prose (`external 1.2.3.4`) is
 * read by the prose's nouns (`SERVER_BEFORE`), not as a name.
 */
function labelBefore(text: string, start: number): string | undefined {
  const label = LABEL_BEFORE.exec(text.slice(Math.max(0, start - LABEL_REACH), start))?.[1];
  return label !== undefined && nameWords(label).length > 1 ? label : undefined;
}
/**
 * A name (letters first, then letters, digits, `_`, `-`, `.`) after a blank, a list's comma or an
 * opening bracket (not a path's `/api/node-status`), and blanks before the value.
 */
const LABEL_BEFORE = /(?:^|[\s,;([{])([A-Za-z][\w.-]*[A-Za-z0-9])[ \t]+$/;
/** How far back `LABEL_BEFORE` reads: a long name and its blanks. */
const LABEL_REACH = 80;

/** A word and the blanks between it and a member's name (`remote host:`, `client IP:`). */
const WORD_BEFORE_NAME = /(?<![\w.-])([A-Za-z][\w-]*)[ \t]+$/;
const SERVER = 1;
const VISITOR = 2;
const UNNAMED = 0;
/** A list's `[`, its earlier quoted items (at most `LIST_DEPTH`) and the quote opening the value. */
const LIST_OPEN = new RegExp(`\\[[ \\t]*(?:(["'])[^"'\\s]{1,64}\\1[ \\t]*,[ \\t]*){0,${LIST_DEPTH}}["']?$`);
/** How far back `LIST_OPEN` reads: eight quoted addresses and their separators. */
const LIST_REACH = 640;

/** A CIDR prefix length after an address (RFC 4632 §3.1: `203.0.113.0/24`), not glued to more digits or a path. */
const PREFIX_LENGTH = /^\/(\d{1,3})(?![\w.\/])/;
/** The widest prefixes that are no one's network: a household gets one IPv4 address, or an IPv6 `/48` to `/64`. */
const WIDEST_IPV4_HOST_NETWORK = 24;
const WIDEST_IPV6_HOST_NETWORK = 32;

/**
 * The prefix length written after the address `match` at `start` of `text`, when it is a CIDR
 * network's of `widest` bits or fewer; undefined otherwise.
 */
function networkPrefix(match: string, text: string, start: number, widest: number): number | undefined {
  const end = start + match.length;
  const prefix = PREFIX_LENGTH.exec(text.slice(end, end + 5));
  const bits = prefix === null ? undefined : Number(prefix[1]);
  return bits !== undefined && bits <= widest ? bits : undefined;
}

/**
 * Whether the dotted quad `match` at `start` is a network's address with its prefix
 * (`ratelimit:203.0.113.0/24`, an allow list's `198.51.100.0/22`): a provider's or a site's
 * block of addresses, shared by many hosts, no one's address. Its host bits must be zero: an
 * interface's `inet 203.0.113.7/24` names one host. A longer prefix (`/25` to `/32`) may be one
 * subscriber's and stays redacted. See docs/decisions.md, 2026-12-02, "server addresses by their key's words".
 */
function isIpv4Network(match: string, text: string, start: number): boolean {
  const bits = networkPrefix(match, text, start, WIDEST_IPV4_HOST_NETWORK);
  if (bits === undefined) return false;
  const value = match.split(".").reduce((sum, octet) => sum * 256 + Number(octet), 0);
  return value % 2 ** (32 - bits) === 0;
}

/**
 * Whether the IPv6 address `match` at `start` is a network's address with a prefix of 32 bits
 * or fewer (`2606:4700::/32`): its groups after the prefix written as `::`. A subscriber's
 * `/48` or `/64` stays redacted, as an IPv4 host's address does.
 */
function isIpv6Network(match: string, text: string, start: number): boolean {
  return match.endsWith("::") && networkPrefix(match, text, start, WIDEST_IPV6_HOST_NETWORK) !== undefined;
}

/**
 * Whether the dotted quad at `start` follows a name and `@` outside a URL: `pkg@1.2.3.4`,
 * `root@10.0.0.5`. In a URL (`redis://:pw@10.0.0.3/`) the host is read as every URL's is: a
 * `://` in the word the address ends (since the last blank before it) makes it a URL's.
 *
 * Walking back to the blank from each address cost the square of a text with no blank
 * (`a@1.2.3.4,` repeated); the scanned text's addresses come in text order, so what was read is
 * kept for the scan (`wordRead`) and only the characters since the last address are read.
 */
function followsNameAt(text: string, start: number): boolean {
  if (text.charCodeAt(start - 1) !== 64 /* @ */ || !/[\w.-]/.test(text.charAt(start - 2))) return false;
  const read = wordRead;
  const scan = currentScan();
  if (read.scan !== scan || start < read.readTo) {
    // The first address of a scan (or one before the last: read afresh): back to the blank before it.
    let word = start - 2;
    while (word > 0 && !BLANK.test(text.charAt(word - 1))) word--;
    const scheme = text.slice(word, start).lastIndexOf("://");
    read.scan = scan;
    read.blank = word - 1;
    read.scheme = scheme < 0 ? -1 : word + scheme;
    countWork(start - word);
  } else {
    for (let i = read.readTo; i < start; i++) {
      if (BLANK.test(text.charAt(i))) read.blank = i;
      else if (text.charCodeAt(i) === 47 /* / */ && text.startsWith("://", i - 2)) read.scheme = i - 2;
    }
    countWork(start - read.readTo);
  }
  read.readTo = start;
  return read.scheme <= read.blank;
}

const BLANK = /\s/;

/**
 * What `followsNameAt` read of the text the scan `scan` (scan-scope) is reading, up to `readTo`:
 * the last blank before it (-1: none) and the last `://` starting after that blank (-1: none).
 * Only positions: no part of the text is kept.
 */
const wordRead = { scan: -1, readTo: 0, blank: -1, scheme: -1 };

/**
 * Words after `version`, `release` or `build` in a name that say which one it is
 * (`version_from`, `versionTo`, `min_version`'s mirror `version_min`, `build_number`): the name
 * still names a version. Other words (`release_host`, `build_server`) name something else.
 */
const VERSION_WHICH = [
  "from", "to", "old", "new", "prev", "previous", "next", "current", "latest", "target", "min", "max", "minimum",
  "maximum", "requested", "installed", "expected", "actual", "string", "number", "full", "name", "code",
];
/** Regex source: optionally, `VERSION_WHICH` glued to the name's word before (`_from`, `-TO`, `From`). */
export const WHICH_VERSION = `(?:[_-](?:${VERSION_WHICH.join("|")}|${VERSION_WHICH.map((word) => word.toUpperCase()).join("|")})` +
  `|(?:${VERSION_WHICH.map((word) => word[0]!.toUpperCase() + word.slice(1)).join("|")}))?`;

/**
 * The words that name a version, as a word of their own or a key's last word (`version`,
 * `versions`, `app_version`, `appVersion`, `--version`, `"version":`, `ver.`), in English and
 * Portuguese, also with a word saying which one in a name (`version_from=`: `VERSION_WHICH`),
 * and what may stand between them and the value: a blank, `is`, `=` or `:` (quoted or not). A
 * version is what the words say the number is; any other word before it (`client`, `from=`,
 * `to`) leaves it an address. `version`, `release` and `build` as a key's last word make an
 * attribute's value a version in the same way (`key-rules.ts`).
 */
const VERSION_BEFORE = new RegExp(
  "(?:(?<![A-Za-z0-9])(?:(?:[Vv]ersions?|VERSIONS?|[Vv]ers(?:ão|ao|ões|oes)|[Rr]eleases?|RELEASES?|[Bb]uilds?|BUILDS?)" +
    `${WHICH_VERSION}|(?:[Vv]er|VER)\\.?)` +
    `|[a-z0-9](?:Versions?|Releases?|Builds?)${WHICH_VERSION})` +
    "(?:[\"']?[ \\t]*[:=][ \\t]*[\"']?|[ \\t]+(?:is[ \\t]+)?[\"']?)$" +
    `|(?<![\\w.-])(?:${versionedProducts()}|[A-Z][\\w-]*(?:\\.[A-Za-z][\\w-]*)+)[ \\t]+$`,
);

/**
 * What a four-part version follows as a word of its own (`Firmware 2.10.4.1`, `runtime 8.0.0.0`,
 * `Chrome 120.0.0.0`), as a regex source: the words for software that ships in four-part
 * versions (firmware, runtimes, kernels, SDKs, drivers) and the products whose versions have
 * four parts or are printed with them (browsers, as user agents write them; Windows and .NET
 * assemblies; Java builds; Node and Python runtimes). A dotted name starting in a capital is a
 * package's (.NET's and NuGet's `Microsoft.AspNetCore.Mvc 2.2.0.0`, `System.Text.Json`):
 * `VERSION_BEFORE`'s last alternative. Host names are written in lower case, so an address
 * after one stays an address.
 */
function versionedProducts(): string {
  const words = [
    "firmware", "runtime", "kernel", "sdk", "driver", "bios", "chrome", "chromium", "firefox", "edge", "safari", "opera",
    "windows", "android", "ios", "macos", "openjdk", "jdk", "jre", "java", "node", "nodejs", "python", "dotnet", ".net",
  ];
  return words
    .map((word) => {
      const first = word.startsWith(".") ? 1 : 0;
      const letter = word.charAt(first);
      const rest = word.slice(first + 1).replace(".", "\\.");
      return `${first === 1 ? "\\." : ""}[${letter}${letter.toUpperCase()}](?:${rest}|${rest.toUpperCase()})`;
    })
    .join("|");
}
/** How far before a dotted quad `VERSION_BEFORE` reads: past a long package name (`Microsoft.AspNetCore.Mvc.Core `). */
const VERSION_WORDS_WINDOW = 64;

/** Whether the dotted quad at `start` is the value of a word naming a version or the version of a product or package. */
function isVersionValue(text: string, start: number): boolean {
  return VERSION_BEFORE.test(text.slice(Math.max(0, start - VERSION_WORDS_WINDOW), start));
}

/**
 * Candidates for IPv6 (RFC 4291 §2.2): hex groups and colons, at least two colons, optionally
 * ending in a dotted quad. One loose alternative scans faster than the exact grammar's several;
 * `parseIpv6` checks the grammar on the few candidates.
 */
const IPV6_CANDIDATE = `(?:[0-9A-Fa-f]{1,4}|(?=::))(?::[0-9A-Fa-f]{0,4}){2,7}(?:(?<=:)${DOTTED_QUAD})?`;
/** A zone index (`fe80::1%eth0`, RFC 6874) belongs to the address it qualifies. */
const ZONE = "(?:%[\\w.-]+)?";

/** An IPv6 address alone in a URL host's brackets: a `::` or all eight groups, a zone perhaps. */
const BRACKETED_IPV6 = new RegExp(`^\\[(?=[^\\]]*::|(?:[^:\\]]*:){7})${IPV6_CANDIDATE}${ZONE}\\]$`);

/**
 * Whether `value` is, whole, an IPv6 address in brackets (`[2001:db8::1]`, `[fe80::1%eth0]`), as a
 * host is written before its port: an address, which `ipv6Detector` judges, not a secret's value.
 */
export function isBracketedIpv6(value: string): boolean {
  return BRACKETED_IPV6.test(value);
}

/**
 * IPv6 addresses, full or `::`-compressed, with an embedded IPv4 address (`::ffff:203.0.113.9`)
 * or a zone, and the brackets of a URL host (`[2001:db8::1]:443`): the whole address is one
 * match, so no part of it (the IPv4 inside a mapped address) is left in the text. Candidates
 * that look like code or clock times rather than addresses (`a::b`, fewer than three groups of
 * which none is longer than two digits) are rejected. Loopback (`::1`), unspecified (`::`),
 * multicast (`ff02::1`), the unique local fc00::/7 and link-local fe80::/10 addresses of a
 * site's own network (RFC 4193, RFC 4291 §2.5.6), the IPv4 addresses that name no host in
 * IPv6 form, addresses the words before them name as a server (`namedAsServer`) and addresses
 * in brackets with a server's port (`[2600:1f18::1]:5432`: `reachedAtServicePort`) stay.
 */
export const ipv6Detector: Detector = {
  kind: "ipv6",
  source: `(?:\\[${IPV6_CANDIDATE}${ZONE}\\]|(?<![\\w:.])${IPV6_CANDIDATE}${ZONE}(?![\\w:]|\\.\\d))`,
  // Two colons with at most a group between: `"status":404` in JSON text is no evidence.
  evidence: Evidence.IPV6,
  rewrite: (match, marker, text, start) =>
    looksLikeIpv6(match) && !isIpv6Network(match, text, start) && !namedAsServer(text, start) &&
    !reachedAtServicePort(text, start, start + match.length) && !isServerAddressMember(text, start)
      ? marker
      : undefined,
};

function looksLikeIpv6(candidate: string): boolean {
  let address = candidate.charCodeAt(0) === 91 /* [ */ ? candidate.slice(1, -1) : candidate;
  const zone = address.indexOf("%");
  if (zone >= 0) address = address.slice(0, zone);
  // The candidate regex allows empty groups anywhere: only one `::` may stand for them.
  const double = address.indexOf("::");
  if (double >= 0 && address.indexOf("::", double + 1) >= 0) return false;
  const groups =
    double < 0 ? address.split(":") : [address.slice(0, double), address.slice(double + 2)].flatMap(splitGroups);
  if (groups.includes("")) return false;
  // An embedded IPv4 address stands for the last two groups.
  const embedded = groups.at(-1)?.includes(".") === true ? groups.pop() : undefined;
  const count = groups.length + (embedded === undefined ? 0 : 2);
  if (double >= 0 ? count > 7 : count !== 8) return false;
  const leadingZeros = groups.slice(0, -1).every((group) => /^0+$/.test(group));
  if (embedded !== undefined) {
    // ::127.0.0.1 and ::ffff:127.0.0.1 are the IPv4 loopback in IPv6 form, and so on.
    return !(!isInternetHostIpv4(embedded) && leadingZeros && /^(?:0+|ffff)?$/i.test(groups.at(-1) ?? ""));
  }
  // The unspecified address and the loopback, in their uncompressed spellings too.
  if (leadingZeros && /^0*[01]?$/.test(groups.at(-1) ?? "")) return false;
  // The rest of ::/96, IPv4-compatible addresses that RFC 4291 §2.5.5.1 deprecates and no host is
  // reached at: what reads so is the loopback and its port (redis-cli's `::1:6379> `).
  if (count <= 2 && address.startsWith("::")) return false;
  // Multicast (ff00::/8, RFC 4291 §2.7): a group, never one sender's address (`ff02::1`, mDNS's `ff02::fb`).
  if (/^ff[0-9a-f]{2}$/i.test(groups[0] ?? "")) return false;
  // Unique local (fc00::/7) and link-local (fe80::/10): a site's own hosts, never a visitor's
  // address as the Internet delivers it (`fe80::1%eth0`, a pod's `fd00::…`).
  if (/^(?:f[cd][0-9a-f]{2}|fe[89ab][0-9a-f])$/i.test(groups[0] ?? "")) return false;
  return count >= 3 || groups.some((group) => group.length >= 3);
}

function splitGroups(half: string): string[] {
  return half === "" ? [] : half.split(":");
}

/**
 * Whether a dotted quad can be the address of a host on the Internet, which may be a visitor's
 * device: not "this network" (0.0.0.0/8, the unspecified `0.0.0.0` a server listens on; RFC 1122
 * §3.2.1.3), loopback (127.0.0.0/8), multicast (224.0.0.0/4: a group, never one sender's
 * address; mDNS's `224.0.0.251`, SSDP's `239.255.255.250`), the reserved 240.0.0.0/4 with the
 * limited broadcast `255.255.255.255` (RFC 1112, RFC 919), nor an address no Internet route
 * reaches: private 10.0.0.0/8, 172.16.0.0/12 and 192.168.0.0/16 (RFC 1918), link-local
 * 169.254.0.0/16 (RFC 3927) and the carriers' shared 100.64.0.0/10 (RFC 6598). Those name a
 * site's servers, pods and upstreams (`upstream: "http://10.0.3.97:3000"`, `dial tcp
 * 10.0.0.7:50051`); a visitor reaches a Worker from a public address, the one Cloudflare passes
 * as the client's. Documentation ranges (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24) are
 * public addresses here, as examples use them.
 */
function isInternetHostIpv4(address: string): boolean {
  const dot = address.indexOf(".");
  const first = Number.parseInt(address, 10);
  const second = Number.parseInt(address.slice(dot + 1), 10);
  if (first === 0 || first === 10 || first === 127 || first >= 224) return false;
  if (first === 172) return second < 16 || second > 31;
  if (first === 192) return second !== 168;
  if (first === 169) return second !== 254;
  if (first === 100) return second < 64 || second > 127;
  return true;
}
