/**
 * A session's short names (`sid`, `sess_id`, `connect.sid`) hold its id in every form, while
 * other systems' SIDs under them stay; a session's state (a word compound, a key ending in
 * `state`) is no id; a count or a lifetime under a credential's name stays in every form; `born`
 * and `birth` as keys name a date of birth; a password written in prose goes; and the look-alikes
 * of a postal code, a PIX key and a thing's birth stay.
 */
import { describe, expect, it } from "vitest";
import type { AnyValue, KeyValue } from "../../workers/shared/otlp/model";
import { readVarName } from "../../audit/core/var-names";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { expectUnchanged, sessionMarker, storedLogAttributes } from "../support/redaction";
import { itStores } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const PARAM = "[REDACTED:secret_param]";
const SECRET = "[REDACTED:secret]";
const SIGNED = "s%3AabcDEF123ghiJKL456.Xyz789SigNaTuRe";
const attr = (key: string, value: AnyValue | string): KeyValue => ({ key, value: typeof value === "string" ? { stringValue: value } : value });

describe("a session's id under sid in every form", () => {
  itStores("%j", (text) => redactString(text, policy).text, [
    [`sid=${SIGNED}`, `sid=${sessionMarker(SIGNED)}`],
    ["sid: Zx9Kq2Lm7Pw4Rt6Y", `sid: ${sessionMarker("Zx9Kq2Lm7Pw4Rt6Y")}`],
    [`connect.sid=${SIGNED}`, `connect.sid=${sessionMarker(SIGNED)}`],
    ["sess_id=Zx9Kq2Lm7Pw4Rt6Y", `sess_id=${sessionMarker("Zx9Kq2Lm7Pw4Rt6Y")}`],
    ["PHPSESSID: 9f86d081884c7d659a2feaa0c55ad015", `PHPSESSID: ${sessionMarker("9f86d081884c7d659a2feaa0c55ad015")}`],
    // Under a session's key its id keeps its keyed hash: a session's records still group.
    [`{"sid":"${SIGNED}"}`, `{"sid":"${sessionMarker(SIGNED)}"}`],
    ['{"req":{"sid":"Zx9Kq2Lm7Pw4Rt6Y"}}', `{"req":{"sid":"${sessionMarker("Zx9Kq2Lm7Pw4Rt6Y")}"}}`],
  ]);

  it("replaces it as an attribute, its key's last segment sid", () => {
    const { values } = storedLogAttributes([
      attr("sid", SIGNED),
      attr("http.request.cookie.sid", "Zx9Kq2Lm7Pw4Rt6Y"),
      attr("sess_id", "Zx9Kq2Lm7Pw4Rt6Y"),
      attr("twilio.sid", "AC0123456789abcdef0123456789abcdef"),
      attr("account_sid", "AC0123456789abcdef0123456789abcdef"),
      attr("user.sid", "S-1-5-21-3623811015-3361044348-30300820-1013"),
    ]);
    expect(values).toMatchObject({
      sid: sessionMarker(SIGNED),
      "http.request.cookie.sid": sessionMarker("Zx9Kq2Lm7Pw4Rt6Y"),
      sess_id: sessionMarker("Zx9Kq2Lm7Pw4Rt6Y"),
      "twilio.sid": "AC0123456789abcdef0123456789abcdef",
      account_sid: "AC0123456789abcdef0123456789abcdef",
      "user.sid": "S-1-5-21-3623811015-3361044348-30300820-1013",
    });
  });

  it.each([
    "sid: 3",
    "SID=ORCL",
    "ORACLE_SID=ORCL",
    "sid=S-1-5-21-3623811015-3361044348-30300820-1013",
    '{"sid":"AC0123456789abcdef0123456789abcdef"}',
    "AccountSid=AC0123456789abcdef0123456789abcdef",
  ])("keeps %j: no session's id", expectUnchanged);
});

describe("a session's state is no id", () => {
  it.each([
    "session_state=2fa_pending",
    "session: 2fa_pending",
    "session: ws-conn-01 reconnect",
    '{"session_state":"2fa_pending"}',
    '{"session":"logged_out"}',
    '{"session":"pending_2fa"}',
    '{"session_name":"checkout-flow"}',
  ])("keeps %j", expectUnchanged);

  it("keeps it as an attribute, and an id beside it goes", () => {
    const { values } = storedLogAttributes([attr("user.session", "2fa_pending"), attr("session.state", "active"), attr("session", "Zx9Kq2Lm7Pw4")]);
    expect(values).toEqual({ "user.session": "2fa_pending", "session.state": "active", session: sessionMarker("Zx9Kq2Lm7Pw4") });
  });

  itStores("still replaces an id joined by _ or -: %j", (text) => redactString(text, policy).text, [
    ["session: abc123def456ghi789", `session: ${sessionMarker("abc123def456ghi789")}`],
    ["session=7f3c9a1e-2b4d-4e8f-9a1b-3c5d7e9f1a2b", `session=${sessionMarker("7f3c9a1e-2b4d-4e8f-9a1b-3c5d7e9f1a2b")}`],
    ["sessionid=Ab_cD-eF12_gH34-iJ56", `sessionid=${sessionMarker("Ab_cD-eF12_gH34-iJ56")}`],
  ]);
});

describe("a count or a lifetime under a credential's name, in every form", () => {
  it.each([
    "password_history=5", "password_history: 5", '{"password_history":5}', "password_retries=3", "password_attempts=3",
    "max_password_age=90", "token_ttl=3600", "password_expires_in_days=30", "secret_version=7",
  ])("keeps %j", expectUnchanged);

  it("keeps them as attributes of any type", () => {
    const { values } = storedLogAttributes([
      attr("token.expires_in", { intValue: "3600" }),
      attr("password_history", { intValue: "5" }),
      attr("password_history_text", "5"),
      attr("password_attempts", { intValue: "3" }),
    ]);
    expect(values).toEqual({
      "token.expires_in": { intValue: "3600" },
      password_history: { intValue: "5" },
      password_history_text: "5",
      password_attempts: { intValue: "3" },
    });
  });

  it("still replaces a secret under such a name", () => {
    expect(redactString("password_history=hunter2x", policy).text).toBe(`password_history=${PARAM}`);
  });

  it.each(["PASSWORD_HISTORY", "TOKEN_TTL", "PASSWORD_ATTEMPTS"])("the audit reads %s as a measure too", (name) => {
    expect(readVarName(name).measures).toBe(true);
  });
});

describe("born and birth as a date of birth's key", () => {
  itStores("%j", (text) => redactString(text, policy).text, [
    ['{"born":"1985-03-12"}', '{"born":"[REDACTED:birth_date]"}'],
    ['{"birth":"1985-03-12"}', '{"birth":"[REDACTED:birth_date]"}'],
    ['{"date_naissance":"1985-03-12"}', '{"date_naissance":"[REDACTED:birth_date]"}'],
    ['{"fecha_nacimiento":"1985-03-12"}', '{"fecha_nacimiento":"[REDACTED:birth_date]"}'],
    ["user born 1990-04-12 registered", "user born [REDACTED:birth_date] registered"],
  ]);

  it.each(["Build #1234 born 2026-12-01 promoted", "firstborn 1990-04-12"])("keeps %j", expectUnchanged);
});

describe("a password in prose", () => {
  itStores("%j", (text) => redactString(text, policy).text, [
    ['Login with password "hunter2hunter2"', `Login with password "${PARAM}"`],
    ['User 42 set password "S3cr3t!pass"', `User 42 set password "${PARAM}"`],
    ['password "Hunter2" rejected', `password "${PARAM}" rejected`],
    ["password is hunter2x", `password is ${PARAM}`],
    ["password%3Dhunter2x", `password%3D${PARAM}`],
    ["next=%2Fcb%3Fuser%3Dana%26token%3DAbC123xyz9", `next=%2Fcb%3Fuser%3Dana%26token%3D${PARAM}`],
  ]);

  it.each([
    "password is required",
    "password is too short",
    "password is 8 characters",
    'password "reset" link sent',
    'password "********" kept',
    "next=%2Fcb%3Fuser%3Dana",
  ])("keeps %j", expectUnchanged);
});

describe("look-alikes", () => {
  it.each(["we post code 12345 reviews daily", "please post code 404 to the channel"])("keeps %j: a verb and its object", expectUnchanged);

  itStores("still reads the noun: %j", (text) => redactString(text, policy).text, [
    ["post code 12345", "post code [REDACTED:postal_code]"],
    ["post code: 12345", "post code: [REDACTED:postal_code]"],
  ]);

  it("keeps a number under a graphics key ending in pix that is no PIX key's type", () => {
    const { values } = storedLogAttributes([
      attr("image.pix", "1234567890"),
      attr("camera.pix", "12000000000"),
      attr("payment.pix", "12345678901"),
      attr("order.pix", "52998224725"),
      attr("cliente.pix", "+5511987654321"),
    ]);
    expect(values).toEqual({
      "image.pix": "1234567890",
      "camera.pix": "12000000000",
      "payment.pix": "12345678901",
      "order.pix": "[REDACTED:pix_key]",
      "cliente.pix": "[REDACTED:pix_key]",
    });
  });
});

describe("an English street type before the house number, then a postal code and town", () => {
  itStores("%j", (text) => redactString(text, policy).text, [
    ["shipping address updated: Main St 5, 10115 Berlin", "shipping address updated: [REDACTED:street_address]"],
    ["Baker Street 221, 1012 LG Amsterdam", "[REDACTED:street_address]"],
  ]);
});
