/**
 * An error's message followed by its causes' (`fetch failed: connect ECONNREFUSED 127.0.0.1:1`),
 * at most five deep, and what the deepest cause a user may not read means, in words (`… (the
 * connection was refused: nothing accepts connections at that host and port)`). Node's fetch
 * puts what went wrong on the wire (refused, reset, a name that does not resolve, a certificate,
 * a blocked port) only in `cause`, so its own message alone says nothing, and the cause's own
 * text is the socket layer's (`ECONNREFUSED`) or undici's (`bad port`): kept, for searching it,
 * with the plain words after it.
 */
export function messageWithCauses(error: unknown): string {
  const messages: string[] = [];
  let explained: string | undefined;
  for (let cause: unknown = error; cause !== undefined && messages.length < 5; cause = (cause as { cause?: unknown }).cause) {
    messages.push(cause instanceof Error ? cause.message : String(cause));
    if (!(cause instanceof Error)) break;
    explained = plainWordsFor(cause) ?? explained;
  }
  const text = messages.join(": ");
  return explained === undefined ? text : `${text} (${explained})`;
}

/**
 * Whether the error, or one of its causes (five deep, as messageWithCauses reads them), is one
 * of the connection failures explained in words there: nothing was answered, so the address
 * itself may be the wrong one.
 */
export function isConnectionFailure(error: unknown): boolean {
  let depth = 0;
  for (let cause: unknown = error; cause instanceof Error && depth < 5; cause = cause.cause, depth++) {
    if (plainWordsFor(cause) !== undefined) return true;
  }
  return false;
}

/**
 * Node's error codes on a connection (libuv's, undici's, OpenSSL's), in words. Only those whose
 * code says less than the words; an error without a code keeps its message alone.
 */
const CODE_WORDS: Readonly<Record<string, string>> = {
  ECONNREFUSED: "the connection was refused: nothing accepts connections at that host and port",
  ENOTFOUND: "the host name does not resolve to an address",
  EAI_AGAIN: "the host name could not be resolved now: the DNS server did not answer",
  ECONNRESET: "the other end closed the connection before answering",
  ETIMEDOUT: "the connection timed out",
  UND_ERR_CONNECT_TIMEOUT: "the connection timed out",
  EHOSTUNREACH: "no route to that host",
  ENETUNREACH: "the network is unreachable",
  DEPTH_ZERO_SELF_SIGNED_CERT: "the server's TLS certificate is self-signed, which is not trusted",
  SELF_SIGNED_CERT_IN_CHAIN: "the server's TLS certificate chain ends in a self-signed certificate, which is not trusted",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "the server's TLS certificate is not signed by a trusted authority",
  CERT_HAS_EXPIRED: "the server's TLS certificate has expired",
  ERR_TLS_CERT_ALTNAME_INVALID: "the server's TLS certificate is for another host name",
};

/**
 * undici's words when the URL's port is on the Fetch standard's list of blocked ports ("bad
 * port", https://fetch.spec.whatwg.org/#port-blocking: 1, 7, 9, 25, 6000, 10080 and others, the
 * ports of protocols a browser must not be made to speak to): no connection is even tried.
 */
const BLOCKED_PORT_MESSAGE = "bad port";

function plainWordsFor(error: Error): string | undefined {
  if (error.message === BLOCKED_PORT_MESSAGE) {
    return "the URL's port is one fetch never connects to: the Fetch standard blocks it, as other protocols use it; serve it on another port";
  }
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? CODE_WORDS[code] : undefined;
}
