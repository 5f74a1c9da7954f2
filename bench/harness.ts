/** A tiny benchmark harness: warm up, repeat, report the median. Numbers, not pass/fail. */
export interface BenchResult {
  name: string;
  unit: string;
  items: number;
  medianMs: number;
  perSecond: number;
  /** for a comparison: this run's time ÷ the baseline's (see compare) */
  ratio?: number;
  extra?: Record<string, number | string>;
}

/** A full collection, when node runs with --expose-gc (npm run bench does): every timed run starts from the same heap. */
export function collect(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

const now = (): number => Number(process.hrtime.bigint()) / 1e6;

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function timed(fn: () => unknown): number {
  collect();
  const t0 = now();
  fn();
  return now() - t0;
}

export function measure(name: string, items: number, unit: string, fn: () => unknown, repeats = 5): BenchResult {
  fn(); // warm-up: JIT and caches
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) times.push(timed(fn));
  const medianMs = median(times);
  return { name, unit, items, medianMs, perSecond: items / (medianMs / 1000) };
}

export interface Comparison {
  base: BenchResult;
  subject: BenchResult;
  /** median over the runs of subject time ÷ base time, each pair measured back to back */
  ratio: number;
  /** the spread of those per-pair ratios */
  ratios: { min: number; max: number };
}

/**
 * `subject` against `base`, run alternately so both see the same machine: warm-up of each, then `runs`
 * pairs, each run after a full collection. The ratio is the median of the pair ratios, which a burst of
 * load on a shared machine moves less than it moves either median alone. Either may await (the workbook port).
 */
export async function compare(
  base: { name: string; fn: () => unknown },
  subject: { name: string; fn: () => unknown },
  items: number,
  unit: string,
  runs = 9,
): Promise<Comparison> {
  for (let i = 0; i < 2; i++) {
    await base.fn();
    await subject.fn();
  }
  const timedAsync = async (fn: () => unknown): Promise<number> => {
    collect();
    const t0 = now();
    await fn();
    return now() - t0;
  };
  const a: number[] = [];
  const b: number[] = [];
  const r: number[] = [];
  for (let i = 0; i < runs; i++) {
    const ta = await timedAsync(base.fn);
    const tb = await timedAsync(subject.fn);
    a.push(ta);
    b.push(tb);
    r.push(tb / ta);
  }
  const result = (name: string, times: number[]): BenchResult => {
    const medianMs = median(times);
    return { name, unit, items, medianMs, perSecond: items / (medianMs / 1000) };
  };
  return { base: result(base.name, a), subject: result(subject.name, b), ratio: median(r), ratios: { min: Math.min(...r), max: Math.max(...r) } };
}

/** Heap held by what `build` returns, after a full collection on both sides (needs --expose-gc), and its time. */
export async function retained<T>(build: () => Promise<T>): Promise<{ ms: number; heapMB: number; value: T }> {
  collect();
  const before = process.memoryUsage().heapUsed;
  const t0 = now();
  const value = await build();
  const ms = now() - t0;
  collect();
  const heapMB = (process.memoryUsage().heapUsed - before) / 1e6;
  return { ms, heapMB, value };
}

export function printTable(results: BenchResult[]): void {
  const fmt = (n: number) => n.toLocaleString("id-ID", { maximumFractionDigits: 1 });
  console.log("\n" + ["benchmark".padEnd(58), "n".padStart(9), "median ms".padStart(11), "per detik".padStart(14)].join(" "));
  for (const r of results) {
    console.log([r.name.padEnd(58), fmt(r.items).padStart(9), fmt(r.medianMs).padStart(11), `${fmt(r.perSecond)} ${r.unit}`.padStart(14)].join(" "));
    if (r.extra) for (const [k, v] of Object.entries(r.extra)) console.log(`    ${k}: ${typeof v === "number" ? fmt(v) : v}`);
  }
}
