/**
 * Redaction of personal data from decoded OTLP requests, run after log normalization and
 * before row mapping so that nothing personal reaches storage.
 */
export { redactRequest, withRecount, type RequestRedactions } from "./redact-request";
export { mergedSeriesWarning } from "./merged-series";
export { DEFAULT_GEO_PRECISION, GEO_PRECISIONS, type GeoPrecision } from "./geo";
export { redactString, type RedactedString } from "./redact-string";
export {
  defaultRedactionPolicy,
  readRedactionPolicyConfig,
  compileRedactionPolicy,
  parseRedactionPolicy,
  type ParsedRedactionPolicy,
  type PolicyPath,
  type RedactionPolicy,
  type RedactionPolicyConfig,
} from "./policy";
export { BUILT_IN_KINDS, DROPPED_KIND, HASHED_KIND, SECRET_KEY_KIND, redactionMarker } from "./kinds";
export { REDACTION_COUNT_ATTRIBUTE, REDACTION_KINDS_ATTRIBUTE } from "./tally";
export { REDACTION_FAILED_KIND, redactionFailureWarning, type RedactionFailure, type RedactionFailures } from "./failures";
