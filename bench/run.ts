import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { functionBenchmarks } from "./functions.bench";
import { printTable, type BenchResult } from "./harness";

const suites: Record<string, () => BenchResult[]> = {
  functions: functionBenchmarks,
};

const only = process.argv.slice(2);
const results: BenchResult[] = [];
for (const [name, suite] of Object.entries(suites)) {
  if (only.length && !only.includes(name)) continue;
  results.push(...suite());
}
printTable(results);
const outDir = join(__dirname, "..", "..", "bench-results");
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, "latest.json"), JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2));
console.log(`\nHasil tersimpan di out/bench-results/latest.json`);
