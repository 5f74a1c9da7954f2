/**
 * SIPD import at scale: parse a synthetic 100k-row LRA (same grammar as the real export) and write it
 * into the in-memory workbook. The parse is compared with a plain split into cells of the same text
 * (the two run alternately, each after a full collection; the ratio is the median of the pairs). The
 * import reports its time and the heap the filled workbook holds, and the same import through the
 * Office.js adapter (over the strict fake) its round trips and the largest request it would send
 * (Excel on the web refuses more than 5 MB).
 */
import { importLra } from "../src/app/import-sipd";
import { generateLra, parseLra, type LraParseSuccess } from "../src/core/sipd";
import { MemoryWorkbook } from "../src/workbook/memory/memory-workbook";
import { OfficeWorkbook } from "../src/workbook/office/office-workbook";
import { FAKE_PAYLOAD_LIMIT, FakeExcel } from "../test/support/fake-excel";
import { compare, median, retained, type BenchResult } from "./harness";

const ROWS = 100_000;
// a shared machine moves one pair by ±20%: enough pairs that the median moves less than a tenth
const PAIRS = 21;

const fmt = (n: number, digits = 1) => n.toLocaleString("id-ID", { minimumFractionDigits: digits, maximumFractionDigits: digits });

export async function sipdBenchmarks(): Promise<BenchResult[]> {
  const text = generateLra(ROWS, 1);
  const mb = Buffer.byteLength(text, "utf8") / 1e6;
  const results: BenchResult[] = [];

  const c = await compare(
    { name: "baseline: split text into cells (no parsing)", fn: () => text.split("\n").map((l) => l.split("\t")) },
    { name: `parseLra, ${ROWS.toLocaleString("id-ID")} baris (${fmt(mb)} MB)`, fn: () => parseLra(text) },
    ROWS,
    "baris",
    PAIRS,
  );
  c.subject.ratio = Math.round(c.ratio * 100) / 100;
  c.subject.extra = {
    [`rasio parse ÷ split (median ${PAIRS} pasangan)`]: `${fmt(c.ratio, 2)}×`,
    "rentang rasio": `${fmt(c.ratios.min, 2)}–${fmt(c.ratios.max, 2)}×`,
  };
  results.push(c.base, c.subject);

  const lra = parseLra(text) as LraParseSuccess;
  if (!lra.ok) throw new Error("synthetic LRA did not parse");

  // import only (parsed once): time, and the heap the filled workbook holds
  const runs: { ms: number; heapMB: number }[] = [];
  for (let i = 0; i < 3; i++) {
    const r = await retained(async () => {
      const wb = new MemoryWorkbook();
      const result = await importLra(wb, lra);
      if (!result.ok) throw new Error(result.message);
      return wb;
    });
    runs.push(r);
  }
  const importMs = median(runs.map((r) => r.ms));
  results.push({
    name: "import into the in-memory workbook (parsed once)",
    unit: "baris",
    items: ROWS,
    medianMs: importMs,
    perSecond: ROWS / (importMs / 1000),
    extra: {
      "heap yang ditahan buku kerja (MB)": Math.round(median(runs.map((r) => r.heapMB)) * 10) / 10,
      "temuan pada data sintetis": lra.findings.length,
      "baris Realisasi Anggaran": lra.programs.length + lra.kegiatan.length + lra.subKegiatan.length,
    },
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
      "permintaan terbesar (MB)": fmt(fake.largestRequestBytes / 1e6, 2),
      "batas Excel di web (MB)": fmt(FAKE_PAYLOAD_LIMIT / 1e6, 2),
    },
  });
  return results;
}
