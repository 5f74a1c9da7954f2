/**
 * `sakip` command line. Subcommands are declared in COMMANDS (each through defineCommand); each returns
 * an exit code from exit-codes.ts, listed by `sakip --help`. Nothing a command throws reaches the user
 * as a stack trace.
 */
import { findFunction, isFunctionError, LIBRARY, type Matrix, type ResultCell } from "../core/functions/library";
import { BLANK_SHOWN, message } from "../core/messages.id";
import { formatAngka, formatPersen } from "../core/numbers";
import { defineCommand } from "./command";
import { importSipdCommand } from "./commands/import-sipd";
import { reportCommand } from "./commands/report";
import { scaffoldCommand } from "./commands/scaffold";
import { sipdCommand } from "./commands/sipd";
import { validateCommand } from "./commands/validate";
import { EXIT, EXIT_TEXT } from "./exit-codes";
import { describeFailure } from "./failure";

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export interface Command {
  name: string;
  usage: string;
  summary: string;
  help?: string;
  run: (args: string[], io: Io) => Promise<number> | number;
}

const RATIO_FUNCTIONS = new Set(["CAPAIAN", "PENYERAPAN", "EFISIENSI"]);

function formatResult(fn: string, cell: ResultCell): string {
  if (typeof cell === "string") return cell === "" ? BLANK_SHOWN : cell;
  if (isFunctionError(cell)) return `${cell.error} ${cell.message}`;
  if (RATIO_FUNCTIONS.has(fn)) return `${formatAngka(cell, "ratio")} (${formatPersen(cell, 2)})`;
  if (fn === "SISA") return formatAngka(cell, "money");
  return formatAngka(cell, "ratio");
}

/** `sakip hitung CAPAIAN 80 82,9`: one literal per argument, through the same library as the Excel function. */
const hitungCommand = defineCommand<never, "json">({
  name: "hitung",
  usage: "sakip hitung FUNGSI arg… [--json]",
  summary: "Menghitung fungsi SAKIP pada nilai yang diketik (sama dengan fungsi di Excel).",
  booleans: ["json"],
  positional: { min: 0, max: Number.POSITIVE_INFINITY },
  run({ positional: [name, ...literals], switches, io }) {
    if (!name) {
      io.err("Sebutkan fungsi, misalnya: sakip hitung CAPAIAN 80 82,9\n");
      return EXIT.usage;
    }
    const fn = findFunction(name);
    if (!fn) {
      io.err(message("function-unknown", { raw: name, choices: LIBRARY.map((f) => f.id).join(", ") }) + "\n");
      return EXIT.usage;
    }
    const min = fn.params.filter((p) => !p.optional).length;
    if (literals.length < min || literals.length > fn.params.length) {
      io.err(message("arity", { fn: fn.id, min, max: fn.params.length, given: literals.length }) + "\n");
      io.err(`Pemakaian: sakip hitung ${fn.id} ${fn.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(" ")}\n`);
      return EXIT.usage;
    }
    const matrices: Matrix[] = literals.map((l) => [[l]]);
    const [[cell]] = fn.run(...matrices) as [[ResultCell]];
    if (switches.json) {
      io.out(JSON.stringify(isFunctionError(cell) ? cell : { value: cell }) + "\n");
    } else if (isFunctionError(cell)) {
      io.err(formatResult(fn.id, cell) + "\n");
    } else {
      io.out(formatResult(fn.id, cell) + "\n");
    }
    return isFunctionError(cell) ? EXIT.data : EXIT.ok;
  },
});

const COMMANDS: Command[] = [hitungCommand, scaffoldCommand, sipdCommand, importSipdCommand, validateCommand, reportCommand];

function help(io: Io): number {
  io.out("SAKIP Workbook — alat baris perintah\n\nPemakaian:\n");
  for (const c of COMMANDS) io.out(`  ${c.usage.padEnd(44)} ${c.summary}\n`);
  io.out("\nFungsi SAKIP:\n");
  for (const f of LIBRARY) {
    const params = f.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join("; ");
    io.out(`  SAKIP.${f.id}(${params})\n      ${f.summary}\n`);
  }
  io.out("\nContoh:\n  sakip hitung CAPAIAN 80 82,9\n  sakip hitung ANGKA \"7.229.814.333,00\"\n  sakip hitung PREDIKAT 0,52\n");
  io.out("\nKode keluar:\n");
  for (const [code, text] of EXIT_TEXT) io.out(`  ${String(code).padEnd(3)} ${text}\n`);
  return EXIT.ok;
}

export async function main(argv: string[], io: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "--help" || name === "-h" || name === "bantuan") return help(io);
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`Perintah "${name}" tidak dikenal. Lihat: sakip --help\n`);
    return EXIT.usage;
  }
  if (args.includes("--help")) {
    io.out(`Pemakaian: ${command.usage}\n${command.summary}\n${command.help ?? ""}`);
    return EXIT.ok;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    // defineCommand catches its body's failures; this is for a command that does not use it
    const { text, exitCode } = describeFailure(error);
    io.err(text + "\n");
    return exitCode;
  }
}
