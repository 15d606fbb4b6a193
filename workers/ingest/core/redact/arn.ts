/**
 * Amazon Resource Names (AWS General Reference, "Amazon Resource Names (ARNs)"):
 * `arn:partition:service:region:account-id:resource`, the resource written as `type/id`,
 * `type:id` or `id` (`arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf`).
 * An ARN names a resource, never holds its contents: the words in it (`secret`, `key`, `token`)
 * are resource types, and what follows them is a name, kept as every name of a service's
 * infrastructure is.
 */
const ARN_HEAD = String.raw`arn:aws(?:-[a-z]+)*:[a-z0-9-]+:[a-z0-9-]*:(?:\d{12}|aws)?:`;
const RESOURCE = String.raw`[\w/.,+=@:-]`;
const WHOLE_ARN = new RegExp(`^${ARN_HEAD}${RESOURCE}+$`);
/** An ARN's head and its resource up to a position: `…:123456789012:secret`. */
const ARN_UP_TO = new RegExp(`(?<![\\w:])${ARN_HEAD}${RESOURCE}*$`);
/** How far back an ARN's start is looked for: its head and a resource type are short. */
const ARN_HEAD_WINDOW = 160;

/** Whether `value` is one ARN and nothing else. */
export function isArn(value: string): boolean {
  return WHOLE_ARN.test(value);
}

/** Whether the position `at` of `text` is inside an ARN's resource (`…:secret` before `:prod/db`). */
export function isInArn(text: string, at: number): boolean {
  return ARN_UP_TO.test(text.slice(Math.max(0, at - ARN_HEAD_WINDOW), at));
}
