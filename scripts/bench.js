#!/usr/bin/env node
// npm run bench [suite…]: compile the benchmarks and the CLI (the xlsx suite runs `sakip` as a user
// does) with tsc, then run them in plain node (no jest, no timers in tests). Suites (bench/run.ts):
// functions, sipd, periksa, report (all Laporan of seven jabatan over a 100k-row Rincian), xlsx, bundle.
"use strict";
const { execFileSync } = require("node:child_process");
const path = require("node:path");

const root = path.join(__dirname, "..");
execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.bench.json"], { cwd: root, stdio: "inherit" });
execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.node.json"], { cwd: root, stdio: "inherit" });
// --expose-gc: each timed run starts after a full collection, and the heap a result holds can be weighed
execFileSync(process.execPath, ["--expose-gc", path.join(root, "out/bench-build/bench/run.js"), ...process.argv.slice(2)], { cwd: root, stdio: "inherit" });
