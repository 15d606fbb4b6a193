/**
 * The one list of the words that say an address is a server's or the service's own
 * infrastructure's, and of those that say it is a visitor's, read by every form an address is
 * named in: an attribute's key (`key-rules.ts`), a member's name in printed text (`host_ip=`,
 * `"host.ip":["…"]`) and a noun in prose (`server 54.1.2.3`, `detectors/ip.ts`). A word added
 * here is honoured by all of them, so one member's value gets one verdict in every form.
 */

/**
 * Words (lower case, as `nameWords` yields them) that name a server or the service's own
 * infrastructure outside the semantic conventions' namespaces: nginx's `upstream_addr`, GCP's
 * `httpRequest.serverIp`, Cloudflare Logpush's `OriginIP`, `backend_ip`, `pod.ip`, `node.ip`,
 * `lb.ip`, `load_balancer_ip`, a DNS answer or resolver (`dns.answer`, `resolver`),
 * `destination_ip`/`dst_ip` (the server side, as semconv's `destination.*`), the service's own
 * `egress.ip`, `nat.gateway.ip`, `vpn.endpoint`; the host a logger runs on (pino's and bunyan's
 * `hostname`, GELF's and semantic_logger's `host`, ECS's `host.ip`) and the server a request
 * asked for (pino-http's `req.headers.host`, HTTP's Host: RFC 9110 §7.2); a socket's `local` end
 * and a dial's or probe's `target` (zap, gRPC); a mail `relay`; the address a cluster member
 * gives its peers (Consul's and memberlist's `advertise_addr`, Kafka's `advertised.listeners`),
 * a cloud's fixed or external address of a machine (AWS's `elastic_ip`, GCP's and a Kubernetes
 * Service's `external_ip`, `instance_ip`, `cluster_ip`; a Kubernetes node's `ExternalIP`,
 * `InternalIP`, `ExternalDNS`, as its `status.addresses` types them), what traffic enters by (`ingress_ip`, a
 * virtual IP's `vip`), what the service binds or listens on (`bind_address`, `listen_addr`), a
 * message `broker`. `public` alone is none: a person's device has a public address too (a
 * WebRTC candidate's, a "your IP" page's); beside a server's word it is that server's
 * (`node_public_ip`). See docs/decisions.md, 2026-12-04, "one list of server words".
 */
export const SERVER_WORDS: ReadonlySet<string> = new Set([
  "server", "servers", "upstream", "upstreams", "origin", "backend", "backends", "pod", "node", "lb", "balancer",
  "loadbalancer", "resolver", "nameserver", "dns", "destination", "dst", "egress", "nat", "gateway", "vpn", "host",
  "hostname", "local", "target", "relay", "advertise", "advertised", "elastic", "external", "internal", "instance", "cluster",
  "ingress", "vip", "bind", "listen", "broker",
]);

/**
 * `SERVER_WORDS` that name a server only as a key's word or with `:`, `=` or a quote after them,
 * never as a bare noun before an address in prose: `blocked host 1.2.3.4` may be a visitor's
 * machine (`detectors/ip.ts` reads `host` in prose by its own notation), and `external`,
 * `internal`, `instance`, `bind`, `listen` say too little as a sentence's word.
 */
export const KEY_ONLY_SERVER_WORDS: ReadonlySet<string> = new Set(["host", "hostname", "external", "internal", "instance", "bind", "listen"]);

/**
 * Words naming an error (`err.address`): Node's system errors (`ECONNREFUSED`, `EADDRINUSE`, as
 * pino and bunyan serialize `err`) carry in `address` the server a `connect` reached or the
 * address a `listen` or `bind` took, the service's own; never a visitor's.
 */
const ERROR_WORDS: ReadonlySet<string> = new Set(["err", "error", "exception"]);

/**
 * Words that make an address a visitor's even beside a server word (`client.address`,
 * `x-forwarded-for`, `remote_addr`, `cf-connecting-ip`, `x-real-ip`, `source.ip`, `user.ip`,
 * `client_ip`); `forwarded` not before a server's word (`FORWARDED_SERVER_WORDS`).
 */
export const VISITOR_WORDS: ReadonlySet<string> = new Set([
  "client", "clients", "remote", "peer", "source", "src", "user", "enduser", "visitor", "forwarded", "connecting", "real",
  "true", "caller", "sender", "customer",
]);

/**
 * The words after `forwarded` that name a forwarded request's server side, not its visitor:
 * `X-Forwarded-Host` holds the Host the client asked for (a server's address, as `Host` itself:
 * RFC 9110 §7.2), `X-Forwarded-Server` the proxy's own name (Apache's mod_proxy).
 */
const FORWARDED_SERVER_WORDS: ReadonlySet<string> = new Set(["host", "server"]);

/**
 * Whether a name's words (`nameWords`: `host_ip` → `host`, `ip`) name a server (`SERVER_WORDS`,
 * or an error's `address`) and no visitor (`VISITOR_WORDS`; `forwarded` before `host` or
 * `server` is none: `x-forwarded-host`, `x-forwarded-server`).
 */
export function namesServer(words: readonly string[]): boolean {
  if (namesVisitor(words)) return false;
  return words.some((word) => SERVER_WORDS.has(word)) || (words.at(-1) === "address" && words.some((word) => ERROR_WORDS.has(word)));
}

/**
 * Whether a name's words hold a visitor's word (`VISITOR_WORDS`: `client.advertise_addr`,
 * `x-forwarded-for`), `forwarded` before `host` or `server` not counting: what such a name holds
 * is a visitor's address, whatever server word is beside it.
 */
export function namesVisitor(words: readonly string[]): boolean {
  return words.some((word, at) => VISITOR_WORDS.has(word) && !(word === "forwarded" && FORWARDED_SERVER_WORDS.has(words[at + 1] ?? "")));
}
