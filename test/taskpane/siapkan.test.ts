import { DEFAULT_JABATAN } from "../../src/core/layouts";
import { WorkbookRuleError } from "../../src/core/workbook-ops";
import { checkForm, describeFailure, EMPTY_FORM, fieldErrors, formFromSettings, formInput } from "../../src/taskpane/siapkan";

const FILLED = { ...EMPTY_FORM, unitKerja: " Kecamatan Lumajang ", tahun: "2024", periode: "TW II" };

describe("the Siapkan Lembar form", () => {
  it("starts with the schema's defaults and no year or period", () => {
    expect(EMPTY_FORM).toMatchObject({ tahun: "", periode: "", skala: "kecamatan", rumusNegatif: "2T-R", jabatan: DEFAULT_JABATAN.join("\n") });
  });

  it("is filled from the workbook's settings; what the workbook lacks keeps its value", () => {
    const form = formFromSettings({ unitKerja: "Kecamatan Lumajang", tahun: 2024, jabatan: ["Camat", "Sekretaris Kecamatan"] });
    expect(form).toEqual({ ...EMPTY_FORM, unitKerja: "Kecamatan Lumajang", tahun: "2024", jabatan: "Camat\nSekretaris Kecamatan" });
  });

  it("reads the jabatan one per line, without blank lines or spacing", () => {
    expect(formInput({ ...FILLED, jabatan: "Camat\r\n\n  Kasi Pemerintahan  \n" }).jabatan).toEqual(["Camat", "Kasi Pemerintahan"]);
  });

  it("validates with the settings schema and gives the parsed settings", () => {
    expect(checkForm(FILLED)).toEqual({
      ok: true,
      settings: { unitKerja: "Kecamatan Lumajang", pemda: "", kodeOrganisasi: "", tahun: 2024, periode: "TW II", skala: "kecamatan", rumusNegatif: "2T-R", jabatan: DEFAULT_JABATAN },
    });
  });

  it("reports every problem, keyed by field", () => {
    const r = checkForm({ ...EMPTY_FORM, kodeOrganisasi: "7.01", jabatan: "" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors).sort()).toEqual(["jabatan", "kodeOrganisasi", "periode", "tahun", "unitKerja"]);
  });

  it("files a problem of a list item under its list, and unknown fields under the form", () => {
    expect(
      fieldErrors([
        { field: "jabatan.3", message: "Terlalu pendek." },
        { field: "jabatan", message: "Terlalu pendek." },
        { field: "", message: "Isian tidak dikenal." },
      ]),
    ).toEqual({ jabatan: "Terlalu pendek.", form: "Isian tidak dikenal." });
  });
});

describe("explaining a failure", () => {
  it("while reading: nothing was written", () => {
    expect(describeFailure(new Error("Excel gagal membaca daftar lembar: x"), "membaca")).toEqual({
      title: "Buku kerja tidak dapat dibaca",
      message: "Excel gagal membaca daftar lembar: x",
      state: "Belum ada yang ditulis ke buku kerja.",
    });
  });

  it("a rule the adapter checks before touching the workbook: nothing was written", () => {
    expect(describeFailure(new WorkbookRuleError('Lembar "Capaian" sudah ada.', undefined), "merencanakan").state).toBe("Belum ada yang ditulis ke buku kerja.");
  });

  it("while writing: trusts the adapter's word that it restored the workbook, and otherwise says it may be partial", () => {
    const restored = Object.assign(new Error("Excel gagal menulis"), { restored: true, code: "InvalidArgument" });
    expect(describeFailure(restored, "menulis")).toMatchObject({ code: "InvalidArgument", state: expect.stringMatching(/^Buku kerja sudah dikembalikan/) });
    expect(describeFailure(new Error("Excel gagal menulis"), "menulis").state).toMatch(/^Sebagian perubahan mungkin sudah tertulis/);
    expect(describeFailure("teks", "merencanakan").message).toBe("teks");
  });
});
