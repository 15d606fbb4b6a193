/**
 * Two shapes the scanner kept whole: go-sql-driver/mysql's DSN (`user:password@tcp(host:port)/db`,
 * `@unix(/path)`, `@/db`), whose password goes as a URL's does (`url_credentials`) while its user,
 * network, address and database stay; and a card's magnetic stripe track 1
 * (`%B<PAN>^<NAME>^<data>?`), whose PAN and holder's name go as one `card` find, as track 2's PAN is
 * one. Look-alikes that are no DSN (a time of day before `@tcp(`, e-mail addresses, git's
 * `git@host:org/repo`, a module alias's `@/`) and no track (a PAN failing Luhn, a `^` elsewhere) stay.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { redactedLogBody, storedLogAttributes } from "../support/redaction";
import { itKeepsUncounted, itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const redact = (text: string) => redactString(text, policy);
const URL_CREDENTIALS = "[REDACTED:url_credentials]";
const CARD = "[REDACTED:card]";

describe("a Go MySQL DSN's password", () => {
  itStoresCounting("%j", redact, { url_credentials: 1 }, [
    ["dsn=app:S3cr3tPass@tcp(db:3306)/orders?parseTime=true", `dsn=app:${URL_CREDENTIALS}@tcp(db:3306)/orders?parseTime=true`],
    [
      "[mysql] 2026/12/04 10:00:00 connection.go:49: dial app:S3cr3tPass@tcp(10.0.3.17:3306)/orders failed",
      `[mysql] 2026/12/04 10:00:00 connection.go:49: dial app:${URL_CREDENTIALS}@tcp(10.0.3.17:3306)/orders failed`,
    ],
    ['sql.Open("mysql", "root:S3cr3tPass@tcp(127.0.0.1:3306)/shop")', `sql.Open("mysql", "root:${URL_CREDENTIALS}@tcp(127.0.0.1:3306)/shop")`],
    ["app:S3cr3tPass@unix(/var/run/mysqld/mysqld.sock)/orders", `app:${URL_CREDENTIALS}@unix(/var/run/mysqld/mysqld.sock)/orders`],
    ["MYSQL_DSN=app:S3cr3tPass@/orders?charset=utf8mb4", `MYSQL_DSN=app:${URL_CREDENTIALS}@/orders?charset=utf8mb4`],
    ["opening app:S3cr3tPass@tcp6([::1]:3306)/orders", `opening app:${URL_CREDENTIALS}@tcp6([::1]:3306)/orders`],
    ["app:S3cr3tPass@tcp/orders", `app:${URL_CREDENTIALS}@tcp/orders`],
    // As the driver splits it: the user ends at its first `:`, the password at the last `@`.
    ["dsn=app:p@ss:w0rd@tcp(db:3306)/orders", `dsn=app:${URL_CREDENTIALS}@tcp(db:3306)/orders`],
    ['{"dsn":"app:S3cr3tPass@tcp(db:3306)/orders"}', `{"dsn":"app:${URL_CREDENTIALS}@tcp(db:3306)/orders"}`],
    // A URL's userinfo stays the URL detector's, counted once.
    ["mysql://app:S3cr3tPass@tcp(db:3306)/orders", `mysql://app:${URL_CREDENTIALS}@tcp(db:3306)/orders`],
  ]);

  itKeepsUncounted("%j", redact, [
    // A time of day before the `@`, no logon.
    "lunch at 12:30@tcp(cafe) tomorrow",
    "ts=10:00:00@tcp(db:3306)/orders",
    // A password standing for one, and one already redacted.
    "dsn=app:${DB_PASSWORD}@tcp(db:3306)/orders",
    `dsn=app:${URL_CREDENTIALS}@tcp(db:3306)/orders`,
    // No password: the user alone.
    "dsn=app@tcp(db:3306)/orders",
    "git@github.com:org/repo.git",
    "cloned git@github.com:acme/orders.git at 12:30",
    "import Foo from '@/components/Foo.vue'",
    "see db:3306@primary for orders",
  ]);

  it("keeps the user, address and database in a log body and an attribute", () => {
    expect(redactedLogBody("dial app:S3cr3tPass@tcp(db:3306)/orders: i/o timeout")).toBe(
      `dial app:${URL_CREDENTIALS}@tcp(db:3306)/orders: i/o timeout`,
    );
    const stored = storedLogAttributes([{ key: "db.connection_string", value: { stringValue: "app:S3cr3tPass@tcp(db:3306)/orders" } }]);
    expect(stored.values["db.connection_string"]).toBe(`app:${URL_CREDENTIALS}@tcp(db:3306)/orders`);
  });
});

describe("a card's magnetic stripe track 1", () => {
  itStoresCounting("%j", redact, { card: 1 }, [
    ["%B4111111111111111^SMITH/JOHN^28121010000000000000?", `%B${CARD}^28121010000000000000?`],
    ["track1=%B5500005555555559^DOE/JANE A.MRS^2512101?", `track1=%B${CARD}^2512101?`],
    // The reader stripped the start sentinel.
    ["swipe B4111111111111111^SMITH/JOHN^2812101?", `swipe B${CARD}^2812101?`],
    // Track 2's PAN is one find too.
    [";4111111111111111=28121010000000000000?", `;${CARD}=28121010000000000000?`],
  ]);

  it("counts both tracks of one swipe, a find each", () => {
    expect(redact("%B4111111111111111^SMITH/JOHN^2812101?;4111111111111111=2812101?")).toEqual({
      text: `%B${CARD}^2812101?;${CARD}=2812101?`,
      counts: { card: 2 },
    });
  });

  itKeepsUncounted("%j", redact, [
    // No PAN: the Luhn check fails, or no issuer issues it.
    "%B4111111111111112^SMITH/JOHN^28121010000000000000?",
    "%B1234567890123452^SMITH/JOHN^2812101?",
    "regex ^B4111111111111111$ anchors",
    "exp=2^53 limit 1234567890123456",
  ]);
});
