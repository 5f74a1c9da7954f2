/**
 * The real SIPD LRA of Kecamatan Lumajang, TW II 2024 (seed 002 lines 557–870), against the parse
 * recomputed independently in Python (expected-002-kode-rekening.json).
 */
import { findingMessage } from "../../../src/core/findings";
import { parseLra, type LraColumn, type LraFinding, type LraParseSuccess, type LraRow } from "../../../src/core/sipd";
import { expected002, fixtureText, parsedOk, tsvLine, type ExpectedRow } from "./helpers";

const expected = expected002();
const text = fixtureText();
const result = parsedOk(parseLra(text));
const literal = parsedOk(parseLra(text, { rollupReading: "literal" }));

const rowAt = (r: LraParseSuccess, line: number): LraRow => {
  const row = r.rows.find((x) => x.line === line);
  if (!row) throw new Error(`no row at line ${line}`);
  return row;
};
const at = (r: LraParseSuccess, line: number): LraFinding[] => r.findings.filter((f) => f.at.line === line);

/** The JSON's level names; ours call the malformed level just `malformed`. */
const level = (l: string): string => (l === "akun_malformed" ? "malformed" : l);

const COLUMN: Record<string, LraColumn> = {
  anggaran_sebelum: "anggaranSebelum",
  anggaran_setelah: "anggaranSetelah",
  realisasi_bulan_lalu: "realisasiBulanLalu",
  realisasi_bulan_ini: "realisasiBulanIni",
  realisasi_sd_bulan_ini: "realisasiSd",
  sisa_stated: "sisa",
};

describe("SIPD LRA 002 (Kecamatan Lumajang, Juni 2024)", () => {
  it("reads the header: pemda, tahun, bulan → triwulan, urusan, SKPD, organisasi, with the ** markup stripped", () => {
    const h = expected.header;
    expect(result.meta).toEqual({
      pemda: h.pemda,
      judul: h.judul,
      tahunAnggaran: h.tahun_anggaran,
      bulan: { name: h.bagian_bulan, number: 6, triwulan: 2, quarterEnd: true },
      urusan: h.urusan_pemerintahan,
      urusanNama: "KECAMATAN",
      skpd: h.skpd,
      organisasi: h.organisasi,
    });
  });

  it("finds 241 data rows with the expected count per level", () => {
    expect(result.rows).toHaveLength(expected.data_row_count);
    const counts: Record<string, number> = {};
    for (const r of result.rows) counts[r.level] = (counts[r.level] ?? 0) + 1;
    const want: Record<string, number> = {};
    for (const [k, v] of Object.entries(expected.counts)) want[level(k)] = v;
    expect(counts).toEqual(want);
    expect(result.rows.filter((r) => r.level === "program")).toHaveLength(7);
    expect(result.rows.filter((r) => r.level === "sub_kegiatan")).toHaveLength(29);
    expect(result.rows.filter((r) => r.level.startsWith("akun_") || r.level === "malformed")).toHaveLength(202);
  });

  const allExpected: ExpectedRow[] = [...expected.skpd_totals, ...expected.programs, ...expected.sub_kegiatan, ...expected.akun_rows];

  it("covers every expected row exactly once, in the same lines", () => {
    expect(allExpected).toHaveLength(241);
    expect(allExpected.map((e) => e.tsv_line).sort((a, b) => a - b)).toEqual(result.rows.map((r) => r.line));
    for (const e of allExpected) expect(e.tsv_line).toBe(tsvLine(e.seed_line));
  });

  it.each(allExpected.map((e) => [e.tsv_line, e.kode, e] as const))("line %i %s: kode, level, keys, amounts, persen and sisa", (line, _kode, e) => {
    const row = rowAt(result, line);
    expect({
      kode: row.kode,
      uraian: row.uraian,
      level: row.level,
      program: row.program,
      kegiatan: row.kegiatan,
      subKegiatan: row.subKegiatan,
      kelompok: row.kelompok,
      anggaranSebelum: row.stated.anggaranSebelum,
      anggaranSetelah: row.stated.anggaranSetelah,
      realisasiBulanLalu: row.stated.realisasiBulanLalu,
      realisasiBulanIni: row.stated.realisasiBulanIni,
      realisasiSd: row.stated.realisasiSd,
      persenStated: row.stated.persen,
      persenRecomputed: row.recomputed.persen,
      sisaStated: row.stated.sisa,
      sisaRecomputed: row.recomputed.sisa,
    }).toEqual({
      kode: e.kode,
      uraian: e.uraian,
      level: level(e.level),
      program: e.program,
      kegiatan: e.kegiatan,
      subKegiatan: e.sub_kegiatan,
      kelompok: e.kelompok_belanja,
      anggaranSebelum: e.anggaran_sebelum_perubahan,
      anggaranSetelah: e.anggaran_setelah_perubahan,
      realisasiBulanLalu: e.realisasi_bulan_lalu,
      realisasiBulanIni: e.realisasi_bulan_ini,
      realisasiSd: e.realisasi_sd_bulan_ini,
      persenStated: e.persen_stated,
      persenRecomputed: e.persen_recomputed_2dp,
      sisaStated: e.sisa_anggaran_stated,
      sisaRecomputed: e.sisa_anggaran_recomputed,
    });
    if (e.akun !== undefined) expect(row.akun).toBe(e.akun);
    expect(row.fields.join("\t")).toBe(text.split("\n")[line - 1]);
  });

  it("gives the standard notation of program, kegiatan and sub kegiatan", () => {
    expect(rowAt(result, 15).notation).toEqual({ program: "7.01.01", kegiatan: "7.01.01.2.01", subKegiatan: "7.01.01.2.01.0001" });
    expect(rowAt(result, 14).notation).toEqual({ program: "7.01.01", kegiatan: null, subKegiatan: null });
    expect(rowAt(result, 12).notation).toEqual({ program: null, kegiatan: null, subKegiatan: null });
    expect(result.subKegiatan.map((s) => s.notation)).toContain("7.01.06.2.01.0008");
  });

  it("totals each program over Belanja Operasi and Belanja Modal (Penunjang 7.004.265.783 + 84.737.950)", () => {
    expect(
      result.programs.map((p) => ({
        program: p.program,
        uraian: p.uraian,
        kelompok: p.kelompok,
        anggaran_setelah_perubahan: p.totals.anggaranSetelah,
        realisasi_sd_bulan_ini: p.totals.realisasiSd,
        sisa_anggaran: p.totals.sisa,
        persen_recomputed_2dp: p.totals.persen,
      })),
    ).toEqual(expected.program_totals_all_kelompok);
    expect(result.programs[0]?.totals.anggaranSetelah).toBe(7089003733);
    expect(result.programs[0]?.lines).toEqual([14, 291]);
  });

  it("derives the 13 kegiatan keyed by (program, K.KK), summing their sub kegiatan", () => {
    expect(
      result.kegiatan.map((k) => ({
        program: k.program,
        kegiatan: k.kegiatan,
        sub_kegiatan: k.subKegiatan,
        anggaran_sebelum_perubahan: k.totals.anggaranSebelum,
        anggaran_setelah_perubahan: k.totals.anggaranSetelah,
        realisasi_bulan_lalu: k.totals.realisasiBulanLalu,
        realisasi_bulan_ini: k.totals.realisasiBulanIni,
        realisasi_sd_bulan_ini: k.totals.realisasiSd,
        persen_recomputed_2dp: k.totals.persen,
        sisa_anggaran: k.totals.sisa,
      })),
    ).toEqual(
      // the JSON names each sub kegiatan with its kelompok ("2.09.0009 5 2"); ours are codes
      expected.kegiatan_derived.map((k) => ({ ...k, sub_kegiatan: k.sub_kegiatan.map((s) => s.split(" ")[0]) })),
    );
    // 2.01 exists under all six programs: six kegiatan, not one
    expect(result.kegiatan.filter((k) => k.kegiatan === "2.01").map((k) => k.notation)).toEqual([
      "7.01.01.2.01",
      "7.01.02.2.01",
      "7.01.03.2.01",
      "7.01.04.2.01",
      "7.01.05.2.01",
      "7.01.06.2.01",
    ]);
  });

  it("lists the 29 sub kegiatan with their totals, in code order", () => {
    const byCode = [...expected.sub_kegiatan].sort((a, b) => `${a.program}|${a.sub_kegiatan}`.localeCompare(`${b.program}|${b.sub_kegiatan}`));
    expect(result.subKegiatan.map((s) => [s.lines, s.program, s.subKegiatan, s.kelompok, s.totals.anggaranSetelah, s.totals.realisasiSd])).toEqual(
      byCode.map((e) => [[e.tsv_line], e.program, e.sub_kegiatan, [e.kelompok_belanja], e.anggaran_setelah_perubahan, e.realisasi_sd_bulan_ini]),
    );
  });

  it("reads the footer: empty anggaran cells, unformatted amounts, leading-minus negatives", () => {
    const num = (s: string | null): number | null => (s === null ? null : Number(s));
    expect(
      result.footer.map((f) => ({
        line: f.line,
        uraian: f.uraian,
        raw: f.fields.join("\t"),
        stated: [f.stated.anggaranSebelum, f.stated.anggaranSetelah, f.stated.realisasiBulanLalu, f.stated.realisasiBulanIni, f.stated.realisasiSd, f.stated.persen],
      })),
    ).toEqual(
      expected.footer_rows.map((f) => ({
        line: tsvLine(f.line),
        uraian: f.uraian,
        raw: f.raw,
        stated: [f.anggaran_sebelum, f.anggaran_setelah, f.realisasi_bulan_lalu, f.realisasi_bulan_ini, f.realisasi_sd_bulan_ini, f.persen].map(num),
      })),
    );
    expect(result.footer.map((f) => f.kind)).toEqual(["jumlah_belanja", "surplus_defisit"]);
  });

  it("skips exactly the page artefacts, keeping their lines and text", () => {
    expect(result.skipped.map((s) => ({ line: s.line, text: s.text }))).toEqual(
      expected.page_artefacts.map((a) => ({ line: tsvLine(a.line), text: a.text })),
    );
    expect(result.lineCount).toBe(314);
    expect(result.blankLines + result.skipped.length + result.rows.length + result.footer.length).toBe(314);
  });

  it("reports exactly the anomalies of the export, and no error", () => {
    expect(result.findings.map((f) => [f.at.line, f.rule, f.severity, f.code])).toEqual([
      [30, "R-SUM-01", "info", "sipd-rollup-literal-only"],
      [31, "R-SUM-01", "info", "sipd-rollup-literal-only"],
      [33, "R-KODE-01", "warning", "sipd-kode-repaired"],
      [34, "R-KODE-01", "warning", "sipd-kode-repaired"],
      [35, "R-KODE-01", "warning", "sipd-kode-repaired"],
      [36, "R-KODE-01", "warning", "sipd-kode-repaired"],
      [37, "R-KODE-01", "warning", "sipd-kode-repaired"],
      [49, "R-SISA-01", "warning", "sipd-sisa-negative"],
      [49, "R-PEN-02", "warning", "sipd-realisasi-over"],
      [49, "R-NUM-02", "info", "sipd-persen-precision"],
      [50, "R-SISA-01", "warning", "sipd-sisa-negative"],
      [50, "R-PEN-02", "warning", "sipd-realisasi-over"],
      [50, "R-NUM-02", "info", "sipd-persen-precision"],
    ]);
  });

  describe("every entry of anomalies_summary", () => {
    const lines = (seed: number | number[] | string): number[] =>
      typeof seed === "number" ? [tsvLine(seed)] : Array.isArray(seed) ? seed.map(tsvLine) : [tsvLine(Number.parseInt(seed, 10))];
    const clean = (line: number): void => {
      const row = rowAt(result, line);
      expect(row.level).not.toBe("malformed");
      expect(at(result, line)).toEqual([]);
    };

    /** Which anomaly is meant, by the words of its note; an unknown note fails the test. */
    const checks: Array<[RegExp, (lines: number[]) => void]> = [
      [
        /^malformed akun code/,
        ([line = 0]) => {
          const row = rowAt(result, line);
          expect(row.level).toBe("malformed");
          const kode = at(result, line).find((f) => f.rule === "R-KODE-01");
          expect(kode).toMatchObject({ severity: "warning", stated: row.kode, expected: row.repaired?.kode });
          // 5 1 01 01 01 02 → 5 1 01 01 02: a rincian objek beside 5 1 01 01 01; its child repaired alike
          expect(row.repaired?.akun).toBe(row.akun.replace("01 01 01", "01 01"));
          expect(row.repaired?.level).toBe("akun_rincian_objek");
          const child = result.rows[result.rows.indexOf(row) + 1];
          if (!child) throw new Error("no child row");
          if (child.level === "malformed") expect(child.repaired?.level).toBe("akun_sub_rincian_objek");
          else expect(child.kode).toBe(`${row.repaired?.kode} 0001`);
        },
      ],
      [
        /^realisasi s\/d 20\.207\.949 > anggaran|^same as 605/,
        ([line = 0]) => {
          const f = at(result, line);
          expect(f.find((x) => x.rule === "R-PEN-02")).toMatchObject({ severity: "warning", stated: 20207949, expected: 1268992 });
          expect(f.find((x) => x.rule === "R-SISA-01")).toMatchObject({ severity: "warning", stated: -18938957 });
          expect(f.find((x) => x.rule === "R-NUM-02")).toMatchObject({ at: { column: "persen" }, stated: "1.592,4", expected: 1592.44 });
          expect(rowAt(result, line).stated.persen).toBe(1592.4);
          expect(rowAt(result, line).persenDecimals).toBe(1);
        },
      ],
      [
        /^uraian starts with 'Bermotor Perorangan'/,
        ([line = 0]) => {
          clean(line);
          expect(rowAt(result, line).uraian).toMatch(/^Bermotor Perorangan Belanja Pemeliharaan/);
          expect(rowAt(result, line).level).toBe("akun_sub_rincian_objek");
        },
      ],
      [
        /^footer 'Jumlah Belanja'/,
        ([line = 0]) => {
          const f = result.footer.find((x) => x.line === line);
          expect(f?.stated).toMatchObject({ anggaranSebelum: null, anggaranSetelah: null, realisasiSd: 3844101645 });
          expect(f?.stated.realisasiSd).toBe(rowAt(result, 12).stated.realisasiSd);
          expect(at(result, line)).toEqual([]);
        },
      ],
      [
        /^footer 'Surplus \/ Defisit'/,
        ([line = 0]) => {
          const f = result.footer.find((x) => x.line === line);
          expect(f?.stated).toMatchObject({ anggaranSetelah: -7229814333, realisasiSd: -3844101645, persen: 53.17 });
          expect(at(result, line)).toEqual([]);
        },
      ],
      [
        /^page markers/,
        (markers) => {
          expect(result.skipped.filter((s) => s.kind === "page-number").map((s) => s.line)).toEqual(markers);
          // the page break at 677-680 has only a blank and the header rows: still skipped, data on both sides kept
          expect(result.skipped.filter((s) => s.line >= tsvLine(677) && s.line <= tsvLine(680)).map((s) => s.kind)).toEqual(["column-header", "column-header", "column-header"]);
          expect(rowAt(result, tsvLine(676)).level).not.toBe("malformed");
          expect(rowAt(result, tsvLine(681)).level).not.toBe("malformed");
        },
      ],
      [
        /^column-number row/,
        () => {
          const numberRows = result.skipped.filter((s) => s.text.startsWith("1\t2\t3\t4\t5\t5\t5"));
          expect(numberRows).toHaveLength(9);
          for (const s of numberRows) expect(s.kind).toBe("column-header");
        },
      ],
      [/^typo 'Belana Perjalanan Dinas'/, (ls) => ls.forEach((l) => (clean(l), expect(rowAt(result, l).uraian).toContain("Belana Perjalanan Dinas")))],
      [/^OCR 'Belanja luran'/, (ls) => ls.forEach((l) => (clean(l), expect(rowAt(result, l).uraian).toContain("Belanja luran")))],
      [/^broken word 'Kaw at'/, (ls) => ls.forEach((l) => (clean(l), expect(rowAt(result, l).uraian).toContain("Kaw at")))],
      [/^'Penanggungjawab aban' garbled/, (ls) => ls.forEach((l) => (clean(l), expect(rowAt(result, l).uraian).toContain("aban")))],
      [/^'Sewa a Alat' doubled letter/, (ls) => ls.forEach((l) => (clean(l), expect(rowAt(result, l).uraian).toContain("Sewa a Alat")))],
    ];

    it.each(expected.anomalies_summary.map((a) => [String(a.seed_line), a] as const))("seed line %s", (_, anomaly) => {
      const handlers = checks.filter(([re]) => re.test(anomaly.issue));
      expect(handlers.map(([re]) => re.source)).toHaveLength(1);
      handlers[0]?.[1](lines(anomaly.seed_line));
    });
  });

  describe("roll-ups under literal codes (rollup_mismatches_literal_codes)", () => {
    const want = expected.rollup_mismatches_literal_codes.map((m) => ({
      line: tsvLine(m.parent_line),
      kode: m.parent_kode,
      column: COLUMN[m.column],
      stated: Number(m.stated),
      expected: Number(m.sum_children),
      relatedLines: m.children_lines.map(tsvLine),
    }));

    it("read literally, lines 586 and 587 fail in all six money columns, and nothing else fails", () => {
      expect(want).toHaveLength(12);
      const got = literal.findings
        .filter((f) => f.severity === "error")
        .map((f) => ({ line: f.at.line, kode: f.at.kode, column: f.at.column, stated: f.stated, expected: f.expected, relatedLines: f.related?.map((l) => (l.kind === "line" ? l.line : -1)) }));
      expect(got).toEqual(want);
      for (const f of literal.findings.filter((x) => x.severity === "error")) expect(f).toMatchObject({ rule: "R-SUM-01", code: "sipd-rollup" });
      // 602 ('5 1 01 01 05 0001') has no parent while 593 is read literally
      expect(at(literal, tsvLine(602)).map((f) => f.code)).toEqual(["sipd-kode-orphan"]);
    });

    it("read with the repaired codes, every roll-up holds; the literal breaks are kept as info", () => {
      expect(result.findings.filter((f) => f.rule === "R-SUM-01" && f.severity !== "info")).toEqual([]);
      const infos = result.findings.filter((f) => f.code === "sipd-rollup-literal-only");
      expect(infos.map((f) => ({ line: f.at.line, relatedLines: f.related?.map((l) => (l.kind === "line" ? l.line : -1)) }))).toEqual([
        { line: 30, relatedLines: want[0]?.relatedLines },
        { line: 31, relatedLines: want[6]?.relatedLines },
      ]);
      expect(findingMessage(infos[0]!)).toContain("4.241.037.265,00");
    });
  });

  it("flags every row of a second copy as a duplicate and sums nothing twice (malformed codes included)", () => {
    const twice = parsedOk(parseLra(`${text}${text}`));
    expect(twice.rows).toHaveLength(482);
    expect(twice.findings.filter((f) => f.severity === "error")).toEqual([]);
    const duplicates = twice.findings.filter((f) => f.code === "sipd-kode-duplicate");
    expect(duplicates).toHaveLength(241);
    expect(duplicates[0]).toMatchObject({ at: { line: 314 + 12 }, related: [{ kind: "line", line: 12 }] });
    expect(twice.programs).toEqual(result.programs);
    expect(twice.kegiatan).toEqual(result.kegiatan);
  });

  it("writes Indonesian messages with Indonesian numbers", () => {
    const over = at(result, 49).find((f) => f.rule === "R-PEN-02");
    expect(findingMessage(over!)).toBe(
      "Realisasi s/d bulan ini 20.207.949,00 melebihi anggaran setelah perubahan 1.268.992,00 (penyerapan 1592,44%).",
    );
    const kode = at(result, 33)[0];
    expect(findingMessage(kode!)).toContain("dibaca sebagai 7 01 7 01 00 01 2.02.0001 5 1 01 01 02");
  });
});
