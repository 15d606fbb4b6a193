/**
 * A password's change naming whose the password is between the password's word and the new value
 * (password-changes.ts' `OWNED_CHANGE`, password-sentences.ts' whose-phrases): `set password for
 * alice to …`, `password for alice changed to …`, `admin changed bob's password to …`, German
 * `Passwort des Benutzers anna von … auf … geändert`, a dotted user's name (`Passwort von
 * hans.meier auf … geändert`), Dutch and French owners. The value goes, quoted or not; the
 * user's name stays. Words after `to` that are no password's shape (`to expire`, `to required`,
 * `to the default`) stay.
 */
import { describe } from "vitest";
import { itKeepsInEveryForm, itStoresInEveryForm } from "../support/prose-forms";

const PARAM = "[REDACTED:secret_param]";

describe("a password's change naming whose the password is", () => {
  const cases: readonly (readonly [string, string])[] = [
    ["set password for alice to 'Tr0ub4dor&3'", `set password for alice to '${PARAM}'`],
    ["set password for alice to Tr0ub4dor&3", `set password for alice to ${PARAM}`],
    ['password for alice changed to "Xk9#mPq2vL"', `password for alice changed to "${PARAM}"`],
    ["password for alice changed to Xk9#mPq2vL.", `password for alice changed to ${PARAM}`],
    ['admin changed bob\'s password to "Xk9#mPq2vL"', `admin changed bob's password to "${PARAM}"`],
    ["admin changed bob’s password to Xk9#mPq2vL", `admin changed bob’s password to ${PARAM}`],
    ["Password of hans changed to Neu456!", `Password of hans changed to ${PARAM}`],
    ["password for alice was reset to Welcome1!", `password for alice was reset to ${PARAM}`],
    ['password of alice was updated to "Welcome1!"', `password of alice was updated to "${PARAM}"`],
    ["password changed for alice to Xk9#mPq2vL", `password changed for alice to ${PARAM}`],
    ["reset password for bob to Welcome1!", `reset password for bob to ${PARAM}`],
    ['updated password for user bob to "S3cret!2024"', `updated password for user bob to "${PARAM}"`],
    ["set a new password for john.doe to Xk9#mPq2vL", `set a new password for john.doe to ${PARAM}`],
    ["changed the password of bob to Xk9#mPq2vL", `changed the password of bob to ${PARAM}`],
    ["SET PASSWORD FOR alice TO 'Tr0ub4dor&3'", `SET PASSWORD FOR alice TO '${PARAM}'`],
    ["Passwort des Benutzers anna von Alt123! auf Neu456! geändert", `Passwort des Benutzers anna von ${PARAM} auf ${PARAM} geändert`],
    ["Passwort des Benutzers anna auf Neu456! geändert", `Passwort des Benutzers anna auf ${PARAM} geändert`],
    ['Passwort des Benutzers anna wurde auf "Neu456!" geändert', `Passwort des Benutzers anna wurde auf "${PARAM}" geändert`],
    ["Passwort der Benutzerin anna geändert auf Neu456!", `Passwort der Benutzerin anna geändert auf ${PARAM}`],
    ["Passwort von hans.meier auf Neu456! geändert", `Passwort von hans.meier auf ${PARAM} geändert`],
    ["Passwort für hans.meier geändert auf Neu456!", `Passwort für hans.meier geändert auf ${PARAM}`],
    ["Passwort von hans.meier von Alt123! auf Neu456! geändert", `Passwort von hans.meier von ${PARAM} auf ${PARAM} geändert`],
    ["password for john.doe changed from OldPw1! to Neu456!", `password for john.doe changed from ${PARAM} to ${PARAM}`],
    ["wachtwoord voor jan.devries gewijzigd naar Neu456!", `wachtwoord voor jan.devries gewijzigd naar ${PARAM}`],
    ["mot de passe pour jean.dupont changé à Neu456!", `mot de passe pour jean.dupont changé à ${PARAM}`],
  ];
  itStoresInEveryForm(cases, (line) => (/Neu456!/.test(line) ? "Neu456!" : /Welcome1!/.test(line) ? "Welcome1!" : /Tr0ub4dor/.test(line) ? "Tr0ub4dor&3" : /S3cret/.test(line) ? "S3cret!2024" : "Xk9#mPq2vL"));

  itKeepsInEveryForm("no password's shape after the owner and `to`", [
    "set password for alice to expire",
    "password for bob changed to required",
    "changed bob's password to the default",
    "set password for alice to never expire",
    "set password for alice to expire in 30 days",
    "password for bob changed to 12 characters",
    "reset password for user bob to default",
    'set password for alice to "expire"',
    "changed bob's password to 'required'",
    "password for alice was reset to 2024-12-31",
    "set password expiry for alice to 90 days",
    "changed password policy for bob to strict",
    "password for alice changed to v2.3.1",
    "sent password for alice to jdoe42",
    "reset password for bob to a temporary one",
    "password for alice changed to version 3",
    "changed bob's password to match policy",
    "set password for db_admin to ${DB_PASSWORD}",
    'set password for alice to "********"',
    "changed bob's password to SHA256",
    "password for alice changed to db-prod-01.internal",
    "set password for alice to 30d",
    "set password for alice to env:ALICE_PW",
    "password for alice changed to TLS1.2",
    "password for alice changed to /etc/app/pw.txt",
    "Passwort des Benutzers anna wurde auf Standard zurückgesetzt",
    "Passwort des Benutzers anna ist abgelaufen",
    "Passwort von hans.meier auf Anfrage geändert",
    "Passwort von hans.meier wurde geändert",
    "wachtwoord voor jan.devries gewijzigd naar standaard",
    "mot de passe pour jean.dupont changé en 2026",
  ]);

  // A placeholder for no value after `to` names no password, an owner named or not (password-value-kinds.ts' `namesSettingValue`).
  itKeepsInEveryForm("a placeholder for no value or a hidden one after `to`", [
    'password for alice changed to "(none)"',
    'password changed to "(none)"',
    'password changed to "(unset)"',
    'set password for bob to "(unset)"',
    "set password for bob to {REDACTED}",
    "password for alice changed to {REDACTED}",
  ]);

  // A password's shape near those look-alikes still goes.
  itStoresInEveryForm(
    [
      ["password for alice changed to P@ssw0rd-2024", `password for alice changed to ${PARAM}`],
      ["set password for bob to Winter#2025", `set password for bob to ${PARAM}`],
      ["set password for bob to Ticket#2024", `set password for bob to ${PARAM}`],
      ["password for alice changed to Strong-2024!", `password for alice changed to ${PARAM}`],
      ["Passwort ist Sommer-2024", `Passwort ist ${PARAM}`],
      ["Passwort des Kontos ist Sommer-2024", `Passwort des Kontos ist ${PARAM}`],
    ],
    (line) => /[\w#@!-]+$/.exec(line)![0],
  );

  // A hyphenated description after a sentence's verb, a whose-word before it or not (password-sentences.ts' `describesPassword`), a duration, a version or a policy's level after `auf`.
  itKeepsInEveryForm("a German description, duration, version or policy's level where the value would be", [
    "Passwort der Richtlinie ist 12-stellig",
    "Kennwort des Administrators ist 90-Tage-gültig",
    "Passwort vom Typ bcrypt ist SHA256-kompatibel",
    "Passwort des Kontos ist v2-gesperrt",
    "Passwort der Benutzer wurde auf 90-Tage gesetzt",
    "Passwort ist 12-stellig",
    "Passwort wurde auf 12-stellig gesetzt",
  ]);

  // Whose the password is in capitals' possessive, after a noun, before a kind of password; who changed it; a quoted or keyed owner; both values after a possessive.
  itStoresInEveryForm(
    [
      ["ADMIN CHANGED BOB'S PASSWORD TO Winter#2025", `ADMIN CHANGED BOB'S PASSWORD TO ${PARAM}`],
      ["changed user alice's password to Winter#2025", `changed user alice's password to ${PARAM}`],
      ["changed bob's temporary password to Winter#2025", `changed bob's temporary password to ${PARAM}`],
      ["Admin changed user alice's initial password to Winter#2025", `Admin changed user alice's initial password to ${PARAM}`],
      ["password for alice changed by admin to Winter#2025", `password for alice changed by admin to ${PARAM}`],
      ["password for alice was changed by admin to Winter#2025", `password for alice was changed by admin to ${PARAM}`],
      ["changed bob's password from OldPw#1 to Winter#2025", `changed bob's password from ${PARAM} to ${PARAM}`],
      ['password for "alice" changed to Winter#2025', `password for "alice" changed to ${PARAM}`],
      ["set password for uid=1001 to Winter#2025", `set password for uid=1001 to ${PARAM}`],
      ["set password for user:alice to Winter#2025", `set password for user:alice to ${PARAM}`],
    ],
    () => "Winter#2025",
  );

  itKeepsInEveryForm("no password's shape after those owners", [
    "password for bob changed by admin to expire",
    "password for alice changed by admin to match policy",
    "set password for uid=1001 to 90-days",
    'password for "alice" changed to required',
    "changed bob's password from stage1 to stage2",
    "changed bob's password from the admin console to the user portal",
    "ADMIN CHANGED BOB'S PASSWORD TO REQUIRED",
    "changed user alice's password policy to Strict-2",
    "changed bob's temporary password to expire in 24 hours",
  ]);

  // A passphrase in quotes after whose the password is, as without an owner (password-phrase.ts' `isPassphrase`).
  itStoresInEveryForm(
    [
      ['password for alice changed to "P@ss w0rd!"', `password for alice changed to "${PARAM}"`],
      ["password for alice changed to 'P@ss w0rd!'", `password for alice changed to '${PARAM}'`],
      ['changed bob\'s password to "P@ss w0rd!"', `changed bob's password to "${PARAM}"`],
      ["set password for alice to 'P@ss w0rd!'", `set password for alice to '${PARAM}'`],
    ],
    () => "P@ss w0rd!",
  );

  itKeepsInEveryForm("a setting's name, a duration or prose in quotes after the owner", [
    'password for alice changed to "Never Expires"',
    'set password for alice to "30 days"',
    'password for alice changed to "the default"',
    'changed bob\'s password to "match policy"',
    'set password for alice to "must be 8 characters"',
    'password for alice changed to "expire in 30 days"',
  ]);
});
