/**
 * Renders panel specs as Grafana dashboard JSON (the classic dashboard model, schemaVersion 39,
 * typed by `@grafana/schema`'s `Dashboard`) with queries in the ClickHouse plugin's SQL editor
 * form. The query shape follows grafana/clickhouse-datasource 4.x `CHSqlQuery`
 * (src/types/sql.ts): `editorType: "sql"`, `rawSql`, `format` (the sqlds result format) and
 * `queryType` (the panel kind, used by Explore).
 */
import type { AnnotationQuery, Dashboard, DataQuery, DataSourceRef, Panel, RowPanel, VariableModel } from "@grafana/schema";
import { RESULT_FORMAT, type AuxiliaryQuery, type PanelSpec, type RowSpec, type TextSpec, type Visualization } from "./model";

export const PLUGIN_ID = "grafana-clickhouse-datasource";
/** The plugin release whose query model and macros the output was checked against. */
export const PLUGIN_VERSION = "4.20.0";
/** Tag on every generated dashboard; the dashboards link to each other through it. */
export const DASHBOARD_TAG = "deco-otel";

/** A query of the plugin's SQL editor. */
export interface ClickHouseSqlQuery extends DataQuery {
  datasource: DataSourceRef;
  editorType: "sql";
  rawSql: string;
  format: (typeof RESULT_FORMAT)[Visualization];
  queryType?: Visualization;
  pluginVersion: string;
}

/** A reference to the plugin's data source with this uid. */
export function datasourceRef(uid: string): DataSourceRef {
  return { type: PLUGIN_ID, uid };
}

/** A query in the plugin's SQL editor form whose result is shaped for `visualization`. */
export function sqlQuery(refId: string, rawSql: string, visualization: Visualization, datasourceUid: string): ClickHouseSqlQuery {
  return {
    refId,
    datasource: datasourceRef(datasourceUid),
    editorType: "sql",
    rawSql,
    format: RESULT_FORMAT[visualization],
    queryType: visualization,
    pluginVersion: PLUGIN_VERSION,
  };
}

export interface DashboardInput {
  uid: string;
  title: string;
  description: string;
  tags: string[];
  rows: RowSpec[];
  datasourceUid: string;
  variables?: VariableModel[];
  annotations?: AnnotationQuery[];
}

/**
 * A whole dashboard: tagged `deco-otel` (plus `tags`), linking to the others by that tag, last 6
 * hours, refreshed every minute, rows laid out on the 24-column grid.
 */
export function renderDashboard(input: DashboardInput): Dashboard {
  return {
    uid: input.uid,
    title: input.title,
    description: input.description,
    tags: [DASHBOARD_TAG, ...input.tags],
    editable: true,
    schemaVersion: 39,
    timezone: "browser",
    time: { from: "now-6h", to: "now" },
    refresh: "1m",
    graphTooltip: 1,
    links: [
      {
        type: "dashboards",
        title: "deco-otel dashboards",
        tags: [DASHBOARD_TAG],
        asDropdown: true,
        icon: "external link",
        includeVars: false,
        keepTime: true,
        targetBlank: false,
        tooltip: "",
        url: "",
      },
    ],
    templating: { list: input.variables ?? [] },
    annotations: {
      list: [
        {
          builtIn: 1,
          datasource: { type: "grafana", uid: "-- Grafana --" },
          enable: true,
          hide: true,
          iconColor: "rgba(0, 211, 255, 1)",
          name: "Annotations & Alerts",
          type: "dashboard",
        },
        ...(input.annotations ?? []),
      ],
    },
    panels: layout(input.rows, input.datasourceUid),
  };
}

/** A query variable offering every service seen, preset to `current`. */
export function serviceVariable(name: string, current: string, query: AuxiliaryQuery, datasourceUid: string): VariableModel {
  return {
    type: "query",
    name,
    label: "Service",
    datasource: datasourceRef(datasourceUid),
    query: { ...sqlQuery(query.key, query.rawSql, "table", datasourceUid) },
    current: { selected: true, text: current, value: current },
    options: [],
    refresh: 2,
    sort: 1,
    includeAll: false,
    multi: false,
    hide: 0,
  };
}

/** An annotation from a query returning `time`, `text` and `tags` columns. */
export function sqlAnnotation(name: string, query: AuxiliaryQuery, datasourceUid: string): AnnotationQuery {
  return {
    name,
    datasource: datasourceRef(datasourceUid),
    enable: true,
    hide: false,
    iconColor: "#73BF69",
    target: { ...sqlQuery(query.key, query.rawSql, "table", datasourceUid) },
  };
}

/** Rows one under another; panels fill a row's 24 columns left to right, wrapping. */
function layout(rows: readonly RowSpec[], datasourceUid: string): Array<Panel | RowPanel> {
  const panels: Array<Panel | RowPanel> = [];
  let id = 1;
  let y = 0;
  for (const row of rows) {
    panels.push({ type: "row", id: id++, title: row.title, collapsed: false, gridPos: { x: 0, y, w: 24, h: 1 }, panels: [] });
    y += 1;
    let x = 0;
    let rowHeight = 0;
    for (const spec of row.panels) {
      if (x + spec.width > 24) {
        y += rowHeight;
        x = 0;
        rowHeight = 0;
      }
      panels.push(panel(spec, id++, { x, y, w: spec.width, h: spec.height }, datasourceUid));
      x += spec.width;
      rowHeight = Math.max(rowHeight, spec.height);
    }
    y += rowHeight;
  }
  return panels;
}

function panel(spec: PanelSpec | TextSpec, id: number, gridPos: Panel["gridPos"], datasourceUid: string): Panel {
  if (spec.visualization === "text") {
    return { type: "text", id, title: spec.title, gridPos, options: { mode: "markdown", content: spec.markdown } };
  }
  return {
    type: spec.visualization,
    id,
    title: spec.title,
    description: spec.description,
    gridPos,
    datasource: datasourceRef(datasourceUid),
    targets: [{ ...sqlQuery("A", spec.rawSql, spec.visualization, datasourceUid) }],
    fieldConfig: {
      defaults: {
        ...(spec.unit === undefined ? {} : { unit: spec.unit }),
        ...(spec.bars ? { custom: { drawStyle: "bars", fillOpacity: 80, lineWidth: 1 } } : {}),
      },
      overrides: [],
    },
    options: PANEL_OPTIONS[spec.visualization],
  };
}

const PANEL_OPTIONS: Record<Visualization, Record<string, unknown>> = {
  timeseries: { legend: { displayMode: "list", placement: "bottom", showLegend: true }, tooltip: { mode: "multi", sort: "desc" } },
  table: { showHeader: true, cellHeight: "sm" },
  logs: { showTime: true, wrapLogMessage: true, enableLogDetails: true, prettifyLogMessage: false, dedupStrategy: "none", sortOrder: "Descending" },
  traces: {},
};
