import { basename } from "node:path";
import { loadJsonc } from "./load-jsonc";
import { loadToml } from "./load-toml";
import { type ConfigDocument, ConfigParseError } from "./model";
import { BLOCK_KEYS } from "./misspelled-keys";

/**
 * The file names wrangler reads a Worker's configuration from without `-c`, in the order it
 * looks for them (workers-sdk `findWranglerConfig`): in a folder holding two of them, it reads
 * the first and never the others.
 */
export const WRANGLER_FILE_NAMES = ["wrangler.json", "wrangler.jsonc", "wrangler.toml"] as const;

/**
 * Whether a path names a wrangler file: one of wrangler's names, or a variant such as
 * `wrangler.staging.jsonc` (`-c` takes any name; this repository's own Workers use
 * `wrangler.tail.jsonc` and `wrangler.ingest.jsonc`).
 */
export function isWranglerFile(path: string): boolean {
  return /^wrangler(\.[\w-]+)?\.(jsonc|json|toml)$/.test(basename(path));
}

/** Top-level keys wrangler reads that other tools' JSON files hold too (`package.json`'s `name`, `main`, `browser`), so they tell nothing. */
const SHARED_KEYS: ReadonlySet<string> = new Set(["name", "main", "browser", "$schema"]);

/**
 * Whether a parsed file is a wrangler configuration: its name is a wrangler file's
 * (`isWranglerFile`), or, named on the command line under another name (`prod.toml`, given with
 * `-c`), it is not another tool's well-known file (`package.json`, `tsconfig*.json`,
 * `jsconfig*.json`) and holds at least one key only wrangler reads at the top (`BLOCK_KEYS`
 * less `SHARED_KEYS`: `compatibility_date`, `vars`, `env`, …). Without this, `--fix` wrote Worker
 * keys into a `tsconfig.json` named by mistake; a file wrangler deploys holds `compatibility_date`.
 */
export function isWranglerConfig(document: ConfigDocument): boolean {
  const name = basename(document.file);
  if (isWranglerFile(name)) return true;
  if (/^(package|(ts|js)config([.-][\w.-]*)?)\.jsonc?$/.test(name)) return false;
  return [...document.root.entries.keys()].some((key) => BLOCK_KEYS.includes(key) && !SHARED_KEYS.has(key));
}

/**
 * Whether a wrangler file name is a template to copy from (`wrangler.example.toml`,
 * `wrangler.template.jsonc`, `wrangler.sample.json`): wrangler never reads one unless it is
 * given with `-c`, and it often holds placeholders that are not valid TOML or JSON.
 */
export function isWranglerTemplate(path: string): boolean {
  return /^wrangler\.(examples?|templates?|tmpl|samples?)\.(jsonc|json|toml)$/i.test(basename(path));
}

/**
 * Whether wrangler reads settings from a file of this name: it parses `.toml` as TOML and
 * `.json`/`.jsonc` as JSONC, and reads any other file given with `-c` as an empty configuration
 * (workers-sdk `parseRawConfigFile`), so such a file holds no wiring to audit.
 */
export function hasConfigExtension(path: string): boolean {
  return /\.(toml|json|jsonc)$/.test(path);
}

/**
 * Parses a wrangler file's text by its extension: `.toml` as TOML, `.json`/`.jsonc` as JSONC.
 * A leading UTF-8 byte order mark (U+FEFF, as Windows editors save files) is dropped before
 * parsing, as wrangler's own reader does (workers-sdk `removeBOMAndValidate`), and recorded
 * in `byteOrderMark`.
 *
 * @throws ConfigParseError when the text does not parse.
 */
export function loadConfig(file: string, text: string): ConfigDocument {
  const byteOrderMark = text.charCodeAt(0) === BYTE_ORDER_MARK;
  const body = byteOrderMark ? text.slice(1) : text;
  const document = file.endsWith(".toml") ? loadToml(file, body) : loadJsonc(file, body);
  return { ...document, byteOrderMark };
}

/** The text to write for a document whose text is now `text`: its byte order mark, if it had one, first. */
export function fileText(document: ConfigDocument, text: string): string {
  return document.byteOrderMark ? String.fromCharCode(BYTE_ORDER_MARK) + text : text;
}

const BYTE_ORDER_MARK = 0xfeff;

/** The byte order marks wrangler refuses a configuration file for, longest first (UTF-32 LE starts like UTF-16 LE). */
const REFUSED_BYTE_ORDER_MARKS: readonly { bytes: readonly number[]; encoding: string }[] = [
  { bytes: [0x00, 0x00, 0xfe, 0xff], encoding: "UTF-32 BE" },
  { bytes: [0xff, 0xfe, 0x00, 0x00], encoding: "UTF-32 LE" },
  { bytes: [0xfe, 0xff], encoding: "UTF-16 BE" },
  { bytes: [0xff, 0xfe], encoding: "UTF-16 LE" },
];

/**
 * A wrangler file's bytes as text, read as wrangler reads them: UTF-8, a UTF-8 byte order mark
 * kept for `loadConfig` to drop and record, invalid sequences as U+FFFD.
 *
 * @throws ConfigParseError at 1:1 when the bytes start with a UTF-16 or UTF-32 byte order
 *   mark: wrangler refuses such a file ("Configuration file contains UTF-16 LE byte order
 *   marker"), so the audit does too, naming the encoding.
 */
export function decodeConfigFile(bytes: Uint8Array): string {
  for (const { bytes: mark, encoding } of REFUSED_BYTE_ORDER_MARKS) {
    if (mark.every((byte, i) => bytes[i] === byte)) {
      throw new ConfigParseError(
        `the file is encoded as ${encoding} (it starts with that byte order mark); wrangler reads only UTF-8 and refuses it`,
        { line: 1, column: 1 },
        "save the file as UTF-8",
      );
    }
  }
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
}
