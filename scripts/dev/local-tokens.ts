/**
 * `npm start -- --token`: the ingest Worker's `INGEST_TOKENS` as a deployment sets it (a bare
 * secret, `NAME:SECRET`, `NAME:SECRET:SERVICE|…`, comma-separated or a JSON array), read by the
 * Worker's own parser, so scopes and their 403 can be tried locally; and which of the tokens each
 * local sender presents.
 */
import { UsageError } from "../../cli/flags";
import { DEFAULT_TOKEN } from "./defaults";
import { serviceInScope } from "../../workers/ingest/core/access";
import { readIngestTokens, type IngestToken } from "../../workers/ingest/http/tokens";

export interface LocalTokens {
  /** As given: the ingest Worker's INGEST_TOKENS, which parses it again. */
  setting: string;
  /** In the order given; at least one. */
  tokens: readonly IngestToken[];
  /** Where the setting came from, `--token` or `$INGEST_TOKEN`, for a fault or a fix to name. */
  from: string;
}

/**
 * The tokens `text` lists, as the ingest Worker reads INGEST_TOKENS; a UsageError naming every
 * malformed entry by position (never a secret), or an empty list: a local run with no token
 * would refuse every sender.
 */
export function parseLocalTokens(text: string, flag: string): LocalTokens {
  const read = readIngestTokens(text);
  if (!read.ok) throw new UsageError(`${flag} is the ingest Worker's INGEST_TOKENS, and ${read.error}`);
  if (read.tokens.length === 0) throw new UsageError(`${flag} lists no token: give a bearer token, or entries as INGEST_TOKENS takes them`);
  return { setting: text, tokens: read.tokens, from: flag };
}

/**
 * The tokens `npm start` and `npm run demo` read alike: `--token` (`flag`), else `$INGEST_TOKEN`,
 * else the default; a fault names where the value came from.
 */
export function readLocalTokens(flag: string | undefined, env: NodeJS.ProcessEnv): LocalTokens {
  if (flag !== undefined) return parseLocalTokens(flag, "--token");
  return env.INGEST_TOKEN === undefined ? parseLocalTokens(DEFAULT_TOKEN, "--token") : parseLocalTokens(env.INGEST_TOKEN, "$INGEST_TOKEN");
}

/** The token a local sender presents, and whether it may write the sender's `service.name`. */
export interface SenderToken {
  token: IngestToken;
  inScope: boolean;
}

/**
 * The token a local sender of `serviceName` presents: the first whose scope takes that service,
 * else the first of all, which the Worker then refuses with 403 (`inScope` false, for the
 * banner to say so): a list without a token for the producer is one a user may try on purpose.
 */
export function tokenFor(local: LocalTokens, serviceName: string): SenderToken {
  const inScope = local.tokens.find((token) => token.services === undefined || serviceInScope(token.services, serviceName));
  return inScope === undefined ? { token: local.tokens[0]!, inScope: false } : { token: inScope, inScope: true };
}
