/**
 * Exit codes of `sakip`: one per kind of failure a script may want to tell apart. Listed by
 * `sakip --help` and in the README (a test holds the three together).
 */
export const EXIT = {
  ok: 0,
  /** the input was read and refused: not an LRA, not text, a truncated export, invalid settings */
  data: 1,
  usage: 2,
  /** the import or the report waits for --paksa */
  confirm: 3,
  /** a file cannot be read: missing, a folder, no permission, a damaged .xlsx */
  unreadable: 4,
  tooLarge: 5,
  /** cannot write: no permission (EACCES, EPERM, EROFS, EBUSY: open in Excel), a read-only file, or the file changed since it was read */
  permission: 6,
  /** ENOSPC, EDQUOT: on the workbook's disk or under stdout */
  diskFull: 7,
  /** the folder of the workbook to write does not exist */
  noFolder: 8,
  /** stdout could not be written for another reason */
  output: 74,
  /** a bug */
  internal: 70,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The table of `sakip --help`, in Indonesian. */
export const EXIT_TEXT: ReadonlyArray<readonly [ExitCode, string]> = [
  [EXIT.ok, "selesai"],
  [EXIT.data, "data ditolak: bukan LRA, bukan teks, LRA terpotong, atau pengaturan salah; validate, report: ada galat"],
  [EXIT.usage, "perintah atau opsi salah; report: jabatan tidak ada di Perjanjian Kinerja"],
  [EXIT.confirm, "impor atau laporan menunggu konfirmasi (jalankan lagi dengan --paksa)"],
  [EXIT.unreadable, "berkas tidak dapat dibaca: tidak ada, folder, tanpa izin, atau .xlsx rusak"],
  [EXIT.tooLarge, "berkas atau teks terlalu besar"],
  [EXIT.permission, "tidak dapat menulis: tanpa izin (berkas atau folder hanya-baca, berkas sedang dibuka di Excel), atau berkas diubah program lain sejak dibaca"],
  [EXIT.diskFull, "disk penuh"],
  [EXIT.noFolder, "folder tujuan tidak ada"],
  [EXIT.internal, "kesalahan program (laporkan)"],
  [EXIT.output, "keluaran (stdout) tidak dapat ditulis"],
];
