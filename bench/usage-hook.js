// Loaded with `node --require` into each process `npm run bench` times (and, through the inherited execArgv, into the
// CLI's reading processes). Appends JSON lines to the file named by BENCH_USAGE_FILE:
// - {firstRead}: the time (ms since the epoch) the first spreadsheet file was read, in whichever process;
// - at exit of the process the bench started {start, end, cpuMs, maxRssMb}: its start and end, its CPU time (user +
//   system) over all its threads and over the reading processes it started and waited for (Linux: the children's
//   times in /proc/self/stat), and its peak resident memory.
const fs = require("fs");
const { isMainThread } = require("worker_threads");

/** CPU ms of the children this process has waited for (Linux; 0 elsewhere). */
function childrenCpuMs() {
  try {
    // Fields after the command name `(…)`: state is field 3; cutime and cstime are fields 16 and 17, in clock ticks.
    const stat = fs.readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[13]) + Number(fields[14]);
    return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return 0;
  }
}

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
  // The reading processes have an IPC channel (process.send): only the process the bench started reports its usage.
  if (isMainThread && process.send === undefined) {
    const start = Date.now() - process.uptime() * 1000;
    process.on("exit", () => {
      const cpu = process.cpuUsage();
      const line = {
        start,
        end: Date.now(),
        cpuMs: (cpu.user + cpu.system) / 1000 + childrenCpuMs(),
        maxRssMb: process.resourceUsage().maxRSS / 1024,
      };
      fs.appendFileSync(out, `${JSON.stringify(line)}\n`);
    });
  }
}
