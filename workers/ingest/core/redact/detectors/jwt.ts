import { Evidence } from "../evidence";
import type { Detector } from "./detector";

/**
 * JSON Web Tokens: header and payload are base64url JSON objects, so both start with "eyJ"
 * (`{"`); the signature may be empty (alg "none").
 */
export const jwtDetector: Detector = {
  kind: "jwt",
  source: "(?<![\\w-])eyJ[A-Za-z0-9_-]+\\.eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*",
  evidence: Evidence.JWT,
};
