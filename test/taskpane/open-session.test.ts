import { openIntoSession, unsavedChanges } from "../../src/taskpane/open-session";
import { workbookChanges } from "../../src/taskpane/session";
import { memoryAccess } from "../../src/taskpane/workbook-access";
import { SessionWorkbook } from "../../src/app/session-workbook";
import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { correctWorkbook2024 } from "../support/workbooks";

jest.setTimeout(60_000);

describe("opening a file into the session", () => {
  it("replaces the session workbook and tells every grid; a refused file leaves it as it was", async () => {
    const first = await correctWorkbook2024(new SessionWorkbook());
    const access = memoryAccess(first);
    const changes = workbookChanges();
    expect(await unsavedChanges(access)).toBe(true);

    const stages: string[] = [];
    const refused = await openIntoSession(access, changes, new File(["bukan xlsx"], "catatan.txt"), (s) => stages.push(s));
    expect(refused).toEqual({ ok: false, message: expect.stringMatching(/^catatan\.txt bukan buku kerja \.xlsx\./) });
    expect(await access.port()).toBe(first);
    expect(changes.version()).toBe(0);

    const bytes = await (await correctWorkbook2024(XlsxWorkbook.create())).toBuffer();
    const r = await openIntoSession(access, changes, new File([bytes.slice()], "lkj.xlsx"), (s) => stages.push(s));
    expect(r).toEqual({ ok: true, name: "lkj.xlsx", sheets: ["Pengaturan", "Referensi", "Perjanjian Kinerja", "Capaian", "Cost per Outcome", "Realisasi Anggaran", "Rincian SIPD"] });
    const now = await access.port();
    expect(now).not.toBe(first);
    expect((now as SessionWorkbook).origin?.name).toBe("lkj.xlsx");
    expect(await unsavedChanges(access)).toBe(false);
    expect(changes.version()).toBe(1);
    expect(stages).toEqual(["membaca berkas", "membaca berkas", "membaca isi buku kerja", "menyiapkan lembar"]);
  });

  it("a plain memory workbook (no download tracking) counts any sheet as work to keep", async () => {
    expect(await unsavedChanges(memoryAccess(new MemoryWorkbook()))).toBe(false);
    expect(await unsavedChanges(memoryAccess(MemoryWorkbook.fromSheets({ A: [[1]] })))).toBe(true);
  });
});
