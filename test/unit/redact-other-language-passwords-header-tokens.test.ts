/**
 * Passwords named in other languages and header tokens written in ways the forms missed:
 * - German, Dutch, Swedish, Polish and French words for a password (`Kennwort`, `Passwort`,
 *   `wachtwoord`, `lösenord`, `hasło`, `mot de passe`) before `=` and ` = ` as before `:`, and as
 *   JSON members and attribute keys (secret-names.ts, `OTHER_PASSWORD_WORDS`); the Portuguese and
 *   Spanish words in every form too. Prose with no value, and a state word of the language after
 *   the word (`Passwort: falsch`), stay.
 * - An `Authorization` scheme's word with a `:` glued to it (`Token: …`, `Bearer: …`), Rails'
 *   `Token token=…`, and a header's scheme and token on the line below its name (a YAML or
 *   pretty-printed dump: `Authorization:\n  Token …`): the word stays, the token goes.
 * - Pairs right after Python logging's default prefix (`ERROR:root:password=…`), in each form.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { redactedLogBody, storedLogAttribute } from "../support/redaction";
import { itKeeps, itStores } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const text = (value: string) => redactString(value, policy).text;
const PARAM = "[REDACTED:secret_param]";
const SECRET = "[REDACTED:secret]";

describe("other languages' password words", () => {
  itStores("a password after its word and `=` is replaced: %s", text, [
    ["Kennwort=Xk9mQ7vLp2", `Kennwort=${PARAM}`],
    ["Passwort=hunter2x9", `Passwort=${PARAM}`],
    ["senha=abc123XYZ", `senha=${PARAM}`],
    ["contraseña=Clave$egura1", `contraseña=${PARAM}`],
    ["wachtwoord=Geheim123", `wachtwoord=${PARAM}`],
    ["lösenord=Hemligt99", `lösenord=${PARAM}`],
    ["hasło=Tajne123x", `hasło=${PARAM}`],
    ["mot de passe=azerty123!", `mot de passe=${PARAM}`],
    ["login failed Kennwort=Xk9mQ7vLp2 user=hans", `login failed Kennwort=${PARAM} user=hans`],
    ["https://shop.example.de/login?benutzer=hans&passwort=Xk9mQ7vLp2", `https://shop.example.de/login?benutzer=hans&passwort=${PARAM}`],
    ["DATENBANKPASSWORT=Xk9mQ7vLp2", `DATENBANKPASSWORT=${PARAM}`],
  ]);

  itStores("a password after its word and ` = ` is replaced: %s", text, [
    ["Kennwort = Xk9mQ7vLp2", `Kennwort = ${PARAM}`],
    ["Passwort = hunter2x9", `Passwort = ${PARAM}`],
    ["nova senha = Tr0ub4dor3", `nova senha = ${PARAM}`],
    ["contraseña = Clave$egura1", `contraseña = ${PARAM}`],
    ["mot de passe = azerty123!", `mot de passe = ${PARAM}`],
    ["wachtwoord = Geheim123", `wachtwoord = ${PARAM}`],
    ["lösenord = Hemligt99", `lösenord = ${PARAM}`],
    ["hasło = Tajne123x", `hasło = ${PARAM}`],
  ]);

  itStores("a password after its word and `:` is replaced, as it was: %s", text, [
    ["Kennwort: Xk9mQ7vLp2", `Kennwort: ${PARAM}`],
    ["Passwort: hunter2x9", `Passwort: ${PARAM}`],
    ["senha: abc123XYZ", `senha: ${PARAM}`],
    ["mot de passe: azerty123!", `mot de passe: ${PARAM}`],
    ["wachtwoord: Geheim123", `wachtwoord: ${PARAM}`],
    ["lösenord: Hemligt99", `lösenord: ${PARAM}`],
    ["hasło: Tajne123x", `hasło: ${PARAM}`],
  ]);

  itStores("a password after German `lautet`, as after `ist`: %s", text, [
    ["Das Passwort lautet Herbst2025x", `Das Passwort lautet ${PARAM}`],
    ["Ihr neues Passwort lautet Herbst2025x und ist 24 Stunden gültig", `Ihr neues Passwort lautet ${PARAM} und ist 24 Stunden gültig`],
  ]);
  itKeeps("a message that only says what something reads: %s", text, ["Die Fehlermeldung lautet: Passwort falsch", "Das Passwort lautet falsch"]);

  itStores("a password under the word as a JSON member is replaced: %s", text, [
    ['{"senha":"abc123XYZ"}', `{"senha":"${SECRET}"}`],
    ['{"Kennwort":"Xk9mQ7vLp2"}', `{"Kennwort":"${SECRET}"}`],
    ['{"Passwort":"hunter2x9"}', `{"Passwort":"${SECRET}"}`],
    ['{"wachtwoord":"Geheim123"}', `{"wachtwoord":"${SECRET}"}`],
    ['{"lösenord":"Hemligt99"}', `{"lösenord":"${SECRET}"}`],
    ['{"hasło":"Tajne123x"}', `{"hasło":"${SECRET}"}`],
    ['{"mot_de_passe":"azerty123!"}', `{"mot_de_passe":"${SECRET}"}`],
    ['{"motDePasse":"azerty123!"}', `{"motDePasse":"${SECRET}"}`],
  ]);

  it.each([
    ["Kennwort", "Xk9mQ7vLp2"],
    ["user.passwort", "hunter2x9"],
    ["senha", "abc123XYZ"],
    ["hasło", "Tajne123x"],
    ["mot_de_passe", "azerty123!"],
  ])("an attribute under %s is replaced", (key, value) => {
    expect(storedLogAttribute(key, { stringValue: value })).toEqual({ stringValue: SECRET });
  });

  it("a log body's JSON member under the word is replaced", () => {
    expect(redactedLogBody('{"msg":"login","Kennwort":"Xk9mQ7vLp2"}')).toEqual(expect.not.stringContaining("Xk9mQ7vLp2"));
  });

  itStores("a lower-case word that is no state word of the language is the password, in any form: %s", text, [
    ["Passwort: geheim", `Passwort: ${PARAM}`],
    ["Kennwort: sommer", `Kennwort: ${PARAM}`],
    ["hasło: kochanie", `hasło: ${PARAM}`],
    ["wachtwoord: welkom", `wachtwoord: ${PARAM}`],
    ["lösenord: sommar", `lösenord: ${PARAM}`],
    ["heslo: tajne", `heslo: ${PARAM}`],
    ["salasana: kissa", `salasana: ${PARAM}`],
    ["passord: hemmelig", `passord: ${PARAM}`],
    ["Passwort: qwertyuiop", `Passwort: ${PARAM}`],
    ["Passwort: passwort", `Passwort: ${PARAM}`],
    ["Passwort: geheim!", `Passwort: ${PARAM}`],
    ["hasło: żółćgęślą", `hasło: ${PARAM}`],
    ["Passwort=geheim", `Passwort=${PARAM}`],
    ["hasło=kochanie", `hasło=${PARAM}`],
    ["heslo=heslo", `heslo=${PARAM}`],
    ["PASSWORT=geheim", `PASSWORT=${PARAM}`],
    ["HASŁO=kochanie", `HASŁO=${PARAM}`],
    ["ERROR:root:Passwort=geheim", `ERROR:root:Passwort=${PARAM}`],
    ["hasło: falsch", `hasło: ${PARAM}`],
    ["Passwort: zu geheim", `Passwort: ${PARAM}`],
  ]);

  it.each(["Passwort: geheim", "hasło: kochanie", "Passwort=geheim", "Kennwort: sommer"])("a log body and a pino line's message lose it too: %s", (line) => {
    const secret = line.slice(line.search(/[:=]/) + 1).trim();
    expect(String(redactedLogBody(line))).not.toContain(secret);
    expect(String(redactedLogBody(JSON.stringify({ level: 30, msg: line })))).not.toContain(secret);
  });

  itKeeps("the language's state words stay in any case, and after `=` as English's do: %s", text, [
    "Passwort: Falsch",
    "Passwort: OK",
    "hasło: OK",
    "Kennwort: Geändert",
    "Passwort: (leer)",
    "Passwort: gesetzt",
    "Passwort: vergessen",
    "wachtwoord: gewijzigd",
    "lösenord: ÄNDRAT",
    "mot de passe : oublié",
    "Passwort=falsch",
    "password=wrong",
    "Passwort: zu kurz",
    "Passwort: nein",
    "hasło: za krótkie",
  ]);

  it.each(["Passwort: falsch", "Passwort: OK", "hasło: zmienione"])("a log body and a pino line's message keep it too: %s", (line) => {
    expect(redactedLogBody(line)).toBe(line);
    expect(redactedLogBody(JSON.stringify({ level: 30, msg: line }))).toBe(JSON.stringify({ level: 30, msg: line }));
  });

  itKeeps("prose with no value, and a state word after the word, stay: %s", text, [
    "Kennwort vergessen",
    "senha alterada com sucesso",
    "contraseña incorrecta",
    "mot de passe oublié",
    "Passwort falsch",
    "wachtwoord vergeten",
    "Passwort: falsch",
    "Kennwort: abgelaufen",
    "wachtwoord: vergeten",
    "hasło: zmienione",
    "lösenord: ändrat",
    "Passwort: falsch | Kennwort: abgelaufen",
    "mot de passe : oublié",
    "mot de passe = oublié",
    "Użytkownik zmienił hasło",
    "Passwort-Richtlinie: mindestens 8 Zeichen",
    "passwort_min_length=8",
    "passwort_länge=12",
    "hasło_długość=8",
    "wachtwoord_lengte=10",
    "impasse=2",
    "passe=true",
  ]);
});

describe("an Authorization scheme's token", () => {
  itStores("the token after a scheme's word and a glued `:` is replaced, the word kept: %s", text, [
    ["Authorization: Token: abc123def456ghi789jkl", `Authorization: Token: ${PARAM}`],
    ["authorization: token: abc123def456ghi789jkl", `authorization: token: ${PARAM}`],
    ["Authorization: Bearer: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abcDEF123", "Authorization: Bearer: [REDACTED:bearer]"],
    ["Authorization: Basic: dXNlcjpwYXNzd29yZA==", "Authorization: Basic: [REDACTED:basic]"],
    ['{"Authorization":"Token: abc123def456ghi789jkl"}', `{"Authorization":"Token: ${SECRET}"}`],
  ]);

  itStores("the credentials go whatever repeats of the scheme's word come before them: %s", text, [
    ["Authorization: Token: Token abcdef1234567890abcdef", `Authorization: Token: Token ${PARAM}`],
    ["Authorization: Bearer: Bearer: abcdef1234567890abcdef", "Authorization: Bearer: Bearer: [REDACTED:bearer]"],
    ["Authorization: Bearer Bearer abcdef1234567890abcdef", "Authorization: Bearer Bearer [REDACTED:bearer]"],
    ["Authorization: Basic: user:hunter2x9", "Authorization: Basic: [REDACTED:basic]"],
    ["Authorization: Basic user:hunter2x9", "Authorization: Basic [REDACTED:basic]"],
    ['{"Authorization":"Token: Token abcdef1234567890abcdef"}', `{"Authorization":"Token: Token ${SECRET}"}`],
  ]);

  it.each([
    ["Token: Token abcdef1234567890abcdef", `Token: Token ${SECRET}`],
    ["Bearer: Bearer: abcdef1234567890abcdef", `Bearer: Bearer: ${SECRET}`],
    ["Basic: user:hunter2x9", `Basic: ${SECRET}`],
  ])("an Authorization attribute %s keeps the words and loses the credentials", (value, stored) => {
    expect(storedLogAttribute("http.request.header.authorization", { stringValue: value })).toEqual({ stringValue: stored });
  });

  it.each([
    "Authorization: Token: Token abcdef1234567890abcdef",
    "Authorization: Bearer: Bearer: abcdef1234567890abcdef",
    "Authorization: Basic: user:hunter2x9",
    'Authorization: Token: "abcdef1234567890abcdef"',
    "Authorization: OAuth: abcdef1234567890abcdef",
  ])("a log body and a pino line's message lose the credentials: %s", (line) => {
    const secret = /(?:abcdef1234567890abcdef|hunter2x9)/;
    expect(String(redactedLogBody(line))).not.toMatch(secret);
    expect(String(redactedLogBody(JSON.stringify({ level: 30, msg: line })))).not.toMatch(secret);
  });

  itStores("a token in quotes after a glued colon goes, its quotes kept: %s", text, [
    ['Authorization: Token: "abcdef1234567890abcdef"', `Authorization: Token: "${PARAM}"`],
    ['Authorization: Bearer: "abcdef1234567890abcdef"', 'Authorization: Bearer: "[REDACTED:bearer]"'],
    ["Authorization: Token: 'abcdef1234567890abcdef'", `Authorization: Token: '${PARAM}'`],
  ]);

  itStores("OAuth's and Digest's words take a glued colon too: %s", text, [
    ["Authorization: OAuth: abcdef1234567890abcdef", `Authorization: OAuth: ${PARAM}`],
    ['Authorization: Digest: username="a", response="6629fae49393a05397450978507c4ef1"', `Authorization: Digest: username="${PARAM}", response="${PARAM}"`],
  ]);

  itStores("Rails' `Token token=…` keeps the scheme and the parameter's name: %s", text, [
    ["Authorization: Token token=abc123def456ghi789jkl", `Authorization: Token token=${PARAM}`],
    ['Authorization: Token token="abc123def456ghi789jkl"', `Authorization: Token token="${PARAM}"`],
  ]);

  it("an attribute's glued-colon scheme keeps its word", () => {
    expect(storedLogAttribute("http.request.header.authorization", { stringValue: "Token: abc123def456ghi789jkl" })).toEqual({ stringValue: `Token: ${SECRET}` });
  });

  itStores("the scheme and token on the line below the header's name: %s", text, [
    ["Authorization:\n  Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abcDEF123", "Authorization:\n  Bearer [REDACTED:bearer]"],
    ["Authorization:\n  Token abc123def456ghi789jkl", `Authorization:\n  Token ${PARAM}`],
    ["Authorization:\n  token abc123def456ghi789jkl", `Authorization:\n  token ${PARAM}`],
    ["Authorization:\n  Token: abc123def456ghi789jkl", `Authorization:\n  Token: ${PARAM}`],
    ["X-Api-Key:\n    9f8e7d6c5b4a3f2e1d0c9b8a", `X-Api-Key:\n    ${PARAM}`],
    ["headers:\n  Authorization:\n    Bearer: abcdef1234567890abcdef", "headers:\n  Authorization:\n    Bearer: [REDACTED:bearer]"],
    ["headers:\n  authorization:\n    basic: dXNlcjpwYXNzd29yZA==", "headers:\n  authorization:\n    basic: [REDACTED:basic]"],
    ["headers:\n  Authorization:\n    Bearer: abcdef1234567890abcdef. Next", "headers:\n  Authorization:\n    Bearer: [REDACTED:bearer]. Next"],
    [
      "headers:\n  Authorization:\n    Token abc123def456ghi789jkl\n  X-Api-Key:\n    9f8e7d6c5b4a3f2e1d0c9b8a\n  Content-Type:\n    application/json",
      `headers:\n  Authorization:\n    Token ${PARAM}\n  X-Api-Key:\n    ${PARAM}\n  Content-Type:\n    application/json`,
    ],
  ]);

  itStores("in a JSON string, the string's closing quote stays: %s", text, [
    [JSON.stringify("headers:\n  X-Api-Key:\n    9f8e7d6c5b4a3f2e1d0c9b8a"), JSON.stringify(`headers:\n  X-Api-Key:\n    ${PARAM}`)],
    [JSON.stringify("headers:\n  Authorization:\n    Token abc123def456ghi789jkl"), JSON.stringify(`headers:\n  Authorization:\n    Token ${PARAM}`)],
    [JSON.stringify("headers:\n  Authorization:\n    Token token=abc123def456ghi789jkl"), JSON.stringify(`headers:\n  Authorization:\n    Token token=${PARAM}`)],
  ]);

  describe("the token on the line below ends at the JSON string's end; the JSON text after it stays", () => {
    const dumped = (header: string, value: string) => `headers:\n  ${header}:\n    ${value}`;
    it.each([
      ["Authorization", "Bearer abcdef1234567890abcdef", "Bearer [REDACTED:bearer]", { level: "info" }],
      ["Authorization", "Token abcdef1234567890abcdef", `Token ${PARAM}`, { level: "info" }],
      ["X-Api-Key", "9f8e7d6c5b4a39281706f5e4d3c2b1a0", PARAM, { level: "info" }],
      ["Authorization", "Bearer abcdef1234567890abcdef", "Bearer [REDACTED:bearer]", { level: "info", b: ["c", { d: 1 }] }],
    ])("%s: %s, then more members", (header, value, stored, more) => {
      const json = JSON.stringify({ msg: dumped(header, value), ...more });
      const out = text(json);
      expect(JSON.parse(out)).toEqual({ msg: dumped(header, stored), ...more });
    });

    it("in an array of objects, the next object stays", () => {
      const json = `[${JSON.stringify({ a: dumped("Authorization", "Token abcdef1234567890abcdef") })},{"b":"c"}]`;
      expect(JSON.parse(text(json))).toEqual([{ a: dumped("Authorization", `Token ${PARAM}`) }, { b: "c" }]);
    });

    it("in JSON text held in a string, the inner text's members stay too", () => {
      const inner = { msg: dumped("Authorization", "Bearer abcdef1234567890abcdef"), level: "info" };
      const out = text(JSON.stringify({ body: JSON.stringify(inner) }));
      expect(JSON.parse((JSON.parse(out) as { body: string }).body)).toEqual({ ...inner, msg: dumped("Authorization", "Bearer [REDACTED:bearer]") });
    });

    it("a pino line's message keeps the line's other members", () => {
      const line = JSON.stringify({ level: 30, msg: dumped("Authorization", "Bearer abcdef1234567890abcdef"), pid: 1, hostname: "h" });
      const stored: unknown = JSON.parse(String(redactedLogBody(line)));
      expect(stored).toEqual({ level: 30, msg: dumped("Authorization", "Bearer [REDACTED:bearer]"), pid: 1, hostname: "h" });
    });
  });

  itKeeps("a scheme's word with no token, and other words before `:`, stay: %s", text, [
    "Authorization: Bearer",
    "WWW-Authenticate: Token realm=\"Application\"",
    "Authorization:\n  Bearer",
    "notes:\n  Bearer tokens expire after 1h",
    "authorization:\n  Bearer tokens expire after 1h",
    "Note: restart required",
    "api_token: Token: none",
    "authorization:\n  bearer: none",
    "Authorization:\n  Token: expired",
    "auth:\n  bearer: true",
  ]);

  it("a scheme that names a place as often takes no glued colon (`aws: us-east-1`)", () => {
    expect(text("credentials: aws: us-east-1")).toBe(`credentials: ${PARAM} us-east-1`);
  });
});

describe("after Python logging's default prefix", () => {
  itStores("a secret right after `LEVEL:logger:` is replaced in every form: %s", text, [
    ["ERROR:root:password=hunter2x9", `ERROR:root:password=${PARAM}`],
    ["ERROR:root:password = hunter2x9", `ERROR:root:password = ${PARAM}`],
    ["ERROR:root:password: hunter2x9", `ERROR:root:password: ${PARAM}`],
    ['ERROR:root:password="hunter2x9"', `ERROR:root:password="${PARAM}"`],
    ['ERROR:root:{"password":"hunter2x9"}', `ERROR:root:{"password":"${SECRET}"}`],
    ["WARNING:app.db:api_key=AKIAIOSFODNN7EXAMPLE", `WARNING:app.db:api_key=${PARAM}`],
    ["WARNING:app.db:api_key=Zq8xL2mN4pR7", `WARNING:app.db:api_key=${PARAM}`],
    ["CRITICAL:__main__:secret=Zq8xL2mN4pR7", `CRITICAL:__main__:secret=${PARAM}`],
    ["ERROR:root:db_password=hunter2x9 user=bob", `ERROR:root:db_password=${PARAM} user=bob`],
    ["ERROR:root:Kennwort=Xk9mQ7vLp2", `ERROR:root:Kennwort=${PARAM}`],
    ["2026-12-04T21:00:00.000Z ERROR ERROR:root:password=hunter2x9", `2026-12-04T21:00:00.000Z ERROR ERROR:root:password=${PARAM}`],
    ["2026-12-04T21:00:00.000Z stdout F WARNING:app.db:api_key = Zq8xL2mN4pR7", `2026-12-04T21:00:00.000Z stdout F WARNING:app.db:api_key = ${PARAM}`],
  ]);

  itStores("the prefix opening a JSON string's message counts as at a line's start: %s", text, [
    ['{"msg":"ERROR:root:password=hunter2x9"}', `{"msg":"ERROR:root:password=${PARAM}"}`],
    ['{"msg":"ERROR:root:password = hunter2x9","level":"error"}', `{"msg":"ERROR:root:password = ${PARAM}","level":"error"}`],
    ['"ERROR:root:password=hunter2x9"', `"ERROR:root:password=${PARAM}"`],
  ]);

  it("a pino line's message and a log body holding the JSON lose the password", () => {
    const line = JSON.stringify({ level: 50, time: 1764878400000, msg: "ERROR:root:password=hunter2x9" });
    expect(JSON.parse(String(redactedLogBody(line)))).toEqual({ level: 50, time: 1764878400000, msg: `ERROR:root:password=${PARAM}` });
    expect(String(redactedLogBody('{"msg":"ERROR:root:password=hunter2x9"}'))).not.toContain("hunter2x9");
  });

  it("a log body with the prefix loses the password", () => {
    expect(redactedLogBody("ERROR:root:password=hunter2x9")).toBe(`ERROR:root:password=${PARAM}`);
  });

  itKeeps("ordinary pairs after the prefix stay: %s", text, [
    "INFO:root:status=ok count=3",
    "ERROR:root:order_id=12345 amount=99.90 currency=BRL",
    "ERROR:root:token=expired",
    "ERROR:root:password=None",
    "INFO:root:tokens=42",
    "INFO:app:request_id=abc123def456 path=/v1/users",
    "user:root:password=hunter2x9 is no prefix",
    '{"msg":"INFO:root:user=42 path=/x"}',
    '{"msg":"ERROR:root:token=expired"}',
  ]);
});
