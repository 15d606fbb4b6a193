/**
 * A text's verdict in each printed form a sender puts prose in: as text (`redactString`), quoted
 * in a logfmt line (`note="…" status=ok`), as a JSON log body's message and as a `memo`
 * attribute's value, under the default policy; `storedForms` adds a pino line's and a Cloudflare
 * console line's message, lifted. One verdict in every form is what the redaction tests of names
 * in prose and of numbers assert.
 */
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { itKeeps, itKeepsUncounted, itStores, itStoresCounting } from "./redaction-cases";
import { exportedConsoleLine, redactedLogBody, storedLogAttributes } from "./redaction";

const redact = (text: string) => redactString(text, defaultRedactionPolicy());
const quoted = (text: string) => redact(`note="${text}" status=ok`).text;
const jsonBody = (text: string) => redactedLogBody(JSON.stringify({ msg: text, level: "info" }));
const attribute = (text: string) => storedLogAttributes([{ key: "memo", value: { stringValue: text } }]).values["memo"];

/** Each text kept in every form: as text (nothing counted), quoted, in a JSON body and as an attribute. */
export function itKeepsInEveryForm(texts: readonly string[]): void {
  itKeepsUncounted("keeps %s", redact, texts);
  itStores("keeps %s quoted", quoted, texts.map((text) => [text, `note="${text}" status=ok`]));
  itStores("keeps %s in a JSON body", jsonBody, texts.map((text) => [text, JSON.stringify({ msg: text, level: "info" })]));
  itKeeps("keeps %s as an attribute", attribute, texts);
}

/** Each `[text, stored]` case in every form, its one name replaced (one `person_name` counted as text). */
export function itReplacesNameInEveryForm(cases: readonly (readonly [string, string])[]): void {
  itStoresCounting("replaces the name in %s", redact, { person_name: 1 }, cases);
  itStores("replaces the name in %s quoted", quoted, cases.map(([text, stored]) => [text, `note="${stored}" status=ok`]));
  itStores("replaces the name in %s in a JSON body", jsonBody, cases.map(([text, stored]) => [text, JSON.stringify({ msg: stored, level: "info" })]));
  itStores("replaces the name in %s as an attribute", attribute, cases);
}

/** What each form stores for `text`: quoted in logfmt, as an attribute, a JSON body, a pino line and a Cloudflare console line (lifted). */
export function storedForms(text: string): Record<string, unknown> {
  return {
    quoted: quoted(text),
    attribute: attribute(text),
    "JSON body": jsonBody(text),
    pino: exportedConsoleLine(JSON.stringify({ level: 30, time: 1764878400000, pid: 1, hostname: "h", msg: text })).body,
    "cloudflare console": exportedConsoleLine(JSON.stringify({ message: text, level: "error" })).body,
  };
}

/** What every form should store when the text alone is stored as `stored`. */
export function expectedForms(stored: string): Record<string, unknown> {
  return {
    quoted: `note="${stored}" status=ok`,
    attribute: stored,
    "JSON body": JSON.stringify({ msg: stored, level: "info" }),
    pino: stored,
    "cloudflare console": stored,
  };
}
