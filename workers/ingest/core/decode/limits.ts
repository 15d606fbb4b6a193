/**
 * AnyValue can nest arrays and maps without bound, and both decoders recurse through it: cap
 * the depth before the stack does. 64 levels is far beyond any real attribute or log body.
 */
export const MAX_ANY_VALUE_DEPTH = 64;
