import { notSetMessage } from "../environments";
import type { Rule } from "../findings";
import { stringAt } from "../model";
import { METRICS_BINDING } from "../wiring";

/**
 * D-14: the storefront framework's Analytics Engine meter writes through a binding named
 * `DECO_METRICS`; without it the meter is a no-op (degraded, so a warning). Like every
 * binding, `analytics_engine_datasets` is not inherited by named environments.
 */
export const analyticsEngineRule: Rule = {
  id: "analytics-engine",
  severity: "warning",
  scope: "producers",
  pages: true,
  summary: `analytics_engine_datasets binds ${METRICS_BINDING}: without it the Analytics Engine meter writes nothing`,
  fix: `add { "binding": "${METRICS_BINDING}", "dataset": "<dataset>" } to analytics_engine_datasets (or run --fix --metrics-dataset <dataset>)`,
  check(environment) {
    const entry = environment.own("analytics_engine_datasets");
    if (entry === undefined) {
      return [{ at: environment.anchor, message: `${notSetMessage(environment, "analytics_engine_datasets")}: no ${METRICS_BINDING} binding, so the meter writes nothing` }];
    }
    if (entry.value.kind !== "array") {
      return [{ at: entry.value.at, message: "analytics_engine_datasets must be an array of { binding, dataset } objects" }];
    }
    if (entry.value.items.some((item) => stringAt(item, "binding") === METRICS_BINDING)) return [];
    return [{ at: entry.value.at, message: `analytics_engine_datasets does not bind ${METRICS_BINDING}` }];
  },
};
