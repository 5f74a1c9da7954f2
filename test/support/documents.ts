/**
 * Documents as a reader sees them: LibreOffice (headless) converts a .docx or .xlsx to PDF, and
 * poppler reads the PDF back as text per page (pdftotext) or as PNG pictures (pdftoppm) kept under
 * out/ for a person to look at. Each conversion has its own LibreOffice profile (parallel workers),
 * and the locale is pinned: id-ID shows numbers under Excel formats as an Indonesian PC does
 * (#,##0 → 7.229.814.333).
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { run } from "./libreoffice";

const exec = promisify(execFile);

const profileSettings = (locale: string) => `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>${locale}</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>${locale}</value></prop></item>
</oor:items>
`;

/** The document converted to PDF by LibreOffice; `ext` says what the bytes are ("docx", "xlsx"). */
export async function toPdf(bytes: Uint8Array, ext: "docx" | "xlsx", options: { locale?: string; timeoutMs?: number } = {}): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), "sakip-pdf-"));
  try {
    const profile = join(dir, "profile");
    await mkdir(join(profile, "user"), { recursive: true });
    await writeFile(join(profile, "user", "registrymodifications.xcu"), profileSettings(options.locale ?? "id-ID"));
    const inFile = join(dir, `document.${ext}`);
    await writeFile(inFile, bytes);
    const outDir = join(dir, "out");
    const args = [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--norestore", "--nologo", "--nodefault", "--convert-to", "pdf", "--outdir", outDir, inFile];
    const { stdout, stderr } = await run("soffice", args, options.timeoutMs ?? 90_000);
    return await readFile(join(outDir, "document.pdf")).catch((error: unknown) => {
      throw new Error(`LibreOffice did not convert the ${ext} to PDF (${String(error)}).\nstdout: ${stdout}\nstderr: ${stderr}`);
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function withPdf<T>(pdf: Uint8Array, f: (file: string, dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), "sakip-poppler-"));
  try {
    const file = join(dir, "document.pdf");
    await writeFile(file, pdf);
    return await f(file, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The text of each page (pdftotext -layout keeps a table row on one line). */
export async function pdfPages(pdf: Uint8Array): Promise<string[]> {
  return withPdf(pdf, async (file) => {
    const { stdout } = await exec("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { maxBuffer: 64 * 1024 * 1024 });
    const pages = stdout.split("\f");
    if (pages[pages.length - 1]!.trim() === "") pages.pop();
    return pages;
  });
}

/** Page sizes in points, [width, height] per page (pdfinfo). */
export async function pdfPageSizes(pdf: Uint8Array): Promise<[number, number][]> {
  return withPdf(pdf, async (file) => {
    const { stdout } = await exec("pdfinfo", ["-f", "1", "-l", "9999", file]);
    return [...stdout.matchAll(/^Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => [Number(m[1]), Number(m[2])] as [number, number]);
  });
}

/** Pages `first`..`last` rendered to PNG as `<prefix>-<n>.png`; returns the files written. */
export async function pdfToPngs(pdf: Uint8Array, prefix: string, options: { first?: number; last?: number; dpi?: number } = {}): Promise<string[]> {
  return withPdf(pdf, async (file, dir) => {
    const out = join(dir, "page");
    await exec("pdftoppm", ["-png", "-r", String(options.dpi ?? 60), "-f", String(options.first ?? 1), "-l", String(options.last ?? 3), file, out]);
    const written: string[] = [];
    for (const name of (await readdir(dir)).filter((n) => n.startsWith("page-") && n.endsWith(".png")).sort()) {
      const page = Number(/page-0*(\d+)\.png$/.exec(name)![1]);
      const target = `${prefix}-${page}.png`;
      await writeFile(target, await readFile(join(dir, name)));
      written.push(target);
    }
    return written;
  });
}
