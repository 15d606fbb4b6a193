/**
 * A credential header's value keeps what is no credential (credential-headers.ts): which cookies
 * came and a preference cookie's value, a `Set-Cookie`'s attributes, an `Authorization`'s scheme
 * word and its public parameters. Each credential in it is replaced, and a value that does not
 * read as the header's syntax goes whole.
 */
import { describe, expect, it } from "vitest";
import { sessionMarker, storedLogAttributes, scannedText } from "../support/redaction";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import type { AnyValue } from "../../workers/shared/otlp/model";
import { itKeeps, itStores } from "../support/redaction-cases";

const stored = (key: string, value: string) => storedLogAttributes([{ key, value: { stringValue: value } }]).values[key];

describe("cookie headers keep their names, attributes and preferences", () => {
  it.each([
    ["http.request.header.cookie", "theme=dark; session=abc123; lang=en", `theme=dark; session=${sessionMarker("abc123")}; lang=en`],
    ["cookie", "theme=dark; session=abc123; lang=en", `theme=dark; session=${sessionMarker("abc123")}; lang=en`],
    // Tracking ids are personal data; a currency, a time zone and the banner's answer are settings.
    [
      "Cookie",
      "_ga=GA1.2.1234.5678; _fbp=fb.1.1700000000.123456; currency=EUR; tz=Europe/Berlin; cookieconsent_status=dismiss",
      "_ga=[REDACTED:secret]; _fbp=[REDACTED:secret]; currency=EUR; tz=Europe/Berlin; cookieconsent_status=dismiss",
    ],
    [
      "http.response.header.set-cookie",
      "session=abc123; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=3600; Domain=example.com",
      `session=${sessionMarker("abc123")}; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=3600; Domain=example.com`,
    ],
    ["set_cookie", "lang=en; Path=/; Expires=Wed, 21 Oct 2026 07:28:00 GMT", "lang=en; Path=/; Expires=Wed, 21 Oct 2026 07:28:00 GMT"],
    // A preference's name with a token-shaped value is no setting.
    ["cookie", "theme=eyJhbGciOiJIUzI1NiJ9%2EeyJzdWIiOiIxIn0", "theme=[REDACTED:secret]"],
  ])("%s: %s", (key, value, want) => expect(stored(key, value)).toBe(want));

  // A preference's name keeps only a setting's value, and a name with a credential's or an id's word is no preference's.
  it.each([
    ["lang=sk_live_51Habc123def456ghi789xyz", "lang=[REDACTED:secret]"],
    ["language=AKIAIOSFODNN7EXAMPLE", "language=[REDACTED:secret]"],
    ["theme=xoxb-123456789012-abcdefABCDEF", "theme=[REDACTED:secret]"],
    ["currency=4111111111111111", "currency=[REDACTED:secret]"],
    ["locale=203.0.113.9", "locale=[REDACTED:secret]"],
    ["theme=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig", "theme=[REDACTED:secret]"],
    ["locale=ghp_16C7e42F292c6912E7710c838347Ae178B4a", "locale=[REDACTED:secret]"],
    ["theme_session=abc123XYZsecret987", `theme_session=${sessionMarker("abc123XYZsecret987")}`],
    ["user_locale_token=dark", "user_locale_token=[REDACTED:secret]"],
    ["langSessionKey=s3cr3tVal", "langSessionKey=[REDACTED:secret]"],
    ["consent_id=0b7f4b0e-3c2e-4c1a-9d7e-2f3a4b5c6d7e", "consent_id=[REDACTED:secret]"],
  ])("no setting under a preference's name: %s", (value, want) => {
    expect(stored("http.request.header.cookie", value)).toBe(want);
    expect(stored("cookie", value)).toBe(want);
  });

  it("settings stay: a word, a language tag, a small number, a time zone", () => {
    const value = "theme=dark; lang=en-US; locale=pt_BR; currency=USD; tz=Europe/Berlin; timezone=Etc/GMT+1; cookieconsent_status=dismiss; NEXT_LOCALE=de; django_language=fr; consent=1";
    expect(stored("cookie", value)).toBe(value);
  });

  it("the body text and the attribute lifted from it agree", () => {
    const { values } = storedLogAttributes([{ key: "request", value: { stringValue: '{"cookie":"locale=ghp_16C7e42F292c6912E7710c838347Ae178B4a; theme=dark"}' } }]);
    expect(values.request).not.toContain("ghp_");
    expect(values.request).toContain("theme=dark");
  });

  // Several Set-Cookies joined with `, ` (Fetch's `headers.get("set-cookie")`): each cookie's value goes, Expires' comma is no separator.
  itStores("joined Set-Cookies: %s", (value) => stored("http.response.header.set-cookie", value), [
    ["sid=abc; Path=/, refresh=R3fr3shT0kenValue; Path=/auth", `sid=${sessionMarker("abc")}; Path=/, refresh=[REDACTED:secret]; Path=/auth`],
    [
      "sid=abc; Expires=Wed, 21 Oct 2026 07:28:00 GMT; Path=/, refresh=R3fr3shT0kenValue; Path=/auth, lang=en; Path=/",
      `sid=${sessionMarker("abc")}; Expires=Wed, 21 Oct 2026 07:28:00 GMT; Path=/, refresh=[REDACTED:secret]; Path=/auth, lang=en; Path=/`,
    ],
  ]);

  it("a value that is no list of cookies goes whole", () => {
    expect(stored("cookie", "abc123secret")).toBe("[REDACTED:secret]");
    expect(stored("http.request.header.cookie", "s%3Aabc.def")).toBe("[REDACTED:secret]");
  });

  it("a header's list of values, as the semantic conventions record it, item by item", () => {
    const value: AnyValue = {
      arrayValue: [{ stringValue: "sid=s%3Aabc.def; Path=/; HttpOnly" }, { stringValue: "lang=en; Path=/" }],
    };
    expect(storedLogAttributes([{ key: "http.response.header.set-cookie", value }]).values["http.response.header.set-cookie"]).toEqual({
      arrayValue: [{ stringValue: `sid=${sessionMarker("s%3Aabc.def")}; Path=/; HttpOnly` }, { stringValue: "lang=en; Path=/" }],
    });
  });

  it("only preferences: the value stays and nothing is counted", () => {
    const { values, kinds } = storedLogAttributes([{ key: "cookie", value: { stringValue: "theme=dark; lang=en" } }]);
    expect(values).toEqual({ cookie: "theme=dark; lang=en" });
    expect(kinds).toBeUndefined();
  });
});

describe("a map of cookies by name holds a cookie's value in each member", () => {
  // Express's req.cookies / req.signedCookies, logged as an object or lifted from a JSON body.
  it("every member's value goes, a single cookie's attributes stay", () => {
    const { values } = storedLogAttributes([
      { key: "cookies.sid", value: { stringValue: "abc123XYZsecret" } },
      { key: "req.signedCookies.connect.sid", value: { stringValue: "s:abc.def" } },
      { key: "http.cookies._ga", value: { stringValue: "GA1.2.1234567890.1700000000" } },
      { key: "cookie.domain", value: { stringValue: "example.com" } },
      { key: "cookie.path", value: { stringValue: "/" } },
      { key: "cookies.count", value: { stringValue: "3" } },
    ]);
    expect(values).toEqual({
      "cookies.sid": "[REDACTED:secret]",
      // A session's id under its own name keeps its keyed hash; a jar's `sid` is any cookie's value.
      "req.signedCookies.connect.sid": sessionMarker("s:abc.def"),
      "http.cookies._ga": "[REDACTED:secret]",
      "cookie.domain": "example.com",
      "cookie.path": "/",
      "cookies.count": "3",
    });
  });

  it("in a JSON body held as a string attribute, and in util.inspect text", () => {
    const { values } = storedLogAttributes([
      { key: "request", value: { stringValue: '{"cookies":{"sid":"abc123XYZsecret"},"signedCookies":{"connect.sid":"s:abcdef.ghij"}}' } },
      { key: "line", value: { stringValue: "req cookies { sid: 'abc123XYZsecret' }" } },
    ]);
    // A cookie jar's member is its cookie's value; `connect.sid` names a session's id, whose keyed hash is kept.
    expect(values.request).toBe(`{"cookies":{"sid":"[REDACTED:secret]"},"signedCookies":{"connect.sid":"${sessionMarker("s:abcdef.ghij")}"}}`);
    expect(values.line).toBe("req cookies { sid: '[REDACTED:secret]' }");
  });
});

describe("every cookie map's member holds a cookie's value, whatever the map's or the cookie's name", () => {
  // Express's signedCookies, other case styles and a jar: a cookie named `user` or `email` is a cookie too.
  it("attributes", () => {
    const { values } = storedLogAttributes([
      { key: "req.signedCookies.user", value: { stringValue: "s:alice.sigABCdef123" } },
      { key: "signed_cookies.user", value: { stringValue: "s:alice.sigABCdef123" } },
      { key: "SignedCookies.email", value: { stringValue: "s:alice.sigABCdef123" } },
      { key: "cookie_jar.user", value: { stringValue: "abc123XYZsecret" } },
      { key: "cookieJar.sid", value: { stringValue: "abc123XYZsecret" } },
      { key: "signedCookies.count", value: { stringValue: "2" } },
    ]);
    expect(values).toEqual({
      "req.signedCookies.user": "[REDACTED:secret]",
      "signed_cookies.user": "[REDACTED:secret]",
      "SignedCookies.email": "[REDACTED:secret]",
      "cookie_jar.user": "[REDACTED:secret]",
      "cookieJar.sid": "[REDACTED:secret]",
      "signedCookies.count": "2",
    });
  });

  it("JSON text and util.inspect text", () => {
    const redacted = (text: string) => stored("line", text);
    expect(redacted('{"signedCookies":{"user":"s:alice.sigABCdef123"}}')).toBe('{"signedCookies":{"user":"[REDACTED:secret]"}}');
    expect(redacted("signedCookies: { user: 's:alice.sigABCdef123' }")).toBe("signedCookies: { user: '[REDACTED:secret]' }");
    expect(redacted("req { signed_cookies: { user: 's:alice.sig' }, cookie_jar: { email: 'abc123XYZsecret' } }")).toBe(
      "req { signed_cookies: { user: '[REDACTED:secret]' }, cookie_jar: { email: '[REDACTED:secret]' } }",
    );
  });
});

describe("a preference cookie in a cookie map keeps its setting, as in a Cookie header", () => {
  const redacted = (text: string) => stored("line", text);
  it("attributes: a setting stays, a token under a preference's name goes", () => {
    const { values } = storedLogAttributes([
      { key: "cookies.theme", value: { stringValue: "dark" } },
      { key: "req.cookies.NEXT_LOCALE", value: { stringValue: "pt_BR" } },
      { key: "cookies.lang", value: { stringValue: "sk_live_51Habc123def456ghi789xyz" } },
      { key: "cookies.theme_session", value: { stringValue: "dark" } },
    ]);
    expect(values).toEqual({
      "cookies.theme": "dark",
      "req.cookies.NEXT_LOCALE": "pt_BR",
      "cookies.lang": "[REDACTED:secret]",
      "cookies.theme_session": "[REDACTED:secret]",
    });
  });

  itStores("%s", redacted, [
    ['{"cookies":{"sid":"abc123XYZsecret","theme":"dark"}}', '{"cookies":{"sid":"[REDACTED:secret]","theme":"dark"}}'],
    ["cookies: { sid: 'abc123XYZsecret', theme: 'dark' }", "cookies: { sid: '[REDACTED:secret]', theme: 'dark' }"],
    // The `{` of a util.inspect object after `name=` is the object's, no value.
    ["req.cookies={ sid: 'abc123XYZsecret', theme: 'dark' }", "req.cookies={ sid: '[REDACTED:secret]', theme: 'dark' }"],
    ["cookies={ lang: 'abc123XYZsecret987' }", "cookies={ lang: '[REDACTED:secret]' }"],
  ]);
});

describe("authorization headers keep their scheme word and public parameters", () => {
  it.each([
    ["http.request.header.authorization", "Bearer abcdefghijklmnop1234567890", "Bearer [REDACTED:secret]"],
    ["authorization", "Basic dXNlcjpwYXNzd29yZA==", "Basic [REDACTED:secret]"],
    ["Proxy-Authorization", "Negotiate YIIGhgYGKwYBBQUCoIIGejCCBnY=", "Negotiate [REDACTED:secret]"],
    ["authorization", "token ghp_abcdefghijklmnopqrstuvwxyz0123456789", "token [REDACTED:secret]"],
    [
      "http.request.header.authorization",
      "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261202/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024",
      "AWS4-HMAC-SHA256 Credential=[REDACTED:secret]/20261202/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=[REDACTED:secret]",
    ],
    [
      "authorization",
      'Digest username="alice", realm="api", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", uri="/dir/index.html", qop=auth, nc=00000001, cnonce="0a4f113b", response="6629fae49393a05397450978507c4ef1", algorithm=SHA-256',
      'Digest username="[REDACTED:secret]", realm="api", nonce="[REDACTED:secret]", uri="/dir/index.html", qop=auth, nc=00000001, cnonce="[REDACTED:secret]", response="[REDACTED:secret]", algorithm=SHA-256',
    ],
  ])("%s: %s", (key, value, want) => expect(stored(key, value)).toBe(want));

  it("a token without a scheme goes whole", () => {
    expect(stored("authorization", "abcdefghijklmnop1234567890")).toBe("[REDACTED:secret]");
  });
});

describe("a JSON member named by the header", () => {
  it("is read as the header", () => {
    const { values } = storedLogAttributes([
      { key: "request", value: { stringValue: '{"headers":{"Authorization":"Bearer abcdefghijklmnop1234567890"}}' } },
    ]);
    expect(values.request).toBe('{"headers":{"Authorization":"Bearer [REDACTED:secret]"}}');
  });
});

describe("a cookie header in text", () => {
  const redacted = (text: string) => scannedText(text, defaultRedactionPolicy()).text;
  itStores("%s", redacted, [
    ["request headers: cookie: theme=dark; session=abc123; lang=en", `request headers: cookie: theme=dark; session=${sessionMarker("abc123")}; lang=en`],
    ["GET /x Cookie: theme=dark; _ga=GA1.2.123456789.1700000000; lang=en", "GET /x Cookie: theme=dark; _ga=[REDACTED:secret_param]; lang=en"],
    // A cookie's name that is no secret's name still has its value replaced (`connect.sid`).
    ["Cookie: connect.sid=s%3Aabc.def", `Cookie: connect.sid=${sessionMarker("s%3Aabc.def")}`],
    [
      "Set-Cookie: session=abc123; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=3600; Domain=example.com",
      `Set-Cookie: session=${sessionMarker("abc123")}; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=3600; Domain=example.com`,
    ],
    ["curl -H 'Cookie: theme=dark; session=abc123' https://api.example.com/x", `curl -H 'Cookie: theme=dark; session=${sessionMarker("abc123")}' https://api.example.com/x`],
    ['{"headers":{"Cookie":"theme=dark; session=abc123; lang=en"}}', `{"headers":{"Cookie":"theme=dark; session=${sessionMarker("abc123")}; lang=en"}}`],
    [
      "Cookie: lang=sk_live_51Habc123def456ghi789xyz; theme=dark; theme_session=abc123XYZsecret987; currency=4111111111111111",
      `Cookie: lang=[REDACTED:secret_param]; theme=dark; theme_session=${sessionMarker("abc123XYZsecret987")}; currency=[REDACTED:secret_param]`,
    ],
    [
      "< set-cookie: sid=abc; Path=/, refresh=R3fr3shT0kenValue; Path=/auth",
      `< set-cookie: sid=${sessionMarker("abc")}; Path=/, refresh=[REDACTED:secret_param]; Path=/auth`,
    ],
    ["set-cookie: a=1, refresh=R3fr3shT0kenValue", "set-cookie: a=[REDACTED:secret_param], refresh=[REDACTED:secret_param]"],
    [
      "set-cookie: sid=abc; Expires=Wed, 21 Oct 2026 07:28:00 GMT, refresh=R3fr3shT0kenValue; Path=/ done",
      `set-cookie: sid=${sessionMarker("abc")}; Expires=Wed, 21 Oct 2026 07:28:00 GMT, refresh=[REDACTED:secret_param]; Path=/ done`,
    ],
    // The header as a `key=value` field (logfmt): every cookie is read, not the first alone.
    ["cookie=sid=abc123XYZsecret; refresh=R3fr3shT0kenValue", `cookie=sid=${sessionMarker("abc123XYZsecret")}; refresh=[REDACTED:secret_param]`],
    ['msg cookie="sid=abc123XYZsecret; theme=dark" x=1', `msg cookie="sid=${sessionMarker("abc123XYZsecret")}; theme=dark" x=1`],
    ["GET /?cookie=sid=abc&x=1", "GET /?cookie=[REDACTED:secret_param]&x=1"],
    // The words after the header's pairs are the sentence's.
    ["sent Cookie: sid=abc123 to the upstream", `sent Cookie: sid=${sessionMarker("abc123")} to the upstream`],
  ]);

  it("the Authorization scheme word stays in text, in a curl line too", () => {
    expect(redacted("curl -H 'Authorization: Bearer abcdefghijklmnop1234567890' https://api.example.com/x")).toBe(
      "curl -H 'Authorization: Bearer [REDACTED:bearer]' https://api.example.com/x",
    );
    expect(redacted("sent authorization=Basic dXNlcjpwYXNzd29yZA== to upstream")).toBe("sent authorization=Basic [REDACTED:basic] to upstream");
  });

  it("a parameter's name after the word Bearer is no token: the name stays, its value goes", () => {
    expect(redacted("token_type=Bearer access_token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abcdefghijklmnop")).toBe(
      "token_type=Bearer access_token=[REDACTED:secret_param]",
    );
    expect(redacted("Authorization: Bearer abcdefghij1234==")).toBe("Authorization: Bearer [REDACTED:bearer]");
  });
});

describe("a cookie header in text holding only preferences", () => {
  it.each(["Cookie: theme=dark; lang=en; currency=EUR; cookieconsent_status=dismiss", "Set-Cookie: lang=en; Path=/; HttpOnly; SameSite=Lax"])("stays: %s", (text) =>
    expect(redactString(text, defaultRedactionPolicy()).text).toBe(text),
  );
});

describe("curl's verbose cookie-engine lines lose the cookie's value", () => {
  const redacted = (text: string) => redactString(text, defaultRedactionPolicy()).text;
  itStores("%s", redacted, [
    [
      '* Added cookie sid="abc123XYZsecret" for domain example.com, path /, expire 0',
      `* Added cookie sid="${sessionMarker("abc123XYZsecret")}" for domain example.com, path /, expire 0`,
    ],
    [
      '* Replaced cookie user="s:alice.sigABCdef123" for domain example.com, path /, expire 1700000000',
      '* Replaced cookie user="[REDACTED:secret_param]" for domain example.com, path /, expire 1700000000',
    ],
    // libcurl's debug callback writes the line without curl's `* `.
    ['Added cookie _ga="GA1.2.1234.5678" for domain .example.com, path /, expire 0', 'Added cookie _ga="[REDACTED:secret_param]" for domain .example.com, path /, expire 0'],
  ]);

  itKeeps("stays: %s", redacted, [
    // A preference's setting stays, as in a Cookie header; prose that is no curl line stays.
    '* Added cookie theme="dark" for domain example.com, path /, expire 0',
    "I added cookie support=yes",
  ]);
});

describe("an Authorization header holding a scheme word alone, or OAuth 1.0's parameters", () => {
  const redacted = (text: string) => redactString(text, defaultRedactionPolicy()).text;
  const oauth = (signature: string, token: string) =>
    `OAuth oauth_consumer_key="xvz1evFS4wEEPTGEFPHBog", oauth_nonce="kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", oauth_signature="${signature}", oauth_signature_method="HMAC-SHA1", oauth_timestamp="1318622958", oauth_token="${token}", oauth_version="1.0"`;
  const sent = oauth("tnnArxj06cWHq44gCs1OSKk%2FjY%3D", "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb");

  it("a scheme word alone stays, under the key and in text", () => {
    expect(stored("http.request.header.authorization", "Bearer")).toBe("Bearer");
    expect(redacted("Authorization: Bearer")).toBe("Authorization: Bearer");
    expect(redacted("authorization=Basic next=1")).toBe("authorization=Basic next=1");
    // A token after the scheme still goes, a sentence's period with it.
    expect(redacted("authorization=Token abc123def456.")).toBe("authorization=Token [REDACTED:secret_param]");
  });

  it("OAuth 1.0: the signature and the token go in place, the public parameters stay", () => {
    expect(stored("http.request.header.authorization", sent)).toBe(oauth("[REDACTED:secret]", "[REDACTED:secret]"));
    expect(redacted(`Authorization: ${sent}`)).toBe(`Authorization: ${oauth("[REDACTED:secret_param]", "[REDACTED:secret_param]")}`);
  });

  it("Digest's and AWS's parameters in text are read as under the key, escaped quotes too", () => {
    expect(redacted('Authorization: Digest username="ana", realm="api@example.org", response="6629fae49393a05397450978507c4ef1"')).toBe(
      'Authorization: Digest username="[REDACTED:secret_param]", realm="api@example.org", response="[REDACTED:secret_param]"',
    );
    expect(redacted('{"line":"Authorization: Digest realm=\\"api\\", response=\\"6629fae4\\""}')).toBe(
      '{"line":"Authorization: Digest realm=\\"api\\", response=\\"[REDACTED:secret_param]\\""}',
    );
    expect(
      redacted(
        "Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range, Signature=fe5f80f77d5fa3beca038a248ff027d0445342fe",
      ),
    ).toBe("Authorization: AWS4-HMAC-SHA256 Credential=[REDACTED:secret_param]/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range, Signature=[REDACTED:secret_param]");
  });
});

describe("a header list as name/value pairs keeps what the same header under its key keeps", () => {
  it("HAR's and the Fetch API's {name, value} objects", () => {
    const har = '{"headers":[{"name":"Cookie","value":"sid=abc; theme=dark"},{"name":"Set-Cookie","value":"theme=dark; Path=/"},{"name":"Authorization","value":"Bearer abcdefghijklmnop"}]}';
    expect(stored("line", har)).toBe(
      `{"headers":[{"name":"Cookie","value":"sid=${sessionMarker("abc")}; theme=dark"},{"name":"Set-Cookie","value":"theme=dark; Path=/"},{"name":"Authorization","value":"Bearer [REDACTED:secret]"}]}`,
    );
  });

  it("fetch's [name, value] pairs and Node's rawHeaders, as JSON text or lifted under the list's key", () => {
    const pairs = '[["cookie","sid=abc; theme=dark"],["authorization","Bearer abcdefghijklmnop"]]';
    const ruled = `[["cookie","sid=${sessionMarker("abc")}; theme=dark"],["authorization","Bearer [REDACTED:secret]"]]`;
    expect(stored("headers", pairs)).toBe(ruled);
    expect(stored("line", `{"headers":${pairs}}`)).toBe(`{"headers":${ruled}}`);
    expect(stored("req.rawHeaders", '["Host","example.com","Cookie","sid=abc; theme=dark","Authorization","Bearer abcdefghijklmnop"]')).toBe(
      `["Host","example.com","Cookie","sid=${sessionMarker("abc")}; theme=dark","Authorization","Bearer [REDACTED:secret]"]`,
    );
  });

  it("a list of words under another name is no header list", () => {
    expect(stored("tags", '["cookie","chocolate"]')).toBe('["cookie","chocolate"]');
    expect(stored("headers", '["cookie","chocolate","x"]')).toBe('["cookie","chocolate","x"]');
  });
});

describe("a cookie jar's names, serialized cookies and a consent banner's answer", () => {
  it("a list of the cookies' names stays", () => {
    const { values } = storedLogAttributes([
      { key: "cookies.names", value: { stringValue: "sid,theme" } },
      { key: "cookies.count", value: { stringValue: "2" } },
    ]);
    expect(values).toEqual({ "cookies.names": "sid,theme", "cookies.count": "2" });
  });

  it("tough-cookie's and Puppeteer's serialized cookies lose only their values", () => {
    const jar = '[{"key":"sid","value":"abc123XYZsecret","domain":"example.com","path":"/","hostOnly":true,"creation":"2026-12-02T07:00:00.000Z"}]';
    expect(stored("cookies", jar)).toBe(jar.replace("abc123XYZsecret", "[REDACTED:secret]"));
    const body = `{"cookieJar":{"version":"tough-cookie@4.1.3","storeType":"MemoryCookieStore","cookies":${jar}}}`;
    expect(stored("line", body)).toBe(body.replace("abc123XYZsecret", "[REDACTED:secret]"));
    const puppeteer = '{"cookies":[{"name":"sid","value":"abc123XYZsecret","domain":"example.com","path":"/","httpOnly":true,"sameSite":"Lax"}]}';
    expect(stored("line", puppeteer)).toBe(puppeteer.replace("abc123XYZsecret", "[REDACTED:secret]"));
  });

  it("the header's text under a jar's name reads as the header", () => {
    expect(stored("cookies", "sid=abc123XYZsecret; theme=dark")).toBe(`sid=${sessionMarker("abc123XYZsecret")}; theme=dark`);
  });

  it("OneTrust's consent answer is a preference; with an id or a token in it, it goes", () => {
    expect(stored("http.request.header.cookie", "OptanonConsent=isGDPRApplied=true&groups=C0001%3A1%2CC0002%3A0; theme=dark")).toBe(
      "OptanonConsent=isGDPRApplied=true&groups=C0001%3A1%2CC0002%3A0; theme=dark",
    );
    expect(stored("http.request.header.cookie", "OptanonConsent=isGDPRApplied=true&consentId=8e1c1b7a-1111-4222-8333-944455556666; theme=dark")).toBe(
      "OptanonConsent=[REDACTED:secret]; theme=dark",
    );
    expect(stored("http.request.header.cookie", "OptanonConsent=token=abc123XYZsecret")).toBe("OptanonConsent=[REDACTED:secret]");
    expect(redactString("Cookie: OptanonConsent=isGDPRApplied=true&groups=C0001%3A1; sid=abc123", defaultRedactionPolicy()).text).toBe(
      `Cookie: OptanonConsent=isGDPRApplied=true&groups=C0001%3A1; sid=${sessionMarker("abc123")}`,
    );
  });
});
