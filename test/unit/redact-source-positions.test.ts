/**
 * A source file's position (`token.go:42`, `(Secret.java:42)`, `secret.js:12:5`): a file named
 * for a credential reads as a secret's name with a member (`secrets.db: …`), but the number glued
 * after its colon is a line in a stack trace, a compiler's message or a logger's caller field,
 * no credential's value. A value after such a name that is no line number still goes.
 */
import { describe } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { itKeepsUncounted, itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const redact = (text: string) => redactString(text, policy);
const PARAM = "[REDACTED:secret_param]";

describe("a source file named for a credential", () => {
  itKeepsUncounted("%s keeps its line", redact, [
    "\t/app/internal/auth/token.go:42 +0x1d",
    "\t/go/pkg/mod/github.com/golang-jwt/jwt/v5@v5.2.0/token.go:98 +0x2a",
    "goroutine 1 [running]:\nmain.loadSecret(...)\n\t/app/secret.go:12\nmain.main()\n\t/app/main.go:8 +0x1d",
    "ts=2024-01-01 caller=secret.go:88 level=info msg=loaded",
    '{"level":"info","caller":"auth/password.go:42","msg":"hashed"}',
    "\tat com.acme.Secret.load(Secret.java:42)",
    "    at Object.<anonymous> (/app/src/secret.js:12:5)",
    "app/models/api_key.rb:12:in `generate'",
    "thread 'main' panicked at src/secret.rs:42:5:",
    'token.py:42: DeprecationWarning: "utcnow" is deprecated',
    "\tat com.acme.Token.load(Token.kt:42)",
    "secret.c:42:3: warning: unused variable 'x'",
    "./passwd.go:7:2: declared and not used: x",
    "session.rb:12:in `start'",
    "apikey.go:7",
    "secret.yaml:12:3: error: wrong indentation",
    "   at Acme.Auth.Token.Load() in C:\\src\\Auth\\Token.cs:line 42",
    "password.properties:12",
    "\tat org.apache.jsp.login_jsp._jspService(password.jsp:42)",
    '{"msg":"{\\"caller\\":\\"auth/token.go:42\\"}"}',
    "\tat com.acme.Secret.load(Secret.java:42)\\n\\tat com.acme.Main.main(Main.java:7)",
    "[secret.go:42, token.go:7]",
    // A blank ends the position: a zap console line's message, a Go frame's offset, follow it.
    "2024-01-01T00:00:00Z\tINFO\tauth/password.go:42\tpassword changed for user 42",
    "secret.go:42 hunter2",
  ]);

  itStoresCounting("%s still hides a value that is no line", redact, { secret_param: 1 }, [
    ["password.go:hunter2x", `password.go:${PARAM}`],
    ["token.go:42abc", `token.go:${PARAM}`],
    ["secret.go: 42", `secret.go: ${PARAM}`],
    // A member that is no source file's extension is the name's, and its number the secret.
    ["password.db:48213977", `password.db:${PARAM}`],
    ["db.password:48213977", `db.password:${PARAM}`],
    // Anything but a position's end glued to the number makes it a value.
    ["password.go:1234!Abcd", `password.go:${PARAM}`],
    ["token.js:1.Zx9hunter2SecretAbc123", `token.js:${PARAM}`],
    ["session.rb:1234567/Zx9hunter2SecretAbc", `session.rb:${PARAM}`],
    ["secret.json:4821-3977-1234-5678", `secret.json:${PARAM}`],
    ["password.go:42:hunter2", `password.go:${PARAM}`],
    ["token.go:1:2:token.go:1:2:", `token.go:${PARAM}`],
  ]);
});
