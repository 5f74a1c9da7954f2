/**
 * Task pane + custom functions in ONE page (shared runtime): both entries are injected into
 * dist/taskpane.html; there is no functions.html. CustomFunctionsMetadataPlugin writes
 * dist/functions.json from the JSDoc in src/functions/functions.ts and appends the
 * CustomFunctions.associate calls to that module.
 *
 *   npx webpack --mode production|development        (npm run build / build:dev)
 *   npm start                                          (scripts/start.js runs the dev server with this config)
 *
 * Types: ts-loader runs transpileOnly (about a third faster); the type check is `npm run typecheck`.
 *
 * office.js: by default the page loads the local copy from @microsoft/office-js, copied to
 * dist/assets/office-js, so the task pane works offline and in tests. A release build for users
 * (AppSource requires the CDN) sets OFFICE_JS=cdn:  OFFICE_JS=cdn npm run build
 *
 * HTTPS certificates are only read when the dev server runs with `--env https` (scripts/start.js
 * does this); a build never touches office-addin-dev-certs.
 */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_LOCAL = "assets/office-js/office.js";
const DEV_PORT = 3000;
/** The parse worker's script (its webpackChunkName in src/taskpane/parse-worker-spawn.ts). */
const PARSE_WORKER_CHUNK = "parse-lra";

/** Host scripts of other Office apps and debug builds: 70 MB we never load from Excel. */
const OFFICE_JS_EXCLUDE = [
  "**/word*",
  "**/outlook*",
  "**/powerpoint*",
  "**/onenote*",
  "**/project*",
  "**/visio*",
  "**/access*",
  "**/*.debug.js",
  "**/*vsdoc*",
  "**/*.d.ts",
];

const ENTRY = {
  // functions.js carries the webpack runtime and the shared core; the task pane reuses those modules
  functions: "./src/functions/functions.ts",
  taskpane: { import: "./src/taskpane/index.tsx", dependOn: "functions" },
};
/** What the page loads before it shows anything: the entries' own files (output.filename "[name].js"). */
const INITIAL_SCRIPTS = new Set(Object.keys(ENTRY).map((name) => `${name}.js`));

/**
 * Assets the size hints judge: what the task pane loads at start. Not the copied office.js host
 * scripts (not ours to size), not source maps, and not lazily loaded chunks (every panel, the session
 * grid, the workbook adapters, the SIPD parser, ExcelJS for the download): they are fetched when a
 * user asks for them, and ExcelJS alone is over the limit by design. Every other script is such a
 * chunk, because splitChunks splits async chunks only (the webpack default, kept above). The first
 * load against a minimal React + Fluent UI + zod page: `npm run bench bundle`.
 * @param {string} file
 */
function sizedAsset(file) {
  if (file.startsWith("assets/office-js/") || file.endsWith(".map")) return false;
  return !file.endsWith(".js") || INITIAL_SCRIPTS.has(file);
}

/**
 * @param {Record<string, string | boolean>} env  webpack --env values (WEBPACK_SERVE, https)
 * @param {{ mode?: string }} argv
 * @param {{ https?: import("https").ServerOptions }} [serve]  certificates, passed by scripts/start.js
 */
function createConfig(env = {}, argv = {}, serve = {}) {
  const mode = argv.mode === "development" ? "development" : "production";
  const dev = mode === "development";
  const officeJs = (process.env.OFFICE_JS ?? "local").toLowerCase();
  if (!["local", "cdn"].includes(officeJs)) throw new Error(`OFFICE_JS must be "local" or "cdn", got "${process.env.OFFICE_JS}"`);
  const useCdn = officeJs === "cdn";

  const copy = [
    { from: "manifest.xml", to: "manifest.xml" },
    { from: "assets", to: "assets", globOptions: { ignore: ["**/.DS_Store"] } },
  ];
  if (!useCdn) {
    copy.push({
      from: path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist"),
      to: "assets/office-js",
      globOptions: { ignore: OFFICE_JS_EXCLUDE },
      // already minified; without this Terser re-minifies 13 MB and the build takes a minute
      info: { minimized: true },
    });
  }

  return {
    mode,
    context: __dirname,
    devtool: dev ? "eval-source-map" : "source-map",
    entry: ENTRY,
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // dist/node/ is the tsc output for the CLI (npm run build runs tsc after webpack); keep it
      clean: { keep: /^node[\\/]/ },
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs", ".json"],
      // Node-only PNG renderer of report charts (a native binary); the task pane rasterizes with a canvas
      alias: { "@resvg/resvg-js": false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, configFile: "tsconfig.json" } },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: "./src/functions/functions.ts", output: "functions.json" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        templateParameters: { officeJsUrl: useCdn ? OFFICE_JS_CDN : OFFICE_JS_LOCAL },
      }),
      new CopyWebpackPlugin({ patterns: copy }),
    ],
    optimization: {
      splitChunks: {
        // async chunks only (webpack's default), but not the parse worker: it is one script of its own
        // (the parser, without layouts or React), and a shared chunk would cost it one more fetch
        chunks: (chunk) => !chunk.canBeInitial() && chunk.name !== PARSE_WORKER_CHUNK,
        cacheGroups: {
          // ExcelJS, its zip library and the XML parsers the .xlsx adapter uses (~1.1 MB) under a name that
          // says what it is; only the .xlsx download fetches it. Async chunks only, so the initial scripts
          // never carry it.
          exceljs: { test: /[\\/]node_modules[\\/](exceljs|jszip|@xmldom[\\/]xmldom|saxes|xmlchars)[\\/]/, name: "exceljs", chunks: "async", priority: 10 },
        },
      },
    },
    performance: {
      // React + Fluent UI is ~400 KiB minified; warn only well above that
      maxEntrypointSize: 700 * 1024,
      maxAssetSize: 700 * 1024,
      assetFilter: sizedAsset,
    },
    devServer: {
      host: "localhost",
      port: DEV_PORT,
      static: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: serve.https ? { type: "https", options: serve.https } : "http",
      client: { overlay: { warnings: false, errors: true } },
      devMiddleware: { writeToDisk: false },
    },
    stats: "errors-warnings",
  };
}

/**
 * `webpack serve --env https` reads (never installs) the office-addin-dev-certs certificates;
 * scripts/start.js passes them itself.
 */
module.exports = async (env = {}, argv = {}) => {
  if (env.WEBPACK_SERVE && env.https) {
    const { loadDevCertificates } = require("./scripts/dev-certs");
    return createConfig(env, argv, { https: await loadDevCertificates() });
  }
  return createConfig(env, argv);
};
module.exports.createConfig = createConfig;
module.exports.OFFICE_JS_CDN = OFFICE_JS_CDN;
module.exports.DEV_PORT = DEV_PORT;
module.exports.sizedAsset = sizedAsset;
