/**
 * Every message a user can see from the domain core, in Indonesian, keyed by a stable code.
 * Code decides behaviour; text is only for people.
 */
export type MessageParams = Record<string, string | number | undefined>;

const MESSAGES = {
  // inputs
  "input-empty": (p: MessageParams) => `${p.what ?? "Nilai"} belum diisi.`,
  "input-dash": (p: MessageParams) => `${p.what ?? "Nilai"} bertanda "-" (tidak ada data).`,
  "not-a-number": (p: MessageParams) => `${p.what ?? "Nilai"} "${p.raw}" bukan angka yang dapat dibaca.`,
  "ambiguous-number": (p: MessageParams) =>
    `${p.what ?? "Nilai"} "${p.raw}" ambigu: bisa ${p.a} (pemisah ribuan) atau ${p.b} (desimal). ` +
    `Sebutkan jenisnya ("uang", "jumlah" atau "rasio") atau tulis dengan dua desimal.`,
  "percent-mixed": (p: MessageParams) =>
    `Target "${p.target}" dan realisasi "${p.realisasi}" tidak sama satuannya: satu ditulis dengan %, yang lain tidak. ` +
    `Tulis keduanya sebagai persen atau keduanya sebagai angka biasa.`,
  "unit-mismatch": (p: MessageParams) =>
    `Satuan target (${p.target}) berbeda dengan satuan realisasi (${p.realisasi}); capaian hanya dihitung untuk satuan yang sama.`,
  "bad-option": (p: MessageParams) => `${p.what} "${p.raw}" tidak dikenal. Pilihan: ${p.choices}.`,
  "shape-mismatch": () => "Ukuran rentang argumen tidak sama (baris × kolom).",

  // capaian
  "target-zero": () => "Target bernilai 0: capaian tidak dapat dihitung (pembagian dengan nol).",
  "realisasi-zero-negative": () =>
    "Realisasi bernilai 0 pada rumus polaritas negatif T/R: capaian tidak dapat dihitung. Gunakan rumus (2T−R)/T.",

  // anggaran
  "pagu-zero": () => "Pagu anggaran 0: penyerapan tidak dihitung.",
  "pagu-empty": () => "Pagu anggaran belum diisi: penyerapan tidak dihitung.",
  "efisiensi-no-kinerja": () => "Capaian kinerja belum ada: efisiensi tidak dihitung.",
  "efisiensi-no-anggaran": () => "Penyerapan anggaran belum ada (pagu kosong atau 0): efisiensi tidak dihitung.",

  // predikat
  "scale-unknown": (p: MessageParams) => `Skala predikat "${p.raw}" tidak dikenal. Pilihan: ${p.choices}, atau rentang berisi tabel skala.`,
  "scale-invalid": (p: MessageParams) => `Tabel skala tidak dapat dibaca: ${p.detail}.`,
  "scale-no-band": (p: MessageParams) => `Nilai ${p.value} tidak masuk rentang mana pun pada skala "${p.scale}".`,

  // agregasi
  "method-sum-of-percentage": (p: MessageParams) =>
    `Indikator bersatuan ${p.satuan} tidak dijumlahkan antar-triwulan; gunakan "terakhir" atau "rata-rata".`,
  "aggregate-empty": () => "Belum ada realisasi triwulan yang diisi.",

  // functions and CLI
  "function-unknown": (p: MessageParams) => `Fungsi "${p.raw}" tidak dikenal. Fungsi yang tersedia: ${p.choices}.`,
  "arity": (p: MessageParams) => `Fungsi ${p.fn} memerlukan ${p.min}${p.max !== p.min ? `–${p.max}` : ""} argumen, diberikan ${p.given}.`,
} satisfies Record<string, (p: MessageParams) => string>;

export type MessageCode = keyof typeof MESSAGES;

export function message(code: MessageCode, params: MessageParams = {}): string {
  return MESSAGES[code](params);
}

export const MESSAGE_CODES = Object.keys(MESSAGES) as MessageCode[];
