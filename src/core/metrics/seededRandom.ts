/**
 * A seeded pseudo-random source (mulberry32) for the bootstraps: the same report input and
 * seed give the same intervals, so a report can be rebuilt and checked.
 */
export type RandomSource = () => number;

/** Numbers in [0, 1), the same sequence for the same seed. Not for anything secret. */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
