/**
 * One preamble for every `sakip` command (HOUSE.md item 10): its flags parsed and checked, its
 * positional arguments counted, and whatever it throws turned into an Indonesian message with an exit
 * code. A command's body only does its work.
 */
import { parseArgs } from "./args";
import { EXIT } from "./exit-codes";
import { describeFailure } from "./failure";
import type { Command, Io } from "./main";

export interface CommandContext<V extends string, B extends string> {
  positional: string[];
  /** `--name value` flags given, by name */
  values: Partial<Record<V, string>>;
  /** `--name` switches given */
  switches: Partial<Record<B, true>>;
  io: Io;
}

export interface CommandSpec<V extends string, B extends string> {
  name: string;
  usage: string;
  summary: string;
  help?: string;
  values?: readonly V[];
  booleans?: readonly B[];
  /** One-letter forms: `{ o: "keluaran" }` reads `-o x` as `--keluaran x`. */
  short?: Readonly<Record<string, V | B>>;
  /** How many positional arguments, and what is wrong with them (a workbook not ending in .xlsx …), if anything. */
  positional: { min: number; max: number; check?: (args: readonly string[]) => string | null };
  run: (ctx: CommandContext<V, B>) => Promise<number> | number;
}

/** A workbook argument that is not an .xlsx file name: what to say (the usage follows). */
export const notXlsx = (name: string): string | null =>
  /\.xlsx$/i.test(name) ? null : `${name}: buku kerja harus berkas .xlsx (Buku Kerja Excel); buka berkasnya di Excel atau LibreOffice lalu simpan sebagai .xlsx.`;

export function defineCommand<V extends string = never, B extends string = never>(spec: CommandSpec<V, B>): Command {
  const usage = (io: Io, problem?: string | null): number => {
    io.err(`${problem ? `${problem}\n` : ""}Pemakaian: ${spec.usage}\n${spec.help ?? ""}`);
    return EXIT.usage;
  };
  return {
    name: spec.name,
    usage: spec.usage,
    summary: spec.summary,
    ...(spec.help !== undefined ? { help: spec.help } : {}),
    async run(argv, io) {
      const parsed = parseArgs(argv, { values: spec.values ?? [], booleans: spec.booleans ?? [], ...(spec.short ? { short: spec.short } : {}) });
      if (!parsed.ok) {
        io.err(parsed.message + "\n");
        return EXIT.usage;
      }
      const { positional, flags } = parsed.args;
      const { min, max, check } = spec.positional;
      if (positional.length < min || positional.length > max) return usage(io);
      const problem = check?.(positional) ?? null;
      if (problem) return usage(io, problem);
      const values: Partial<Record<V, string>> = {};
      const switches: Partial<Record<B, true>> = {};
      for (const v of spec.values ?? []) if (typeof flags[v] === "string") values[v] = flags[v] as string;
      for (const b of spec.booleans ?? []) if (flags[b] === true) switches[b] = true;
      try {
        return await spec.run({ positional, values, switches, io });
      } catch (error) {
        const { text, exitCode } = describeFailure(error);
        io.err(text + "\n");
        return exitCode;
      }
    },
  };
}
