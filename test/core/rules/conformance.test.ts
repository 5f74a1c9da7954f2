/**
 * The conformance suite of the rule catalogue: every rule's failing and passing cases (cases.ts) run
 * against the validator (workbook cases) or the SIPD parser (paste cases), comparing the exact
 * findings; every rule has both kinds of case and every message code a rule declares is produced by
 * one of its failing cases. The reference pages in docs/rules/ are generated from the catalogue and
 * these runs (UPDATE_DOCS=1 rewrites them; otherwise they must be current).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readWorkbookModel } from "../../../src/app/read-model";
import { findingMessage, locationText, SEVERITY_LABEL, type Finding } from "../../../src/core/findings";
import { RULES, RULE_IDS, validateModel, type RuleId } from "../../../src/core/rules";
import { parseLra } from "../../../src/core/sipd";
import { MemoryWorkbook } from "../../../src/workbook/memory/memory-workbook";
import type { WorkbookOp } from "../../../src/workbook/port";
import { correctWorkbook2024 } from "../../support/workbooks";
import { CASES, type Case } from "./cases";

const key = (f: Finding) => `${f.rule} ${f.code} ${locationText(f.at)}`;
const sorted = (xs: readonly string[]) => [...xs].sort();

let base: MemoryWorkbook;
let baseline: string[];

beforeAll(async () => {
  base = await correctWorkbook2024();
  baseline = validateModel(await readWorkbookModel(base)).map(key);
});

/** The sheet an operation writes to (a defined name belongs to the workbook). */
function sheetOf(op: WorkbookOp): string | null {
  if ("sheet" in op) return op.sheet;
  if ("range" in op) return op.range.sheet;
  return null;
}

/** The findings a case gives beyond the unchanged workbook's. */
async function run(c: Case): Promise<Finding[]> {
  if (c.kind === "paste") {
    const r = parseLra(c.text);
    if (!r.ok) throw new Error(`${c.name}: refused (${r.code})`);
    return r.findings;
  }
  const wb = new MemoryWorkbook();
  await wb.apply(c.without === undefined ? base.snapshotOps() : base.snapshotOps().filter((op) => sheetOf(op) !== c.without));
  if (c.ops.length) await wb.apply(c.ops);
  const all = validateModel(await readWorkbookModel(wb));
  const rest = [...baseline];
  return all.filter((f) => {
    const i = rest.indexOf(key(f));
    if (i < 0) return true;
    rest.splice(i, 1);
    return false;
  });
}

const examples = new Map<RuleId, { name: string; messages: string[] }[]>();

describe.each(RULE_IDS.filter((id) => CASES[id]).map((id) => [id] as const))("%s", (id) => {
  const cases = CASES[id]!;
  it.each(cases.fail.map((c) => [c.name, c] as const))("fails: %s", async (_name, c) => {
    const found = await run(c);
    expect(sorted(found.map(key))).toEqual(sorted(c.expect));
    const own = found.filter((f) => f.rule === id);
    expect(own.length).toBeGreaterThan(0);
    examples.set(id, [...(examples.get(id) ?? []), { name: c.name, messages: own.map((f) => `${SEVERITY_LABEL[f.severity]} · ${locationText(f.at)} · ${findingMessage(f)}`) }]);
  });
  it.each(cases.pass.map((c) => [c.name, c] as const))("passes: %s", async (_name, c) => {
    const found = await run(c);
    expect(sorted(found.map(key))).toEqual(sorted(c.expect));
    expect(found.filter((f) => f.rule === id)).toEqual([]);
  });
});

describe("the catalogue and its cases", () => {
  it("every rule that reports something has failing and passing cases, and every code it declares is produced by one of them", () => {
    const missing: string[] = [];
    for (const id of RULE_IDS) {
      const codes = Object.keys(RULES[id].codes);
      if (codes.length === 0) continue;
      const c = CASES[id];
      if (!c || c.fail.length === 0 || c.pass.length === 0) {
        missing.push(`${id}: cases`);
        continue;
      }
      const produced = new Set(c.fail.flatMap((x) => x.expect).filter((e) => e.startsWith(`${id} `)).map((e) => e.split(" ")[1]));
      for (const code of codes) if (!produced.has(code)) missing.push(`${id}: ${code}`);
    }
    expect(missing).toEqual([]);
  });

  it("findings carry the severity the catalogue declares for their code", async () => {
    for (const id of RULE_IDS) {
      for (const c of CASES[id]?.fail ?? []) {
        for (const f of await run(c)) {
          expect([f.rule, f.code, f.severity]).toEqual([f.rule, f.code, (RULES[f.rule as RuleId].codes as Record<string, string>)[f.code]]);
        }
      }
    }
  });
});

afterAll(() => {
  const dir = join(__dirname, "../../../docs/rules");
  const pages = new Map<string, string>();
  for (const id of RULE_IDS) pages.set(`${id}.md`, rulePage(id));
  pages.set("README.md", indexPage());
  if (process.env.UPDATE_DOCS === "1") {
    mkdirSync(dir, { recursive: true });
    for (const [name, text] of pages) writeFileSync(join(dir, name), text);
    return;
  }
  const stale = [...pages].filter(([name, text]) => !existsSync(join(dir, name)) || readFileSync(join(dir, name), "utf8") !== text).map(([n]) => n);
  if (stale.length) throw new Error(`docs/rules is out of date (${stale.join(", ")}); run: npm run docs:rules`);
});

function rulePage(id: RuleId): string {
  const r = RULES[id];
  const codes = Object.entries(r.codes as Record<string, string>);
  const lines = [
    `# ${id} — ${r.title}`,
    "",
    `Keluarga: ${r.family} · Diperiksa di: ${r.scope.length ? r.scope.map((s) => (s === "workbook" ? "buku kerja (Periksa, sakip validate)" : "teks LRA yang ditempel (Impor SIPD, sakip sipd)")).join("; ") : "belum diperiksa otomatis"}`,
    "",
    "## Mengapa penting",
    "",
    r.why,
    "",
    "## Cara memperbaiki",
    "",
    r.fix,
    "",
  ];
  if ("tolerance" in r && r.tolerance) lines.push("## Toleransi", "", r.tolerance, "");
  if (codes.length) {
    lines.push("## Kode temuan", "", "| Kode | Tingkat |", "|---|---|", ...codes.map(([code, sev]) => `| \`${code}\` | ${SEVERITY_LABEL[sev as keyof typeof SEVERITY_LABEL]} |`), "");
  }
  const ex = examples.get(id) ?? [];
  if (ex.length) {
    lines.push("## Contoh (dari uji kesesuaian)", "");
    for (const e of ex) lines.push(`- **${e.name}**`, ...e.messages.map((m) => `  - ${m}`));
    lines.push("");
  }
  const pass = CASES[id]?.pass ?? [];
  if (pass.length) lines.push("## Tidak dilaporkan bila", "", ...pass.map((p) => `- ${p.name}`), "");
  lines.push("Halaman ini dibuat dari `src/core/rules/catalogue.ts` dan `test/core/rules/cases.ts` (`npm run docs:rules`).", "");
  return lines.join("\n");
}

function indexPage(): string {
  return [
    "# Aturan Periksa",
    "",
    "Setiap temuan SAKIP Workbook menyebut satu aturan. Nomor aturan mengikuti katalog galat laporan kinerja nyata (R-CAP, R-EFF, R-XREF …);",
    "aturan yang tidak ada di katalog itu (kelengkapan indikator, pemeriksaan gaya Excel) bernomor R-REP dan R-XL.",
    "",
    "| Aturan | Judul | Kode |",
    "|---|---|---|",
    ...RULE_IDS.map((id) => `| [${id}](${id}.md) | ${RULES[id].title} | ${Object.keys(RULES[id].codes).length || "—"} |`),
    "",
  ].join("\n");
}
