/**
 * What is no credential under a credential's name: a whole number under a name that counts or
 * bounds (`max_token`, `num_session_ids`, `token_limit`, `session_ids`: the words the wiring
 * audit reads too), a session's state word (`session=closed`), a hash of a session's id
 * (`session.id_hash`). The credential itself under the same names still goes.
 */
import { describe, expect, it } from "vitest";
import { sessionMarker } from "../support/redaction";
import { readVarName } from "../../audit/core/var-names";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { itKeepsUncounted, itStores } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const PARAM = "[REDACTED:secret_param]";

describe("kept: counts, bounds, states, hashes of an id", () => {
  itKeepsUncounted("%j", (text) => redactString(text, policy), [
    "max_token := 4096", "max_token=4096", "max_token = 4096", "num_session_ids=4", "session_ids=3", "token_limit=100",
    "password_count=3", '{"max_token":4096}',
    "session=closed", "session=new", "session=open", "session=expired", "user_session=open", "?session=new&page=2",
    "session.id_hash=ab12", "session_id_sha256=ab12cd", "session_id_md5=9f86d081",
  ]);
});

describe("redacted: the credential under the same names", () => {
  itStores("%j", (text) => redactString(text, policy).text, [
    ["max_token=AbC123xyz9", `max_token=${PARAM}`],
    ["session=abc123def", `session=${sessionMarker("abc123def")}`],
    ["session_id=ab12cd34", `session_id=${sessionMarker("ab12cd34")}`],
    ["session_hash=ab12cd34ef", `session_hash=${PARAM}`],
    ["session_ids=abc123def", `session_ids=${PARAM}`],
    ["pin=1234", `pin=${PARAM}`],
  ]);
});

describe("the audit reads counting words as the redaction does", () => {
  it.each(["TOKEN_MAX", "PASSWORD_HASH_ROUNDS", "API_TOKEN_LIMIT", "TOKEN_COUNT"])("%s measures", (name) => {
    expect(readVarName(name).measures).toBe(true);
  });
  it("a password's name measures nothing", () => {
    expect(readVarName("DB_PASSWORD").measures).toBe(false);
  });
});
