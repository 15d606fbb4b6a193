/**
 * Helpers for driving the real OpenTelemetry JS exporters against the ingest Worker: every
 * export's result is recorded, so a test can check the exporter itself saw success.
 */
import { diag, DiagLogLevel } from "@opentelemetry/api";
import { ExportResultCode, type ExportResult } from "@opentelemetry/core";
import { randomUUID } from "node:crypto";

interface ResultReportingExporter {
  export(items: never, resultCallback: (result: ExportResult) => void): void;
}

/** What an exporter was asked to export, and what came of each call. */
export interface RecordedExports<Item> {
  /** The items of every `export` call, in call order (what the SDK handed the exporter). */
  items: Item[];
  results: ExportResult[];
}

/**
 * Records every `export` call the exporter handles from now on: its items and its result. The
 * lists fill as exports finish; the exporter keeps working as before.
 */
export function recordExports<Item>(exporter: ResultReportingExporter): RecordedExports<Item> {
  const recorded: RecordedExports<Item> = { items: [], results: [] };
  const original = exporter.export.bind(exporter) as (
    items: unknown,
    resultCallback: (result: ExportResult) => void,
  ) => void;
  (exporter as { export: typeof original }).export = (items, resultCallback) => {
    recorded.items.push(items as Item);
    original(items, (result) => {
      recorded.results.push(result);
      resultCallback(result);
    });
  };
  return recorded;
}

/** Records the result of every `export` call the exporter handles from now on. */
export function recordExportResults(exporter: ResultReportingExporter): ExportResult[] {
  return recordExports(exporter).results;
}

/** A readable summary of results, so a failed export shows its error in the assertion diff. */
export function exportOutcomes(results: readonly ExportResult[]): string[] {
  return results.map((result) =>
    result.code === ExportResultCode.SUCCESS ? "success" : `failed: ${result.error?.message ?? "unknown error"}`,
  );
}

/** A value no other test (or earlier run) uses, to find a test's own rows. */
export function uniqueId(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}`;
}

/**
 * The OpenTelemetry `diag` warnings from now on (where the SDK's exporters log a partial
 * success), each as one line; call `diag.disable()` when done.
 */
export function captureDiagWarnings(): string[] {
  const warnings: string[] = [];
  const ignore = () => undefined;
  diag.setLogger(
    { error: ignore, warn: (...args) => warnings.push(args.join(" ")), info: ignore, debug: ignore, verbose: ignore },
    DiagLogLevel.WARN,
  );
  return warnings;
}
