/**
 * Passwords that commands take as arguments (command-passwords.ts): `htpasswd -b`,
 * `mosquitto_passwd -b`, `rabbitmqctl add_user …`, Windows' `net user`/`net use`, `openssl
 * passwd`, `mkpasswd`, a line piped into `chpasswd` or `passwd --stdin`; and the shadow
 * utilities' `-p` (password-options.ts). Only the password goes: what else the line holds is
 * left to the other detectors. Usage and help text, error lines, locks and placeholders stay.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { itKeeps, itStores } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const redact = (text: string) => redactString(text, policy).text;
const M = "[REDACTED:secret_param]";

describe("passwords given to commands as arguments", () => {
  itStores("stores %j as %j", redact, [
    ["htpasswd -b /etc/nginx/.htpasswd alice S3cr3t!pw", `htpasswd -b /etc/nginx/.htpasswd alice ${M}`],
    ["htpasswd -bc .htpasswd alice S3cr3t!pw", `htpasswd -bc .htpasswd alice ${M}`],
    ["htpasswd -nb alice S3cr3t!pw", `htpasswd -nb alice ${M}`],
    ["htpasswd -B -C 12 -b .htpasswd alice 'S3cr3t!pw'", `htpasswd -B -C 12 -b .htpasswd alice '${M}'`],
    ["sudo htpasswd -b /etc/nginx/.htpasswd alice S3cr3t!pw 2>&1", `sudo htpasswd -b /etc/nginx/.htpasswd alice ${M} 2>&1`],
    ["htpasswd -b f alice S3cr3t!pw; echo done", `htpasswd -b f alice ${M}; echo done`],
    ["mosquitto_passwd -b /etc/mosquitto/passwd alice S3cr3t!pw", `mosquitto_passwd -b /etc/mosquitto/passwd alice ${M}`],
    ["mosquitto_passwd -H sha512 -c -b passwd alice S3cr3t!pw", `mosquitto_passwd -H sha512 -c -b passwd alice ${M}`],
    ["rabbitmqctl add_user alice S3cr3t!pw", `rabbitmqctl add_user alice ${M}`],
    ["rabbitmqctl change_password alice S3cr3t!pw", `rabbitmqctl change_password alice ${M}`],
    ["rabbitmqctl authenticate_user alice S3cr3t!pw", `rabbitmqctl authenticate_user alice ${M}`],
    ["rabbitmqctl hash_password S3cr3t!pw", `rabbitmqctl hash_password ${M}`],
    ['rabbitmqctl -n rabbit@node1 add_user alice "S3cr3t!pw"', `rabbitmqctl -n rabbit@node1 add_user alice "${M}"`],
    ["net user alice S3cr3t!pw /add", `net user alice ${M} /add`],
    ["NET USER alice S3cr3t!pw /ADD", `NET USER alice ${M} /ADD`],
    ["net.exe user alice S3cr3t!pw", `net.exe user alice ${M}`],
    ["C:/Windows/System32/net.exe user alice S3cr3t!pw /add", `C:/Windows/System32/net.exe user alice ${M} /add`],
    ["net use \\\\srv\\share S3cr3t!pw /user:alice", `net use \\\\srv\\share ${M} /user:alice`],
    ["net use Z: \\\\srv\\share S3cr3t!pw /user:corp\\alice /persistent:yes", `net use Z: \\\\srv\\share ${M} /user:corp\\alice /persistent:yes`],
    ["net use \\\\srv\\share /user:alice S3cr3t!pw", `net use \\\\srv\\share /user:alice ${M}`],
    ["openssl passwd -6 S3cr3t!pw", `openssl passwd -6 ${M}`],
    ["openssl passwd -6 -salt xyz S3cr3t!pw", `openssl passwd -6 -salt xyz ${M}`],
    ["mkpasswd -m sha-512 S3cr3t!pw", `mkpasswd -m sha-512 ${M}`],
    ["echo 'alice:S3cr3t!pw' | chpasswd", `echo 'alice:${M}' | chpasswd`],
    ["printf '%s\\n' 'alice:S3cr3t!pw' | sudo chpasswd", `printf '%s\\n' 'alice:${M}' | sudo chpasswd`],
    ["printf '%s\\n' 'a:Pw9xyz!' | chpasswd", `printf '%s\\n' 'a:${M}' | chpasswd`],
    ["echo 'a:Pw9xyz!' | sudo -u root chpasswd", `echo 'a:${M}' | sudo -u root chpasswd`],
    ["chpasswd <<< 'alice:S3cr3t!pw'", `chpasswd <<< 'alice:${M}'`],
    ["echo S3cr3t!pw | passwd --stdin alice", `echo ${M} | passwd --stdin alice`],
    ["echo -n S3cr3t!pw | passwd alice --stdin", `echo -n ${M} | passwd alice --stdin`],
    ["htpasswd -b file alice 'S3 cr3t pw'", `htpasswd -b file alice '${M}'`],
    ['echo "S3cr3t!pw" | sudo passwd --stdin alice', `echo "${M}" | sudo passwd --stdin alice`],
    ["useradd -p S3cr3t!pw alice", `useradd -p ${M} alice`],
    ["usermod -p S3cr3t!pw alice", `usermod -p ${M} alice`],
    ["groupadd -p S3cr3t!pw devs", `groupadd -p ${M} devs`],
    ["groupmod -p S3cr3t!pw devs", `groupmod -p ${M} devs`],
    // A shell's xtrace.
    ["+ htpasswd -b file alice Pw9xyz!", `+ htpasswd -b file alice ${M}`],
    ["++ net user alice Pw9xyz! /add", `++ net user alice ${M} /add`],
    // The password given to mkpasswd, whose output is useradd's `-p`.
    ["useradd -p $(mkpasswd Xk9mPq2v) u", `useradd -p $(mkpasswd ${M}) u`],
    // A password starting with `-` where only a password stands, or after `--`.
    ["htpasswd -b file alice -Pw9xyz", `htpasswd -b file alice ${M}`],
    ["rabbitmqctl add_user -- alice -Pw9xyz", `rabbitmqctl add_user -- alice ${M}`],
    ["openssl passwd -6 -- -Pw9xyz", `openssl passwd -6 -- ${M}`],
    // In JSON text, its quotes escaped.
    ['{"cmd":"htpasswd -b f alice \\"S3cr3t!pw\\""}', `{"cmd":"htpasswd -b f alice \\"${M}\\""}`],
    ['{"cmd":"echo \\"alice:S3cr3t!pw\\" | chpasswd"}', `{"cmd":"echo \\"alice:${M}\\" | chpasswd"}`],
    ['{"cmd":"printf \\"%s\\\\n\\" \\"alice:S3cr3t!pw\\" | chpasswd"}', `{"cmd":"printf \\"%s\\\\n\\" \\"alice:${M}\\" | chpasswd"}`],
    // The rest of the line is the other detectors'.
    ["htpasswd -b -C 12 .htpasswd alice@example.com 'S3cr3t!pw'", `htpasswd -b -C 12 .htpasswd [REDACTED:email] '${M}'`],
    ['{"cmd":"net user alice S3cr3t!pw /add","user":"alice@example.com"}', `{"cmd":"net user alice ${M} /add","user":"[REDACTED:email]"}`],
  ]);

  it("redacts a crypt hash after useradd's -p as a password hash", () => {
    const hash = "$6$abcdefgh$Zx9QkL2mN8pR4sT6vW0yA1bC3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5zA7bC9dE1fG3hI5jK7lM9nO1pQ3r";
    expect(redact(`useradd -p '${hash}' alice`)).toBe("useradd -p '[REDACTED:password_hash]' alice");
  });

  itKeeps("keeps usage and help text: %j", redact, [
    "htpasswd -b passwordfile username password",
    "NET USER [username [password | *]] [/ADD]",
    "htpasswd [-cimB25dpsDv] [-C cost] passwordfile username",
    "htpasswd -b -c /etc/nginx/.htpasswd",
    "mkpasswd -l 20",
    "mkpasswd -m help",
    "openssl passwd -help",
    "rabbitmqctl add_user <username> <password>",
  ]);

  itKeeps("keeps error and result lines: %j", redact, [
    "rabbitmqctl add_user alice: Error: user_already_exists",
    'Adding user "alice" ...',
    "net user alice 2>&1",
    "net user alice | findstr Active",
    "net user alice /domain",
    "net user alice /active:yes",
  ]);

  itKeeps("keeps locks, variables and placeholders: %j", redact, [
    "usermod -p '!' alice",
    "useradd -p '*' svc",
    "useradd -p '' svc",
    "useradd -p $PASS alice",
    'useradd -p "$PASSWORD" alice',
    'usermod -p "$(openssl passwd -6 "$PW")" alice',
    "htpasswd -b file alice $PASS",
    'htpasswd -b file alice "$PASSWORD"',
    "htpasswd -b file alice ${PW}",
    "net user alice %PASSWORD% /add",
    "net user alice <password> /add",
    "net user alice * /add",
    "net user alice **** /add",
    "htpasswd -b file alice [REDACTED]",
    'echo "$PW" | passwd --stdin alice',
    'echo "alice:$PW" | chpasswd',
    'echo "${USER}:${PASS}" | chpasswd',
    'htpasswd -b .htpasswd admin "$(cat /run/secrets/pw)"',
  ]);

  itKeeps("keeps prose naming the commands: %j", redact, [
    "run mkpasswd to hash it",
    "the net user accounts are locked",
    "openssl passwd is deprecated",
    "rabbitmqctl add_user failed",
    "Net user growth 25% this week",
  ]);

  const repeated = (unit: string) => unit.repeat(Math.ceil(65_536 / unit.length));
  const markers = (text: string) => text.split("[REDACTED:").length - 1;

  it.each(["htpasswd -b ", "net user ", "| chpasswd", "NET USE ", "net use \\\\", "rabbitmqctl add_user a ", "openssl passwd -salt ", "mkpasswd -m ", "passwd --stdin ", "chpasswd <<< a:"])(
    "leaves 64 KB of %j repeated as it is",
    (unit) => {
      const text = repeated(unit);
      expect(markers(redact(text))).toBe(0);
      expect(redact(text)).toBe(text);
    },
  );

  it("redacts each password of 64 KB of one command repeated", () => {
    const unit = "echo a:Pw9x | chpasswd ";
    expect(markers(redact(repeated(unit)))).toBe(Math.ceil(65_536 / unit.length));
  });

  itStores("leaves a value another detector knows to that one (its kind kept): %j as %j", redact, [
    ["htpasswd -b f alice ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789", "htpasswd -b f alice [REDACTED:known_token]"],
    ["htpasswd -b f alice AKIAIOSFODNN7EXAMPLE", "htpasswd -b f alice [REDACTED:known_token]"],
    ["htpasswd -b f alice 4111111111111111", "htpasswd -b f alice [REDACTED:card]"],
    ["htpasswd -b f alice 123-45-6789", "htpasswd -b f alice [REDACTED:ssn]"],
    ["htpasswd -b f alice +14155550134", "htpasswd -b f alice [REDACTED:phone]"],
    ["htpasswd -b f alice password=Hunter2x", `htpasswd -b f alice password=${M}`],
    ["net user alice '$6$saltsalt$qFmFH.bQmmtXzyBY0s9v7Oicd2z4XSIecDzlB5KiA2/jctKu9YterLp8wwnSq.qc.eoxqOmSuNp2xS0ktL3nh/'", "net user alice '[REDACTED:password_hash]'"],
    ["echo 'alice:$6$saltsalt$qFmFH.bQmmtXzyBY0s9v7Oicd2z4XSIecDzlB5KiA2/jctKu9YterLp8wwnSq.qc.eoxqOmSuNp2xS0ktL3nh/' | chpasswd -e", "echo 'alice:[REDACTED:password_hash]' | chpasswd -e"],
  ]);

  itStores("reads useradd's -p among its own options only: %j as %j", redact, [
    ["useradd -m -s /bin/bash -p S3cr3t!pw alice", `useradd -m -s /bin/bash -p ${M} alice`],
    ["useradd alice then ran ssh -p 2222 bastion", "useradd alice then ran ssh -p 2222 bastion"],
    ["useradd alice, then docker run -p 8080:80 app", "useradd alice, then docker run -p 8080:80 app"],
    ["usermod -aG docker alice then mkdir -p /srv/app/.ssh", "usermod -aG docker alice then mkdir -p /srv/app/.ssh"],
    // `;`, `|` and `&` end useradd's command even with no blank around them: the next command's -p is not its.
    ["useradd -m app&&mkdir -p /app/data", "useradd -m app&&mkdir -p /app/data"],
    ["useradd -m app|mkdir -p /app/data", "useradd -m app|mkdir -p /app/data"],
    ["useradd -m app;mkdir -p build_2026", "useradd -m app;mkdir -p build_2026"],
    ["usermod -L svc;cp -p /etc/skel/.bashrc /srv/svc/", "usermod -L svc;cp -p /etc/skel/.bashrc /srv/svc/"],
    ["useradd -m -p 'Zq7#kLm2' bob&&echo ok", `useradd -m -p '${M}' bob&&echo ok`],
    // A command's substitution that is the whole value says where the password is, as a parameter's does
    // (`htpasswd … "$(cat /run/secrets/pw)"` above): kept whole.
    ["docker login -u bob -p $(cat /run/secrets/pw) registry.example.com", "docker login -u bob -p $(cat /run/secrets/pw) registry.example.com"],
  ]);

  itKeeps("keeps usage lines, output, versions and prose after the commands: %j", redact, [
    "Usage: openssl passwd [options] [password]",
    "openssl passwd [-help] [-1] [-apr1] [-salt string] [password]",
    "Usage: mkpasswd [OPTIONS]... [PASSWORD [SALT]]",
    "mkpasswd -m sha-512 [PASSWORD]",
    "NET USER username {password | *} /ADD",
    "net user alice The command completed successfully.",
    "net use \\\\srv\\share New connections will be remembered.",
    "net use \\\\srv\\share System error 53 has occurred.",
    "net use \\\\srv\\share OK",
    "net use \\\\srv\\share Disconnected",
    "net use \\\\srv\\share Unavailable",
    "net user alice Access is denied.",
    "rabbitmqctl change_password admin Error: no_such_user",
    "Error: rabbitmqctl add_user alice Failed",
    "rabbitmqctl authenticate_user alice Success",
    "openssl passwd -sha512 Unknown option",
    "mkpasswd 5.5.13",
    "mkpasswd OK",
    "mkpasswd ERROR",
    "mkpasswd Invalid method 'sha512'.",
    "mkpasswd #123: fix salt",
    "rabbitmqctl add_user alice 3.12.0",
    "NET USER GROWTH 25% IN Q3",
    "NET USER Alice Disabled",
    "usermod -p is deprecated, use chpasswd",
    'net user "John Smith" /domain',
    // expect's mkpasswd: a user's name last, `-p` its program.
    "mkpasswd -l 12 -d 2 -C 2 -s 1 Alice",
    "mkpasswd -p /usr/bin/passwd alice",
  ]);

  itKeeps("keeps placeholders, templates, locks and what is no command's input: %j", redact, [
    "net user %1 %2 /add",
    "net user %username% %password% /add",
    "net user !user! !pass! /add",
    "rabbitmqctl add_user alice $@",
    "rabbitmqctl add_user alice %1",
    "rabbitmqctl add_user alice @pw.txt",
    "rabbitmqctl add_user {{ rabbitmq_user }} {{ rabbitmq_pw }}",
    "openssl passwd -6 {{ pw }}",
    "useradd -p {{ pw }} alice",
    "htpasswd -b f alice {}",
    "useradd -p PASSWORD alice",
    "usermod -p ENCRYPTED_PASSWORD alice",
    'echo "alice:!" | chpasswd -e',
    "echo 'alice:!!' | chpasswd -e",
    "usermod -p '*LK*' alice",
    "echo $? | passwd --stdin alice",
    "echo ok | passwd --stdin alice",
    "echo 12:00 | chpasswd",
    "echo 'host:8080' | chpasswd",
  ]);

  itStores("redacts a password after a quoted user's name: %j as %j", redact, [['net user "John Smith" S3cr3t!pw /add', `net user "John Smith" ${M} /add`]]);

  itStores("reads more of the commands' shapes: %j as %j", redact, [
    ['"C:/Windows/System32/net.exe" user alice S3cr3t!pw /add', `"C:/Windows/System32/net.exe" user alice ${M} /add`],
    ['"net.exe" user alice S3cr3t!pw /add', `"net.exe" user alice ${M} /add`],
    ["net1 user alice S3cr3t!pw /add", `net1 user alice ${M} /add`],
    ["net use \\\\srv\\share /persistent:no /user:alice S3cr3t!pw", `net use \\\\srv\\share /persistent:no /user:alice ${M}`],
    ["net use \\\\srv\\share /u:alice S3cr3t!pw", `net use \\\\srv\\share /u:alice ${M}`],
    ["rabbitmqctl.bat add_user alice S3cr3t!pw", `rabbitmqctl.bat add_user alice ${M}`],
    ["mkpasswd --method=sha-512 S3cr3t!pw", `mkpasswd --method=sha-512 ${M}`],
    ["htpasswd -b /etc/nginx/.htpasswd alice S3cr3t!pw # add user", `htpasswd -b /etc/nginx/.htpasswd alice ${M} # add user`],
    ["command failed: htpasswd -b /etc/nginx/.htpasswd alice S3cr3t!pw (exit 1)", `command failed: htpasswd -b /etc/nginx/.htpasswd alice ${M} (exit 1)`],
    ["echo 'alice:S3cr3t!pw' | /usr/sbin/chpasswd", `echo 'alice:${M}' | /usr/sbin/chpasswd`],
    ["echo 'alice:S3cr3t!pw' | doas chpasswd", `echo 'alice:${M}' | doas chpasswd`],
    ["echo S3cr3t!pw | /usr/bin/passwd --stdin alice", `echo ${M} | /usr/bin/passwd --stdin alice`],
    [": 1733450000:0;useradd -p S3cr3t!pw alice", `: 1733450000:0;useradd -p ${M} alice`],
  ]);

  itKeeps("keeps dates, times, hosts' names and numbers where a password would stand: %j", redact, [
    "echo 10:30:00 | chpasswd",
    "useradd -p 1000 alice",
    "usermod -p 12345 alice",
    "net user alice 2026-12-06 /add",
    "rabbitmqctl add_user alice db01.example.com",
  ]);
});
