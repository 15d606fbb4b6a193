import { timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { ClickHouseException } from "./errors";

export interface Credentials {
  user: string;
  password: string;
}

/** The only account the local server has, like a fresh server's `default` user. */
export const defaultCredentials: Credentials = { user: "default", password: "" };

/**
 * Who the request says it is, in the ways a server accepts: `X-ClickHouse-User`/`-Key`
 * headers, HTTP Basic auth (what @clickhouse/client-web sends), or `user`/`password` URL
 * arguments. A request with none of them is the `default` user without a password.
 */
export function credentialsOf(headers: IncomingHttpHeaders, url: URL): Credentials {
  const headerUser = single(headers["x-clickhouse-user"]);
  if (headerUser !== undefined) return { user: headerUser, password: single(headers["x-clickhouse-key"]) ?? "" };
  const basic = /^Basic\s+(.+)$/i.exec(headers.authorization ?? "");
  if (basic) {
    const decoded = Buffer.from(basic[1]!, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    return colon === -1
      ? { user: decoded, password: "" }
      : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  return {
    user: url.searchParams.get("user") ?? defaultCredentials.user,
    password: url.searchParams.get("password") ?? "",
  };
}

/** Refuses anyone but the configured user with the configured password, as a server does. */
export function authenticate(given: Credentials, expected: Credentials): void {
  if (given.user === expected.user && sameSecret(given.password, expected.password)) return;
  throw new ClickHouseException(
    516,
    `${given.user}: Authentication failed: password is incorrect, or there is no user with such name.`,
    "AUTHENTICATION_FAILED",
  );
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
