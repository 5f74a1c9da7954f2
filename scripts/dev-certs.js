/**
 * HTTPS certificates for the development server, from office-addin-dev-certs (in ~/.office-addin-dev-certs).
 *
 * On Windows and macOS, Excel only loads the add-in if the developer CA is trusted, so there we use
 * getHttpsServerOptions(), which also installs the CA (the OS asks for confirmation).
 * Elsewhere (Linux, CI) installing would run `sudo sh install_linux.sh`; we only generate the files
 * and read them, and say how to trust the CA by hand. Never called by a build.
 */
"use strict";
const fs = require("fs");
const { X509Certificate } = require("crypto");

function paths() {
  const d = require("office-addin-dev-certs/lib/defaults");
  return { dir: d.certificateDirectory, ca: d.caCertificatePath, cert: d.localhostCertificatePath, key: d.localhostKeyPath };
}

function expired(certFile) {
  try {
    const c = new X509Certificate(fs.readFileSync(certFile));
    return new Date(c.validTo).getTime() < Date.now() + 60 * 60 * 1000;
  } catch {
    return true;
  }
}

/**
 * @param {{ install?: boolean, log?: (msg: string) => void }} [options] install: trust the CA in the OS store (win32/darwin default)
 * @returns {Promise<{ key: Buffer, cert: Buffer, ca: Buffer, caPath: string, installed: boolean }>}
 */
async function loadDevCertificates(options = {}) {
  const install = options.install ?? (process.platform === "win32" || process.platform === "darwin");
  const log = options.log ?? ((m) => console.log(m));
  const p = paths();
  if (install) {
    const { getHttpsServerOptions } = require("office-addin-dev-certs");
    const o = await getHttpsServerOptions();
    return { key: o.key, cert: o.cert, ca: o.ca, caPath: p.ca, installed: true };
  }
  const present = [p.ca, p.cert, p.key].every((f) => fs.existsSync(f));
  if (!present || expired(p.cert)) {
    if (present) {
      log(`Sertifikat pengembangan di ${p.dir} sudah kedaluwarsa; dibuat ulang.`);
      for (const f of [p.ca, p.cert, p.key]) fs.rmSync(f, { force: true });
    }
    const { generateCertificates } = require("office-addin-dev-certs/lib/generate");
    await generateCertificates();
  }
  return { key: fs.readFileSync(p.key), cert: fs.readFileSync(p.cert), ca: fs.readFileSync(p.ca), caPath: p.ca, installed: false };
}

module.exports = { loadDevCertificates, devCertificatePaths: paths };
