/**
 * The SAKIP.* functions registered in HyperFormula (a dev-only, GPL formula engine), calling the very
 * library the Excel custom functions call, so tests can put them next to native formulas in a sheet.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type ExportedCellChange,
} from "hyperformula";
import { LIBRARY, isFunctionError, type Matrix, type ResultMatrix } from "../../src/core/functions/library";

type InterpreterState = Parameters<FunctionPlugin["runFunction"]>[1];
type ProcedureAst = { procedureName: string; args: Parameters<FunctionPlugin["runFunction"]>[0] };

const EXCEL_TO_HF: Record<string, ErrorType> = {
  "#VALUE!": ErrorType.VALUE,
  "#N/A": ErrorType.NA,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
};

function toMatrix(arg: unknown): Matrix | CellError | undefined {
  if (arg === undefined) return undefined;
  if (arg instanceof CellError) return arg;
  if (arg instanceof SimpleRangeValue) {
    const out: Matrix = [];
    for (const row of arg.rawData()) {
      const r: Matrix[number] = [];
      for (const v of row) {
        if (v instanceof CellError) return v;
        r.push(v === EmptyValue ? null : (v as number | string | boolean));
      }
      out.push(r);
    }
    return out;
  }
  return [[arg === EmptyValue ? null : (arg as number | string | boolean)]];
}

function fromResult(result: ResultMatrix): SimpleRangeValue | number | string | CellError {
  const cells = result.map((row) =>
    row.map((c) => (isFunctionError(c) ? new CellError(EXCEL_TO_HF[c.error] ?? ErrorType.VALUE, c.message) : c)),
  );
  if (cells.length === 1 && cells[0]!.length === 1) return cells[0]![0]!;
  return SimpleRangeValue.onlyValues(cells as (number | string | CellError)[][]);
}

export class SakipPlugin extends FunctionPlugin {
  static override implementedFunctions = Object.fromEntries(
    LIBRARY.map((f) => [
      `SAKIP.${f.id}`,
      {
        method: "run",
        sizeOfResultArrayMethod: "size",
        vectorizationForbidden: true,
        parameters: f.params.map((p) => ({ argumentType: FunctionArgumentType.RANGE, optionalArg: p.optional ?? false })),
      },
    ]),
  );

  run(ast: ProcedureAst, state: InterpreterState) {
    const id = ast.procedureName.replace(/^SAKIP\./, "");
    const fn = LIBRARY.find((f) => f.id === id)!;
    return this.runFunction(ast.args, state, this.metadata(ast.procedureName), (...args: unknown[]) => {
      const matrices: Matrix[] = [];
      for (const a of args) {
        const m = toMatrix(a);
        if (m instanceof CellError) return m;
        matrices.push(m as Matrix);
      }
      return fromResult(fn.run(...matrices));
    });
  }

  size(ast: ProcedureAst, state: InterpreterState) {
    const sizes: ArraySize[] = ast.args.map((a) => this.arraySizeForAst(a, state));
    const id = ast.procedureName.replace(/^SAKIP\./, "");
    if (id === "PREDIKAT") return sizes[0] ?? ArraySize.scalar();
    if (id === "REALISASI") {
      const first = sizes[0] ?? ArraySize.scalar();
      const rows = first.height > 1 && first.width > 1 ? first.height : 1;
      const others = sizes.slice(1);
      return new ArraySize(1, Math.max(rows, ...others.map((s) => s.height)));
    }
    return new ArraySize(Math.max(1, ...sizes.map((s) => s.width)), Math.max(1, ...sizes.map((s) => s.height)));
  }
}

const translations = Object.fromEntries(LIBRARY.map((f) => [`SAKIP.${f.id}`, `SAKIP.${f.id}`]));
let registered = false;

/** A HyperFormula engine (GPL, tests only) that knows the SAKIP.* functions. */
export function buildEngine(sheets: Record<string, (string | number | boolean | null)[][]>): HyperFormula {
  if (!registered) {
    HyperFormula.registerFunctionPlugin(SakipPlugin, { enGB: translations, enUS: translations });
    registered = true;
  }
  return HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3", useArrayArithmetic: true });
}

export type { ExportedCellChange };
