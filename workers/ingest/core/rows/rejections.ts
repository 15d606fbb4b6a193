import type { Signal } from "../../../shared/otlp/model";
import { recordCount } from "../../../shared/otlp/record-count";

/**
 * Records dropped for being invalid, counted for OTLP's `partialSuccess` (`rejected_spans`,
 * `rejected_log_records`, `rejected_data_points`) with a message naming the first few.
 */

/** How many offending records the message names before summarizing the rest. */
const NAMED_IN_MESSAGE = 5;

export class Rejections {
  private count = 0;
  private readonly named: string[] = [];

  /** `path` locates the record in the request, e.g. `resourceSpans[0].scopeSpans[1].spans[2]`. */
  reject(path: string, reason: string): void {
    this.count++;
    if (this.named.length < NAMED_IN_MESSAGE) this.named.push(`${path}: ${reason}`);
  }

  get rejected(): number {
    return this.count;
  }

  /** "" when nothing was rejected. */
  message(signal: Signal): string {
    if (this.count === 0) return "";
    const unnamed = this.count - this.named.length;
    const more = unnamed > 0 ? `; and ${unnamed} more` : "";
    return `${recordCount(this.count, signal)} rejected: ${this.named.join("; ")}${more}`;
  }
}

export interface RowsResult<Rows> {
  rows: Rows;
  rejected: number;
  rejectionMessage: string;
}
