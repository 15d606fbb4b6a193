/**
 * Personal names and logins under the OpenTelemetry semantic conventions' keys (`user.full_name`,
 * `user.name`, `process.owner`) and their other spellings (snake and camel case, JSON members,
 * nested paths, SQL columns), with what stays: the conventions' identifiers (`user.id`,
 * `enduser.id`, `user.hash`, `user.roles`) and accounts that name no person (`root`, `guest`).
 */
import { describe, expect, it } from "vitest";
import type { KeyValue } from "../../workers/shared/otlp/model";
import { defaultRedactionPolicy, redactRequest, redactString } from "../../workers/ingest/core/redact";
import { logRecord, logsRequest } from "../support/model-builders";
import { redactionPolicy } from "../support/redaction";
import { itKeeps, itStores } from "../support/redaction-cases";

const policy = defaultRedactionPolicy();
const NAME = "[REDACTED:person_name]";

/** The log record's attributes after redaction, by key (`attributes`: key and string value). */
function redactedAttributes(attributes: Record<string, string>): Record<string, unknown> {
  const record = logRecord({ attributes: Object.entries(attributes).map(([key, stringValue]): KeyValue => ({ key, value: { stringValue } })) });
  redactRequest("logs", logsRequest([record]), policy);
  return Object.fromEntries(record.attributes.map((a) => [a.key, "stringValue" in a.value ? a.value.stringValue : a.value]));
}

/** A logged request body's text after redaction. */
function body(text: string): unknown {
  return redactedAttributes({ "http.request.body": text })["http.request.body"];
}

describe("a person's name or login under a semantic-convention key", () => {
  it.each([
    ["user.full_name", "Ana Silva"],
    ["user.name", "Ana Silva"],
    ["user.name", "ana.silva"],
    ["process.owner", "ana.silva"],
    ["process.owner", "DESKTOP-7Q\\ana.silva"],
    ["user_name", "Ana Silva"],
    ["userName", "ana.silva"],
    ["user.fullName", "Ana Silva"],
    ["log.user.full_name", "Ana Silva"],
    ["user.name", "ana_1983"],
  ])("%s = %s is replaced", (key, value) => {
    expect(redactedAttributes({ [key]: value })[key]).toBe(NAME);
  });

  it.each([
    ["user.id", "42"],
    ["enduser.id", "u-8812"],
    ["enduser.pseudo.id", "5f0c1b2a"],
    ["user.hash", "364fc68eaf4c8acec74a4e52d7d1feaa"],
    ["user.roles", "admin,viewer"],
    ["process.owner", "root"],
    ["process.owner", "www-data"],
    ["process.owner", "NT AUTHORITY\\SYSTEM"],
    ["user.name", "anonymous"],
    ["user.name", "${USER}"],
    ["username", "ana"],
    ["service.name", "checkout"],
    ...[
      "svc-deploy", "github-actions[bot]", "dependabot[bot]", "jenkins", "deploy", "ci-runner-01", "git", "ssm-user",
      "gitlab-runner", "runner", "kubelet", "azureuser", "centos", "debian", "vagrant", "oracle", "opc", "pi", "_www",
      "CORP\\svc_sql", "system:serviceaccount:ns:sa", "42", "u-8812", "b1f8e2c4-3d5a-4e6f-8a9b-0c1d2e3f4a5b",
    ].map((account) => ["user.name", account]),
    ["process.owner", "svc-deploy"],
    ["user_name", "svc-deploy"],
    ["userName", "gitlab-runner"],
    ["user.full_name", "github-actions[bot]"],
  ])("%s = %s stays", (key, value) => {
    expect(redactedAttributes({ [key]: value })[key]).toBe(value);
  });

  it.each([
    ["process.owner", "a.silva"],
    ["process.owner", "CORP\\Ana Silva"],
    ["process.owner", "ana.silva@corp.example"],
    ["user.name", "Ana Maria Silva"],
    ["user.name", "CORP\\a.silva"],
    ["process.user.name", "ana.silva"],
    ["db.user.name", "Ana Silva"],
  ])("%s = %s has a person's shape and is replaced", (key, value) => {
    expect(redactedAttributes({ [key]: value })[key]).toBe(NAME);
  });

  // Accounts hostmetrics reports as process.owner, and CI, agent and daemon logins as user.name:
  // one token, an operating system's account, whatever its word.
  const ACCOUNTS = [
    "sshd", "systemd-network", "systemd-resolve", "systemd-timesync", "messagebus", "chrony", "_chrony", "_apt", "polkitd",
    "syslog", "ntp", "mail", "proxy", "backup", "operator", "lp", "sync", "halt", "shutdown", "games", "news", "uucp",
    "list", "irc", "gnats", "avahi", "colord", "gdm", "lightdm", "usbmux", "uuidd", "tcpdump", "landscape", "pollinate",
    "fwupd-refresh", "snap_daemon", "lxd", "dnsmasq", "statd", "bind", "named", "unbound", "squid", "ftp", "clickhouse",
    "mongodb", "memcached", "rabbitmq", "zookeeper", "cassandra", "kafka", "hdfs", "yarn", "hbase", "hive", "spark",
    "flink", "airflow", "consul", "vault", "nomad", "etcd", "minio", "ceph", "haproxy", "envoy", "tomcat", "jboss",
    "wildfly", "nexus", "sonarqube", "kibana", "logstash", "influxdb", "telegraf", "fluentd", "td-agent", "grafana-agent",
    "otelcol-contrib", "nonroot", "65532", "ContainerUser", "ContainerAdministrator", "celery", "sidekiq", "argocd",
    "flux", "tekton", "circleci", "azure-pipelines", "buildkite-agent", "datadog", "newrelic", "splunk", "cron",
    "monitoring", "healthcheck", "loadtest", "k6", "synthetics", "orders_app", "otel-collector", "orders-sa", "k8s-node",
    "ci-bot", "hadoop", "_windowserver", "NETWORK SERVICE", "usr_1042", "1284736", "$USER",
  ];
  it.each(ACCOUNTS.flatMap((account) => ["process.owner", "user.name", "process.user.name", "process.real_user.name", "aws.iam.user.name"].map((key) => [key, account])))(
    "%s = %s is an account and stays",
    (key, value) => {
      expect(redactedAttributes({ [key]: value })[key]).toBe(value);
    },
  );

  itKeeps("user.full_name = %s names no person and stays", (value) => redactedAttributes({ "user.full_name": value })["user.full_name"], ["Service Account", "Deploy Bot", "Jenkins CI", "System", "N/A", "Anonymous"]);

  itKeeps("an account in JSON text stays: %s", (text) => redactedAttributes({ "http.request.body": text })["http.request.body"], [
    '{"user":{"name":"kafka","id":"1001"}}',
    'loaded user obj service: {"user":{"name":"airflow","roles":["scheduler"]}}',
    '{"process":{"owner":"spark","pid":4821}}',
  ]);

  itKeeps("an account bound to a person column stays: %s", (text) => redactString(text, policy).text, ["SELECT * FROM jobs WHERE user_name = 'kafka'", "SELECT * FROM processes WHERE process_owner = 'postgres'"]);

  it("an e-mail under user.email is the e-mail detector's", () => {
    expect(redactedAttributes({ "user.email": "ana.silva@example.com" })["user.email"]).toBe("[REDACTED:email]");
  });

  it("in JSON text the members' paths are ruled as the keys are", () => {
    const text = '{"user":{"id":"42","name":"Ana Silva","full_name":"Ana Maria Silva","roles":["admin"]}}';
    expect(redactedAttributes({ "http.request.body": text })["http.request.body"]).toBe(
      `{"user":{"id":"42","name":"${NAME}","full_name":"${NAME}","roles":["admin"]}}`,
    );
  });

  it("a nested map's path is ruled as its flattened key is", () => {
    const record = logRecord({
      attributes: [{ key: "user", value: { kvlistValue: [{ key: "name", value: { stringValue: "Ana Silva" } }, { key: "id", value: { stringValue: "42" } }] } }],
    });
    redactRequest("logs", logsRequest([record]), policy);
    expect(record.attributes[0]!.value).toEqual({ kvlistValue: [{ key: "name", value: { stringValue: NAME } }, { key: "id", value: { stringValue: "42" } }] });
  });

  it("an SQL column named so has its inserted text replaced", () => {
    expect(redactString("INSERT INTO users (id, user_name) VALUES (7, 'Ana Silva')", policy).text).toBe(
      `INSERT INTO users (id, user_name) VALUES (7, '${NAME}')`,
    );
  });

  it("a policy disabling person_name keeps the names", () => {
    const record = logRecord({ attributes: [{ key: "user.full_name", value: { stringValue: "Ana Silva" } }] });
    redactRequest("logs", logsRequest([record]), redactionPolicy({ disabledDetectors: ["person_name"] }));
    expect(record.attributes[0]!.value).toEqual({ stringValue: "Ana Silva" });
  });
});

describe("a part of a name is one word: under a first, last or middle name's key a single word goes", () => {
  it.each([
    ["first_name", "Ana"],
    ["customer.lastName", "O'Neil"],
    ["surname", "Silva"],
    ["middle_name", "Mary-Jane"],
    ["user.first_name", "Zoë"],
  ])("%s = %s is replaced", (key, value) => {
    expect(redactedAttributes({ [key]: value })[key]).toBe(NAME);
  });

  it.each([
    ["user.name", "kafka"],
    ["process.owner", "sshd"],
    ["first_name", ""],
    ["first_name", "42"],
    ["last_name", "u-8812"],
  ])("%s = %s stays: one token is an account's, and no word is a name's part", (key, value) => {
    expect(redactedAttributes({ [key]: value })[key]).toBe(value);
  });
});

describe("a one-token value with a shape no account has is a person's name", () => {
  const KEYS = ["user.full_name", "user.name", "process.owner", "display_name", "full_name", "enduser.full_name", "customer.display_name"];
  const NAMES = [
    "王小明", "山田太郎", "김민준", "山田", "José", "Zoë", "Łukasz", "Иван", "محمد", "Θεόδωρος", "Søren", "Nguyễn",
    "Jean-Luc", "Mary-Jane", "Kowalski-Nowak", "O'Neil", "D’Angelo", "Ana_Silva", "AnaSilva", "McDonald",
  ];
  it.each(KEYS.flatMap((key) => NAMES.map((name) => [key, name])))("%s = %s is replaced", (key, value) => {
    expect(redactedAttributes({ [key]: value })[key]).toBe(NAME);
  });

  it("a CJK full name in a JSON member is replaced", () => {
    expect(redactedAttributes({ "http.request.body": '{"display_name":"王小明","id":7}' })["http.request.body"]).toBe(`{"display_name":"${NAME}","id":7}`);
  });

  it.each(["Ana", "Silva", "Zoe"].flatMap((name) => ["user.full_name", "display_name", "full_name", "enduser.full_name", "user.displayName"].map((key) => [key, name])))(
    "under a whole name's key one capitalised word is a name: %s = %s",
    (key, value) => {
      expect(redactedAttributes({ [key]: value })[key]).toBe(NAME);
    },
  );

  it.each([
    ...["Ana", "Jenkins", "Admin"].flatMap((name) => ["user.name", "process.owner"].map((key) => [key, name])),
    ...["System", "Anonymous", "Guest", "Administrator", "Unknown", "Ana2", "Build", "ContainerUser"].map((name) => ["user.full_name", name]),
    ...["NT SERVICE\\WinDefend", "IIS APPPOOL\\OrdersApi", "NT AUTHORITY\\LocalService", "Window Manager\\DWM-1"].map((name) => ["process.owner", name]),
    ...["ContainerUser", "ContainerAdministrator", "DefaultAccount", "LocalSystem", "NetworkService", "TrustedInstaller", "GitHub", "BuildAgent"].flatMap((name) =>
      ["process.owner", "user.name", "display_name"].map((key) => [key, name]),
    ),
  ])("%s = %s stays: a login key's one word, an account's word, or digits", (key, value) => {
    expect(redactedAttributes({ [key]: value })[key]).toBe(value);
  });

  it("a CJK name bound to a person's SQL column is replaced", () => {
    expect(redactString("INSERT INTO users (id, full_name) VALUES (7, '山田太郎')", policy).text).toBe(`INSERT INTO users (id, full_name) VALUES (7, '${NAME}')`);
  });
});

describe("an object's name is a person's when its siblings say whose: a postal address, or a person's record kind", () => {
  itStores("%s", body, [
    // Stripe's PaymentIntent/Charge/Customer `shipping`.
    ['{"shipping":{"address":{"city":"SSF","line1":"x"},"name":"Jenny Rosen","phone":null}}', `{"shipping":{"address":{"city":"SSF","line1":"x"},"name":"${NAME}","phone":null}}`],
    ['{"delivery":{"name":"Jenny Rosen","address":{"country":"US"}}}', `{"delivery":{"name":"${NAME}","address":{"country":"US"}}}`],
    ['{"name":"Jenny Rosen","address":"12 Main St, Springfield"}', `{"name":"${NAME}","address":"[REDACTED:street_address]"}`],
    // Stripe's customer and person objects, a CRM's contact, a forge's user.
    ['{"object":"customer","id":"cus_123","name":"Jenny Rosen"}', `{"object":"customer","id":"cus_123","name":"${NAME}"}`],
    ['{"data":{"object":{"object":"person","name":"Jenny Rosen"}}}', `{"data":{"object":{"object":"person","name":"${NAME}"}}}`],
    ['{"type":"contact","id":"123","name":"Jenny Rosen"}', `{"type":"contact","id":"123","name":"${NAME}"}`],
    ['{"type":"User","login":"jrosen","Name":"Jenny Rosen"}', `{"type":"User","login":"jrosen","Name":"${NAME}"}`],
  ]);

  itStores("a mailbox's display name and PayPal's name objects: %s", body, [
    // A mailbox: SendGrid's `from` and `to`, a Git commit's author.
    [
      '{"from":{"email":"jenny@example.com","name":"Jenny Rosen"},"personalizations":[{"to":[{"email":"ana@example.com","name":"Ana Silva"}]}]}',
      `{"from":{"email":"[REDACTED:email]","name":"${NAME}"},"personalizations":[{"to":[{"email":"[REDACTED:email]","name":"${NAME}"}]}]}`,
    ],
    ['{"author":{"name":"Jenny Rosen","email":"jenny@example.com"}}', `{"author":{"name":"${NAME}","email":"[REDACTED:email]"}}`],
    // PayPal's order: the payer's and the shipping's name objects.
    [
      '{"payer":{"name":{"given_name":"Jenny","surname":"Rosen"}},"shipping":{"name":{"full_name":"Jenny Rosen"},"address":{"country_code":"US"}}}',
      `{"payer":{"name":{"given_name":"${NAME}","surname":"${NAME}"}},"shipping":{"name":{"full_name":"${NAME}"},"address":{"country_code":"US"}}}`,
    ],
  ]);

  it("a mailbox named for a team or a service keeps its name", () => {
    expect(body('{"name":"Support Team","email":"support@example.com"}')).toBe('{"name":"Support Team","email":"support@example.com"}');
    expect(body('{"name":"checkout-service","email":"team@example.com"}')).toBe('{"name":"checkout-service","email":"[REDACTED:email]"}');
  });

  // A role's mailbox (`billing@`, `support@`, `alerts@`) stays as well: it names no person.
  it.each([
    ["Acme Billing", "billing@acme.com", "billing@acme.com"],
    ["GitHub Actions", "actions@github.com", "[REDACTED:email]"],
    ["Customer Success", "support@shop.com", "support@shop.com"],
    ["Release Managers", "rel@acme.com", "[REDACTED:email]"],
    ["Ops Alerts", "alerts@acme.com", "alerts@acme.com"],
  ])("a mailbox named for a group, a function or a bot keeps its name: %s", (name, email, stored) => {
    expect(body(`{"from":{"email":"${email}","name":"${name}"}}`)).toBe(`{"from":{"email":"${stored}","name":"${name}"}}`);
  });

  it.each(['{"name":"Frankfurt Data Center","address":{"city":"Frankfurt"}}', '{"name":"EU West","address":{"country":"DE"}}'])(
    "a site beside an address keeps its name: %s",
    (text) => {
      expect(body(text)).toBe(text);
    },
  );

  it("a person's name beside a group's mailbox still goes, and a surname such as West under a person's key", () => {
    expect(body('{"assignee":{"name":"Jane Smith","email":"jane@acme.com"}}')).toBe(`{"assignee":{"name":"${NAME}","email":"[REDACTED:email]"}}`);
    expect(redactedAttributes({ "user.full_name": "Adam West" })["user.full_name"]).toBe(NAME);
    expect(redactedAttributes({ "from.email": "billing@acme.com", "from.name": "Acme Billing" })["from.name"]).toBe("Acme Billing");
  });

  it("as util.inspect prints the object too", () => {
    expect(body("charge { shipping: { address: { city: 'SSF' }, name: 'Jenny Rosen' } }")).toBe(`charge { shipping: { address: { city: 'SSF' }, name: '${NAME}' } }`);
  });

  it("as lifted keys and as a nested map", () => {
    expect(redactedAttributes({ "shipping.address.city": "SSF", "shipping.name": "Jenny Rosen" })["shipping.name"]).toBe(NAME);
    expect(redactedAttributes({ object: "customer", name: "Jenny Rosen" }).name).toBe(NAME);
    const record = logRecord({
      attributes: [
        {
          key: "shipping",
          value: { kvlistValue: [{ key: "address", value: { kvlistValue: [{ key: "city", value: { stringValue: "SSF" } }] } }, { key: "name", value: { stringValue: "Jenny Rosen" } }] },
        },
      ],
    });
    redactRequest("logs", logsRequest([record]), policy);
    expect(JSON.stringify(record.attributes[0]!.value)).toContain(NAME);
  });

  itKeeps("stays: %s", body, [
    '{"shipping":{"name":"Ground Shipping","amount":500}}',
    '{"shipping":{"address":{"city":"SSF"},"name":"warehouse-3"}}',
    '{"name":"Primary DB","address":{"host":"10.0.0.1","port":5432}}',
    '{"name":"Edge Proxy","address":"10.0.0.4:8080"}',
    '{"type":"user","name":"argocd"}',
    '{"object":"product","id":"prod_1","name":"Jenny Rosen"}',
    '{"type":"service","name":"Jenny Rosen"}',
    '{"name":"Jenny Rosen","email":true}',
    ...["service", "deployment", "product", "plan"].map((owner) => `{"${owner}":{"name":"Jenny Rosen"}}`),
  ]);
});

describe("a company's or a place's name under a person's key is no person's", () => {
  it.each([
    ["default_address.name", "Head office"],
    ["recipient.name", "Acme Corp"],
    ["shipping_address.name", "Warehouse 3"],
    ["shipping_address.name", "Müller GmbH"],
    ["billing_address.name", "ACME LTDA"],
    ["recipient.name", "Acme HQ"],
    ["to_address.name", "Central Depot"],
    ["ship_to.name", "Main Branch"],
    ["shipping_address.name", "Downtown Store"],
    ["customer.name", "Nordic Widgets Oy"],
    ["customer_name", "Acme Pty Ltd"],
    ["user.full_name", "Support Team"],
  ])("%s = %s stays", (key, value) => {
    expect(redactedAttributes({ [key]: value })[key]).toBe(value);
  });

  it("beside a postal address too", () => {
    const text = '{"shipping":{"address":{"city":"SSF"},"name":"Acme Inc."}}';
    expect(redactedAttributes({ "http.request.body": text })["http.request.body"]).toBe(text);
  });

  it.each([
    ["recipient.name", "Jenny Rosen"],
    ["shipping_address.name", "Ana Sasaki"],
    ["customer.name", "Coral Inch"],
  ])("a person's name holding a legal form's letters inside a word goes: %s = %s", (key, value) => {
    expect(redactedAttributes({ [key]: value })[key]).toBe(NAME);
  });
});

describe("a party's name on an order, a payment or a mail: flat keys, JSON members and prose fields", () => {
  it.each([
    "shipping_name", "billing_name", "to_name", "from_name", "fromName", "recipient_name", "sender.name", "buyer.name", "customer_name",
    "payer_name", "contact_name", "order.shipping_name",
  ])("%s = Jenny Rosen is replaced", (key) => {
    expect(redactedAttributes({ [key]: "Jenny Rosen" })[key]).toBe(NAME);
  });

  it.each([
    ["shipping.name", "Ground Shipping"],
    ["to.name", "In Progress"],
    ["from.name", "To Do"],
    ["from_name", "orders_v1"],
    ["sender.name", "Acme Inc."],
  ])("%s = %s stays: a dotted shipping/to/from names a rate or a state, and a table or a company is no person", (key, value) => {
    expect(redactedAttributes({ [key]: value })[key]).toBe(value);
  });

  itStores("in text: %s", (text) => redactString(text, policy).text, [
    ["order 12 shipping_name=Jenny Rosen billing_name: Jenny Rosen", `order 12 shipping_name=${NAME} billing_name: ${NAME}`],
    ['{"shipping_name":"Jenny Rosen","payer_name":"Jenny Rosen"}', `{"shipping_name":"${NAME}","payer_name":"${NAME}"}`],
    ['mail queued from_name="Jenny Rosen" to_name="Jenny Rosen"', `mail queued from_name="${NAME}" to_name="${NAME}"`],
    ["sender.name=Jenny Rosen buyer.name: Jenny Rosen", `sender.name=${NAME} buyer.name: ${NAME}`],
    ["login ok user.name: ana.silva from 10.0.0.4", `login ok user.name: ${NAME} from 10.0.0.4`],
  ]);

  itKeeps("in text stays: %s", (text) => redactString(text, policy).text, [
    "rename table from_name=orders_v1 to_name=orders_v2",
    "user.name: required; customer_name: unknown",
    "the shipping name field is required",
    "shipping.name: Ground Shipping",
  ]);
});

describe("exception.type holding a logged object's name (winston's OpenTelemetry transport) is a person's when it is spaced words", () => {
  it.each(["Jenny Rosen", "Mary-Jane O'Neil", "José da Silva"])("exception.type = %s is replaced", (value) => {
    expect(redactedAttributes({ "exception.type": value })["exception.type"]).toBe(NAME);
  });

  it("as a JSON member too", () => {
    expect(redactedAttributes({ "http.request.body": '{"exception":{"type":"Jenny Rosen"}}' })["http.request.body"]).toBe(`{"exception":{"type":"${NAME}"}}`);
  });

  itKeeps("exception.type = %s stays", (value) => redactedAttributes({ "exception.type": value })["exception.type"], [
    "TypeError", "Net::ReadTimeout", "System.InvalidOperationException", "java.lang.NullPointerException", "*errors.errorString", "ECONNREFUSED",
    "Error", "AbortError", "Invalid Argument", "Not Found", "Deadline Exceeded", "Service Unavailable", "Acme Corp", "Jenny",
  ]);
});

describe("exception.type of ordinary capitalised words stays: errors are grouped by it", () => {
  /** RFC 9110 section 15's reason phrases and gRPC's status codes' names, as words. */
  const HTTP_PHRASES = [
    "Continue", "Switching Protocols", "OK", "Created", "Accepted", "Non-Authoritative Information", "No Content", "Reset Content",
    "Partial Content", "Multiple Choices", "Moved Permanently", "Found", "See Other", "Not Modified", "Use Proxy", "Temporary Redirect",
    "Permanent Redirect", "Bad Request", "Unauthorized", "Payment Required", "Forbidden", "Not Found", "Method Not Allowed",
    "Not Acceptable", "Proxy Authentication Required", "Request Timeout", "Conflict", "Gone", "Length Required", "Precondition Failed",
    "Content Too Large", "URI Too Long", "Unsupported Media Type", "Range Not Satisfiable", "Expectation Failed", "Misdirected Request",
    "Unprocessable Content", "Upgrade Required", "Too Many Requests", "Request Header Fields Too Large", "Unavailable For Legal Reasons",
    "Internal Server Error", "Not Implemented", "Bad Gateway", "Service Unavailable", "Gateway Timeout", "HTTP Version Not Supported",
  ];
  const GRPC_PHRASES = [
    "Cancelled", "Unknown", "Invalid Argument", "Deadline Exceeded", "Not Found", "Already Exists", "Permission Denied",
    "Resource Exhausted", "Failed Precondition", "Aborted", "Out Of Range", "Unimplemented", "Internal", "Unavailable", "Data Loss",
    "Unauthenticated",
  ];
  const PROBE = [
    "Payment Required", "Unhandled Rejection", "Redis Connection Lost", "Kafka Broker Down", "Queue Full", "Payment Declined",
    "Insufficient Funds", "Card Declined", "Console Transport", "Order Failed", "Rate Limited", "Disk Quota Exceeded", "Maria Db Error",
    "Sequelize Validation Error", "Http Exception", "Stripe Card Error", "Mongo Server Error", "Axios Error", "Abort Error",
    "Will Retry", "Max Retries Reached", "Grace Period Expired",
  ];

  itKeeps("exception.type = %s stays", (value) => redactedAttributes({ "exception.type": value })["exception.type"], [...HTTP_PHRASES, ...GRPC_PHRASES, ...PROBE]);

  it.each(["Too Many Requests", "Queue Full", "Card Declined"])("as a JSON member too: %s", (value) => {
    const body = `{"level":"error","message":"Console Transport failed","exception":{"type":"${value}"}}`;
    expect(redactedAttributes({ "http.request.body": body })["http.request.body"]).toBe(body);
  });

  it.each(["John Smith", "Jane Doe", "Priya Raman"])("a common given name first is a person's name: %s", (value) => {
    expect(redactedAttributes({ "exception.type": value })["exception.type"]).toBe(NAME);
  });
});

describe("a name beside a flat or non-English address, and non-English name and postal keys", () => {
  itStores("%s", body, [
    ['{"name":"Jane Doe","street":"1 Main St","zip":"62701"}', `{"name":"${NAME}","street":"[REDACTED:street_address]","zip":"[REDACTED:postal_code]"}`],
    [
      '{"name":"Max Mustermann","adresse":{"strasse":"Hauptstraße 5","plz":"10115"}}',
      `{"name":"${NAME}","adresse":{"strasse":"[REDACTED:street_address]","plz":"[REDACTED:postal_code]"}}`,
    ],
    [
      '{"kunde":{"name":"Max Mustermann","plz":"10115","ort":"Berlin","strasse":"Hauptstraße 5"}}',
      `{"kunde":{"name":"${NAME}","plz":"[REDACTED:postal_code]","ort":"Berlin","strasse":"[REDACTED:street_address]"}}`,
    ],
  ]);

  it("a site's name beside its street stays (the street goes by its own key)", () => {
    expect(body('{"name":"Main Warehouse","street":"1 Dock Rd"}')).toBe('{"name":"Main Warehouse","street":"[REDACTED:street_address]"}');
  });

  itKeeps("stays: %s", body, [
    '{"name":"EU West","country":"DE"}',
    '{"name":"street","type":"text","label":"Street"}',
    '{"name":"Jane Doe","zip":""}',
  ]);

  it.each([
    ["nom", "Jean Dupont"],
    ["nome", "João Silva"],
    ["nombre", "Juan Pérez"],
    ["apellido", "Pérez"],
    ["sobrenome", "Silva"],
    ["vorname", "Max"],
    ["nachname", "Mustermann"],
    ["kunde.name", "Max Mustermann"],
  ])("%s = %s is replaced", (key, value) => {
    expect(redactedAttributes({ [key]: value })[key]).toBe(NAME);
  });

  it.each([
    ["nome", "Plano Ouro"],
    ["nom", "checkout"],
    ["nombre", "Servicio Pagos"],
    ["product.nome", "João Silva"],
  ])("%s = %s stays: a name of no owner is a person's only led by a common given name", (key, value) => {
    expect(redactedAttributes({ [key]: value })[key]).toBe(value);
  });

  it.each(["plz", "postleitzahl", "code_postal", "codigo_postal", "cp", "adresse.cp"])("%s is a postal code's key", (key) => {
    expect(redactedAttributes({ [key]: "75002" })[key]).toBe("[REDACTED:postal_code]");
  });

  it.each([
    ["cp_args", "-r"],
    ["cpu", "75002"],
  ])("%s = %s stays: cp only as a whole key", (key, value) => {
    expect(redactedAttributes({ [key]: value })[key]).toBe(value);
  });

  it("in name/value pairs and prose", () => {
    expect(body('{"fields":[{"name":"cp","value":"75002"},{"name":"nom","value":"Jean Dupont"},{"name":"plz","value":"10115"}]}')).toBe(
      `{"fields":[{"name":"cp","value":"[REDACTED:postal_code]"},{"name":"nom","value":"${NAME}"},{"name":"plz","value":"[REDACTED:postal_code]"}]}`,
    );
    expect(redactString("cp=75002 plz=10115 postleitzahl=10115; cp -r /a /b", policy).text).toBe(
      "cp=[REDACTED:postal_code] plz=[REDACTED:postal_code] postleitzahl=[REDACTED:postal_code]; cp -r /a /b",
    );
  });
});

describe("a name/value pair named name is a person's name when it reads as one", () => {
  itStores("%s", body, [
    ['{"UserAttributes":[{"Name":"name","Value":"Jane Doe"}]}', `{"UserAttributes":[{"Name":"name","Value":"${NAME}"}]}`],
    ['{"fields":[{"name":"name","value":"Jane Doe"}]}', `{"fields":[{"name":"name","value":"${NAME}"}]}`],
    [
      '{"properties":[{"name":"_Recipient Name","value":"Jane Doe"},{"name":"Gift Message","value":"Happy Birthday"}]}',
      `{"properties":[{"name":"_Recipient Name","value":"${NAME}"},{"name":"Gift Message","value":"Happy Birthday"}]}`,
    ],
  ]);

  itKeeps("stays: %s", body, [
    '{"labels":[{"name":"name","value":"checkout"},{"name":"app","value":"Checkout Service"}]}',
    '{"labels":[{"name":"name","value":"Checkout Service"}]}',
    '{"flags":[{"name":"name","value":"New Checkout Flow"}]}',
    '{"attributes":[{"key":"service.name","value":"Jane Doe"}]}',
    '{"params":[{"name":"name","value":"orders-db"},{"name":"name","value":"Primary DB"}]}',
  ]);

  it("as lifted attributes too", () => {
    expect(redactedAttributes({ "attr.Name": "name", "attr.Value": "Jane Doe" })["attr.Value"]).toBe(NAME);
  });
});

describe("name fields in URLs and beside a colon no field's (the checks told first give the same answers)", () => {
  const stored = (text: string) => redactString(text, policy).text;

  itStores("%s is stored as %s", stored, [
    ["https://partner.example.com/hook?token=45d56c078bd76f86c508bf3275622759&user=elisa", "https://partner.example.com/hook?token=[REDACTED:secret_param]&user=elisa"],
    ["https://crm.example.com/customers?name=Ana+Souza&cpf=1", `https://crm.example.com/customers?name=${NAME}&cpf=1`],
    ['GET https://api.example.com/v1 user: "Ana Souza"', `GET https://api.example.com/v1 user: "${NAME}"`],
    ["at 12:30 customer: Ana Souza", `at 12:30 customer: ${NAME}`],
    ["https://pay.example.com/x Card holder: John Smith", "https://pay.example.com/x Card holder: [REDACTED:card_holder]"],
    ["user=Ana Souza", `user=${NAME}`],
  ]);

  itKeeps("stays: %s", stored, [
    "https://partner.example.com/hook?page=2&user=elisa",
    "card holder:https://pay.example.com",
    "user=elisa from=billing name=checkout",
    "from=Ana\tSouza",
  ]);
});
