/** Types for scripts/manifest-check.js (plain CommonJS so the CLI runs without a build). */
export interface ManifestFinding {
  severity: "error" | "warning";
  /** Stable code, e.g. "element-order", "resid-dangling", "permissions", "dist-file". */
  code: string;
  message: string;
  /** 1-based line in the manifest, when known. */
  line?: number;
}

export interface ManifestCheckOptions {
  /** Name shown in messages. */
  file?: string;
  /** Also check that every manifest URL path exists as a file here (the webpack output). */
  distDir?: string;
  /** Default "SAKIP". */
  expectedNamespace?: string;
  /** Default "id-ID". */
  expectedLocale?: string;
}

export interface ManifestCheckResult {
  ok: boolean;
  errors: ManifestFinding[];
  warnings: ManifestFinding[];
  findings: ManifestFinding[];
  info: {
    origin?: string;
    namespace?: string;
    runtimeResid?: string;
    urls: { where: string; value: string; external: boolean }[];
  };
}

export function checkManifest(xml: string, options?: ManifestCheckOptions): ManifestCheckResult;
export function checkManifestFile(file: string, options?: ManifestCheckOptions): ManifestCheckResult;
export function formatFinding(file: string, finding: ManifestFinding): string;
export const OFFICE_APP_ORDER: readonly string[];
export const PERMISSIONS: readonly string[];
export const LIMITS: Readonly<Record<"resourceId" | "shortString" | "longString" | "displayName" | "description" | "controlId", number>>;
