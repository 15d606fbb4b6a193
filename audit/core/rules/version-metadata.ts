import { type WorkerEnvironment, wranglerField } from "../environments";
import type { Rule } from "../findings";
import { type ConfigFormat, type ConfigValue, entryOf, meantString, stringAt } from "../model";
import { shownValue, written, writtenEntry } from "../syntax";
import { unknownKeysHit } from "../unknown-keys";
import { VERSION_METADATA_BINDING } from "../wiring";
import { missingKeyNote, renameHint } from "../misspelled-keys";
import { notSetHit } from "../not-set";

/** The one key wrangler reads in `version_metadata` (workers-sdk `validateVersionMetadataBinding`). */
export const VERSION_METADATA_KEYS = ["binding"] as const;

/**
 * D-14: no version_metadata binding, no `service.version` and no deploy correlation. In a
 * `previews` block only a binding written there is judged: without one the Worker's Previews
 * settings apply. Keys other than `binding` are named (`unknownKeysHit`): in TOML, most often
 * vars a `[version_metadata]` header placed above them took in.
 */
export const versionMetadataRule: Rule = {
  id: "version-metadata",
  severity: "error",
  scope: "producers",
  pages: true,
  summary: `a version_metadata binding named ${VERSION_METADATA_BINDING} exists: without it there is no service.version and no deploy correlation`,
  // The hint of a hit that gives none, so it names no syntax: each hit that writes a value gives its own, in the file's.
  fix: `bind version_metadata as ${VERSION_METADATA_BINDING}`,
  check(environment, { document }) {
    const format = document.format;
    const entry = environment.own("version_metadata");
    if (entry === undefined) {
      if (environment.previews !== undefined) return [];
      return [notSetHit(environment, document, "version_metadata", "telemetry carries no service.version", `add ${writtenEntry(format, "version_metadata", { binding: VERSION_METADATA_BINDING })}`)];
    }
    const binding = stringAt(entry.value, "binding");
    if (binding === undefined) {
      const refused = refusedVersionMetadata(entry.value, environment);
      const meant = refused.meant === undefined ? "" : `: it is written ${written(format, { binding: refused.meant })}`;
      return [{
        at: entry.value.at,
        message: `version_metadata is ${shownValue(format, entry.value)}, which wrangler refuses to deploy (${refused.fault})${missingKeyNote(entry.value, VERSION_METADATA_KEYS)}${meant}`,
        fix: renameHint(entry.value, VERSION_METADATA_KEYS) ?? `write ${writtenEntry(format, "version_metadata", { binding: VERSION_METADATA_BINDING })}${refused.meant === VERSION_METADATA_BINDING ? " (or run --fix)" : ""}`,
      }];
    }
    const unknown = unknownKeysHit(document, wranglerField(environment, "version_metadata"), entry.value, VERSION_METADATA_KEYS);
    const hits = unknown === undefined ? [] : [unknown];
    if (binding === VERSION_METADATA_BINDING) return hits;
    const bindingAt = entryOf(entry.value, "binding")!.value.at;
    return [{ at: bindingAt, message: `version_metadata binds ${binding}; the framework reads ${VERSION_METADATA_BINDING}`, fix: rebindHint(format) }, ...hits];
  },
};

/**
 * What to do about a version_metadata bound under another name, in the file's syntax: the
 * audit's hint and `--fix`'s hand edit (the fix does not rename a binding the code reads).
 */
export function rebindHint(format: ConfigFormat): string {
  return `write ${writtenEntry(format, "binding", VERSION_METADATA_BINDING)} and update the code that reads it`;
}

/**
 * Why wrangler refuses a `version_metadata` value with no string `binding`, in its words
 * (workers-sdk `validateVersionMetadataBinding`), and the binding name it clearly means (a bare
 * `"NAME"`, or `binding: ["NAME"]`).
 */
export function refusedVersionMetadata(value: ConfigValue, environment: WorkerEnvironment): { fault: string; meant: string | undefined } {
  // Wrangler names an environment's own binding with its `env.<name>.`, a `previews` block's with `previews.` only.
  const field = environment.previews !== undefined ? "previews.version_metadata" : environment.env === null ? "version_metadata" : `env.${environment.env}.version_metadata`;
  const fault = value.kind === "object" ? 'binding should have a string "binding" field' : `The field "${field}" should be an object`;
  return { fault, meant: meantString(value, "binding") };
}
