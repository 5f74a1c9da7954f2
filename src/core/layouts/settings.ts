import { z } from "zod";

export const PERIODS = ["TW I", "TW II", "TW III", "TW IV", "Tahunan"] as const;
export type Period = (typeof PERIODS)[number];

/** Scales the workbook can use from its Referensi sheet; "kustom" is the user's own table there. */
export const WORKBOOK_SCALES = ["kecamatan", "permendagri86", "kustom"] as const;
export type WorkbookScale = (typeof WORKBOOK_SCALES)[number];

export const DEFAULT_JABATAN = [
  "Camat",
  "Sekretaris Kecamatan",
  "Kasubbag Umum dan Kepegawaian",
  "Kasubbag Keuangan",
  "Kasi Pemerintahan",
  "Kasi Pemberdayaan Masyarakat",
  "Kasi Pelayanan Umum",
  "Kasi Ketentraman dan Ketertiban Umum",
];

const ROMAN = ["I", "II", "III", "IV"] as const;
const TRIWULAN = /^(?:(?:tw|triwulan)\s*[-.]?\s*)?([1-4]|iv|i{1,3})$/i;

/**
 * A periode as users type it: `TW2`, `TW 2`, `2`, `II`, `Triwulan II`, `tw ii` are "TW II"; `tahunan`
 * is "Tahunan". Anything else is left for the schema to refuse.
 */
export function normalisePeriode(input: unknown): unknown {
  if (typeof input === "number") return Number.isInteger(input) && input >= 1 && input <= 4 ? `TW ${ROMAN[input - 1]}` : input;
  if (typeof input !== "string") return input;
  const s = input.trim().replace(/\s+/g, " ");
  if (/^tahunan$/i.test(s)) return "Tahunan";
  const m = TRIWULAN.exec(s);
  if (!m) return s;
  const token = (m[1] ?? "").toUpperCase();
  const n = /^\d$/.test(token) ? Number(token) : ROMAN.indexOf(token as (typeof ROMAN)[number]) + 1;
  return `TW ${ROMAN[n - 1]}`;
}

const SIPD_ORG = /^\d+\.\d{2}\.\d+\.\d{2}\.\d\.\d{2}\.\d{2}\.\d{4}$/;

/** The settings of a workbook, as the "Siapkan Lembar" form and `sakip scaffold` take them. */
export const settingsSchema = z.object({
  unitKerja: z.string({ error: "Unit kerja wajib diisi, misalnya Kecamatan Lumajang." }).trim().min(1, "Unit kerja wajib diisi, misalnya Kecamatan Lumajang.").max(120, "Unit kerja terlalu panjang (maks. 120 karakter)."),
  pemda: z.string().trim().max(120, "Nama pemerintah daerah terlalu panjang.").default(""),
  kodeOrganisasi: z
    .string()
    .trim()
    .refine((s) => s === "" || SIPD_ORG.test(s), "Kode organisasi SIPD tidak sesuai pola, contoh: 7.01.0.00.0.00.01.0000.")
    .default(""),
  tahun: z.coerce
    .number({ error: (i) => (i.input === undefined || i.input === "" ? "Tahun anggaran wajib diisi." : "Tahun anggaran harus angka.") })
    .int("Tahun anggaran harus bilangan bulat.")
    .min(2000, "Tahun anggaran paling awal 2000.")
    .max(2100, "Tahun anggaran paling akhir 2100."),
  periode: z.preprocess(
    normalisePeriode,
    z.enum(PERIODS, {
      error: (i) =>
        i.input === undefined || i.input === ""
          ? `Periode harus salah satu dari: ${PERIODS.join(", ")}.`
          : `Periode "${String(i.input)}" tidak dikenal; pilihannya: ${PERIODS.join(", ")} (boleh ditulis TW2, 2, II, Triwulan II).`,
    }),
  ),
  skala: z.enum(WORKBOOK_SCALES, { error: `Skala predikat harus salah satu dari: ${WORKBOOK_SCALES.join(", ")}.` }).default("kecamatan"),
  rumusNegatif: z.enum(["2T-R", "T/R"], { error: 'Rumus polaritas negatif harus "2T-R" atau "T/R".' }).default("2T-R"),
  jabatan: z
    .array(z.string().trim().min(1))
    .min(1, "Daftar jabatan minimal berisi satu jabatan.")
    .max(40, "Daftar jabatan maksimal 40.")
    .default(DEFAULT_JABATAN),
});

export type Settings = z.infer<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; problems: { field: string; message: string }[] };

/** Validates settings and returns every problem with its field (nothing stops at the first). */
export function parseSettings(input: unknown): SettingsResult {
  const r = settingsSchema.safeParse(input);
  if (r.success) return { ok: true, settings: r.data };
  return { ok: false, problems: r.error.issues.map((i) => ({ field: i.path.join("."), message: i.message })) };
}

export function periodNumber(p: Period): number {
  return p === "Tahunan" ? 4 : PERIODS.indexOf(p) + 1;
}
