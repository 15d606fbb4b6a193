import { createClient } from "@clickhouse/client-web";
import { applySchema, queryServerVersion, renderSchema, resolveSchemaOptions } from "../../schema/index";

/**
 * Creates whatever the default schema (current generation, database `otel`) is missing;
 * a second run finds everything in place and changes nothing. Returns how many objects it created.
 */
export async function applyDefaultSchema(clickhouseUrl: string): Promise<number> {
  const client = createClient({ url: clickhouseUrl });
  try {
    const serverVersion = await queryServerVersion(client);
    const outcomes = await applySchema(client, renderSchema(resolveSchemaOptions({ serverVersion })));
    return outcomes.filter((outcome) => outcome.result === "created").length;
  } finally {
    await client.close();
  }
}
