import { notSetMessage } from "../environments";
import type { Rule } from "../findings";
import { stringAt } from "../model";
import { VERSION_METADATA_BINDING } from "../wiring";

/** D-14: no version_metadata binding, no `service.version` and no deploy correlation. */
export const versionMetadataRule: Rule = {
  id: "version-metadata",
  severity: "error",
  scope: "producers",
  pages: true,
  summary: `a version_metadata binding named ${VERSION_METADATA_BINDING} exists: without it there is no service.version and no deploy correlation`,
  fix: `add "version_metadata": { "binding": "${VERSION_METADATA_BINDING}" }`,
  check(environment) {
    const entry = environment.own("version_metadata");
    if (entry === undefined) {
      return [{ at: environment.anchor, message: `${notSetMessage(environment, "version_metadata")}: telemetry carries no service.version` }];
    }
    const binding = stringAt(entry.value, "binding");
    if (binding === undefined) return [{ at: entry.value.at, message: "version_metadata must be { binding: <name> }" }];
    if (binding === VERSION_METADATA_BINDING) return [];
    return [{ at: entry.value.at, message: `version_metadata binds ${binding}; the framework reads ${VERSION_METADATA_BINDING}` }];
  },
};
