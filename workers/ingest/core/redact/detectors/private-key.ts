import { Evidence } from "../evidence";
import { PEM_PRIVATE_KEY_SOURCE, PUTTY_PRIVATE_KEY_SOURCE, redactPemPrivateKey, redactPuttyPrivateKey } from "../token-formats";
import type { Detector } from "./detector";

const PRIVATE_KEY_KIND = "private_key";

/**
 * PEM private keys (RFC 7468's `PRIVATE KEY` and `ENCRYPTED PRIVATE KEY`, OpenSSL's `RSA`/`EC`/
 * `DSA PRIVATE KEY`, OpenSSH's, OpenPGP's `PRIVATE KEY BLOCK`), wherever they are written and
 * under any name: the armor line says what the material is. The material is replaced and the
 * armor lines are kept, so the reader still sees which kind of key leaked:
 * `-----BEGIN RSA PRIVATE KEY-----[REDACTED:private_key]-----END RSA PRIVATE KEY-----`. Public
 * keys and certificates are published by design and do not match. Its own kind, so that turning
 * off `known_token` (issuers' token formats) leaves private keys redacted.
 */
export const privateKeyDetector: Detector = {
  kind: PRIVATE_KEY_KIND,
  source: PEM_PRIVATE_KEY_SOURCE,
  evidence: Evidence.PRIVATE_KEY,
  rewrite: redactPemPrivateKey,
};

/**
 * PuTTY private key files (`.ppk`, versions 1 to 3: PuTTY manual, appendix C), as a log or a
 * config dump carries one: the lines after `Private-Lines: N` are the key (unencrypted when
 * `Encryption: none`) and are replaced; the header, the public lines and the MAC stay, saying
 * which key leaked. The same kind as a PEM key's.
 */
export const puttyPrivateKeyDetector: Detector = {
  kind: PRIVATE_KEY_KIND,
  source: PUTTY_PRIVATE_KEY_SOURCE,
  evidence: Evidence.PRIVATE_KEY,
  rewrite: redactPuttyPrivateKey,
};
