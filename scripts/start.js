#!/usr/bin/env node
/**
 * `npm start`: the webpack dev server (development build, in memory) on localhost:3000.
 *
 *   npm start                 http on Linux (no Excel here: open the task pane in a browser);
 *                             https on Windows/macOS, where Excel needs it
 *   npm start -- --https      https with the office-addin-dev-certs certificates
 *   npm start -- --http       force http
 *   npm start -- --port 3001  another port (the manifest still says 3000, so only for the browser)
 *
 * On Windows/macOS the developer CA is installed into the user's trust store (the OS asks);
 * elsewhere the certificates are only generated, never installed, and never with sudo.
 */
"use strict";
const net = require("net");
const webpack = require("webpack");
const WebpackDevServer = require("webpack-dev-server");
const { createConfig, DEV_PORT } = require("../webpack.config");
const { loadDevCertificates } = require("./dev-certs");

function parseArgs(argv) {
  const desktop = process.platform === "win32" || process.platform === "darwin";
  const opts = { https: desktop, port: DEV_PORT };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--https") opts.https = true;
    else if (a === "--http") opts.https = false;
    else if (a === "--port") opts.port = Number(argv[++i]);
    else if (a === "--help" || a === "-h") opts.help = true;
    else throw new Error(`Opsi tidak dikenal: ${a} (pakai --https, --http, --port N)`);
  }
  if (!Number.isInteger(opts.port) || opts.port <= 0 || opts.port > 65535) throw new Error("--port harus bilangan 1–65535");
  return opts;
}

function instructions({ origin, https, caPath, installed, port }) {
  const lines = [
    "",
    "SAKIP Workbook: server pengembangan berjalan.",
    "",
    `  Panel tugas : ${origin}/taskpane.html`,
    `  Manifes     : ${origin}/manifest.xml  (salinan dari manifest.xml)`,
    `  Fungsi      : ${origin}/functions.json`,
    "",
    "Tanpa Excel: buka alamat panel tugas di peramban. Panel menampilkan \"Mode tanpa Excel\" dan",
    "fungsi SAKIP dapat dicoba di tab Fungsi.",
    "",
  ];
  if (!https) {
    lines.push(
      "Excel memerlukan https. Untuk memuat add-in di Excel jalankan:  npm start -- --https",
      "",
    );
  }
  if (port !== DEV_PORT) lines.push(`Perhatian: manifest.xml menunjuk ke port ${DEV_PORT}; port ${port} hanya untuk peramban.`, "");
  if (https && !installed) {
    lines.push(
      `Sertifikat CA pengembang: ${caPath}`,
      "Belum dipasang sebagai tepercaya. Pasang sendiri bila perlu (perlu hak admin), misalnya di Debian/Ubuntu:",
      `  cp ${caPath} /usr/local/share/ca-certificates/office-addin-dev-certs.crt && update-ca-certificates`,
      "",
    );
  }
  lines.push(
    "Memuat (sideload) add-in di Excel, memakai manifest.xml di folder proyek:",
    "  Windows (Excel desktop): bagikan folder yang berisi manifest.xml sebagai folder jaringan; di Excel buka",
    "    File > Opsi > Pusat Kepercayaan > Pengaturan Pusat Kepercayaan > Katalog Add-in Tepercaya, tambahkan",
    "    alamat \\\\NAMA-KOMPUTER\\nama-folder, centang \"Tampilkan di Menu\", mulai ulang Excel, lalu",
    "    Sisipkan > Add-in Saya > FOLDER BERSAMA > SAKIP Workbook.",
    "  Mac: salin manifest.xml ke ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/ (buat foldernya",
    "    bila belum ada), mulai ulang Excel, lalu Sisipkan > Add-in > Add-in Saya.",
    "  Excel untuk web: Sisipkan > Add-in > Unggah Add-in Saya > pilih manifest.xml (sertifikat harus dipercaya peramban).",
    "Tombol SAKIP muncul di tab Beranda; fungsi dipakai sebagai =SAKIP.CAPAIAN(80; 82,9).",
    "",
    "Tekan Ctrl+C untuk berhenti.",
  );
  return lines.join("\n");
}

/** webpack-dev-server throws EADDRINUSE from a callback, past any try/catch; ask first. */
function portFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "localhost", () => probe.close(() => resolve(true)));
  });
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.help) {
    console.log("npm start [-- --https | --http] [--port N]");
    return;
  }
  if (!(await portFree(opts.port))) {
    console.error(`Port ${opts.port} sudah dipakai program lain (server lain masih berjalan?). Hentikan program itu atau pakai --port N.`);
    process.exitCode = 1;
    return;
  }
  let certs;
  if (opts.https) certs = await loadDevCertificates();
  const config = createConfig({ WEBPACK_SERVE: true, https: opts.https }, { mode: "development" }, certs ? { https: certs } : {});
  const devServerOptions = { ...config.devServer, port: opts.port };
  const compiler = webpack(config);
  const server = new WebpackDevServer(devServerOptions, compiler);

  const origin = `${opts.https ? "https" : "http"}://localhost:${opts.port}`;
  let announced = false;
  compiler.hooks.done.tap("sakip-start", (stats) => {
    if (stats.hasErrors()) {
      console.error("\nBuild gagal; perbaiki kesalahan di atas (server tetap berjalan dan membangun ulang otomatis).");
      return;
    }
    if (!announced) {
      announced = true;
      console.log(instructions({ origin, https: opts.https, caPath: certs?.caPath, installed: certs?.installed, port: opts.port }));
    }
  });

  try {
    await server.start();
  } catch (e) {
    if (e && e.code === "EADDRINUSE") {
      console.error(`Port ${opts.port} sudah dipakai program lain. Hentikan program itu atau pakai --port N.`);
    } else console.error(e && e.message ? e.message : e);
    process.exitCode = 1;
    return;
  }
  const stop = () => {
    server.stop().finally(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((e) => {
  console.error(e && e.message ? e.message : e);
  process.exitCode = 1;
});
