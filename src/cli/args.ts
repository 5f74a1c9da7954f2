import { PERIODS, type Period } from "../core/layouts";
import { normalisePeriode } from "../core/layouts/settings";

/**
 * A small flag parser: `--name value`, `--name=value` and boolean `--name`; a one-letter short form
 * (`-o value`) where the command declares it; unknown flags, and a word after a single dash, are errors.
 */
export interface ParsedArgs {
  positional: string[];
  flags: Record<string, string | true>;
}

export type ArgsResult = { ok: true; args: ParsedArgs } | { ok: false; message: string };

export function parseArgs(argv: readonly string[], spec: { values: readonly string[]; booleans?: readonly string[]; short?: Readonly<Record<string, string>> }): ArgsResult {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i]!;
    const long = /^-([A-Za-z])$/.exec(a) && spec.short?.[a.slice(1)];
    if (long) a = `--${long}`;
    // a word after one dash is a mistyped option (`-json`), never a file: numbers (-5) and "-" stay positional
    if (/^-[A-Za-z]/.test(a) && !long) {
      const near = [...spec.values, ...(spec.booleans ?? [])].find((f) => f === a.slice(1).split("=")[0]);
      return { ok: false, message: near ? `Opsi ${a} tidak dikenal; maksudnya --${a.slice(1)}?` : `Opsi ${a} tidak dikenal. Opsi ditulis dengan dua tanda minus, misalnya --json.` };
    }
    if (!a.startsWith("--")) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf("=");
    const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
    if (spec.booleans?.includes(name)) {
      flags[name] = true;
      continue;
    }
    if (!spec.values.includes(name)) {
      const known = [...spec.values, ...(spec.booleans ?? [])].map((f) => `--${f}`).join(", ");
      return { ok: false, message: `Opsi --${name} tidak dikenal. Opsi yang ada: ${known}.` };
    }
    const value = eq >= 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined) return { ok: false, message: `Opsi --${name} memerlukan nilai.` };
    flags[name] = value;
  }
  return { ok: true, args: { positional, flags } };
}

/** `--periode` as users type it (TW2, II, Triwulan II, tahunan …): the period, or the message refusing it. */
export function periodeOption(raw: string | undefined): { ok: true; periode: Period | undefined } | { ok: false; message: string } {
  if (raw === undefined) return { ok: true, periode: undefined };
  const p = normalisePeriode(raw);
  if (!(PERIODS as readonly unknown[]).includes(p)) return { ok: false, message: `--periode "${raw}" tidak dikenal; tulis TW I, TW II, TW III, TW IV atau Tahunan.` };
  return { ok: true, periode: p as Period };
}
