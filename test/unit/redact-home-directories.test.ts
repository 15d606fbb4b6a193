/**
 * A home directory's account in a path is a person's login: stack traces and tracebacks of every
 * language carry it, so its name goes and the path stays; the accounts of systems, images and CI
 * runners stay, as do routes that only look like such paths. Also: a server's address in a
 * forwarded host header written in text stays, as the attribute rule keeps it.
 */
import { describe, expect, it } from "vitest";
import type { KeyValue } from "../../workers/shared/otlp/model";
import { redactionPolicy, redactedLogBody, storedSpanAttributes } from "../support/redaction";
import { itKeeps, itStores } from "../support/redaction-cases";

const NAME = "[REDACTED:person_name]";
const SERVER_SPAN = 2;
const str = (key: string, stringValue: string): KeyValue => ({ key, value: { stringValue } });

describe("a home directory's account in a path goes, the path stays", () => {
  itStores("%s", redactedLogBody, [
    // Python's traceback.
    ['File "/Users/jdoe/projects/shop/app.py", line 3', `File "/Users/${NAME}/projects/shop/app.py", line 3`],
    [
      '  File "/home/ana.silva/.venv/lib/python3.11/site-packages/django/core/handlers.py", line 47, in inner',
      `  File "/home/${NAME}/.venv/lib/python3.11/site-packages/django/core/handlers.py", line 47, in inner`,
    ],
    // Node's stack frame.
    ["    at Object.<anonymous> (/home/ana.silva/app/server.js:12:5)", `    at Object.<anonymous> (/home/${NAME}/app/server.js:12:5)`],
    // .NET's, with a profile's name holding a blank.
    [
      "   at Shop.Program.Main() in C:\\Users\\John Smith\\source\\repos\\Shop\\Program.cs:line 12",
      `   at Shop.Program.Main() in C:\\Users\\${NAME}\\source\\repos\\Shop\\Program.cs:line 12`,
    ],
    ["C:\\Users\\JSmith\\AppData\\Local\\Shop\\app.log", `C:\\Users\\${NAME}\\AppData\\Local\\Shop\\app.log`],
    ["c:/users/JSmith/shop/app.log", `c:/users/${NAME}/shop/app.log`],
    // Java's exception message.
    [
      "java.io.FileNotFoundException: /home/jdoe/config.yml (No such file or directory)",
      `java.io.FileNotFoundException: /home/${NAME}/config.yml (No such file or directory)`,
    ],
    ["file:///home/jdoe/shop/app.py", `file:///home/${NAME}/shop/app.py`],
    ["file:///C:/Users/JSmith/shop/app.py", `file:///C:/Users/${NAME}/shop/app.py`],
    ["HOME=/home/jdoe", `HOME=/home/${NAME}`],
    ["cwd: /Users/jdoe", `cwd: /Users/${NAME}`],
    // Homes outside `/home`, `/Users` and `C:\Users`: Fedora Atomic's, FreeBSD's, Solaris' and
    // illumos', macOS's data volume, Windows' seen from WSL, Cygwin and Git Bash, Windows XP's,
    // WSL's seen from Windows, and a shell's `~name`.
    ['File "/var/home/anselmo/projects/app.py", line 3', `File "/var/home/${NAME}/projects/app.py", line 3`],
    ["    at main (/usr/home/anselmo/app/server.js:12:5)", `    at main (/usr/home/${NAME}/app/server.js:12:5)`],
    ["java.io.FileNotFoundException: /export/home/anselmo/config.yml", `java.io.FileNotFoundException: /export/home/${NAME}/config.yml`],
    ["/System/Volumes/Data/Users/anselmo/Library/Logs/app.log", `/System/Volumes/Data/Users/${NAME}/Library/Logs/app.log`],
    ["open /mnt/c/Users/anselmo/AppData/Local/app.log: no such file", `open /mnt/c/Users/${NAME}/AppData/Local/app.log: no such file`],
    ["open /mnt/d/users/anselmo/src/main.go", `open /mnt/d/users/${NAME}/src/main.go`],
    ["/cygdrive/c/Users/anselmo/src/app.ts", `/cygdrive/c/Users/${NAME}/src/app.ts`],
    ["/c/Users/anselmo/src/app.ts", `/c/Users/${NAME}/src/app.ts`],
    ["C:\\Documents and Settings\\anselmo\\Desktop\\app.log", `C:\\Documents and Settings\\${NAME}\\Desktop\\app.log`],
    ["C:\\Documents and Settings\\Anselmo Reis\\Desktop\\app.log", `C:\\Documents and Settings\\${NAME}\\Desktop\\app.log`],
    ["\\\\wsl$\\Ubuntu\\home\\anselmo\\src\\app.py", `\\\\wsl$\\Ubuntu\\home\\${NAME}\\src\\app.py`],
    ["\\\\wsl.localhost\\Debian\\home\\anselmo\\app.py", `\\\\wsl.localhost\\Debian\\home\\${NAME}\\app.py`],
    ["cat ~anselmo/.bashrc", `cat ~${NAME}/.bashrc`],
    ["cwd=~anselmo/src", `cwd=~${NAME}/src`],
  ]);

  it("a JSON body's escaped Windows path keeps its escapes", () => {
    expect(redactedLogBody('{"file":"C:\\\\Users\\\\JSmith\\\\app.py","line":3}')).toBe(`{"file":"C:\\\\Users\\\\${NAME}\\\\app.py","line":3}`);
    expect(redactedLogBody('{"file":"C:\\\\Documents and Settings\\\\anselmo\\\\app.py"}')).toBe(`{"file":"C:\\\\Documents and Settings\\\\${NAME}\\\\app.py"}`);
    expect(redactedLogBody('{"file":"\\\\\\\\wsl$\\\\Ubuntu\\\\home\\\\anselmo\\\\app.py"}')).toBe(`{"file":"\\\\\\\\wsl$\\\\Ubuntu\\\\home\\\\${NAME}\\\\app.py"}`);
  });

  it.each([
    ["code.filepath", "/home/jdoe/shop/app.py", `/home/${NAME}/shop/app.py`],
    ["code.file.path", "C:\\Users\\JSmith\\Shop\\Program.cs", `C:\\Users\\${NAME}\\Shop\\Program.cs`],
    ["process.command_line", "python /Users/jdoe/shop/app.py", `python /Users/${NAME}/shop/app.py`],
    ["exception.stacktrace", "Error: x\n    at f (/home/ana.silva/app/a.js:1:2)\n    at g (/home/node/app/b.js:3:4)", `Error: x\n    at f (/home/${NAME}/app/a.js:1:2)\n    at g (/home/node/app/b.js:3:4)`],
  ])("the attribute %s = %s", (key, value, expected) => {
    expect(storedSpanAttributes(SERVER_SPAN, [str(key, value)])[key]).toBe(expected);
  });

  it("a policy that keeps person names keeps the account too", () => {
    const policy = redactionPolicy({ disabledDetectors: ["person_name"] });
    expect(redactedLogBody('File "/Users/jdoe/app.py", line 3', policy)).toBe('File "/Users/jdoe/app.py", line 3');
  });
});

describe("accounts that name no person, and routes, stay", () => {
  itKeeps("%s", redactedLogBody, [
    "/home/runner/work/shop/shop/app.js",
    "/home/node/app/server.js",
    "/home/ubuntu/app/server.js",
    "/home/ec2-user/app/server.js",
    "/home/app/server.js",
    "/Users/Shared/shop/app.py",
    "/home/circleci/project/app.py",
    "/root/app/server.js",
    "C:\\Users\\Public\\Documents\\report.txt",
    "C:\\Users\\Default\\AppData\\Local\\x.log",
    "C:\\Users\\runneradmin\\work\\x.cs",
    "/Users/runner/work/shop/app.swift",
    "/home/vscode/.cache/x",
    "/home/user/app/server.js",
    "/home/$USER/app/server.js",
    "Enter passphrase for key '/home/u/.ssh/id_ed25519':",
    "C:\\Users\\%USERNAME%\\AppData",
    "https://x/home/jdoe",
    "http://localhost:8080/home/jdoe/orders",
    "GET /home/jdoe HTTP/1.1",
    "api/home/jdoe",
    // The same systems' accounts under the other homes, and what only looks like `~name/`.
    "/var/home/root/.config/app.toml",
    "/usr/home/freebsd/app/server.js",
    "/export/home/admin/app.log",
    "/mnt/c/Users/Public/Documents/report.txt",
    "/c/Users/Default/AppData/x.log",
    "C:\\Documents and Settings\\All Users\\Application Data\\x.log",
    "C:\\Documents and Settings\\LocalService\\Local Settings\\x.log",
    "C:\\Documents and Settings\\Administrator\\x.log",
    "\\\\wsl$\\Ubuntu\\home\\ubuntu\\app.py",
    "~root/.ssh/authorized_keys",
    "~runner/work/shop",
    "~/src/app.ts",
    "took ~5/10 tries",
    "~50/100 requests done",
    "https://example.com/~anselmo/index.html",
    "GET /var/home/anselmo HTTP/1.1",
    "GET /System/Volumes/Data/Users/anselmo HTTP/1.1",
    "path=/v/users/42",
    "/usr/local/home/x",
  ]);

  it.each([
    ["url.path", "/home/jdoe"],
    ["http.route", "/Users/jdoe/orders"],
    ["http.target", "/home/jdoe?tab=2"],
  ])("the route %s = %s", (key, value) => {
    expect(storedSpanAttributes(SERVER_SPAN, [str(key, value)])).toEqual({ [key]: value });
  });
});

describe("a forwarded host or server in text is a server's address", () => {
  it.each(["X-Forwarded-Host: 203.0.113.77", "x-forwarded-server=203.0.113.77", "X-Forwarded-Server: 203.0.113.77", "x-forwarded-host=203.0.113.77"])(
    "%s stays",
    (text) => {
      expect(redactedLogBody(text)).toBe(text);
    },
  );

  it("the visitor's X-Forwarded-For still goes", () => {
    expect(redactedLogBody("X-Forwarded-For: 203.0.113.77")).toBe("X-Forwarded-For: [REDACTED:ipv4]");
  });
});
