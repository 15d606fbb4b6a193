import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";

const policy = defaultRedactionPolicy();

/**
 * A name field's key or a password's change repeated for 64 KB: each `=` inside a word longer
 * than an unquoted value's (`to=` repeated, `MAX_UNQUOTED_WORD`), each `user: ` judging the same
 * value, each change's words read back from its value. What redaction writes is pinned (its
 * length, its markers and a digest of the text), never the time; words just under, at and over
 * the longest unquoted value (512 characters) too.
 */
describe("name fields and password changes repeated for 64 KB", () => {
  const repeated = (unit: string) => unit.repeat(Math.ceil(65_536 / unit.length));

  it.each([
    ["to=", 65538, 0, "8a71eed0a6807240d57180ba6448192a"],
    ["user: ", 65538, 0, "8a1225d9c8f4839edcb621d8b6fc30df"],
    ["user.name=", 65540, 0, "42f67e59a31afda6e61423eb807918a2"],
    ["holder=", 65541, 0, "55eeb9eee1163329009fa536b8764b43"],
    ["first_name=", 65538, 0, "2ebc10c3537013ac80d0a3c8412b5d61"],
    ["customer=", 65538, 0, "59a9c7df4793da38208a2826f91a0966"],
    ["Passwort von a1 auf ", 65540, 0, "0b5753d059094429076b6ceb2678fed0"],
    ["Passwort geändert auf ", 65538, 0, "e115b2062b27e5d89b1a220713ac7a57"],
    ["mot de passe temporaire : ", 65546, 0, "d81864afbbff428a731d72a6ea0ce1fe"],
    ["Passwort für anna geändert von a1 auf ", 65550, 0, "ecdbaec04a2063ea7b19f209be0d0bf7"],
    ["user=Maria Silva ", 107968, 3856, "c8d260fbb88a0db6afbc93f7b52f9f2a"],
    ["Passwort von Alt1x9 auf Neu2#kq9 geändert. ", 88450, 1525, "359ee8c80f18591250b0bdaa21748063"],
    [`first_name=${"a".repeat(500)} `, 4352, 128, "1cd7b74b5f512d48f7c6d018b7746301"],
    [`user.name=${"b".repeat(512)} `, 65898, 0, "7c83c5c1b7100bea32bcded22752a785"],
    [`user.name=${"b".repeat(513)} `, 66024, 0, "53e78937ce8b87e4f69750fdb3882d26"],
    [`holder=${"c".repeat(600)} smith `, 65698, 0, "7cdcb5fb33dc2dce2b04784c6c72c57a"],
    [`to=${"x=".repeat(300)}Ana Souza `, 65591, 0, "0ca4e287b360b85cae7ac33b41bae69e"],
    ["card_holder=", 65062, 1, "a71f8fc2ac9455e48f406b4fff3365e0"],
    [`card_holder=${"d".repeat(511)} `, 4410, 126, "be5cf6405f687d09c2b80f6bfc8d8478"],
    [`card_holder=${"d".repeat(513)} John Smith `, 66051, 0, "2a0bc7a65b2d2e53d5c219980dc54ab6"],
    ["<CardHolder>", 65544, 0, "37a8c88edd29006cb689f57b20deed13"],
  ])("%j repeated", (unit, length, markers, digest) => {
    const text = redactString(repeated(unit), policy).text.replace(/\[REDACTED:secret:[0-9a-f]+\]/g, "[REDACTED:secret:#]");
    const written = text.split("[REDACTED:").length - 1;
    expect([text.length, written, createHash("sha256").update(text).digest("hex").slice(0, 32)]).toEqual([length, markers, digest]);
  });
});
