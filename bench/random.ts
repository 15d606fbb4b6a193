/** Seeded pseudo-random choices, so every benchmark run measures the very same bytes. */

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** Lower-case hex of `bytes` random bytes, never all zero (OTLP treats that as "no id"). */
  hex(bytes: number): string;
}

/** mulberry32: tiny, fast and good enough to shape payloads; not for anything secret. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (p) => next() < p,
    hex(bytes) {
      let hex = "";
      for (let i = 0; i < bytes; i++) hex += int(0, 255).toString(16).padStart(2, "0");
      return /^0+$/.test(hex) ? hex.slice(0, -1) + "1" : hex;
    },
  };
}
