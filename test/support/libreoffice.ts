/**
 * Recalculates an .xlsx with LibreOffice (headless) and returns every sheet's computed values, so tests
 * can check the native formulas a workbook carries without Excel. The file goes xlsx → xlsx rather than
 * to CSV: numbers stay numbers, errors stay recognisable ("#DIV/0!"), and every sheet comes back at once.
 *
 * Each call uses its own LibreOffice profile (parallel jest workers would otherwise share one, and a
 * second soffice on a profile hands its work to the first and exits). The profile sets "recalculate on
 * load: always" for OOXML: by default LibreOffice 7.4 keeps the cached results a file carries, and it
 * ignores fullCalcOnLoad. The locale is pinned too (see profileSettings).
 */
import { spawn } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { CellValue } from "../../src/workbook/port";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";

export interface Recalculated {
  /** Values by sheet, from A1 to the last used cell; formula cells hold their computed value. */
  sheets: Record<string, CellValue[][]>;
  /** The file LibreOffice wrote, opened: to check what a second reader kept (validations, names, ...). */
  converted: XlsxWorkbook;
}

export interface RecalculateOptions {
  /** Default 60 s; the first run of a fresh profile takes about 1–2 s. */
  timeoutMs?: number;
  /** The soffice executable; default "soffice" on PATH. */
  soffice?: string;
  /** The locale numbers are read and written in (decimal comma under id-ID); default en-US. */
  locale?: "en-US" | "id-ID";
}

const INSTALL_HINT = "install libreoffice-calc-nogui (apt-get install -y --no-install-recommends libreoffice-calc-nogui)";

/**
 * OOXMLRecalcMode 0 = always recalculate on load (1 = never, 2 = ask). The locale is fixed (en-US unless
 * asked) because number-to-text conversion follows it (="<"&0.5 gives "<0,5" under id-ID, in Excel too),
 * and results must not depend on the machine's LANG.
 */
const profileSettings = (locale: string): string => `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>${locale}</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>en-US</value></prop></item>
</oor:items>
`;

export async function recalculate(input: Uint8Array | string, options: RecalculateOptions = {}): Promise<Recalculated> {
  const wb = await XlsxWorkbook.fromBuffer(await convert(input, "xlsx", options));
  const sheets: Record<string, CellValue[][]> = {};
  for (const info of await wb.sheets()) {
    const [cells] = info.usedRows > 0 ? await wb.read([{ sheet: info.name, row: 0, col: 0, rows: info.usedRows, cols: info.usedCols }]) : [[]];
    sheets[info.name] = (cells ?? []).map((row) => row.map((c) => c.value));
  }
  return { sheets, converted: wb };
}

/** The workbook as LibreOffice opens it and saves it again, as .xlsx or .pdf. */
export async function convert(input: Uint8Array | string, format: "xlsx" | "pdf", options: RecalculateOptions = {}): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), "sakip-lo-"));
  try {
    const profile = join(dir, "profile");
    const inFile = join(dir, "in", "book.xlsx");
    const outDir = join(dir, "out");
    await mkdir(join(profile, "user"), { recursive: true });
    await mkdir(join(dir, "in"));
    await writeFile(join(profile, "user", "registrymodifications.xcu"), profileSettings(options.locale ?? "en-US"));
    if (typeof input === "string") await copyFile(input, inFile);
    else await writeFile(inFile, input);

    const args = [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--norestore", "--nologo", "--nodefault", "--convert-to", format, "--outdir", outDir, inFile];
    const { stdout, stderr } = await run(options.soffice ?? "soffice", args, options.timeoutMs ?? 60_000);
    return await readFile(join(outDir, `book.${format}`)).catch((error: unknown) => {
      throw new Error(`LibreOffice did not convert the workbook (${String(error)}).\nstdout: ${stdout}\nstderr: ${stderr}`);
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function run(command: string, args: string[], timeoutMs: number): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // its own process group: soffice is a script that starts soffice.bin, and a timeout must stop both
    const child = spawn(command, args, { detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch (error) {
        // ESRCH: it ended just now and "close" follows; otherwise it may never close
        if ((error as NodeJS.ErrnoException).code !== "ESRCH") reject(new Error(`LibreOffice took longer than ${timeoutMs} ms and could not be stopped: ${String(error)}`));
      }
    }, timeoutMs);
    child.on("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(error.code === "ENOENT" ? new Error(`LibreOffice (${command}) not found: ${INSTALL_HINT}.`) : error);
    });
    // after "close" the process is gone, so the caller may delete its profile and files
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (timedOut) reject(new Error(`LibreOffice took longer than ${timeoutMs} ms and was stopped.\nstderr: ${stderr}`));
      else if (code === 0) resolve({ stdout, stderr });
      else reject(new Error(`LibreOffice exited with ${code ?? signal}.\nstdout: ${stdout}\nstderr: ${stderr}`));
    });
  });
}
