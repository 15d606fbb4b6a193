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

/**
 * The exporter's TTL clause: the largest whole unit (days, hours, minutes, seconds) that
 * divides the retention exactly, added to the table's time expression.
 */
export function ttlClause(ttlSeconds: number, timeExpression: string): string | undefined {
  if (ttlSeconds <= 0) return undefined;
  const units: ReadonlyArray<readonly [string, number]> = [
    ["Day", 86_400],
    ["Hour", 3_600],
    ["Minute", 60],
    ["Second", 1],
  ];
  for (const [unit, size] of units) {
    if (ttlSeconds % size === 0) {
      return `TTL ${timeExpression} + toInterval${unit}(${ttlSeconds / size})`;
    }
  }
  return undefined;
}
