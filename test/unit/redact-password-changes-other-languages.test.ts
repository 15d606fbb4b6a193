/**
 * Other languages' password sentences that set, reset, describe or reject a value
 * (password-sentences.ts, detectors/password-phrase.ts):
 * - a change TO a value: the password's word, perhaps an auxiliary, a participle and the
 *   preposition the new value follows (German `auf`, French `en`/`à`, Polish `na`, Spanish `a`,
 *   Portuguese `para`, Italian `in`, Dutch `naar`/`in`, Swedish `till`), or German's participle
 *   after the value (`wurde auf … zurückgesetzt`);
 * - a word saying the password is wrong or a change's participle, `:` and the value tried or
 *   set (`Passwort falsch: …`, `Passwort zurückgesetzt: …`);
 * - a describing word after the password's word and `:` (`mot de passe temporaire : …`,
 *   `hasło tymczasowe: …`, `contraseña temporal: …`);
 * - typographic quotes around the value after the word (`« … »`, `‹…›`, `„…“`, `“…”`, `‚…‘`).
 * The value goes when shaped as a password; the language's ordinary words, a default's name, a
 * year, a date, a host's name and a phrase stay. Each in text, as an attribute's text, as a JSON
 * body's message, in a pino line and in a Cloudflare console line.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { itKeepsInEveryForm, itStoresInEveryForm as storesInEveryForm } from "../support/prose-forms";

const PARAM = "[REDACTED:secret_param]";

/** The line's secret (the examples' values). */
const SECRET_OF = (line: string) => /Winter2027#|Lato2026!?|Azerty2026!?|Geheim#2026|Xy7pq2026|Soleil#42|Verano2024|Verao2024|Estate2024|Zomer2024|Vinter2024|Tajne2024/.exec(line)![0];
const itStoresInEveryForm = (cases: readonly (readonly [string, string])[]) => storesInEveryForm(cases, SECRET_OF);

describe("a password changed or reset to a value, in another language", () => {
  itStoresInEveryForm([
    ["Ihr Passwort wurde auf Winter2027# zurückgesetzt", `Ihr Passwort wurde auf ${PARAM} zurückgesetzt`],
    ["Passwort geändert auf Lato2026!", `Passwort geändert auf ${PARAM}`],
    ["mot de passe modifié en Azerty2026!", `mot de passe modifié en ${PARAM}`],
    ["hasło zostało zmienione na Lato2026!", `hasło zostało zmienione na ${PARAM}`],
    // The kind beyond the examples: the other languages of the table, auxiliaries, quotes.
    ["mot de passe réinitialisé à Azerty2026!", `mot de passe réinitialisé à ${PARAM}`],
    ["mot de passe a été changé en Azerty2026!", `mot de passe a été changé en ${PARAM}`],
    ["contraseña cambiada a Verano2024", `contraseña cambiada a ${PARAM}`],
    ["senha alterada para Verao2024", `senha alterada para ${PARAM}`],
    ["la password è stata cambiata in Estate2024", `la password è stata cambiata in ${PARAM}`],
    ["wachtwoord gewijzigd naar Zomer2024", `wachtwoord gewijzigd naar ${PARAM}`],
    ["wachtwoord gewijzigd in Zomer2024", `wachtwoord gewijzigd in ${PARAM}`],
    ["lösenord ändrat till Vinter2024", `lösenord ändrat till ${PARAM}`],
    ["lösenordet har ändrats till Vinter2024", `lösenordet har ändrats till ${PARAM}`],
    ["hasło zmieniono na Tajne2024", `hasło zmieniono na ${PARAM}`],
    ["Passwort geändert auf „Lato2026!“", `Passwort geändert auf „${PARAM}“`],
    ["PASSWORT GEÄNDERT AUF Lato2026!", `PASSWORT GEÄNDERT AUF ${PARAM}`],
    ["user 42: Passwort geändert auf Lato2026! (admin)", `user 42: Passwort geändert auf ${PARAM} (admin)`],
  ]);

  itKeepsInEveryForm("a change to no password stays", [
    "Passwort geändert",
    "Passwort wurde zurückgesetzt",
    "mot de passe modifié avec succès",
    "hasło zostało zmienione pomyślnie",
    "Passwort auf Standard zurückgesetzt",
    "Passwort auf Werkseinstellung zurückgesetzt",
    "Passwort auf „Standard“ zurückgesetzt",
    "mot de passe modifié en « défaut »",
    "senha alterada para padrão",
    "mot de passe modifié en 2026",
    "mot de passe modifié en 2026-12-05",
    "Passwort geändert auf Anfrage von Admin",
    "Passwort wurde auf Wunsch des Benutzers zurückgesetzt",
    "Passwort geändert auf 05.12.2026",
    "Passwort geändert auf v2.1.0",
    "mot de passe modifié à 10:32:05",
    "mot de passe modifié à l'instant",
    "contraseña cambiada a las 10:32",
    "hasło zmienione na db-prod-01",
    "Passwort wurde auf db-prod-01 zurückgesetzt",
    "wachtwoord is gewijzigd in de instellingen",
    "status zmieniony na Lato2026",
    "Status geändert auf Lato2026!",
  ]);
});

describe("a password's wrong state, `:` and the value tried", () => {
  itStoresInEveryForm([
    ["Passwort falsch: Geheim#2026", `Passwort falsch: ${PARAM}`],
    ["mot de passe incorrect : Azerty2026!", `mot de passe incorrect : ${PARAM}`],
    ["contraseña incorrecta: Verano2024", `contraseña incorrecta: ${PARAM}`],
    ["hasło nieprawidłowe: Tajne2024", `hasło nieprawidłowe: ${PARAM}`],
    // A change's participle and `:` states the value set.
    ["Passwort zurückgesetzt: Winter2027#", `Passwort zurückgesetzt: ${PARAM}`],
    ["hasło zmienione: Lato2026!", `hasło zmienione: ${PARAM}`],
    ["mot de passe réinitialisé : Azerty2026!", `mot de passe réinitialisé : ${PARAM}`],
  ]);
  itKeepsInEveryForm("the state alone or before prose stays", [
    "Passwort falsch",
    "Passwort falsch: bitte erneut versuchen",
    "Passwort falsch: Versuch 3 von 5",
    "Passwort falsch (3/5)",
    "mot de passe incorrect pour l'utilisateur marie",
    "Passwort geändert: bitte neu anmelden",
    "Passwort geändert: user=anna",
    "Passwort falsch: user=anna attempts=3",
    "Passwort falsch: https://example.com/login",
    "Passwort geändert: 2026-12-05 10:32",
  ]);
});

describe("a describing word after the password's word, then `:`", () => {
  itStoresInEveryForm([
    ["mot de passe temporaire : Xy7pq2026", `mot de passe temporaire : ${PARAM}`],
    ["votre nouveau mot de passe temporaire : Xy7pq2026", `votre nouveau mot de passe temporaire : ${PARAM}`],
    ["hasło tymczasowe: Xy7pq2026", `hasło tymczasowe: ${PARAM}`],
    ["contraseña temporal: Xy7pq2026", `contraseña temporal: ${PARAM}`],
    ["password temporanea: Xy7pq2026", `password temporanea: ${PARAM}`],
    ["senha provisória: Xy7pq2026", `senha provisória: ${PARAM}`],
    ["Passwort neu: Xy7pq2026", `Passwort neu: ${PARAM}`],
    ["mot de passe provisoire: Xy7pq2026 (valable 24h)", `mot de passe provisoire: ${PARAM} (valable 24h)`],
  ]);
  itKeepsInEveryForm("the describing word before prose, a rule or a placeholder stays", [
    "mot de passe temporaire envoyé par e-mail",
    "hasło tymczasowe wygasło",
    "mot de passe temporaire : 12 caractères minimum",
    "mot de passe temporaire : envoyé",
    "contraseña temporal: ********",
    "Passwort neu: bitte wählen",
  ]);
});

describe("typographic quotes around the value after a password's word", () => {
  itStoresInEveryForm([
    ["mot de passe « Soleil#42 » refusé", `mot de passe « ${PARAM} » refusé`],
    ["mot de passe «Soleil#42» refusé", `mot de passe «${PARAM}» refusé`],
    ["mot de passe ‹Soleil#42› refusé", `mot de passe ‹${PARAM}› refusé`],
    ["Passwort „Geheim#2026“ abgelehnt", `Passwort „${PARAM}“ abgelehnt`],
    ["Passwort »Geheim#2026« abgelehnt", `Passwort »${PARAM}« abgelehnt`],
    ["Passwort ‚Geheim#2026‘ abgelehnt", `Passwort ‚${PARAM}‘ abgelehnt`],
    ["password “Soleil#42” rejected", `password “${PARAM}” rejected`],
    ["hasło „Lato2026!” odrzucone", `hasło „${PARAM}” odrzucone`],
    ["lösenordet ”Vinter2024” avvisat", `lösenordet ”${PARAM}” avvisat`],
  ]);
  itKeepsInEveryForm("a lower-case word, a default's name and quotes around other things stay", [
    "mot de passe « oublié » ?",
    "Passwort „Standard“ abgelehnt",
    "Produkt « Soleil#42 » en rupture de stock",
    "Kommentar: „Passwort geändert“",
  ]);
});

describe("a sentence's end is read back through the languages' forms only where it could end one", () => {
  // Each field of `Passwort: ` repeated had its 160 characters before read back through every
  // language's change, though only a preposition before the value ends one.
  const policy = defaultRedactionPolicy();

  it("redacts `Passwort: ` repeated to 64 KB as before", () => {
    expect(redactString("Passwort: ".repeat(6554).slice(0, 65_536), policy)).toEqual({
      text: `${`Passwort: ${PARAM} `.repeat(3276)}Passwort: ${PARAM}`,
      counts: { secret_param: 3277 },
    });
  });

  it("redacts the value after `Passwort geändert auf ` repeated to 64 KB, the sentences kept", () => {
    const sentences = "Passwort geändert auf ".repeat(2979);
    expect(redactString(`${sentences}Lato2026!`, policy)).toEqual({ text: `${sentences}${PARAM}`, counts: { secret_param: 1 } });
  });
});
