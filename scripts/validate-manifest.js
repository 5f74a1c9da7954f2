#!/usr/bin/env node
/**
 * Offline manifest check: `node scripts/validate-manifest.js [manifest.xml] [--dist [dir]] [--namespace NAME] [--json]`.
 * Exits 1 when there is any error, 2 on bad usage. `--dist` (default dir: dist) also checks that every
 * manifest URL exists in the build output. The online Microsoft validator stays `npm run validate:online`.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { checkManifestFile, formatFinding } = require("./manifest-check");

function main(argv) {
  let file = "manifest.xml";
  const options = {};
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--dist") {
      const next = argv[i + 1];
      if (next && !next.startsWith("--") && !next.endsWith(".xml")) {
        options.distDir = next;
        i++;
      } else options.distDir = "dist";
    } else if (a === "--namespace") {
      options.expectedNamespace = argv[++i];
    } else if (a === "--json") {
      json = true;
    } else if (a === "--help" || a === "-h") {
      console.log("usage: validate-manifest [manifest.xml] [--dist [dir]] [--namespace NAME] [--json]");
      return 0;
    } else if (a.startsWith("--")) {
      console.error(`unknown option ${a}`);
      return 2;
    } else file = a;
  }
  if (!fs.existsSync(file)) {
    console.error(`${file}: file not found`);
    return 2;
  }
  const result = checkManifestFile(file, options);
  const shown = path.relative(process.cwd(), file) || file;
  if (json) {
    console.log(JSON.stringify({ file: shown, ...result }, null, 2));
  } else {
    for (const f of result.findings) console.log(formatFinding(shown, f));
    const dist = options.distDir ? `, build output ${options.distDir} checked` : "";
    console.log(
      `${shown}: ${result.errors.length} error(s), ${result.warnings.length} warning(s)` +
        ` (namespace ${result.info.namespace ?? "?"}, origin ${result.info.origin ?? "?"}${dist})`,
    );
  }
  return result.ok ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
