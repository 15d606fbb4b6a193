/**
 * The instrumentation scope name of Cloudflare's Workers Observability export ("destinations"):
 * every log record and span it sends is in a scope of this name, without a version. What is
 * recognised as the export's (its blanket severity, its invocation records, its destination test)
 * is recognised inside this scope only.
 */
export const CLOUDFLARE_EXPORT_SCOPE = "workers-observability";
