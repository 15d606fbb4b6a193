/**
 * A name after a title or a party's word that is a brand's, a product's or a place's stays
 * (`Dr. Oetker Pizza`, `to João Pessoa`, `from Paulo Afonso depot`, `Shipped by Michael Kors`);
 * a person's there is still replaced (`Dr. Marie Dupont`, `from Alice Cooper to Bob Marley`).
 */
import { describe } from "vitest";
import { defaultRedactionPolicy, redactString } from "../../workers/ingest/core/redact";
import { itKeepsUncounted, itStoresCounting } from "../support/redaction-cases";

const redact = (text: string) => redactString(text, defaultRedactionPolicy());

describe("a title before a brand, a product or a character", () => {
  itKeepsUncounted("keeps %s", redact, [
    'Product "Dr Martens Jadon Boot" out of stock',
    "Dr. Oetker Pizza Ristorante Mozzarella x2",
    "Mr. Bean Coffee Roasters order 441",
    "Sent to Dr. Dre Beats store",
    "Mme. Butterfly tickets sold out",
    "Dr. Martens 1460 Smooth Leather Boots",
    "restock Dr. Martens",
  ]);
  itStoresCounting("replaces the person in %s", redact, { person_name: 1 }, [
    ["Dr. Marie Dupont", "Dr. [REDACTED:person_name]"],
    ["seen by Dr. Marie Dupont today", "seen by Dr. [REDACTED:person_name] today"],
    ["Mrs. O'Brien called", "Mrs. [REDACTED:person_name] called"],
    ["Sr. João Silva Santos", "Sr. [REDACTED:person_name]"],
    ["Dr. Maria de la Cruz", "Dr. [REDACTED:person_name]"],
  ]);
});

describe("a party's word before a place or a brand named as a person is", () => {
  itKeepsUncounted("keeps %s", redact, [
    "shipping quote from São Paulo to João Pessoa",
    "to Maria Helena depot",
    "to Maria Helena DEPOT",
    "to Maria Helena Depot",
    "from Paulo Afonso depot",
    "transfer from Carlos Barbosa warehouse",
    "delivery to Luis Eduardo Magalhaes",
    "delivery to Luís Eduardo Magalhães",
    "to Oscar Freire store",
    "from Jose Bonifacio station",
    "assigned to Victoria Metrics cluster",
    "Shipped by Michael Kors via FedEx",
    "Wire from Charles Schwab received",
    "owner Jack Henry & Associates",
    "booked by Thomas Cook",
    "to Santa Maria",
    "from Ana Souza armazém",
    "to Carla Dias centro de distribuição",
    "to Pedro Alves CD",
    "to Pedro Alves cd",
    "from Paulo Silva loja 12",
  ]);
  itStoresCounting("replaces the person in %s", redact, { person_name: 1 }, [
    ["login failed for user Maria Gonzalez", "login failed for user [REDACTED:person_name]"],
    ["to Maria Helena", "to [REDACTED:person_name]"],
    ["shipping quote to João Pessoa Santos", "shipping quote to [REDACTED:person_name]"],
    ["Shipped by Michael Korsakov via FedEx", "Shipped by [REDACTED:person_name] via FedEx"],
    ["transfer from Carlos Souza approved", "transfer from [REDACTED:person_name] approved"],
  ]);
  itStoresCounting("replaces both people in %s", redact, { person_name: 2 }, [
    ["from Alice Cooper to Bob Marley", "from [REDACTED:person_name] to [REDACTED:person_name]"],
  ]);
});
