#!/usr/bin/env node
// npm start: with Excel desktop (Windows/macOS) sideload the add-in through office-addin-debugging; elsewhere
// (Linux, no Excel) serve the task pane on localhost and say how to open it and sideload it in Excel on the web.
// Options: --browser (serve only, even when Excel is installed), --http (plain http instead of https),
// --port N (another port than 3000; the server listens on localhost only).
// office-addin-debugging exits 0 on Linux ("platform is not supported"), so the choice is made here by platform.
const { spawn, spawnSync } = require("child_process");
const fs = require("fs");
const https = require("https");
const http = require("http");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const args = process.argv.slice(2);
const useHttp = args.includes("--http");
const portAt = args.indexOf("--port");
const PORT = portAt >= 0 ? Number(args[portAt + 1]) : 3000;
if (!Number.isInteger(PORT) || PORT < 1 || PORT > 65535) {
  console.error(`端口无效：${args[portAt + 1]}（应为 1～65535 的整数）`);
  process.exit(2);
}

/** True when Excel desktop is installed where office-addin-debugging can sideload into it. */
function hasExcelDesktop() {
  if (process.platform === "darwin")
    return fs.existsSync("/Applications/Microsoft Excel.app");
  if (process.platform === "win32") {
    const key =
      "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\excel.exe";
    return spawnSync("reg", ["query", key], { stdio: "ignore" }).status === 0;
  }
  return false;
}

/** Runs a node CLI of node_modules as a child, its output shown here. */
function runNode(script, scriptArgs) {
  return spawn(process.execPath, [require.resolve(script), ...scriptArgs], {
    cwd: ROOT,
    stdio: "inherit",
  });
}

/** Resolves when the dev server answers for taskpane.html (polls once a second, up to `limitMs`). */
function waitForServer(url, limitMs) {
  const client = url.startsWith("https:") ? https : http;
  const start = Date.now();
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const req = client.get(url, { rejectUnauthorized: false }, (res) => {
        res.resume();
        if (res.statusCode === 200) resolve();
        else retry();
      });
      req.on("error", retry);
    };
    const retry = () =>
      Date.now() - start > limitMs
        ? reject(new Error(`${url} 无响应`))
        : setTimeout(attempt, 1000);
    attempt();
  });
}

const CERT_HELP = `· 首次打开时浏览器会提示证书不受信任（本机自签名证书），请选择继续访问；
  也可运行 npx office-addin-dev-certs install 生成开发证书（再次运行 npm start 时使用）。`;

const SIDELOAD_HELP = `· 在 Excel 网页版中旁加载（sideload）本加载项：
  1. 用浏览器打开 https://www.office.com ，新建或打开一个 Excel 工作簿；
  2. 依次点击“开始”→“加载项”（或“插入”→“Office 加载项”）→“上传我的加载项”；
  3. 选择本项目的 manifest.xml（${path.join(ROOT, "manifest.xml")}），点击“上传”；
  4. 在“开始”选项卡点击“技改填报助手”按钮打开任务窗格。
  （Excel 网页版从本机的 https://localhost:${PORT} 加载任务窗格，请保持本窗口运行。）`;

const HTTP_NOTE = `· 当前为 http 模式，仅供本机测试；在 Excel 中旁加载需要 https，请不带 --http 运行 npm start。`;

function printBrowserHelp(url) {
  console.log(`
================================================================
技改填报助手任务窗格已在本机启动：

  ${url}

· 在浏览器中打开上面的地址：不在 Excel 中时显示“审核工作台”（浏览器模式）。
${useHttp ? HTTP_NOTE : `${CERT_HELP}\n${SIDELOAD_HELP}`}

按 Ctrl+C 停止服务。
================================================================`);
}

function serveTaskpane() {
  const url = `${useHttp ? "http" : "https"}://localhost:${PORT}/taskpane.html`;
  console.log(
    `此机器无法旁加载到 Excel 桌面版（平台：${process.platform}），改为在本机启动任务窗格网页服务…`,
  );
  const serveArgs = [
    "serve",
    "--mode",
    "development",
    ...(useHttp ? ["--env", "http"] : []),
    "--env",
    `port=${PORT}`,
  ];
  // webpack-cli by its own node command, not npx: its PID is the server's, so stopping it stops the server.
  const server = runNode("webpack-cli/bin/cli.js", serveArgs);
  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    console.log("\n正在停止本机服务…");
    server.kill(signal);
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  server.on("exit", (code, signal) => {
    if (!stopping)
      console.error(`本机服务意外退出（${signal ?? `退出码 ${code}`}）。`);
    process.exit(stopping ? 0 : (code ?? 1));
  });
  waitForServer(url, 180000).then(
    () => printBrowserHelp(url),
    (err) => console.error(`服务未能启动：${err.message}`),
  );
}

function sideload() {
  console.log(
    "检测到 Excel 桌面版：通过 office-addin-debugging 旁加载加载项（停止请运行 npm stop）…",
  );
  const child = runNode("office-addin-debugging/cli.js", [
    "start",
    "manifest.xml",
    "desktop",
    "--app",
    "excel",
  ]);
  child.on("exit", (code) => process.exit(code ?? 1));
}

if (!args.includes("--browser") && hasExcelDesktop()) sideload();
else serveTaskpane();
