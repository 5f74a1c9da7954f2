#!/usr/bin/env node
"use strict";
const path = require("node:path");
const fs = require("node:fs");

const entry = path.join(__dirname, "..", "dist", "node", "cli", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write("sakip belum dibangun. Jalankan dulu: npm run build\n");
  process.exit(2);
}
// output piped into `head` closes early; that is not an error
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => process.exit(error.code === "EPIPE" ? 0 : 74));
}
require(entry)
  .main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error) => {
    process.stderr.write(`Kesalahan tak terduga: ${error && error.stack ? error.stack : error}\n`);
    process.exit(70);
  });
