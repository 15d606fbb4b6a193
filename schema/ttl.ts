const secondsPerUnit = { h: 3600, m: 60, s: 1 } as const;

const durationPattern = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

/**
 * Parses a retention in the exporter's duration notation (Go's `time.Duration`, whole
 * seconds: `72h`, `90m`, `1h30m`, `45s`) into seconds. Returns undefined when it is not one.
 */
export function parseTtlSeconds(text: string): number | undefined {
  const match = durationPattern.exec(text.trim());
  if (!match || text.trim() === "") return undefined;
  const [, hours, minutes, seconds] = match;
  return (
    Number(hours ?? 0) * secondsPerUnit.h +
    Number(minutes ?? 0) * secondsPerUnit.m +
    Number(seconds ?? 0) * secondsPerUnit.s
  );
}

/** ClickHouse's interval units the exporter's TTL uses, largest first, with their seconds. */
const intervalUnits: ReadonlyArray<readonly [string, number]> = [
  ["Day", 86_400],
  ["Hour", 3_600],
  ["Minute", 60],
  ["Second", 1],
];

/** Seconds in the exporter's duration notation, as `--ttl` takes it: 259200 → `72h`, 5400 → `1h30m`. */
export function formatTtl(ttlSeconds: number): string {
  const hours = Math.floor(ttlSeconds / 3600);
  const minutes = Math.floor((ttlSeconds % 3600) / 60);
  const seconds = ttlSeconds % 60;
  const parts = [hours > 0 ? `${hours}h` : "", minutes > 0 ? `${minutes}m` : "", seconds > 0 ? `${seconds}s` : ""];
  return parts.join("") || "0s";
}

/**
 * Reads back a table TTL as ClickHouse prints it in `create_table_query`
 * (`toDateTime(Timestamp) + toIntervalDay(3)`, the `TTL` keyword left out): its time expression
 * and retention in seconds, or undefined for a TTL of another shape (a DBA's own, with `DELETE
 * WHERE`, `TO VOLUME`, several expressions or another arithmetic).
 */
export function readTtl(expression: string): { timeExpression: string; ttlSeconds: number } | undefined {
  const match = /^(.+?) \+ toInterval(Day|Hour|Minute|Second)\((\d+)\)$/.exec(expression.trim());
  const size = intervalUnits.find(([unit]) => unit === match?.[2])?.[1];
  if (!match?.[1] || size === undefined) return undefined;
  return { timeExpression: match[1], ttlSeconds: Number(match[3]) * size };
}

/**
 * The exporter's TTL clause: the largest whole unit (days, hours, minutes, seconds) that
 * divides the retention exactly, added to the table's time expression.
 */
export function ttlClause(ttlSeconds: number, timeExpression: string): string | undefined {
  if (ttlSeconds <= 0) return undefined;
  for (const [unit, size] of intervalUnits) {
    if (ttlSeconds % size === 0) {
      return `TTL ${timeExpression} + toInterval${unit}(${ttlSeconds / size})`;
    }
  }
  return undefined;
}
