/** Writes rendered files under an output directory and says how to load them into Grafana. */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { DASHBOARDS_PATH, render, renderFiles, type RenderedFile, type RenderInput } from "./core/render";

/** Where `npm run dashboards` and `npm run demo` write unless told otherwise (ignored by git). */
export const DEFAULT_OUT = "dashboards/dist";

/** Renders everything for `input` and writes it under `outDir`; returns the paths written. */
export async function writeGrafanaFiles(input: RenderInput, outDir: string): Promise<string[]> {
  return writeRenderedFiles(outDir, renderFiles(render(input)));
}

/** Creates directories as needed; overwrites files of the same name. Returns the paths written. */
export async function writeRenderedFiles(outDir: string, files: readonly RenderedFile[]): Promise<string[]> {
  const written: string[] = [];
  for (const file of files) {
    const path = join(outDir, ...file.path.split("/"));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.content);
    written.push(path);
  }
  return written;
}

/** Two ways in: the Grafana UI (one dashboard at a time) or file provisioning (everything). */
export function importInstructions(outDir: string, withAlerts: boolean): string {
  const fromHere = relative(process.cwd(), outDir);
  const dir = fromHere === "" ? "." : fromHere.startsWith("..") ? outDir : fromHere;
  return [
    "Import into Grafana (with the grafana-clickhouse-datasource plugin installed):",
    `  UI:           add the data source from ${dir}/provisioning/datasources/deco-otel.yaml (or by hand with the same uid),`,
    `                then Dashboards > New > Import and upload each ${dir}/dashboards/*.json`,
    "  Provisioning: copy the files and restart Grafana, with CLICKHOUSE_PASSWORD in its environment:",
    `                cp -r ${dir}/provisioning/* /etc/grafana/provisioning/`,
    `                mkdir -p ${DASHBOARDS_PATH} && cp ${dir}/dashboards/*.json ${DASHBOARDS_PATH}/`,
    withAlerts
      ? "  Alert rules are in provisioning/alerting/; no contact point is wired: add one to be notified."
      : "  Alert rules (off by default, no receiver is wired): npm run dashboards -- --with-alerts --runbook-base-url URL ...",
  ].join("\n");
}
