/**
 * The SIPD kode rekening: `7 01 7 01 00 01 2.01.0001 5 1 02 02 01 0071`
 * = urusan, bidang (7 01) · unit (7 01 00) · program (01) · sub kegiatan (2.01.0001, or 00) · akun (5 1 02 02 01 0071).
 */
import type { LraLevel } from "./types";

/** SPEC d7: field 1 of a data line. Linear: every repeated group starts with a space. */
export const KODE_PATTERN = /^\d \d{2} \d \d{2} \d{2} \d{2} (?:00|\d\.\d{2}\.\d{4})(?: \d{1,4})+$/;

/** Looks like the start of a kode, even if it does not match the full pattern (used to tell data lost from noise). */
export const KODE_START = /^\d\s+\d{2}\s+\d\s+\d{2}\s+\d{2}\b/;

const TWO_DIGITS = /^\d{2}$/;
const FOUR_DIGITS = /^\d{4}$/;
const ONE_DIGIT = /^\d$/;

/** Tokens 0–6 of a kode: everything but the akun. Shared by all rows of one sub kegiatan. */
export interface KodeHead {
  /** characters in the head: the akun starts one after them */
  length: number;
  urusan: string;
  unit: string;
  program: string;
  /** token 6: `00` or `K.KK.SSSS` */
  sub: string;
  kegiatan: string | null;
  subKegiatan: string | null;
  notation: { program: string | null; kegiatan: string | null; subKegiatan: string | null };
}

/** Collapses whitespace (NBSP included) so `7  01 7…` and `7 01 7…` are the same kode. */
export function normaliseKode(field: string): string {
  // most fields are already clean; the replace would copy every one of them
  if (!/[^\S ]|  |^ | $/.test(field)) return field;
  return field.replace(/[\s\u00a0]+/g, " ").trim();
}

/**
 * The head of a kode that matches KODE_PATTERN, whose tokens 0–5 have fixed widths (`7 01 7 01 00 01 `)
 * and token 6 is `00` or `2.01.0001`: its parts are cut at their places (split and a regex per head
 * cost a microsecond each time, 6.000 heads in a 100k-row export).
 */
export function readHead(head: string): KodeHead {
  const urusan = head.slice(0, 1);
  const bidang = head.slice(2, 4);
  const program = head.slice(13, 15);
  const sub = head.slice(16);
  const kegiatan = sub.length === 9 ? sub.slice(0, 4) : null;
  const subKegiatan = sub.length === 9 ? sub : null;
  return {
    length: head.length,
    urusan: `${urusan}.${bidang}`,
    unit: head.slice(5, 12),
    program,
    sub,
    kegiatan,
    subKegiatan,
    notation: notationOf(urusan, bidang, program, kegiatan, subKegiatan),
  };
}

/**
 * Level by kode structure (SPEC d4). p = program, s = sub kegiatan token, akun = tokens after s.
 * Anything outside the grammar is `malformed`; the row is still imported.
 */
export function classify(program: string, sub: string, akun: readonly string[]): LraLevel {
  const n = akun.length;
  const first = akun[0] ?? "";
  const kelompok = akun[1] ?? "";
  if (!ONE_DIGIT.test(first)) return "malformed";
  if (n >= 2 && !ONE_DIGIT.test(kelompok)) return "malformed";
  const skpd = program === "00" && sub === "00";
  if (n === 1) return skpd ? "skpd_total" : "malformed";
  if (n === 2) {
    if (skpd) return "skpd_kelompok";
    if (program === "00") return "malformed";
    return sub === "00" ? "program" : "sub_kegiatan";
  }
  // akun detail exists only inside a sub kegiatan
  if (program === "00" || sub === "00") return "malformed";
  const middle = akun.slice(2, Math.min(n, 5));
  if (!middle.every((x) => TWO_DIGITS.test(x))) return "malformed";
  if (n === 3) return "akun_jenis";
  if (n === 4) return "akun_objek";
  if (n === 5) return "akun_rincian_objek";
  if (n === 6 && FOUR_DIGITS.test(akun[5] ?? "")) return "akun_sub_rincian_objek";
  return "malformed";
}

/** Levels a reading of a malformed kode may have: akun detail, whose parent and children share its sub kegiatan. */
const AKUN_DETAIL: ReadonlySet<LraLevel> = new Set(["akun_jenis", "akun_objek", "akun_rincian_objek", "akun_sub_rincian_objek"]);

/**
 * classify() for an akun of `n` tokens whose kode matches KODE_PATTERN, by the token widths alone (every
 * token is 1–4 digits, one space apart), in a unit whose program and sub kegiatan are or are not `00`.
 */
function levelOfShape(program00: boolean, sub00: boolean, n: number, head: boolean, middle: boolean, last: boolean): LraLevel {
  if (!head) return "malformed";
  const skpd = program00 && sub00;
  if (n === 1) return skpd ? "skpd_total" : "malformed";
  if (n === 2) {
    if (skpd) return "skpd_kelompok";
    if (program00) return "malformed";
    return sub00 ? "program" : "sub_kegiatan";
  }
  if (program00 || sub00 || !middle) return "malformed";
  if (n === 3) return "akun_jenis";
  if (n === 4) return "akun_objek";
  if (n === 5) return "akun_rincian_objek";
  if (n === 6 && last) return "akun_sub_rincian_objek";
  return "malformed";
}

/** What readKode read of a kode, as offsets into the text it stands in. */
export class KodeScan {
  /** one past the head (tokens 0–6): the space before the akun */
  headEnd = 0;
  /** akun token 1 (the kelompok), [kelompok, kelompokEnd); -1 when the akun has one token */
  kelompok = -1;
  kelompokEnd = -1;
  level: LraLevel = "malformed";
  /** akun tokens */
  segments = 0;
  /** the last akun token's value (its digits), and its width */
  lastSegment = 0;
  lastWidth = 0;
  /**
   * The akun's digits read as one number (`5 1 02 02 01 0071` → 510202010071). Exact for every level
   * but malformed (at most 12 digits), whose tokens each have one width at their place: two such akun
   * are the same tokens exactly when they are the same number of tokens and this number.
   */
  akunValue = 0;
}

/**
 * The head, kelompok and level of the kode [start, end) of `src`, which matches KODE_PATTERN (the
 * regex is faster at that than any loop here), read where it stands, without cutting the akun out as
 * a string of its own (100k times in a large paste). A property test holds it to classify() on the
 * kode's tokens.
 */
export function readKode(src: string, start: number, end: number, out: KodeScan): void {
  // tokens 0–5 have fixed widths (`7 01 7 01 00 01 `); token 6 is `00` or `2.01.0001`
  const headEnd = start + (src.charCodeAt(start + 17) === 46 ? 25 : 18);
  let n = 0;
  let head = true; // akun tokens 0–1 are one digit each
  let middle = true; // tokens 2–4 are two digits
  let last = false; // token 5 is four digits
  out.kelompok = -1;
  out.kelompokEnd = -1;
  let value = 0;
  for (let token = headEnd + 1, i = token; i <= end; i++) {
    const c = i < end ? src.charCodeAt(i) : 32;
    if (c !== 32) {
      value = value * 10 + c - 48;
      continue;
    }
    const w = i - token;
    if (n <= 1) {
      if (w !== 1) head = false;
      if (n === 1) {
        out.kelompok = token;
        out.kelompokEnd = i;
      }
    } else if (n <= 4) {
      if (w !== 2) middle = false;
    } else if (n === 5) last = w === 4;
    n++;
    if (i === end) {
      let v = 0;
      for (let k = token; k < end; k++) v = v * 10 + src.charCodeAt(k) - 48;
      out.lastSegment = v;
      out.lastWidth = w;
    }
    token = i + 1;
  }
  out.akunValue = value;
  out.segments = n;
  out.headEnd = headEnd;
  const program00 = src.charCodeAt(start + 13) === 48 && src.charCodeAt(start + 14) === 48;
  out.level = levelOfShape(program00, headEnd - start === 18, n, head, middle, last);
}

/**
 * The readings of a malformed akun that drop one segment and are well formed (`5 1 01 01 01 02` →
 * `5 1 01 01 02` or `5 1 01 01 01`), each once, in the order of the dropped segment. Which one is
 * meant, if any, only the amounts can tell (repair.ts).
 */
export function candidateReadings(program: string, sub: string, akun: readonly string[]): Array<{ akun: string[]; segment: string; level: LraLevel }> {
  const out: Array<{ akun: string[]; segment: string; level: LraLevel }> = [];
  const seen = new Set<string>();
  for (let i = 0; i < akun.length; i++) {
    const candidate = [...akun.slice(0, i), ...akun.slice(i + 1)];
    const key = candidate.join(" ");
    if (seen.has(key)) continue;
    seen.add(key);
    const level = classify(program, sub, candidate);
    if (AKUN_DETAIL.has(level)) out.push({ akun: candidate, segment: akun[i] ?? "", level });
  }
  return out;
}

/**
 * The kode of the row this row rolls up into (same unit prefix), or null for a root (SKPD total).
 * akun rows → the akun one segment shorter (a jenis → its sub kegiatan row); sub kegiatan → program (p, k);
 * program → SKPD kelompok; kelompok → SKPD total. `kode` is normalised: `<unit> <program> <sub> <akun>`.
 */
export function parentKode(kode: string, program: string, sub: string, akun: string): string | null {
  const n = akun === "" ? 0 : segments(akun);
  if (n >= 3) return kode.slice(0, kode.lastIndexOf(" "));
  if (n !== 2) return null;
  const unit = kode.slice(0, kode.length - akun.length - sub.length - program.length - 3);
  if (sub !== "00") return `${unit} ${program} 00 ${akun}`;
  if (program !== "00") return `${unit} 00 00 ${akun}`;
  return `${unit} 00 00 ${akun.slice(0, akun.indexOf(" "))}`;
}

/**
 * Whether `kode` starts with the whole tokens of `prefix`: the prefix, then a space. Read from the end
 * of the prefix, where the codes of one export differ; a match is read to the start, or to `from`
 * when the first `from` characters are known to be the same. (startsWith on a kode cut from a large
 * text costs far more than these reads.)
 */
export function startsWithTokens(kode: string, prefix: string, from = 0): boolean {
  const n = prefix.length;
  if (kode.length <= n || kode.charCodeAt(n) !== 32) return false;
  for (let k = n - 1; k >= from; k--) if (kode.charCodeAt(k) !== prefix.charCodeAt(k)) return false;
  return true;
}

/** Number of space-separated segments of a non-empty akun. */
export function segments(s: string): number {
  let n = 1;
  for (let i = s.indexOf(" "); i >= 0; i = s.indexOf(" ", i + 1)) n++;
  return n;
}

/** Standard notation: program `7.01.01`, kegiatan `7.01.01.2.01`, sub kegiatan `7.01.01.2.01.0001`. */
export function notationOf(
  urusan: string,
  bidang: string,
  program: string,
  kegiatan: string | null,
  subKegiatan: string | null,
): { program: string | null; kegiatan: string | null; subKegiatan: string | null } {
  if (program === "00") return { program: null, kegiatan: null, subKegiatan: null };
  const p = `${urusan}.${bidang}.${program}`;
  return { program: p, kegiatan: kegiatan ? `${p}.${kegiatan}` : null, subKegiatan: subKegiatan ? `${p}.${subKegiatan}` : null };
}
