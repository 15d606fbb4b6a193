import { Evidence } from "../evidence";
import { REDIS_COMMAND_SOURCE, commandContext, redisPasswords } from "../redis-commands";
import { standsForSecret } from "../secret-names";
import type { Detector } from "./detector";

/** The kind a Redis command's password counts as: a credential, as under a key naming one. */
export const REDIS_PASSWORD_KIND = "secret";

/**
 * Passwords in Redis commands written as text (`redis-commands.ts`): `AUTH default R3dis` is
 * stored `AUTH default [REDACTED:secret]`, wherever the command is (a span's `db.statement` or
 * `db.query.text` whatever its `db.system`, a span name, a log Body) and however it is printed
 * (a line, redis-cli's prompt, MONITOR, ioredis' debug line, JSON, RESP). The command is
 * rewritten up to its last password; what follows is scanned again by the other detectors.
 */
export const redisCommandDetector: Detector = {
  kind: REDIS_PASSWORD_KIND,
  source: REDIS_COMMAND_SOURCE,
  evidence: Evidence.REDIS_COMMAND,
  rewrite: (match, marker, scanned, start) => {
    const passwords = redisPasswords(match, standsForSecret, () => commandContext(scanned, start, start + match.length));
    if (passwords.length === 0) return undefined;
    let text = "";
    let kept = 0;
    for (const { start, end } of passwords) {
      text += `${match.slice(kept, start)}${marker}`;
      kept = end;
    }
    return { text, kind: REDIS_PASSWORD_KIND, length: kept };
  },
};
