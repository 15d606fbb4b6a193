/**
 * Passwords in sentences that hold blanks or short words (detectors/password-phrase.ts):
 * - a quoted passphrase after a password's word (`password "correct horse battery"`, in single
 *   quotes, backticks, typographic quotes: `Passwort „Sommer 2024“`), the whole value gone and
 *   its quotes kept, while quoted prose (`password "reset link" sent`, `password "must be
 *   changed"`, `mot de passe « Mot de passe oublié ? »`), a rule (`password "min 8 chars"`) and
 *   a setting's, a state's or a directory's name (`password "Never Expires"`, `password "Active
 *   Directory" sync failed`) stay;
 * - `pwd` alone before `is`/`was` (`pwd is hunter2`), as `pass` and `pw` are, while a path after
 *   it (`pwd is /home/app`, the shell's working directory), a directory's common name and a
 *   number (`pwd is build2`) and a pass's state (`pass is valid`)
 *   stay;
 * - one word of letters after `mot de passe` and `:`, French spacing or not (`mot de passe :
 *   azertyuiop`, `mot de passe: Soleil!`), as under the field's name (`mot_de_passe:
 *   azertyuiop`), when it ends its field, while a French or English state's word (`oublié`,
 *   `activé`, `requis`, `required`), a stand-in the English field keeps (`undefined`, `bcrypt`), a default's word, a UI label and prose (`mot de passe : envoyé par
 *   e-mail`, `mot de passe : trop court`) stay;
 * - a change's old and new values (`password changed from OldPw1 to NewPw2`, `Passwort geändert
 *   von … auf …`, `mot de passe changé de … à …`, the other languages' `van … naar`, `z … na`,
 *   `från … till`, `de … a`, `de … para`, `da … a`) and German's `geändert in …`, while an old
 *   value no new one follows (`password changed from admin42 by bob`, `Passwort geändert von
 *   jdoe42`: who changed it), places and versions (`from web to mobile`, `in Produktion`,
 *   `in db-prod-01`) and two hashing algorithms, hosts or regions (`from SHA1 to SHA256`,
 *   `from us-east-1 to eu-west-1`) stay.
 * Each in text, as an attribute's text, as a JSON body's message, in a pino line and in a
 * Cloudflare console line.
 */
import { describe } from "vitest";
import { itKeepsInEveryForm, itStoresInEveryForm as storesInEveryForm } from "../support/prose-forms";

const PARAM = "[REDACTED:secret_param]";

/** The line's secret (the examples' values). */
const SECRET_OF = (line: string) => /correct horse battery|Never Expires 2024|Smart Card Store Hash|Store Local Hash|Workspace Domain|Active Directory1|Horse Directory|Correct Horse Battery Staple|Sommer 2024|Soleil 2024|Lato 2026!|azertyuiop|Azerty!|Soleil|OldPw1!?|NewPw2!?|Sommer2024|hunter2|Hunter2!|S3cret!x|Tr0ub4dor & 3/.exec(line)![0];
const itStoresInEveryForm = (cases: readonly (readonly [string, string])[]) => storesInEveryForm(cases, SECRET_OF);

describe("a quoted passphrase after a password's word", () => {
  itStoresInEveryForm([
    ["login failed: password \"correct horse battery\" rejected", `login failed: password "${PARAM}" rejected`],
    ["login failed: password 'correct horse battery' rejected", `login failed: password '${PARAM}' rejected`],
    ["login failed: password `correct horse battery` rejected", `login failed: password \`${PARAM}\` rejected`],
    ["Login with PASSWORD \"Correct Horse Battery Staple\"", `Login with PASSWORD "${PARAM}"`],
    ["my password is \"correct horse battery\"", `my password is "${PARAM}"`],
    ["User 42 set password 'Tr0ub4dor & 3'", `User 42 set password '${PARAM}'`],
    ["Passwort „Sommer 2024“ abgelehnt", `Passwort „${PARAM}“ abgelehnt`],
    ["mot de passe « Soleil 2024 » refusé", `mot de passe « ${PARAM} » refusé`],
    ["mot de passe : « Soleil 2024 »", `mot de passe : « ${PARAM} »`],
    ["hasło „Lato 2026!” odrzucone", `hasło „${PARAM}” odrzucone`],
    ["password \"correct horse battery staple\"", `password "${PARAM}"`],
    ["password \"Sommer 2024!\"", `password "${PARAM}"`],
  ]);
});

describe("a setting's, a state's or a directory's name quoted after a password's word", () => {
  itKeepsInEveryForm("stays", [
    "password \"Active Directory\" sync failed",
    "Password 'Active Directory' sync failed",
    "password `Active Directory` sync failed",
    "Passwort „Active Directory“ Synchronisierung fehlgeschlagen",
    "password “Azure AD” sync failed",
    "mot de passe « Entra ID » synchronisation échouée",
    "password \"ACTIVE DIRECTORY\" sync failed",
    "password \"active directory\" sync failed",
    "password policy \"Never Expires\" applied",
    "password \"Never Expires\" flag set",
    "password set to \"Never Expires\"",
    "password is \"Account Disabled\"",
    "password \"Not Set\"",
    "password \"Must Change\"",
    "password \"Password Never Expires\"",
    "password \"User Must Change Password At Next Logon\"",
    "password \"Account Locked Out\"",
    "password \"Google Workspace\" sync failed",
  ]);
  itStoresInEveryForm([
    ["password \"Never Expires 2024\"", `password "${PARAM}"`],
    ["password \"Active Directory1\"", `password "${PARAM}"`],
    ["password \"Horse Directory\"", `password "${PARAM}"`],
    // A setting's words in an order no console prints are a passphrase's.
    ["the password is \"Smart Card Store Hash\"", `the password is "${PARAM}"`],
    ["password \"Store Local Hash\"", `password "${PARAM}"`],
    ["password \"Workspace Domain\"", `password "${PARAM}"`],
  ]);
});

describe("quoted prose after a password's word", () => {
  itKeepsInEveryForm("stays", [
    "password \"reset link\" sent",
    "password \"must be changed\"",
    "password 'too short'",
    "password \"does not match\"",
    "password \"Forgot password?\" clicked",
    "mot de passe « Mot de passe oublié ? »",
    "Passwort „zu kurz“",
    "password \"min 8 chars\"",
    "password \"at least 12 characters\"",
    "password \"Enter your password\"",
    "password \"Sign in\"",
  ]);
});

describe("`pwd` alone before `is`/`was`", () => {
  itStoresInEveryForm([
    ["pwd is hunter2", `pwd is ${PARAM}`],
    ["pwd was hunter2", `pwd was ${PARAM}`],
    ["PWD is Hunter2!", `PWD is ${PARAM}`],
    ["login for bob: my pwd is S3cret!x", `login for bob: my pwd is ${PARAM}`],
  ]);
  itKeepsInEveryForm("a path after `pwd`, a pass's state", [
    "pwd is /home/app",
    "pwd is /srv/app-v2",
    "pwd was ~/src/app2",
    "current pwd is /home/deploy/releases/20261205",
    "pwd is too short",
    "pwd is build2",
    "pwd is tmp123",
    "shell pwd is workspace01",
    "pwd is release-3",
    "pass is valid",
    "pass is expired",
    "boarding pass is BP-2231-A",
  ]);
});

describe("one word of letters after `mot de passe` and `:`", () => {
  itStoresInEveryForm([
    ["mot de passe : azertyuiop", `mot de passe : ${PARAM}`],
    ["mot de passe: azertyuiop", `mot de passe: ${PARAM}`],
    ["MOT DE PASSE : azertyuiop", `MOT DE PASSE : ${PARAM}`],
    ["mot de passe : Azerty!", `mot de passe : ${PARAM}`],
    ["Votre mot de passe : Soleil, valable 24h", `Votre mot de passe : ${PARAM}, valable 24h`],
    ["mot de passe : azertyuiop user=bob", `mot de passe : ${PARAM} user=bob`],
  ]);
  itKeepsInEveryForm("a state's word, a default's, a label, prose", [
    "mot de passe : oublié",
    "mot de passe : Oublié",
    "mot de passe : requis",
    "mot de passe : required",
    "mot de passe : temporaire",
    "mot de passe : standard",
    "mot de passe : afficher",
    "mot de passe : envoyé par e-mail",
    "mot de passe: voir ci-dessous",
    "mot de passe : trop court",
  ]);
  itKeepsInEveryForm("a stand-in or state the English field keeps, a French state's word", [
    "mot de passe: undefined",
    "mot de passe : bcrypt",
    "mot de passe: null",
    "mot de passe: none",
    "mot de passe : erreur",
    "mot de passe : jamais",
    "mot de passe : activé",
    "mot de passe : désactivée",
    "mot de passe : vérifié",
    "mot de passe : présent",
    "mot de passe : sécurisé",
  ]);
});

describe("a change's old and new values", () => {
  itStoresInEveryForm([
    ["password changed from OldPw1 to NewPw2", `password changed from ${PARAM} to ${PARAM}`],
    ["password was changed from OldPw1! to NewPw2!", `password was changed from ${PARAM} to ${PARAM}`],
    ["password has been updated from OldPw1 to NewPw2", `password has been updated from ${PARAM} to ${PARAM}`],
    ["Passwort geändert in Sommer2024", `Passwort geändert in ${PARAM}`],
    ["Passwort geändert von OldPw1 auf NewPw2", `Passwort geändert von ${PARAM} auf ${PARAM}`],
    ["Passwort wurde geändert von OldPw1 auf NewPw2", `Passwort wurde geändert von ${PARAM} auf ${PARAM}`],
    ["mot de passe changé de OldPw1 à NewPw2", `mot de passe changé de ${PARAM} à ${PARAM}`],
    ["contraseña cambiada de OldPw1 a NewPw2", `contraseña cambiada de ${PARAM} a ${PARAM}`],
    ["senha alterada de OldPw1 para NewPw2", `senha alterada de ${PARAM} para ${PARAM}`],
    ["wachtwoord gewijzigd van OldPw1 naar NewPw2", `wachtwoord gewijzigd van ${PARAM} naar ${PARAM}`],
    ["hasło zmienione z OldPw1 na NewPw2", `hasło zmienione z ${PARAM} na ${PARAM}`],
    ["lösenord ändrat från OldPw1 till NewPw2", `lösenord ändrat från ${PARAM} till ${PARAM}`],
    ["password cambiata da OldPw1 a NewPw2", `password cambiata da ${PARAM} a ${PARAM}`],
  ]);
  itKeepsInEveryForm("who changed it, where, a version", [
    "password changed from the admin panel",
    "password changed from admin42 by bob",
    "password changed from web to mobile",
    "password changed from v1 to v2",
    "password changed from 10.0.0.1 to 10.0.0.2",
    "Passwort geändert von jdoe42",
    "Passwort geändert in Produktion",
    "Passwort geändert in 5 Minuten",
    "Passwort geändert in db-prod-01",
    "mot de passe changé de Paris à Lyon",
    "mot de passe modifié de 2025 à 2026",
  ]);
  itKeepsInEveryForm("hashing algorithms, hosts and regions changed from one to another", [
    "password changed from SHA1 to SHA256",
    "password changed from MD5 to Argon2id",
    "Passwort geändert von SHA1 auf SHA256",
    "mot de passe changé de SHA1 à SHA256",
    "password changed from prod-db-01 to prod-db-02",
    "password changed from us-east-1 to eu-west-1",
  ]);
});
