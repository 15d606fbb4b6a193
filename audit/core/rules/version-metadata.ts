import { notSetMessage } from "../environments";
import type { Rule } from "../findings";
import { type ConfigValue, meantString, shownValue, stringAt } from "../model";
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
    if (binding === undefined) {
      const refused = refusedVersionMetadata(entry.value, environment.env);
      const meant = refused.meant === undefined ? "" : `: it is written { "binding": "${refused.meant}" }`;
      return [{
        at: entry.value.at,
        message: `version_metadata is ${shownValue(entry.value)}, which wrangler refuses to deploy (${refused.fault})${meant}`,
        fix: `write "version_metadata": { "binding": "${VERSION_METADATA_BINDING}" }${refused.meant === VERSION_METADATA_BINDING ? " (or run --fix)" : ""}`,
      }];
    }
    if (binding === VERSION_METADATA_BINDING) return [];
    return [{ at: entry.value.at, message: `version_metadata binds ${binding}; the framework reads ${VERSION_METADATA_BINDING}` }];
  },
};

/**
 * Why wrangler refuses a `version_metadata` value with no string `binding`, in its words
 * (workers-sdk `validateVersionMetadataBinding`), and the binding name it clearly means (a bare
 * `"NAME"`, or `binding: ["NAME"]`).
 */
export function refusedVersionMetadata(value: ConfigValue, env: string | null): { fault: string; meant: string | undefined } {
  const field = env === null ? "version_metadata" : `env.${env}.version_metadata`;
  const fault = value.kind === "object" ? 'binding should have a string "binding" field' : `The field "${field}" should be an object`;
  return { fault, meant: meantString(value, "binding") };
}
