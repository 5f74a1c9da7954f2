import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { bundleBenchmarks } from "./bundle.bench";
import { functionBenchmarks } from "./functions.bench";
import { printTable, type BenchResult } from "./harness";
import { periksaBenchmarks } from "./periksa.bench";
import { reportBenchmarks } from "./report.bench";
import { sipdBenchmarks } from "./sipd.bench";
import { xlsxBenchmarks } from "./xlsx.bench";

const suites: Record<string, () => BenchResult[] | Promise<BenchResult[]>> = {
  functions: functionBenchmarks,
  sipd: sipdBenchmarks,
  periksa: periksaBenchmarks,
  report: reportBenchmarks,
  xlsx: xlsxBenchmarks,
  bundle: bundleBenchmarks,
};

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const results: BenchResult[] = [];
  for (const [name, suite] of Object.entries(suites)) {
    if (only.length && !only.includes(name)) continue;
    results.push(...(await suite()));
  }
  printTable(results);
  save(results);
}

function save(results: BenchResult[]): void {
  const outDir = join(__dirname, "..", "..", "bench-results");
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, "latest.json"), JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2));
  console.log(`\nHasil tersimpan di out/bench-results/latest.json`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
