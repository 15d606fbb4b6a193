import { OtlpDecodeError } from "../decode";

/**
 * The request is well-formed but holds more than this receiver takes in one request. A decode
 * error, so every caller that refuses bad input refuses this too; the HTTP layer answers it
 * with 413 rather than 400 because the sender's remedy is to split the batch, not to fix it.
 */
export class RequestTooLargeError extends OtlpDecodeError {}
