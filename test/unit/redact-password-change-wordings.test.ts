/**
 * A password's change stating both values in the wordings the pairs' first forms missed
 * (password-changes.ts, detectors/password-change.ts): German and Dutch with the participle last
 * (`Passwort von … auf … geändert`), labelled values (`old=… new=…`), the short words (`pwd`,
 * `passwd`, `pass`), adverbs (`successfully`), arrows glued to the values (`Old->New`),
 * Terraform's plan (`password = "Old" -> "New"`), and a quoted new value after `to`
 * (`set password to "…"`, password-phrase.ts). Lower-case values go too. Counts, versions,
 * addresses and prose stay.
 */
import { describe, expect, it } from "vitest";
import { itKeepsInEveryForm, itStoresInEveryForm, storedForms, text } from "../support/prose-forms";

const PARAM = "[REDACTED:secret_param]";

describe("a password's change in more wordings", () => {
  const cases: readonly (readonly [string, string])[] = [
    ["Passwort von alt123# auf neu456 geändert", `Passwort von ${PARAM} auf ${PARAM} geändert`],
    ["Passwort wurde von Alt123! auf Neu456! geändert", `Passwort wurde von ${PARAM} auf ${PARAM} geändert`],
    ["Passwort für anna von Alt123! auf Neu456! geändert", `Passwort für anna von ${PARAM} auf ${PARAM} geändert`],
    ["Wachtwoord van oud123! naar nieuw456! gewijzigd", `Wachtwoord van ${PARAM} naar ${PARAM} gewijzigd`],
    ["password changed old=hunter2 new=hunter3", `password changed old=${PARAM} new=${PARAM}`],
    ["password changed old=Hunter2x, new=Hunter3x", `password changed old=${PARAM}, new=${PARAM}`],
    ["password changed (old=Hunter2x new=Hunter3x)", `password changed (old=${PARAM} new=${PARAM})`],
    ['password changed: old="Hunter2x" new="Hunter3x"', `password changed: old="${PARAM}" new="${PARAM}"`],
    ["password changed old: Hunter2x new: Hunter3x", `password changed old: ${PARAM} new: ${PARAM}`],
    ["Passwort geändert: alt=Alt123! neu=Neu456!", `Passwort geändert: alt=${PARAM} neu=${PARAM}`],
    ['Passwort geändert, alt="Alt123!", neu="Neu456!"', `Passwort geändert, alt="${PARAM}", neu="${PARAM}"`],
    ["PASSWORT GEÄNDERT ALT: Alt123! NEU: Neu456!", `PASSWORT GEÄNDERT ALT: ${PARAM} NEU: ${PARAM}`],
    ['~ administrator_login_password = "Hunter2x" -> "Hunter3x"', `~ administrator_login_password = "${PARAM}" -> "${PARAM}"`],
    ['~ master_password = "Hunter2x" -> "Hunter3x"', `~ master_password = "${PARAM}" -> "${PARAM}"`],
    ['~ admin_password = "Hunter2x" -> "Hunter3x"', `~ admin_password = "${PARAM}" -> "${PARAM}"`],
    ['~ db_password = "Hunter2x" => "Hunter3x"', `~ db_password = "${PARAM}" => "${PARAM}"`],
    ['~ DB_PASSWORD = "Hunter2x" -> "Hunter3x"', `~ DB_PASSWORD = "${PARAM}" -> "${PARAM}"`],
    ["pwd changed from hunter2! to hunter3!", `pwd changed from ${PARAM} to ${PARAM}`],
    ["passwd changed from Hunter2x to Hunter3x", `passwd changed from ${PARAM} to ${PARAM}`],
    ["PASSWD changed from Hunter2x to Hunter3x", `PASSWD changed from ${PARAM} to ${PARAM}`],
    ["pass changed from Hunter2x to Hunter3x", `pass changed from ${PARAM} to ${PARAM}`],
    ["changed pwd from Hunter2x to Hunter3x", `changed pwd from ${PARAM} to ${PARAM}`],
    ["password successfully changed from Hunter2x to Hunter3x", `password successfully changed from ${PARAM} to ${PARAM}`],
    ["password was successfully changed from Hunter2x to Hunter3x", `password was successfully changed from ${PARAM} to ${PARAM}`],
    ["Password changed successfully from Hunter2x to Hunter3x", `Password changed successfully from ${PARAM} to ${PARAM}`],
    ["changed password of bob from Hunter2x to Hunter3x", `changed password of bob from ${PARAM} to ${PARAM}`],
    ["password changed: Hunter2x->Hunter3x", `password changed: ${PARAM}->${PARAM}`],
    ["password changed: Hunter2x=>Hunter3x", `password changed: ${PARAM}=>${PARAM}`],
    ["password changed: hunter2x->hunter3x", `password changed: ${PARAM}->${PARAM}`],
    ['password = "Hunter2x" -> "Hunter3x"', `password = "${PARAM}" -> "${PARAM}"`],
    ['~ password = "Hunter2x" => "Hunter3x"', `~ password = "${PARAM}" => "${PARAM}"`],
    ['set password to "s3cr3t!" for user bob', `set password to "${PARAM}" for user bob`],
    ["set the password to 'Hunter3x!'", `set the password to '${PARAM}'`],
    ['password changed to "Hunter3x!"', `password changed to "${PARAM}"`],
    ["changed password to 'Hunter3x!'", `changed password to '${PARAM}'`],
  ];
  itStoresInEveryForm(cases, (line) => (/hunter3|Hunter3x|neu456|Neu456!|nieuw456!|s3cr3t!/.exec(line) ?? [""])[0]);
  it.each(cases.map(([line]) => line).filter((line) => /alt123|Alt123!|oud123!|hunter2|Hunter2x/.test(line)))("a JSON body, a pino line and a console line lose the old password too: %s", (line) => {
    expect(storedForms(line)).not.toMatch(/alt123|Alt123!|oud123!|hunter2(?!x)|Hunter2x/);
  });

  itKeepsInEveryForm("a change's words with no password's pair, counts, versions, addresses", [
    "password changed",
    "password changed from the admin page",
    "password changed to meet policy",
    "set password to expire in 90 days",
    "password changed, TLSv1.2 -> TLSv1.3",
    "password changed by admin for user bob",
    "old=1 new=2",
    "password changed old=1 new=2",
    "password policy changed old=8 new=12",
    "password changed old=v1 new=v2",
    "Passwort geändert: alt=3 neu=4",
    "Passwort geändert: alt=v1 neu=v2",
    "Passwortrichtlinie geändert: alt=8 neu=12",
    '  ~ instance_type = "t2.micro" -> "t3.micro"',
    "  ~ password_length = 12 -> 16",
    "  ~ password = (sensitive value)",
    "  ~ admin_password = (sensitive value)",
    '  ~ db_password_version = "1" -> "2"',
    "  ~ db_password = 8 -> 12",
    "  ~ rotate_password = true -> false",
    '  ~ password_policy = "strict" -> "lax"',
    "alt=Alt123! neu=Neu456!",
    "password changed: sha1->sha256",
    "password changed (attempts: 3->0)",
    "Passwort von anna auf Anfrage geändert",
    "Wachtwoord van jan naar standaard gewijzigd",
    "pwd changed from /srv/app1 to /srv/app2",
    "pwd changed from build1 to build2",
    "pwd: /srv/app1 -> /srv/app2",
    "pass rate changed from 90% to 95%",
    "boarding pass changed from 12A to 14C",
    "sent password to \"Bob.Smith\"",
    "changed password policy to \"Strict-2\"",
    "password rotated from vault to kms",
    "password changed old: yes new: no",
    "password changed: current=2024-01-01 new=2024-06-01",
  ]);
  it("an address a reset went to stays the e-mail's", () => {
    expect(text('sent password reset to "bob@example.com"')).toBe('sent password reset to "[REDACTED:email]"');
  });
});

describe("a password's change whose values name other things", () => {
  itKeepsInEveryForm("a processing pass, a working directory, a series' members, standards, a setting's value and a secret's reference", [
    "pass changed from stage1 to stage2",
    "pass changed from phase1 to phase2",
    "pass changed from round1 to round2",
    "pass changed from level1 to level2",
    "pass changed from attempt1 to attempt2",
    "pass changed from route66 to route101",
    "render pass changed from shadow2 to bloom3",
    "PASS changed from stage1 to stage2",
    "pwd changed from frontend2 to backend3",
    "pwd changed from folder1 to folder2",
    "pwd changed from proj2024 to proj2025",
    "Wachtwoord van versie1 naar versie2 gewijzigd",
    "password changed: old=TLSv1.2 new=TLSv1.3",
    "password changed: old=RSA2048 new=RSA4096",
    "password changed: old=build42 new=build43",
    "password changed: old=2024Q1 new=2024Q2",
    "password changed: TLS1.2->TLS1.3",
    "password changed: TLSv1.2->TLSv1.3",
    "password changed: AES128->AES256",
    "password changed: RSA2048->RSA4096",
    "password changed from stage-1 to stage-2",
    'set password to "30 days"',
    'set password to "90d"',
    'set password to "TLS1.2"',
    'set password to "AES256"',
    'set password to "SHA256"',
    'set password to "env:DB_PASS"',
    'set password to "vault:secret/db#password"',
    'set password to "file:/run/secrets/db"',
    'Set password to "op://vault/db/password"',
  ]);
  it.each([
    ["Passwort von jdoe42 auf Start123! geändert", `Passwort von jdoe42 auf ${PARAM} geändert`],
    ["Passwort von user42 auf Start123! geändert", `Passwort von user42 auf ${PARAM} geändert`],
    ["Passwort von Mitarbeiter42 auf Start123! geändert", `Passwort von Mitarbeiter42 auf ${PARAM} geändert`],
    ["Wachtwoord van gebruiker42 naar Welkom123! gereset", `Wachtwoord van gebruiker42 naar ${PARAM} gereset`],
    ["Passwort von Windows10 auf Windows11 geändert", `Passwort von Windows10 auf ${PARAM} geändert`],
    ["Passwort von Alt123! auf Neu456! geändert", `Passwort von ${PARAM} auf ${PARAM} geändert`],
    ["pass changed from Hunter2x to Hunter3x!", `pass changed from ${PARAM} to ${PARAM}`],
    ["pwd changed from hunter2! to hunter3!", `pwd changed from ${PARAM} to ${PARAM}`],
    ["password changed old=hunter2 new=hunter3", `password changed old=${PARAM} new=${PARAM}`],
    ["password changed from Summer2023! to Summer2024!", `password changed from ${PARAM} to ${PARAM}`],
    ['set password to "Hunter2x"', `set password to "${PARAM}"`],
    ['set password to "Env:Secret1!"', `set password to "${PARAM}"`],
    ["password changed from Stage1! to Stage2!", `password changed from ${PARAM} to ${PARAM}`],
  ])("after von/van a user's name is whose the password is; a password's shape goes: %s", (line, stored) => {
    expect(text(line)).toBe(stored);
  });
});

describe("a password's change with an adverb before its participle last or its old value's preposition", () => {
  itStoresInEveryForm(
    [
      ["Passwort von Alt123! auf Neu456! erfolgreich geändert", `Passwort von ${PARAM} auf ${PARAM} erfolgreich geändert`],
      ["Passwort wurde erfolgreich von Alt123! auf Neu456! geändert", `Passwort wurde erfolgreich von ${PARAM} auf ${PARAM} geändert`],
      ["Wachtwoord van oud123! naar nieuw456! succesvol gewijzigd", `Wachtwoord van ${PARAM} naar ${PARAM} succesvol gewijzigd`],
      ["Wachtwoord is succesvol van oud123! naar nieuw456! gewijzigd", `Wachtwoord is succesvol van ${PARAM} naar ${PARAM} gewijzigd`],
      ["Ihr Passwort wurde auf Neu456! erfolgreich zurückgesetzt", `Ihr Passwort wurde auf ${PARAM} erfolgreich zurückgesetzt`],
      ["Passwort von jdoe42 auf Start123! erfolgreich geändert", `Passwort von jdoe42 auf ${PARAM} erfolgreich geändert`],
    ],
    (line) => (/Neu456!|nieuw456!|Start123!/.exec(line) ?? [""])[0],
  );
  itKeepsInEveryForm("an adverb and a participle with no value", ["Passwort erfolgreich geändert", "Wachtwoord succesvol gewijzigd", "Passwort von anna erfolgreich geändert"]);
});

describe("a password's change with labelled values after a list's separator", () => {
  itStoresInEveryForm(
    [
      ["password changed, old=Hunter2x new=Hunter3x", `password changed, old=${PARAM} new=${PARAM}`],
      ["password changed - old=Hunter2x new=Hunter3x", `password changed - old=${PARAM} new=${PARAM}`],
      ["password changed old=Hunter2x & new=Hunter3x", `password changed old=${PARAM} & new=${PARAM}`],
      ["Password updated | old: Hunter2x, new: Hunter3x", `Password updated | old: ${PARAM}, new: ${PARAM}`],
    ],
    () => "Hunter3x",
  );
  itKeepsInEveryForm("a separator and labels with no password's pair", [
    "password changed, old=1 new=2",
    "password changed - old=TLSv1.2 new=TLSv1.3",
    "password policy changed, old=8 new=12",
    "password changed & old=build1 new=build2",
  ]);
});

describe("a password's change with the new value's label first or alone, or glued to the old value's by `|`", () => {
  itStoresInEveryForm(
    [
      ["password changed new=Xk9#mPq2vL old=Tr0ub4dor&3", `password changed new=${PARAM} old=${PARAM}`],
      ["password changed old=Tr0ub4dor&3|new=Xk9#mPq2vL", `password changed old=${PARAM}|new=${PARAM}`],
      ["password changed new=Xk9#mPq2vL|old=Tr0ub4dor&3", `password changed new=${PARAM}|old=${PARAM}`],
      ["Password updated | new: Xk9#mPq2vL, old: Tr0ub4dor&3", `Password updated | new: ${PARAM}, old: ${PARAM}`],
      ["Passwort geändert: neu=Neu456! alt=Alt123!", `Passwort geändert: neu=${PARAM} alt=${PARAM}`],
      ["password changed new=Xk9#mPq2vL", `password changed new=${PARAM}`],
      ['password changed, new: "Xk9#mPq2vL"', `password changed, new: "${PARAM}"`],
      ["password changed new=Hunter2x", `password changed new=${PARAM}`],
    ],
    (line) => (/Xk9#mPq2vL|Neu456!|Hunter2x/.exec(line) ?? [""])[0],
  );
  it.each(["password changed new=Xk9#mPq2vL old=Tr0ub4dor&3", "password changed old=Tr0ub4dor&3|new=Xk9#mPq2vL"])("a JSON body, a pino line and a console line lose the old password too: %s", (line) => {
    expect(storedForms(line)).not.toContain("Tr0ub4dor&3");
  });
  itKeepsInEveryForm("labels with no password's pair, or a new value alone not shaped strongly", [
    "password changed new=TLSv1.3 old=TLSv1.2",
    "password changed new=3 old=2",
    "password changed new=true old=false",
    "password changed new=build43 old=build42",
    "password changed new=SHA256 old=MD5",
    "password changed new=sha256|old=md5",
    "password changed old=1|new=2",
    "password policy changed new=12 old=8",
    "password changed new=2024Q2",
    "password changed new=strict",
    "password changed new=90d",
    "password changed new=build7",
  ]);
});

describe("a password's change after `pw` or a key's name for a password", () => {
  itStoresInEveryForm(
    [
      ["pw changed from Tr0ub4dor&3 to Xk9#mPq2vL", `pw changed from ${PARAM} to ${PARAM}`],
      ["PW changed from Hunter2x to Hunter3x!", `PW changed from ${PARAM} to ${PARAM}`],
      ["db_password changed from Tr0ub4dor&3 to Xk9#mPq2vL", `db_password changed from ${PARAM} to ${PARAM}`],
      ["dbPassword changed from Tr0ub4dor&3 to Xk9#mPq2vL", `dbPassword changed from ${PARAM} to ${PARAM}`],
      ["SMTP_PASSWORD was changed from Tr0ub4dor&3 to Xk9#mPq2vL", `SMTP_PASSWORD was changed from ${PARAM} to ${PARAM}`],
      ["updated db_password from Tr0ub4dor&3 to Xk9#mPq2vL", `updated db_password from ${PARAM} to ${PARAM}`],
    ],
    (line) => (/Xk9#mPq2vL|Hunter3x!/.exec(line) ?? [""])[0],
  );
  itKeepsInEveryForm("`pw` or a password key's change of no password", [
    "retries changed from 3 to 5",
    "pw changed from dark to light",
    "pw changed from 80 to 120",
    "pw changed from col1 to col2",
    "pw changed from narrow2 to wide3",
    "db_password changed from 8 to 12",
    "db_password_length changed from 8 to 12",
    "dbPasswordLength changed from 8 to 12",
    "db_password changed from vault to env",
  ]);
});

describe("a quoted password after a setting's words in capitals", () => {
  itStoresInEveryForm(
    [
      ['Set Password To "Xk9#mPq2vL"', `Set Password To "${PARAM}"`],
      ['SET PASSWORD TO "Xk9#mPq2vL"', `SET PASSWORD TO "${PARAM}"`],
      ["Set the Password To 'Xk9#mPq2vL'", `Set the Password To '${PARAM}'`],
      ['Password Was Set To "Xk9#mPq2vL"', `Password Was Set To "${PARAM}"`],
      ['PASSWORD WAS CHANGED TO "Xk9#mPq2vL"', `PASSWORD WAS CHANGED TO "${PARAM}"`],
      ['Password Changed To "Xk9#mPq2vL"', `Password Changed To "${PARAM}"`],
    ],
    () => "Xk9#mPq2vL",
  );
  itKeepsInEveryForm("a setting's words in capitals with no password", [
    "Set Password To Expire",
    "Set Password To Expire In 90 Days",
    "SET PASSWORD TO EXPIRE",
    'Set Password To "30 days"',
    "Set Password To Never Expire",
    "Password Reset Link Sent To User",
    "Password Changed To Meet Policy",
  ]);
});

describe("a key's name that names an action, a page or a flag, not whose password", () => {
  itKeepsInEveryForm("an action's word before the password's in a key's name", [
    "forgotPassword changed from ResetV1 to ResetV2",
    "ForgotPassword changed from PageV1 to PageV2",
    "UI component ChangePassword changed from FormV1 to FormV2",
    "handler onResetPassword changed: HandlerV1 -> HandlerV2",
    "reset_password changed from Template1 to Template2",
    "RESET_PASSWORD changed from Template1 to Template2",
    "resetPassword changed old=FlowV1 new=FlowV2",
    "updatePassword changed from HandlerV1 to HandlerV2",
    "require_password changed from FlagV1 to FlagV2",
    "showPassword changed from ToggleV1 to ToggleV2",
    "confirmPassword changed from FormV1 to FormV2",
  ]);
  itStoresInEveryForm(
    [
      ["adminPassword changed from Tr0ub4dor&3 to Xk9#mPq2vL", `adminPassword changed from ${PARAM} to ${PARAM}`],
      ["new_password changed from Tr0ub4dor&3 to Xk9#mPq2vL", `new_password changed from ${PARAM} to ${PARAM}`],
      ["SMTP_PASSWORD changed from Tr0ub4dor&3 to Xk9#mPq2vL", `SMTP_PASSWORD changed from ${PARAM} to ${PARAM}`],
      // An action's word inside a longer word is none: Exchange's, a dataset's, a preset's password.
      ["EXCHANGE_PASSWORD changed from Tr0ub4dor&3 to Xk9#mPq2vL", `EXCHANGE_PASSWORD changed from ${PARAM} to ${PARAM}`],
      ["msExchangePassword changed from Tr0ub4dor&3 to Xk9#mPq2vL", `msExchangePassword changed from ${PARAM} to ${PARAM}`],
      ["dataset_password changed from Tr0ub4dor&3 to Xk9#mPq2vL", `dataset_password changed from ${PARAM} to ${PARAM}`],
    ],
    () => "Xk9#mPq2vL",
  );
});

describe("a password moved into a secret store: the password goes (the store's path too, read as a value)", () => {
  itStoresInEveryForm(
    [
      ["password changed: Xk9#mPq2vL -> secret/app/db", `password changed: ${PARAM} -> ${PARAM}`],
      ["password changed old=Xk9#mPq2vL new=kv/app/db", `password changed old=${PARAM} new=${PARAM}`],
      ["password changed from Hunter2!x to secret/v2", `password changed from ${PARAM} to ${PARAM}`],
    ],
    () => "Xk9#mPq2vL",
  );
});

describe("a change's new value labelled alone that names an address", () => {
  itKeepsInEveryForm("an address after new= alone", [
    "password changed new=John.Doe@corp",
    "password changed new=ops@corp.io",
  ]);
});

describe("labelled values after pw, pwd and passwd", () => {
  itStoresInEveryForm(
    [
      ["pw changed old=OldPw1! new=NewPw2!", `pw changed old=${PARAM} new=${PARAM}`],
      ["pw changed new=NewPw2!", `pw changed new=${PARAM}`],
      ["pwd changed old=OldPw1! new=NewPw2!", `pwd changed old=${PARAM} new=${PARAM}`],
      ["passwd changed old=OldPw1! new=NewPw2!", `passwd changed old=${PARAM} new=${PARAM}`],
    ],
    () => "NewPw2!",
  );
  itKeepsInEveryForm("pw's labels with a unit's or a version's values", ["pw changed old=5 new=10", "pw changed new=10W", "pw changed new=v2.3.1", "power pw new=120W old=100W"]);
});

describe("a setting's words in title case or capitals; a credential's words only in lower case", () => {
  itStoresInEveryForm([['Password Has Been Reset To "Hunter2!x"', `Password Has Been Reset To "${PARAM}"`]], () => "Hunter2!x");
  itKeepsInEveryForm("a UI's option in title case after a setting's words in capitals, a state", [
    'Set Password To "Never Expire"',
    'Set Password To "Expire Now"',
    'Set Password To "Welcome Back"',
    'Password Was Changed To "Welcome Back"',
    'Password Has Been Reset To "Never Expire"',
    'Token Is "Required"',
    'TOKEN IS "Invalid"',
    'Token Was Set To "None"',
    // A credential's word before `Is`/`Was` in title case or capitals is a UI's or a document's
    // text as often: its states are open-ended (`Valid`, `Deleted`, `Opaque`, `Pending Approval`).
    'Token Is "Valid"',
    'TOKEN IS "VALID"',
    'Secret Was "Deleted"',
    'Secret Is "Opaque"',
    'API Key Is "Missing"',
  ]);
});
