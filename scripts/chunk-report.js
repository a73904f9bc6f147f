// Reports every script chunk of the task pane build: its files, size, gzip size, the npm packages in it, and when the
// page loads it (at start, when the file worker starts, or on demand — and on which import). Written as chunks.json next to the build and, for
// production builds, printed. A production build fails when the scripts loaded at start pass INITIAL_BUDGET_GZIP.
const zlib = require("zlib");
const { Compilation, WebpackError, sources } = require("webpack");

/** Most gzip bytes of script the task pane may load before the user does anything (React, Fluent UI, the shell). */
const INITIAL_BUDGET_GZIP = 250 * 1024;

/** When a chunk is loaded, in words a reader of the report understands. */
function whenLoaded(chunk, initial, workerStart) {
  if (initial.has(chunk)) return "页面打开时";
  if (workerStart.has(chunk)) return "首个文件任务启动文件处理线程时";
  const origins = new Set();
  for (const group of chunk.groupsIterable)
    for (const o of group.origins) if (o.request) origins.add(o.request);
  return `按需：import(${[...origins].join("、")})`;
}

class ChunkReportPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("ChunkReportPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        {
          name: "ChunkReportPlugin",
          stage: Compilation.PROCESS_ASSETS_STAGE_REPORT,
        },
        () => {
          const initial = new Set(
            compilation.entrypoints.get("taskpane")?.chunks ?? [],
          );
          const workerStart = new Set(
            [...compilation.asyncEntrypoints].flatMap((e) => e.chunks),
          );
          const packagesOf = (chunk) => {
            const names = new Set();
            for (const m of compilation.chunkGraph.getChunkModulesIterable(
              chunk,
            ))
              for (const inner of m.modules ?? [m]) {
                const hit = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(
                  inner.resource ?? "",
                );
                if (hit) names.add(hit[1].replace("\\", "/"));
              }
            return [...names].sort();
          };
          const rows = [...compilation.chunks].map((chunk) => {
            const files = [...chunk.files].filter((f) => f.endsWith(".js"));
            const bytes = files.map((f) =>
              compilation.getAsset(f).source.buffer(),
            );
            return {
              chunk: chunk.name ?? String(chunk.id),
              files,
              bytes: bytes.reduce((n, b) => n + b.length, 0),
              gzip: bytes.reduce(
                (n, b) => n + zlib.gzipSync(b, { level: 9 }).length,
                0,
              ),
              loads: whenLoaded(chunk, initial, workerStart),
              packages: packagesOf(chunk),
            };
          });
          rows.sort(
            (a, b) => a.loads.localeCompare(b.loads) || b.gzip - a.gzip,
          );
          const initialGzip = rows
            .filter((r) => r.loads === "页面打开时")
            .reduce((n, r) => n + r.gzip, 0);
          // A module in two chunks would be downloaded and run twice (once by the page, once by the worker).
          const duplicated = [...compilation.modules]
            .filter(
              (m) => compilation.chunkGraph.getNumberOfModuleChunks(m) > 1,
            )
            .map((m) => m.readableIdentifier(compilation.requestShortener));
          const report = {
            initialGzip,
            budgetGzip: INITIAL_BUDGET_GZIP,
            duplicated,
            chunks: rows,
          };
          compilation.emitAsset(
            "chunks.json",
            new sources.RawSource(JSON.stringify(report, null, 2)),
          );
          if (compilation.options.mode === "production") {
            const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
            console.log("\n任务窗格脚本（gzip 后大小，何时载入）：");
            for (const r of rows)
              console.log(
                `  ${r.files.join(", ").padEnd(34)} ${kb(r.bytes).padStart(10)} ${kb(r.gzip).padStart(9)} gzip  ${r.loads}`,
              );
            console.log(
              `  页面打开时共 ${kb(initialGzip)} gzip（上限 ${kb(INITIAL_BUDGET_GZIP)}）；重复打包的模块 ${duplicated.length} 个\n`,
            );
          }
          // Development builds are not minified: the budget is for what users receive.
          if (
            compilation.options.mode === "production" &&
            initialGzip > INITIAL_BUDGET_GZIP
          )
            compilation.errors.push(
              new WebpackError(
                `任务窗格首屏脚本 ${initialGzip} 字节（gzip），超过上限 ${INITIAL_BUDGET_GZIP} 字节。`,
              ),
            );
        },
      );
    });
  }
}

module.exports = { ChunkReportPlugin, INITIAL_BUDGET_GZIP };
