/**
 * A synthetic SIPD LRA kode-rekening export with the grammar of the real one (SPEC d1–d7): header block,
 * depth-first rows, page breaks with repeated headers, footer. Amounts are random but every identity of
 * d5 holds, so it parses with no error finding. Used by the benchmark and by property tests.
 */
import { formatAngka } from "../numbers";
import { MONTH_NAMES } from "./header";
import { persenOf } from "./amounts";

export interface GenerateLraOptions {
  tahun?: number;
  /** 1–12; default 6 (JUNI) */
  bulan?: number;
  pemda?: string;
  skpd?: string;
  /** data rows per page; a page break (blank, pemda, `Hal : N`, the 3 header rows) follows each page */
  rowsPerPage?: number;
  lineEnding?: "\n" | "\r\n";
}

/** The most rows the kode space of one SKPD comfortably holds with this generator. */
export const MAX_SYNTHETIC_ROWS = 5_000_000;
const MIN_ROWS = 8;

const HEADER_ROWS = [
  "KODE REKENING\tURAIAN\tANGGARAN\t\tREALISASI\t\t\t%\tSISA ANGGARAN",
  "\t\tSEBELUM PERUBAHAN\tSETELAH PERUBAHAN\tBULAN LALU\tBULAN INI\tS/D BULAN INI\t\t",
  "1\t2\t3\t4\t5\t5\t5\t6 = 5/4\t7",
];
const JENIS_NAMES: Record<string, string> = {
  "1 01": "Belanja Pegawai",
  "1 02": "Belanja Barang dan Jasa",
  "2 02": "Belanja Modal Peralatan dan Mesin",
  "2 03": "Belanja Modal Gedung dan Bangunan",
};

/** mulberry32: small, fast, and the same sequence on every platform for a seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Amounts {
  anggaran: number;
  lalu: number;
  ini: number;
}

interface Node {
  program: string;
  sub: string;
  akun: string[];
  uraian: string;
  children: Node[];
  amounts: Amounts;
}

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

export function generateLra(rows: number, seed: number, options: GenerateLraOptions = {}): string {
  if (!Number.isInteger(rows) || rows < MIN_ROWS || rows > MAX_SYNTHETIC_ROWS) {
    throw new RangeError(`generateLra: rows must be an integer in [${MIN_ROWS}, ${MAX_SYNTHETIC_ROWS}], got ${rows}`);
  }
  const random = prng(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));

  const leafAmounts = (): Amounts => {
    if (random() < 0.03) return { anggaran: 0, lalu: 0, ini: 0 };
    const anggaran = int(1, 500_000) * 1000 + (random() < 0.3 ? int(0, 999) : 0);
    const lalu = Math.floor(anggaran * random() * 0.7);
    const ini = random() < 0.4 ? 0 : Math.floor((anggaran - lalu) * random() * 0.5);
    return { anggaran, lalu, ini };
  };
  const node = (program: string, sub: string, akun: string[], uraian: string): Node => ({
    program,
    sub,
    akun,
    uraian,
    children: [],
    amounts: { anggaran: 0, lalu: 0, ini: 0 },
  });

  /** Exactly `size` akun rows (≥ 4) under a sub kegiatan; every leaf is a sub rincian objek. */
  const akunBlock = (parent: Node, kelompok: string, size: number): void => {
    let rest = size;
    let jenisNo = kelompok === "1" ? 0 : 1;
    let jenis: Node | undefined;
    let objek: Node | undefined;
    let rincian: Node | undefined;
    let objekNo = 0;
    let rincianNo = 0;
    let subNo = 0;
    const addSub = (): void => {
      if (!rincian) return;
      subNo = Math.min(subNo + int(1, 30), 9999);
      const akun = [...rincian.akun, pad(subNo, 4)];
      const leaf = node(parent.program, parent.sub, akun, `Belanja Rincian ${akun.slice(2).join(".")}`);
      leaf.amounts = leafAmounts();
      rincian.children.push(leaf);
      rest -= 1;
    };
    const addRincian = (): void => {
      if (!objek) return;
      rincianNo = Math.min(rincianNo + 1, 99);
      subNo = 0;
      rincian = node(parent.program, parent.sub, [...objek.akun, pad(rincianNo, 2)], `Rincian Objek ${objek.akun.slice(2).join(".")}.${pad(rincianNo, 2)}`);
      objek.children.push(rincian);
      rest -= 1;
      addSub();
    };
    const addObjek = (): void => {
      if (!jenis) return;
      objekNo = Math.min(objekNo + 1, 99);
      rincianNo = 0;
      objek = node(parent.program, parent.sub, [...jenis.akun, pad(objekNo, 2)], `Objek Belanja ${jenis.akun[2] ?? ""}.${pad(objekNo, 2)}`);
      jenis.children.push(objek);
      rest -= 1;
      addRincian();
    };
    const addJenis = (): void => {
      jenisNo = Math.min(jenisNo + 1, 99);
      objekNo = 0;
      const code = pad(jenisNo, 2);
      jenis = node(parent.program, parent.sub, ["5", kelompok, code], JENIS_NAMES[`${kelompok} ${code}`] ?? `Belanja Jenis ${kelompok}.${code}`);
      parent.children.push(jenis);
      rest -= 1;
      addObjek();
    };
    addJenis();
    while (rest > 0) {
      const r = random();
      if (rest >= 4 && r < 0.04 && jenisNo < 9) addJenis();
      else if (rest >= 3 && r < 0.2 && objekNo < 99) addObjek();
      else if (rest >= 2 && r < 0.45 && rincianNo < 99) addRincian();
      else addSub();
    }
  };

  /** Program rows of one kelompok with their sub kegiatan, using exactly `budget` rows (0 or ≥ 6). */
  const fillKelompok = (kelompok: Node, k: string, budget: number, programCount: number, subCode: { next: number }): void => {
    const rowsPerProgram = Math.max(6, Math.ceil(budget / programCount));
    let programNo = 0;
    while (budget > 0) {
      programNo += 1;
      const p = pad(Math.min(programNo, 99), 2);
      const program = node(p, "00", ["5", k], `PROGRAM CONTOH ${p}`);
      kelompok.children.push(program);
      budget -= 1;
      // the last program code takes whatever is left, so the kode space never runs out
      let programBudget = programNo >= 99 ? budget : Math.min(budget, Math.max(5, rowsPerProgram - 1 + int(-20, 20)));
      let kegiatanNo = 0;
      let subNo = 0;
      let subsLeftInKegiatan = 0;
      while (programBudget > 0) {
        let size = Math.min(int(5, 30), programBudget);
        let rest = programBudget - size;
        if (rest > 0 && rest < 5) {
          size += rest;
          rest = 0;
        }
        if (subsLeftInKegiatan === 0 && kegiatanNo < 99) {
          kegiatanNo += 1;
          subNo = subCode.next;
          subsLeftInKegiatan = int(1, 6);
        }
        subsLeftInKegiatan = Math.max(0, subsLeftInKegiatan - 1);
        subNo += int(1, 3);
        const kegiatan = `2.${pad(kegiatanNo, 2)}`;
        const subKegiatan = `${kegiatan}.${pad(Math.min(subNo, 9999), 4)}`;
        const sub = node(p, subKegiatan, ["5", k], `Sub Kegiatan Contoh ${subKegiatan}`);
        program.children.push(sub);
        akunBlock(sub, k, size - 1);
        budget -= size;
        programBudget = rest;
      }
      // a program must leave 0 or at least 6 rows for the next one
      if (budget > 0 && budget < 6) {
        const last = program.children[program.children.length - 1];
        if (last) akunBlockExtend(last, budget);
        budget = 0;
      }
    }
  };

  /** Adds `extra` sub rincian objek rows under the last rincian objek of a sub kegiatan. */
  const akunBlockExtend = (sub: Node, extra: number): void => {
    let rincian: Node | undefined = sub;
    while (rincian && rincian.akun.length < 5) rincian = rincian.children[rincian.children.length - 1];
    if (!rincian) return;
    let last = Number(rincian.children[rincian.children.length - 1]?.akun[5] ?? "0");
    for (let i = 0; i < extra; i++) {
      last = Math.min(last + 1, 9999);
      const leaf = node(sub.program, sub.sub, [...rincian.akun, pad(last, 4)], `Belanja Rincian Tambahan ${i + 1}`);
      leaf.amounts = leafAmounts();
      rincian.children.push(leaf);
    }
  };

  const root = node("00", "00", ["5"], "BELANJA DAERAH");
  const twoKelompok = rows >= 40;
  const modalBudget = twoKelompok ? Math.max(6, Math.floor(rows * 0.08)) : 0;
  const operasiBudget = rows - 1 - (twoKelompok ? 2 : 1) - modalBudget;
  const programCount = Math.min(99, Math.max(1, Math.round(rows / 1500)));
  const subCode = { next: 0 };
  const operasi = node("00", "00", ["5", "1"], "BELANJA OPERASI");
  root.children.push(operasi);
  fillKelompok(operasi, "1", operasiBudget, programCount, subCode);
  if (twoKelompok) {
    const modal = node("00", "00", ["5", "2"], "BELANJA MODAL");
    root.children.push(modal);
    // Belanja Modal uses sub kegiatan codes of its own, as in the real export (2.07.0006, 2.09.0009)
    subCode.next = 5000;
    fillKelompok(modal, "2", modalBudget, 1, subCode);
  }

  const sum = (n: Node): Amounts => {
    if (n.children.length === 0) return n.amounts;
    const total: Amounts = { anggaran: 0, lalu: 0, ini: 0 };
    for (const c of n.children) {
      const a = sum(c);
      total.anggaran += a.anggaran;
      total.lalu += a.lalu;
      total.ini += a.ini;
    }
    n.amounts = total;
    return total;
  };
  const totals = sum(root);

  const o = options;
  const eol = o.lineEnding ?? "\n";
  const month = MONTH_NAMES[Math.min(12, Math.max(1, o.bulan ?? 6)) - 1]?.toUpperCase() ?? "JUNI";
  const pemda = o.pemda ?? "PEMERINTAH KABUPATEN CONTOH";
  const skpd = o.skpd ?? "KECAMATAN CONTOH";
  const perPage = Math.max(1, o.rowsPerPage ?? 38);
  const out: string[] = [
    pemda,
    "LAPORAN REALISASI ANGGARAN PENDAPATAN DAN BELANJA DAERAH",
    `TAHUN ANGGARAN ${o.tahun ?? 2024}`,
    `BAGIAN BULAN ${month}`,
    "",
    `URUSAN PEMERINTAHAN : 7.01 KECAMATAN : ${skpd}`,
    "ORGANISASI : 7.01.0.00.0.00.01.0000",
    "",
    ...HEADER_ROWS,
  ];

  const moneyText = (v: number): string => formatAngka(v, "money", { negative: "parentheses" });
  const persenText = (sd: number, anggaran: number): string =>
    formatAngka(persenOf(sd, anggaran) ?? 0, "ratio", { decimals: 2 });
  let emitted = 0;
  let page = 0;
  const emit = (n: Node): void => {
    const { anggaran, lalu, ini } = n.amounts;
    const sd = lalu + ini;
    const kode = `7 01 7 01 00 ${n.program} ${n.sub} ${n.akun.join(" ")}`;
    const m = moneyText(anggaran);
    out.push([kode, n.uraian, m, m, moneyText(lalu), moneyText(ini), moneyText(sd), persenText(sd, anggaran), moneyText(anggaran - sd)].join("\t"));
    emitted += 1;
    if (emitted % perPage === 0 && emitted < rows) {
      page += 1;
      // pages are numbered from the second one, as SIPD does
      out.push("", pemda, "", `Hal : ${page}`, "", ...HEADER_ROWS);
    }
  };
  // depth-first: each row before its children, as SIPD prints
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const n = stack.pop();
    if (!n) break;
    emit(n);
    for (let i = n.children.length - 1; i >= 0; i--) {
      const c = n.children[i];
      if (c) stack.push(c);
    }
  }

  const sd = totals.lalu + totals.ini;
  const plain = (v: number): string => `${v < 0 ? "-" : ""}${Math.abs(v)},00`;
  const persen = persenText(sd, totals.anggaran);
  out.push(["", "Jumlah Belanja", "", "", plain(totals.lalu), plain(totals.ini), plain(sd), persen, ""].join("\t"));
  out.push(["", "Surplus / Defisit", plain(-totals.anggaran), plain(-totals.anggaran), plain(-totals.lalu), plain(-totals.ini), plain(-sd), persen, ""].join("\t"));
  return out.join(eol) + eol;
}
