/**
 * HTTP headers printed whole, as each language dumps a request's header map (Go's `%v` and `%#v`
 * of `http.Header`, Python's dicts and requests' `CaseInsensitiveDict`, Node's util.inspect of
 * `IncomingMessage.headers`, Spring's `HttpHeaders`, Rack's env, curl -v, nginx's and Envoy's
 * access-log fields): the value of every header whose name holds a secret is replaced up to that
 * value's own end (`]`, a quote, a `,`, the line's end) and no further, so that the headers after
 * it keep their names and their safe values (Accept, User-Agent, Content-Type, X-Request-Id,
 * Traceparent). Each output is pinned.
 */
import { describe } from "vitest";
import { defaultRedactionPolicy } from "../../workers/ingest/core/redact";
import { redactedLogBody } from "../support/redaction";
import { itKeeps, itStores } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const SECRET = "[REDACTED:secret]";
const SECRET_PARAM = "[REDACTED:secret_param]";
const TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

const redactedBody = (body: string): unknown => redactedLogBody(body, policy);

describe("Go's %v of http.Header: a dashed key is a member, its value ends at its own `]`", () => {
  itStores("%j", redactedBody, [
    [
      "headers=map[Accept:[*/*] Authorization:[Bearer abcdef123456789] X-Api-Key:[sk_9f8e7d6c5b4a39281706] Cookie:[session=9f8e7d6c5b4a3928]]",
      `headers=map[Accept:[*/*] Authorization:${SECRET} X-Api-Key:${SECRET} Cookie:${SECRET}]`,
    ],
    ["headers=map[X-Api-Key:[Vsx5ZX1oynHiw5IyY7BwN87Fg] Accept:[*/*]]", `headers=map[X-Api-Key:${SECRET} Accept:[*/*]]`],
    [
      "headers=map[Accept:[*/*] X-Auth-Token:[9f8e7d6c5b4a39281706abc] User-Agent:[Go-http-client/1.1]]",
      `headers=map[Accept:[*/*] X-Auth-Token:${SECRET} User-Agent:[Go-http-client/1.1]]`,
    ],
    [
      "headers=map[Proxy-Authorization:[Basic dXNlcjpwYXNzd29yZA==] Content-Type:[application/json]]",
      `headers=map[Proxy-Authorization:${SECRET} Content-Type:[application/json]]`,
    ],
    [
      "headers=map[X-Amz-Security-Token:[FwoGZXIvYXdzEJr//////////wEaDOxample] Content-Type:[application/json]]",
      `headers=map[X-Amz-Security-Token:${SECRET} Content-Type:[application/json]]`,
    ],
    ["resp headers: map[Set-Cookie:[sid=9f8e7d6c5b4a3928; Path=/; HttpOnly] X-Request-Id:[req-42]]", `resp headers: map[Set-Cookie:${SECRET} X-Request-Id:[req-42]]`],
    [
      `headers=map[Authorization:[Bearer abcdef123456789] X-Request-Id:[req-42] Traceparent:[${TRACEPARENT}]]`,
      `headers=map[Authorization:${SECRET} X-Request-Id:[req-42] Traceparent:[${TRACEPARENT}]]`,
    ],
  ]);
  itKeeps("headers holding no secret stay whole: %j", redactedBody, [
    `headers=map[Accept:[*/*] User-Agent:[Go-http-client/1.1] Content-Type:[application/json] X-Request-Id:[9f8e7d6c5b4a39281706abc] Traceparent:[${TRACEPARENT}]]`,
    "map[Accept-Encoding:[gzip] Content-Length:[42] X-Ratelimit-Remaining:[59]]",
    "cfg=map[re-run:now mode:fast]",
    "headers=map[X-Api-Key:[REDACTED] Accept:[*/*]]",
  ]);
});

describe("the other languages' header dumps: the secret header's value alone goes", () => {
  itStores("%j", redactedBody, [
    [
      'http.Header{"Accept":[]string{"*/*"}, "X-Api-Key":[]string{"Vsx5ZX1oynHiw5IyY7BwN87Fg"}, "User-Agent":[]string{"curl/8.1"}}',
      `http.Header{"Accept":[]string{"*/*"}, "X-Api-Key":${SECRET}, "User-Agent":[]string{"curl/8.1"}}`,
    ],
    [
      "{'Accept': '*/*', 'X-Api-Key': 'Vsx5ZX1oynHiw5IyY7BwN87Fg', 'User-Agent': 'python-requests/2.31'}",
      `{'Accept': '*/*', 'X-Api-Key': '${SECRET}', 'User-Agent': 'python-requests/2.31'}`,
    ],
    [
      "CaseInsensitiveDict({'Accept': '*/*', 'X-Auth-Token': 'Vsx5ZX1oynHiw5IyY7BwN87Fg', 'User-Agent': 'python-requests/2.31'})",
      `CaseInsensitiveDict({'Accept': '*/*', 'X-Auth-Token': '${SECRET}', 'User-Agent': 'python-requests/2.31'})`,
    ],
    [
      "[Object: null prototype] { 'x-api-key': 'Vsx5ZX1oynHiw5IyY7BwN87Fg', accept: '*/*', 'user-agent': 'node' }",
      `[Object: null prototype] { 'x-api-key': '${SECRET}', accept: '*/*', 'user-agent': 'node' }`,
    ],
    [
      "{ host: 'example.com', 'x-amz-security-token': 'FwoGZXIvYXdzEJr//////////wEaDOxample', 'content-type': 'application/json' }",
      `{ host: 'example.com', 'x-amz-security-token': '${SECRET}', 'content-type': 'application/json' }`,
    ],
    ['[x-api-key:"Vsx5ZX1oynHiw5IyY7BwN87Fg", accept:"*/*", user-agent:"Java/17"]', `[x-api-key:"${SECRET_PARAM}", accept:"*/*", user-agent:"Java/17"]`],
    [
      '{"HTTP_X_API_KEY"=>"Vsx5ZX1oynHiw5IyY7BwN87Fg", "HTTP_ACCEPT"=>"*/*", "HTTP_USER_AGENT"=>"curl/8.1"}',
      `{"HTTP_X_API_KEY"=>"${SECRET}", "HTTP_ACCEPT"=>"*/*", "HTTP_USER_AGENT"=>"curl/8.1"}`,
    ],
    ["> X-Api-Key: Vsx5ZX1oynHiw5IyY7BwN87Fg\n> Accept: */*", `> X-Api-Key: ${SECRET_PARAM}\n> Accept: */*`],
    ['"GET / HTTP/1.1" 200 http_x_api_key="Vsx5ZX1oynHiw5IyY7BwN87Fg" http_user_agent="curl/8.1"', `"GET / HTTP/1.1" 200 http_x_api_key="${SECRET_PARAM}" http_user_agent="curl/8.1"`],
    [
      '{"x-api-key":"Vsx5ZX1oynHiw5IyY7BwN87Fg","user-agent":"curl/8.1","x-request-id":"req-42"}',
      `{"x-api-key":"${SECRET}","user-agent":"curl/8.1","x-request-id":"req-42"}`,
    ],
  ]);
});

describe("a Go map's unquoted secret value ends before the next member, whatever its key's shape", () => {
  itStores("%j", redactedBody, [
    ["labels=map[api-key:sk_9f8e7d6c5b4a39281706 app.kubernetes.io/name:nginx]", `labels=map[api-key:${SECRET} app.kubernetes.io/name:nginx]`],
    ["map[password:hunter2 app.kubernetes.io/name:nginx]", `map[password:${SECRET} app.kubernetes.io/name:nginx]`],
    [
      "annotations=map[auth-secret:basic-auth kubernetes.io/ingress.class:nginx nginx.ingress.kubernetes.io/rewrite-target:/]",
      `annotations=map[auth-secret:${SECRET} kubernetes.io/ingress.class:nginx nginx.ingress.kubernetes.io/rewrite-target:/]`,
    ],
    [
      "flags=map[api-token:9f8e7d6c5b4a39281706 config:/etc/app.yaml listen-addr:0.0.0.0:8080]",
      `flags=map[api-token:${SECRET} config:/etc/app.yaml listen-addr:0.0.0.0:8080]`,
    ],
    [
      "map[X-Api-Key:[sk_9f8e7d6c5b4a39281706] X-Envoy.Upstream:[svc-1] X-Request-Id:[req-42]]",
      `map[X-Api-Key:${SECRET} X-Envoy.Upstream:[svc-1] X-Request-Id:[req-42]]`,
    ],
    ["map[auth-token:abc123 host.name:db-01.internal port:5432]", `map[auth-token:${SECRET} host.name:db-01.internal port:5432]`],
    [
      "md=map[x-api-key:[sk_9f8e7d6c5b4a39281706] :authority:[api.example.com:443] x-request-id:[req-42]]",
      `md=map[x-api-key:${SECRET} :authority:[api.example.com:443] x-request-id:[req-42]]`,
    ],
    // A URL's `//` after a word's `:` starts no member: it is the secret's.
    ["map[session-cookie:sid https://app.example.com/x]", `map[session-cookie:${SECRET}]`],
  ]);
});

describe("a Go struct's %+v value runs on over a blank and a name that is no field's (a dashed, dotted one)", () => {
  // A field's name is an identifier: a secret holding a blank is not cut at `def-ghi:`.
  itStores("%j", redactedBody, [
    ["{Secret:abc def-ghi:jkl}", `{Secret:${SECRET}}`],
    ["{Password:hunter2 x-trace:4bf92f3577b34da6a3ce929d0e0e4736}", `{Password:${SECRET}}`],
    ["{Password:my pass-phrase:x Note:ok}", `{Password:${SECRET} Note:ok}`],
  ]);
});
