/**
 * SIPD import at scale: parse a synthetic 100k-row LRA (same grammar as the real export) and write it
 * into the in-memory workbook; the parse is compared with a plain split into cells of the same text,
 * and the same import through the Office.js adapter (over the strict fake) reports its round trips
 * and the largest request it would send (Excel on the web refuses more than 5 MB).
 */
import { importLra } from "../src/app/import-sipd";
import { generateLra, parseLra, type LraParseSuccess } from "../src/core/sipd";
import { MemoryWorkbook } from "../src/workbook/memory/memory-workbook";
import { OfficeWorkbook } from "../src/workbook/office/office-workbook";
import { FakeExcel } from "../test/support/fake-excel";
import { measure, type BenchResult } from "./harness";

const ROWS = 100_000;

export async function sipdBenchmarks(): Promise<BenchResult[]> {
  const text = generateLra(ROWS, 1);
  const mb = Buffer.byteLength(text, "utf8") / 1e6;
  const results: BenchResult[] = [];

  const split = measure("baseline: split text into cells (no parsing)", ROWS, "baris", () => text.split("\n").map((l) => l.split("\t")));
  const parse = measure(`parseLra, ${ROWS.toLocaleString("id-ID")} baris (${mb.toLocaleString("id-ID", { maximumFractionDigits: 1 })} MB)`, ROWS, "baris", () => parseLra(text));
  parse.extra = { "rasio terhadap split": `${(parse.medianMs / split.medianMs).toFixed(1)}×` };
  results.push(split, parse);

  const lra = parseLra(text) as LraParseSuccess;
  if (!lra.ok) throw new Error("synthetic LRA did not parse");
  const findings = lra.findings.length;

  // parse + write, end to end, into a fresh in-memory workbook each time
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = process.hrtime.bigint();
    const parsed = parseLra(text) as LraParseSuccess;
    const r = await importLra(new MemoryWorkbook(), parsed);
    if (!r.ok) throw new Error(r.message);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  const median = times[1]!;
  results.push({
    name: "parse + import into the in-memory workbook",
    unit: "baris",
    items: ROWS,
    medianMs: median,
    perSecond: ROWS / (median / 1000),
    extra: { "temuan pada data sintetis": findings, "baris Realisasi Anggaran": lra.programs.length + lra.kegiatan.length + lra.subKegiatan.length },
  });

  const fake = new FakeExcel();
  const port = new OfficeWorkbook({ run: fake.excelRun });
  const t0 = process.hrtime.bigint();
  const r = await importLra(port, lra);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (!r.ok) throw new Error(r.message);
  results.push({
    name: "import through the Office.js adapter (fake Excel)",
    unit: "baris",
    items: ROWS,
    medianMs: ms,
    perSecond: ROWS / (ms / 1000),
    extra: {
      "sync seluruh impor (termasuk menyiapkan lembar)": fake.syncs.length,
      "sync penulisan impor": r.report.syncs,
      "permintaan terbesar (MB)": (fake.largestRequestBytes / 1e6).toLocaleString("id-ID", { maximumFractionDigits: 2 }),
      "batas Excel di web (MB)": "5,00",
    },
  });
  return results;
}
