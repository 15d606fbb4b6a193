import { Evidence } from "../evidence";
import { KNOWN_TOKEN_SOURCE, PEM_PRIVATE_KEY_SOURCE, looksGenerated, redactPemPrivateKey } from "../token-formats";
import type { Detector } from "./detector";

/**
 * API keys and tokens of the formats their issuers mark with a prefix (`token-formats.ts`:
 * OpenAI's `sk-proj-…`, GitHub's `ghp_…`, Slack's `xoxb-…`, AWS's `AKIA…`, …), wherever they
 * are written: such a token needs no name in front to be known as one. A match that reads as
 * words rather than generated characters (`sk-learn-tutorial-for-beginners`) passes.
 *
 * PEM private keys are a format marked the same way, by their armor line (`-----BEGIN RSA
 * PRIVATE KEY-----`): their material is replaced and the armor lines are kept, so the reader
 * still sees which kind of key leaked. One detector for both keeps the scanner's detector mask
 * (31 detectors) free for a policy's extra patterns.
 */
export const knownTokenDetector: Detector = {
  kind: "known_token",
  source: `${KNOWN_TOKEN_SOURCE}|${PEM_PRIVATE_KEY_SOURCE}`,
  evidence: Evidence.KNOWN_TOKEN,
  rewrite: (match, marker) => {
    if (match.startsWith("-----")) return redactPemPrivateKey(match, marker);
    return looksGenerated(match) ? marker : undefined;
  },
};
