/**
 * The project's own offline checker for the XML add-in manifest. Microsoft's validator
 * (`npm run validate:online`) posts the file to a web service and is unusable offline, and no
 * package ships the manifest XSDs, so this checks what our manifest depends on: element order
 * (docs/develop/manifest-element-ordering), required elements, Id/Version/Permissions formats,
 * resource ids and string lengths, one https origin, the shared-runtime wiring and the
 * SAKIP namespace. With `distDir` it also checks every manifest URL against the built files.
 *
 * Plain CommonJS so `node scripts/validate-manifest.js` runs without a build; types in manifest-check.d.ts.
 * It collects every finding instead of stopping at the first.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { DOMParser } = require("@xmldom/xmldom");

const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};

/** OfficeApp children for a TaskPaneApp, in schema order (OfficeApp sequence + TaskPaneApp extension). */
const OFFICE_APP_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "Dictionary",
  "VersionOverrides",
  "ExtendedOverrides",
];

/**
 * What this add-in needs (a task pane with custom functions), stricter than the schema, which
 * makes the icons, SupportUrl, Hosts, Requirements and VersionOverrides optional.
 */
const OFFICE_APP_REQUIRED = [
  "Id",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "VersionOverrides",
];

/** Child order inside VersionOverrides, keyed by the parent's local name (or name[xsi:type]). */
const NESTED_ORDER = {
  VersionOverrides: ["Description", "Requirements", "Hosts", "Resources", "EquivalentAddins", "VersionOverrides"],
  Host: ["Runtimes", "AllFormFactors", "DesktopFormFactor"],
  DesktopFormFactor: ["GetStarted", "FunctionFile", "ExtensionPoint"],
  "ExtensionPoint[CustomFunctions]": ["Script", "Page", "Metadata", "Namespace"],
  GetStarted: ["Title", "Description", "LearnMoreUrl"],
  Group: ["Label", "Icon", "Control"],
  "Control[Button]": ["Label", "Supertip", "Icon", "Action"],
  Supertip: ["Title", "Description"],
  Resources: ["Images", "Urls", "ShortStrings", "LongStrings"],
};

/** TaskPaneApp permissions; the mail ones (ReadItem, ReadWriteMailbox…) do not apply. */
const PERMISSIONS = ["Restricted", "ReadDocument", "ReadAllDocument", "WriteDocument", "ReadWriteDocument"];

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** Schema pattern ([0-9]{1,5})(\.[0-9]{1,5}){0,3}. */
const VERSION = /^[0-9]{1,5}(\.[0-9]{1,5}){0,3}$/;
const LOCALE = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;

const LIMITS = { resourceId: 32, shortString: 125, longString: 250, displayName: 125, description: 250, controlId: 125 };

/** Which resource list a `resid` on an element must point into. */
const RESID_KIND = {
  Image: "Images",
  SourceLocation: "Urls",
  FunctionFile: "Urls",
  Runtime: "Urls",
  LearnMoreUrl: "Urls",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Namespace: "ShortStrings",
  Description: "LongStrings",
};

const DEFAULTS = { expectedNamespace: "SAKIP", expectedLocale: "id-ID", expectedHost: "Workbook" };

/**
 * @param {string} xml manifest text
 * @param {{ file?: string, distDir?: string, expectedNamespace?: string, expectedLocale?: string }} [options]
 */
function checkManifest(xml, options = {}) {
  const opts = { ...DEFAULTS, ...options };
  const findings = [];
  const add = (severity, code, message, node) =>
    findings.push({ severity, code, message, line: node && typeof node.lineNumber === "number" ? node.lineNumber : undefined });
  const error = (code, message, node) => add("error", code, message, node);
  const warning = (code, message, node) => add("warning", code, message, node);

  const doc = parse(xml, error);
  const info = { urls: [], origin: undefined, namespace: undefined, runtimeResid: undefined, resources: {} };
  if (!doc) return result(findings, info);

  const root = doc.documentElement;
  if (!root || root.localName !== "OfficeApp" || root.namespaceURI !== NS.app) {
    error("root", `The root element must be <OfficeApp xmlns="${NS.app}">, found <${root ? root.nodeName : "nothing"}>.`, root);
    return result(findings, info);
  }
  if (xsiType(root) !== "TaskPaneApp") {
    error("root-type", `OfficeApp xsi:type must be "TaskPaneApp" (found "${xsiType(root) ?? ""}").`, root);
  }

  // ---- top level: known, once, in order, required
  const top = elementChildren(root);
  checkOrder(root, top, OFFICE_APP_ORDER, "OfficeApp", error);
  for (const name of OFFICE_APP_REQUIRED) {
    if (!top.some((c) => c.localName === name)) error("missing-element", `<${name}> is required in <OfficeApp> and is missing.`, root);
  }
  const first = (name) => top.find((c) => c.localName === name);

  const id = first("Id");
  if (id && !GUID.test(text(id))) error("id-guid", `<Id> must be a GUID (8-4-4-4-12 hex digits), found "${text(id)}".`, id);
  if (id && /^0{8}-0{4}-0{4}-0{4}-0{12}$/.test(text(id))) error("id-guid", "<Id> is the all-zero GUID; generate a real one.", id);

  const version = first("Version");
  if (version && !VERSION.test(text(version))) {
    error("version", `<Version> must be 1 to 4 dot-separated numbers of up to 5 digits (e.g. 1.0.0.0), found "${text(version)}".`, version);
  }

  const locale = first("DefaultLocale");
  if (locale) {
    if (!LOCALE.test(text(locale))) error("locale", `<DefaultLocale> "${text(locale)}" is not a language tag such as id-ID.`, locale);
    else if (opts.expectedLocale && text(locale).toLowerCase() !== opts.expectedLocale.toLowerCase()) {
      error("locale", `<DefaultLocale> is "${text(locale)}"; this add-in's strings are written for ${opts.expectedLocale}.`, locale);
    }
  }

  for (const [name, limit] of [
    ["DisplayName", LIMITS.displayName],
    ["Description", LIMITS.description],
  ]) {
    const el = first(name);
    if (!el) continue;
    const v = el.getAttribute("DefaultValue");
    if (!v) error("missing-value", `<${name}> needs a non-empty DefaultValue.`, el);
    for (const [where, value] of localizedValues(el)) {
      if (value.length > limit) error("string-length", `<${name}> ${where} is ${value.length} characters; the limit is ${limit}.`, el);
    }
  }

  const provider = first("ProviderName");
  if (provider && !text(provider)) error("missing-value", "<ProviderName> is empty.", provider);

  const permissions = first("Permissions");
  if (permissions && !PERMISSIONS.includes(text(permissions))) {
    error(
      "permissions",
      `<Permissions> "${text(permissions)}" is not a task-pane permission. Use one of: ${PERMISSIONS.join(", ")}.`,
      permissions,
    );
  }

  const hosts = first("Hosts");
  if (hosts) {
    const names = elementChildren(hosts).map((h) => h.getAttribute("Name"));
    if (!names.includes(opts.expectedHost)) error("host", `<Hosts> must list <Host Name="${opts.expectedHost}"/> (Excel).`, hosts);
  }

  const requirements = first("Requirements");
  const sets = requirements ? descendants(requirements, "Set") : [];
  const minVersion = (name) => {
    const s = sets.find((x) => x.getAttribute("Name") === name);
    if (!s) return undefined;
    const sets0 = s.parentNode;
    return s.getAttribute("MinVersion") || (sets0 && sets0.getAttribute && sets0.getAttribute("DefaultMinVersion")) || "1.1";
  };
  const shared = minVersion("SharedRuntime");
  if (!shared) error("requirement", 'Requirements must include <Set Name="SharedRuntime" MinVersion="1.1"/> (task pane and functions share one runtime).', requirements ?? root);
  const cfr = minVersion("CustomFunctionsRuntime");
  if (!cfr || compareVersions(cfr, "1.2") < 0) {
    error(
      "requirement",
      'Requirements must include <Set Name="CustomFunctionsRuntime" MinVersion="1.2"/>: CustomFunctions.Error with a message needs 1.2.',
      requirements ?? root,
    );
  }

  // ---- VersionOverrides
  const vo = first("VersionOverrides");
  const resources = { Images: new Map(), Urls: new Map(), ShortStrings: new Map(), LongStrings: new Map() };
  info.resources = resources;
  if (vo) {
    if (vo.namespaceURI !== NS.ov) error("namespace", `<VersionOverrides> must be in namespace ${NS.ov}.`, vo);
    if (xsiType(vo) !== "VersionOverridesV1_0") {
      warning("version-overrides-type", `<VersionOverrides xsi:type="${xsiType(vo) ?? ""}">: this checker knows VersionOverridesV1_0 only.`, vo);
    }
    walk(vo, (el) => {
      const key = el.localName in NESTED_ORDER ? el.localName : `${el.localName}[${xsiType(el)}]`;
      const order = NESTED_ORDER[key];
      if (order) checkOrder(el, elementChildren(el), order, el.nodeName, error, ["ExtensionPoint", "Control"]);
    });

    const resEl = elementChildren(vo).find((c) => c.localName === "Resources");
    if (!resEl) error("missing-element", "<VersionOverrides> needs <Resources>.", vo);
    else {
      for (const list of elementChildren(resEl)) {
        const map = resources[list.localName];
        if (!map) continue;
        for (const item of elementChildren(list)) {
          const rid = item.getAttribute("id");
          if (!rid) {
            error("resource-id", `<${item.nodeName}> in <${list.nodeName}> has no id.`, item);
            continue;
          }
          if (rid.length > LIMITS.resourceId) {
            error("id-length", `Resource id "${rid}" is ${rid.length} characters; the limit is ${LIMITS.resourceId}.`, item);
          }
          if (allResourceIds(resources).has(rid)) error("resource-duplicate", `Resource id "${rid}" is defined twice.`, item);
          map.set(rid, { value: item.getAttribute("DefaultValue") ?? "", node: item });
          if (!item.getAttribute("DefaultValue")) error("missing-value", `Resource "${rid}" has no DefaultValue.`, item);
          const limit = list.localName === "ShortStrings" ? LIMITS.shortString : list.localName === "LongStrings" ? LIMITS.longString : undefined;
          if (limit) {
            for (const [where, value] of localizedValues(item)) {
              if (value.length > limit) {
                error("string-length", `${list.localName} "${rid}" ${where} is ${value.length} characters; the limit is ${limit}.`, item);
              }
            }
          }
        }
      }
    }

    // every resid resolves, into the right list
    const used = new Set();
    walk(vo, (el) => {
      const rid = el.getAttribute("resid");
      if (rid === null || rid === "") return;
      used.add(rid);
      if (rid.length > LIMITS.resourceId) error("id-length", `resid "${rid}" is ${rid.length} characters; the limit is ${LIMITS.resourceId}.`, el);
      const kind = RESID_KIND[el.localName];
      const found = Object.entries(resources).find(([, m]) => m.has(rid));
      if (!found) {
        error("resid-dangling", `<${el.nodeName} resid="${rid}"> points to no resource; add it to <Resources>${kind ? ` <bt:${kind}>` : ""}.`, el);
      } else if (kind && found[0] !== kind) {
        error("resid-kind", `<${el.nodeName} resid="${rid}"> must point to a <bt:${kind}> entry, but "${rid}" is in <bt:${found[0]}>.`, el);
      }
    });
    for (const [kind, map] of Object.entries(resources)) {
      for (const [rid, r] of map) if (!used.has(rid)) warning("resource-unused", `${kind} "${rid}" is never referenced.`, r.node);
    }

    for (const el of [...descendants(vo, "Control"), ...descendants(vo, "Group")]) {
      const cid = el.getAttribute("id") ?? "";
      if (!cid) error("control-id", `<${el.nodeName}> needs an id.`, el);
      else if (cid.length > LIMITS.controlId) error("id-length", `<${el.nodeName}> id "${cid}" is longer than ${LIMITS.controlId} characters.`, el);
    }
    const controlIds = new Map();
    for (const el of [...descendants(vo, "Control"), ...descendants(vo, "Group")]) {
      const cid = el.getAttribute("id");
      if (cid && controlIds.has(cid)) error("control-id", `Group/Control id "${cid}" is used twice.`, el);
      controlIds.set(cid, el);
    }

    checkSharedRuntime(vo, resources, first("DefaultSettings"), opts, info, error);
  }

  // ---- URLs: https, one origin
  collectUrls(root, resources, info);
  const origins = new Map();
  for (const u of info.urls) {
    let parsed;
    try {
      parsed = new URL(u.value);
    } catch {
      error("url", `${u.where}: "${u.value}" is not an absolute URL.`, u.node);
      continue;
    }
    if (parsed.protocol !== "https:") error("url-https", `${u.where}: "${u.value}" must use https.`, u.node);
    if (!u.external) {
      const list = origins.get(parsed.origin) ?? [];
      list.push(u.where);
      origins.set(parsed.origin, list);
    }
  }
  if (origins.size > 1) {
    const detail = [...origins].map(([o, w]) => `${o} (${w.slice(0, 3).join(", ")}${w.length > 3 ? ", …" : ""})`).join("; ");
    error("url-origin", `All add-in URLs must be on one origin; found ${origins.size}: ${detail}.`, root);
  }
  info.origin = origins.size === 1 ? [...origins.keys()][0] : undefined;

  if (opts.distDir) checkAgainstDist(info, opts.distDir, error);

  return result(findings, info);
}

function checkSharedRuntime(vo, resources, defaultSettings, opts, info, error) {
  const runtimes = descendants(vo, "Runtime");
  if (runtimes.length === 0) {
    error("runtime", '<Host> needs <Runtimes><Runtime resid="…" lifetime="long"/></Runtimes> for the shared runtime.', vo);
    return;
  }
  if (runtimes.length > 1) error("runtime", `Expected one <Runtime>, found ${runtimes.length}.`, runtimes[1]);
  const runtime = runtimes[0];
  const rid = runtime.getAttribute("resid") ?? "";
  info.runtimeResid = rid;
  if (runtime.getAttribute("lifetime") !== "long") {
    error("runtime", `<Runtime resid="${rid}"> must have lifetime="long" so the task pane and the custom functions share it.`, runtime);
  }

  const cf = descendants(vo, "ExtensionPoint").find((e) => xsiType(e) === "CustomFunctions");
  if (!cf) error("custom-functions", '<AllFormFactors> needs <ExtensionPoint xsi:type="CustomFunctions">.', vo);
  else {
    for (const part of ["Script", "Page", "Metadata"]) {
      const el = elementChildren(cf).find((c) => c.localName === part);
      const loc = el && elementChildren(el).find((c) => c.localName === "SourceLocation");
      if (!loc) error("custom-functions", `The CustomFunctions extension point needs <${part}><SourceLocation resid="…"/></${part}>.`, el ?? cf);
      else if (part === "Page" && loc.getAttribute("resid") !== rid) {
        error("shared-runtime", `CustomFunctions <Page> uses resid "${loc.getAttribute("resid")}" but the <Runtime> uses "${rid}"; they must be the same page.`, loc);
      }
    }
    const ns = elementChildren(cf).find((c) => c.localName === "Namespace");
    if (!ns) error("namespace", "The CustomFunctions extension point needs <Namespace resid=\"…\"/>.", cf);
    else {
      const r = resources.ShortStrings.get(ns.getAttribute("resid") ?? "");
      info.namespace = r ? r.value : undefined;
      if (r && opts.expectedNamespace && r.value !== opts.expectedNamespace) {
        error("namespace", `The functions namespace is "${r.value}"; expected "${opts.expectedNamespace}" (=${opts.expectedNamespace}.CAPAIAN).`, ns);
      }
      if (r && !/^[A-Za-z][A-Za-z0-9._]*$/.test(r.value)) error("namespace", `Namespace "${r.value}" may hold only letters, digits, "." and "_".`, ns);
    }
  }

  const functionFiles = descendants(vo, "FunctionFile");
  if (functionFiles.length === 0) error("shared-runtime", `<DesktopFormFactor> needs <FunctionFile resid="${rid}"/>.`, vo);
  for (const ff of functionFiles) {
    if (ff.getAttribute("resid") !== rid) {
      error("shared-runtime", `<FunctionFile> uses resid "${ff.getAttribute("resid")}" but the <Runtime> uses "${rid}"; they must be the same page.`, ff);
    }
  }

  for (const action of descendants(vo, "Action").filter((a) => xsiType(a) === "ShowTaskpane")) {
    const loc = elementChildren(action).find((c) => c.localName === "SourceLocation");
    if (loc && loc.getAttribute("resid") !== rid) {
      error("shared-runtime", `ShowTaskpane <SourceLocation resid="${loc.getAttribute("resid")}"> must use the runtime's resid "${rid}".`, loc);
    }
    const tp = elementChildren(action).find((c) => c.localName === "TaskpaneId");
    if (tp) error("shared-runtime", "<TaskpaneId> under a long-lived runtime opens a second task pane; remove it.", tp);
  }

  const runtimeUrl = resources.Urls.get(rid);
  const defaultLoc = defaultSettings && elementChildren(defaultSettings).find((c) => c.localName === "SourceLocation");
  if (runtimeUrl && defaultLoc && defaultLoc.getAttribute("DefaultValue") !== runtimeUrl.value) {
    error(
      "shared-runtime",
      `DefaultSettings SourceLocation "${defaultLoc.getAttribute("DefaultValue")}" differs from the runtime page "${runtimeUrl.value}".`,
      defaultLoc,
    );
  }
}

/** Every URL in the manifest, with where it came from. AppDomains may be other origins by design. */
function collectUrls(root, resources, info) {
  const push = (where, value, node, external = false) => {
    if (value !== null && value !== undefined && value !== "") info.urls.push({ where, value, node, external });
  };
  for (const child of elementChildren(root)) {
    if (["IconUrl", "HighResolutionIconUrl", "SupportUrl"].includes(child.localName)) {
      for (const [where, value] of localizedValues(child)) push(`<${child.localName}> ${where}`, value, child);
    }
    if (child.localName === "DefaultSettings") {
      for (const loc of elementChildren(child).filter((c) => c.localName === "SourceLocation")) {
        for (const [where, value] of localizedValues(loc)) push(`<DefaultSettings><SourceLocation> ${where}`, value, loc);
      }
    }
    if (child.localName === "AppDomains") {
      for (const d of elementChildren(child)) push("<AppDomain>", text(d), d, true);
    }
  }
  for (const kind of ["Images", "Urls"]) {
    for (const [rid, r] of resources[kind]) {
      for (const [where, value] of localizedValues(r.node)) push(`${kind} "${rid}" ${where}`, value, r.node);
    }
  }
}

function checkAgainstDist(info, distDir, error) {
  if (!fs.existsSync(distDir)) {
    error("dist-missing", `Build output ${distDir} does not exist; run \`npm run build\` first.`);
    return;
  }
  const seen = new Set();
  for (const u of info.urls) {
    if (u.external) continue;
    let parsed;
    try {
      parsed = new URL(u.value);
    } catch {
      continue;
    }
    if (info.origin && parsed.origin !== info.origin) continue;
    const rel = decodeURIComponent(parsed.pathname).replace(/^\/+/, "");
    if (seen.has(rel)) continue;
    seen.add(rel);
    const file = path.join(distDir, rel);
    if (!rel || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      error("dist-file", `${u.where}: ${u.value} → ${path.join(distDir, rel || "(root)")} is not in the build output.`, u.node);
      continue;
    }
    if (rel.endsWith(".json")) {
      try {
        const json = JSON.parse(fs.readFileSync(file, "utf8"));
        if (/functions/i.test(rel) && !(Array.isArray(json.functions) && json.functions.length > 0)) {
          error("dist-metadata", `${path.join(distDir, rel)} has no "functions" array.`, u.node);
        }
      } catch (e) {
        error("dist-metadata", `${path.join(distDir, rel)} is not valid JSON: ${e.message}`, u.node);
      }
    }
  }
}

// ---------------------------------------------------------------- helpers

function parse(xml, error) {
  const problems = [];
  let doc;
  try {
    doc = new DOMParser({
      onError: (level, msg) => {
        if (level !== "warning") problems.push(msg);
      },
    }).parseFromString(xml, "text/xml");
  } catch (e) {
    const loc = e && e.locator;
    error("xml", `The manifest is not well-formed XML: ${firstLine(e && e.message)}`, loc ? { lineNumber: loc.lineNumber } : undefined);
    return undefined;
  }
  for (const p of problems) error("xml", `XML problem: ${firstLine(p)}`);
  return problems.length ? undefined : doc;
}

function firstLine(s) {
  return String(s ?? "").split("\n")[0];
}

function elementChildren(el) {
  const out = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n);
  return out;
}

function walk(el, fn) {
  fn(el);
  for (const c of elementChildren(el)) walk(c, fn);
}

function descendants(el, localName) {
  const out = [];
  walk(el, (n) => {
    if (n !== el && n.localName === localName) out.push(n);
  });
  return out;
}

function text(el) {
  return (el.textContent ?? "").trim();
}

function xsiType(el) {
  const v = el.getAttributeNS(NS.xsi, "type") || el.getAttribute("xsi:type");
  if (!v) return undefined;
  return v.includes(":") ? v.slice(v.indexOf(":") + 1) : v;
}

/** DefaultValue plus every <Override Locale Value>. */
function localizedValues(el) {
  const out = [];
  const dv = el.getAttribute("DefaultValue");
  if (dv !== null && dv !== "") out.push(["DefaultValue", dv]);
  for (const o of elementChildren(el).filter((c) => c.localName === "Override")) {
    out.push([`Override ${o.getAttribute("Locale") ?? "?"}`, o.getAttribute("Value") ?? ""]);
  }
  return out;
}

/**
 * Children must appear in `order` (repeats allowed where listed in `repeatable`); anything not in
 * `order` is unknown there. The schema reports both as "not a valid child", so say which it is.
 */
function checkOrder(parent, children, order, parentName, error, repeatable = []) {
  let last = -1;
  let lastName = "";
  const seen = new Set();
  for (const c of children) {
    const idx = order.indexOf(c.localName);
    if (idx < 0) {
      error("element-unknown", `<${c.nodeName}> is not a valid child of <${parentName}>. Allowed, in this order: ${order.join(", ")}.`, c);
      continue;
    }
    if (seen.has(c.localName) && !repeatable.includes(c.localName)) {
      error("element-duplicate", `<${c.nodeName}> appears more than once in <${parentName}>.`, c);
    }
    if (idx < last) {
      error("element-order", `<${c.nodeName}> must come before <${lastName}> in <${parentName}> (order: ${order.join(", ")}).`, c);
    } else {
      last = idx;
      lastName = c.nodeName;
    }
    seen.add(c.localName);
  }
}

function allResourceIds(resources) {
  const ids = new Set();
  for (const m of Object.values(resources)) for (const k of m.keys()) ids.add(k);
  return ids;
}

function compareVersions(a, b) {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function result(findings, info) {
  findings.sort((x, y) => (x.line ?? 0) - (y.line ?? 0));
  const errors = findings.filter((f) => f.severity === "error");
  return {
    ok: errors.length === 0,
    errors,
    warnings: findings.filter((f) => f.severity === "warning"),
    findings,
    info: {
      origin: info.origin,
      namespace: info.namespace,
      runtimeResid: info.runtimeResid,
      urls: info.urls.map((u) => ({ where: u.where, value: u.value, external: u.external })),
    },
  };
}

/** One finding per line, compiler style: `manifest.xml:42: error [resid-dangling] …`. */
function formatFinding(file, f) {
  return `${file}${f.line ? `:${f.line}` : ""}: ${f.severity} [${f.code}] ${f.message}`;
}

function checkManifestFile(file, options = {}) {
  return checkManifest(fs.readFileSync(file, "utf8"), { file, ...options });
}

module.exports = { checkManifest, checkManifestFile, formatFinding, OFFICE_APP_ORDER, PERMISSIONS, LIMITS };
