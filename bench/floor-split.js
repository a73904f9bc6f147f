// The floor run as two cores would run it: one bare-parse process (../shared/bench/bench-floor.mjs) per folder, all
// at once, waited for. `npm run bench` times this whole process (with the usage hook: its CPU time counts the children
// it waited for), to show what two reading processes can give on this machine at best.
// Usage: node bench/floor-split.js FLOOR_SCRIPT DIR...
const { spawn } = require("child_process");

const [floor, ...dirs] = process.argv.slice(2);
let failed = 0;
let left = dirs.length;
for (const dir of dirs) {
  const child = spawn(process.execPath, [floor, dir], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  child.on("exit", (code) => {
    if (code !== 0) failed = code ?? 1;
    if (--left === 0) process.exitCode = failed;
  });
}
