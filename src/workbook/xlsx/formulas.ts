/**
 * Formula text as the port writes it ("=IFNA(A1,0)") versus as an .xlsx file stores it
 * ("_xlfn.IFNA(A1,0)"): no leading "=", and functions newer than Excel 2007 carry a prefix
 * without which Excel shows #NAME?. Office.js does this translation itself; the file adapter must.
 */

/** Functions that need `_xlfn.` in the file (the common ones of [MS-XLSX] 2.2.2 "future functions"). */
const FUTURE = [
  "AGGREGATE", "BYCOL", "BYROW", "CEILING.MATH", "CEILING.PRECISE", "CHOOSECOLS", "CHOOSEROWS", "CONCAT",
  "DAYS", "DROP", "EXPAND", "FLOOR.MATH", "FLOOR.PRECISE", "FORECAST.LINEAR", "FORMULATEXT", "HSTACK", "IFNA", "IFS",
  "ISFORMULA", "ISOMITTED", "ISOWEEKNUM", "LAMBDA", "LET", "MAKEARRAY", "MAP", "MAXIFS", "MINIFS", "MODE.MULT",
  "MODE.SNGL", "NETWORKDAYS.INTL", "NUMBERVALUE", "PERCENTILE.EXC", "PERCENTILE.INC", "PERCENTRANK.EXC",
  "PERCENTRANK.INC", "QUARTILE.EXC", "QUARTILE.INC", "RANDARRAY", "RANK.AVG", "RANK.EQ", "REDUCE", "SCAN",
  "SEQUENCE", "SHEET", "SHEETS", "SORTBY", "STDEV.P", "STDEV.S", "SWITCH", "TAKE", "TEXTAFTER", "TEXTBEFORE",
  "TEXTJOIN", "TEXTSPLIT", "TOCOL", "TOROW", "UNIQUE", "VALUETOTEXT", "ARRAYTOTEXT", "VAR.P", "VAR.S", "VSTACK",
  "WORKDAY.INTL", "WRAPCOLS", "WRAPROWS", "XLOOKUP", "XMATCH", "XOR",
];
/** Dynamic-array functions stored as `_xlfn._xlws.NAME`. */
const WORKSHEET_FUTURE = ["FILTER", "SORT"];

const escapeName = (n: string) => n.replace(/\./g, "\\.");
// a function name not preceded by a name character (so "_xlfn.IFS(" and "MYIFS(" stay as they are)
const FUTURE_CALL = new RegExp(`(?<![A-Za-z0-9_.\\\\])(${FUTURE.map(escapeName).join("|")})(?=\\()`, "gi");
const WORKSHEET_CALL = new RegExp(`(?<![A-Za-z0-9_.\\\\])(${WORKSHEET_FUTURE.join("|")})(?=\\()`, "gi");
const PREFIXES = /_xlfn\.(?:_xlws\.)?|_xlws\.|_xlpm\./gi;

/** Applies `fn` to the parts of a formula outside "string literals" and 'quoted sheet names'. */
function mapOutsideQuotes(formula: string, fn: (code: string) => string): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const next = formula.slice(i).search(/["']/);
    if (next < 0) {
      out += fn(formula.slice(i));
      break;
    }
    out += fn(formula.slice(i, i + next));
    const quote = formula[i + next]!;
    // a quoted part ends at the first quote not doubled ("" and '' are escapes)
    let j = i + next + 1;
    while (j < formula.length) {
      if (formula[j] === quote) {
        if (formula[j + 1] === quote) j += 2;
        else break;
      } else j++;
    }
    out += formula.slice(i + next, j + 1);
    i = j + 1;
  }
  return out;
}

/** "=IFNA(A1,0)" → "_xlfn.IFNA(A1,0)" (the text ExcelJS writes into <f>). */
export function toFileFormula(formula: string): string {
  const body = formula.startsWith("=") ? formula.slice(1) : formula;
  return mapOutsideQuotes(body, (code) =>
    code.replace(WORKSHEET_CALL, (name: string) => `_xlfn._xlws.${name}`).replace(FUTURE_CALL, (name: string) => `_xlfn.${name}`),
  );
}

/** "_xlfn.IFNA(A1,0)" → "=IFNA(A1,0)". */
export function fromFileFormula(text: string): string {
  return `=${mapOutsideQuotes(text, (code) => code.replace(PREFIXES, ""))}`;
}
