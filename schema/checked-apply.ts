import { applySchema, type ApplyOutcome, type DdlClient } from "./apply";
import type { SchemaAspect, SchemaDifference } from "./compare";
import { findSchemaDifferences } from "./existing";
import type { SchemaOptions } from "./options";
import { renderSchema } from "./render";

export interface CheckedApply {
  /** Where existing tables differ from what `options` ask (compare.ts); any mismatch stopped the apply. */
  differences: SchemaDifference[];
  /** What was created or found in place; undefined when a mismatch stopped the apply before any statement. */
  outcomes: ApplyOutcome[] | undefined;
}

/**
 * What `schema apply` and `npm start` both do: compare the tables already there with what
 * `options` would create (schema/existing.ts, schema/compare.ts) and, only when none is a
 * mismatch, create whatever is missing (apply.ts). Nothing is created on a mismatch, so a
 * database never ends up with tables of two kinds when only some were missing.
 * `serverVersionAsked`: as for `compareExistingSchema`. `tolerated`: aspects whose mismatches the
 * caller only tells (they come back as notes and do not stop the apply). Errors: the client's.
 */
export async function applySchemaChecked(
  client: DdlClient,
  options: SchemaOptions,
  serverVersionAsked: boolean,
  tolerated: ReadonlyArray<SchemaAspect> = [],
): Promise<CheckedApply> {
  const differences = (await findSchemaDifferences(client, options, serverVersionAsked)).map((difference) =>
    difference.severity === "mismatch" && tolerated.includes(difference.aspect)
      ? { ...difference, severity: "note" as const }
      : difference,
  );
  if (differences.some((difference) => difference.severity === "mismatch")) return { differences, outcomes: undefined };
  return { differences, outcomes: await applySchema(client, renderSchema(options)) };
}
