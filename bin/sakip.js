#!/usr/bin/env node
"use strict";
const path = require("node:path");
const fs = require("node:fs");

const dist = path.join(__dirname, "..", "dist", "node");
const entry = path.join(dist, "cli", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write("sakip belum dibangun. Jalankan dulu: npm run build\n");
  process.exit(2);
}
const { EXIT } = require(path.join(dist, "cli", "exit-codes.js"));
const { message } = require(path.join(dist, "core", "messages.id.js"));
const { describeFailure } = require(path.join(dist, "cli", "failure.js"));

// output piped into `head` closes early; that is not an error. A full disk under stdout is said on stderr.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(EXIT.ok);
  const full = error.code === "ENOSPC" || error.code === "EDQUOT";
  process.stderr.write(`${full ? message("output-disk-full") : message("output-failed", { detail: error.code || error.message })}\n`);
  process.exit(full ? EXIT.diskFull : EXIT.output);
});
process.stderr.on("error", () => process.exit(EXIT.output));

// exitCode, never exit(): process.exit would drop what stdout has not yet handed to a slow pipe
require(entry)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error) => {
    process.stderr.write(`${describeFailure(error).text}\n`);
    process.exitCode = EXIT.internal;
  });
