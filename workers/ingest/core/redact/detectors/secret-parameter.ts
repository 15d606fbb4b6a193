import { isSecretParameterName } from "../secret-names";
import type { Detector } from "./detector";

/**
 * `name=value` pairs whose name announces a secret: URL query and form parameters (after `?`,
 * `&` or `;`) and the same shape in free text (`login failed password=hunter2`). The name is
 * kept so the row still says what was there; a value that is already a marker is left alone so
 * redacting twice counts once.
 */
export const secretParameterDetector: Detector = {
  kind: "secret_param",
  source: "(?<=^|[?&;\\s,])[A-Za-z][\\w.-]*=[^&#\\s\"'<>;,]+",
  trigger: "=",
  rewrite: (match, marker) => {
    const equals = match.indexOf("=");
    const value = match.slice(equals + 1);
    if (value.startsWith("[REDACTED:") || !isSecretParameterName(match.slice(0, equals))) {
      return undefined;
    }
    return `${match.slice(0, equals + 1)}${marker}`;
  },
};
