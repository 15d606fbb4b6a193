/**
 * `isSecretName` rejects a name holding none of the words `secrecyInFull`'s rules need
 * (`MAY_NAME_SECRET`, secret-names.ts) without splitting it: the shortcut must give the answer the
 * rules give in full (`isSecretNameInFull`). A rule added with a word missing from
 * `SECRET_RULE_WORDS` fails here: every quoted word of secret-names.ts is tried alone and beside
 * each other, as a rule reads a word by the one before or after it.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { isSecretCodeName, isSecretName, isSecretNameInFull } from "../../workers/ingest/core/redact/secret-names";

const source = readFileSync(fileURLToPath(new URL("../../workers/ingest/core/redact/secret-names.ts", import.meta.url)), "utf8");
/** Every double-quoted literal of secret-names.ts: its word lists, and the words its rules name. */
const LITERALS = [...new Set(Array.from(source.matchAll(/"([^"\n\\]{1,40})"/g), (match) => match[1]!))];

/** The names of `names` where the shortcut's answer is not the rules' in full. */
function disagreements(names: Iterable<string>): string[] {
  const found: string[] = [];
  for (const name of names) if (isSecretName(name) !== isSecretNameInFull(name)) found.push(name);
  return found;
}

function* pairs(): Generator<string> {
  for (const first of LITERALS) for (const second of LITERALS) yield `${first}_${second}`;
}

describe("isSecretName's shortcut for names holding no rule's word", () => {
  it("reads secret-names.ts's words", () => {
    expect(LITERALS.length).toBeGreaterThan(500);
    expect(LITERALS).toEqual(expect.arrayContaining(["password", "hmac", "sid", "passe", "chave"]));
  });

  it("agrees with the rules on each word alone, in upper case and capitalised", () => {
    const names = LITERALS.flatMap((word) => [word, word.toUpperCase(), `${word.charAt(0).toUpperCase()}${word.slice(1)}`]);
    expect(disagreements(names)).toEqual([]);
  });

  it("agrees with the rules on each two words joined by `_`", () => {
    expect(disagreements(pairs())).toEqual([]);
  });

  it("judges in full a name holding a character past ASCII, whatever its lower case", () => {
    const names: string[] = [];
    for (let code = 0x80; code <= 0xffff; code++) {
      const character = String.fromCharCode(code);
      // The Kelvin sign's lower case is `k` (`api_\u212Aey` reads as `api_key`), the dotted capital I's `i` and a dot.
      names.push(character, `api_${character}ey`, character.repeat(2), `pa${character}sword`);
    }
    expect(disagreements(names)).toEqual([]);
    expect(isSecretName("api_\u212Aey")).toBe(true);
  });

  it("keeps names no rule's word is in, and still finds the secret ones", () => {
    for (const name of ["page", "status_code", "durationMs", "cloudflare.ray_id", "sort", "callback"]) expect(isSecretName(name)).toBe(false);
    for (const name of ["PassWord", "pass_word", "connect.sid", "koa:sess", "ASPSESSIONIDQQGGQQGG", "mfa_code", "X-Shopify-Hmac-Sha256", "db_pw", "chave_api"]) {
      expect(isSecretName(name)).toBe(true);
    }
    expect(isSecretCodeName("mfa_code")).toBe(true);
  });
});
