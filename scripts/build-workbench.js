#!/usr/bin/env node
// Builds the one-file 审核工作台: <folder>/workbench.html (default dist/), one self-contained HTML file — scripts and
// the file worker inlined, styles made at run time by Fluent UI — that a reviewer copies to a USB stick and opens by
// double-click (file://) in a Chromium-based browser, with no server and no network. Run by `npm run build`.
//   node scripts/build-workbench.js [folder]
// The worker (src/taskpane/worker/worker.ts, with SheetJS and ExcelJS) is bundled first into one script whose text
// the page starts as a blob: worker (src/taskpane/standalone.tsx). The page's CSP allows exactly its one inline script
// (by hash) and blob: workers.
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const esbuild = require("esbuild");
const { contentSecurityPolicy } = require("./csp");

const ROOT = path.resolve(__dirname, "..");

/** esbuild options of both bundles: one browser script, no other file. */
const COMMON = {
  bundle: true,
  write: false,
  format: "iife",
  platform: "browser",
  target: ["chrome90"],
  minify: true,
  legalComments: "none",
  logLevel: "error",
  define: {
    "process.env.NODE_ENV": '"production"',
    "process.env.TECHFUND_DEMO_PRELOAD": '""',
  },
};

/** A script's text made safe inside `<script>…</script>`: no `</script` or `<!--` can end or change the element. */
function inlineSafe(js) {
  return js.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
}

async function bundle(entry, define = {}) {
  const out = await esbuild.build({
    ...COMMON,
    entryPoints: [path.join(ROOT, entry)],
    define: { ...COMMON.define, ...define },
  });
  return out.outputFiles[0].text;
}

/**
 * Writes `<folder>/workbench.html`.
 * @param {string} folder
 * @returns {Promise<string>} the file's path
 */
async function buildWorkbench(folder) {
  const worker = await bundle("src/taskpane/worker/worker.ts");
  const page = inlineSafe(
    await bundle("src/taskpane/standalone.tsx", {
      WORKER_SOURCE: JSON.stringify(worker),
    }),
  );
  const hash = crypto
    .createHash("sha256")
    .update(page, "utf8")
    .digest("base64");
  const html = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy({ scriptHash: hash })}">
<title>技改填报助手 · 审核工作台</title>
</head>
<body>
<div id="root"></div>
<noscript>技改填报助手需要启用 JavaScript。</noscript>
<script>${page}</script>
</body>
</html>
`;
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, "workbench.html");
  const partial = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(partial, html);
  fs.renameSync(partial, file);
  return file;
}

module.exports = { buildWorkbench };

if (require.main === module) {
  const folder = path.resolve(process.argv[2] ?? path.join(ROOT, "dist"));
  buildWorkbench(folder).then(
    (file) =>
      console.log(
        `单文件审核工作台：${file}（${(fs.statSync(file).size / 1024 / 1024).toFixed(1)} MB）`,
      ),
    (err) => {
      console.error(`单文件审核工作台生成失败：${err.message}`);
      process.exit(1);
    },
  );
}
