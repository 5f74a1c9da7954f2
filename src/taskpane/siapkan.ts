/**
 * The "Siapkan Lembar" form's logic, kept out of the components: the form as text fields, the
 * settings it stands for (validated by the same zod schema as `sakip scaffold`), and how a failure
 * is explained to the user.
 */
import { DEFAULT_JABATAN, parseSettings, PERIODS, WORKBOOK_SCALES, type Settings } from "../core/layouts";
import { WorkbookRuleError } from "../core/workbook-ops";
import type { ScaffoldProgress } from "../app/scaffold";

export const FIELD_KEYS = ["unitKerja", "pemda", "kodeOrganisasi", "tahun", "periode", "skala", "rumusNegatif", "jabatan"] as const;
export type FieldKey = (typeof FIELD_KEYS)[number];

/** What the inputs hold: text as typed; `jabatan` one per line. */
export type SettingsForm = Record<FieldKey, string>;
/** One message per field; `form` holds problems of no known field (shown above the form). */
export type FieldErrors = Partial<Record<FieldKey | "form", string>>;

export const FIELD_LABELS: Readonly<Record<FieldKey, string>> = {
  unitKerja: "Unit kerja",
  pemda: "Pemerintah daerah",
  kodeOrganisasi: "Kode organisasi SIPD",
  tahun: "Tahun anggaran",
  periode: "Periode",
  skala: "Skala predikat",
  rumusNegatif: "Rumus polaritas negatif",
  jabatan: "Daftar jabatan",
};

export const PERIOD_OPTIONS = PERIODS;

export const SCALE_OPTIONS: readonly { value: (typeof WORKBOOK_SCALES)[number]; label: string }[] = [
  { value: "kecamatan", label: "Kecamatan (bawaan)" },
  { value: "permendagri86", label: "Permendagri 86/2017" },
  { value: "kustom", label: "Kustom (tabel di lembar Referensi)" },
];

export const NEGATIVE_FORMULA_OPTIONS: readonly { value: Settings["rumusNegatif"]; label: string }[] = [
  { value: "2T-R", label: "2T-R (bawaan)" },
  { value: "T/R", label: "T/R" },
];

/** A new form: the schema's defaults, and no year or period, which the user must choose. */
export const EMPTY_FORM: SettingsForm = {
  unitKerja: "",
  pemda: "",
  kodeOrganisasi: "",
  tahun: "",
  periode: "",
  skala: "kecamatan",
  rumusNegatif: "2T-R",
  jabatan: DEFAULT_JABATAN.join("\n"),
};

/** The form filled from the settings a workbook holds (`settingsFromWorkbook`); missing ones keep `base`. */
export function formFromSettings(settings: Record<string, unknown>, base: SettingsForm = EMPTY_FORM): SettingsForm {
  const form = { ...base };
  for (const key of FIELD_KEYS) {
    const v = settings[key];
    if (Array.isArray(v)) form[key] = v.map(String).join("\n");
    else if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") form[key] = String(v);
  }
  return form;
}

/** The form as schema input. Blank year and period are left out so the schema reports them missing. */
export function formInput(form: SettingsForm): Record<string, unknown> {
  const text = (s: string) => s.trim();
  return {
    unitKerja: text(form.unitKerja),
    pemda: text(form.pemda),
    kodeOrganisasi: text(form.kodeOrganisasi),
    tahun: text(form.tahun) === "" ? undefined : text(form.tahun),
    periode: form.periode === "" ? undefined : form.periode,
    skala: form.skala,
    rumusNegatif: form.rumusNegatif,
    // blank lines are spacing, not jabatan
    jabatan: form.jabatan
      .split(/\r?\n/)
      .map(text)
      .filter((line) => line !== ""),
  };
}

export type FormCheck = { ok: true; settings: Settings } | { ok: false; errors: FieldErrors };

/** Every problem of the form, one message per field (several problems of a field are joined). */
export function checkForm(form: SettingsForm): FormCheck {
  const r = parseSettings(formInput(form));
  if (r.ok) return { ok: true, settings: r.settings };
  return { ok: false, errors: fieldErrors(r.problems) };
}

/** Problems as parseSettings and scaffold report them ("jabatan.3" belongs to the jabatan field). */
export function fieldErrors(problems: readonly { field: string; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const p of problems) {
    const head = p.field.split(".")[0] ?? "";
    const key: FieldKey | "form" = (FIELD_KEYS as readonly string[]).includes(head) ? (head as FieldKey) : "form";
    const have = errors[key];
    if (have === undefined) errors[key] = p.message;
    else if (!have.includes(p.message)) errors[key] = `${have} ${p.message}`;
  }
  return errors;
}

export const PHASE_TEXT: Readonly<Record<ScaffoldProgress["phase"], string>> = {
  membaca: "Membaca buku kerja…",
  merencanakan: "Menyusun rencana perubahan…",
  menulis: "Menulis ke lembar kerja…",
  selesai: "Selesai.",
};

export interface FailureText {
  title: string;
  /** What happened, in the words of the adapter (its messages are Indonesian; Excel's may not be). */
  message: string;
  /** What it means for the workbook. */
  state: string;
  /** Excel's error code, if the host gave one. */
  code?: string;
}

/**
 * Explains an exception from the port. What the workbook looks like afterwards depends on where it
 * failed and on what the adapter says it restored (OfficeWorkbookError.restored), read structurally
 * so this module does not load the Office adapter.
 */
export function describeFailure(error: unknown, phase: ScaffoldProgress["phase"]): FailureText {
  const message = error instanceof Error ? error.message : String(error);
  const code = stringProp(error, "code");
  const restored = booleanProp(error, "restored");
  let state: string;
  // after reading, the only I/O left is port.apply, which may fail after some batches reached Excel
  if (error instanceof WorkbookRuleError || phase === "membaca") {
    state = "Belum ada yang ditulis ke buku kerja.";
  } else if (restored === true) {
    state = "Buku kerja sudah dikembalikan seperti sebelum Siapkan Lembar dijalankan.";
  } else {
    state =
      "Sebagian perubahan mungkin sudah tertulis. Periksa buku kerja, lalu jalankan Siapkan Lembar lagi: yang kurang dilengkapi, nilai ketikan tidak ditimpa.";
  }
  const title = phase === "membaca" ? "Buku kerja tidak dapat dibaca" : "Lembar gagal disiapkan";
  return code === undefined ? { title, message, state } : { title, message, state, code };
}

/** A string property of an unknown error (`code`), read without importing the class that has it. */
export function stringProp(x: unknown, key: string): string | undefined {
  if (typeof x !== "object" || x === null || !(key in x)) return undefined;
  const v: unknown = (x as Record<string, unknown>)[key];
  return typeof v === "string" && v !== "" ? v : undefined;
}

/** A boolean property of an unknown error (`restored`). */
export function booleanProp(x: unknown, key: string): boolean | undefined {
  if (typeof x !== "object" || x === null || !(key in x)) return undefined;
  const v: unknown = (x as Record<string, unknown>)[key];
  return typeof v === "boolean" ? v : undefined;
}
