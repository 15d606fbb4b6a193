import { Evidence } from "../evidence";
import { KNOWN_TOKEN_SOURCE, looksGenerated } from "../token-formats";
import type { Detector } from "./detector";

/**
 * API keys and tokens of the formats their issuers mark with a prefix (`token-formats.ts`:
 * OpenAI's `sk-proj-…`, GitHub's `ghp_…`, Slack's `xoxb-…`, AWS's `AKIA…`, …), wherever they
 * are written: such a token needs no name in front to be known as one. A match that reads as
 * words rather than generated characters (`sk-learn-tutorial-for-beginners`) passes.
 */
export const knownTokenDetector: Detector = {
  kind: "known_token",
  source: KNOWN_TOKEN_SOURCE,
  evidence: Evidence.KNOWN_TOKEN,
  rewrite: (match, marker) => (looksGenerated(match) ? marker : undefined),
};
