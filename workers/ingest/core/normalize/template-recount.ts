/**
 * What writing a record's template texts again after redaction (template-body.ts) changes in
 * redaction's counts. Redaction counted each value it changed in the record as lifted; the
 * writing then undoes some of those changes (a template's tokens, put back as written: a
 * detector reads `password={Password}` as a password's assignment) and copies others where
 * redaction did not reach (a property's stored value into the body the sender rendered). The
 * record's `redaction.count` must equal the values redaction changed in what is stored, so each
 * text the writing replaces is counted again: the markers it gains and loses, and the hashed
 * values.
 */
import { HASHED_KIND } from "../redact/key-rule-kinds";

/** A redaction marker and its kind (`[REDACTED:secret]`; a metric's `[REDACTED:kind:hash]` never reaches a log). */
const MARKER = /\[REDACTED:([^\]:\s]+)[^\]\s]*\]/g;

export class TemplateRecount {
  /** The change in redaction's counts, by kind, of the texts written so far. */
  readonly changes = new Map<string, number>();

  /**
   * `hashes`: the texts as stored of the properties redaction hashed (no marker shows them), which
   * count as `hashed` wherever the writing puts or removes one.
   */
  constructor(private readonly hashes: readonly string[]) {}

  /** Counts the writing of `after` over `before`, the text as redaction left it: each marker or hashed value gained counts one, each lost one less. */
  rewrote(before: string, after: string): void {
    if (before === after) return;
    this.count(after, 1);
    this.count(before, -1);
  }

  private count(text: string, sign: number): void {
    for (const marker of text.matchAll(MARKER)) this.add(marker[1]!, sign);
    for (const hash of this.hashes) {
      for (let at = text.indexOf(hash); at >= 0; at = text.indexOf(hash, at + hash.length)) this.add(HASHED_KIND, sign);
    }
  }

  private add(kind: string, count: number): void {
    const total = (this.changes.get(kind) ?? 0) + count;
    if (total === 0) this.changes.delete(kind);
    else this.changes.set(kind, total);
  }
}
