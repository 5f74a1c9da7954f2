#!/usr/bin/env node
// `npm test`: every check, in the order CI needs them — types, manifest, production build (the
// manifest-vs-build, CLI and browser tests need dist/), then all Jest suites. Ends with one plain
// line "N passed, N failed". Extra arguments go to Jest (e.g. `npm test -- test/core`).
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const jestArgs = process.argv.slice(2);

function step(title, command, args, env = {}) {
  process.stdout.write(`\n== ${title}\n`);
  const r = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  return r.status === 0;
}

const failures = [];
if (!step("Pemeriksaan tipe (tsc)", bin("tsc"), ["--noEmit", "-p", "."])) failures.push("typecheck");
if (!step("Pemeriksaan tipe CLI (tsc)", bin("tsc"), ["--noEmit", "-p", "tsconfig.node.json"])) failures.push("typecheck-node");
if (!step("Manifest", process.execPath, ["scripts/validate-manifest.js", "manifest.xml"])) failures.push("manifest");
if (!step("Build produksi", "npm", ["run", "--silent", "build"])) failures.push("build");

fs.mkdirSync(path.join(root, "out"), { recursive: true });
const report = path.join(root, "out", "jest.json");
fs.rmSync(report, { force: true });
step("Jest", bin("jest"), ["--json", `--outputFile=${report}`, ...jestArgs], { E2E: "1" });

let passed = 0;
let failed = 0;
if (fs.existsSync(report)) {
  const r = JSON.parse(fs.readFileSync(report, "utf8"));
  passed = r.numPassedTests;
  failed = r.numFailedTests + r.numRuntimeErrorTestSuites;
  if (r.numTotalTests === 0) failures.push("no tests ran");
} else {
  failures.push("jest produced no report");
}
failed += failures.length;
if (failures.length) process.stdout.write(`\nLangkah gagal: ${failures.join(", ")}\n`);
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
