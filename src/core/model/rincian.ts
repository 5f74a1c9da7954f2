/**
 * The "Rincian SIPD" sheet read back: the kode rekening rows of the last import, where they stand.
 * Periksa checks them again with the SIPD parser itself (one set of identities for the paste and the
 * workbook): the rows are read as the LRA text whose line n is sheet row n, so every finding lands on its cell.
 */
import type { Address } from "../address";
import { RINCIAN_COLUMNS, RINCIAN_ROWS, RINCIAN_SHEET, parseRincianTitle, rincianCol } from "../layouts/rincian";
import type { ExistingSheet } from "../layouts/plan";
import { monthOf, type LraMonth, type LraParseResult } from "../sipd";
import { parseLraCells } from "../sipd/cells-parse";
import type { LraColumn } from "../sipd/types";
import type { CellSnapshot } from "../workbook-ops";
import { EMPTY_CELL } from "./cell";

/** The nine LRA fields, by the Rincian column that holds each. */
const FIELD_COLUMNS = ["kode", "uraian", "anggaranSebelum", "anggaranSetelah", "realisasiBulanLalu", "realisasiBulanIni", "realisasiSd", "persen", "sisa"] as const;

export interface RincianMeta {
  skpd: string | null;
  bulan: LraMonth | null;
  tahun: number | null;
  organisasi: string | null;
}

export class RincianModel {
  static readonly SHEET = RINCIAN_SHEET;
  readonly sheet: string;
  readonly meta: RincianMeta;
  readonly firstRow = RINCIAN_ROWS.firstData;
  readonly endRow: number;
  private parsed: LraParseResult | null = null;

  constructor(private readonly data: ExistingSheet) {
    this.sheet = data.name;
    this.endRow = Math.max(this.firstRow, data.cells.length);
    const title = parseRincianTitle(this.snap(RINCIAN_ROWS.title, 0).value);
    const note = this.snap(RINCIAN_ROWS.note, 0).value;
    const organisasi = typeof note === "string" ? /^Organisasi\s+([\d.]+)/i.exec(note)?.[1] ?? null : null;
    this.meta = {
      skpd: title?.skpd || null,
      bulan: title ? monthOf(title.bulan) : null,
      tahun: title?.tahun ?? null,
      organisasi,
    };
  }

  snap(row: number, col: number): CellSnapshot {
    return this.data.cells[row]?.[col] ?? EMPTY_CELL;
  }

  /** Rows holding a kode rekening. */
  rowCount(): number {
    let n = 0;
    const k = rincianCol("kode");
    for (let r = this.firstRow; r < this.endRow; r++) if (this.snap(r, k).value !== null && this.snap(r, k).value !== "") n++;
    return n;
  }

  /** The cell of an LRA field (or the kode cell) on a sheet row. */
  at(row: number, column: LraColumn | "kode" | "fields" | "uraian" | undefined): Address {
    const key = column === undefined || column === "fields" ? "kode" : column;
    return { sheet: this.sheet, row, col: rincianCol(key) };
  }

  /**
   * The sheet as the rows of an LRA paste, the nine fields in the sheet's own columns: header lines
   * from its title (at the kode's column), then the sheet's rows themselves, not copied.
   */
  private lraRows(): { rows: (readonly (CellSnapshot | undefined)[])[]; fields: number[] } {
    const fields = FIELD_COLUMNS.map((key) => RINCIAN_COLUMNS.findIndex((x) => x.key === key));
    const line = (value: string): CellSnapshot[] => {
      const row: CellSnapshot[] = [];
      row[fields[0]!] = { value, formula: null, numberFormat: "@" };
      return row;
    };
    const m = this.meta;
    const rows: (readonly (CellSnapshot | undefined)[])[] = [
      line(`TAHUN ANGGARAN ${m.tahun ?? ""} BAGIAN BULAN ${m.bulan?.name ?? ""}`),
      m.organisasi ? line(`ORGANISASI : ${m.organisasi}`) : [],
      // the header row: recognised as the column header and skipped
      line("KODE REKENING"),
    ];
    const cells = this.data.cells;
    for (let r = this.firstRow; r < this.endRow; r++) rows.push(cells[r] ?? []);
    return { rows, fields };
  }

  /** The parser's reading of the sheet (memoised): rows, derived totals and findings by line = row + 1. */
  parse(): LraParseResult {
    // read from the cells as the parser reads their text (cells-parse.ts), without writing 100k rows out as text
    if (!this.parsed) {
      const { rows, fields } = this.lraRows();
      this.parsed = parseLraCells(rows, { fields });
    }
    return this.parsed;
  }
}
