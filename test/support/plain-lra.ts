/**
 * A parse result as plain data: each row reduced to the LraRow interface (its fields and recomputed
 * amounts read through the getters), so results built by different routes (the parser's rows, the
 * rows unpacked from the worker) compare by what they say, not by how they keep it.
 */
import type { LraParseResult, LraRow } from "../../src/core/sipd";

export function plainRow(r: LraRow): Record<string, unknown> {
  const out: Record<string, unknown> = {
    line: r.line, fields: [...r.fields], kode: r.kode, uraian: r.uraian, level: r.level, urusan: r.urusan, unit: r.unit,
    program: r.program, kegiatan: r.kegiatan, subKegiatan: r.subKegiatan, kelompok: r.kelompok, akun: r.akun,
    notation: r.notation, stated: r.stated, persenDecimals: r.persenDecimals, recomputed: r.recomputed,
  };
  if (r.repaired) out.repaired = r.repaired;
  return out;
}

export function plainLra(r: LraParseResult): unknown {
  return r.ok ? { ...r, rows: r.rows.map(plainRow) } : r;
}
