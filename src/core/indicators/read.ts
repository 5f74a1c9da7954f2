import { parseAngka, type NumberKind, type ParsedNumber } from "../numbers";
import { blank, failure, type Outcome } from "../outcome";

/** A cell or literal argument as Excel, HyperFormula or the command line hands it over. */
export type CellInput = number | string | boolean | null | undefined;

export interface NumberArg {
  value: number;
  percent: boolean;
  unit: string | null;
  raw: string;
}

/**
 * Reads one numeric argument. Numbers pass through; text is read as an Indonesian/English number.
 * Empty and "-" are missing values (blank), never zero.
 */
export function readNumberArg(input: CellInput, what: string, kind?: NumberKind): Outcome<NumberArg> {
  if (typeof input === "number") {
    if (!Number.isFinite(input)) return failure("not-a-number", { what, raw: String(input) });
    return { kind: "value", value: { value: input, percent: false, unit: null, raw: String(input) } };
  }
  if (typeof input === "boolean") return failure("not-a-number", { what, raw: String(input) });
  const reading = parseAngka(input ?? "", { kind });
  if (reading.ok) return { kind: "value", value: fromParsed(reading) };
  switch (reading.reason) {
    case "empty":
      return blank("input-empty", { what });
    case "dash":
      return blank("input-dash", { what });
    case "ambiguous":
      return failure("ambiguous-number", { what, raw: reading.raw, a: reading.candidates?.[0], b: reading.candidates?.[1] });
    default:
      return failure("not-a-number", { what, raw: reading.raw });
  }
}

function fromParsed(p: ParsedNumber): NumberArg {
  return { value: p.value, percent: p.percent, unit: p.unit, raw: p.raw };
}

/** Reads an optional text option (polaritas, rumus, metode). Blank gives `undefined`. */
export function readOption<T extends string>(
  input: CellInput,
  what: string,
  choices: Record<string, T>,
): Outcome<T | undefined> {
  if (input === null || input === undefined || (typeof input === "string" && input.trim() === "")) {
    return { kind: "value", value: undefined };
  }
  const key = normalizeOption(String(input));
  const found = choices[key];
  if (found !== undefined) return { kind: "value", value: found };
  const shown = [...new Set(Object.values(choices))].join(", ");
  return failure("bad-option", { what, raw: String(input), choices: shown });
}

export function normalizeOption(s: string): string {
  return s.trim().toLowerCase().replace(/[−–—]/g, "-").replace(/\s+/g, "");
}
