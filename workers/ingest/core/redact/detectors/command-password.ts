import { MoreEvidence } from "../evidence";
import { COMMAND_PASSWORD_SOURCE, commandPasswordIn } from "../command-passwords";
import type { Detector } from "./detector";
import { SECRET_PARAM_KIND } from "./secret-parameter";

/**
 * Passwords commands take as arguments (command-passwords.ts: `htpasswd -b file alice S3cr3t`,
 * `net user alice S3cr3t /add`, `echo 'alice:S3cr3t' | chpasswd`), counted as `secret_param`
 * as a password option's value is (`docker login -p …`). The match is the password alone,
 * inside its quotes: the command, its file and user stay, and are scanned by the other
 * detectors, which run first (a token, a card or a crypt hash given as the password keeps its
 * own kind).
 */
export const commandPasswordDetector: Detector = {
  kind: SECRET_PARAM_KIND,
  source: COMMAND_PASSWORD_SOURCE,
  evidence: 0,
  moreEvidence: MoreEvidence.COMMAND_PASSWORD,
  rewrite: (match, marker) => {
    const password = commandPasswordIn(match);
    return password === undefined ? undefined : `${match.slice(0, password.start)}${marker}${match.slice(password.end)}`;
  },
};
