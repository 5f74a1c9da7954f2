/**
 * The public error catalogue of the real reports against the validator. Each seed's tables are typed
 * into a workbook as the report printed them (test/support/fixture-workbook.ts); for every entry the
 * workbook can express, the validator must report a finding of the entry's rule family on a row its
 * cited lines became. Entries about the narrative, the layout of the text, or a table the workbook
 * does not hold are listed with the reason they cannot be expressed.
 */
import { readWorkbookModel } from "../../../src/app/read-model";
import type { Finding } from "../../../src/core/findings";
import { validateModel } from "../../../src/core/rules";
import { catalogue, citedLines, type CatalogueEntry } from "../../fixtures/load";
import { seedWorkbook, type Seed, type SeedWorkbook } from "../../support/fixture-workbook";

jest.setTimeout(60_000);

/** Why an entry cannot be expressed in the workbook. */
const NOT_EXPRESSIBLE: Record<string, string> = {
  "E000-02": "narrative (period text, 'belum ada yang mencapai 100%')",
  "E000-06": "narrative contradicting a correct table value",
  "E000-10": "layout of the PDF text (a row split by a page break)",
  "E000-11": "narrative (Bab I)",
  "E001-01": "narrative",
  "E001-10": "narrative",
  "E001-17": "narrative",
  "E001-19": "narrative",
  "E001-20": "narrative (Bab I)",
  "E001-21": "narrative",
  "E001-26": "narrative",
  "E001-28": "narrative (period text)",
  "E001-32": "narrative",
  "E001-37": "narrative",
  "E001-38": "narrative (Bab I)",
  "E001-39": "layout of the PDF text",
  "E003-03": "narrative and signature (period text)",
  "E003-04": "narrative",
  "E003-05": "narrative",
  "E003-14": "narrative",
  "E003-16": "layout of the PDF text",
};

const SEEDS: Seed[] = ["000", "001", "003"];
const built = new Map<Seed, { seed: SeedWorkbook; findings: Finding[] }>();

beforeAll(async () => {
  for (const s of SEEDS) {
    const seed = await seedWorkbook(s);
    built.set(s, { seed, findings: validateModel(await readWorkbookModel(seed.wb)) });
  }
});

const seedOf = (e: CatalogueEntry): Seed => e.seed.slice(0, 3) as Seed;
const families = (e: CatalogueEntry): string[] => e.rule.split(";").map((r) => r.trim().replace(/-\d+$/, ""));

const entries = catalogue();
const expressible = entries.filter((e) => !(e.id in NOT_EXPRESSIBLE));

/** The findings of an entry's families on the rows its lines became. */
function detected(e: CatalogueEntry): Finding[] {
  const { seed, findings } = built.get(seedOf(e))!;
  const rows = new Set(citedLines(e).flatMap((l) => seed.rowsByLine.get(l) ?? []).map((r) => `${r.sheet}|${r.row}`));
  const fams = families(e);
  return findings.filter((f) => {
    if (!fams.some((fam) => f.rule.startsWith(fam))) return false;
    const places = [f.at, ...(f.related ?? [])];
    return places.some((p) => p.kind !== "line" && rows.has(`${p.sheet}|${p.row}`));
  });
}

describe("the public error catalogue, typed as the reports printed it", () => {
  it("every entry is either expressible or has a reason not to be", () => {
    expect(entries).toHaveLength(66);
    for (const id of Object.keys(NOT_EXPRESSIBLE)) expect(entries.map((e) => e.id)).toContain(id);
    expect(expressible.length).toBe(66 - Object.keys(NOT_EXPRESSIBLE).length);
  });

  it.each(expressible.map((e) => [e.id, e] as const))("%s is reported with its rule family on its rows", (id, e) => {
    const { seed } = built.get(seedOf(e))!;
    const mapped = citedLines(e).filter((l) => seed.rowsByLine.has(l));
    expect([id, mapped.length > 0]).toEqual([id, true]);
    expect([id, detected(e).map((f) => f.rule)]).toEqual([id, expect.arrayContaining([expect.stringMatching(new RegExp(`^(${families(e).join("|")})`))])]);
  });

  afterAll(() => {
    const found = expressible.filter((e) => detected(e).length > 0).length;
    // the number the closing note reports
    process.stdout.write(`\nKatalog publik: ${entries.length} entri, ${expressible.length} dapat dinyatakan dalam buku kerja, ${found} terdeteksi.\n`);
  });
});
