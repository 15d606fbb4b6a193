/**
 * A URL query's bare word for a name (`name`, `nome`, `nombre`, `nom`) holds a person's name only
 * where the query says so: a sibling parameter naming a part of a name or a person's field
 * (`prenom`, `email`, `cpf`), or a path naming people (`/customers`, `/clientes`, `/cadastro`).
 * Without it a product's, a shop's or a city's name stays. `nome_completo` and its kin name a full
 * name on their own. A greeting's courtesy title before an academic one keeps both titles and
 * replaces the name.
 */
import { describe } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { itKeepsUncounted, itStoresCounting } from "../support/redaction-cases";

const redact = (text: string) => redactString(text, defaultRedactionPolicy());

describe("a query's bare name word without a sibling or a path saying whose", () => {
  itKeepsUncounted("keeps %s", redact, [
    "GET /api/products?name=Maria+Filo+Vestido 200",
    "/products/search?name=Ana+Capri+Sapatilha",
    "GET /api/brands?name=Carol+Bassi",
    "GET /api/products?name=Rosa+Mosqueta+Oil",
    "GET /doces?name=Maria+Mole",
    "GET /bebidas?nome=Jose+Cuervo+Tequila",
    "GET /fractals?name=Julia+Set",
    "/api/cities?nome=Joao+Pessoa",
    "GET /api/cities?nome=Pedro+Leopoldo",
    "/api/stores?nome=Maria+Filo+Iguatemi",
    "?name=Carol+Bassi",
    "?name=Julia+Set",
    "/products?name=Maria+Filo&sku=1",
    "POST /cart body: name=Maria+Mole&qty=1",
  ]);
  // A full name with no thing's word under a path saying neither people nor things is a person's.
  itStoresCounting("replaces the name in %s", redact, { person_name: 1 }, [["?nome=Ana+Souza", "?nome=[REDACTED:person_name]"]]);
});

describe("a query's bare name word beside a person's parameter or under a people path", () => {
  itStoresCounting("replaces the name in %s", redact, { person_name: 1 }, [
    ["/api/customers?name=John+Smith", "/api/customers?name=[REDACTED:person_name]"],
    ["GET /users?name=John+Smith 200", "GET /users?name=[REDACTED:person_name] 200"],
    ["/signup?nome=Ana+Souza", "/signup?nome=[REDACTED:person_name]"],
    ["GET /api/v1/Sign-Up?nombre=Juan+Garcia", "GET /api/v1/Sign-Up?nombre=[REDACTED:person_name]"],
    ["GET /x?name=John+Smith&birth_date=", "GET /x?name=[REDACTED:person_name]&birth_date="],
    ["body: name=John+Smith&accept=1&data_nascimento=", "body: name=[REDACTED:person_name]&accept=1&data_nascimento="],
    ["/clientes?nome=ANA+SOUZA&cpf=1", "/clientes?nome=[REDACTED:person_name]&cpf=1"],
    ["/x?nome=ANA+SOUZA&cpf=1", "/x?nome=[REDACTED:person_name]&cpf=1"],
    ["/clientes?nome=ANA+SOUZA&page=1", "/clientes?nome=[REDACTED:person_name]&page=1"],
    ["/users?name=JOHN+SMITH", "/users?name=[REDACTED:person_name]"],
  ]);
  itStoresCounting("replaces both parts in %s", redact, { person_name: 2 }, [
    ["?nom=Dubois&prenom=Marie", "?nom=[REDACTED:person_name]&prenom=[REDACTED:person_name]"],
  ]);
  itKeepsUncounted("keeps a thing's name under a people path: %s", redact, ["/users?name=checkout", "/clientes?nome=US+EAST"]);
});

describe("a whole name under nome_completo, nomeCompleto, nome_cliente, nombre_completo", () => {
  itStoresCounting("replaces the name in %s", redact, { person_name: 1 }, [
    ["?nome_completo=Ana+Souza", "?nome_completo=[REDACTED:person_name]"],
    ["?nomeCompleto=Ana+Souza", "?nomeCompleto=[REDACTED:person_name]"],
    ["?nome_cliente=Ana+Souza", "?nome_cliente=[REDACTED:person_name]"],
    ["?nombre_completo=Ana+Souza", "?nombre_completo=[REDACTED:person_name]"],
    ["?cliente_nome=Ana+Souza", "?cliente_nome=[REDACTED:person_name]"],
    ['{"nome_completo":"Ana Souza"}', '{"nome_completo":"[REDACTED:person_name]"}'],
    ["nome_cliente: Ana Souza", "nome_cliente: [REDACTED:person_name]"],
  ]);
  itKeepsUncounted("keeps %s", redact, ["nome_completo=required", "cliente=Acme"]);
});

describe("a greeting's courtesy title before an academic title", () => {
  itStoresCounting("replaces only the name in %s", redact, { person_name: 1 }, [
    ["Sehr geehrte Frau Dr. Schneider,", "Sehr geehrte Frau Dr. [REDACTED:person_name],"],
    ["Hallo Frau Dr. Schneider,", "Hallo Frau Dr. [REDACTED:person_name],"],
    ["Sehr geehrte Frau Dr. Anna Schneider,", "Sehr geehrte Frau Dr. [REDACTED:person_name],"],
    ["Sehr geehrter Herr Prof. Dr. Weber,", "Sehr geehrter Herr Prof. Dr. [REDACTED:person_name],"],
    ["Herr Dipl.-Ing. Müller", "Herr Dipl.-Ing. [REDACTED:person_name]"],
    ["Sehr geehrter Herr Dipl.-Ing. Müller,", "Sehr geehrter Herr Dipl.-Ing. [REDACTED:person_name],"],
    ["Dear Mr. Dr. Smith", "Dear Mr. Dr. [REDACTED:person_name]"],
  ]);
  itKeepsUncounted("keeps %s", redact, ["Sehr geehrte Damen und Herren,", "Hallo Frau Dr.,"]);
});
