/**
 * A credential's name keeps its secret behind a variable's sigil or receiver (PHP's and Perl's
 * `$password`, `$cfg->api_key`, `$DB::password`, Ruby's `@password`, Perl's `%password`, a
 * shell's `${password}`, `this.`/`self.`/`obj->`), and a session cookie's name announces the
 * session's id in every form (`JSESSIONID=`, a URL's `;jsessionid=`, `PHPSESSID=`,
 * `connect.sid=`, `ASPSESSIONID…=`). Look-alikes (a count or a policy under such a name) stay.
 */
import { describe, expect, it } from "vitest";
import { sessionMarker } from "../support/redaction";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { itStores } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const PARAM = "[REDACTED:secret_param]";

describe("a sigil or a receiver before a credential's name", () => {
  itStores("%j", (text) => redactString(text, policy).text, [
    ["$DB::password := s3cr3tX9", `$DB::password := ${PARAM}`],
    ["$cfg::api_key => AbC123xyz", `$cfg::api_key => ${PARAM}`],
    ["$cfg->api_key => AbC123xyz", `$cfg->api_key => ${PARAM}`],
    ["$password => hunter2x", `$password => ${PARAM}`],
    ["$password = hunter2x", `$password = ${PARAM}`],
    ["@password = hunter2x", `@password = ${PARAM}`],
    ["@password = 'hunter2x'", `@password = '${PARAM}'`],
    ["%password = hunter2x", `%password = ${PARAM}`],
    ["${password}=hunter2x", `\${password}=${PARAM}`],
    ["${password} = hunter2x", `\${password} = ${PARAM}`],
    ["this.password = hunter2x", `this.password = ${PARAM}`],
    ['this.password = "hunter2x"', `this.password = "${PARAM}"`],
    ["self.password = hunter2x", `self.password = ${PARAM}`],
    ['self.password = "hunter2x"', `self.password = "${PARAM}"`],
    ["obj->password = hunter2x", `obj->password = ${PARAM}`],
    ['obj->password = "hunter2x"', `obj->password = "${PARAM}"`],
    ["login failed $password => hunter2x9", `login failed $password => ${PARAM}`],
    ["$this->config->db->password = hunter2x", `$this->config->db->password = ${PARAM}`],
  ]);

  it.each(["$password_count = 3", "@password_policy = strict", "$cfg->password_length = 12", "my %password = (user => 'x');", "{password}=hunter2x"])(
    "%j stays",
    (text) => {
      expect(redactString(text, policy)).toEqual({ text, counts: {} });
    },
  );
});

describe("a session cookie's name, in every form", () => {
  itStores("%j", (text) => redactString(text, policy).text, [
    ["JSESSIONID=ABC123DEF456", `JSESSIONID=${sessionMarker("ABC123DEF456")}`],
    ["url;jsessionid=ABC123DEF456", `url;jsessionid=${sessionMarker("ABC123DEF456")}`],
    ["GET /app/cart;jsessionid=ABC123DEF456 HTTP/1.1", `GET /app/cart;jsessionid=${sessionMarker("ABC123DEF456")} HTTP/1.1`],
    ["PHPSESSID=abc123def456ghi", `PHPSESSID=${sessionMarker("abc123def456ghi")}`],
    ["ASP.NET_SessionId=abc123def456ghi", `ASP.NET_SessionId=${sessionMarker("abc123def456ghi")}`],
    ["ASPSESSIONIDQQGGQQGG=ABCDEFGHIJKL", `ASPSESSIONIDQQGGQQGG=${PARAM}`],
    ["connect.sid=s%3Aabc123def456", `connect.sid=${sessionMarker("s%3Aabc123def456")}`],
    ["koa.sess=eyJhYmMiOjF9", `koa.sess=${PARAM}`],
    ["laravel_session=eyJpdiI6abc123", `laravel_session=${sessionMarker("eyJpdiI6abc123")}`],
    ["_session_id=abc123def456", `_session_id=${sessionMarker("abc123def456")}`],
    ["Cookie: sid=abc123def456", `Cookie: sid=${sessionMarker("abc123def456")}`],
    ["rack.session=BAh7abc123", `rack.session=${sessionMarker("BAh7abc123")}`],
  ]);

  it.each(["jsessionid_count=3", "oracle_sid=ORCL", "phpsessid_name=PHPSESSID"])("%j stays", (text) => {
    expect(redactString(text, policy)).toEqual({ text, counts: {} });
  });
});
