// Timing and summary helpers shared by the scenarios.

export const now = (): number => performance.now();

/** Runs `fn` and answers its result with the elapsed milliseconds. */
export async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = now();
  const value = await fn();
  return { ms: now() - start, value };
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile of the values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** Repeats `fn` after a warm-up and answers the median and p95 of its durations (ms). */
export async function sample(
  times: number,
  fn: (i: number) => Promise<unknown> | unknown,
  warmUp = 5,
): Promise<{ median: number; p95: number }> {
  for (let i = 0; i < warmUp; i++) await fn(i);
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = now();
    await fn(i);
    ms.push(now() - start);
  }
  return { median: median(ms), p95: percentile(ms, 95) };
}

export const round = (n: number, decimals = 2): number => Math.round(n * 10 ** decimals) / 10 ** decimals;

/** A small deterministic generator (mulberry32), so two runs build the same data. */
export function random(seed: number) {
  let a = seed;
  const next = (): number => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (max: number) => Math.floor(next() * max),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}

/**
 * Runs `fn` `total` times with `concurrency` calls in flight after `warmUp` calls at the same
 * concurrency; answers the calls per second and how many answered each status.
 */
export async function throughput(
  total: number,
  concurrency: number,
  fn: () => Promise<number>,
  warmUp = 0,
): Promise<{ perSecond: number; statuses: Map<number, number> }> {
  const run = async (n: number, statuses: Map<number, number>) => {
    let issued = 0;
    const worker = async () => {
      while (issued < n) {
        issued++;
        const status = await fn();
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  };
  await run(warmUp, new Map());
  const statuses = new Map<number, number>();
  const start = now();
  await run(total, statuses);
  return { perSecond: total / ((now() - start) / 1000), statuses };
}
