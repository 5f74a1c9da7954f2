/**
 * The messages of "Buka .xlsx" (open-xlsx.ts), Indonesian, keyed by code. Kept beside the use-case
 * rather than in core/messages.id.ts: that table is part of the task pane's first load and of
 * functions.js, and these are needed only once a file is picked, in the chunk that opens it.
 */
import type { MessageParams } from "../core/messages.id";

const OPEN_MESSAGES = {
  "open-not-xlsx": (p: MessageParams) =>
    `${p.name} bukan buku kerja .xlsx${p.detail ? ` (${p.detail})` : ""}. Buka berkasnya di Excel, LibreOffice atau WPS, lalu simpan sebagai ` +
    "Buku Kerja Excel (.xlsx) dan buka lagi di sini.",
  "open-old-xls": (p: MessageParams) =>
    `${p.name} adalah buku kerja Excel 97–2003 (.xls), bukan .xlsx. Buka di Excel, LibreOffice atau WPS, simpan sebagai Buku Kerja Excel (.xlsx), lalu buka lagi di sini.`,
  "open-encrypted": (p: MessageParams) =>
    `${p.name} dilindungi kata sandi (terenkripsi), jadi isinya tidak dapat dibaca di sini. Buka di Excel atau LibreOffice, hapus kata sandinya ` +
    "(Simpan sebagai tanpa kata sandi), lalu buka salinan itu.",
  "open-too-large": (p: MessageParams) =>
    `${p.name} berukuran ${p.size} MB, lebih dari ${p.limit} MB yang dapat dibuka di peramban. Buka di Excel dengan add-in, atau pakai baris perintah sakip.`,
  "open-empty": (p: MessageParams) => `${p.name} kosong (0 byte); pilih berkas .xlsx yang berisi buku kerja.`,
  "open-losses": (p: MessageParams) =>
    `${p.name} tidak dibuka: berkas ini memuat ${p.losses}, yang akan hilang bila diunduh lagi dari sini. Buku kerja sesi tidak berubah. ` +
    "Isi lembar SAKIP di Excel dengan add-in, atau buka salinan tanpa bagian itu.",
  "open-unreadable": (p: MessageParams) =>
    `${p.name} tidak dapat dibaca sebagai .xlsx (${p.detail}). Berkasnya rusak atau terpotong; simpan ulang dari Excel, LibreOffice atau WPS sebagai .xlsx.`,
} satisfies Record<string, (p: MessageParams) => string>;

export type OpenMessageCode = keyof typeof OPEN_MESSAGES;

export function openMessage(code: OpenMessageCode, params: MessageParams = {}): string {
  return OPEN_MESSAGES[code](params);
}

export const OPEN_MESSAGE_CODES = Object.keys(OPEN_MESSAGES) as OpenMessageCode[];
