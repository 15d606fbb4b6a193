/**
 * The Grafana data-source provisioning file (`apiVersion: 1`, `datasources[]`) for the
 * ClickHouse plugin, with its OTel settings pointed at our tables. Field names follow the
 * plugin's `CHConfig` / `CHLogsConfig` / `CHTracesConfig` (grafana/clickhouse-datasource 4.x,
 * src/types/config.ts) and its backend settings (pkg/plugin/settings.go).
 */
import { defaultDatabase, defaultTableNames, type Generation } from "../../schema/index";
import { PLUGIN_ID } from "./grafana-dashboard";

/**
 * The plugin's OTel schema versions (src/otel.ts): `1.29.0` is the exporter's `otel_logs` with
 * `TimestampTime` (our `legacy`), `1.30.0` the one without it (our `current`, known from plugin
 * 4.20); `latest` makes 4.20+ detect which from the table's columns (before 4.20 it meant
 * 1.29.0). Every column is also named explicitly, so trace links and log context work where a
 * plugin does not know the version.
 */
const OTEL_VERSION: Record<Generation | "detect", string> = { legacy: "1.29.0", current: "1.30.0", detect: "latest" };

export interface DatasourceInput {
  uid: string;
  name: string;
  /** The ClickHouse HTTP(S) interface as Grafana reaches it, e.g. https://ch.example.com:8443 */
  clickhouseUrl: string;
  username: string;
  database?: string;
  generation?: Generation;
}

export interface DatasourceFile {
  apiVersion: 1;
  datasources: Array<{
    name: string;
    uid: string;
    type: typeof PLUGIN_ID;
    access: "proxy";
    editable: boolean;
    jsonData: Record<string, unknown>;
    secureJsonData: { password: string };
  }>;
}

/**
 * Throws when `clickhouseUrl` is not an http(s) URL. The password is left to Grafana's
 * environment (`$CLICKHOUSE_PASSWORD`, expanded when Grafana reads the file), never written.
 */
export function renderDatasource(input: DatasourceInput): DatasourceFile {
  const url = new URL(input.clickhouseUrl);
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`the ClickHouse URL must be http:// or https://, got ${input.clickhouseUrl}`);
  }
  const secure = url.protocol === "https:";
  const database = input.database ?? defaultDatabase;
  const otelVersion = OTEL_VERSION[input.generation ?? "detect"];
  const tables = defaultTableNames(input.generation ?? "current");
  const legacy = input.generation === "legacy";
  return {
    apiVersion: 1,
    datasources: [
      {
        name: input.name,
        uid: input.uid,
        type: PLUGIN_ID,
        access: "proxy",
        editable: true,
        jsonData: {
          host: url.hostname,
          port: url.port === "" ? (secure ? 443 : 80) : Number(url.port),
          protocol: "http",
          secure,
          ...(url.pathname === "/" ? {} : { path: url.pathname }),
          username: input.username,
          defaultDatabase: database,
          logs: {
            defaultDatabase: database,
            defaultTable: tables.logs,
            otelEnabled: true,
            otelVersion,
            timeColumn: "Timestamp",
            // Only the legacy table has the second-precision column the plugin filters on.
            ...(legacy ? { filterTimeColumn: "TimestampTime" } : {}),
            levelColumn: "SeverityText",
            messageColumn: "Body",
            selectContextColumns: true,
            contextColumns: [],
          },
          traces: {
            defaultDatabase: database,
            defaultTable: tables.traces,
            otelEnabled: true,
            otelVersion,
            traceIdColumn: "TraceId",
            spanIdColumn: "SpanId",
            parentSpanIdColumn: "ParentSpanId",
            operationNameColumn: "SpanName",
            serviceNameColumn: "ServiceName",
            startTimeColumn: "Timestamp",
            durationColumn: "Duration",
            durationUnit: "nanoseconds",
            tagsColumn: "SpanAttributes",
            serviceTagsColumn: "ResourceAttributes",
            kindColumn: "SpanKind",
            statusCodeColumn: "StatusCode",
            statusMessageColumn: "StatusMessage",
            stateColumn: "TraceState",
            traceEventsColumnPrefix: "Events",
            traceLinksColumnPrefix: "Links",
            flattenNested: false,
            traceTimestampTableSuffix: "_trace_id_ts",
          },
        },
        secureJsonData: { password: "$CLICKHOUSE_PASSWORD" },
      },
    ],
  };
}
