/**
 * A print_r member written in prose ends its value at a comma or a sentence's end; a mask, a
 * placeholder or a state the sender wrote, in parentheses too (`(empty)`), keeps what follows; a
 * member alone on its line ends with its sentence when another follows. A technical name after
 * a sender's mask (a charset, a signature algorithm, a cipher) is no password.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { itKeepsUncounted, itStores } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const PARAM = "[REDACTED:secret_param]";

describe("a print_r member in prose", () => {
  itStores("%j", (text) => redactString(text, policy).text, [
    ["debug [password] => hunter2, retrying on db-01.internal", `debug [password] => ${PARAM}, retrying on db-01.internal`],
    ["[password] => hunter2. Next step: restart db-01.internal", `[password] => ${PARAM} Next step: restart db-01.internal`],
    ["login [password] => correct horse battery staple", `login [password] => ${PARAM}`],
    ["[password] => correct horse battery staple", `[password] => ${PARAM}`],
    ["[user] => ana [password] => s3cr3t", `[user] => ana [password] => ${PARAM}`],
  ]);

  it.each(["debug [secret] => (empty) on db-01", "debug [token] => (expired) at 10:00", "debug [password] => [FILTERED] on db-01"])(
    "%j stays",
    (text) => {
      expect(redactString(text, policy)).toEqual({ text, counts: {} });
    },
  );
});

describe("the word after a sender's mask", () => {
  itKeepsUncounted("%j stays", (text) => redactString(text, policy), [
    "password=*** utf8mb4", "password=*** sha1WithRSA", "password=*** sha256WithRSAEncryption", "password=*** latin1",
    "password=*** aes256-gcm", "password=*** ed25519", "password=*** HS256",
  ]);

  itStores("%j", (text) => redactString(text, policy).text, [
    ["password=*** P@ssw0rd!", `password=*** ${PARAM}`],
    ["password=*** s3cr3tX9", `password=*** ${PARAM}`],
  ]);
});
