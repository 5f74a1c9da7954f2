/**
 * Custom-function throughput on 100k cells: one spilled call over a 100k-row range (how a user fills a
 * column) and 100k single-cell calls (how Excel recalculates a column of =SAKIP.CAPAIAN(D5;E5)).
 */
import * as fns from "../src/functions/functions";
import { measure, type BenchResult } from "./harness";

const N = 100_000;

export function functionBenchmarks(): BenchResult[] {
  const target: number[][] = [];
  const realisasi: number[][] = [];
  const capaian: number[][] = [];
  const pagu: number[][] = [];
  const text: string[][] = [];
  for (let i = 0; i < N; i++) {
    const t = 50 + (i % 50);
    const r = (i * 7919) % 120;
    target.push([t]);
    realisasi.push([r]);
    capaian.push([r / t]);
    pagu.push([1_000_000 + i]);
    text.push([`${(i * 37).toLocaleString("id-ID")},${String(i % 100).padStart(2, "0")}`]);
  }
  const results: BenchResult[] = [];
  results.push(measure("SAKIP.CAPAIAN, one call spilling 100k rows", N, "sel", () => fns.capaian(target, realisasi)));
  results.push(
    measure("SAKIP.CAPAIAN, 100k single-cell calls", N, "sel", () => {
      for (let i = 0; i < N; i++) fns.capaian([target[i]!], [realisasi[i]!]);
    }),
  );
  results.push(measure("SAKIP.CAPAIAN negatif (2T-R)/T, spilled", N, "sel", () => fns.capaian(target, realisasi, [["negatif"]])));
  results.push(measure("SAKIP.PENYERAPAN, spilled", N, "sel", () => fns.penyerapan(pagu, realisasi)));
  results.push(measure("SAKIP.PREDIKAT (skala kecamatan), spilled", N, "sel", () => fns.predikat(capaian)));
  results.push(measure("SAKIP.ANGKA on Indonesian text (1.234.567,89), spilled", N, "sel", () => fns.angka(text, [["uang"]])));
  return results;
}
