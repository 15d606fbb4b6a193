/**
 * The panel and query model the renderers share: what a panel shows and the SQL behind it,
 * before any Grafana JSON is involved.
 */

/**
 * How the plugin's backend shapes a result (grafana/sqlds `FormatQueryOption`, sent as the
 * query's `format`): 0 time series (long results are pivoted to wide, which needs rows sorted
 * by time), 1 table, 2 logs, 3 trace.
 */
export const RESULT_FORMAT = { timeseries: 0, table: 1, logs: 2, traces: 3 } as const;

export type Visualization = keyof typeof RESULT_FORMAT;

export interface PanelSpec {
  /** Stable key, unique in its dashboard: names the panel in tests and tooling. */
  key: string;
  title: string;
  description: string;
  /** Grafana panel type; also decides the result format of its query. */
  visualization: Visualization;
  /** SQL in the plugin's SQL editor form: `$__timeFilter(...)` etc. and the `service` variable (`${service:percentencode}`). */
  rawSql: string;
  /** Grafana unit id, e.g. `percentunit`, `ms`, `short`. */
  unit?: string;
  /** Draw a time series as bars (counts per interval) instead of lines. */
  bars?: boolean;
  /** Grid width of 24 columns. */
  width: number;
  height: number;
}

/** A note in Markdown, without a query (Grafana's text panel). */
export interface TextSpec {
  key: string;
  title: string;
  visualization: "text";
  markdown: string;
  width: number;
  height: number;
}

export interface RowSpec {
  title: string;
  panels: Array<PanelSpec | TextSpec>;
}

/** A query the dashboard runs outside panels: a template variable or an annotation. */
export interface AuxiliaryQuery {
  key: string;
  rawSql: string;
}
