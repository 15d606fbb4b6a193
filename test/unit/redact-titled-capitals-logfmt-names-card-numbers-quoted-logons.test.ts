/**
 * Misses the names' and ids' work left: a surname alone in capitals after a courtesy title
 * (`Dear Mr. SMITH`, `Frau SCHNEIDER`), read as its capitalised form; a bare name field beside a
 * part of a name's field on a logfmt line (`nom=Dubois prenom=Marie`); a German identity card's
 * number holding fewer than four digits after its name (`Ausweisnummer: LZ6X7TFRK`); an Oracle
 * logon in a shell's quote after SQL*Plus (`sqlplus "sys/Secret1 as sysdba"`). Their look-alikes
 * stay: offices, titled programs, a senior's job, a name field alone, words after the card's name.
 */
import { describe, expect, it } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { storedLogAttribute } from "../support/redaction";
import { itKeepsUncounted, itStoresCounting } from "../support/redaction-cases";

const redact = (text: string) => redactString(text, defaultRedactionPolicy());

describe("a surname alone in capitals after a courtesy title", () => {
  itStoresCounting("replaces the surname in %s", redact, { person_name: 1 }, [
    ["Dear Mr. SMITH", "Dear Mr. [REDACTED:person_name]"],
    ["Sr. SILVA", "Sr. [REDACTED:person_name]"],
    ["Frau SCHNEIDER", "Frau [REDACTED:person_name]"],
    ["Mme DUBOIS", "Mme [REDACTED:person_name]"],
    ["Frau SCHNEIDER hat angerufen", "Frau [REDACTED:person_name] hat angerufen"],
    ["Hola Sr. SILVA, su pedido salió", "Hola Sr. [REDACTED:person_name], su pedido salió"],
    // The title is the evidence: a word that could be an acronym after one is a surname there.
    ["Mr. ROBOTO", "Mr. [REDACTED:person_name]"],
    // `Sr.` is a señor's before a surname in either case, as a senior's before a job.
    ["Sr. Silva", "Sr. [REDACTED:person_name]"],
  ]);
  itKeepsUncounted("keeps %s", redact, [
    "Dr. WHO",
    "Dr. WATSON",
    "Mr. PRESIDENT",
    "Dear Mr. PRESIDENT",
    "Sr. ENGINEER",
    "Sr. SRE",
    "Sr. Engineer at Acme",
    "Sr. SOFTWARE ENGINEER",
    "Main Dr. SUITE 4",
  ]);
});

describe("a name field beside a part of a name's field on a logfmt line", () => {
  itStoresCounting("replaces both parts in %s", redact, { person_name: 2 }, [
    ["nom=Dubois prenom=Marie", "nom=[REDACTED:person_name] prenom=[REDACTED:person_name]"],
    ["level=info nom=Dubois prenom=Marie msg=saved", "level=info nom=[REDACTED:person_name] prenom=[REDACTED:person_name] msg=saved"],
    ["prenom=Marie nom=Dubois", "prenom=[REDACTED:person_name] nom=[REDACTED:person_name]"],
    ["nome=Silva sobrenome=Souza", "nome=[REDACTED:person_name] sobrenome=[REDACTED:person_name]"],
  ]);
  itKeepsUncounted("keeps %s", redact, ["nom=Dubois", "nom=produit level=info", "nom=Dubois vorname_required=true"]);
  // Another line's field is no sibling.
  itStoresCounting("reads one line in %j", redact, { person_name: 1 }, [["nom=Dubois\nprenom=Marie", "nom=Dubois\nprenom=[REDACTED:person_name]"]]);
});

describe("a German identity card's number of fewer than four digits after its name", () => {
  itStoresCounting("replaces the number in %s", redact, { national_id: 1 }, [
    ["Ausweisnummer: LZ6X7TFRK", "Ausweisnummer: [REDACTED:national_id]"],
    ["Personalausweis-Nr. T22X00XKL", "Personalausweis-Nr. [REDACTED:national_id]"],
    ["ausweis_nummer=LZ6X7TFRK", "ausweis_nummer=[REDACTED:national_id]"],
  ]);
  itKeepsUncounted("keeps %s", redact, ["Ausweisnummer: LZXXXTFRK", "Ausweis 12 geprüft", "Ausweisnummer: FEHLT123"]);
  it("redacts the number under a key naming the card", () => {
    expect(storedLogAttribute("kunde.ausweisnummer", { stringValue: "LZ6X7TFRK" })).toEqual({ stringValue: "[REDACTED:national_id]" });
  });
  it("keeps a word under a key naming the card", () => {
    expect(storedLogAttribute("kunde.ausweisnummer", { stringValue: "FEHLT" })).toEqual({ stringValue: "FEHLT" });
  });
});

describe("an Oracle logon in a shell's quote", () => {
  itStoresCounting("replaces the password in %s", redact, { url_credentials: 1 }, [
    ['sqlplus "sys/Secret1 as sysdba"', 'sqlplus "sys/[REDACTED:url_credentials] as sysdba"'],
    ["sqlplus 'scott/tiger@orcl'", "sqlplus 'scott/[REDACTED:url_credentials]@orcl'"],
    ["sqlplus -s 'app/S3cret@ORCL'", "sqlplus -s 'app/[REDACTED:url_credentials]@ORCL'"],
    ["rman target 'sys/pw@prod'", "rman target 'sys/[REDACTED:url_credentials]@prod'"],
    ["expdp userid='system/S3cret' directory=x", "expdp userid='system/[REDACTED:url_credentials]' directory=x"],
  ]);
  itKeepsUncounted("keeps %s", redact, ['sqlplus "/ as sysdba"', "sqlplus '/nolog'", 'echo "sqlplus" "a/b"', "sqlplus 'app/${DB_PASSWORD}@ORCL'"]);
});
