/**
 * Everything `npm run dashboards` writes, as files in memory: a dashboard per service, the
 * fleet overview, alert rules per service and for the fleet (only when asked, decision D-17)
 * and the data source, laid out as Grafana's provisioning expects them.
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { stringify } from "yaml";
import type { Dashboard } from "@grafana/schema";
import type { Generation } from "../../schema/index";
import { renderAlertRules, renderFleetAlertRules, type AlertRuleFile } from "./alert-rules";
import { deployAnnotationQuery, servicesSeenQuery } from "./dashboard-queries";
import { renderDatasource, type DatasourceFile } from "./datasource";
import { fleetPanelRows } from "./fleet-panels";
import { DASHBOARD_TAG, renderDashboard, serviceVariable, sqlAnnotation } from "./grafana-dashboard";
import { servicePanelRows } from "./service-panels";
import { SERVICE_VARIABLE } from "./sql";
import { isPlainIdentifier, queryTables } from "./tables";
import { tailNamesUnderEnvironments } from "./tail-names";
import type { FrameworkFamily } from "./framework-metrics";

export const DEFAULT_DATASOURCE_UID = "deco-otel-clickhouse";
/**
 * A uid as Grafana takes it: 1 to 40 letters, digits, `-` or `_`. Grafana refuses other data
 * source uids since 12.0 (warned from 11.2, "Data source UID format enforcement" in its upgrade
 * guides), and its dashboard uids have the same 40-character bound.
 */
const GRAFANA_UID = /^[A-Za-z0-9_-]{1,40}$/;
/** Where the dashboard provider file tells Grafana to read the dashboards from. */
export const DASHBOARDS_PATH = "/var/lib/grafana/dashboards/deco-otel";
const FOLDER = "deco-otel";
/** The fleet overview's uid, and the stem of the fleet's alert rules file. */
const FLEET_UID = `${DASHBOARD_TAG}-fleet`;

export interface RenderInput {
  services: string[];
  datasourceUid?: string;
  database?: string;
  /** Undefined: queries use only the columns both schema generations share. */
  generation?: Generation;
  withAlerts?: boolean;
  /** Required with `withAlerts`. */
  runbookBaseUrl?: string;
  /** The team owning these services (D-13's `{{team}}`): a `team` label on alert rules, a `team:<name>` tag on dashboards. */
  team?: string;
  /** Invocations or server spans a 5-minute window needs before a band rule counts it (default 20). */
  minRequestsPerWindow?: number;
  /**
   * Services known to have had no invocation counts from the tail Worker in the last day (read
   * from ClickHouse when generating): their dashboards open with a note saying so.
   */
  servicesWithoutTailCounts?: string[];
  /**
   * Services the tail Worker counted in the last day (read with the above): a note on an
   * uncounted service names those that are it under a wrangler environment (`<name>-<env>`).
   */
  tailCountedServices?: string[];
  /**
   * Per service, the storefront framework's metric families it exports (D-11: read from
   * ClickHouse, or all of them with `--framework-metrics`): a row of panels and a band rule
   * per family. A service not named has none.
   */
  frameworkMetrics?: Readonly<Record<string, readonly FrameworkFamily[]>>;
  /** How Grafana reaches ClickHouse, for the data source. */
  clickhouseUrl: string;
  clickhouseUser: string;
}

export interface RenderedFile {
  /** Relative to the output directory, `/`-separated. */
  path: string;
  content: string;
}

/** The rendered objects, before serialisation (what the tests inspect). */
export interface Rendered {
  dashboards: Array<{ service?: string; dashboard: Dashboard }>;
  /** Per service, then the fleet's (no `service`). */
  alertRules: Array<{ service?: string; file: AlertRuleFile }>;
  datasource: DatasourceFile;
}

export class RenderError extends Error {
  override name = "RenderError";
}

/**
 * Dashboards for each distinct service and the fleet, alert rules when asked, the data source.
 * Throws RenderError for a data source uid Grafana would refuse, an empty service name, a
 * minimum of requests that is no positive whole number, alerts without a runbook URL or with one
 * that is not an http(s) URL, an empty team, a database name that is not a plain identifier; and
 * Error for a ClickHouse URL that is not http(s).
 */
export function render(input: RenderInput): Rendered {
  const datasourceUid = input.datasourceUid ?? DEFAULT_DATASOURCE_UID;
  if (!GRAFANA_UID.test(datasourceUid)) {
    // Written into the provisioning file and every panel's datasource ref: Grafana would refuse the first and leave the rest pointing at nothing.
    throw new RenderError(`--datasource-uid must be a Grafana uid, 1 to 40 letters, digits, "-" or "_", got ${JSON.stringify(datasourceUid)}${datasourceUid.length > 40 ? ` (${datasourceUid.length} characters)` : ""}`);
  }
  if (input.withAlerts && !input.runbookBaseUrl) {
    throw new RenderError("alert rules need a runbook URL: pass --runbook-base-url, where docs/runbooks/ is published");
  }
  if (input.runbookBaseUrl !== undefined && !isWebUrl(input.runbookBaseUrl)) {
    // Grafana links the runbook_url annotation in alert notifications: readers open it in a browser.
    throw new RenderError(`--runbook-base-url must be an http(s) URL, got "${input.runbookBaseUrl}"`);
  }
  const minRequests = input.minRequestsPerWindow;
  if (minRequests !== undefined && !(Number.isSafeInteger(minRequests) && minRequests >= 1)) {
    throw new RenderError(`--min-requests-per-window must be a whole number of at least 1, got ${minRequests}`);
  }
  if (input.services.includes("")) {
    // An empty ServiceName is what a sender without service.name leaves: no service of ours to title a dashboard after.
    throw new RenderError('--service needs a service name (a ServiceName), got an empty one ("")');
  }
  checkDatabase(input.database);
  const services = [...new Set(input.services)];
  const uids = serviceUids(services);
  const tables = queryTables({ database: input.database, generation: input.generation });
  const generationTag = input.generation ?? "any-generation";
  if (input.team !== undefined && input.team.trim() === "") throw new RenderError("--team needs a team name, got an empty one");
  const teamTags = input.team === undefined ? [] : [`team:${input.team}`];
  const servicesSeen = servicesSeenQuery(tables);
  const untailed = new Set(input.servicesWithoutTailCounts ?? []);
  const familiesOf = (service: string) => (Object.hasOwn(input.frameworkMetrics ?? {}, service) ? input.frameworkMetrics![service]! : []);
  const dashboards: Rendered["dashboards"] = services.map((service) => ({
    service,
    dashboard: renderDashboard({
      uid: uids.get(service)!,
      title: `deco-otel: ${service}`,
      description:
        `Invocations, errors, latency, logs and traces of ${service}, from the deco-otel tables.` +
        (untailed.has(service) ? " The tail Worker counted none of its invocations in the day before this was generated: the tail's panels stay empty." : ""),
      tags: ["service", generationTag, ...teamTags],
      rows: servicePanelRows({
        tables,
        withoutTailCounts: untailed.has(service),
        tailNames: tailNamesUnderEnvironments(service, input.tailCountedServices ?? []),
        frameworkFamilies: familiesOf(service),
      }),
      datasourceUid,
      variables: [serviceVariable(SERVICE_VARIABLE, service, servicesSeen, datasourceUid)],
      annotations: [sqlAnnotation("Deploys (service.version)", deployAnnotationQuery(tables), datasourceUid)],
    }),
  }));
  dashboards.push({
    dashboard: renderDashboard({
      uid: FLEET_UID,
      title: "deco-otel: fleet overview",
      description: "Every service's invocations, error rate, p95 latency and exceptions, from the tail Worker, and the services it does not count.",
      tags: ["fleet", generationTag, ...teamTags],
      rows: fleetPanelRows(tables),
      datasourceUid,
    }),
  });
  const alertTarget = { tables, datasourceUid, runbookBaseUrl: input.runbookBaseUrl!, folder: FOLDER, team: input.team };
  const alertRules: Rendered["alertRules"] = input.withAlerts
    ? [
        ...services.map((service) => ({
          service,
          file: renderAlertRules({
            ...alertTarget,
            service,
            serviceUid: uids.get(service)!,
            minRequestsPerWindow: minRequests,
            frameworkFamilies: familiesOf(service),
          }),
        })),
        { file: renderFleetAlertRules({ ...alertTarget, uid: FLEET_UID }) },
      ]
    : [];
  const datasource = renderDatasource({
    uid: datasourceUid,
    name: "deco-otel ClickHouse",
    clickhouseUrl: input.clickhouseUrl,
    username: input.clickhouseUser,
    database: input.database,
    generation: input.generation,
  });
  return { dashboards, alertRules, datasource };
}

/**
 * Throws RenderError when `database` is given and is not a plain identifier (letters, digits,
 * underscores, not starting with a digit), the names `npm run schema` creates: the queries name
 * it unquoted.
 */
export function checkDatabase(database: string | undefined): void {
  if (database !== undefined && !isPlainIdentifier(database)) {
    throw new RenderError(`--database must be a plain identifier (letters, digits, underscores, not starting with a digit), got ${JSON.stringify(database)}`);
  }
}

/** An absolute http(s) URL without spaces: a link a reader opens in a browser. */
function isWebUrl(text: string): boolean {
  const url = URL.parse(text);
  return url !== null && (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "" && !/\s/.test(text);
}

/** The files to write, in a stable order. */
export function renderFiles(rendered: Rendered): RenderedFile[] {
  const yaml = (value: unknown) => stringify(value, { lineWidth: 0 });
  // An alert rules file is named after its dashboard's uid (the fleet's has no service).
  const uidOf = new Map(rendered.dashboards.map(({ service, dashboard }) => [service, dashboard.uid!]));
  return [
    ...rendered.dashboards.map(({ dashboard }) => ({
      path: `dashboards/${dashboard.uid}.json`,
      content: `${JSON.stringify(dashboard, null, 2)}\n`,
    })),
    ...rendered.alertRules.map(({ service, file }) => ({
      path: `provisioning/alerting/${uidOf.get(service)}.yaml`,
      content: yaml(file),
    })),
    { path: "provisioning/datasources/deco-otel.yaml", content: yaml(rendered.datasource) },
    {
      path: "provisioning/dashboards/deco-otel.yaml",
      content: yaml({
        apiVersion: 1,
        providers: [
          { name: "deco-otel", folder: FOLDER, type: "file", disableDeletion: false, options: { path: DASHBOARDS_PATH } },
        ],
      }),
    },
  ];
}

/** The tail of a hashed service uid: `-` and 8 hex digits, in either case (see serviceUids). */
const HASHED_UID_TAIL = /-[0-9a-f]{8}$/i;

/**
 * `deco-otel-<service>` when the name is a safe uid (Grafana: letters, digits, `-`, `_`, at most
 * 40 characters; alert rules add a suffix of up to 5 characters) that nothing else takes;
 * otherwise a readable prefix and a hash of the name, so distinct dashboards never share a uid
 * (nor the file named after it). Taken are the fleet overview's uid (a service named `fleet`,
 * or `FLEET`, gets `deco-otel-fleet-<hash>`) and the shape of a hashed uid (a service named
 * `o-brien-svc-1a2b3c4d` is hashed too, so it never meets another name's hashed uid), both
 * compared ignoring letter case as Grafana's database may compare uids. The uid depends on the
 * name alone; serviceUids adds the one rule that depends on the other services rendered.
 */
export function serviceUid(service: string): string {
  const plain = `${DASHBOARD_TAG}-${service}`;
  const taken = plain.toLowerCase() === FLEET_UID || HASHED_UID_TAIL.test(plain);
  return /^[A-Za-z0-9_-]+$/.test(service) && plain.length <= 30 && !taken ? plain : hashedServiceUid(service);
}

/** `deco-otel-<lower-case slug>-<first 8 hex digits of the name's SHA-256>`, at most 30 characters. */
function hashedServiceUid(service: string): string {
  const hash = bytesToHex(sha256(utf8ToBytes(service))).slice(0, 8);
  const readable = service.toLowerCase().replace(/[^a-z0-9_-]+/g, "-").slice(0, 30 - DASHBOARD_TAG.length - 10);
  return `${DASHBOARD_TAG}-${readable}-${hash}`;
}

/**
 * Each distinct service's uid: serviceUid's, except that of plain uids equal but for letter case
 * (`Shop` and `shop`) only the first keeps it and the later ones are hashed. Grafana stores uids
 * in a database whose collation may compare them ignoring case (MySQL's default, PostgreSQL's
 * citext), and the files named after them would clash on a case-insensitive file system. First
 * is an all-lower-case name, then code-unit order, whatever order the services come in, so the
 * conventional `shop` keeps `deco-otel-shop` beside a `Shop`.
 */
export function serviceUids(services: readonly string[]): Map<string, string> {
  const lowerCaseFirst = (a: string, b: string) =>
    Number(a !== a.toLowerCase()) - Number(b !== b.toLowerCase()) || (a < b ? -1 : a > b ? 1 : 0);
  const uids = new Map<string, string>();
  const taken = new Set<string>();
  for (const service of [...new Set(services)].sort(lowerCaseFirst)) {
    const plain = serviceUid(service);
    const uid = taken.has(plain.toLowerCase()) ? hashedServiceUid(service) : plain;
    taken.add(uid.toLowerCase());
    uids.set(service, uid);
  }
  return uids;
}
