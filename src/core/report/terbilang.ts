/**
 * Numbers in Indonesian words, as reports write sums of money in words ("sisa anggaran sebesar
 * Rp 19.811.631 (sembilan belas juta delapan ratus sebelas ribu enam ratus tiga puluh satu rupiah)").
 * KBBI spellings: "miliar" (not "milyar"), "seratus", "seribu", "sebelas"; negatives as "minus";
 * decimals read digit by digit after "koma". Up to 999 999 999 999 999 999 (triliun, then ribu triliun).
 */

const DIGITS = ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"] as const;
const SCALES = ["", "ribu", "juta", "miliar", "triliun", "ribu triliun"] as const;

/** 0–999 in words; "" for 0 (a group that is zero says nothing). */
function hundreds(n: number): string {
  const out: string[] = [];
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (h === 1) out.push("seratus");
  else if (h > 1) out.push(`${DIGITS[h]} ratus`);
  if (rest === 0) return out.join(" ");
  if (rest < 10) out.push(DIGITS[rest]!);
  else if (rest === 10) out.push("sepuluh");
  else if (rest === 11) out.push("sebelas");
  else if (rest < 20) out.push(`${DIGITS[rest - 10]} belas`);
  else {
    const t = Math.floor(rest / 10);
    const u = rest % 10;
    out.push(`${DIGITS[t]} puluh`);
    if (u) out.push(DIGITS[u]!);
  }
  return out.join(" ");
}

/** A whole number in words: 1 000 → "seribu", 1 000 000 → "satu juta", 0 → "nol". */
function wholeWords(n: bigint): string {
  if (n === 0n) return "nol";
  const groups: number[] = [];
  let x = n;
  while (x > 0n) {
    groups.push(Number(x % 1000n));
    x /= 1000n;
  }
  if (groups.length > SCALES.length) throw new RangeError("Angka terlalu besar untuk dieja.");
  const parts: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i]!;
    if (g === 0) continue;
    // "seribu", but "satu juta", "satu miliar"
    if (g === 1 && i === 1) parts.push("seribu");
    else parts.push([hundreds(g), SCALES[i]].filter(Boolean).join(" "));
  }
  return parts.join(" ");
}

/**
 * A number in words. Integers exactly (any safe integer, or a decimal string for larger); decimals
 * as written ("12,5" → "dua belas koma lima"; 0.05 → "nol koma nol lima").
 */
export function terbilang(value: number | string): string {
  const text = typeof value === "number" ? numberText(value) : value.trim().replace(",", ".");
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new RangeError(`"${value}" bukan angka.`);
  const negative = m[1] === "-" && /[1-9]/.test(m[2]! + (m[3] ?? ""));
  const words = [wholeWords(BigInt(m[2]!))];
  if (m[3]) words.push("koma", ...m[3].split("").map((d) => DIGITS[Number(d)]!));
  return `${negative ? "minus " : ""}${words.join(" ")}`;
}

/** An amount of money in words with "rupiah": 19811631 → "sembilan belas juta … tiga puluh satu rupiah". */
export function terbilangRupiah(value: number): string {
  return `${terbilang(Math.round(value))} rupiah`;
}

/** The shortest decimal text of a number, never in exponent form. */
function numberText(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`${x} bukan angka.`);
  if (Number.isInteger(x) && !Number.isSafeInteger(x)) throw new RangeError("Angka di luar rentang bilangan bulat yang tepat.");
  const t = String(x);
  if (!t.includes("e")) return t;
  return x.toFixed(20).replace(/0+$/, "").replace(/\.$/, "");
}
