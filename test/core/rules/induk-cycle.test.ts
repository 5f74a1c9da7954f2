/**
 * Induk cycles found in one pass (indukCyclePaths) against the walk up from every row it replaces,
 * on random PKs: IDs in any case, taken twice, Induk unknown or empty, chains and cycles.
 */
import fc from "fast-check";
import { readWorkbookModel } from "../../../src/app/read-model";
import { findingMessage } from "../../../src/core/findings";
import { PERJANJIAN_KINERJA, TABLE_ROWS, colIndex } from "../../../src/core/layouts";
import { validateModel } from "../../../src/core/rules";
import type { Indicator } from "../../../src/core/rules/context";
import { indukCyclePaths, type IdPath } from "../../../src/core/rules/checks/inputs";
import { correctWorkbook2024 } from "../../support/workbooks";

function row(i: number, id: string, induk: string): Indicator {
  return { id, pkRow: 6 + i, capRow: undefined, cpoRow: undefined, jabatan: "", no: "", level: "", kode: "", sasaran: "", indikator: "", satuan: "", induk };
}

function firstById(rows: readonly Indicator[]): Map<string, Indicator> {
  const out = new Map<string, Indicator>();
  for (const r of rows) if (r.id !== "" && !out.has(r.id.toLowerCase())) out.set(r.id.toLowerCase(), r);
  return out;
}

const ids = (p: IdPath): string[] => Array.from({ length: p.length }, (_, k) => p.id(k));

/** The walk this replaces: from each row's Induk upwards, until its own ID comes round again. */
function reference(rows: readonly Indicator[]): Map<Indicator, string[]> {
  const first = firstById(rows);
  const out = new Map<Indicator, string[]>();
  for (const ind of rows) {
    if (ind.induk === "") continue;
    const parent = first.get(ind.induk.toLowerCase());
    if (!parent) continue;
    const path = [ind.id];
    let cur: Indicator | undefined = parent;
    while (cur && cur.induk !== "" && path.length <= rows.length) {
      path.push(cur.id);
      if (cur.id.toLowerCase() === ind.id.toLowerCase()) {
        out.set(ind, path);
        break;
      }
      cur = first.get(cur.induk.toLowerCase());
    }
  }
  return out;
}

describe("Induk cycles", () => {
  it("are the rows the walk up from each row finds, with the same IDs on the way", () => {
    const id = fc.constantFrom("IK-1", "ik-1", "IK-2", "IK-3", "Ik-3", "IK-4", "IK-5", "IK-6", "");
    const induk = fc.constantFrom("IK-1", "IK-2", "ik-2", "IK-3", "IK-4", "IK-5", "IK-6", "IK-9", "", "");
    fc.assert(
      fc.property(fc.array(fc.tuple(id, induk), { maxLength: 12 }), (spec) => {
        const rows = spec.map(([i, p], k) => row(k, i, p));
        const got = indukCyclePaths(rows, firstById(rows));
        const want = reference(rows);
        expect([...got].map(([r, p]) => [r.pkRow, ids(p)])).toEqual([...want].map(([r, p]) => [r.pkRow, p]));
      }),
      { numRuns: 5000 },
    );
  });

  it("are found along a whole sheet: a chain of 3 000 rows has none, the same rows closed into a ring are all on it, and so are their copies", () => {
    const n = 3000;
    const id = (i: number) => `IK-${i}`;
    const chain = Array.from({ length: n }, (_, i) => row(i, id(i), i === 0 ? "" : id(i - 1)));
    expect(indukCyclePaths(chain, firstById(chain)).size).toBe(0);
    const ring = Array.from({ length: n }, (_, i) => row(i, id(i), id((i + n - 1) % n)));
    const paths = indukCyclePaths(ring, firstById(ring));
    expect(paths.size).toBe(n);
    // row 5's Induk is row 4, then 3, … round to 5 itself
    const p = paths.get(ring[5]!)!;
    expect(p.length).toBe(n + 1);
    expect([p.id(0), p.id(1), p.id(2), p.id(6), p.id(n - 1), p.id(n)]).toEqual(["IK-5", "IK-4", "IK-3", `IK-${n - 1}`, "IK-6", "IK-5"]);

    // the ring pasted again below itself: each copy's Induk leads round to the ID it took
    const twice = [...ring, ...ring.map((r, i) => row(n + i, r.id, r.induk))];
    const both = indukCyclePaths(twice, firstById(twice));
    expect(both.size).toBe(2 * n);
    const copy = both.get(twice[n + 5]!)!;
    // the copy, then IK-4 … round to IK-5's first row
    expect(copy.length).toBe(n + 1);
    expect([copy.id(0), copy.id(1), copy.id(5), copy.id(6), copy.id(n)]).toEqual(["IK-5", "IK-4", "IK-0", `IK-${n - 1}`, "IK-5"]);
    expect(ids(copy)).toEqual(reference(twice).get(twice[n + 5]!));
  });
});

describe("an Induk cycle in Periksa", () => {
  it("is reported at every row on it, the message naming the IDs round, a long cycle shortened in the middle", async () => {
    const wb = await correctWorkbook2024();
    const F = TABLE_ROWS.firstData;
    // IK-002 … IK-012, each under the one before, IK-002 under IK-012
    const ring = Array.from({ length: 11 }, (_, k) => [`IK-${String(k === 0 ? 12 : k + 1).padStart(3, "0")}`]);
    await wb.apply([{ type: "write", sheet: PERJANJIAN_KINERJA.sheet, row: F + 1, col: colIndex(PERJANJIAN_KINERJA, "induk"), cells: ring }]);
    const cycles = validateModel(await readWorkbookModel(wb)).filter((f) => f.code === "induk-cycle");
    expect(cycles.map((f) => (f.at.kind === "cell" ? f.at.row : -1))).toEqual(Array.from({ length: 11 }, (_, k) => F + 1 + k));
    expect(findingMessage(cycles[0]!)).toBe("Induk IK-012 membentuk lingkaran (IK-002 → IK-012 → IK-011 → IK-010 → IK-009 → IK-008 → … → IK-002).");
  });
});
