/**
 * Passwords in German, Dutch, French, Portuguese and Spanish prose (`Passwort: Sommer2024!`,
 * `mot de passe : Soleil2024!`, `a senha do usuário é Brasil@2024`), judged by "removes secrets
 * and nothing else": the value goes when shaped as a password, and the prose that only talks about
 * passwords (`Passwort vergessen`, `mot de passe oublié`, `senha incorreta`) or a value standing
 * for one (`Passwort: ********`) stays.
 */
import { describe } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { itKeepsUncounted, itStoresCounting } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const redact = (text: string) => redactString(text, policy);
const PARAM = "[REDACTED:secret_param]";

describe("a password after another language's word and `:` or its verb", () => {
  itStoresCounting("%j", redact, { secret_param: 1 }, [
    ["Passwort: Sommer2024!", `Passwort: ${PARAM}`],
    ["Kennwort: Sommer2024!", `Kennwort: ${PARAM}`],
    ["Ihr neues Passwort ist Sommer2024!", `Ihr neues Passwort ist ${PARAM}`],
    ["wachtwoord: Zomer2024!", `wachtwoord: ${PARAM}`],
    // French spacing before the colon.
    ["mot de passe : Soleil2024!", `mot de passe : ${PARAM}`],
    ["mot de passe: Soleil2024!", `mot de passe: ${PARAM}`],
    ["votre mot de passe est Soleil2024!", `votre mot de passe est ${PARAM}`],
    ["votre mot de passe temporaire est Xk29!pq", `votre mot de passe temporaire est ${PARAM}`],
    // Portuguese and Spanish words, their describing words after them.
    ["a senha do usuário é Brasil@2024", `a senha do usuário é ${PARAM}`],
    ["sua senha temporária é Xk29!pq", `sua senha temporária é ${PARAM}`],
    ["la contraseña nueva es Madrid2024!", `la contraseña nueva es ${PARAM}`],
    ["la clave es Madrid2024!", `la clave es ${PARAM}`],
    ["clave: Madrid2024!", `clave: ${PARAM}`],
    // Already caught: the same rule's neighbours.
    ["contraseña: Madrid2024!", `contraseña: ${PARAM}`],
    ["a senha é Brasil@2024", `a senha é ${PARAM}`],
  ]);
});

describe("prose about passwords, and values standing for one", () => {
  itKeepsUncounted("%j", redact, [
    "Passwort vergessen",
    "Passwort vergessen? Klicken Sie hier",
    "Passwort: vergessen",
    "das Passwort ist abgelaufen",
    "mot de passe oublié",
    "mot de passe : oublié",
    "le mot de passe est incorrect",
    "senha incorreta",
    "a senha é inválida",
    "senha do usuário é obrigatória",
    "la clave es correcta",
    "la clave API es inválida",
    "Passwort: ********",
    "Kennwort: <redacted>",
    "senha: <redacted>",
    "mot de passe : [REDACTED]",
  ]);
});

const NAME = "[REDACTED:person_name]";

describe("a name after a party's word and a label's `:`, or after a name's label", () => {
  itStoresCounting("%j", redact, { person_name: 1 }, [
    ["Cliente: Ana Paula Ferreira", `Cliente: ${NAME}`],
    ["Kunde: Hans Müller", `Kunde: ${NAME}`],
    ["Destinatário: Maria Souza", `Destinatário: ${NAME}`],
    ["Destinataire : Marie Dupont", `Destinataire : ${NAME}`],
    ["Nome: João da Silva", `Nome: ${NAME}`],
    ["Name: Hans Müller", `Name: ${NAME}`],
    ["Nom : Marie Dupont", `Nom : ${NAME}`],
    ["Nombre: María López", `Nombre: ${NAME}`],
    ["pedido 4411\nNome: João da Silva\nStatus: pago", `pedido 4411\n${"Nome: " + NAME}\nStatus: pago`],
    ["order 12; Name: Hans Müller", `order 12; Name: ${NAME}`],
    // The whole name, its particles too, after a role's label.
    ["Customer: João da Silva", `Customer: ${NAME}`],
    // Accented Iberian given names lead a name as their plain forms do.
    ["cliente María García", `cliente ${NAME}`],
    ["Customer: Joaquín Pérez", `Customer: ${NAME}`],
    ["Nome: Gonçalo Ferreira", `Nome: ${NAME}`],
  ]);
});

describe("labels of things, and a record's own name", () => {
  itKeepsUncounted("%j", redact, [
    "Nome: Produto Teste",
    "Cliente: Loja Exemplo Ltda",
    "Name: Checkout Service",
    "Kunde: Musterfirma GmbH",
    "Nom : Service Paiement",
    "Destinatário: Central de Atendimento",
    "sorted by: Ana Silva",
  ]);
});
