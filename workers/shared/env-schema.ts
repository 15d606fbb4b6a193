import * as z from "zod/mini";

/**
 * Building blocks for validating a Worker's vars and secrets with zod/mini.
 *
 * Wrangler delivers vars as strings, numbers or booleans depending on how they were written,
 * and secrets always as strings, so every field accepts the string spelling too. Each field
 * carries its own message because zod/mini ships without English error texts (they would cost
 * bundle size), and an operator needs to read which setting is wrong and why.
 */

const TRUE_WORDS = ["true", "1", "yes", "on"];
const FALSE_WORDS = ["false", "0", "no", "off"];

/**
 * A switch: true/1/yes/on or false/0/no/off (any case), a JSON boolean, or blank. A blank value
 * (`""`, spaces) is the default, as if the var were unset: a dashboard field cleared or a
 * `KEY=` line in .dev.vars means "no value", and reading it as false would turn a feature off
 * (metrics, redaction) without a word.
 */
export function booleanSetting(defaultValue: boolean) {
  return z._default(
    z.pipe(
      z.union([z.boolean(), z.string()]),
      z.transform((value, ctx) => {
        if (typeof value === "boolean") return value;
        const word = value.trim().toLowerCase();
        if (word === "") return defaultValue;
        if (TRUE_WORDS.includes(word)) return true;
        if (FALSE_WORDS.includes(word)) return false;
        ctx.issues.push({
          code: "custom",
          input: value,
          message: `must be true or false, got ${JSON.stringify(value)}`,
        });
        return z.NEVER;
      }),
    ),
    defaultValue,
  );
}

const DECIMAL_INTEGER = /^-?\d+$/;

/**
 * A whole number from `min` to `max`: a JSON number, decimal digits (an optional minus sign,
 * spaces around), or blank, which is the default as for a switch (`booleanSetting`). Not what
 * `Number()` also reads (`"1e1"`, `"0x3"`, `"0b11"`, `"3."`): an operator who wrote those meant
 * something else, and a value read differently from how it reads is worse than one refused with
 * its name.
 */
export function integerSetting(defaultValue: number, min: number, max: number) {
  return z._default(
    z.pipe(
      z.union([z.number(), z.string()]),
      z.transform((value, ctx) => {
        if (typeof value === "string" && value.trim() === "") return defaultValue;
        const parsed = typeof value === "number" ? value : Number(value.trim());
        if (
          (typeof value === "string" && !DECIMAL_INTEGER.test(value.trim())) ||
          !Number.isInteger(parsed) ||
          parsed < min ||
          parsed > max
        ) {
          ctx.issues.push({
            code: "custom",
            input: value,
            message: `must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`,
          });
          return z.NEVER;
        }
        return parsed;
      }),
    ),
    defaultValue,
  );
}

/** A comma-separated list; blanks are dropped so `"a, b,"` is `["a", "b"]`. */
export function listSetting() {
  return z._default(
    z.pipe(
      z.string({ error: "must be a comma-separated list" }),
      z.transform((value) =>
        value
          .split(",")
          .map((item) => item.trim())
          .filter((item) => item.length > 0),
      ),
    ),
    [],
  );
}

/** A ClickHouse identifier (database or table name): never built from request data. */
export function identifierSetting(defaultValue: string) {
  return z._default(
    z.string().check(
      z.regex(/^[A-Za-z_][A-Za-z0-9_]*$/, {
        error: (issue) =>
          `must be a plain identifier (letters, digits, underscore), got ${JSON.stringify(issue.input)}`,
      }),
    ),
    defaultValue,
  );
}

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/** Parse `env` with `schema`, or throw a ConfigError naming every bad setting. */
export function parseSettings<T extends z.ZodMiniType>(
  schema: T,
  env: Record<string, unknown>,
  workerName: string,
): z.output<T> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const setting = issue.path.join(".") || "(settings)";
    const message =
      issue.message === "Invalid input" && issue.code === "invalid_type"
        ? `is required (expected ${String((issue as { expected?: unknown }).expected)})`
        : issue.message;
    return `${setting} ${message}`;
  });
  return failWith(`${workerName} configuration is invalid: ${problems.join("; ")}`);
}

function failWith(message: string): never {
  throw new ConfigError(message);
}
