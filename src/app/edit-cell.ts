/**
 * Use-case "correct a cell" of the no-Excel grid: a user who read a finding types the right value
 * into an input (white) cell of a standard sheet, as in Excel with an Indonesian locale. Not a
 * spreadsheet: only the input cells of the standard sheets, no formula typed by the user (text that
 * starts with "=" stays text, and a number column refuses it), no rows or columns added. One cell per
 * write, all or nothing through the port; computed cells follow through the read model's twins.
 */
import { addressText, parseSheetRef } from "../core/address";
import { FORM_FIRST_FIELD_ROW, PENGATURAN, TABLE_LAYOUTS, TABLE_ROWS, type FormatId } from "../core/layouts";
import { cellEntry, formatAngka, parseAngka } from "../core/numbers";
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
 * What a typed text stores in a cell of this spec and number format: in a text column the text; in a
 * number column what Excel in id-ID stores (cellEntry: a decimal comma, dots grouping thousands, a typed
 * percent stored as its fraction under a percent format, Excel's automatic percent entry in a percent
 * cell), and text Excel would keep as text is refused with what to type instead. Blank clears the cell.
 * `choices`: a list validation's items when its source is a range (read by `editCell`).
 */
export function readEntry(text: string, spec: InputSpec, numberFormat: string, choices?: readonly string[]): EditResult {
  const t = text.trim();
  if (t === "") return { ok: true, content: null, numberFormat };
  if (spec.format === "text") {
    const listed = checkList(t, spec, choices);
    return typeof listed === "string" ? { ok: true, content: listed, numberFormat } : listed;
  }
  const entry = cellEntry(t, numberFormat);
  if (typeof entry.value !== "number") return { ok: false, message: notANumber(t, spec) };
  if (spec.format === "money" && t.endsWith("%")) {
    return { ok: false, message: `${spec.label} berisi rupiah, bukan persen. Ketik jumlah rupiahnya, mis. 1.500.000.` };
  }
  const v = spec.validation;
  const value = entry.value;
  if (v?.type === "decimal" && ((v.min !== undefined && value < v.min) || (v.max !== undefined && value > v.max))) {
    return { ok: false, message: v.message ?? `${spec.label} di luar batas.` };
  }
  return { ok: true, content: value, numberFormat: entry.numberFormat ?? numberFormat };
}

/** Why a text typed into a number column is not a number Excel (id-ID) reads, said so the user can fix it. */
function notANumber(t: string, spec: InputSpec): string {
  if (t.startsWith("=")) return `Rumus tidak dapat diketik di sini: ${spec.label} berisi angka. Ketik nilainya saja; ${NUMBER_HINT}`;
  const r = parseAngka(t);
  if (!r.ok) return r.reason === "dash" ? `Tanda "${t}" bukan angka; kosongkan sel bila belum ada nilainya.` : `"${t}" bukan angka. ${NUMBER_HINT}`;
  // as it should be typed: whole numbers grouped (5.175.000), others with their decimals (12,5)
  const shown = Number.isInteger(r.value) ? formatAngka(r.value, "count") : formatAngka(r.value, "ratio");
  if (r.unit !== null) return `Ketik angkanya saja (${shown}); satuan "${r.unit}" ditulis di kolom Satuan.`;
  if (r.notes.some((n) => n.code === "parentheses-negative")) return `Tulis angka negatif dengan tanda minus: ${shown}.`;
  if (r.notes.some((n) => n.code === "currency")) return `Ketik angkanya tanpa "Rp" atau ",-": ${shown}.`;
  if (r.style === "en") return `"${t}" tidak ditulis seperti angka Indonesia: pakai koma untuk desimal dan titik untuk ribuan, mis. 1.500.000 atau 82,9.`;
  return `"${t}" bukan angka. ${NUMBER_HINT}`;
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
