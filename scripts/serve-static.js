#!/usr/bin/env node
// A tiny static file server (node:http, no dependency) for the built task pane, as any static server would serve it:
//   node scripts/serve-static.js [folder=dist] [port=8080]   → http://localhost:8080/taskpane.html
// Listens on 127.0.0.1 only; GET and HEAD; files under the folder only; every answer carries the pages' CSP (csp.js)
// and no CORS header (no other site may read these files). The end-to-end tests use createStaticServer.
const fs = require("fs");
const http = require("http");
const path = require("path");
const { contentSecurityPolicy } = require("./csp");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/**
 * A server for the files under `root` (not started: call `listen`). `/` redirects to `/taskpane.html`.
 * @param {string} root folder to serve
 * @returns {http.Server}
 */
function createStaticServer(root) {
  const base = path.resolve(root);
  return http.createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(
        new URL(req.url ?? "/", "http://localhost").pathname,
      );
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (pathname === "/") {
      res.writeHead(302, { Location: "/taskpane.html" }).end();
      return;
    }
    const file = path.join(base, pathname);
    if (file !== base && !file.startsWith(base + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    fs.stat(file, (err, stat) => {
      if (err || !stat.isFile()) {
        res
          .writeHead(404, { "Content-Type": TYPES[".txt"] })
          .end("404 Not Found");
        return;
      }
      res.writeHead(200, {
        "Content-Type":
          TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
        "Content-Length": stat.size,
        "Cache-Control": "no-cache",
        "Content-Security-Policy": contentSecurityPolicy(),
        "X-Content-Type-Options": "nosniff",
      });
      if (req.method === "HEAD") res.end();
      else fs.createReadStream(file).pipe(res);
    });
  });
}

module.exports = { createStaticServer };

if (require.main === module) {
  const [folder = "dist", port = "8080"] = process.argv.slice(2);
  if (!fs.existsSync(path.join(folder, "taskpane.html"))) {
    console.error(`${folder} 中没有 taskpane.html：请先运行 npm run build。`);
    process.exit(2);
  }
  const server = createStaticServer(folder);
  server.listen(Number(port), "127.0.0.1", () => {
    console.log(
      `审核工作台：http://localhost:${server.address().port}/taskpane.html （按 Ctrl+C 停止）`,
    );
  });
}
