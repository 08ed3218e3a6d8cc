/**
 * Seeded pseudo-random numbers for the bootstrap. Math.random is never used in libs/metric: a
 * result must be reproducible bit for bit from its inputs and its seed (METHOD.md §7).
 */

/** mulberry32: tiny, fast, 32-bit state; statistically fine for resampling indices. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 32-bit FNV-1a of a string: derive a stable seed from an area key such as `round-7/state/15`. */
export function seedFromString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Uniform integer in [0, n). */
export function randomIndex(rng: () => number, n: number): number {
  return Math.floor(rng() * n);
}
