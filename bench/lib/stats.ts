/** Small numeric helpers for the bench's figures. */

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Nearest-rank percentile, p in [0, 100]. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** Rounds to `digits` decimals (for the report; raw values stay in memory). */
export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Runs `action` and returns its result with the elapsed milliseconds. */
export async function timed<T>(action: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await action();
  return { result, ms: performance.now() - start };
}

/** Summary of a sample of durations (ms): median, p90, min, count. */
export interface Sample {
  median: number;
  p90: number;
  min: number;
  n: number;
}

export function sample(values: readonly number[]): Sample {
  return {
    median: round(median(values), 3),
    p90: round(percentile(values, 90), 3),
    min: round(values.length ? Math.min(...values) : Number.NaN, 3),
    n: values.length,
  };
}
