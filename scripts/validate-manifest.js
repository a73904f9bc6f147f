#!/usr/bin/env node
// npm run validate: Microsoft's online manifest validator where reachable, then always our offline check
// (scripts/manifest-check.js). The exit code follows the offline check only, so that `validate` works offline.
const { spawn } = require("child_process");
const path = require("path");
const { runManifestCheck } = require("./manifest-check");

const ROOT = path.resolve(__dirname, "..");
// `npm run validate -- dist/manifest.xml` checks a deployment manifest (npm run build -- --env host=…).
const MANIFEST = path.resolve(
  process.argv[2] ?? path.join(ROOT, "manifest.xml"),
);
const ONLINE_TIMEOUT_MS = 20000;

/**
 * Runs `office-addin-manifest validate` (it calls a Microsoft web service) with a timeout.
 * @returns {Promise<{ok: boolean, output: string}>} ok false when invalid, offline or too slow
 */
function validateOnline(file) {
  const cli = require.resolve("office-addin-manifest/cli.js");
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, "validate", file], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const timer = setTimeout(() => {
      output += `\n(no answer within ${ONLINE_TIMEOUT_MS / 1000} s)`;
      child.kill();
    }, ONLINE_TIMEOUT_MS);
    child.on("error", (err) => {
      clearTimeout(timer);
      resolve({ ok: false, output: String(err) });
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ ok: code === 0, output: output.trim() });
    });
  });
}

async function main() {
  console.log(
    "在线校验（Microsoft 清单校验服务）… / Online validation (Microsoft service)…",
  );
  const online = await validateOnline(MANIFEST);
  if (online.ok) {
    console.log(online.output);
    console.log("在线校验通过。/ Online validation passed.");
  } else {
    console.log(online.output);
    console.log(
      "在线校验未通过或无法连接 Microsoft 服务（离线时属正常），以下结果以离线检查为准。\n" +
        "Online validation failed or the Microsoft service is unreachable (expected offline); the offline check below decides.",
    );
  }
  console.log("离线检查 / Offline check…");
  const ok = await runManifestCheck(MANIFEST);
  process.exitCode = ok ? 0 : 1;
}

main();
