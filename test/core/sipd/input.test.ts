/**
 * What parseLra accepts and what it refuses: paste variants of the same export are read the same;
 * texts that are not an LRA kode-rekening export are refused with a message naming what was found.
 */
import { findingMessage } from "../../../src/core/findings";
import { DEFAULT_MAX_LENGTH, parseLra, type LraParseFailure, type LraParseResult } from "../../../src/core/sipd";
import { SUMMARY_LRA } from "../../support/lra-texts";
import { expectWellFormed, fixtureText, parsedOk, smallLra } from "./helpers";

const fixture = fixtureText();
const lines = fixture.split("\n");
const isData = (line: string): boolean => /^\d \d{2} \d/.test(line);

function refused(result: LraParseResult): LraParseFailure {
  if (result.ok) throw new Error(`expected a refusal, got ${result.rows.length} rows`);
  return result;
}

/** What the consumer sees, without the raw fields (which differ between paste variants by design). */
function summary(text: string): unknown {
  const r = parsedOk(parseLra(text));
  return {
    rows: r.rows.map((row) => [row.line, row.kode, row.level, row.uraian, row.stated, row.recomputed]),
    footer: r.footer.map((f) => [f.line, f.kind, f.stated]),
    findings: r.findings.map((f) => [f.at.line, f.rule, f.code, f.at.column, f.stated, f.expected]),
    meta: r.meta,
  };
}

describe("paste variants read the same as the export", () => {
  const expected = summary(fixture);

  it.each([
    ["Windows line ends (CRLF)", fixture.replace(/\n/g, "\r\n")],
    ["old Mac line ends (CR)", fixture.replace(/\n/g, "\r")],
    ["a byte order mark", `\ufeff${fixture}`],
    ["a trailing TAB on every data line", lines.map((l) => (isData(l) ? `${l}\t` : l)).join("\n")],
    ["several empty trailing fields and CR", lines.map((l) => (isData(l) ? `${l}\t\t\t\r` : l)).join("\n")],
    ["spaces around every field", lines.map((l) => (isData(l) ? l.split("\t").map((f) => ` ${f}  `).join("\t") : l)).join("\n")],
    ["double spaces and NBSP inside the kode", lines.map((l) => (isData(l) ? l.replace(" 01 ", "  01\u00a0") : l)).join("\n")],
    ["PDF markup around kode and uraian", lines.map((l) => (isData(l) ? l.replace(/^([^\t]+)\t([^\t]+)/, "**$1**\t<b>$2</b>") : l)).join("\n")],
  ])("%s", (_, text) => {
    expect(summary(text)).toEqual(expected);
  });

  it("keeps the raw fields of a row as pasted", () => {
    const text = lines.map((l) => (isData(l) ? l.split("\t").map((f) => ` ${f}`).join("\t") : l)).join("\n");
    const row = parsedOk(parseLra(text)).rows[0];
    expect(row?.fields[0]).toBe(" 7 01 7 01 00 00 00 5");
    expect(row?.kode).toBe("7 01 7 01 00 00 00 5");
  });

  it("reads the rows without the header block, and says the header is missing", () => {
    const rowsOnly = lines.slice(11).join("\n");
    const r = parsedOk(parseLra(rowsOnly));
    expect(r.rows).toHaveLength(241);
    expect(r.meta.tahunAnggaran).toBeNull();
    expect(r.meta.bulan).toBeNull();
    const missing = r.findings.find((f) => f.code === "sipd-header-missing");
    expect(missing).toMatchObject({ severity: "info", at: { kind: "line", line: 1 } });
    expect(findingMessage(missing!)).toContain("tahun anggaran, bagian bulan");
    // the page-break header on line 25 still names the pemda
    expect(r.meta.pemda).toBe("PEMERINTAH KABUPATEN LUMAJANG");
  });

  it("reads a month that is not a quarter end", () => {
    const text = fixture.replace("BAGIAN BULAN JUNI", "BAGIAN BULAN AGUSTUS");
    expect(parsedOk(parseLra(text)).meta.bulan).toEqual({ name: "AGUSTUS", number: 8, triwulan: 3, quarterEnd: false });
  });
});

describe("texts that are not an LRA kode-rekening export are refused", () => {
  const cases: Array<[string, unknown, string, RegExp]> = [
    ["empty text", "", "sipd-empty", /kosong/],
    ["only blanks and TABs", "  \n\t\t\n \r\n", "sipd-empty", /kosong/],
    ["not a string", 42, "sipd-not-text", /bukan teks \(number\)/],
    ["null", null, "sipd-not-text", /bukan teks \(null\)/],
    ["prose", "Laporan kinerja triwulan II.\nRealisasi anggaran sudah 53%.", "sipd-no-rows", /di antara 2 baris teks/],
    ["the LRA summary (pendapatan/belanja ringkasan)", SUMMARY_LRA, "sipd-summary-lra", /LRA ringkasan/],
    ["a PDF copy with one cell per line", fixture.replace(/\t/g, "\n"), "sipd-one-cell-per-line", /satu sel per baris \(241 baris/],
    ["a PDF copy with space-separated cells", fixture.replace(/\t/g, " "), "sipd-space-separated", /dipisah spasi/],
    [
      "HTML",
      `<html><body><table>${lines.filter(isData).map((l) => `<tr><td>${l.split("\t").join("</td><td>")}</td></tr>`).join("")}</table></body></html>`,
      "sipd-html",
      /HTML \(<html>\)/,
    ],
    ["CSV with semicolons", fixture.replace(/\t/g, ";"), "sipd-csv", /pemisah ";"/],
    ["CSV with commas, quoted", lines.map((l) => l.split("\t").map((f) => `"${f}"`).join(",")).join("\n"), "sipd-csv", /pemisah ","/],
    ["rows without the uraian column", lines.map((l) => (isData(l) ? l.split("\t").filter((_, i) => i !== 1).join("\t") : l)).join("\n"), "sipd-wrong-columns", /berisi 8 kolom/],
  ];

  it.each(cases)("%s", (_, input, code, text) => {
    const r = refused(parseLra(input as string));
    expect(r.code).toBe(code);
    expect(r.message).toMatch(text);
    expect(r.message).toContain("Yang diharapkan: tabel Laporan Realisasi Anggaran SIPD per kode rekening, 9 kolom dipisah TAB");
    expectWellFormed(r, 1);
  });

  it("says what it found", () => {
    const r = refused(parseLra(fixture.replace(/\t/g, ";")));
    expect(r.found).toEqual({ lines: 314, kodeLines: 241, dataRows: 0, linesWithTab: 0, separator: ";" });
  });

  it("refuses a text where most kode lines cannot be read, rather than import a part of it", () => {
    let n = 0;
    const text = lines.map((l) => (isData(l) && n++ % 3 !== 0 ? l.replace(/\t[^\t]*$/, "") : l)).join("\n");
    const r = refused(parseLra(text));
    expect(r.code).toBe("sipd-mostly-unreadable");
    expect(r.message).toMatch(/^Hanya 81 dari 241 baris berkode rekening/);
  });

  it("refuses a text longer than the limit before reading it", () => {
    const r = refused(parseLra(fixture, { maxLength: 10_000 }));
    expect(r.code).toBe("sipd-too-large");
    expect(r.message).toMatch(/^Teks terlalu besar: 0,0 MB, lebih dari 0,0 MB\. Satu LRA perangkat daerah hanya beberapa MB/);
    expect(parseLra(fixture, { maxLength: fixture.length }).ok).toBe(true);
  });

  it("takes any options value from plain JavaScript without throwing", () => {
    for (const options of [null, 5, "x", { maxLength: -1 }, { maxLength: Number.NaN }, { rollupReading: "nonsense" }]) {
      const r = parsedOk(parseLra(fixture, options as never));
      expect(r.findings.filter((f) => f.code === "sipd-rollup")).toEqual([]);
    }
  });

  it.each([
    ["one 20 MB line", "x".repeat(20 << 20), "sipd-no-rows"],
    ["a 20 MB near-miss kode (a regex over it would overflow its stack)", `7 01 7 01 00 01 00${" 1".repeat(10 << 20)}`, "sipd-space-separated"],
    ["20 MB of unclosed markup", "**<b ".repeat(4 << 20), "sipd-no-rows"],
  ])("refuses %s without failing", (_, text, code) => {
    expect(refused(parseLra(text)).code).toBe(code);
  });

  it("has a default limit of 60 MiB", () => {
    expect(DEFAULT_MAX_LENGTH).toBe(60 * 1024 * 1024);
    const r = refused(parseLra(" ".repeat(DEFAULT_MAX_LENGTH + 1)));
    expect(r.code).toBe("sipd-too-large");
    expect(r.message).toMatch(/^Teks terlalu besar: 60,0 MB, lebih dari 60,0 MB/);
  });
});

describe("lines that look like data but cannot be read are reported, not dropped silently", () => {
  it("a kode line with 8 fields inside a valid export is an error at its line", () => {
    const text = smallLra();
    text[19 - 1] = (text[19 - 1] ?? "").replace(/\t[^\t]*$/, "");
    const r = parsedOk(parseLra(text.join("\n")));
    expect(r.rows.map((x) => x.line)).not.toContain(19);
    expect(r.findings.filter((f) => f.at.line === 19)).toMatchObject([
      { rule: "R-PARSE", code: "sipd-line-fields", severity: "error", stated: 8, expected: 9 },
    ]);
    // and the missing money shows up in the roll-up of its parent
    expect(r.findings.filter((f) => f.at.line === 18 && f.code === "sipd-rollup").length).toBeGreaterThan(0);
  });

  it("a kode that breaks the SIPD pattern is an error at its line", () => {
    const text = smallLra();
    text[20 - 1] = (text[20 - 1] ?? "").replace("2.01.0001", "2.01.00x1");
    const r = parsedOk(parseLra(text.join("\n")));
    expect(r.findings.find((f) => f.at.line === 20)).toMatchObject({ rule: "R-KODE-01", code: "sipd-kode-unrecognised", severity: "error" });
  });

  it("an unlabelled numeric line is reported and skipped", () => {
    const text = smallLra();
    text.splice(21, 0, "\t\t1.000,00\t1.000,00\t0,00\t0,00\t0,00\t0,00\t1.000,00");
    const r = parsedOk(parseLra(text.join("\n")));
    expect(r.findings.find((f) => f.at.line === 22)).toMatchObject({ rule: "R-PARSE", code: "sipd-unlabelled-row", severity: "warning" });
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("a lone text line between two rows is the wrapped tail of the uraian above", () => {
    const text = smallLra();
    text.splice(19, 0, "Bermotor Perorangan");
    const r = parsedOk(parseLra(text.join("\n")));
    expect(r.rows.find((x) => x.line === 19)?.uraian).toBe("Belanja Alat Tulis Kantor Bermotor Perorangan");
    expect(r.skipped.find((s) => s.line === 20)).toEqual({ line: 20, kind: "uraian-continuation", text: "Bermotor Perorangan" });
    expect(r.findings.find((f) => f.at.line === 20)).toMatchObject({ rule: "R-PARSE", code: "sipd-uraian-continuation", severity: "info", related: [{ kind: "line", line: 19 }] });
  });
});
