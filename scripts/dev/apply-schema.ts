import { createClient } from "@clickhouse/client-web";
import { quoteForShell } from "./quote-for-shell";
import {
  applySchemaChecked,
  describeDifference,
  queryServerVersion,
  resolveSchemaOptions,
  type SchemaAspect,
  type SchemaDifference,
} from "../../schema/index";

/**
 * Mismatches the local start only tells: a TTL on local tables deletes old rows but changes
 * nothing the Workers write, and `npm start` has no flag that could ask for one.
 */
const TOLERATED_LOCALLY: ReadonlyArray<SchemaAspect> = ["TTL"];

export interface LocalSchema {
  /** Schema objects this start created; 0 when the data directory already had them all. */
  created: number;
  /** Differences that do not stop the start (compare.ts' notes and the tolerated aspects), one line each. */
  warnings: string[];
}

/** The local tables differ from what the Workers write into; the message says how and what to do. */
export class LocalSchemaMismatchError extends Error {
  override readonly name = "LocalSchemaMismatchError";
  constructor(
    readonly differences: ReadonlyArray<SchemaDifference>,
    dataDir: string,
  ) {
    super(describeLocalMismatch(differences, dataDir));
  }
}

/**
 * Checks the tables the local ClickHouse already has, as `npm run schema -- apply` does (same
 * comparison: schema/checked-apply.ts), then creates whatever the default schema (current
 * generation, database `otel`) is missing; a second run finds everything in place and changes
 * nothing. Throws LocalSchemaMismatchError, having created nothing, when an existing table is of
 * another generation, engine or deduplication window than the Workers expect.
 */
export async function applyDefaultSchema(clickhouseUrl: string, dataDir: string): Promise<LocalSchema> {
  const client = createClient({ url: clickhouseUrl });
  try {
    const options = resolveSchemaOptions({ serverVersion: await queryServerVersion(client) });
    const { differences, outcomes } = await applySchemaChecked(client, options, false, TOLERATED_LOCALLY);
    if (outcomes === undefined) {
      throw new LocalSchemaMismatchError(
        differences.filter((difference) => difference.severity === "mismatch"),
        dataDir,
      );
    }
    return {
      created: outcomes.filter((outcome) => outcome.result === "created").length,
      warnings: differences.map(describeDifference),
    };
  } finally {
    await client.close();
  }
}

/**
 * The lines `npm start` prints on a mismatch: each difference (table, what is there with the
 * column that shows it, what the Workers expect), then the two ways out: a fresh data folder, or
 * the `ALTER TABLE`s that keep the rows where every difference can be changed in place.
 */
export function describeLocalMismatch(mismatches: ReadonlyArray<SchemaDifference>, dataDir: string): string {
  const changes = mismatches.map((difference) => difference.change);
  const lines = [
    `the tables in ${dataDir} differ from the schema npm start uses (current generation, database otel), ` +
      "so no Worker was started and nothing was changed:",
    ...mismatches.map((difference) => `  ${describeDifference(difference)}`),
    `To start afresh, remove the local data folder (its rows are lost) and run npm start again:`,
    `  rm -rf ${quoteForShell(dataDir)}`,
  ];
  if (changes.every((change) => change !== undefined)) {
    lines.push(
      `To keep the rows, change the tables in place: run npm run clickhouse -- --data ${quoteForShell(dataDir)}, ` +
        "send it these statements (curl http://127.0.0.1:8123 --data-binary '…'), stop it and run npm start again:",
      ...changes.map((sql) => `  ${sql};`),
    );
  } else {
    lines.push(
      "A table's generation or engine cannot be changed in place. To keep the rows, serve the folder alone " +
        `(npm run clickhouse -- --data ${quoteForShell(dataDir)}) and copy them out before removing it.`,
    );
  }
  return lines.join("\n");
}
