import * as z from "zod/mini";
import { DEFAULT_LIFT_MAX_DEPTH } from "./lift";

/**
 * What normalization does to log records. Lifting and severity are on by default; turning both
 * off gives log columns as the OpenTelemetry Collector's clickhouseexporter would write them
 * (the resource's `service.version` fill from Cloudflare's version attributes always applies).
 *
 * Built in a call marked pure, as the defaults' parse below is: the ingest Worker reads these
 * settings through its own env schema and names neither, so its bundle leaves both out instead
 * of building and running them at every start. (A pure mark covers one call, and the
 * `z.int(…).check(…)` inside is a method call a bundler must otherwise keep.)
 */
export const NormalizationOptionsSchema = /* @__PURE__ */ (() =>
  z.object({
    liftJsonBodies: z._default(z.boolean({ error: "must be true or false" }), true),
    normalizeSeverity: z._default(z.boolean({ error: "must be true or false" }), true),
    /** Keep a lifted body, exactly as written, in the `log.record.original` attribute. */
    keepOriginal: z._default(z.boolean({ error: "must be true or false" }), false),
    /** Nesting levels flattened into dotted keys; anything deeper is stored as JSON text. */
    maxDepth: z._default(
      z.int({ error: "must be a whole number" }).check(
        z.gte(1, { error: "must be at least 1" }),
        z.lte(16, { error: "must be at most 16" }),
      ),
      DEFAULT_LIFT_MAX_DEPTH,
    ),
  }))();

export type NormalizationOptions = z.output<typeof NormalizationOptionsSchema>;

export const DEFAULT_NORMALIZATION_OPTIONS: NormalizationOptions = /* @__PURE__ */ NormalizationOptionsSchema.parse({});
