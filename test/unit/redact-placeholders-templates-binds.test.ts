/**
 * Placeholders, templates, bind parameters and code reads written where a secret's value goes:
 * the value is filled in elsewhere, so the text holds none, and it is read alike in text, as a
 * quoted value, in a JSON body and under an attribute's key. A printf conversion (`%s`,
 * `%(secret)s`), a query's bind placeholder (`?`, `:password`, `$1`, `@p0`), a template
 * expression read whole (`{{ .Token }}`, `$(cat /run/secrets/api_key)`, `<%= … %>`), an
 * environment lookup of a secret's variable and a member path whose last name names a
 * credential stay. Real secrets after the same names still go.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { itKeepsUncounted, itStoresCounting } from "../support/redaction-cases";
import { redactedLogBody, storedLogAttribute } from "../support/redaction";

const policy = defaultRedactionPolicy();
const redact = (text: string) => redactString(text, policy);
const PARAM = "[REDACTED:secret_param]";

/** Values that stand in for a secret under any secret's key. */
const STAND_INS = [
  "%s",
  "%v",
  "%+v",
  "%(secret)s",
  "%(password)s",
  "{password}",
  "${password}",
  "?",
  ":password",
  "$1",
  "@p0",
  "{{ .Token }}",
  "{{password}}",
  "${{ secrets.DB_PASSWORD }}",
  "$(cat /run/secrets/api_key)",
  "<%= ENV['PW'] %>",
  'os.environ["DB_PASSWORD"]',
  "ENV['DB_PASSWORD']",
  'os.getenv("DB_PASSWORD")',
  "ENV.fetch('DB_PASSWORD')",
  'System.getenv("DB_PASSWORD")',
  "env('DB_PASSWORD')",
  "req.headers.authorization",
  "config.password",
];

describe("a placeholder, a template or a code read is no secret", () => {
  itKeepsUncounted("%s stays in text", redact, [
    "password=%s",
    "api_key=%s",
    "token=%v",
    "secret=%(secret)s",
    "login failed: password={password}",
    "password=${password}",
    "first_name=%s",
    "name=%(name)s",
    "Authorization: Bearer %s",
    "SELECT id FROM users WHERE name = :name AND password = :password",
    "select u1_0.id from users u1_0 where u1_0.password=?",
    "UPDATE users SET password = ? WHERE id = ?",
    "UPDATE users SET password = $1 WHERE id = $2",
    "exec sp_executesql N'UPDATE users SET password=@p0 WHERE id=@p1'",
    'password=os.environ["DB_PASSWORD"]',
    "password=ENV['DB_PASSWORD']",
    "password=ENV.fetch('DB_PASSWORD')",
    'password=System.getenv("DB_PASSWORD")',
    "token=req.headers.authorization",
    "password=config.password",
    "token={{ .Token }}",
    "token={{ .Token }} user=bob",
    "api_key=$(cat /run/secrets/api_key)",
    "password={{password}}",
    "password=<%= ENV['PW'] %>",
    'password=$(cat "/run/secrets/pw")',
    'password=${DB_PASSWORD} "client_secret": "<CLIENT_SECRET>"',
  ]);

  // GitHub Actions' `${{ … }}` as a step's log echoes it is kept whole in every form its blanks
  // used to cut after `${{` (`API_KEY: ${{ secrets.X }}` in YAML kept it already).
  itKeepsUncounted("%s stays as GitHub Actions writes it", redact, [
    'Run echo "token=${{ secrets.TOKEN }}"',
    "token=${{ secrets.TOKEN }} user=bob",
    "env: API_KEY=${{ secrets.API_KEY }}",
    'echo "password=${{ secrets.DB_PASSWORD }}"',
    "TOKEN=${{ steps.login.outputs.token }}",
    "with: { token: ${{ secrets.GITHUB_TOKEN }}, ref: main }",
    "API_KEY: ${{ secrets.X }}",
    "mycli --token ${{ secrets.TOKEN }} --verbose",
    "mycli --token=${{ secrets.TOKEN }}",
    "mycli --token {{ .Token }} --verbose",
    "mycli --password=$(cat /run/secrets/pw) --verbose",
    "docker run --env=TOKEN=${{ secrets.TOKEN }} app",
    "docker run -e TOKEN=${{ secrets.TOKEN }} app",
    // The expression is the flag's whole value: the value ends after it.
    "mycli --password=$(cat /run/secrets/pw); echo ok",
    'mycli --token="${{ secrets.TOKEN }}"',
    '{"cmd":"mycli --token ${{ secrets.TOKEN }}\\"}',
  ]);

  it.each(STAND_INS)("%s stays as an attribute's value, a JSON member's and a quoted value's", (value) => {
    expect(storedLogAttribute("password", { stringValue: value })).toEqual({ stringValue: value });
    const body = JSON.stringify({ password: value });
    expect(redactedLogBody(body)).toBe(body);
    if (!value.includes('"')) expect(redact(`password="${value}"`)).toEqual({ text: `password="${value}"`, counts: {} });
  });
});

describe("a real secret after the same names still goes", () => {
  itStoresCounting("%s is redacted in text", redact, { secret_param: 1 }, [
    ["password=hunter2", `password=${PARAM}`],
    // A conversion followed by more characters is a value that starts with `%`.
    ["password=%s3cret", `password=${PARAM}`],
    ["password=%v9Kq", `password=${PARAM}`],
    // A dotted value whose last name names no credential may be a password, or a JWT's shape.
    ["password=abc.def", `password=${PARAM}`],
    ["token=abc.def.ghi", `token=${PARAM}`],
    ["password=?hunter2", `password=${PARAM}`],
    ["password=$1secret", `password=${PARAM}`],
    // Before or after a template, the value is still read.
    ["token={{ .Token }} password=hunter2", `token={{ .Token }} password=${PARAM}`],
    ["password=$(hunter2", `password=${PARAM}`],
    // After an expression, or after a flag's name, a value is still read.
    ["token=${{ secrets.TOKEN }} password=hunter2", `token=\${{ secrets.TOKEN }} password=${PARAM}`],
    ["mycli --token hunter2x9 --verbose", `mycli --token ${PARAM} --verbose`],
    ["docker run --env=TOKEN=hunter2x9 app", `docker run --env=TOKEN=${PARAM} app`],
    ["token=${{ secrets.TOKEN hunter2", `token=${PARAM} secrets.TOKEN hunter2`],
    // A flag's value that only starts with a template expression is no template: what is glued after it goes too.
    ["run --password=${X}hunter2secret", `run --password=${PARAM}`],
    ["--password={{.X}}Zx9hunter2Secret", `--password=${PARAM}`],
    ["--password=${USER}:Zx9hunter2Secret", `--password=${PARAM}`],
    ["--client-secret=${{secrets.X}}Zx9hunter2abc", `--client-secret=${PARAM}`],
    ["--api-key=$(true)Zx9hunter2Secret", `--api-key=${PARAM}`],
    ["kubectl create secret generic app --from-literal=password={{x}}hunter2abc", `kubectl create secret generic app --from-literal=password=${PARAM}`],
    ["mycli --token ${X}Zx9hunter2abc --verbose", `mycli --token ${PARAM} --verbose`],
    // So is a parameter's or a code line's value: a template is kept only as the whole value.
    ["password=${{secrets.X}}Zx9hunter2abc", `password=${PARAM}`],
    ["API_KEY: ${{ secrets.X }}Zx9hunter2abc", `API_KEY: ${PARAM}`],
    ["password=${X}hunter2secret", `password=${PARAM}`],
    ["db.password=${DB_PASSWORD}-Pg5ecret", `db.password=${PARAM}`],
  ]);
  // A template that is the whole value, before code's closing bracket or a URL's `@`, is kept.
  itKeepsUncounted("%s is kept", redact, [
    "psycopg2.connect(host=DB_HOST, password=${DB_PASSWORD})",
    "git clone https://x-access-token:${{ secrets.TOKEN }}@github.com/acme/app",
    "https://api.example.com/v1?token=${{ secrets.T }}&page=2",
  ]);

  // A Ruby symbol printed as the value is no named bind: only a secret's name is.
  itStoresCounting("%s is the secret", redact, { secret: 1 }, [["{:password=>:hunter2}", "{:password=>[REDACTED:secret]}"]]);

  it.each(["hunter2", "%s3cret", "abc.def", "ENV['DB']", "x.y.z", "{{ x }} hunter2"])("%s goes under an attribute's key and a JSON member", (value) => {
    expect(storedLogAttribute("password", { stringValue: value })).toEqual({ stringValue: "[REDACTED:secret]" });
    expect(redactedLogBody(JSON.stringify({ password: value }))).toBe(JSON.stringify({ password: "[REDACTED:secret]" }));
  });
});
