/**
 * Every query a rendered set of Grafana files would run: panel targets, template variables,
 * annotations and alert-rule queries, with what the plugin's backend will do with the result.
 */
import type { Panel, RowPanel } from "@grafana/schema";
import type { Rendered } from "../../dashboards/core/render";

export interface RenderedQuery {
  /** `<dashboard uid> / <panel title>`, `<rule uid>`, ... */
  where: string;
  /** The panel's, variable's, annotation's or rule's title. */
  title: string;
  /** The per-service dashboard's service, for `${service}`; undefined on the fleet overview. */
  service?: string;
  kind: "panel" | "variable" | "annotation" | "alert";
  /** The plugin's result format (sqlds): 0 time series, 1 table, 2 logs, 3 trace. */
  format: number;
  rawSql: string;
}

function isPanel(panel: Panel | RowPanel): panel is Panel {
  return panel.type !== "row";
}

function sqlOf(query: unknown): { rawSql: string; format: number } {
  const { rawSql, format } = query as { rawSql?: unknown; format?: unknown };
  if (typeof rawSql !== "string" || typeof format !== "number") throw new Error(`not a SQL editor query: ${JSON.stringify(query)}`);
  return { rawSql, format };
}

export function renderedQueries(rendered: Rendered): RenderedQuery[] {
  const queries: RenderedQuery[] = [];
  for (const { service, dashboard } of rendered.dashboards) {
    for (const panel of (dashboard.panels ?? []).filter(isPanel)) {
      for (const target of panel.targets ?? []) {
        const title = panel.title ?? "";
        queries.push({ where: `${dashboard.uid} / ${title}`, title, service, kind: "panel", ...sqlOf(target) });
      }
    }
    for (const variable of dashboard.templating?.list ?? []) {
      const title = `$${variable.name}`;
      queries.push({ where: `${dashboard.uid} / ${title}`, title, service, kind: "variable", ...sqlOf(variable.query) });
    }
    for (const annotation of dashboard.annotations?.list ?? []) {
      if (annotation.builtIn) continue;
      const title = annotation.name;
      queries.push({ where: `${dashboard.uid} / ${title}`, title, service, kind: "annotation", ...sqlOf(annotation.target) });
    }
  }
  for (const { service, file } of rendered.alertRules) {
    for (const rule of file.groups.flatMap((group) => group.rules)) {
      for (const data of rule.data) {
        if (data.refId === "A") {
          queries.push({ where: rule.uid, title: rule.title, service, kind: "alert", ...sqlOf(data.model) });
        }
      }
    }
  }
  return queries;
}
