/**
 * A whole value that is a UUID (RFC 9562 §4: 8-4-4-4-12 hex digits, either case): a PIX random
 * key where a PIX key is named; an id to keep where a person's name or a Redis password would
 * stand. A module of its own so that detectors and the modules they read share it without a cycle.
 */
export const WHOLE_UUID = /^[0-9A-Fa-f]{8}-(?:[0-9A-Fa-f]{4}-){3}[0-9A-Fa-f]{12}$/;
