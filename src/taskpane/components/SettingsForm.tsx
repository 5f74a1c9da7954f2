import { useImperativeHandle, useRef, type Ref } from "react";
import { Field, Input, makeStyles, Select, Textarea, tokens } from "@fluentui/react-components";
import {
  FIELD_KEYS,
  FIELD_LABELS,
  NEGATIVE_FORMULA_OPTIONS,
  PERIOD_OPTIONS,
  SCALE_OPTIONS,
  type FieldErrors,
  type FieldKey,
  type SettingsForm as FormValues,
} from "../siapkan";

export interface SettingsFormHandle {
  /** Moves the keyboard focus to a field (the first one with a problem). */
  focus(field: FieldKey): void;
}

export interface SettingsFormProps {
  values: FormValues;
  errors: FieldErrors;
  disabled?: boolean;
  onChange: (field: FieldKey, value: string) => void;
  handle?: Ref<SettingsFormHandle>;
}

const HINTS: Partial<Record<FieldKey, string>> = {
  unitKerja: "Seperti di laporan, mis. Kecamatan Lumajang.",
  pemda: "Mis. Pemerintah Kabupaten Lumajang (opsional).",
  kodeOrganisasi: "Mis. 7.01.0.00.0.00.01.0000 (opsional).",
  tahun: "Tahun laporan, mis. 2024.",
  periode: "TW I–IV dihitung kumulatif sejak 1 Januari.",
  skala: "Kecamatan: >90% Sangat Tinggi … ≤50% Sangat Rendah.",
  rumusNegatif: "Untuk indikator yang makin kecil makin baik. 2T-R: (2 × target − realisasi) / target; T/R: target / realisasi.",
  jabatan: "Satu jabatan per baris; menjadi pilihan kolom Jabatan di lembar Perjanjian Kinerja.",
};

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  pair: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: tokens.spacingHorizontalM },
  // a field and its control shrink to their column: a native input is ~180 px wide by itself, which at
  // 380 px ran "Tahun anggaran" 15 px into "Periode"
  pairItem: { minWidth: 0 },
  fill: { width: "100%", minWidth: 0, boxSizing: "border-box" },
});

/** The settings of "Siapkan Lembar" as inputs; each problem is shown under its own field. */
export function SettingsForm({ values, errors, disabled, onChange, handle }: SettingsFormProps) {
  const styles = useStyles();
  const refs = useRef<Partial<Record<FieldKey, HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null>>>({});
  useImperativeHandle(handle, () => ({ focus: (field) => refs.current[field]?.focus() }), []);

  const field = (key: FieldKey, required = false) => ({
    label: FIELD_LABELS[key],
    required,
    hint: HINTS[key],
    validationMessage: errors[key],
    validationState: errors[key] ? ("error" as const) : ("none" as const),
  });
  const bind = <E extends HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(key: FieldKey) => ({
    value: values[key],
    disabled,
    name: key,
    ref: (el: E | null) => {
      refs.current[key] = el;
    },
  });

  return (
    <div className={styles.root}>
      <Field {...field("unitKerja", true)}>
        <Input {...bind<HTMLInputElement>("unitKerja")} onChange={(_, d) => onChange("unitKerja", d.value)} autoComplete="organization" />
      </Field>
      <Field {...field("pemda")}>
        <Input {...bind<HTMLInputElement>("pemda")} onChange={(_, d) => onChange("pemda", d.value)} />
      </Field>
      <Field {...field("kodeOrganisasi")}>
        <Input {...bind<HTMLInputElement>("kodeOrganisasi")} onChange={(_, d) => onChange("kodeOrganisasi", d.value)} spellCheck={false} />
      </Field>
      <div className={styles.pair}>
        <Field className={styles.pairItem} {...field("tahun", true)}>
          <Input className={styles.fill} {...bind<HTMLInputElement>("tahun")} onChange={(_, d) => onChange("tahun", d.value)} inputMode="numeric" />
        </Field>
        <Field className={styles.pairItem} {...field("periode", true)}>
          <Select className={styles.fill} {...bind<HTMLSelectElement>("periode")} onChange={(_, d) => onChange("periode", d.value)}>
            <option value="">Pilih periode</option>
            {PERIOD_OPTIONS.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
            <Unknown value={values.periode} known={PERIOD_OPTIONS} />
          </Select>
        </Field>
      </div>
      <Field {...field("skala")}>
        <Select {...bind<HTMLSelectElement>("skala")} onChange={(_, d) => onChange("skala", d.value)}>
          {SCALE_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
          <Unknown value={values.skala} known={SCALE_OPTIONS.map((o) => o.value)} />
        </Select>
      </Field>
      <Field {...field("rumusNegatif")}>
        <Select {...bind<HTMLSelectElement>("rumusNegatif")} onChange={(_, d) => onChange("rumusNegatif", d.value)}>
          {NEGATIVE_FORMULA_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
          <Unknown value={values.rumusNegatif} known={NEGATIVE_FORMULA_OPTIONS.map((o) => o.value)} />
        </Select>
      </Field>
      <Field {...field("jabatan")}>
        <Textarea {...bind<HTMLTextAreaElement>("jabatan")} onChange={(_, d) => onChange("jabatan", d.value)} rows={6} resize="vertical" />
      </Field>
    </div>
  );
}

/** A value read from the workbook that is not a choice stays visible, so its error makes sense. */
function Unknown({ value, known }: { value: string; known: readonly string[] }) {
  if (value === "" || known.includes(value)) return null;
  return <option value={value}>{value} (tidak dikenal)</option>;
}

/** Where the form's fields are in order, so the first problem can get the focus. */
export function firstWithError(errors: FieldErrors): FieldKey | undefined {
  return FIELD_KEYS.find((k) => errors[k] !== undefined);
}
