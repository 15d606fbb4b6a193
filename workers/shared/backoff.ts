export interface BackoffOptions {
  retryDelaySeconds: number;
  retryMaxDelaySeconds: number;
}

/**
 * Seconds before a failed batch is delivered again: the first delay after its first delivery,
 * doubled for each delivery since, never more than the maximum. Exponential, so a long outage
 * costs few attempts and a short one is soon over.
 */
export function retryDelaySeconds(attempts: number, options: BackoffOptions): number {
  const doublings = Math.max(0, attempts - 1);
  const delay = options.retryDelaySeconds * 2 ** Math.min(doublings, 30);
  return Math.min(delay, options.retryMaxDelaySeconds);
}
