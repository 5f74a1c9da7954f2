/** The identities of SPEC d5 on a small export: each break is a finding at its line, with stated vs expected. */
import { findingMessage } from "../../../src/core/findings";
import { parseLra, type LraFinding } from "../../../src/core/sipd";
import { dataLine, parsedOk, smallLra } from "./helpers";

const P = "7 01 7 01 00";

function findings(edit: (lines: string[]) => void): LraFinding[] {
  const lines = smallLra();
  edit(lines);
  return parsedOk(parseLra(lines.join("\n"))).findings;
}
const brief = (fs: LraFinding[]): unknown[] => fs.map((f) => [f.at.line, f.rule, f.severity, f.code, f.at.column, f.stated, f.expected]);
const set = (lines: string[], line: number, text: string): void => {
  lines[line - 1] = text;
};

describe("reconciliation of a small export", () => {
  it("finds nothing in a consistent export", () => {
    const r = parsedOk(parseLra(smallLra().join("\n")));
    expect(r.findings).toEqual([]);
    expect(r.rows).toHaveLength(10);
    expect(r.kegiatan).toMatchObject([{ program: "01", kegiatan: "2.01", notation: "7.01.01.2.01", subKegiatan: ["2.01.0001"], lines: [15] }]);
  });

  it("S/D ≠ bulan lalu + bulan ini is R-SUM-01 at the row (and its parents see the stated S/D)", () => {
    const f = findings((l) => set(l, 21, dataLine(`${P} 01 2.01.0001 5 1 02 01 01 0029`, "Belanja Bahan Komputer", 150000, 0, 0, { sd: "10.000,00" })));
    expect(brief(f.filter((x) => x.at.line === 21))).toEqual([
      [21, "R-SUM-01", "error", "sipd-sd-mismatch", "realisasiSd", 10000, 0],
      [21, "R-SISA-01", "error", "sipd-sisa-mismatch", "sisa", 150000, 140000],
      [21, "R-PEN-01", "error", "sipd-persen-mismatch", "persen", 0, 6.67],
    ]);
    expect(brief(f.filter((x) => x.at.line === 18))).toEqual([[18, "R-SUM-01", "error", "sipd-rollup", "realisasiSd", 400000, 410000]]);
    expect(f.find((x) => x.at.line === 18)?.related).toEqual([19, 20, 21].map((line) => ({ kind: "line", line })));
    expect(findingMessage(f.find((x) => x.at.line === 18)!)).toBe(
      "Realisasi s/d Bulan Ini pada rincian objek 7 01 7 01 00 01 2.01.0001 5 1 02 01 01 tertulis 400.000,00, sedangkan jumlah 3 baris rinciannya 410.000,00.",
    );
  });

  it("an amount beyond exact integer range is a galat at its line and cell, and is not summed", () => {
    const r = parsedOk(
      parseLra(
        smallLra()
          .map((l, i) => (i === 20 ? dataLine(`${P} 01 2.01.0001 5 1 02 01 01 0029`, "Belanja Bahan Komputer", 150000, 0, 0, { setelah: "999.999.999.999.999.999,00" }) : l))
          .join("\n"),
      ),
    );
    const f = r.findings.filter((x) => x.code === "sipd-amount-out-of-range");
    expect(brief(f)).toEqual([[21, "R-PARSE", "error", "sipd-amount-out-of-range", "anggaranSetelah", "999.999.999.999.999.999,00", undefined]]);
    expect(findingMessage(f[0]!)).toBe(
      'Anggaran Setelah Perubahan "999.999.999.999.999.999,00" terlalu besar untuk dihitung tepat (lebih dari 9.007.199.254.740.991); nilai ini tidak dibaca.',
    );
    expect(r.rows.find((x) => x.line === 21)?.stated.anggaranSetelah).toBeNull();
    // a sum over a cell that was not read is not a total: the parent's anggaran is not judged by it
    expect(r.findings.filter((x) => x.code === "sipd-rollup" && x.at.column === "anggaranSetelah")).toEqual([]);
  });

  it("sisa ≠ setelah − S/D is an R-SISA-01 error", () => {
    const f = findings((l) => set(l, 20, dataLine(`${P} 01 2.01.0001 5 1 02 01 01 0026`, "Belanja Bahan Cetak", 250000, 100000, 0, { sisa: "105.000,00" })));
    expect(brief(f.filter((x) => x.at.line === 20))).toEqual([[20, "R-SISA-01", "error", "sipd-sisa-mismatch", "sisa", 105000, 150000]]);
    // the parent's stated sisa no longer equals the sum of its children's stated sisa
    expect(brief(f.filter((x) => x.at.line === 18))).toEqual([[18, "R-SUM-01", "error", "sipd-rollup", "sisa", 600000, 555000]]);
  });

  it("a % that does not round half-up from S/D ÷ anggaran is R-PEN-01; a truncated one is R-CAP-02 info", () => {
    // 100.000 / 300.000 = 33,333…% prints 33,33; 66.667 / 300.000 = 22,2223…
    const wrong = findings((l) => {
      set(l, 20, dataLine(`${P} 01 2.01.0001 5 1 02 01 01 0026`, "Belanja Bahan Cetak", 250000, 100000, 0, { persen: "41,00" }));
    });
    expect(brief(wrong)).toEqual([[20, "R-PEN-01", "error", "sipd-persen-mismatch", "persen", 41, 40]]);
    expect(findingMessage(wrong[0]!)).toBe(
      "Persentase 41,00 tidak sama dengan realisasi s/d ÷ anggaran setelah perubahan × 100 = 40,00 (dibulatkan ke atas dari 5).",
    );

    const lines = smallLra();
    // 1.000.000 anggaran, 3 leaves: make one leaf 2/3 spent so its % is 66,666… → 66,67 half-up, 66,66 truncated
    set(lines, 21, dataLine(`${P} 01 2.01.0001 5 1 02 01 01 0029`, "Belanja Bahan Komputer", 150000, 0, 100000, { persen: "66,66" }));
    const r = parsedOk(parseLra(lines.join("\n")));
    expect(brief(r.findings.filter((x) => x.at.line === 21))).toEqual([[21, "R-CAP-02", "info", "sipd-persen-truncated", "persen", 66.66, 66.67]]);
  });

  it("realisasi above anggaran: R-PEN-02 and a negative sisa, R-SISA-01 warnings (SIPD's own arithmetic holds)", () => {
    const f = findings((l) => set(l, 21, dataLine(`${P} 01 2.01.0001 5 1 02 01 01 0029`, "Belanja Bahan Komputer", 150000, 100000, 80000)));
    expect(brief(f.filter((x) => x.at.line === 21))).toEqual([
      [21, "R-SISA-01", "warning", "sipd-sisa-negative", "sisa", -30000, undefined],
      [21, "R-PEN-02", "warning", "sipd-realisasi-over", "realisasiSd", 180000, 150000],
    ]);
    expect(findingMessage(f.find((x) => x.code === "sipd-realisasi-over")!)).toContain("(penyerapan 120,00%)");
  });

  it("a cell that is not a number is an R-PARSE error, and the checks that need it are skipped", () => {
    const f = findings((l) => set(l, 19, dataLine(`${P} 01 2.01.0001 5 1 02 01 01 0024`, "Belanja Alat Tulis Kantor", 600000, 200000, 100000, { ini: "100.0a0,00" })));
    expect(brief(f)).toEqual([[19, "R-PARSE", "error", "sipd-cell-unreadable", "realisasiBulanIni", "100.0a0,00", undefined]]);
    expect(findingMessage(f[0]!)).toBe('Realisasi Bulan Ini "100.0a0,00" tidak dapat dibaca sebagai angka.');
  });

  it("an empty cell in a data row is an R-PARSE error", () => {
    const f = findings((l) => set(l, 19, dataLine(`${P} 01 2.01.0001 5 1 02 01 01 0024`, "Belanja Alat Tulis Kantor", 600000, 200000, 100000, { sebelum: "" })));
    expect(brief(f)).toEqual([[19, "R-PARSE", "error", "sipd-cell-empty", "anggaranSebelum", undefined, undefined]]);
  });

  it("sen are kept to the sen and reported, since SIPD prints whole rupiah", () => {
    const lines = smallLra();
    set(lines, 19, dataLine(`${P} 01 2.01.0001 5 1 02 01 01 0024`, "Belanja Alat Tulis Kantor", 600000, 200000, 100000, { sebelum: "600.000,50" }));
    const r = parsedOk(parseLra(lines.join("\n")));
    expect(r.rows.find((x) => x.line === 19)?.stated.anggaranSebelum).toBe(600000.5);
    expect(brief(r.findings)).toEqual([
      [18, "R-SUM-01", "error", "sipd-rollup", "anggaranSebelum", 1000000, 1000000.5],
      [19, "R-NUM-02", "info", "sipd-sen", "anggaranSebelum", "600.000,50", undefined],
    ]);
  });

  it("a sub kegiatan ≠ Σ jenis, program ≠ Σ sub kegiatan, kelompok ≠ Σ program, total ≠ Σ kelompok: R-SUM-01 each", () => {
    for (const [line, kode, level] of [
      [15, `${P} 01 2.01.0001 5 1`, "sub kegiatan"],
      [14, `${P} 01 00 5 1`, "program"],
      [13, `${P} 00 00 5 1`, "kelompok belanja"],
    ] as const) {
      const f = findings((l) => set(l, line, dataLine(kode, "X", 1000001, 300000, 100000)));
      const rollups = f.filter((x) => x.code === "sipd-rollup");
      // this row's anggaran is one rupiah above its children, and one above what its parent holds
      expect(rollups.map((x) => [x.at.line, x.at.column, x.stated, x.expected])).toEqual([
        [line - 1, "anggaranSebelum", 1000000, 1000001],
        [line - 1, "anggaranSetelah", 1000000, 1000001],
        [line - 1, "sisa", 600000, 600001],
        [line, "anggaranSebelum", 1000001, 1000000],
        [line, "anggaranSetelah", 1000001, 1000000],
        [line, "sisa", 600001, 600000],
      ]);
      expect(findingMessage(rollups.find((x) => x.at.line === line)!)).toContain(`pada ${level} ${kode}`);
    }
  });

  it("footer Jumlah Belanja ≠ BELANJA DAERAH and Surplus / Defisit ≠ −belanja are R-SUM-01", () => {
    const f = findings((l) => {
      set(l, 22, "\tJumlah Belanja\t\t\t300000,00\t100000,00\t400001,00\t40,00\t");
      set(l, 23, "\tSurplus / Defisit\t-1000000,00\t-999999,00\t-300000,00\t-100000,00\t-400000,00\t40,00\t");
    });
    expect(brief(f)).toEqual([
      [22, "R-SUM-01", "error", "sipd-sd-mismatch", "realisasiSd", 400001, 400000],
      [22, "R-SUM-01", "error", "sipd-footer-mismatch", "realisasiSd", 400001, 400000],
      [23, "R-SUM-01", "error", "sipd-footer-mismatch", "anggaranSetelah", -999999, -1000000],
    ]);
    expect(findingMessage(f[1]!)).toBe("Jumlah Belanja: Realisasi s/d Bulan Ini 400.001,00 tidak sama dengan BELANJA DAERAH (baris 12) 400.000,00.");
  });

  it("a repeated kode (a page pasted twice) is flagged and not summed twice", () => {
    const lines = smallLra();
    lines.splice(21, 0, lines[20] ?? "");
    const r = parsedOk(parseLra(lines.join("\n")));
    expect(brief(r.findings)).toEqual([[22, "R-KODE-01", "warning", "sipd-kode-duplicate", undefined, undefined, undefined]]);
    expect(r.findings[0]?.related?.map((l) => (l.kind === "line" ? l.line : -1))).toEqual([21]);
    expect(r.subKegiatan[0]?.totals.anggaranSetelah).toBe(1000000);
  });

  it("a row whose parent row is missing is flagged; its own arithmetic is still checked", () => {
    const lines = smallLra();
    lines.splice(14 - 1, 1); // drop the program row
    const r = parsedOk(parseLra(lines.join("\n")));
    expect(brief(r.findings)).toEqual([[14, "R-KODE-01", "warning", "sipd-kode-orphan", undefined, undefined, undefined]]);
    expect(findingMessage(r.findings[0]!)).toBe(
      "Baris induk kode 7 01 7 01 00 01 2.01.0001 5 1 (7 01 7 01 00 01 00 5 1) tidak ada; jumlahnya tidak dapat diperiksa ke atas.",
    );
    expect(r.programs).toEqual([]);
    expect(r.kegiatan).toHaveLength(1);
  });

  it("a malformed kode without an evident repair is imported, flagged, and checked as written", () => {
    const lines = smallLra();
    set(lines, 21, dataLine(`${P} 01 2.01.0001 5 1 02 01 01 029`, "Belanja Bahan Komputer", 150000, 0, 0));
    const r = parsedOk(parseLra(lines.join("\n")));
    const row = r.rows.find((x) => x.line === 21);
    expect(row).toMatchObject({ level: "malformed", akun: "5 1 02 01 01 029" });
    expect(row?.repaired).toBeUndefined();
    expect(brief(r.findings)).toEqual([[21, "R-KODE-01", "warning", "sipd-kode-malformed", "kode", `${P} 01 2.01.0001 5 1 02 01 01 029`, undefined]]);
    expect(findingMessage(r.findings[0]!)).toContain("lebar segmen akun tidak sesuai");
  });

  it("a row of another SKPD unit, or an urusan other than the header's, is flagged", () => {
    const lines = smallLra();
    set(lines, 20, (lines[20 - 1] ?? "").replace(/^7 01 7 01 00/, "7 01 7 01 01"));
    set(lines, 6, "URUSAN PEMERINTAHAN : 7.02 KECAMATAN : KECAMATAN LUMAJANG");
    const r = parsedOk(parseLra(lines.join("\n")));
    // line 20 leaves the tree of unit 7 01 00, so its parent misses its amounts (bulan ini is 0 there: no break)
    expect(r.findings.map((f) => [f.at.line, f.code, f.at.column, f.stated, f.expected])).toEqual([
      [12, "sipd-urusan-mismatch", undefined, "7.01", "7.02"],
      [18, "sipd-rollup", "anggaranSebelum", 1000000, 750000],
      [18, "sipd-rollup", "anggaranSetelah", 1000000, 750000],
      [18, "sipd-rollup", "realisasiBulanLalu", 300000, 200000],
      [18, "sipd-rollup", "realisasiSd", 400000, 300000],
      [18, "sipd-rollup", "sisa", 600000, 450000],
      [20, "sipd-kode-unit", undefined, "7.01 7 01 01", "7.01 7 01 00"],
      [20, "sipd-kode-orphan", undefined, undefined, undefined],
    ]);
  });
});
