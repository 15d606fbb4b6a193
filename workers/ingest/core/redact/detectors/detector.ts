/**
 * A detector finds one kind of personal data in free text. Detectors are combined into one
 * regular expression per policy, so each contributes a regex source and the checks a regex
 * cannot express (checksums, name lists) run only on its candidate matches.
 */
export interface Detector {
  /** Names the kind in markers and in the redaction summary, e.g. "email". */
  readonly kind: string;
  /**
   * Regex source matching candidates; compiled without flags. It may use lookarounds and
   * non-capturing groups; capture groups are allowed but not referenced.
   */
  readonly source: string;
  /**
   * Whether the text can contain a match at all: a cheap regex source, tested once per string
   * before the combined scan. Must accept every string `source` can match in.
   */
  readonly trigger: string;
  /**
   * The replacement for a candidate, given the marker for this kind, or undefined when the
   * candidate is not what it looked like (failed checksum, harmless name). Defaults to the marker.
   */
  readonly rewrite?: (match: string, marker: string) => string | undefined;
}
