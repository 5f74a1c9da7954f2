/** A tiny benchmark harness: warm up, repeat, report the median. Numbers, not pass/fail. */
export interface BenchResult {
  name: string;
  unit: string;
  items: number;
  medianMs: number;
  perSecond: number;
  extra?: Record<string, number | string>;
}

export function measure(name: string, items: number, unit: string, fn: () => unknown, repeats = 5): BenchResult {
  fn(); // warm-up: JIT and caches
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  const medianMs = times[Math.floor(times.length / 2)]!;
  return { name, unit, items, medianMs, perSecond: items / (medianMs / 1000) };
}

export function printTable(results: BenchResult[]): void {
  const fmt = (n: number) => n.toLocaleString("id-ID", { maximumFractionDigits: 1 });
  console.log("\n" + ["benchmark".padEnd(58), "n".padStart(9), "median ms".padStart(11), "per detik".padStart(14)].join(" "));
  for (const r of results) {
    console.log([r.name.padEnd(58), fmt(r.items).padStart(9), fmt(r.medianMs).padStart(11), `${fmt(r.perSecond)} ${r.unit}`.padStart(14)].join(" "));
    if (r.extra) for (const [k, v] of Object.entries(r.extra)) console.log(`    ${k}: ${typeof v === "number" ? fmt(v) : v}`);
  }
}
