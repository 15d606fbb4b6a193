/**
 * Kinds produced by key rules rather than text detectors: the value of a key that names a
 * credential (`authorization`, `cookie`, `x-api-key`, ...) or a card's holder, a key the policy
 * drops, a key whose value the policy replaces by its keyed hash. A module of its own, importing
 * nothing, so that code outside redaction (a template body's dropped property, normalize/
 * template-body.ts, which the tail Worker bundles through the ingest's lifting) can name them
 * without bundling the detectors.
 */
export const SECRET_KEY_KIND = "secret";
export const DROPPED_KIND = "dropped";
export const HASHED_KIND = "hashed";
