import type { Detector } from "./detector";

const OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";

/**
 * Dotted-quad IPv4 addresses. Not when glued to a word or a longer dotted run (`v1.2.3.4`,
 * `1.2.3.4.5`), nor right after a product token (`Chrome/120.0.0.0` in user agents).
 */
export const ipv4Detector: Detector = {
  kind: "ipv4",
  source: `(?<![\\w.])(?<![A-Za-z]/)(?:${OCTET}\\.){3}${OCTET}(?!\\.?\\w)`,
  trigger: "\\d\\.\\d",
};

const GROUP = "[0-9A-Fa-f]{1,4}";

/**
 * IPv6 addresses, full or `::`-compressed. Candidates that look like code or clock times
 * rather than addresses (`a::b`, `::1`, fewer than three groups of which none is longer than two
 * digits) are rejected, and the group count is checked because the regex cannot bound it.
 */
export const ipv6Detector: Detector = {
  kind: "ipv6",
  source:
    `(?<![\\w:.])(?:(?:${GROUP}:){7}${GROUP}` +
    `|(?:${GROUP}(?::${GROUP}){0,6})?::(?:${GROUP}(?::${GROUP}){0,6})?)(?![\\w:]|\\.\\d)`,
  trigger: ":[0-9A-Fa-f:]",
  rewrite: (match, marker) => (looksLikeIpv6(match) ? marker : undefined),
};

function looksLikeIpv6(candidate: string): boolean {
  const groups = candidate.split(":").filter((group) => group !== "");
  const compressed = candidate.includes("::");
  if (compressed ? groups.length > 7 : groups.length !== 8) return false;
  return groups.length >= 3 || groups.some((group) => group.length >= 3);
}
