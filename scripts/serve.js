#!/usr/bin/env node
/**
 * Zero-dependency static server for the build output, bound to 127.0.0.1 only.
 *
 *   node scripts/serve.js [--root dist] [--port 0] [--https]
 *
 * Port 0 (the default) picks a free port; the address is printed. --https uses the
 * office-addin-dev-certs files in ~/.office-addin-dev-certs (create them once with `npm start -- --https`).
 * Used by the e2e test through `serve({ root, port })`.
 */
"use strict";
const fs = require("fs");
const http = require("http");
const https = require("https");
const os = require("os");
const path = require("path");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
};

/**
 * @param {{ root?: string, port?: number, host?: string, tls?: { key: Buffer | string, cert: Buffer | string } }} [options]
 * @returns {Promise<{ url: string, port: number, server: import("http").Server, close: () => Promise<void> }>}
 */
function serve(options = {}) {
  const root = path.resolve(options.root ?? "dist");
  const host = options.host ?? "127.0.0.1";
  if (!fs.existsSync(root)) return Promise.reject(new Error(`${root} does not exist; run \`npm run build\` first.`));

  const handler = (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    } catch {
      res.writeHead(400).end("bad request");
      return;
    }
    if (pathname === "/") {
      res.writeHead(302, { Location: "/taskpane.html" }).end();
      return;
    }
    const file = path.join(root, pathname);
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end("forbidden");
      return;
    }
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) {
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end(`not found: ${pathname}`);
        return;
      }
      res.writeHead(200, {
        "Content-Type": TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
        "Content-Length": st.size,
        "Cache-Control": "no-store",
      });
      if (req.method === "HEAD") res.end();
      else fs.createReadStream(file).pipe(res);
    });
  };

  const server = options.tls ? https.createServer({ key: options.tls.key, cert: options.tls.cert }, handler) : http.createServer(handler);
  const sockets = new Set();
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      const addr = server.address();
      const port = typeof addr === "object" && addr ? addr.port : Number(options.port);
      const url = `${options.tls ? "https" : "http"}://${host}:${port}`;
      resolve({
        url,
        port,
        server,
        close: () =>
          new Promise((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

function devCertificateFiles() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  return { key: path.join(dir, "localhost.key"), cert: path.join(dir, "localhost.crt") };
}

async function main(argv) {
  const opts = { root: "dist", port: 0 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--root") opts.root = argv[++i];
    else if (a === "--port") opts.port = Number(argv[++i]);
    else if (a === "--https") {
      const f = devCertificateFiles();
      if (!fs.existsSync(f.key) || !fs.existsSync(f.cert)) {
        console.error(`Sertifikat tidak ditemukan di ${path.dirname(f.key)}. Buat dulu dengan: npm start -- --https`);
        return 1;
      }
      opts.tls = { key: fs.readFileSync(f.key), cert: fs.readFileSync(f.cert) };
    } else {
      console.error("usage: node scripts/serve.js [--root dist] [--port N] [--https]");
      return 2;
    }
  }
  const s = await serve(opts);
  console.log(`Menyajikan ${path.resolve(opts.root)} di ${s.url}/taskpane.html (Ctrl+C untuk berhenti)`);
  return undefined;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      if (code !== undefined) process.exitCode = code;
    },
    (e) => {
      console.error(e.message);
      process.exitCode = 1;
    },
  );
}

module.exports = { serve };
