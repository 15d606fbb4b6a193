/**
 * A person's street address as a redaction kind (`street_address`): under keys naming one, as
 * such a field written into text (JSON, an inspect-style object, YAML, `name=value`), and as a
 * street line in prose; beside every server, network, mailbox, memory or wallet address and the
 * street-like words that must stay.
 */
import { describe, expect, it } from "vitest";
import { BUILT_IN_KINDS, redactString } from "../../workers/ingest/core/redact";
import { expectKept, expectRedacted, redactionPolicy, storedLogAttributes } from "../support/redaction";
import type { KeyValue } from "../../workers/shared/otlp/model";
import { holdsStreetAddress, namesStreetAddress } from "../../workers/ingest/core/redact/street-addresses";
import { nameWords } from "../../workers/ingest/core/redact/secret-names";
import { itStores } from "../support/redaction-cases";

const attr = (key: string, value: string): KeyValue => ({ key, value: { stringValue: value } });
const MARK = "[REDACTED:street_address]";

describe("keys naming a street address", () => {
  itStores("%s names one (%s)", (key) => namesStreetAddress(nameWords(key)), [
    ["street", "named"],
    ["customer.address.street", "named"],
    ["street_address", "named"],
    ["streetAddress", "named"],
    ["address_line1", "named"],
    ["addressLine2", "unit"],
    ["address_line_1", "named"],
    ["billing_details.address.line1", "named"],
    ["shipping_address", "named"],
    ["billing_address", "named"],
    ["home_address", "named"],
    ["endereco", "named"],
    ["endereço", "named"],
    ["cliente.logradouro", "named"],
    ["rua", "named"],
    ["direccion", "named"],
    ["dirección", "named"],
    ["calle", "named"],
    ["address", "shaped"],
    ["customer.address", "shaped"],
    ["address1", "named"],
    ["shipping_address.address2", "unit"],
    ["address_1", "named"],
    ["billing.address_1", "named"],
    ["ship_to", "named"],
    ["strasse", "named"],
    ["straße", "named"],
    ["adresse", "named"],
    ["rue", "named"],
    ["address.streetName", "named"],
    ["street_name", "named"],
    ["address_2", "unit"],
    ["address.line2", "unit"],
    ["complemento", "unit"],
    ["endereco.complemento", "unit"],
    ["address.complement", "unit"],
    ["address.houseNumber", "number"],
    ["shipping_address.house_number", "number"],
    ["address.street_number", "number"],
    ["endereco.numero", "number"],
    ["adresse.hausnummer", "number"],
  ]);

  it.each([
    "server.address", "client.address", "net.peer.address", "network.peer.address", "net.sock.peer.addr", "mac_address", "ip_address",
    "bind_address", "email_address", "wallet_address", "memory_address", "listen_address", "remote_addr", "address_family",
    "address_verification", "street_number", "line1", "geo.locality.name", "x_forwarded_for", "via", "address_count",
    "numero", "pedido.numero", "houseNumber", "order.number", "address.number_of_lines", "complement", "set.complement",
  ])("%s names none", (key) => {
    expect(namesStreetAddress(nameWords(key))).toBeUndefined();
  });

  it("judges a bare address by its shape, a named one by what stands in a value's place", () => {
    for (const value of ["12 Main St", "1600 Pennsylvania Avenue NW", "Rua das Flores, 123", "221B Baker Street", "742 Evergreen Terrace",
      "1600 Amphitheatre Parkway", "Chestnut Street 92", "Hauptstraße 5", "Musterstr. 12a, 80331 München", "12 rue de la Paix"]) {
      expect(holdsStreetAddress(value, "shaped"), value).toBe(true);
    }
    for (const value of ["0x7ffd4a3b2c1d", "10.0.0.1:5432", "api.example.com:443", "listen tcp 8080", "ana@example.com", "unix:///var/run/x.sock", "Springfield",
      "3 Way Handshake", "12 Factor App", "1 Main", "node-3 Main Street DC"]) {
      expect(holdsStreetAddress(value, "shaped"), value).toBe(false);
    }
    expect(holdsStreetAddress("Main 5", "named")).toBe(true);
    // Under a key naming a street, its name without the number, which senders keep apart.
    for (const value of ["Sesame Street", "Rua das Flores", "Baker Street"]) {
      expect(holdsStreetAddress(value, "named"), value).toBe(true);
      expect(holdsStreetAddress(value, "shaped"), value).toBe(false);
    }
    // One token (a name alone, an id, a form's word) and a form's answer: no address.
    for (const value of ["", "n/a", "required", "***", "{{street}}", "10.0.0.1", "[REDACTED:street_address]", "Main",
      "addr_1Nv0FGQ9RKHgCVdK", "same_as_shipping", "See attached", "same as billing"]) {
      expect(holdsStreetAddress(value, "named"), value).toBe(false);
    }
  });

  it("replaces the values of attributes under those keys, keeps technical addresses and cities", () => {
    const stored = storedLogAttributes([
      attr("customer.address.street", "12 Main St"),
      attr("address", "1600 Pennsylvania Avenue NW"),
      attr("billing_details.address.line1", "221B Baker Street"),
      attr("shipping_address", "Springfield Avenue 4"),
      attr("endereco", "Rua das Flores, 123"),
      attr("server.address", "api.example.com"),
      attr("mac_address", "00:1a:2b:3c:4d:5e"),
      attr("bind_address", "0.0.0.0:8080"),
      attr("wallet_address", "0x7ffd4a3b2c1d"),
      attr("address_verification", "pass"),
      attr("street", "n/a"),
    ]);
    expect(stored.values).toMatchObject({
      "customer.address.street": MARK,
      address: MARK,
      "billing_details.address.line1": MARK,
      shipping_address: MARK,
      endereco: MARK,
      "server.address": "api.example.com",
      mac_address: "00:1a:2b:3c:4d:5e",
      bind_address: "0.0.0.0:8080",
      wallet_address: "0x7ffd4a3b2c1d",
      address_verification: "pass",
      street: "n/a",
    });
    expect(storedLogAttributes([attr("address", "redis-master.cache.svc.cluster.local")]).values).toEqual({ address: "redis-master.cache.svc.cluster.local" });
  });

  it("replaces Shopify's and WooCommerce's address lines, keeps ids, a form's answers and a street's name alone", () => {
    const stored = storedLogAttributes([
      attr("address1", "Chestnut Street 92"),
      attr("order.shipping_address.address1", "1600 Amphitheatre Parkway"),
      attr("customer.default_address.address2", "Apartment 5"),
      attr("address_1", "969 Market"),
      attr("billing.address_1", "969 Market"),
      attr("shipping_address.address1", "Unit 3"),
      attr("strasse", "Hauptstraße 5"),
      attr("adresse", "12 rue de la Paix"),
      attr("billing_address", "addr_1Nv0FGQ9RKHgCVdK"),
      attr("shipping_address", "same_as_shipping"),
      attr("address.line1", "See attached"),
      attr("street", "Main"),
      attr("customer.street", "Sesame Street"),
      attr("address", "3 Way Handshake"),
      attr("node.address", "12 Factor App"),
      attr("customer.address", "1 Main"),
      attr("via", "1.1 varnish"),
    ]);
    expect(stored.values).toMatchObject({
      address1: MARK,
      "order.shipping_address.address1": MARK,
      "customer.default_address.address2": MARK,
      address_1: MARK,
      "billing.address_1": MARK,
      "shipping_address.address1": MARK,
      strasse: MARK,
      adresse: MARK,
      billing_address: "addr_1Nv0FGQ9RKHgCVdK",
      shipping_address: "same_as_shipping",
      "address.line1": "See attached",
      street: "Main",
      "customer.street": MARK,
      address: "3 Way Handshake",
      "node.address": "12 Factor App",
      "customer.address": "1 Main",
      via: "1.1 varnish",
    });
  });

  it("replaces every part of an address split over fields: the street's name, its house number, each line of a list, the second line's one word", () => {
    const stored = storedLogAttributes([
      attr("payload", '{"address":{"streetName":"Baker Street","houseNumber":"221B","city":"London"}}'),
      attr("order", '{"endereco":{"logradouro":"Rua das Flores","numero":123,"complemento":"apto 42"}}'),
      attr("magento", '{"street":["123 Main St","Apt 4"],"city":"Austin"}'),
      { key: "shipping.street", value: { arrayValue: [{ stringValue: "123 Main St" }, { stringValue: "Apt 4" }] } },
      attr("complemento", "apto 42"),
      attr("address2", "Penthouse"),
      attr("address.line2", "4B"),
      attr("address.house_number", "12-14"),
    ]);
    expect(stored.values).toMatchObject({
      payload: `{"address":{"streetName":"${MARK}","houseNumber":"${MARK}","city":"London"}}`,
      order: `{"endereco":{"logradouro":"${MARK}","numero":"${MARK}","complemento":"${MARK}"}}`,
      magento: `{"street":"${MARK}","city":"Austin"}`,
      "shipping.street": MARK,
      complemento: MARK,
      address2: MARK,
      "address.line2": MARK,
      "address.house_number": MARK,
    });
  });

  it("keeps what is no part of an address under those keys: a form's answers, ids, an order's number, a server's list", () => {
    const kept = {
      billing_address2: "same_as_shipping",
      address2: "n/a",
      "address.address2": "undefined",
      "address.line2": "null",
      complemento: "none",
      "pedido.numero": "42",
      "address.houseNumber": "unknown",
      "address.street_number": "n/a",
      upstream: '{"address":["10.0.0.1:80","10.0.0.2:80"],"street":[]}',
    };
    expect(storedLogAttributes(Object.entries(kept).map(([key, value]) => attr(key, value))).values).toEqual(kept);
  });

  it("rules a name/value pair's value by its name: a street, a postal code, a person's name; a city, a server and a port stay", () => {
    const stored = storedLogAttributes([
      attr("form", '{"fields":[{"name":"street","value":"Hauptstraße 5"},{"name":"zip","value":"94080"},{"name":"city","value":"Berlin"}]}'),
      attr("profile", '[{"name":"first_name","value":"Ana"},{"name":"server","value":"api.example.com"},{"name":"PORT","value":"8080"}]'),
      attr("field.name", "address_line1"),
      attr("field.value", "12 Main St"),
      attr("blank", '[{"name":"street","value":"n/a"},{"name":"zip","value":""}]'),
    ]);
    expect(stored.values).toEqual({
      form: `{"fields":[{"name":"street","value":"${MARK}"},{"name":"zip","value":"[REDACTED:postal_code]"},{"name":"city","value":"Berlin"}]}`,
      profile: '[{"name":"first_name","value":"[REDACTED:person_name]"},{"name":"server","value":"api.example.com"},{"name":"PORT","value":"8080"}]',
      "field.name": "address_line1",
      "field.value": MARK,
      blank: '[{"name":"street","value":"n/a"},{"name":"zip","value":""}]',
    });
  });

  it("is a kind a policy turns off, in keys and text alike", () => {
    expect(BUILT_IN_KINDS).toContain("street_address");
    const off = redactionPolicy({ disabledDetectors: ["street_address"] });
    const text = `shipping to 12 Main St, Springfield, IL 62704 {"street":"12 Main St"}`;
    expect(redactString(text, off).text).toBe(text);
    expect(storedLogAttributes([attr("street", "12 Main St")], off).values).toEqual({ street: "12 Main St" });
  });
});

describe("street address fields written into text", () => {
  it("redacts the value of a member, an inspect-style member, a YAML line and a name=value field", () => {
    expectRedacted([
      ["order created { id: 42, address: { street: '12 Main St', city: 'Springfield' } }", `order created { id: 42, address: { street: '${MARK}', city: 'Springfield' } }`],
      ['{"level":30,"address":{"street":"12 Main St","city":"Springfield"}}', `{"level":30,"address":{"street":"${MARK}","city":"Springfield"}}`],
      ['payment {"billing_details":{"address":{"city":"Austin","line1":"500 Elm Road","line2":"Apt 4"}}}', `payment {"billing_details":{"address":{"city":"Austin","line1":"${MARK}","line2":"${MARK}"}}}`],
      ['checkout ok street_address="12 Main St" city=Springfield', `checkout ok street_address="${MARK}" city=Springfield`],
      ["checkout ok street_address=12 Main St city=Springfield", `checkout ok street_address=${MARK} city=Springfield`],
      ['pedido {"endereco":"Rua das Flores, 123","cidade":"Recife"}', `pedido {"endereco":"${MARK}","cidade":"Recife"}`],
      ['{"streetAddress":"Elm 5"}', `{"streetAddress":"${MARK}"}`],
      ['pedido {"logradouro":"Rua das Flores","numero":"123"}', `pedido {"logradouro":"${MARK}","numero":"123"}`],
      ['{"address":{"street":"Baker Street","number":"221B"}}', `{"address":{"street":"${MARK}","number":"221B"}}`],
      ["address:\n  street: 12 Main St\n  city: Springfield", `address:\n  street: ${MARK}\n  city: Springfield`],
      ['body: {\\"address\\":\\"221B Baker Street\\"}', `body: {\\"address\\":\\"${MARK}\\"}`],
    ]);
  });

  it("keeps technical addresses and address words in text", () => {
    expectKept([
      '{"server":{"address":"10.0.0.1","port":5432},"address":"listen tcp 8080"}',
      '{"address":"api.example.com:443"}',
      "address: 0x7ffd4a3b2c1d",
      "bind_address: 0.0.0.0:8080",
      "socket error: address family not supported by protocol",
      "listen tcp 0.0.0.0:8080: bind: address already in use",
      "Stripe address_verification: pass, cvc_check: pass",
      'config {"line1":"Welcome back","line2":"See you"}',
      "billing_address=addr_1Nv0FGQ9RKHgCVdK",
      "billing_address=same_as_shipping",
      "street=Main",
      "address: 3 Way Handshake",
      "Via: 1.1 varnish, 1.1 vegur",
    ]);
  });

  it("lets the key decide in text as in an attribute: unquoted YAML and logfmt values, Shopify's keys, Stripe's form fields", () => {
    expectRedacted([
      ["street: Hauptstraße 5", `street: ${MARK}`],
      ["address: 742 Evergreen Terrace", `address: ${MARK}`],
      ["address: 1600 Amphitheatre Parkway", `address: ${MARK}`],
      ["street: Chestnut Street 92\ncity: Louisville", `street: ${MARK}\ncity: Louisville`],
      ["address1: 1600 Amphitheatre Parkway", `address1: ${MARK}`],
      ["shipping:\n  address:\n    line1: 742 Evergreen Terrace\n    city: Springfield", `shipping:\n  address:\n    line1: ${MARK}\n    city: Springfield`],
      ["ship_to=742 Evergreen Terrace, Springfield", `ship_to=${MARK}, Springfield`],
      ['{"shipping_address":{"address1":"Chestnut Street 92","address2":"Apartment 5","city":"Louisville"}}', `{"shipping_address":{"address1":"${MARK}","address2":"${MARK}","city":"Louisville"}}`],
      ['{"billing":{"address_1":"969 Market","city":"SF"}}', `{"billing":{"address_1":"${MARK}","city":"SF"}}`],
      ['{"adresse":"12 rue de la Paix","ville":"Paris"}', `{"adresse":"${MARK}","ville":"Paris"}`],
      ["address[line1]=354+Oyster+Point+Blvd&address[city]=SSF", `address[line1]=${MARK}&address[city]=SSF`],
      ["POST /v1/customers shipping[address][line1]=742+Evergreen+Terrace&name=x", `POST /v1/customers shipping[address][line1]=${MARK}&name=x`],      ["cliente salvo complemento: apto 42 cidade=SP", `cliente salvo complemento: ${MARK} cidade=SP`],
      ["cliente {complemento: 'apto 42'}", `cliente {complemento: '${MARK}'}`],
      ['address2="Penthouse" city=SF', `address2="${MARK}" city=SF`],
      ['saved streetName="Baker Street" city=London', `saved streetName="${MARK}" city=London`],
    ]);
  });
});

describe("street lines in prose", () => {
  it("redacts a US or UK line with its city, state and ZIP, and a Brazilian or Spanish one", () => {
    expectRedacted([
      ["shipping to 12 Main St, Springfield, IL 62704", `shipping to ${MARK}`],
      ["visitor at 1600 Pennsylvania Avenue NW asked", `visitor at ${MARK} asked`],
      ["deliver to 221B Baker Street today", `deliver to ${MARK} today`],
      ["Address: 350 5th Ave, New York, NY 10118", `Address: ${MARK}`],
      ["entrega em Rua das Flores, 123 - São Paulo", `entrega em ${MARK} - São Paulo`],
      ["cliente mora na Av. Paulista, 1000, apto 12", `cliente mora na ${MARK}, apto 12`],
      ["envío a Calle Mayor 5, Madrid", `envío a ${MARK}, Madrid`],
      ["lives at 12 Main St in Springfield", `lives at ${MARK} in Springfield`],
    ]);
  });

  it("redacts a line with its postal code and town whatever the language, and a US line without a type before its city, state and ZIP", () => {
    expectRedacted([
      ["delivered to Hauptstraße 5, 10115 Berlin", `delivered to ${MARK}`],
      ["Lieferadresse: Hauptstraße 5, 10115 Berlin", `Lieferadresse: ${MARK}`],
      ["livraison au 12 Rue de la Paix, 75002 Paris", `livraison au ${MARK}`],
      ["adresse 3 bis avenue Foch, 75116 Paris", `adresse ${MARK}`],
      ["Kunde wohnt Berliner Str. 12a, 80331 München.", `Kunde wohnt ${MARK}.`],
      ["Anschrift Am Lindenweg 3, 60311 Frankfurt am Main", `Anschrift ${MARK}`],
      ["bezorgd op Kerkstraat 12, 1017 GC Amsterdam", `bezorgd op ${MARK}`],
      ["spedito a Via Roma 10, 00184 Roma", `spedito a ${MARK}`],
      ["envío a Calle Mayor 5, 28013 Madrid ok", `envío a ${MARK} ok`],
      ["entrega Avenida da Liberdade 110, 1250-146 Lisboa", `entrega ${MARK}`],
      ["Deliver to: 1 Infinite Loop, Cupertino, CA 95014", `Deliver to: ${MARK}`],
      ["new address 1600 Amphitheatre Parkway, Mountain View, CA 94043", `new address ${MARK}`],
      ["ship to 1 Hacker Way, Menlo Park, CA 94025-1456", `ship to ${MARK}`],
      ["10 Downing Street, London SW1A 2AA", MARK],
      ["Shipping to 10 Downing Street, London SW1A 2AA", `Shipping to ${MARK}`],
      ["221B Baker Street, NW1 6XE", MARK],
    ]);
  });

  it("redacts lines whose street's name is hyphenated, several words, led by a preposition or has no street's word", () => {
    expectRedacted([
      ["Lieferung: Karl-Marx-Straße 12, 12043 Berlin", `Lieferung: ${MARK}`],
      ["livraison : 8 boulevard Saint-Michel, 75005 Paris", `livraison : ${MARK}`],
      ["livraison : 5 avenue des Champs-Élysées, 75008 Paris", `livraison : ${MARK}`],
      ["ship to 12 Saint-Denis Street, London N1 2AB", `ship to ${MARK}`],
      ["Anschrift: Am Ring 3, 50667 Köln", `Anschrift: ${MARK}`],
      ["Anschrift: Unter den Linden 77, 10117 Berlin", `Anschrift: ${MARK}`],
      ["spedizione: Corso Vittorio Emanuele II 15, 10123 Torino", `spedizione: ${MARK}`],
      ["spedizione a Via Roma 10, 00184 Roma RM", `spedizione a ${MARK}`],
      ["bezorgen op Damrak 1, 1012 LG Amsterdam", `bezorgen op ${MARK}`],
      ["Adres: Damrak 1, 1012 LG Amsterdam", `Adres: ${MARK}`],
      ["Anschrift: 10115 Berlin, Invalidenstraße 117", `Anschrift: ${MARK}`],
      ["ship to 1 Infinite Loop Cupertino CA 95014", `ship to ${MARK}`],
      ["Lieferadresse Bahnhofstrasse 45, 8001 Zürich", `Lieferadresse ${MARK}`],
      ["Rechnung 4711, Am Ring 3, 50667 Köln", `Rechnung 4711, ${MARK}`],
      ["Anschrift: 10117 Berlin, Unter den Linden 77", `Anschrift: ${MARK}`],
    ]);
  });

  it("takes a line's town, state and postal code with it", () => {
    expectRedacted([
      ["entrega: Av. Paulista, 1000, São Paulo - SP, 01310-100", `entrega: ${MARK}`],
      ["entrega: Rua Oscar Freire 379, São Paulo - SP, 01426-001", `entrega: ${MARK}`],
      ["customer address: Flat 3, 22 Baker Street, London NW1 6XE", `customer address: ${MARK}`],
      ["ship to 500 W 2nd St, Austin TX 78701", `ship to ${MARK}`],
    ]);
  });

  it("keeps a measure's number before street words and a count's word before a number and a postal code's shape", () => {
    expectKept([
      "Streaming 1, 20000 Kbps Street View",
      "uploaded 3 files, 20000 KB to Street Fighter assets",
      "Ring 5, 10115 Items",
      "Release 5, 2024 Edition notes",
      "Worker 4, 1024 MB Heap",
      "Import: 12 Einträge, 10115 Bytes",
      "export: 5 fichiers, 10240 Octets",
      "Batch 3, 10115 Records processed",
      "region TX 78701 latency 12 ms",
      "queue Via 3, 10115 messages, Roma shard",
      "Test suite Weg 5, 10115 passed, 0 failed",
      "Im Schritt 3, 1000 Einträge verarbeitet",
      "Import läuft, Im Schritt 3, 1000 Einträge verarbeitet",
      "Am Tag 3, 2000 Nutzer",
      "3 Nodes Dallas TX 75201",
      "region: 3 Pods Austin TX 78701",
      "latency, 12 Stores Portland OR 97201",
    ]);
  });

  it("keeps counts, versions, ports and street words without a whole address's shape", () => {
    expectKept([
      "Release 5, 2024",
      "Release 5, 2024 Edition notes",
      "port 5432, 10.0.0.5",
      "Schedule: 3 Main tasks, 2 side",
      "version 5, 10115 Build",
      "see RFC 8446 Section 4, 2018 Edition",
      "Processed 12 Events Ring 4, 2048 Bytes",
      "Step 2 Platz 3, 1000 Points",
      "Error 42 Ring 5, 10000 Retries",
      "worker 3 Main Pool, Queue, MA 12345",
      "node 3 Way Handshake, Timeout, OK 30000",
      "forwarded Via Kafka 2 partitions",
      "consumer group 12 Kafka Topic, 10000 Messages",
    ]);
  });

  it("keeps a street without a number, a count before capitalised words, and street words elsewhere", () => {
    expectKept([
      "the shop on Main St is open",
      "playing Street Fighter 2 tonight",
      "retry 3 Main Street failed",
      "parse error at line 12 Main module",
      "took 3 ms Way too slow",
      "processed 12 Orders Way faster",
      "fica na Rua das Flores perto do centro",
      "segfault at address 0x7ffd4a3b2c1d",
      "at Object.<anonymous> (/app/src/St.js:12:5)",
      "goroutine 12 [running]: main.Way()",
      "X-Forwarded-For header missing",
      "release v1.12 Main St build",
      "retry to 2 Main St replicas",
      "rolled out to 3 Main Street stores in region",
      "Upgraded from 2 Park Ave plan",
      "Ship to 4 Elm Street warehouses",
      "ticket: 3 Main Court issue in building B",
    ]);
  });
});
