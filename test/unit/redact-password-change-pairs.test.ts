/**
 * A password's change stating both values, the old one and the new one (password-changes.ts,
 * detectors/password-change.ts): each goes, in every word order (`changed password from …`,
 * `password for bob changed from …`, `user bob changed his password from …`), with an arrow
 * (`->`, `=>`, `→`), in German and French (`von … nach`, `von … zu`, `de … à`, `de … en`), in
 * quotes, and at a JSON string's end. Prose after `from` and `to`, and another thing's change
 * (`password policy`, `expiry`, `length`, `hash algorithm`), stay. Each in text, as an
 * attribute's text, as a JSON body's message, in a pino line and in a Cloudflare console line.
 */
import { describe, expect, it } from "vitest";
import { itKeepsInEveryForm, itStoresInEveryForm, storedForms, text } from "../support/prose-forms";

const PARAM = "[REDACTED:secret_param]";

describe("a password's change from an old value to a new one", () => {
  const cases: readonly (readonly [string, string])[] = [
    ["changed password from OldPw1 to NewPw2", `changed password from ${PARAM} to ${PARAM}`],
    ["password for bob changed from OldPw1 to NewPw2", `password for bob changed from ${PARAM} to ${PARAM}`],
    ["user bob changed his password from OldPw1 to NewPw2", `user bob changed his password from ${PARAM} to ${PARAM}`],
    ["password changed for user bob from OldPw1 to NewPw2", `password changed for user bob from ${PARAM} to ${PARAM}`],
    ["admin reset the admin password from OldPw1 to NewPw2.", `admin reset the admin password from ${PARAM} to ${PARAM}`],
    ["PASSWORD CHANGED FROM OldPw1 TO NewPw2", `PASSWORD CHANGED FROM ${PARAM} TO ${PARAM}`],
    ["password changed: OldPw1 -> NewPw2", `password changed: ${PARAM} -> ${PARAM}`],
    ["password changed OldPw1 → NewPw2", `password changed ${PARAM} → ${PARAM}`],
    ["password changed (OldPw1 => NewPw2)", `password changed (${PARAM} => ${PARAM})`],
    ["password changed from OldPw1 -> NewPw2", `password changed from ${PARAM} -> ${PARAM}`],
    ["Passwort geändert: OldPw1 -> NewPw2", `Passwort geändert: ${PARAM} -> ${PARAM}`],
    ["Passwort geändert von OldPw1 nach NewPw2", `Passwort geändert von ${PARAM} nach ${PARAM}`],
    ["Passwort geändert von OldPw1 zu NewPw2", `Passwort geändert von ${PARAM} zu ${PARAM}`],
    ["Passwort für anna geändert von OldPw1 auf NewPw2", `Passwort für anna geändert von ${PARAM} auf ${PARAM}`],
    ["mot de passe a été changé de OldPw1 à NewPw2", `mot de passe a été changé de ${PARAM} à ${PARAM}`],
    ["mot de passe modifié de OldPw1 en NewPw2", `mot de passe modifié de ${PARAM} en ${PARAM}`],
    ["la password è stata cambiata da OldPw1 a NewPw2", `la password è stata cambiata da ${PARAM} a ${PARAM}`],
    ["password changed from 'OldPw1' to 'NewPw2'", `password changed from '${PARAM}' to '${PARAM}'`],
    ['password changed from "OldPw1" to "NewPw2".', `password changed from "${PARAM}" to "${PARAM}".`],
    ["password changed from `OldPw1` to `NewPw2`", `password changed from ${PARAM} to ${PARAM}`],
    ["Passwort geändert von 'OldPw1' auf 'NewPw2'", `Passwort geändert von '${PARAM}' auf '${PARAM}'`],
    ["mot de passe changé de « OldPw1 » à « NewPw2 »", `mot de passe changé de « ${PARAM} » à « ${PARAM} »`],
  ];
  itStoresInEveryForm(cases, () => "NewPw2");
  it.each(cases.map(([line]) => line))("a JSON body, a pino line and a console line lose the old password too: %s", (line) => {
    expect(storedForms(line)).not.toContain("OldPw1");
  });
  it("the new value at a JSON string's end goes, the closing quote ending it", () => {
    expect(text('{"msg":"password changed from OldPw1 to NewPw2"}')).toBe(`{"msg":"password changed from ${PARAM} to ${PARAM}"}`);
    expect(text('{\\"msg\\":\\"password changed from OldPw1 to NewPw2\\"}')).toBe(`{\\"msg\\":\\"password changed from ${PARAM} to ${PARAM}\\"}`);
    expect(text('{"msg":"Passwort für anna geändert von OldPw1 auf NewPw2"}')).toBe(`{"msg":"Passwort für anna geändert von ${PARAM} auf ${PARAM}"}`);
  });

  itKeepsInEveryForm("prose after from and to, another thing's change, no old value", [
    "password changed from the admin console to the user portal",
    // German `von` also says who changed it and `nach` when: one value alone is no pair.
    "Passwort geändert von Benutzer123 nach Anmeldung",
    "Passwort geändert von Server01 nach Neustart",
    "Passwort geändert von Rechner01 zu Hause",
    "password policy changed from strict to lenient",
    "changed password policy from strict to lenient",
    "changed password policy to strict",
    "password changed from UI",
    "password expiry changed from 30 to 90 days",
    "password length changed from 8 to 12",
    "password hash algorithm changed from bcrypt to argon2",
    "password changed from bcrypt to argon2id",
    "password changed -> redirect to /login",
    "password reset requested -> email sent",
    "password changed: enabled -> disabled",
    "password changed: 3 -> 4",
    "password updated (v2 -> v3)",
    "password changed from 'Settings' to 'Security'",
    "password changed from 'v1.2' to 'v1.3'",
    "user changed password from mobile app to web",
    "password was reset from the login page to avoid lockout",
    "password changed for bob from web to app",
    "password changed from <old> to <new>",
    "password changed from ******** to ********",
    "password changed from OLD_PASSWORD to NEW_PASSWORD",
    "Passwort geändert nach Anmeldung",
    "Passwort geändert von Admin nach 3 Versuchen",
    "mot de passe modifié de 8 à 12 caractères",
  ]);
});
