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
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { redactedLogBody } from "../support/redaction";
import { itKeeps, itKeepsUncounted, itStores, itStoresCounting } from "../support/redaction-cases";

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

describe("an empty header or secret's list holds nothing to hide: kept as sent, counted nowhere", () => {
  itKeeps("%j", redactedBody, [
    "map[Authorization:[] Cookie:[]]",
    'map[Authorization:[""] Cookie:[""]]',
    "headers=map[Accept:[*/*] Authorization:[] X-Api-Key:[] User-Agent:[Go-http-client/1.1]]",
    '{"authorization":[],"cookie":[""]}',
    "{'Authorization': [''], 'Accept': '*/*'}",
    "{Authorization=[], Cookie=[], Content-Type=[application/json]}",
    "password=[] user=bob",
    'token=[""]',
    "Authorization: (none)",
    "token=(null) retries=3",
    'Authorization: ""',
    '{"authorization":""}',
    "token=null",
    "map[Authorization:<nil>]",
    '{"msg":"password=[]"}',
    'msg="password=[]" user=bob',
    "msg='token=[\"\"]'",
    'http.Header{"Authorization":[]string{""}}',
    'http.Header{"Authorization":[]string{}, "Accept":[]string{"*/*"}}',
    "token=(Empty) Authorization: (EMPTY)",
  ]);
  itStores("a list holding a value still goes: %j", redactedBody, [
    ["map[Authorization:[Bearer abcdef123456789] Cookie:[]]", `map[Authorization:${SECRET} Cookie:[]]`],
    ['{"password":["","hunter2"]}', `{"password":"${SECRET}"}`],
    ["{password=[hunter2]}", `{password=${SECRET}}`],
    ['http.Header{"Authorization":[]string{"Bearer abcdef123456789"}}', `http.Header{"Authorization":${SECRET}}`],
  ]);
  // The printed records' reader reads any bare word in a list as null, so a null word is no empty item: replaced and counted, in text as under a key.
  itStores("a bare null word in the list is replaced: %j", redactedBody, [
    ["map[Authorization:[<nil>]]", `map[Authorization:${SECRET}]`],
    ["{password=[null]}", `{password=${SECRET}}`],
    ["password=[null] user=bob", `password=${SECRET_PARAM} user=bob`],
  ]);
});

describe("a capitalised bracketed value is a secret's, not a type's name, when a digit ends a part of it", () => {
  itStores("%j", redactedBody, [
    ["X-Api-Key:[Vsx5ZX1oynHiw5IyY7BwN87Fg] Accept:[*/*]", `X-Api-Key:${SECRET_PARAM} Accept:[*/*]`],
    ["token: [Vsx8dK2pQ9rT4wZ1mN7b]", `token: ${SECRET_PARAM}`],
    // A type's name of that shape (SIMD, vector, checksum types) is a typed password's shape too (`Hunter2x`): outside GraphQL's variable definitions it goes.
    ["token: [Float32x4]", `token: ${SECRET_PARAM}`],
    ["token: [Vec3f]", `token: ${SECRET_PARAM}`],
    ["token: [Mat4x4]", `token: ${SECRET_PARAM}`],
    ["token: [Md5sum]", `token: ${SECRET_PARAM}`],
    ["token: [Utf8str]", `token: ${SECRET_PARAM}`],
    ["token: [Vector3d]", `token: ${SECRET_PARAM}`],
  ]);
  itKeeps("a type's name or a mask stays: %j", redactedBody, [
    "token: [Object]",
    "password: [String!]",
    "apiKey: [Int64]",
    "secret: [OAuth2]",
    "mutation Upload($apiKey: [Uint8Array], $secret: [OAuth2Token]) { upload }",
    "token: [Function: getToken]",
    "password:[FILTERED]",
    "mutation Draw($token: [Float32x4!], $secret: [Mat4x4]) { draw }",
    "query Mesh($token: [Vec3f], $password: [Vector3d!]!) { mesh }",
  ]);
});

describe("a header dump in a JSON or quoted string: a secret header's bracketed value ends at its own `]`", () => {
  itStores("%j", redactedBody, [
    [
      '{"msg": "X-Api-Key:[Vsx5ZX1oynHiw5IyY7BwN87Fg] Accept:[*/*] Host:[api.example.com]"}',
      `{"msg": "X-Api-Key:${SECRET_PARAM} Accept:[*/*] Host:[api.example.com]"}`,
    ],
    ['{"msg": "api_key:[abc123def] Accept:[*/*]"}', `{"msg": "api_key:${SECRET_PARAM} Accept:[*/*]"}`],
    ['"api_key:[abc123def] Accept:[*/*]"', `"api_key:${SECRET_PARAM} Accept:[*/*]"`],
  ]);
  // Only the next header ends it there: other words after the list may be the secret typed after it.
  itStores("%j", redactedBody, [
    ['{"msg":"password: [user1] Xk9mQ7vLpW2"}', `{"msg":"password: ${SECRET_PARAM}"}`],
    ['{"msg":"token: [abc123def] [Xk9mQ7vLpZz]"}', `{"msg":"token: ${SECRET_PARAM}"}`],
    ['{"msg":"api_key:[abc123def] my real key is 9f8e7d6c5b4a3928"}', `{"msg":"api_key:${SECRET_PARAM}"}`],
  ]);
});

describe("an empty list followed by the value's own backslash is no empty value", () => {
  itStores("%j", redactedBody, [
    ["password=[]\\hunter2", `password=${SECRET_PARAM}`],
    ['{"msg":"password=[]\\\\hunter2"}', `{"msg":"password=${SECRET_PARAM}"}`],
  ]);
  itKeeps("%j", redactedBody, ['{"msg":"password=[]"}', '{"msg":"password=[]\\nnext"}']);
});

describe("a Java Map's dashed keys (Spring's HttpHeaders): a secret's value ends before the next header", () => {
  itStores("%j", redactedBody, [
    [
      "headers={Authorization=[Bearer xyz123abc456def], Cookie=[sid=9f8e7d6c5b4a3928], Content-Type=[application/json]}",
      `headers={Authorization=${SECRET}, Cookie=${SECRET}, Content-Type=[application/json]}`,
    ],
    ["{password=hunter2, Content-Type=[application/json]}", `{password=${SECRET}, Content-Type=[application/json]}`],
    ["{Content-Type=[application/json], X-Api-Key=[Vsx8dK2pQ9rT4wZ1mN7bL3], Host=[api.example.com]}", `{Content-Type=[application/json], X-Api-Key=${SECRET}, Host=[api.example.com]}`],
  ]);
  itKeeps("%j", redactedBody, ["{Content-Type=[application/json], User-Agent=[curl/8.1], Host=[api.example.com], X-Request-Id=[req-42]}"]);
});

describe("a header list printed as pairs with no name: a credential header's value goes as under its key", () => {
  itStores("%j", redactedBody, [
    [
      "[('Host', 'api.example.com'), ('X-Api-Key', 'Vsx5JqTb8Lm2Rc7Wd4Hn9Kp3Z'), ('User-Agent', 'python-requests/2.31')]",
      `[('Host', 'api.example.com'), ('X-Api-Key', '${SECRET_PARAM}'), ('User-Agent', 'python-requests/2.31')]`,
    ],
    ["[Host, api.example.com], [X-Api-Key, Vsx5JqTb8Lm2Rc7Wd4Hn9Kp3Z]", `[Host, api.example.com], [X-Api-Key, ${SECRET_PARAM}]`],
    ["[Authorization, Bearer Vsx5JqTb8Lm2Rc7Wd4Hn9Kp3Z]", "[Authorization, Bearer [REDACTED:bearer]]"],
    [
      "[ 'Host', 'api.example.com', 'X-Api-Key', 'Vsx5JqTb8Lm2Rc7Wd4Hn9Kp3Z', 'User-Agent', 'curl/8.1' ]",
      `[ 'Host', 'api.example.com', 'X-Api-Key', '${SECRET_PARAM}', 'User-Agent', 'curl/8.1' ]`,
    ],
    ["rawHeaders: [ 'Host', 'api.example.com', 'X-Auth-Token', 'Qm7xRt2Kp9Lw4Zn8Vb3Hc6Jd1' ]", `rawHeaders: [ 'Host', 'api.example.com', 'X-Auth-Token', '${SECRET_PARAM}' ]`],
    ["[['authorization', 'Token abc123def456ghi789']]", `[['authorization', 'Token ${SECRET_PARAM}']]`],
    ['[["x-api-key","abcdef0123456789"]]', `[["x-api-key","${SECRET_PARAM}"]]`],
    [
      "[('X-Amz-Security-Token', 'FwoGZXIvYXdzEJrTOKENexample123'), ('Content-Type', 'application/json')]",
      `[('X-Amz-Security-Token', '${SECRET_PARAM}'), ('Content-Type', 'application/json')]`,
    ],
    ["[('Proxy-Authorization', 'Basic dXNlcjpwYXNzd29yZA=='), ('Api-Key', 'VSXJQTBLMMRCWDHNKPABCDEFG')]", `[('Proxy-Authorization', 'Basic [REDACTED:basic]'), ('Api-Key', '${SECRET_PARAM}')]`],
    ["[('Cookie', 'theme=dark; csrftoken=Ab3dE5fG7hJ9kL')]", `[('Cookie', 'theme=dark; csrftoken=${SECRET_PARAM}')]`],
  ]);
  itKeeps("other headers, header names, words, empty values, masks and a .NET type stay: %j", redactedBody, [
    "[('Host', 'api.example.com'), ('Content-Type', 'application/json'), ('User-Agent', 'python-requests/2.31'), ('X-Request-Id', 'req-42')]",
    "['Authorization', 'Content-Type']",
    "['X-Api-Key', 'Token']",
    '["cookie", "chocolate"]',
    "['password', 'token']",
    "[('X-Api-Key', ''), ('X-Auth-Token', '***')]",
    "[X-Api-Key, System.String[]]",
    'stored("x-api-key", "abc123secret")',
    '["hunter2-secret","94103"]',
  ]);
});

describe("under a header's name Go's bracketed value goes whatever its shape, every item of it", () => {
  itStores("%j", redactedBody, [
    ["X-Api-Key:[VSXJQTBLMMRCWDHNKPABCDEFG] Accept:[*/*]", `X-Api-Key:${SECRET_PARAM} Accept:[*/*]`],
    ["X-Api-Key:[Vsx5JQTb8LMm2RC7Wd4HN9Kp3] Accept:[*/*]", `X-Api-Key:${SECRET_PARAM} Accept:[*/*]`],
    ["Api-Key:[QWERTYUIOPASDFGHJKLZXCVBN]", `Api-Key:${SECRET_PARAM}`],
    ["Authorization:[Bearer abcdefghijklmnop Bearer qrstuvwxyzabcdef]", `Authorization:${SECRET_PARAM}`],
    // One scheme's credentials keep the word, as the scheme's detectors read them.
    ["Authorization:[Bearer abcdef123456789] Accept:[*/*]", "Authorization:[Bearer [REDACTED:bearer]] Accept:[*/*]"],
  ]);
  itKeeps("an elided value, a mask, a scheme word or a header's name stays: %j", redactedBody, [
    "X-Api-Key: [Object]",
    "X-Api-Key:[FILTERED]",
    "X-Api-Key:[***]",
    "Authorization:[Bearer]",
    "X-Api-Key:[Content-Type]",
  ]);
});

describe("every item of a secret's list after `=` goes", () => {
  itStores("%j", redactedBody, [
    ["password=[hunter2, s3cr3tXq] user=bob", `password=${SECRET_PARAM} user=bob`],
    ["password=[hunter2 s3cr3tXq]", `password=${SECRET_PARAM}`],
    ["password=['hunter2', 's3cr3tXq']", `password=${SECRET_PARAM}`],
    ['tokens=["opaque123456abc"]', `tokens=${SECRET_PARAM}`],
    // One word with blanks inside its brackets is a list too, replaced to its one `]`.
    ["password=[hunter2 ] b", `password=${SECRET_PARAM} b`],
    ["password=[ hunter2] b", `password=${SECRET_PARAM} b`],
    ["password=[ hunter2 ] b", `password=${SECRET_PARAM} b`],
    ["token=[ abc ]", `token=${SECRET_PARAM}`],
    ['{"msg":"password=[hunter2 ] b"}', `{"msg":"password=${SECRET_PARAM} b"}`],
  ]);
  itStores("a bracket with blanks inside goes whole, a word glued after its `]` too: %j", redactedBody, [
    ["password=[ hunter2 ]x", `password=${SECRET_PARAM}`],
    ["token=[ abc123 ]x", `token=${SECRET_PARAM}`],
    ["secret=[ s3cr3t ]_v2", `secret=${SECRET_PARAM}`],
    ["password=[ Hunter2x ]abc", `password=${SECRET_PARAM}`],
    ["password=[hunter2 ]x", `password=${SECRET_PARAM}`],
    ["password=[ hunter2 ]!x", `password=${SECRET_PARAM}`],
    ["password=[hunter2, s3cr3t]!x", `password=${SECRET_PARAM}`],
    ["password=[ 8 ]", `password=${SECRET_PARAM}`],
    ["password=[ 123 ]", `password=${SECRET_PARAM}`],
    ["pin=[ 12 ]", `pin=${SECRET_PARAM}`],
    ["password=[ {} ]", `password=${SECRET_PARAM}`],
  ]);
  itKeeps("a count, secrets' names, empty strings and masks stay: %j", redactedBody, ["tokens=[12, 30]", 'secrets=["STRIPE_KEY","DB_URL"]', "password=['', '']", "password=[***, ***]", "password=[ FILTERED ] b", "password=[ $pw ] b", "password=[ , ]", "password=[ FILTERED ]x"]);
});

describe("a header's value another reading already redacted is counted once; Go's nil header value is empty", () => {
  const counted = (text: string) => redactString(text, policy);
  itStoresCounting("%j", counted, { secret: 1 }, [
    ["Map(1) { 'authorization' => 'Bearer abcdefghijklmnopqrstu' }", "Map(1) { 'authorization' => 'Bearer [REDACTED:secret]' }"],
  ]);
  itStoresCounting("%j", counted, {}, [
    ["map[Authorization:[]string(nil) Accept:[*/*]]", "map[Authorization:[]string(nil) Accept:[*/*]]"],
    ['http.Header{"Authorization":[]string(nil)}', 'http.Header{"Authorization":[]string(nil)}'],
  ]);
});

describe("Go's bracketed Authorization keeps its value's first word only when it is a known scheme's", () => {
  const counted = (text: string) => redactString(text, policy);
  itStoresCounting("%j", counted, { secret_param: 1 }, [
    ["Authorization:[hunter2 s3cr3tXq]", `Authorization:${SECRET_PARAM}`],
    ["Authorization:[key VSXJQTBLMMRCWDHNKPABCDEFG]", `Authorization:${SECRET_PARAM}`],
    ["Proxy-Authorization:[key VSXJQTBLMMRCWDHNKPABCDEFG]", `Proxy-Authorization:${SECRET_PARAM}`],
  ]);
  itStoresCounting("%j", counted, { secret: 1 }, [
    ["map[Authorization:[hunter2 s3cr3tXq] Accept:[*/*]]", `map[Authorization:${SECRET} Accept:[*/*]]`],
    ['{"msg":"map[Proxy-Authorization:[key VSXJQTBLMMRCWDHNKPABCDEFG] Accept:[*/*]]"}', `{"msg":"map[Proxy-Authorization:${SECRET} Accept:[*/*]]"}`],
    ['level=info msg="map[Authorization:[hunter2 s3cr3tXq] Accept:[*/*]]"', `level=info msg="map[Authorization:${SECRET} Accept:[*/*]]"`],
  ]);
});

describe("util.inspect's Map keeps an authorization's first word only when it is a known scheme's", () => {
  const counted = (text: string) => redactString(text, policy);
  itStoresCounting("%j", counted, { secret: 1, secret_param: 1 }, [
    ["Map(1) { 'authorization' => 'hunter2 s3cr3tXq' }", `Map(1) { 'authorization' => '${SECRET_PARAM}' }`],
    ["Map(1) { 'authorization' => 'key VSXJQTBLMMRCWDHNKPABCDEFG' }", `Map(1) { 'authorization' => '${SECRET_PARAM}' }`],
    [`{"msg":"Map(1) { 'authorization' => 'hunter2 s3cr3tXq' }"}`, `{"msg":"Map(1) { 'authorization' => '${SECRET_PARAM}' }"}`],
    [`level=info msg="Map(1) { 'authorization' => 'hunter2 s3cr3tXq' }"`, `level=info msg="Map(1) { 'authorization' => '${SECRET_PARAM}' }"`],
  ]);
});

describe("a list pairs a credential header's name with a value only as a header dump does", () => {
  itKeeps("settings, labels, log prefixes and words stay: %j", redactedBody, [
    "SENSITIVE_KEYS = ['api-key', 'auth-token', 'client-secret', 'private-key']",
    "['Api-Key', 'Client-Secret']",
    "CHOICES = [('api-key', 'API Key'), ('oauth-token', 'OAuth Token')]",
    "('password-reset', 'sent')",
    "[('X-Api-Key', 'X_API_KEY'), ('Authorization', 'AUTH_HEADER')]",
    "[('x-auth-token','authToken')]",
    "('auth-token', '10.0.0.12')",
    "('X-Api-Key', '10.0.0.12')",
    "('X-Api-Key', '/v1/keys/rotate')",
    "('X-Api-Key', 'https://api.example.com/v1/keys')",
    "('X-Hub-Signature-256', 'sha256=abc123def4567890abc')",
    "('X-Api-Key', '2024-01-01T00:00:00Z')",
    "INFO [auth-token-service, 5f2c1e3a9b7d4e6f] started",
    "[token-service, 5f2c1e3a9b7d4e6f]",
    "[password-reset, 3 attempts]",
    "[Auth-Token, expired]",
    "[auth-token, 12]",
    "[Api-Key, v2]",
    "[X-Api-Key, 404 Not Found]",
    "('X-Api-Key', 'missing')",
    "('X-Api-Key', 'required')",
    "('x-api-key', 'header')",
    "['x-api-key', 'query']",
    "('X-Csrf-Token', 'Fetch')",
    '["cookie", "oatmeal-raisin"]',
    '["Cookie", "Cookie-Policy"]',
  ]);
});

describe("a sender's mask or a type's name where a header's value stands is kept, uncounted", () => {
  const counted = (text: string) => redactString(text, policy);
  itKeepsUncounted("%j", counted, [
    "X-Api-Key:[Redacted]",
    "X-Api-Key:[Hidden]",
    "X-Api-Key:[Filtered]",
    "map[Authorization:[Redacted] Accept:[*/*]]",
    "('X-Api-Key', 'Redacted')",
    "('X-Api-Key', 'hidden')",
    "('X-Api-Key', '****5678')",
    "X-Api-Key:[String]",
    "map[Authorization:[string]]",
    "map[X-Api-Key:[String]]",
    "map[X-Api-Key:[[]string] Accept:[*/*]]",
    "map[X-Api-Key:[int]]",
    "X-Api-Key:[string]",
    "X-Api-Key:[int]",
    "Authorization:[string]",
    '{"msg":"map[Authorization:[string] Accept:[*/*]]"}',
    // A type's name whole, in any position of the map, under any name (a schema's print).
    "map[Accept:[*/*] Authorization:[string]]",
    "map[X-Api-Key:[[]string] Authorization:[int]]",
    "X-Api-Key:[Object]",
    "Authorization:[Object] Accept:[*/*]",
    "{ password: [string] }",
    "{ password: [String], token: [Object] }",
    "password: [string]",
    'level=info msg="map[Authorization:[string]]"',
  ]);
  // Any other value is read as before: a type's name is no whole value beside a key.
  itStoresCounting("%j", counted, { secret_param: 1 }, [["X-Api-Key:[string, sk_9f8e7d6c5b4a39281706]", `X-Api-Key:${SECRET_PARAM}`]]);
});

describe("a secret's list after `=` goes whole before a closing quote or mark, and as a tuple or a set", () => {
  itStores("%j", redactedBody, [
    ['{"msg":"password=[hunter2, s3cr3tXq]"}', `{"msg":"password=${SECRET_PARAM}"}`],
    ['level=info msg="password=[hunter2, s3cr3tXq]"', `level=info msg="password=${SECRET_PARAM}"`],
    ['{"body":"{\\"msg\\":\\"password=[hunter2, s3cr3tXq]\\"}"}', `{"body":"{\\"msg\\":\\"password=${SECRET_PARAM}\\"}"}`],
    ["password=[hunter2, s3cr3tXq].", `password=${SECRET_PARAM}.`],
    ["(password=[hunter2, s3cr3tXq])", `(password=${SECRET_PARAM})`],
    ["password=[hunter2, s3cr3tXq]!", `password=${SECRET_PARAM}!`],
    ["password=('hunter2','s3cr3tXq')", `password=${SECRET_PARAM}`],
    ["password={hunter2, s3cr3tXq}", `password=${SECRET_PARAM}`],
  ]);
  // A validator's rules are no secret: the bracket stays whole rather than losing its first item only.
  itKeeps("a validator's rules stay whole: %j", redactedBody, ["password=[required, min:8]", "password=[ required ]"]);
  itKeeps("%j", redactedBody, ["password={password}", "password=(none)"]);
});

describe("a secret's list of numbers goes whole when they are shaped as secrets; a length range or a count stays as before", () => {
  itStores("%j", redactedBody, [
    ["passwords=[123456, 654321]", `passwords=${SECRET_PARAM}`],
    ['passwords=["123456", "654321"]', `passwords=${SECRET_PARAM}`],
    ["password=[123456, 654321] user=bob", `password=${SECRET_PARAM} user=bob`],
    ["password=[123456]", `password=${SECRET_PARAM}`],
    ["pin=[1234, 5678]", `pin=${SECRET_PARAM}`],
    ["api_key=[123456, 654321]", `api_key=${SECRET_PARAM}`],
    ['{"msg":"passwords=[123456, 654321]"}', `{"msg":"passwords=${SECRET_PARAM}"}`],
    ['level=info msg="passwords=[123456, 654321]"', `level=info msg="passwords=${SECRET_PARAM}"`],
    ['level=info msg="pin=[1234, 5678]"', `level=info msg="pin=${SECRET_PARAM}"`],
    // The secret's own name, singular or plural: a PIN's or a code's 3 digits or more, a password's 4.
    ["pins=[1234, 5678]", `pins=${SECRET_PARAM}`],
    ["otps=[123456, 654321]", `otps=${SECRET_PARAM}`],
    ["cvvs=[123, 456]", `cvvs=${SECRET_PARAM}`],
    ["passcodes=[123456, 654321]", `passcodes=${SECRET_PARAM}`],
    ["pin_codes=[1234, 5678]", `pin_codes=${SECRET_PARAM}`],
    ["card_pins=[1234, 5678]", `card_pins=${SECRET_PARAM}`],
    ["pinList=[1234, 5678]", `pinList=${SECRET_PARAM}`],
    ["passwords=[123456]", `passwords=${SECRET_PARAM}`],
    ["passwords: [123456, 654321]", `passwords: ${SECRET_PARAM}`],
    ["password=[1234, 5678]", `password=${SECRET_PARAM}`],
    ["passwords=[1234, 5678]", `passwords=${SECRET_PARAM}`],
    ['{"msg":"pins=[1234, 5678]"}', `{"msg":"pins=${SECRET_PARAM}"}`],
    ['level=info msg="otps=[123456, 654321]"', `level=info msg="otps=${SECRET_PARAM}"`],
    ['level=info msg="password=[1234, 5678]"', `level=info msg="password=${SECRET_PARAM}"`],
    // A card code's or PIN's 3 digits are as short as a length range's bound: no range is read under a code's name.
    ["cvv=[123, 045]", `cvv=${SECRET_PARAM}`],
    ["pin=[123, 64]", `pin=${SECRET_PARAM}`],
  ]);
  itKeeps("a length range, a count, or a name that counts or qualifies the secrets: %j", redactedBody, [
    "password=[8, 64]",
    "password=[6, 128]",
    "password_length=[8, 64]",
    "passwords=[]",
    "tokens=[12, 30]",
    "tokens=[128000, 4096]",
    "num_passwords=[1000000, 2000000]",
    "passwords_checked=[123456, 654321]",
    "passwords_hashed=[123456, 654321]",
    "passwords_reset=[123456, 654321]",
    "failed_passwords=[123456, 654321]",
    "passwords_expired=[123456, 654321]",
    "pin_attempts=[1234, 5678]",
    "pins=[12, 30]",
    "status_codes=[200, 404]",
    '{"msg":"num_passwords=[1000000, 2000000]"}',
    'level=info msg="passwords_checked=[123456, 654321]"',
    'level=info msg="password=[8, 64]"',
  ]);
});

describe("an Authorization's bracketed scheme credentials outside Go's map[] keep the word and lose the credentials, whatever their shape", () => {
  const counted = (text: string) => redactString(text, policy);
  itStoresCounting("%j", counted, { bearer: 1 }, [
    ["headers: Authorization:[Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.abc] Accept:[*/*]", "headers: Authorization:[Bearer [REDACTED:bearer]] Accept:[*/*]"],
    ["Authorization: [Bearer abc.def.ghi]", "Authorization: [Bearer [REDACTED:bearer]]"],
    ["Authorization:[Bearer x]", "Authorization:[Bearer [REDACTED:bearer]]"],
    ["Authorization:[Bearer abc123] Accept:[*/*]", "Authorization:[Bearer [REDACTED:bearer]] Accept:[*/*]"],
    ["Proxy-Authorization:[Bearer hunter2]", "Proxy-Authorization:[Bearer [REDACTED:bearer]]"],
    ["[Authorization, Bearer abc123]", "[Authorization, Bearer [REDACTED:bearer]]"],
    ['{"msg":"Authorization:[Bearer abc123] Accept:[*/*]"}', '{"msg":"Authorization:[Bearer [REDACTED:bearer]] Accept:[*/*]"}'],
    ['level=info msg="Authorization:[Bearer abc123] Accept:[*/*]"', 'level=info msg="Authorization:[Bearer [REDACTED:bearer]] Accept:[*/*]"'],
  ]);
  itStoresCounting("%j", counted, { basic: 1 }, [["Authorization:[Basic dXNlcjpwYXNz] Accept:[*/*]", "Authorization:[Basic [REDACTED:basic]] Accept:[*/*]"]]);
  itStoresCounting("%j", counted, { secret_param: 1 }, [["Authorization:[Token abc123]", `Authorization:[Token ${SECRET_PARAM}]`]]);
  itKeepsUncounted("a placeholder or a mask after the word stays: %j", counted, ["Authorization:[Bearer <token>]", "Authorization:[Bearer ${TOKEN}]", "Authorization:[Bearer ***]", "Authorization:[Bearer REDACTED]"]);
  // As after `Authorization: ` in text: a part of a mask, a state's word.
  itKeepsUncounted("a masked credential or a state's word stays: %j", counted, [
    "Authorization:[Bearer abc***]",
    "Authorization:[Bearer sk-***]",
    "Authorization:[Bearer ***abc]",
    "Authorization:[Bearer abc\u2026]",
    "Authorization:[Bearer empty]",
    '{"msg":"Authorization:[Bearer abc***]"}',
    'level=info msg="Authorization:[Bearer empty]"',
  ]);
});

describe("an Authorization's bracketed credentials closed by what closes the text around them, or in capitals", () => {
  const counted = (text: string) => redactString(text, policy);
  itStoresCounting("%j", counted, { bearer: 1 }, [
    ['{"msg":"Authorization:[Bearer abc123]"}', '{"msg":"Authorization:[Bearer [REDACTED:bearer]]"}'],
    ['msg="Authorization:[Bearer abc123]"', 'msg="Authorization:[Bearer [REDACTED:bearer]]"'],
    ['level=info msg="Authorization:[Bearer abc123]"', 'level=info msg="Authorization:[Bearer [REDACTED:bearer]]"'],
    ['"2024-01-01","Authorization:[Bearer abc123]"', '"2024-01-01","Authorization:[Bearer [REDACTED:bearer]]"'],
    ["('Authorization:[Bearer abc123]')", "('Authorization:[Bearer [REDACTED:bearer]]')"],
    ["(Authorization:[Bearer abc123])", "(Authorization:[Bearer [REDACTED:bearer]])"],
    ["Authorization:[Bearer abc123].", "Authorization:[Bearer [REDACTED:bearer]]."],
    ["Authorization:[Bearer abc123], next", "Authorization:[Bearer [REDACTED:bearer]], next"],
    ["Authorization:[Bearer abc123]", "Authorization:[Bearer [REDACTED:bearer]]"],
    ["AUTHORIZATION:[Bearer abc123]", "AUTHORIZATION:[Bearer [REDACTED:bearer]]"],
    ['{"msg":"AUTHORIZATION:[Bearer abc123]"}', '{"msg":"AUTHORIZATION:[Bearer [REDACTED:bearer]]"}'],
  ]);
  itStores("%j", redactedBody, [
    ['level=info msg="X-Api-Key:[VSXJQTBLMMRCWDHNKPABCDEFG]"', `level=info msg="X-Api-Key:${SECRET_PARAM}"`],
    ['{"msg":"X-Api-Key:[VSXJQTBLMMRCWDHNKPABCDEFG]"}', `{"msg":"X-Api-Key:${SECRET_PARAM}"}`],
  ]);
  // The credentials end at their own `]` before a sentence's mark or a member's `.`.
  itStoresCounting("%j", counted, { bearer: 1 }, [
    ["Authorization:[Bearer hunter2].x", "Authorization:[Bearer [REDACTED:bearer]].x"],
    ["Authorization:[Bearer hunter2]!", "Authorization:[Bearer [REDACTED:bearer]]!"],
    ['{"body":"{\\"msg\\":\\"Authorization:[Bearer abc123]\\"}"}', '{"body":"{\\"msg\\":\\"Authorization:[Bearer [REDACTED:bearer]]\\"}"}'],
  ]);
  // What is glued after the `]` is the rest of one value under every separator, as after `=`: it goes whole, the scheme's word with it.
  itStoresCounting("%j", counted, { secret_param: 1 }, [
    ["Authorization:[Bearer sk]live_4eC39HqLyjWDarjtT1zdp7dc", `Authorization:${SECRET_PARAM}`],
    ["Authorization: [Bearer sk]live_4eC39HqLyjWDarjtT1zdp7dc", `Authorization: ${SECRET_PARAM}`],
    ["Authorization=[Bearer sk]live_abc", `Authorization=${SECRET_PARAM}`],
    ["Authorization:[Bearer sk]y", `Authorization:${SECRET_PARAM}`],
    ["Authorization:[Bearer sk]/x", `Authorization:${SECRET_PARAM}`],
    ["Authorization:[Bearer sk]#frag", `Authorization:${SECRET_PARAM}`],
    ["Authorization:[Bearer sk]:xyz", `Authorization:${SECRET_PARAM}`],
    ["Authorization=[Bearer sk]/x", `Authorization=${SECRET_PARAM}`],
    ["Authorization=[Bearer sk]live]x", `Authorization=${SECRET_PARAM}`],
    ["Authorization:[Bearer abc123]x", `Authorization:${SECRET_PARAM}`],
    ["Authorization:[Bearer hunter2]!x", `Authorization:${SECRET_PARAM}`],
    ["Authorization: [Bearer hunter2]!x", `Authorization: ${SECRET_PARAM}`],
    ["Authorization:[Bearer sk]live_abc Accept:[*/*]", `Authorization:${SECRET_PARAM} Accept:[*/*]`],
    ['{"msg":"Authorization:[Bearer hunter2]!x"}', `{"msg":"Authorization:${SECRET_PARAM}"}`],
    ['{"msg":"Authorization:[Bearer sk]live_abc"}', `{"msg":"Authorization:${SECRET_PARAM}"}`],
  ]);
  itStores("another secret's bracketed value goes with what is glued to its `]`, a sentence's mark kept: %j", redactedBody, [
    ["password: [hunter2]!x", `password: ${SECRET_PARAM}`],
    ["password: [hunter2]!", `password: ${SECRET_PARAM}!`],
    ["password: [abc]def]ghi", `password: ${SECRET_PARAM}`],
    ["password:[abc]def]ghi", `password:${SECRET_PARAM}`],
    ["password=[abc]def]ghi", `password=${SECRET_PARAM}`],
    ['{"msg":"password: [abc]def]ghi"}', `{"msg":"password: ${SECRET_PARAM}"}`],
    ["password: [abc]def]ghi. next", `password: ${SECRET_PARAM}. next`],
    ["api_key: [sk]/x", `api_key: ${SECRET_PARAM}`],
    ["api_key: [sk]#frag", `api_key: ${SECRET_PARAM}`],
    ["api_key: [sk]:xyz", `api_key: ${SECRET_PARAM}`],
    ["password: [hunter2]x", `password: ${SECRET_PARAM}`],
    ["api_key: [sk]live_4eC39HqLyjWDarjtT1zdp7dc", `api_key: ${SECRET_PARAM}`],
    ["password: [x]Hunter2secret", `password: ${SECRET_PARAM}`],
    ["token: [abc]def123456789", `token: ${SECRET_PARAM}`],
    ["password: [x]Hunter2secret. next", `password: ${SECRET_PARAM}. next`],
    ['{"body":"{\\"msg\\":\\"X-Api-Key:[VSXJQTBLMMRCWDHNKPABCDEFG]\\"}"}', `{"body":"{\\"msg\\":\\"X-Api-Key:${SECRET_PARAM}\\"}"}`],
  ]);
  // Code glued after a list: a member of it, a regex's class repeated.
  itKeeps("a list indexed or repeated as a regex's class stays: %j", redactedBody, ["password: [a].b", "secret:[0-9a-f]{16}", "token: [a-z]+"]);
  itKeeps("a mask or a state's word glued to a word stays, as a TypeScript union's type does: %j", redactedBody, [
    "Authorization:[Bearer abc***]x",
    "Authorization:[Bearer xyz...]x",
    "[Bearer xyz...]x",
    "Authorization:[Bearer empty]x",
    "tokens: [Token]|null",
    "token: [Token]|null",
    "secrets: [Secret]|undefined",
  ]);
  itStores("a host's port after a bracketed value stays, the value goes: %j", redactedBody, [
    ["session: [10.0.0.1]:6379", `session: ${SECRET_PARAM}:6379`],
    ["session: [redis-1]:6379/0", `session: ${SECRET_PARAM}:6379/0`],
  ]);
  itStores("a word or a path glued after a union's bar or a port still goes: %j", redactedBody, [
    ["api_key: [sk]live_4eC39HqLyjWDarjtT1zdp7dc", `api_key: ${SECRET_PARAM}`],
    ["password: [hunter2]/x", `password: ${SECRET_PARAM}`],
    ["password: [hunter2]#frag", `password: ${SECRET_PARAM}`],
    ["password: [hunter2]:6379x", `password: ${SECRET_PARAM}`],
  ]);
});

describe("under a header's name inspect's print of a class or a function stays", () => {
  itKeeps("inspect's class or function names an identifier: %j", redactedBody, [
    "X-Api-Key: [class ApiKeyProvider]",
    "X-Api-Key:[class HttpClientHandler]",
    "X-Api-Key:[class HTTPServer2]",
    "Authorization:[Function: getToken]",
    "X-Api-Key:[class (anonymous)]",
    "X-Api-Key:[class S3Client]",
    "X-Api-Key:[class OAuth2Client]",
    "X-Api-Key:[class K8sClient]",
    "X-Api-Key:[class Base64Encoder]",
    "X-Api-Key:[class IPv6Address]",
    "X-Api-Key:[class HTTP2Session]",
    "X-Api-Key:[class Ed25519Signer]",
    "X-Api-Key:[class X509Certificate]",
    "X-Api-Key:[class UserDbConnectionPool]",
    "X-Api-Key:[class MyApiKeyProviderService]",
    "X-Api-Key:[class _ApiKeyProvider]",
    "X-Api-Key:[class ApiGatewayV2Client]",
    "Authorization:[Function: fetchOAuth2Token]",
    "{ 'x-api-key': [Function: loadApiKeyFromDbCache] }",
    '{"msg":"X-Api-Key:[class S3Client] Accept:[*/*]"}',
    'level=info msg="X-Api-Key:[class OAuth2Client]"',
  ]);
});

describe("a word that is no type's name in Go's map[] under a header's name still goes", () => {
  const counted = (text: string) => redactString(text, policy);
  itStoresCounting("%j", counted, { secret: 1 }, [["map[X-Api-Key:[Strings]]", `map[X-Api-Key:${SECRET}]`]]);
});

describe("under a secret's name only inspect's own print of a class or function is no value", () => {
  itStores("a secret after inspect's word goes: %j", redactedBody, [
    ["password: [class hunter2]", `password: ${SECRET_PARAM}`],
    ["token:[class hunter2]", `token:${SECRET_PARAM}`],
    ["api_key: [class hunter2]", `api_key: ${SECRET_PARAM}`],
    ["pin: [class hunter2]", `pin: ${SECRET_PARAM}`],
    ["session: [class hunter2]", `session: ${SECRET_PARAM}`],
    ["client_secret:[class hunter2]", `client_secret:${SECRET_PARAM}`],
    ["token: [class abc123def456]", `token: ${SECRET_PARAM}`],
  ]);
  itKeeps("inspect's elision stays: %j", redactedBody, [
    "token: [class A]",
    "token: [class A extends B]",
    "token: [class (anonymous)]",
    "token: [Function: f]",
    "token: [Function (anonymous)]",
    "token: [Circular *1]",
    "token: [Getter]",
    "token: [Getter/Setter]",
    "token: [Array]",
    "token: [Object]",
  ]);
});

describe("under a secret's name a bracketed IPv6 host and a Markdown link's text are no secret", () => {
  itKeeps("a server's address before its port or alone stays: %j", redactedBody, [
    "token: [2001:db8::1]:443",
    "auth: [::1]:443",
    "auth: [fe80::1]:8080",
    "secret: [fe80::1%eth0]:22",
    "session: [::ffff:10.0.0.1]:443",
    "session.redis: [2001:db8::10]:6379",
    "session: [::1]:8080",
  ]);
  itKeeps("a link's text before its target stays: %j", redactedBody, [
    "- password: [Reset your password](https://x.test/reset)",
    "secret: [Secret Manager](https://x.test/secret-manager)",
    "api_key: [Get an API key](https://x.test/keys)",
    "secret: [link][1]",
    "password: [a][b]",
  ]);
  itStores("hex words with colons are no address: %j", redactedBody, [["token: [dead:beef:cafe]", `token: ${SECRET_PARAM}`]]);
});

describe("what follows a bracketed secret's `]` never keeps the secret", () => {
  // A logger printing `password: [hunter2]*x` printed a password: only a regex's class is repeated, only words no password is shaped as are indexed or linked.
  itStores("a secret before a mark code would glue after a list goes with what is glued: %j", redactedBody, [
    ["password: [hunter2]*x", `password: ${SECRET_PARAM}`],
    ["password: [hunter2]+x", `password: ${SECRET_PARAM}`],
    ["password: [hunter2]{x}", `password: ${SECRET_PARAM}`],
    ["password: [hunter2].com", `password: ${SECRET_PARAM}`],
    ["password: [hunter2](http://evil)", `password: ${SECRET_PARAM}`],
    ["password:[hunter2]*x", `password:${SECRET_PARAM}`],
    ["token: [s3cr3t_v2](x)", `token: ${SECRET_PARAM}`],
    ["api_key: [sk_live_4eC39]{x}", `api_key: ${SECRET_PARAM}`],
    ["(password: [hunter2](x))", `(password: ${SECRET_PARAM})`],
    ['{"msg":"password: [hunter2]*x"}', `{"msg":"password: ${SECRET_PARAM}"}`],
  ]);
  itStores("a union's member that is no type's name, or a PIN's continuation, is the value's: %j", redactedBody, [
    ["password: [x]|hunter2", `password: ${SECRET_PARAM}`],
    ["password: [Token]|hunter2", `password: ${SECRET_PARAM}`],
    ["secret:[Token]|Hunter2", `secret:${SECRET_PARAM}`],
    ["pin: [1234]:5678", `pin: ${SECRET_PARAM}`],
    ["pin:[1234]:5678", `pin:${SECRET_PARAM}`],
    ["otp: [123456]:789", `otp: ${SECRET_PARAM}`],
    ["token: [1234]:5678", `token: ${SECRET_PARAM}`],
  ]);
  itStores("a credential glued after a mask, a type's name, an elision or an empty list goes with it: %j", redactedBody, [
    ["Authorization:[Bearer ***]sk_live_abc", `Authorization:${SECRET_PARAM}`],
    ["Authorization: [Basic ***]dXNlcjpwYXNz", `Authorization: ${SECRET_PARAM}`],
    ["Authorization=[Bearer ***]sk_live_abc", `Authorization=${SECRET_PARAM}`],
    ["password: [FILTERED]hunter2", `password: ${SECRET_PARAM}`],
    ["password: [String]hunter2", `password: ${SECRET_PARAM}`],
    ["token: [String]hunter2", `token: ${SECRET_PARAM}`],
    ["secret:[redacted]abc123", `secret:${SECRET_PARAM}`],
    ["password: []hunter2", `password: ${SECRET_PARAM}`],
    ["password: [Object: null prototype]hunter2", `password: ${SECRET_PARAM}`],
    ["X-Api-Key:[Redacted]VSXJQTBLMMRC", `X-Api-Key:${SECRET_PARAM}`],
  ]);
  itKeeps("code, a link's words, a mask with a mark or a letter, a type's union and a host's port stay: %j", redactedBody, [
    "password: [a].b",
    "secret: [0-9a-f]{16}",
    "token: [A-Za-z0-9_-]+",
    "token: [\\d]*",
    "- password: [Reset your password](https://x.test/reset)",
    "secret: [OAuth2 setup](https://x.test/oauth)",
    "auth: [docs](https://x.test/docs)",
    "Authorization: [Bearer abc***]x",
    "password: [FILTERED]!",
    "password: [String]s",
    "tokens: [Token]|null",
    "token: [Token]|string|undefined",
    "password: []",
    "token: []",
    "auth: [::1]:443",
  ]);
});

describe("inspect's print of JavaScript's own objects past its depth is no value", () => {
  itKeeps("a typed array, a map or a promise under a secret's name stays: %j", redactedBody, [
    "{ secret: [Float64Array], retries: 3 }",
    "{ l1: { l2: { token: [Uint8Array] } } }",
    "{ password: [Map], retries: 3 }",
    "{ api_key: [Promise] }",
    "secret: [Float64Array]",
  ]);
  itStores("a word of a user's in the same brackets still goes: %j", redactedBody, [
    ["{ secret: [hunter2], retries: 3 }", `{ secret: ${SECRET}, retries: 3 }`],
    ["{ secret: [Float64Arrayx], retries: 3 }", `{ secret: ${SECRET}, retries: 3 }`],
    ["card_pin: [Float64Array]", `card_pin: ${SECRET_PARAM}`],
  ]);
});

describe("code after a bracketed value stays whole; a marker never cuts a pair", () => {
  // A range, an escape or a leading `^` in the brackets, a quantifier after them: a regex's class whatever other marks it holds.
  itKeeps("a regex's class with marks before a quantifier: %j", redactedBody, [
    "password: [A-Za-z\\d@$!%*?&]{8,}",
    "secret: [A-Za-z0-9+/]{43}=",
    "token: [A-Za-z0-9+/=]{40}",
    "token: [a-zA-Z0-9._~+/-]+=*",
    "password: [^ ]{8,}",
    "password: [!-~]{8,}",
    "password: [\\x20-\\x7E]{8,}",
    "password: [A-Za-z0-9!@#$%]{8,}",
  ]);
  itKeeps("a Markdown link whose text is a file's, an anchor's or a document's name: %j", redactedBody, [
    "- password: [README.md](README.md)",
    "- secret: [RFC-7617](https://www.rfc-editor.org/rfc/rfc7617)",
    "token: [docs/auth.md](docs/auth.md)",
    "password: [step-2](#step-2)",
    "Forgot password: [reset-link](https://example.com/reset)",
    "secret: [link-1][1]",
  ]);
  itKeeps("a call or a known member after a list: %j", redactedBody, [
    "tokens: [tok_1].map(f)",
    "secret: [key2].concat(x)",
    "password: [i+1].length",
    "secrets: [k8s].data",
    "token: [OAuth2].value",
    "token: [idx1].value",
  ]);
  itStores("a password with a domain's tail, a link to a password's word or a hyphen inside a word still goes: %j", redactedBody, [
    ["password: [hunter2].com", `password: ${SECRET_PARAM}`],
    ["password: [hunter2](#frag)", `password: ${SECRET_PARAM}`],
    ["password: [Passw0rd!](https://evil.example)", `password: ${SECRET_PARAM}`],
    ["password: [pass-word]*x", `password: ${SECRET_PARAM}`],
  ]);
  itStores("what is glued goes in whole pairs or not at all: %j", redactedBody, [
    ["password: [hunter2][abc123]", `password: ${SECRET_PARAM}`],
    ["password: [hunter2][1].", `password: ${SECRET_PARAM}.`],
    ["password: [hunter2](see docs)", `password: ${SECRET_PARAM}(see docs)`],
    ["password: [hunter2]{x(y}", `password: ${SECRET_PARAM}{x(y}`],
  ]);
  itStores("a union's member that is a capitalised word alone or capitals is a password: %j", redactedBody, [
    ["password: [x]|Sunshine", `password: ${SECRET_PARAM}`],
    ["password: [x]|ABCDEFGH", `password: ${SECRET_PARAM}`],
  ]);
  itKeeps("a union of primitives, JavaScript's classes and names of two words, or of capitalised words after a type's name: %j", redactedBody, [
    "tokens: [Token]|null",
    "tokens: [Token]|TokenInfo",
    "secrets: [Secret]|Promise|undefined",
    "tokens: [Token]|Token[]",
    "password: [String]|Null",
  ]);
  itStores("a Go slice literal holding a string is its value: %j", redactedBody, [
    ['password: []string{"hunter2"}', `password: ${SECRET_PARAM}`],
    ['token: []string{"sk_live_abc123def456"}', `token: ${SECRET_PARAM}`],
    ['password: []byte("hunter2")', `password: ${SECRET_PARAM}`],
  ]);
  itKeeps("Go's slice types and empty literals stay: %j", redactedBody, [
    "map[Authorization:[]string(nil)]",
    "password: []string(nil)",
    "password: []string{}",
    'password: []string{""}',
    "token: []*T",
  ]);
});

describe("inspect's built-in objects past its depth stay under every name", () => {
  itKeeps("%j", redactedBody, [
    "{ Authorization: [Float64Array], retries: 3 }",
    "{ 'x-api-key': [Uint8Array] }",
    "{ headers: { authorization: [Uint8Array] } }",
    "{ pin: [Uint8Array], retries: 3 }",
    "{ otp: [Float64Array] }",
    "{ cvv: [Map] }",
    "{ pin: [Uint8Array] }",
    "{\n  pin: [Uint8Array],\n  otp: [Float64Array]\n}",
  ]);
});

describe("a key after a sanitized part, and what is glued after a bracketed secret", () => {
  itStores("a key after a `?` part before a separator or a closing bracket goes: %j", redactedBody, [
    ["x-api-key:?:Zx9Kq2Lm7Pw4abcd;", `x-api-key:?:${SECRET_PARAM};`],
    ["(token:?:Zx9Kq2Lm7Pw4abcd)", `(token:${SECRET_PARAM})`],
    ["[token:?:Zx9Kq2Lm7Pw4abcd]", `[token:${SECRET_PARAM}]`],
    ["<token:?:Zx9Kq2Lm7Pw4abcd>", `<token:${SECRET_PARAM}>`],
  ]);
  itStores("a key after a `?` part ends before a header dump's next field, which stays: %j", redactedBody, [
    ["x-api-key:?:Zx9Kq2Lm7Pw4abcd, host:example.com", `x-api-key:?:${SECRET_PARAM}, host:example.com`],
    ["authorization:?:Zx9Kq2Lm7Pw4abcd, accept:?:*/*", `authorization:?:${SECRET_PARAM}, accept:?:*/*`],
  ]);
  itKeeps("a sanitized `?` part before a separator stays: %j", redactedBody, ["GET session:?, next", "GET session:?;"]);
  itStores("a word after a union's bar that no type's name is shaped as goes with the bracket: %j", redactedBody, [
    ["secret: [x]|Zx9Kq2Lm7Pw4abcd", `secret: ${SECRET_PARAM}`],
    ["password: [x]|RedDragon7", `password: ${SECRET_PARAM}`],
    ["token: [x]|Sunshine", `token: ${SECRET_PARAM}`],
  ]);
  itKeeps("a union of types' names after a bracketed type stays: %j", redactedBody, [
    "tokens: [Token]|readonly Token[]",
    "token: [Token]|OAuth2Token",
    "tokens: [Token]|null",
  ]);
  itStores("a quoted word glued after a bracket or a mask, a token beside a masked scheme, goes: %j", redactedBody, [
    ["password: [x]|'hunter2'", `password: ${SECRET_PARAM}`],
    ['password: [FILTERED]"hunter2"', `password: ${SECRET_PARAM}`],
    ["Authorization: [Bearer ***] sk_live_abcdef123456", `Authorization: ${SECRET_PARAM}`],
  ]);
  itKeeps("a mask before a word that is no token stays: %j", redactedBody, ["Authorization: [Bearer ***] next", "password: [FILTERED], user=bob"]);
  itStores("a run glued past a separator or a backslash goes with the bracketed secret, a pair after `&` stays: %j", redactedBody, [
    ["password: [hunter2]&Sup3rS3cretPw", `password: ${SECRET_PARAM}`],
    ["password: [hunter2];Sup3rS3cretPw", `password: ${SECRET_PARAM}`],
    ["password: [hunter2],Sup3rS3cretPw", `password: ${SECRET_PARAM}`],
    ["password: [hunter2]\\Sup3rS3cretPw", `password: ${SECRET_PARAM}`],
    ["password: [hunter2]&user=bob", `password: ${SECRET_PARAM}&user=bob`],
    ["password: [hunter2], user: bob", `password: ${SECRET_PARAM}, user: bob`],
  ]);
  itStores("a password in a sequence nested in another goes: %j", redactedBody, [["password: [[hunter2]]", `password: ${SECRET_PARAM}`]]);
  itStores("known false positives: a regex's class of letters alone before a quantifier goes, a password has its shape: %j", redactedBody, [
    ["password: [abc]{3}", `password: ${SECRET_PARAM}`],
    ["password: [xyz]*", `password: ${SECRET_PARAM}`],
    ["password: [aeiou]+", `password: ${SECRET_PARAM}`],
    ["password: [aeiouAEIOU]+", `password: ${SECRET_PARAM}`],
  ]);
  itStores("a password's class before a quantifier or a word still goes: %j", redactedBody, [
    ["password: [hunter2]*x", `password: ${SECRET_PARAM}`],
    ["password: [abc]{x}", `password: ${SECRET_PARAM}`],
  ]);
  itStores("in a JSON string a run glued after a bracketed secret ends the value, as outside one: %j", redactedBody, [
    ['{"msg":"password: [hunter2]*x more words here"}', `{"msg":"password: ${SECRET_PARAM} more words here"}`],
    ["password: [hunter2]*x more words here", `password: ${SECRET_PARAM} more words here`],
  ]);
  itKeeps("Go's array type of a built-in element stays: %j", redactedBody, ["token: [32]byte", "token: [16]uint8"]);
  itStores("known false positives: an inspected instance's class and a host's URL go as any bracket under a secret's name: %j", redactedBody, [
    ["{ token: [AccessToken] }", `{ token: ${SECRET} }`],
    ["token: [auth-server]:443/oauth", `token: ${SECRET_PARAM}`],
    ["token: [api.example.com]:443/oauth", `token: ${SECRET_PARAM}`],
    ["token: [10.0.0.1]:443/oauth", `token: ${SECRET_PARAM}`],
    ["token: [auth.internal]:443/oauth", `token: ${SECRET_PARAM}`],
    ["token: [a.b.example]:443/x", `token: ${SECRET_PARAM}`],
  ]);
  itStores("a code's list before a Go type, a password before a port and a path, still go: %j", redactedBody, [
    ["pin: [1234]byte", `pin: ${SECRET_PARAM}`],
    ["password: [hunter2]:443/x", `password: ${SECRET_PARAM}`],
  ]);
});

describe("bracketed secrets' neighbours: no new leak, no log's next field taken", () => {
  itStores("letters in mixed capitals after a union's bar are no type's humps and go with the bracket: %j", redactedBody, [
    ["password: [x]|ILoveYou", `password: ${SECRET_PARAM}`],
    ["password: [x]|IAmGod", `password: ${SECRET_PARAM}`],
    ["password: [x]|PassWORD", `password: ${SECRET_PARAM}`],
    ["password: [x]|SuperSecretX", `password: ${SECRET_PARAM}`],
    ["password: [x]|MyPASSword", `password: ${SECRET_PARAM}`],
    ["password: [x]|AbcDEF", `password: ${SECRET_PARAM}`],
    ["password: [x]|ABcdEFgh", `password: ${SECRET_PARAM}`],
  ]);
  itKeeps("humps of a type's name after a union's bar stay: %j", redactedBody, ["tokens: [Token]|TokenInfo", "tokens: [Token]|HttpClient[]", "password: [String]|Null"]);
  itStores("two-word PascalCase passwords in an inspected object's brackets go: %j", redactedBody, [
    ["{ password: [SummerTime] }", `{ password: ${SECRET} }`],
    ["{ secret: [OpenSesame], id: 1 }", `{ secret: ${SECRET}, id: 1 }`],
    ["{password:[CorrectHorse]}", `{password:${SECRET}}`],
    ['{ "api_key": [PurpleMonkeyDishwasher] }', `{ "api_key": ${SECRET} }`],
    ['{"password":[BlueSky]}', `{"password":${SECRET}}`],
  ]);
  itKeeps("a mask, a list or a word before a separator and the log's next field stays: %j", redactedBody, [
    "x-api-key:[FILTERED],host:example.com",
    "{password:[FILTERED],user:bob}",
    "password: [masked],retries:3,timeout:30s",
    "tokens: [1,2,3],total:6",
    "password: [FILTERED],status: 200",
    "token: [INFO]&x",
    "password: [***];rest",
    "secret: [hidden];timeout",
    "password: [REDACTED]&next",
  ]);
  itStores("a bracketed value before a separator goes alone, the next field stays: %j", redactedBody, [
    ["token: [a],b:[c]", `token: ${SECRET_PARAM},b:[c]`],
    ["password: [2024-01-01],next", `password: ${SECRET_PARAM},next`],
    ["token: [req-1];foo", `token: ${SECRET_PARAM};foo`],
    ["tokens: [a,b],c", `tokens: ${SECRET_PARAM},c`],
  ]);
  itKeeps("ids, paths, versions and times after a masked Authorization's bracket stay: %j", redactedBody, [
    "Authorization: [Bearer ***] 550e8400-e29b-41d4-a716-446655440000",
    "Authorization: [Bearer ***] /v1/users/12345",
    "Authorization: [Bearer ***] v1.2.3-rc1",
    "Authorization: [Bearer ***] req_8f3a2b1c9d0e",
    "Authorization: [Bearer ***] user_12345678",
    "Authorization: [Bearer ***] d41d8cd98f00b204e9800998ecf8427e",
    "Authorization: [Bearer ***] 2024-01-01T00:00:00Z",
    "Authorization: [Bearer empty] req_8f3a2b1c9d0e",
  ]);
  itStores("a credential with a known prefix after a masked Authorization's bracket goes: %j", redactedBody, [
    ["Authorization: [Bearer ***] ghp_abcdefghijklmnopqrstuvwxyz0123456789", `Authorization: ${SECRET_PARAM}`],
    ["Authorization: [Bearer ***] eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc123def456", `Authorization: ${SECRET_PARAM}`],
  ]);
  itKeeps("wiki links to pages named by kebab-case words stay: %j", redactedBody, [
    "password: [[reset-password]]",
    "secret: [[vault-setup]]",
    "token: [[api-tokens]]",
  ]);
  itStores("a hyphenated word or an IPv6 address before a port and a path is no URL's host; numbers before a mark or a type's word go whole: %j", redactedBody, [
    ["password: [Summer-2024]:80/a", `password: ${SECRET_PARAM}`],
    ["password: [pass-word1]:8080/abc", `password: ${SECRET_PARAM}`],
    ["password: [fe80::1]:443/x", `password: ${SECRET_PARAM}`],
    ["password: [2468]*abc", `password: ${SECRET_PARAM}`],
    ["password: [1234]byte", `password: ${SECRET_PARAM}`],
    ["password: [my.secret]:443/v1", `password: ${SECRET_PARAM}`],
  ]);
  itStores("a word's letters in brackets before a quantifier go, out of a class's alphabetical order: %j", redactedBody, [
    ["password: [monkey]*", `password: ${SECRET_PARAM}`],
    ["password: [dragon]+", `password: ${SECRET_PARAM}`],
    ["password: [qwerty]{2}", `password: ${SECRET_PARAM}`],
    ["password: [sunshine]+", `password: ${SECRET_PARAM}`],
  ]);
  itStores("`readonly` before no list is no union's: the bar goes with the bracket, as on main: %j", redactedBody, [
    ["password: [x]|readonly SuperSecret", `password: ${SECRET_PARAM} SuperSecret`],
  ]);
});

describe("bracketed secrets' neighbours, second review: each kept shape narrowed to code's or reverted", () => {
  itStores("a Go array's pointer, nested list or map element is a password's run: %j", redactedBody, [
    ["password: [8]*hunter2", `password: ${SECRET_PARAM}`],
    ["password: [1]*Sup3rS3cret", `password: ${SECRET_PARAM}`],
    ["api_key: [16]*Zx9Kq2Lm7Pw4abcd", `api_key: ${SECRET_PARAM}`],
    ['{"msg":"password: [8]*hunter2 done"}', `{"msg":"password: ${SECRET_PARAM} done"}`],
  ]);
  itStores("known leaks, as on main: a Go array literal's items and a map's bracketed key after a Go array's length stay: %j", redactedBody, [
    ["api_key: [64]byte{1,2,3}", `api_key: ${SECRET_PARAM}{1,2,3}`],
    ["api_key: [4]uint8{0xde, 0xad, 0xbe, 0xef}", `api_key: ${SECRET_PARAM}{0xde, 0xad, 0xbe, 0xef}`],
  ]);
  itStores("known leak, as on main: a map's bracketed key after a Go array's length stays: %j", redactedBody, [
    ["secret: [2]map[Zx9Kq2Lm7Pw4abcd]", `secret: ${SECRET_PARAM}[Zx9Kq2Lm7Pw4abcd]`],
  ]);
  itStores("a word's letters in brackets before a quantifier go, whatever their order: %j", redactedBody, [
    ["password: [Ghost]*", `password: ${SECRET_PARAM}`],
    ["password: [ghost]*", `password: ${SECRET_PARAM}`],
    ["password: [DaRk]+", `password: ${SECRET_PARAM}`],
    ["password: [BEGINS]+", `password: ${SECRET_PARAM}`],
    ["password: [Forty]+", `password: ${SECRET_PARAM}`],
    ["password: [FiLmS]{2}", `password: ${SECRET_PARAM}`],
    ["api_key:[ACDFHJKMNPQ]{2}", `api_key:${SECRET_PARAM}`],
    ["password: [dirty]*abc", `password: ${SECRET_PARAM}`],
    ["password: [abc]{3}Xk9mQ7", `password: ${SECRET_PARAM}`],
    ["secret: [adept]*", `secret: ${SECRET_PARAM}`],
  ]);
  itStores("a dotted password before a port and a path goes with them: %j", redactedBody, [
    ["password: [hunter2.com]:1/x", `password: ${SECRET_PARAM}`],
    ["password: [P4ss.w0rd.net]:443/login", `password: ${SECRET_PARAM}`],
    ["password: [Summer.2024.io]:8080/home", `password: ${SECRET_PARAM}`],
    ["password: [correct.horse.battery]:1/staple", `password: ${SECRET_PARAM}`],
    ["password: [my.secret.pw]:443/a", `password: ${SECRET_PARAM}`],
    ['"password": [a.b.co]:80/xyz', `"password": ${SECRET_PARAM}`],
  ]);
  itStores("a listed numbered name after a bracket holding no type's name is a password's: %j", redactedBody, [
    ["password: [x]|OAuth2Token", `password: ${SECRET_PARAM}`],
    ["password: [x]|Sha256", `password: ${SECRET_PARAM}`],
  ]);
  itKeeps("a listed numbered name after a bracketed type's name stays: %j", redactedBody, ["token: [Token]|OAuth2Token"]);
  itKeeps("a mask, a placeholder or a log's level before a separator stays, whatever follows it: %j", redactedBody, [
    "password: [FILTERED],abc12345678",
    "password: [FILTERED];trace_7f3a9b2c",
    "password: [masked]&ts1700000000",
    "password: [FILTERED]&request12345",
    "x-api-key:[FILTERED],requestId12345",
    "password: [FILTERED],user_12345678",
    "password: [***];v2_12345678",
    "token: [INFO]&page2of10",
    "db password: [FILTERED],retries3times",
  ]);
  itKeeps("a string's end before a concatenation is no quoted word glued on: %j", redactedBody, [
    'log("token: [Token]"+"abc")',
    'log("token: [Token]" + "abc")',
    'log("token: [Token]","abc")',
  ]);
  itKeeps("OpenAI's prefix before a package's name after a masked scheme stays: %j", redactedBody, ["Authorization: [Bearer ***] sk-learn-version-1"]);
  itStores("known false positive: a wiki link of capitalised words loses its last word: %j", redactedBody, [
    ["Password: [[Password Policy]]", `Password: [[Password ${SECRET_PARAM}]]`],
  ]);
});
