/**
 * Attribute names lifting writes beside the body's own keys, read by redaction too (kept in a
 * module of their own so that redaction does not load lifting).
 */

/** The semantic-convention attribute for the log line exactly as the producer wrote it. */
export const ORIGINAL_RECORD_ATTRIBUTE = "log.record.original";

/**
 * Where a body's value goes when the record already has its key with other text: `name` from a
 * pino or bunyan line beside Cloudflare's `name = "log"` is stored as `log.name`.
 */
export const BODY_KEY_PREFIX = "log.";
