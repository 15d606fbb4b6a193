/**
 * `pw` as a name's last word after another (`db_pw`) names a password, as `pass` does; `pwd`
 * holding a directory's path (`./build`, `/home/app`, `~/src`, `C:\app`) is the working
 * directory and stays, under an attribute's key and a JSON member's name as in text.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { redactedLogBody, storedLogAttribute } from "../support/redaction";

describe("`pw` as a name's last word", () => {
  it.each([
    ["db_pw: s3cret9", "db_pw: [REDACTED:secret_param]", { secret_param: 1 }],
    ["smtpPw=hunter2 user=ana", "smtpPw=[REDACTED:secret_param] user=ana", { secret_param: 1 }],
    ['{"db_pw":"s3cret9","db_user":"app"}', '{"db_pw":"[REDACTED:secret]","db_user":"app"}', { secret: 1 }],
  ] as const)("%s", (text, expected, counts) => {
    expect(redactString(text, defaultRedactionPolicy())).toEqual({ text: expected, counts });
    expect(redactedLogBody(text)).toBe(expected);
  });

  it("is a password under an attribute's key, and stays a flag's or count's alone", () => {
    expect(storedLogAttribute("db_pw", { stringValue: "s3cret9" })).toEqual({ stringValue: "[REDACTED:secret]" });
    for (const text of ["pw: 3", "low_pw=3 high_pw=9"]) expect(redactString(text, defaultRedactionPolicy())).toEqual({ text, counts: {} });
  });
});

describe("`pwd` holding a directory's path", () => {
  it.each(['{"pwd":"./build"}', '{"pwd":"/home/app","cmd":"make"}', '{"pwd":"~/src"}', '{"pwd":"C:\\\\app"}', "pwd=./build", "pwd: /home/app"])("%s stays", (text) => {
    expect(redactString(text, defaultRedactionPolicy())).toEqual({ text, counts: {} });
    expect(redactedLogBody(text)).toBe(text);
  });

  it("stays under an attribute's key, and a password there is still replaced", () => {
    expect(storedLogAttribute("pwd", { stringValue: "./build" })).toEqual({ stringValue: "./build" });
    expect(storedLogAttribute("process.pwd", { stringValue: "/srv/app" })).toEqual({ stringValue: "/srv/app" });
    expect(storedLogAttribute("pwd", { stringValue: "s3cret9" })).toEqual({ stringValue: "[REDACTED:secret]" });
    expect(redactString('{"pwd":"s3cret9"}', defaultRedactionPolicy())).toEqual({ text: '{"pwd":"[REDACTED:secret]"}', counts: { secret: 1 } });
  });
});
