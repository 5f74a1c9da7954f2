/**
 * A sasaran's pagu and realisasi are the sum of the rows under it by Induk (the formulas of
 * Perjanjian Kinerja and Cost per Outcome and their twins), on the seeds' workbooks: the Camat's first
 * sasaran strategis is funded by five of the six programs and gets their sum, not the unit's total.
 * Values from LibreOffice: test/app/twin-libreoffice.test.ts.
 */
import { readWorkbookModel } from "../../src/app/read-model";
import { PERJANJIAN_KINERJA, TABLE_ROWS } from "../../src/core/layouts";
import type { WorkbookModel } from "../../src/core/model/workbook-model";
import { parseAngka } from "../../src/core/numbers";
import { isBlankish } from "../../src/core/xl";
import { reportRows } from "../../src/core/report/build";
import { catalogue, readFixture } from "../fixtures/load";
import { seedWorkbook, type Seed } from "../support/fixture-workbook";

interface CpoRow {
  line: number | number[];
  level: string;
  no: string;
  sasaran?: string;
  nama?: string;
  anggaran: { pagu_raw: string | null; realisasi_raw: string | null } | null;
}

const money = (raw: string | null | undefined): number => {
  const r = parseAngka(raw ?? "", { kind: "money" });
  if (!r.ok) throw new Error(`not an amount: ${raw}`);
  return r.value;
};

/** E001-07: the Program Penunjang realisasi the catalogue gives (the sum of its two Kasubbag's). */
const penunjangCorrected = (): number => {
  const e = catalogue().find((x) => x.id === "E001-07")!;
  return money(/=\s*([\d.]+)\s*$/.exec(e.expected)![1]!);
};

async function camat(seed: Seed): Promise<{ model: WorkbookModel; rows: { id: string; level: string; kode: string; induk: string; row: number }[] }> {
  const { wb } = await seedWorkbook(seed, "correct");
  const model = await readWorkbookModel(wb);
  const rows = [];
  for (const r of model.table("pk").rows()) {
    if (model.value("pk", r, "jabatan") !== "Camat") continue;
    const text = (k: "id" | "level" | "kode" | "induk") => String(model.value("pk", r, k) ?? "");
    rows.push({ id: text("id"), level: text("level"), kode: text("kode"), induk: text("induk"), row: r });
  }
  return { model, rows };
}

describe.each(["000", "001"] as const)("seed %s: the Camat's sasaran strategis funded by some of the programs", (seed) => {
  it("gets the sum of the programs under it, in PK, Cost per Outcome and the report", async () => {
    const { model, rows } = await camat(seed);
    const strategis = rows.filter((r) => r.level === "Sasaran Strategis");
    expect(strategis.length).toBe(2);
    const [s1, s2] = strategis as [(typeof rows)[number], (typeof rows)[number]];
    expect([s1.kode, s2.kode]).toEqual(["", ""]);
    // the printed program rows of Tabel 2.3; the ones under sasaran 1 are all but Pembinaan Desa
    const programs = readFixture<{ rows: CpoRow[] }>(`cost-per-outcome-${seed}-camat.json`).rows.filter((r) => r.level === "program");
    const under1 = programs.filter((p) => !/pembinaan/i.test(p.nama ?? p.sasaran ?? ""));
    expect(under1.length).toBe(programs.length - 1);
    const realisasi = (p: CpoRow) => (seed === "001" && /penunjang/i.test(p.nama ?? p.sasaran ?? "") ? penunjangCorrected() : money(p.anggaran!.realisasi_raw));
    const pagu1 = under1.reduce((n, p) => n + money(p.anggaran!.pagu_raw), 0);
    const real1 = under1.reduce((n, p) => n + realisasi(p), 0);

    const F = TABLE_ROWS.firstData;
    const cpoRow = (id: string) => [...model.table("cpo").rows()].find((r) => model.value("cpo", r, "id") === id)!;
    expect(rows.filter((r) => r.induk === s1.id).length).toBe(under1.length);
    expect([model.value("pk", s1.row, "anggaran"), model.value("cpo", cpoRow(s1.id), "pagu"), model.value("cpo", cpoRow(s1.id), "realisasiAnggaran")]).toEqual([pagu1, pagu1, real1]);
    expect(model.status("cpo", cpoRow(s1.id), "pagu")).toBe("standard");
    expect(s1.row).toBeGreaterThanOrEqual(F);

    // not the unit's total (every program's): that is both sasaran together
    const programKode = new Set(rows.filter((r) => /^\d+\.\d{2}\.\d{2}$/.test(r.kode)).map((r) => r.kode));
    expect(programKode.size).toBe(programs.length);
    const unit = [...programKode].reduce((n, k) => n + (model.amountFor(k, "setelah") as number), 0);
    expect(pagu1).toBeLessThan(unit);
    expect(pagu1 + (model.value("cpo", cpoRow(s2.id), "pagu") as number)).toBe(unit);

    const tw = model.setting("tw") as number;
    const report = reportRows(model, "Camat", tw).find((r) => r.ind.id === s1.id)!;
    expect([report.pagu, report.realisasiAnggaran]).toEqual([pagu1, real1]);
  });
});

describe("seed 003: a sasaran kegiatan without kode gets its kegiatan's amounts (E003-13's links)", () => {
  it("as Tabel 2.3 prints the kegiatan under it", async () => {
    const { wb } = await seedWorkbook("003", "correct");
    const model = await readWorkbookModel(wb);
    const printed = readFixture<{ rows: CpoRow[] }>("cost-per-outcome-003-kasi-pemerintahan.json").rows;
    const kegiatan = (no: string) => printed.find((r) => r.level === "kegiatan" && r.no.replace(/\.$/, "") === no)!;
    const got: unknown[] = [];
    const want: unknown[] = [];
    for (const r of model.table("pk").rows()) {
      const id = model.value("pk", r, "id");
      if (!isBlankish(model.value("pk", r, "kode")) || isBlankish(model.value("pk", r, "jabatan"))) continue;
      const under = [...model.table("pk").rows()].filter((c) => model.value("pk", c, "induk") === id);
      if (under.length === 0) continue;
      // the kegiatan rows under it, by their printed number (kode 7.01.0x.2.0n is kegiatan n)
      const nos = under.map((c) => String(Number(/\.(\d+)$/.exec(String(model.value("pk", c, "kode")))![1])));
      got.push([id, model.value("pk", r, "anggaran"), model.value("cpo", r, "pagu"), model.value("cpo", r, "realisasiAnggaran")]);
      const pagu = nos.reduce((n, no) => n + money(kegiatan(no).anggaran!.pagu_raw), 0);
      const real = nos.reduce((n, no) => n + money(kegiatan(no).anggaran!.realisasi_raw), 0);
      want.push([id, pagu, pagu, real]);
    }
    expect(got.length).toBeGreaterThanOrEqual(2);
    expect(got).toEqual(want);
    expect(PERJANJIAN_KINERJA.computed.anggaran).toBeDefined();
  });
});
