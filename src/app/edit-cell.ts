/**
 * Use-case "correct a cell" of the no-Excel grid: a user who read a finding types the right value
 * into an input (white) cell of a standard sheet, as in Excel with an Indonesian locale. Not a
 * spreadsheet: only the input cells of the standard sheets, no formula typed by the user (text that
 * starts with "=" stays text, and a number column refuses it), no rows or columns added. One cell per
 * write, all or nothing through the port; computed cells follow through the read model's twins.
 */
import { addressText, parseSheetRef } from "../core/address";
import { FORM_FIRST_FIELD_ROW, PENGATURAN, TABLE_LAYOUTS, TABLE_ROWS, type FormatId } from "../core/layouts";
import { isPercentFormat } from "../core/model/cell";
import { formatAngka, parseAngka } from "../core/numbers";
import type { Address, CellContent, CellSnapshot, ValidationRule, WorkbookOp, WorkbookPort } from "../workbook/port";

/** What an input cell takes: the column's format, its validation, its name for messages. */
export interface InputSpec {
  format: FormatId;
  validation?: ValidationRule | undefined;
  /** "Target Awal", "Tahun anggaran" */
  label: string;
}

export type EditResult =
  | { ok: true; content: CellContent; numberFormat: string }
  | { ok: false; message: string };

/**
 * The input cells of the standard sheets: the data rows of the table sheets' input and key columns,
 * and the settings of Pengaturan that are not computed. Null for any other cell.
 */
export function inputSpecAt(sheet: string, row: number, col: number): InputSpec | null {
  const name = sheet.toLowerCase();
  for (const layout of Object.values(TABLE_LAYOUTS)) {
    if (layout.sheet.toLowerCase() !== name) continue;
    const c = layout.columns[col];
    if (row < TABLE_ROWS.firstData || !c || c.role === "computed") return null;
    return { format: c.format, validation: c.validation, label: c.group ? `${c.group} ${c.header}` : c.header };
  }
  if (name === PENGATURAN.sheet.toLowerCase() && col === 1) {
    const f = PENGATURAN.fields[row - FORM_FIRST_FIELD_ROW];
    if (f && !f.formula) return { format: f.format, validation: f.validation, label: f.label };
  }
  return null;
}

const NUMBER_HINT = "Ketik angka seperti 82,9, 1.500.000 atau 93,75%.";

/**
 * What a typed text stores in a cell of this spec and number format, read as Excel in id-ID reads it:
 * a decimal comma, dots grouping thousands, a typed percent stored as its fraction under a percent
 * format (93,75% → 0,9375), and in a percent-formatted cell Excel's automatic percent entry (10 and
 * 0,1 both mean 10%). Blank clears the cell. `choices`: a list validation's items when its source is a
 * range (read by `editCell`).
 */
export function readEntry(text: string, spec: InputSpec, numberFormat: string, choices?: readonly string[]): EditResult {
  const t = text.trim();
  if (t === "") return { ok: true, content: null, numberFormat };
  if (spec.format === "text") {
    const listed = checkList(t, spec, choices);
    return typeof listed === "string" ? { ok: true, content: listed, numberFormat } : listed;
  }
  if (t.startsWith("=")) {
    return { ok: false, message: `Rumus tidak dapat diketik di sini: ${spec.label} berisi angka. Ketik nilainya saja; ${NUMBER_HINT}` };
  }
  const money = spec.format === "money";
  // in id-ID a lone comma is the decimal separator (1,5) and dots group thousands (1.500)
  const kind = money ? "money" : t.includes(",") && !t.includes(".") ? "ratio" : "count";
  const r = parseAngka(t, { kind });
  if (!r.ok) {
    if (r.reason === "dash") return { ok: false, message: `Tanda "${t}" bukan angka; kosongkan sel bila belum ada nilainya.` };
    return { ok: false, message: `"${t}" bukan angka. ${NUMBER_HINT}` };
  }
  if (r.style === "en" || r.notes.some((n) => n.code === "hybrid-separators")) {
    return { ok: false, message: `"${t}" tidak ditulis seperti angka Indonesia: pakai koma untuk desimal dan titik untuk ribuan, mis. 1.500.000 atau 82,9.` };
  }
  if (r.unit !== null) {
    return { ok: false, message: `Ketik angkanya saja (${formatAngka(r.value, "ratio")}); satuan "${r.unit}" ditulis di kolom Satuan.` };
  }
  let value = r.value;
  let format = numberFormat;
  if (r.percent) {
    if (money) return { ok: false, message: `${spec.label} berisi rupiah, bukan persen. Ketik jumlah rupiahnya, mis. 1.500.000.` };
    value = over100(r.value);
    if (!isPercentFormat(format)) format = r.decimals > 0 ? "0.00%" : "0%";
  } else if (isPercentFormat(format) && Math.abs(value) >= 1) {
    value = over100(value);
  }
  const v = spec.validation;
  if (v?.type === "decimal" && ((v.min !== undefined && value < v.min) || (v.max !== undefined && value > v.max))) {
    return { ok: false, message: v.message ?? `${spec.label} di luar batas.` };
  }
  return { ok: true, content: value, numberFormat: format };
}

/** The typed text under a list validation: its item as the list writes it, or why it is refused. */
function checkList(t: string, spec: InputSpec, choices: readonly string[] | undefined): string | { ok: false; message: string } {
  const v = spec.validation;
  if (v?.type !== "list") return t;
  const items = Array.isArray(v.source) ? (v.source as readonly string[]) : choices;
  // a list whose range could not be read is not checked: Excel would, and Periksa still does
  if (!items) return t;
  const hit = items.find((x) => x.toLowerCase() === t.toLowerCase());
  if (hit !== undefined) return hit;
  const shown = items.slice(0, 8).join(", ") + (items.length > 8 ? ", …" : "");
  return { ok: false, message: `${v.message ?? `${spec.label} harus salah satu pilihan.`} Pilihan: ${shown}.` };
}

/** x / 100 shifted in decimal: 93.75 gives 0.9375 exactly as typed. */
function over100(x: number): number {
  const t = String(x);
  return t.includes("e") ? x / 100 : Number(`${t}e-2`);
}

/** Writes a typed text into an input cell; refused (nothing written) with the reason otherwise. */
export async function editCell(port: WorkbookPort, at: Address, text: string): Promise<EditResult> {
  const where = addressText(at);
  const spec = inputSpecAt(at.sheet, at.row, at.col);
  if (!spec) {
    return { ok: false, message: `Sel ${where} tidak dapat diketik di sini: hanya sel isian (putih) lembar standar yang dapat diubah; sel abu-abu dihitung rumus.` };
  }
  const range = { sheet: at.sheet, row: at.row, col: at.col, rows: 1, cols: 1 };
  const [block] = await port.read([range]);
  const cell: CellSnapshot = block?.[0]?.[0] ?? { value: null, formula: null, numberFormat: "General" };
  if (cell.formula !== null) return { ok: false, message: `Sel ${where} berisi rumus ketikan sendiri; ubah di Excel atau LibreOffice.` };
  const v = spec.validation;
  const choices = v?.type === "list" && !Array.isArray(v.source) ? await listItems(port, (v.source as { formula: string }).formula) : undefined;
  const r = readEntry(text, spec, cell.numberFormat, choices);
  if (!r.ok || (r.content === cell.value && r.numberFormat === cell.numberFormat)) return r;
  const ops: WorkbookOp[] = [];
  if (r.numberFormat !== cell.numberFormat) ops.push({ type: "format", range, numberFormat: r.numberFormat });
  ops.push({ type: "write", sheet: at.sheet, row: at.row, col: at.col, cells: [[r.content]] });
  await port.apply(ops);
  return r;
}

/** The items of a list whose source is a defined name or a range ("=SAKIP_JABATAN"); undefined when unreadable. */
async function listItems(port: WorkbookPort, formula: string): Promise<string[] | undefined> {
  let ref = formula.replace(/^=/, "");
  if (!ref.includes("!")) {
    const name = (await port.names()).find((n) => n.name.toLowerCase() === ref.toLowerCase());
    if (!name) return undefined;
    ref = name.formula.replace(/^=/, "");
  }
  const range = parseSheetRef(ref);
  if (!range) return undefined;
  const [block] = await port.read([range]);
  return (block ?? []).flat().flatMap((c) => (typeof c.value === "string" && c.value.trim() !== "" ? [c.value.trim()] : typeof c.value === "number" ? [String(c.value)] : []));
}
