/**
 * The one error the decoders let escape: the request body is not a valid OTLP export request.
 * The message says what is wrong and where, so it can go back to the sender verbatim in a 400.
 */
export class OtlpDecodeError extends Error {
  override readonly name = "OtlpDecodeError";
}
