import * as z from "zod/mini";

/**
 * What normalization does to log records. Both steps are on by default; turning them off gives
 * rows exactly as the OpenTelemetry Collector's clickhouseexporter would write them.
 */
export const NormalizationOptionsSchema = z.object({
  liftJsonBodies: z._default(z.boolean({ error: "must be true or false" }), true),
  normalizeSeverity: z._default(z.boolean({ error: "must be true or false" }), true),
  /** Nesting levels flattened into dotted keys; anything deeper is stored as JSON text. */
  maxDepth: z._default(
    z.int({ error: "must be a whole number" }).check(
      z.gte(1, { error: "must be at least 1" }),
      z.lte(16, { error: "must be at most 16" }),
    ),
    4,
  ),
});

export type NormalizationOptions = z.output<typeof NormalizationOptionsSchema>;

export const DEFAULT_NORMALIZATION_OPTIONS: NormalizationOptions = NormalizationOptionsSchema.parse({});
