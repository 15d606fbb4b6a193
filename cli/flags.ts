import { parseArgs, type ParseArgsConfig } from "node:util";

/** A wrong flag or variable: reported with the usage text instead of a stack trace. */
export class UsageError extends Error {
  override name = "UsageError";
}

/**
 * What a command prints for a UsageError: the message on one line, then the command that
 * prints the usage (`npm run dashboards -- --help`). Not the usage itself: a screen of flags
 * after a one-line mistake scrolls the mistake out of sight.
 */
export function usageErrorText(message: string, helpCommand: string): string {
  return `${message}\nRun "${helpCommand}" for the usage.`;
}

/** `parseArgs` with unknown or malformed flags reported as a UsageError. */
export function parseFlags<T extends NonNullable<ParseArgsConfig["options"]>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, strict: true }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** A TCP port from a flag or variable; 0 means "any free port". */
export function parsePort(text: string, name: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) {
    throw new UsageError(`${name} must be a port number (0 for any free port), got "${text}"`);
  }
  return port;
}

/**
 * One bearer secret, as `npm start` both accepts (as the ingest Worker's only INGEST_TOKENS
 * entry) and hands the example producer: a `:`, `,` or space would make that entry a
 * NAME:SECRET or a list, which the producer's `Authorization: Bearer` header never matches.
 */
export function parseBearerToken(text: string, name: string): string {
  if (!/^[^\s:,]+$/.test(text)) {
    throw new UsageError(
      `${name} must be one bearer token, without ":", "," or spaces (the local run sends it as the producer's Authorization: Bearer), got "${text}"`,
    );
  }
  return text;
}
