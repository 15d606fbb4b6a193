/**
 * A secret's name followed by a word saying its state (`token=expired`, `Password: too short`,
 * jsonwebtoken's `Invalid token: jwt expired`): no secret's value, kept in prose, quoted, in a
 * URL's query and under an attribute's key alike. Words that are also passwords (`default`, `ok`,
 * `new`), and any word in a connection string, a flag or an environment variable, are the secret and go.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy } from "../../workers/ingest/core/redact";
import { storedLogAttributes, scannedText } from "../support/redaction";
import { itKeeps, itStores } from "../support/redaction-cases";

const redacted = (text: string) => scannedText(text, defaultRedactionPolicy()).text;

describe("a state word after a secret's name stays", () => {
  itKeeps("%s", redacted, [
    "request failed token=expired retry=false",
    "request failed, token: invalid",
    "Token: expired",
    "Password: too short",
    "request failed password=incorrect retry=false",
    "request failed, password: required",
    "session=expired user=42",
    "credentials=invalid",
    "api_key=missing",
    "secret=rotated",
    "auth=failed",
    "pin=required",
    "Error: Invalid token: jwt expired",
    "Error: Invalid token: jwt expired\n    at /app/node_modules/jsonwebtoken/verify.js:190:21",
    "Senha: incorreta",
    "session=active",
    "token: not set",
    "credentials: empty",
    "api_key=revoked",
  ]);

});

describe("a value that is no state word still goes", () => {
  itStores("%s", redacted, [
    ["token=expired-ab12cd34", "token=[REDACTED:secret_param]"],
    ["password=hunter2", "password=[REDACTED:secret_param]"],
    ["Authorization: Bearer abc.def.ghi", "Authorization: Bearer [REDACTED:bearer]"],
    ["postgres://app:rotated@db.internal:5432/orders", "postgres://app:[REDACTED:url_credentials]@db.internal:5432/orders"],
  ]);
});

/** Words a probe found kept as real passwords: they are passwords as often as states. */
const PASSWORD_WORDS = ["default", "Default", "changed", "reset", "new", "set", "valid", "pending", "ok", "Strong", "too"];

describe("a word that is also a password goes wherever it is written", () => {
  it.each(PASSWORD_WORDS)("in prose: password=%s", (word) => {
    expect(redacted(`login attempt user=ana password=${word} from 10.0.0.5`)).toBe("login attempt user=ana password=[REDACTED:secret_param] from 10.0.0.5");
  });

  it.each(PASSWORD_WORDS)("under attribute keys: %s", (word) => {
    expect(storedLogAttributes([{ key: "password", value: { stringValue: word } }, { key: "db.password", value: { stringValue: word } }]).values).toEqual({
      password: "[REDACTED:secret]",
      "db.password": "[REDACTED:secret]",
    });
  });

  itStores("%s", redacted, [
    ['{"password":"default"}', '{"password":"[REDACTED:secret_param]"}'],
    ["GET /login?user=ana&password=default", "GET /login?user=ana&password=[REDACTED:secret_param]"],
    ["jdbc:mysql://db:3306/app?user=root&password=default", "jdbc:mysql://db:3306/app?user=root&password=[REDACTED:secret_param]"],
    ["host=db user=app password=default", "host=db user=app password=[REDACTED:secret_param]"],
    ["mysql --password=default", "mysql --password=[REDACTED:secret_param]"],
    ["PGPASSWORD=default psql -h db", "PGPASSWORD=[REDACTED:secret_param] psql -h db"],
    ["export DB_PASSWORD=set", "export DB_PASSWORD=[REDACTED:secret_param]"],
  ]);
});

describe("a state word is read alike in prose, quoted, in a query and under an attribute's key", () => {
  itKeeps("keeps %s", redacted, ['password="expired"', '{"token":"revoked"}', "GET /login?user=ana&password=expired", "GET /login?token=not+set&x=1"]);

  it("under an attribute's key", () => {
    expect(storedLogAttributes([{ key: "token", value: { stringValue: "expired" } }]).values).toEqual({ token: "expired" });
  });
});

describe("a state word handed to a program is the secret", () => {
  itStores("%s", redacted, [
    ["PGPASSWORD=expired psql", "PGPASSWORD=[REDACTED:secret_param] psql"],
    ["mysql --password=expired", "mysql --password=[REDACTED:secret_param]"],
  ]);
});
