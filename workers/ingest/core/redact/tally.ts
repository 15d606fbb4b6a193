import type { KeyValue } from "../../../shared/otlp/model";

import { REDACTION_COUNT_ATTRIBUTE, REDACTION_KINDS_ATTRIBUTE } from "../note-keys";

export { REDACTION_COUNT_ATTRIBUTE, REDACTION_KINDS_ATTRIBUTE };

/**
 * Counts redactions by kind for one record (or one resource, one scope). Reusable via reset.
 * Most records and strings have nothing redacted, so the counts by kind are only allocated at
 * the first count.
 */
export class RedactionTally {
  private counts: Map<string, number> | undefined;
  total = 0;

  add(kind: string, count = 1): void {
    const counts = (this.counts ??= new Map());
    counts.set(kind, (counts.get(kind) ?? 0) + count);
    this.total += count;
  }

  addAll(other: RedactionTally): void {
    // Most owners have nothing redacted: iterating an empty Map would still allocate an iterator.
    if (other.total === 0 || other.counts === undefined) return;
    for (const [kind, count] of other.counts) this.add(kind, count);
  }

  reset(): void {
    if (this.total === 0) return;
    this.counts?.clear();
    this.total = 0;
  }

  toRecord(): Record<string, number> {
    return this.counts === undefined ? {} : Object.fromEntries(this.counts);
  }

  /** The kinds counted, sorted and comma-separated (`email,ipv4`); empty when none. */
  kindList(): string {
    return this.counts === undefined ? "" : [...this.counts.keys()].sort().join(",");
  }

  /**
   * Writes `redaction.count` and `redaction.kinds` (sorted, comma-separated) into `attributes`
   * when anything was counted. They replace same-named attributes from the producer, which must
   * not be able to mask what the pipeline did.
   */
  writeSummary(attributes: KeyValue[]): void {
    if (this.total === 0) return;
    setAttribute(attributes, REDACTION_COUNT_ATTRIBUTE, { intValue: String(this.total) });
    setAttribute(attributes, REDACTION_KINDS_ATTRIBUTE, { stringValue: this.kindList() });
  }

  /**
   * Writes the summary again over one written before (`writeSummary`), or removes it when
   * nothing is counted any more: for counts changed after the owner was walked.
   */
  rewriteSummary(attributes: KeyValue[]): void {
    if (this.total > 0) {
      this.writeSummary(attributes);
      return;
    }
    for (let i = attributes.length - 1; i >= 0; i--) {
      const key = attributes[i]!.key;
      if (key === REDACTION_COUNT_ATTRIBUTE || key === REDACTION_KINDS_ATTRIBUTE) attributes.splice(i, 1);
    }
  }
}

/**
 * The counts by kind `counts` (a tally's `toRecord`) with `changes` added to them, a kind whose
 * count falls to zero or below gone: counts corrected after redaction by a later step that
 * undoes some of its changes or copies them elsewhere (template-body.ts).
 */
export function withCountChanges(counts: Readonly<Record<string, number>>, changes: ReadonlyMap<string, number>): RedactionTally {
  const tally = new RedactionTally();
  const kinds = new Set([...Object.keys(counts), ...changes.keys()]);
  for (const kind of kinds) {
    const count = (counts[kind] ?? 0) + (changes.get(kind) ?? 0);
    if (count > 0) tally.add(kind, count);
  }
  return tally;
}

function setAttribute(attributes: KeyValue[], key: string, value: KeyValue["value"]): void {
  const existing = attributes.find((attribute) => attribute.key === key);
  if (existing === undefined) attributes.push({ key, value });
  else existing.value = value;
}
