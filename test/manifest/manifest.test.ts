import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { checkManifest, checkManifestFile, type ManifestCheckResult } from "../../scripts/manifest-check";
import { LIBRARY } from "../../src/core/functions/library";

const ROOT = path.resolve(__dirname, "../..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const DIST = path.join(ROOT, "dist");
const SOURCE = fs.readFileSync(MANIFEST, "utf8");

/** The real manifest with one edit; fails loudly if the edit no longer applies. */
function mutate(from: string | RegExp, to: string): string {
  const out = SOURCE.replace(from, to);
  if (out === SOURCE) throw new Error(`test edit did not apply: ${String(from)}`);
  return out;
}

function codes(r: ManifestCheckResult): string[] {
  return r.errors.map((e) => e.code);
}

function pngSize(file: string): [number, number] {
  const b = fs.readFileSync(file);
  expect(b.subarray(1, 4).toString("ascii")).toBe("PNG");
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe("manifest.xml", () => {
  const result = checkManifestFile(MANIFEST);

  it("passes the offline check with no errors and no warnings", () => {
    expect(result.findings).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it("wires the shared runtime and the SAKIP namespace on one https origin", () => {
    expect(result.info).toMatchObject({ namespace: "SAKIP", runtimeResid: "Taskpane.Url", origin: "https://localhost:3000" });
  });

  it("carries the package version", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(SOURCE).toContain(`<Version>${pkg.version}.0</Version>`);
  });

  it("points at icons that exist in assets/ with the declared sizes", () => {
    const icons = [...SOURCE.matchAll(/https:\/\/localhost:3000\/assets\/(icon-(\d+)\.png)/g)];
    expect(icons.map((m) => m[1])).toEqual(expect.arrayContaining(["icon-16.png", "icon-32.png", "icon-64.png", "icon-80.png"]));
    for (const m of icons) {
      const size = Number(m[2]);
      expect(pngSize(path.join(ROOT, "assets", m[1]!))).toEqual([size, size]);
    }
  });
});

describe("the checker rejects broken manifests with a useful message", () => {
  const cases: [string, string, string | RegExp, string, RegExp][] = [
    [
      "elements out of order",
      "element-order",
      /(<Version>[^<]*<\/Version>)\s*(<ProviderName>[^<]*<\/ProviderName>)/,
      "$2\n  $1",
      /<Version> must come before <ProviderName>/,
    ],
    ["a dangling resid", "resid-dangling", 'resid="Help.Url"', 'resid="Help.Missing"', /"Help\.Missing".*no resource.*<bt:Urls>/],
    ["the WriteAll permission", "permissions", "<Permissions>ReadWriteDocument", "<Permissions>WriteAll", /"WriteAll".*ReadWriteDocument/],
    ["an Id that is not a GUID", "id-guid", /<Id>[^<]+<\/Id>/, "<Id>sakip-workbook</Id>", /GUID/],
    ["a five-part Version", "version", /<Version>[^<]+<\/Version>/, "<Version>1.0.0.0.0</Version>", /"1\.0\.0\.0\.0"/],
    [
      "a resource id over 32 characters",
      "id-length",
      /Functions\.Metadata\.Url/g,
      "Functions.Metadata.Url.Tooooo.Long",
      /"Functions\.Metadata\.Url\.Tooooo\.Long" is 34 characters; the limit is 32/,
    ],
    [
      "a ShortString over 125 characters",
      "string-length",
      'DefaultValue="Panel SAKIP Workbook"',
      `DefaultValue="${"x".repeat(126)}"`,
      /ShortStrings "OpenPane\.Title" DefaultValue is 126 characters; the limit is 125/,
    ],
    [
      "a LongString over 250 characters",
      "string-length",
      /(<bt:String id="OpenPane\.Tooltip" DefaultValue=")[^"]*"/,
      `$1${"y".repeat(251)}"`,
      /the limit is 250/,
    ],
    ["an http URL", "url-https", "https://localhost:3000/functions.json", "http://localhost:3000/functions.json", /must use https/],
    [
      "a second origin",
      "url-origin",
      "https://localhost:3000/assets/bantuan.html\"/>\n  <Hosts>",
      "https://example.org/bantuan.html\"/>\n  <Hosts>",
      /one origin; found 2: .*https:\/\/example\.org/,
    ],
    ["a short-lived runtime", "runtime", 'lifetime="long"', 'lifetime="short"', /lifetime="long"/],
    [
      "a FunctionFile on another page",
      "shared-runtime",
      '<FunctionFile resid="Taskpane.Url"/>',
      '<FunctionFile resid="Help.Url"/>',
      /<FunctionFile> uses resid "Help\.Url" but the <Runtime> uses "Taskpane\.Url"/,
    ],
    [
      "a TaskpaneId under the long runtime",
      "shared-runtime",
      '<Action xsi:type="ShowTaskpane">',
      '<Action xsi:type="ShowTaskpane">\n<TaskpaneId>ButtonId1</TaskpaneId>',
      /TaskpaneId/,
    ],
    ["another namespace", "namespace", 'id="Functions.Namespace" DefaultValue="SAKIP"', 'id="Functions.Namespace" DefaultValue="CONTOSO"', /"CONTOSO"; expected "SAKIP"/],
    ["a Label pointing at a LongString", "resid-kind", '<Label resid="Group.Label"/>', '<Label resid="OpenPane.Tooltip"/>', /<bt:ShortStrings>.*<bt:LongStrings>/],
    ["a missing Permissions element", "missing-element", /\s*<Permissions>[^<]*<\/Permissions>/, "", /<Permissions> is required/],
    ["an unknown element", "element-unknown", "<Hosts>\n    <Host Name=", "<Hostz/>\n  <Hosts>\n    <Host Name=", /<Hostz> is not a valid child of <OfficeApp>/],
    [
      "no CustomFunctionsRuntime 1.2",
      "requirement",
      '<Set Name="CustomFunctionsRuntime" MinVersion="1.2"/>',
      '<Set Name="CustomFunctionsRuntime" MinVersion="1.1"/>',
      /CustomFunctionsRuntime.*1\.2/,
    ],
    ["XML that is not well-formed", "xml", "</Requirements>", "</Requirement>", /not well-formed/],
  ];

  it.each(cases)("%s", (_label, code, from, to, message) => {
    const r = checkManifest(mutate(from, to));
    expect(r.ok).toBe(false);
    expect(codes(r)).toContain(code);
    const finding = r.errors.find((e) => e.code === code)!;
    expect(finding.message).toMatch(message);
  });

  it("gives the line of the offending element", () => {
    const r = checkManifest(mutate("<Permissions>ReadWriteDocument", "<Permissions>WriteAll"));
    const line = SOURCE.split("\n").findIndex((l) => l.includes("<Permissions>")) + 1;
    expect(r.errors[0]).toMatchObject({ code: "permissions", line });
  });

  it("reports every problem, not only the first", () => {
    const broken = mutate("<Permissions>ReadWriteDocument", "<Permissions>WriteAll").replace('resid="Help.Url"', 'resid="Help.Missing"');
    expect(codes(checkManifest(broken))).toEqual(expect.arrayContaining(["permissions", "resid-dangling"]));
  });
});

describe("npm run validate (scripts/validate-manifest.js)", () => {
  const cli = path.join(ROOT, "scripts", "validate-manifest.js");

  it("exits 0 on manifest.xml", () => {
    const run = spawnSync(process.execPath, [cli, MANIFEST], { encoding: "utf8" });
    expect(run.stdout).toMatch(/0 error\(s\)/);
    expect(run.status).toBe(0);
  });

  it("exits non-zero and names the problem on a broken manifest", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sakip-manifest-"));
    const file = path.join(dir, "manifest.xml");
    fs.writeFileSync(file, mutate("<Permissions>ReadWriteDocument", "<Permissions>WriteAll"));
    try {
      const run = spawnSync(process.execPath, [cli, file], { encoding: "utf8" });
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(/manifest\.xml:\d+: error \[permissions\] <Permissions> "WriteAll"/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("build output (dist/, after npm run build)", () => {
  /** These checks are about the build: no dist, no pass. */
  function requireDist(): void {
    const needed = ["taskpane.html", "functions.json", "functions.js", "manifest.xml"];
    const missing = needed.filter((f) => !fs.existsSync(path.join(DIST, f)));
    if (missing.length > 0) {
      throw new Error(`dist/ is missing ${missing.join(", ")}: run \`npm run build\` before these tests (they check the manifest against the build).`);
    }
  }

  it("has a file for every URL in the manifest", () => {
    requireDist();
    const r = checkManifestFile(MANIFEST, { distDir: DIST });
    expect(r.errors).toEqual([]);
  });

  it("ships the manifest unchanged", () => {
    requireDist();
    expect(fs.readFileSync(path.join(DIST, "manifest.xml"), "utf8")).toBe(SOURCE);
  });

  it("generates functions.json for every function of the library", () => {
    requireDist();
    const meta = JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8")) as { functions: { id: string; name: string }[] };
    expect(meta.functions.map((f) => f.id).sort()).toEqual(LIBRARY.map((f) => f.id).sort());
    expect(meta.functions).toHaveLength(7);
  });

  it("hosts task pane and functions in one page (shared runtime) with the local office.js", () => {
    requireDist();
    const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
    expect(html).toMatch(/src="?assets\/office-js\/office\.js/);
    expect(html).toMatch(/src="?functions\.js/);
    expect(html).toMatch(/src="?taskpane\.js/);
    expect(fs.existsSync(path.join(DIST, "functions.html"))).toBe(false);
    expect(fs.existsSync(path.join(DIST, "assets/office-js/office.js"))).toBe(true);
    const officeFiles = fs.readdirSync(path.join(DIST, "assets/office-js"));
    expect(officeFiles.filter((f) => /^(word|outlook|powerpoint|onenote|project|visio)|\.debug\.js$/.test(f))).toEqual([]);
  });
});
