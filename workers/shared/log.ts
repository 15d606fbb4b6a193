/**
 * The Workers' own logs: one JSON object per line, so Workers Logs, `wrangler tail` and our
 * own ingest can filter them by field. Never pass secrets or tokens in `fields`.
 */
export type LogLevel = "debug" | "info" | "warn" | "error";

export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  log(level: LogLevel, msg: string, fields?: LogFields): void;
}

export function jsonLogger(base: LogFields): Logger {
  return {
    log(level, msg, fields) {
      const line = JSON.stringify({ level, msg, ...base, ...fields });
      if (level === "error") console.error(line);
      else if (level === "warn") console.warn(line);
      else console.log(line);
    },
  };
}

/** `logger` with `fields` on each of its lines (a line's own fields of the same name win). */
export function withFields(logger: Logger, fields: LogFields): Logger {
  return { log: (level, msg, own) => logger.log(level, msg, { ...fields, ...own }) };
}
