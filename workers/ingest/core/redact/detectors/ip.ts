import type { Detector } from "./detector";

const OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
const DOTTED_QUAD = `(?:${OCTET}\\.){3}${OCTET}`;

/**
 * Dotted-quad IPv4 addresses. Not when glued to a word or a longer dotted run (`v1.2.3.4`,
 * `1.2.3.4.5`), nor right after a product token (`Chrome/120.0.0.0` in user agents). Loopback
 * (127.0.0.0/8) and the unspecified address (0.0.0.0) never name a person and stay.
 */
export const ipv4Detector: Detector = {
  kind: "ipv4",
  source: `(?<![\\w.])(?<![A-Za-z]/)${DOTTED_QUAD}(?!\\.?\\w)`,
  trigger: "\\d\\.\\d",
  rewrite: (match, marker) => (isLocalIpv4(match) ? undefined : marker),
};

const GROUP = "[0-9A-Fa-f]{1,4}";
/** RFC 4291 §2.2: eight groups, `::` for a run of zero groups, the last 32 bits as a dotted quad. */
const IPV6 =
  `(?:(?:${GROUP}:){6}${DOTTED_QUAD}` +
  `|(?:${GROUP}(?::${GROUP}){0,4})?::(?:${GROUP}:){0,5}${DOTTED_QUAD}` +
  `|(?:${GROUP}:){7}${GROUP}` +
  `|(?:${GROUP}(?::${GROUP}){0,6})?::(?:${GROUP}(?::${GROUP}){0,6})?)`;
/** A zone index (`fe80::1%eth0`, RFC 6874) belongs to the address it qualifies. */
const ZONE = "(?:%[\\w.-]+)?";

/**
 * IPv6 addresses, full or `::`-compressed, with an embedded IPv4 address (`::ffff:203.0.113.9`)
 * or a zone, and the brackets of a URL host (`[2001:db8::1]:443`): the whole address is one
 * match, so no part of it (the IPv4 inside a mapped address) is left in the text. Candidates
 * that look like code or clock times rather than addresses (`a::b`, fewer than three groups of
 * which none is longer than two digits) are rejected, and the group count is checked because
 * the regex cannot bound it. Loopback (`::1`), unspecified (`::`) and loopback mapped into IPv6
 * stay.
 */
export const ipv6Detector: Detector = {
  kind: "ipv6",
  source: `(?:\\[${IPV6}${ZONE}\\]|(?<![\\w:.])${IPV6}${ZONE}(?![\\w:]|\\.\\d))`,
  trigger: ":[0-9A-Fa-f:]",
  rewrite: (match, marker) => (looksLikeIpv6(match) ? marker : undefined),
};

function looksLikeIpv6(candidate: string): boolean {
  const address = candidate.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const lastColon = address.lastIndexOf(":");
  const embedded = address.includes(".") ? address.slice(lastColon + 1) : undefined;
  const groups = (embedded === undefined ? address : address.slice(0, lastColon))
    .split(":")
    .filter((group) => group !== "");
  // An embedded IPv4 address stands for the last two groups.
  const count = groups.length + (embedded === undefined ? 0 : 2);
  if (address.includes("::") ? count > 7 : count !== 8) return false;
  const leadingZeros = groups.slice(0, -1).every((group) => /^0+$/.test(group));
  if (embedded !== undefined) {
    // ::127.0.0.1 and ::ffff:127.0.0.1 are the IPv4 loopback in IPv6 form.
    return !(isLocalIpv4(embedded) && leadingZeros && /^(?:0+|ffff)?$/i.test(groups.at(-1) ?? ""));
  }
  // The unspecified address and the loopback, in their uncompressed spellings too.
  if (leadingZeros && /^0*[01]?$/.test(groups.at(-1) ?? "")) return false;
  return count >= 3 || groups.some((group) => group.length >= 3);
}

/** Loopback (127.0.0.0/8) and unspecified (0.0.0.0): never an address of a person. */
function isLocalIpv4(address: string): boolean {
  return address.startsWith("127.") || address === "0.0.0.0";
}
