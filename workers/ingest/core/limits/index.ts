/**
 * Limits on what one export request may hold, beyond the HTTP layer's byte limits: JSON
 * nesting checked before parsing, the record count cut to after decoding, and attribute
 * counts and value lengths enforced after redaction (identity lists: stored whole or refused).
 */
export { checkJsonDepth, type JsonScan } from "./json-depth";
export { limitRecordCount, recordCutMessage, type RecordCut } from "./records";
export { lossWarning } from "./warning";
export { allWithinLength } from "./value-length";
export {
  DROPPED_ATTRIBUTES_ATTRIBUTE,
  TRUNCATED_VALUES_ATTRIBUTE,
  type AttributeCuts,
  type AttributeLimiting,
  limitAttributes,
  truncationMarker,
} from "./attributes";
export {
  IDENTITY_ATTRIBUTES_BOUND,
  IDENTITY_VALUE_LENGTH_BOUND,
  type IdentityRefusal,
  identityRefusalMessage,
  placesBeforeRemoval,
} from "./identity";
export { DEFAULT_REQUEST_LIMITS, MIN_JSON_DEPTH, type RequestLimits } from "./options";
