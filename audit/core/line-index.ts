import type { Position } from "./model";

/**
 * Turns character offsets into 1-based line and column. Lines end at `\n`, `\r\n` or a lone
 * `\r`, as both JSON and TOML count them.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 /* \n */ || (c === 13 /* \r */ && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }

  /** The position of the character at `offset` (0-based). */
  positionOf(offset: number): Position {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.starts[low]! + 1 };
  }

  /** The offset (0-based) of a position; a column past its line's end counts on, as `positionOf` would. */
  offsetOf(position: Position): number {
    return (this.starts[position.line - 1] ?? this.starts[this.starts.length - 1]!) + position.column - 1;
  }
}
