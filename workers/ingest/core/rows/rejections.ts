import type { Signal } from "../../../shared/otlp/model";
import { recordCount } from "../../../shared/otlp/record-count";
import { AS_DECODED, type SenderPlace } from "../../../shared/otlp/sender-place";

/**
 * Records dropped for being invalid, counted for OTLP's `partialSuccess` (`rejected_spans`,
 * `rejected_log_records`, `rejected_data_points`) with a message naming the first few.
 */

/** How many offending records the message names before summarizing the rest. */
const NAMED_IN_MESSAGE = 5;

export class Rejections {
  private count = 0;
  private readonly named: string[] = [];

  /** `senderPlace` names a decoded request's place as the sender's document does (JSON nulls skipped shift indexes). */
  constructor(private readonly senderPlace: SenderPlace = AS_DECODED) {}

  /** `path` locates the record in the decoded request, e.g. `resourceSpans[0].scopeSpans[1].spans[2]`. */
  reject(path: string, reason: string): void {
    this.count++;
    if (this.named.length < NAMED_IN_MESSAGE) this.named.push(`${this.senderPlace(path)}: ${reason}`);
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
