/** A small flag parser: `--name value`, `--name=value` and boolean `--name`; unknown flags are errors. */
export interface ParsedArgs {
  positional: string[];
  flags: Record<string, string | true>;
}

export type ArgsResult = { ok: true; args: ParsedArgs } | { ok: false; message: string };

export function parseArgs(argv: readonly string[], spec: { values: readonly string[]; booleans?: readonly string[] }): ArgsResult {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
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
