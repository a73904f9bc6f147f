// Loaded with `node --require` into each process `npm run bench` times (and, through the inherited execArgv, into the
// CLI's reading threads). Appends JSON lines to the file named by BENCH_USAGE_FILE:
// - {firstRead}: the time (ms since the epoch) the first spreadsheet file was read, in whichever thread;
// - at exit of the main thread {start, end, cpuMs, maxRssMb}: the process's start and end, its CPU time over all its
//   threads (user + system) and its peak resident memory.
const fs = require("fs");
const { isMainThread } = require("worker_threads");

const out = process.env.BENCH_USAGE_FILE;
if (out) {
  const readFileSync = fs.readFileSync;
  let seen = false;
  fs.readFileSync = function (file, ...rest) {
    if (!seen && typeof file === "string" && /\.(xlsx|xls|csv)$/i.test(file)) {
      seen = true;
      fs.appendFileSync(out, `${JSON.stringify({ firstRead: Date.now() })}\n`);
    }
    return readFileSync.call(this, file, ...rest);
  };
  if (isMainThread) {
    const start = Date.now() - process.uptime() * 1000;
    process.on("exit", () => {
      const cpu = process.cpuUsage();
      const line = {
        start,
        end: Date.now(),
        cpuMs: (cpu.user + cpu.system) / 1000,
        maxRssMb: process.resourceUsage().maxRSS / 1024,
      };
      fs.appendFileSync(out, `${JSON.stringify(line)}\n`);
    });
  }
}
