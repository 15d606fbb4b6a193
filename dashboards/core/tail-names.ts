/**
 * The names the tail Worker may count a service under. The tail names a Worker by its script
 * name, which wrangler makes `<name>-<env>` for a deploy with `--env <env>` (wrangler's
 * environments: "the Worker's name becomes `<name>-<env>`" unless the environment sets its own
 * `name`), while a producer's SDK names it by the `service.name` its code sets, often the bare
 * `<name>`. Such a Worker is wired, yet its rows split over two ServiceNames.
 */

/**
 * The tail-counted names (`counted`) that are `service` under a wrangler environment, i.e.
 * `<service>-<env>`, sorted. A candidate, not proof: another Worker may be named with the same
 * prefix (`shop-admin` beside `shop`), which is why the generator names them instead of merging.
 */
export function tailNamesUnderEnvironments(service: string, counted: readonly string[]): string[] {
  return counted.filter((name) => name.length > service.length + 1 && name.startsWith(`${service}-`)).sort();
}

/** `tailNamesUnderEnvironments` in ClickHouse SQL: `counted` an Array(String) expression, `service` a String one. */
export function tailNamesUnderEnvironmentsSql(service: string, counted: string): string {
  return `arraySort(arrayFilter(name -> length(name) > length(${service}) + 1 AND startsWith(name, concat(${service}, '-')), ${counted}))`;
}
